// kiosk_session.h: one running kiosk without its window: config, roster, attendance ledger, the
// store thread and the UI state. It builds each frame's view from memory, draws the screens, and
// applies what they ask for. The GLFW shell (window_app.cpp) and the headless UI tests both drive
// it, so everything a test taps through is the real thing.
#pragma once

#include <filesystem>
#include <future>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/background_job.h"
#include "content/config_loader.h"
#include "core/attendance.h"
#include "core/badge_reader.h"
#include "core/exercise_player.h"
#include "core/clock.h"
#include "core/pin_lockout.h"
#include "export/attendance_export.h"
#include "core/text_catalogue.h"
#include "store/backup_rotation.h"
#include "store/store_worker.h"
#include "ui/kiosk_view.h"

namespace kiosk {

struct SessionOptions {
    std::filesystem::path configDir;        // empty: the embedded default config
    std::filesystem::path dbPath;           // attendance database
    std::optional<Lang> lang;               // overrides kiosk.toml
    ui::Screen startScreen = ui::Screen::home;
    bool watchConfig = true;                // notice edits to the config folder
};

// Texts from the embedded catalogues (nl and en), in `lang`.
Texts loadEmbeddedTexts(Lang lang);
// The embedded default config folder.
ConfigFiles embeddedConfig();

class KioskSession {
public:
    // Reads config, opens the store (quarantining a damaged file), imports the roster, loads the
    // log. Problems that do not stop the kiosk are kept in startupProblems().
    KioskSession(const SessionOptions& options, const Clock& clock, std::function<void()> wake);
    ~KioskSession();

    // Whether the kiosk can run at all (config without errors, store open); else why not.
    bool ready() const { return ready_; }
    bool configError() const { return configError_; }
    const std::vector<std::string>& startupProblems() const { return startupProblems_; }
    // Errors of the newest config on disk when it was refused (the kiosk runs on the last good one).
    const std::vector<std::string>& configProblems() const { return configProblems_; }

    // One frame of UI (between ImGui::NewFrame and ImGui::Render).
    void frame();
    // A person touched the screen or pressed a key.
    void noteInput();
    // Milliseconds until something visible changes without input (clock minute, countdowns,
    // return home, agenda item). The frame loop sleeps this long at most.
    int64_t msUntilNextChange() const;
    // Milliseconds until the config folder should be looked at again (no drawing needed for that).
    int64_t msUntilConfigPoll() const;
    // Cheap (stat only); reloads the config when a file changed. Returns true when the view changed.
    bool pollConfig();
    // Applies store completions; true when something changed.
    bool drainStore();
    // A write, a PIN check or an export still under way (the scripted taps and screenshots wait).
    bool storeBusy() const;
    // Finishes every queued write and stops the store thread (before the window system goes away:
    // the thread wakes the frame loop through it).
    void stopStore();

    ui::UiState& uiState() { return ui_; }
    const ExercisePlayer* player() const { return running_ ? &running_->player : nullptr; }
    const Texts& texts() const { return texts_; }
    const LoadedConfig& config() const { return config_; }
    const AttendanceLedger& ledger() const { return ledger_; }
    const std::vector<Participant>& roster() const { return roster_; }
    ui::KioskView buildView() const;
    // Outside programme hours (an hour before the day starts, an hour after it ends, or a day
    // without programme) and untouched for a minute: the home screen dims.
    bool dimmed(Instant now) const;
    void apply(const ui::Intent& intent);

    bool staffUnlocked() const { return staffUnlocked_; }
    // Waits for a PIN check or an export running on its own thread (tests, shutdown).
    void finishBackgroundWork();

private:
    struct PendingWrite {
        ui::Feedback::Kind onSuccess;
        std::string code;
        std::string name;
        Instant at;
    };
    void goHome();
    void readBadge(Instant now);
    void readClicker(Instant now);  // presenter clicker / keyboard on the exercise screen
    void applyPlayer(ui::Intent::PlayerCommand c, Instant now);
    void submit(AttendanceEvent e, ui::Feedback::Kind onSuccess, const Participant& p);
    const Participant* participant(const std::string& code) const;
    bool writing(const std::string& code) const;  // a write for this participant is in flight
    void reloadRosterFromStore(AttendanceDb& db);
    // Keeps the roster sorted by first name with its search texts, computed once per change.
    void setRoster(std::vector<Participant> roster);
    bool loadConfigFrom(const ConfigFiles& files, bool atStart);
    // Staff mode (kiosk_session_staff.cpp).
    void loadStaffState(AttendanceDb& db);
    void applyStaff(const ui::Intent& in, Instant now);
    void staffFrame(Instant now);  // PIN check and export results, auto-lock
    void lockStaff();
    bool staffCompletion(const StoreCompletion& c);  // true when it was a staff write
    bool backgroundDone() const;                      // a PIN check or an export is ready to be taken
    ui::PinPadView pinPadView(Instant now) const;
    const ui::StaffView* staffView(const ui::KioskView& v) const;
    void refreshHealth(Instant now) const;
    std::string configStamp() const;

    SessionOptions options_;
    const Clock& clock_;
    Texts texts_;
    LoadedConfig config_;
    std::vector<Participant> roster_;  // active participants, from the store, by first name
    std::vector<std::string> rosterSearch_;  // searchText() of each
    AttendanceLedger ledger_;
    std::unique_ptr<StoreWorker> worker_;
    std::map<uint64_t, PendingWrite> pending_;
    ui::UiState ui_;
    BadgeReader badge_;
    // The exercise being run, with its own copy of the exercise (a config reload must not pull it away).
    struct Running {
        Exercise exercise;
        ExercisePlayer player;
        explicit Running(Exercise e) : exercise(std::move(e)), player(exercise) {}
    };
    std::unique_ptr<Running> running_;
    // Running late today (stored in the database's meta table as agenda_shift/<date>).
    AgendaShift shift_;
    LocalDate shiftDate_;
    mutable ProgrammeDay shiftedToday_;  // today's day with the shift applied (what the screens see)
    mutable std::string shiftedFor_;
    Instant lastInput_;
    std::string storeProblem_;
    std::vector<std::string> startupProblems_;
    std::vector<std::string> configProblems_;
    std::string configStamp_;
    Instant lastConfigPoll_;
    LocalDate lastBackupDay_;
    Instant backupRetryAt_;  // after a failed backup: not before this
    bool configError_ = false;
    bool sleeping_ = false;  // dimmed, waiting for a touch to wake
    // Staff mode: unlocked only by the PIN (checked on its own thread: Argon2id takes a moment).
    bool staffUnlocked_ = false;
    PinLockout pinLockout_;
    PinLockout shiftLockout_;            // the facilitator code's wrong tries (running late)
    static constexpr const char* kShiftLockoutMeta = "facilitator_code_lockout";
    std::unique_ptr<BackgroundJob<bool>> pinCheck_;
    std::string pinCheckHash_;           // the hash the running check compares with
    std::function<void()> wake_;         // wakes the frame loop (a PIN check or an export is done)
    std::unique_ptr<BackgroundJob<SavedExport>> export_;
    std::string exportMessage_, exportPath_;
    bool exportFailed_ = false;
    std::string lastExport_;            // meta last_export
    std::set<uint64_t> staffWrites_;     // tickets of corrections on their way to the disk
    mutable ui::StaffView staffView_;    // rebuilt when the ledger, the day or the roster changed
    // What the staff lists were built from (no string built each frame to find out).
    struct StaffViewKey {
        int64_t day = -1;
        size_t events = 0;
        uint64_t rosterVersion = 0;
        Lang lang = Lang::nl;
        bool operator==(const StaffViewKey&) const = default;
    };
    mutable StaffViewKey staffViewKey_;
    uint64_t rosterVersion_ = 0;         // counts roster and config changes (for staffViewKey_)
    mutable Instant healthAt_;
    mutable ExportTarget exportTarget_;  // where an export would go, looked up every two seconds
    mutable Instant exportTargetAt_;
    bool ready_ = false;
};

}  // namespace kiosk
