// session_state.h: what the rooms of a running kiosk share. The session (kiosk_session.h) owns
// one SessionState and hands it to each room: navigation, the check-in flow, the staff desk,
// running late, the health probe, the config watcher. Each room keeps its own state private and
// reads or changes only the shared parts its purpose paragraph names.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "export/export_target.h"
#include "session/roster_cache.h"
#include "central/sync_worker.h"
#include "content/config_loader.h"
#include "core/attendance.h"
#include "core/clock.h"
#include "core/text_catalogue.h"
#include "store/store_worker.h"
#include "ui/screen_id.h"
#include "ui/ui_state.h"

namespace kiosk {

struct SessionOptions {
    std::filesystem::path configDir;        // empty: the embedded default config
    std::filesystem::path dbPath;           // attendance database
    std::optional<Lang> lang;               // overrides kiosk.toml
    ui::Screen startScreen = ui::Screen::home;
    bool watchConfig = true;                // notice edits to the config folder
    std::string speechLog;                  // --speech-log: each utterance as a JSON line (speech.h)
    std::string audioDevice = "default";    // --audio-device: the ALSA PCM speech plays on ("" = none)
    // The writable USB sticks now (export_target.h); empty: this machine's (tests put sticks in).
    std::function<std::vector<ExportTarget>()> removableDrives;
};

// The matrix's days folded on the store thread (ledger_days.h): the days the ledger does not hold.
struct MatrixFold {
    LocalDate from, to;
    AttendanceSummary summary;
    uint64_t version = 0;  // a new fold each time
};

// The staff History page's changes as the store had them when it opened (ledger_days.h); the
// ledger adds what was written since.
struct StaffHistoryFold {
    std::vector<AttendanceEvent> changes;  // newest first
    std::vector<AttendanceEvent> walkIns;  // the walk-ins reviews name
    uint64_t version = 0;
};

struct SessionState {
    SessionState(const SessionOptions& o, const Clock& c, std::function<void()> w)
        : options(o), clock(c), wake(std::move(w)) {}

    SessionOptions options;
    const Clock& clock;
    std::function<void()> wake;                // wakes the frame loop (from the store thread, a job)
    Texts texts;                               // in the language shown now
    LoadedConfig config;                       // the last good config
    RosterCache roster;                        // active participants, by first name
    AttendanceLedger ledger;                   // the days shown, folded (core/attendance.h, WHAT THE KIOSK HOLDS)
    std::optional<MatrixFold> matrixFold;      // the staff matrix's days, when a staff page shows them
    std::optional<StaffHistoryFold> history;   // the History page's changes, while it is open
    std::unique_ptr<StoreWorker> worker;       // the store thread (null: not open, or stopped)
    std::unique_ptr<SyncWorker> sync;          // the sync thread (null: no [central] url, or stopped)
    ui::UiState ui;                            // the screens' state between frames
    std::string storeProblem;                  // the last failed write, in words ("" when writing works)
    std::vector<std::string> startupProblems;  // said at start (stderr) and on the Status page
    std::vector<std::string> configProblems;   // the newest config on disk, when it was refused
    std::string clockStatus;                   // the clock judged against the records, in words (at start)
    bool clockOk = true;

    // The language a person sees when nobody chose one: --lang, else kiosk.toml's.
    Lang defaultLang() const { return options.lang.value_or(config.settings.lang); }
    // A failed store request, in words on screen and in full in the journal (stderr).
    void reportStoreProblem(const StoreStatus& s, const std::string& what = {});
};

}  // namespace kiosk
