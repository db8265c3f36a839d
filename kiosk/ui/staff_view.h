// staff_view.h: what the staff pages and the PIN pad read. Built by the staff desk
// (session/staff_desk.cpp) only while staff mode is unlocked; the PIN pad's part is public.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/cohort_matrix.h"
#include "core/presence_list.h"
#include "core/programme.h"

namespace kiosk::ui {

// One fact of the Status page in words (the central record's lines, central/sync_status.h).
struct StaffHealthLine {
    bool ok = true;  // false: drawn as needing attention
    std::string label, value;
    bool urgent = false;  // needs a person to fix it (two boxes under one kiosk id): drawn in red
};

// Staff mode's data, built by the app only while staff mode is unlocked.
struct StaffHealth {
    std::string databasePath;
    int64_t databaseBytes = 0, walBytes = 0;
    int64_t freeBytes = -1;                   // on the database's disk (-1: unknown)
    std::optional<LocalDateTime> lastBackup;  // newest daily backup
    std::string lastBackupPath;
    std::optional<LocalDateTime> lastExport;
    std::string lastExportPath;
    std::vector<std::string> configProblems;  // the newest config on disk, when it was refused
    std::vector<std::string> startupProblems;
    std::string storeProblem;
    std::string clockWarning;                 // the clock disagrees with the records ("" when plausible)
    size_t eventCount = 0;
    std::string version;
    std::vector<StaffHealthLine> central;     // the central record: on or off, connected, waiting, kiosks
};

struct StaffHistoryRow {
    LocalDateTime recordedAt;  // when the change was made
    LocalDate day;             // the day it changed
    std::string who;           // the participant or guest it is about
    std::string what;          // in words: "aanwezig vanaf 09:05", "gast bevestigd"
    std::string reason, actor;
};

// UiState::staffCohort on the Vandaag page of the day's walk-ins (StaffView::guestsList); no
// cohort id (a [[cohort]] with this id would be shown as the group instead).
inline constexpr const char* kGuestsList = "\x01gasten";

struct StaffView {
    LocalDate date;                          // the day shown (today unless staff stepped back)
    const ProgrammeDay* day = nullptr;       // its programme day, if any (of the group shown)
    // Several cohorts (issue 30): the groups meeting the day shown (two or more: Vandaag shows one of
    // them, `listCohort`, and offers the next), and every cohort of the programme (the Matrix shows
    // `matrix.cohortId` and offers the next). One cohort: both lists hold at most one, nothing offered.
    // On a date with two or more groups, dayCohorts ends with kGuestsList: the day's walk-ins are
    // listed once, on a page of their own (`guestsList`), never on each group's list (a walk-in
    // names no group: README, several cohorts).
    std::vector<std::string> dayCohorts, cohorts;
    std::string listCohort, listGroupName;
    bool guestsList = false;                 // the page of the day's walk-ins (two or more groups that day)
    int guestsToReview = 0;                  // walk-ins of the day not yet confirmed or linked
    std::vector<PresenceRow> rows;           // the cohort (absent ones too), then the guests
    std::vector<PresenceRow> dayRows;        // every row of the day, whichever page shows it: the
                                             // correction form's person, the people a walk-in can be linked to
    const std::vector<PresenceRow>& everyRow() const { return dayRows.empty() ? rows : dayRows; }  // a view built by hand: rows
    bool loading = false;                    // the day's events are on their way from the store ("laden…")
    bool matrixLoading = false;              // the matrix's days are being folded on the store thread
    int present = 0, late = 0, leftEarly = 0, absent = 0, excused = 0, guests = 0;
    CohortMatrix matrix;
    std::vector<std::string> atRisk;         // full names of the cohort's people with no day left to miss
    std::vector<StaffHistoryRow> history;    // newest first
    StaffHealth health;
    std::string exportTarget;                // where an export would go now, in words ("USB-stick KINGSTON")
    std::string exportFolder;                // ... and that folder's path
    bool exportToDrive = false;
    // Several USB sticks in (export_target.h, rule 2): each one's name and size and folder, in mount
    // order; staff choose one before anything is written (`exportTarget` then says "choose").
    struct Drive {
        std::string label;   // "STAFF KEY · 32 GB"
        std::string folder;  // its mount folder (UiState::exportDrive)
    };
    std::vector<Drive> drives;
    bool mustChooseDrive = false;
    bool exportBusy = false;
    bool saving = false;                     // a correction is on its way to the disk
    std::string exportMessage;               // the last export's outcome in words, or why it failed
    std::string exportPath;                  // the file it wrote
    bool exportFailed = false;
    int autoLockSeconds = 0;                 // until staff mode locks itself without a touch
};

// The PIN pad's state (public: it is the door to staff mode).
struct PinPadView {
    bool configured = false;   // a PIN hash is set in kiosk.toml
    bool checking = false;     // the hash is being verified (a fraction of a second)
    int lockedSeconds = 0;     // too many wrong tries: no try before this runs out
    bool finalLock = false;    // 100 wrong tries in a row: locked until `set-pin` (pin_lockout.h)
    int triesLeft = 0;         // before the next lock-out
};

}  // namespace kiosk::ui
