// kiosk_session.h: one running kiosk without its window. The session wires the rooms together
// and owns what they share (session_state.h):
//   - Navigation (navigation.h): screens, timeouts, dimming, when the next change is due.
//   - CheckinFlow (core/checkin_flow.h): taps, scans, undo and walk-ins at the door.
//   - StaffDesk (staff_desk.h): the PIN, corrections, exports, the staff pages' data.
//   - LedgerDays (ledger_days.h): which days the ledger holds; a staff page's day and matrix.
//   - RunningLate (running_late.h): today's agenda shift behind the facilitator code.
//   - ConfigWatcher (content/config_folder.h): the config folder, read at start and watched.
//   - InputBindings (input_bindings.h): badge scanner and presenter clicker as intents.
//   - Narrator (narrator.h): what the accessible mode says, through Speech (speech.h).
// Each frame it takes the store's completions, builds the view from memory, draws the screens
// and applies the intent they return. Its own parts by file: kiosk_session.cpp (the frame, the
// view, the intents), kiosk_session_door.cpp (taps, scans, undo, the goodbye card's answer),
// kiosk_session_exercise.cpp (the running exercise and the room's chime), kiosk_session_start.cpp
// (start-up, sync, the config folder). The GLFW shell (window_app.cpp) and the headless UI tests
// both drive it, so everything a test taps through is the real thing.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "content/config_folder.h"
#include "store/file_watch.h"
#include "session/input_bindings.h"
#include "session/ledger_days.h"
#include "session/narrator.h"
#include "session/navigation.h"
#include "session/running_late.h"
#include "session/scan_queue.h"
#include "session/session_state.h"
#include "session/speech.h"
#include "core/room_chime.h"
#include "session/staff_desk.h"
#include "core/checkin_flow.h"
#include "core/exercise_player.h"
#include "ui/kiosk_view.h"

namespace kiosk {

class KioskSession {
public:
    // Reads config, opens the store (quarantining a damaged file), imports the roster, loads the
    // log, applies retention and makes today's backup (kiosk_session_start.cpp). Problems that do
    // not stop the kiosk are kept in startupProblems().
    KioskSession(const SessionOptions& options, const Clock& clock, std::function<void()> wake);
    ~KioskSession();

    // Whether the kiosk can run at all (config without errors, store open, and its deferred check
    // found no damage); else why not.
    bool ready() const { return ready_; }
    // The store's full check deferred at start is still under way (store_worker.h, START).
    bool checking() const { return checking_ != 0; }
    // Milliseconds until the window should close (INT64_MAX: never): the check found damage.
    int64_t msUntilClose() const;
    static constexpr int64_t kOutOfOrderMs = 120'000;  // = 2 min // the out-of-order screen, then exit 1
    bool configError() const { return configError_; }
    const std::vector<std::string>& startupProblems() const { return s_.startupProblems; }
    // Errors of the newest config on disk when it was refused (the kiosk runs on the last good one).
    const std::vector<std::string>& configProblems() const { return s_.configProblems; }

    // One frame of UI (between ImGui::NewFrame and ImGui::Render).
    void frame();
    // A person touched the screen or pressed a key.
    void noteInput() { nav_.noteInput(); }
    // Milliseconds until something visible changes without input. The frame loop sleeps this long at most.
    int64_t msUntilNextChange() const;
    // Milliseconds until the config folder should be looked at again (no drawing needed for that).
    int64_t msUntilConfigPoll() const { return watcher_.msUntilPoll(s_.clock.now()); }
    // Cheap (stat only); reloads the config when a file changed. Returns true when the view changed.
    bool pollConfig();
    // Applies store completions; true when something changed.
    bool drainStore();
    // A write, a PIN check or an export still under way (the scripted taps and screenshots wait).
    bool storeBusy() const { return (s_.worker && s_.worker->pending() > 0) || staff_.busy() || !waitingScans_.empty(); }
    // Badge scans waiting for the write in flight (scan_queue.h).
    size_t waitingScans() const { return waitingScans_.size(); }
    // Finishes every queued write and stops the store thread (before the window system goes away:
    // the thread wakes the frame loop through it).
    void stopStore();
    // The sync thread's status (sync_status.h); enabled = false when [central] url is empty.
    SyncStatus syncStatus() const { return s_.sync ? s_.sync->status() : SyncStatus{}; }

    ui::UiState& uiState() { return s_.ui; }
    const ExercisePlayer* player() const { return running_ ? &running_->player : nullptr; }
    const Texts& texts() const { return s_.texts; }
    const LoadedConfig& config() const { return s_.config; }
    const AttendanceLedger& ledger() const { return s_.ledger; }
    const std::vector<Participant>& roster() const { return s_.roster.people(); }
    ui::KioskView buildView() const;
    bool dimmed(Instant now) const { return nav_.dimmed(now); }
    void apply(const ui::Intent& intent);

    bool staffUnlocked() const { return staff_.unlocked(); }
    // Waits for a PIN check or an export running on its own thread (tests, shutdown).
    void finishBackgroundWork() { staff_.finishBackgroundWork(); }
    // The speech output (tests wait for it and read its figures).
    Speech& speech() { return speech_; }

private:
    // The exercise being run, with its own copy (a config reload must not pull it away).
    struct Running {
        Exercise exercise;
        ExercisePlayer player;
        RoomCueWatch cues;  // the room's chime (core/room_chime.h), when the exercise or [room] asks for it
        explicit Running(Exercise e) : exercise(std::move(e)), player(exercise) {}
    };

    void start();                                   // kiosk_session_start.cpp
    void startSync();                               // kiosk_session_start.cpp
    void watchConfigFolder();                       // kiosk_session_start.cpp
    void outOfOrder();                              // could not start: the screen that says so
    bool applyConfig(const ConfigFiles& files, bool atStart);
    void goHome();
    void leaveCard();  // Klaar or Terug: home, or after an undo in speech mode back to the list
    void tap(CheckAction action, const std::string& code);
    // The moment an undo on the card is judged at (and stamped with): the reversed event's own
    // time plus the card's age on the steady clock, so that a step of the wall clock within the
    // undo window neither closes nor stretches it (issue 14 item 7). The wall clock when the card
    // has no event to undo.
    Instant undoMoment() const;
    // The rules an undo is judged by: the window counts from the last touch on the card while it
    // was open (issue 32, 3), so it is the configured one lengthened by the card's age at that
    // touch (whole seconds; Navigation::undoTouchAgeMs).
    AttendanceRules undoRules() const;
    void scan(const std::string& code);
    // The goodbye card's programme day: a check-out's person's cohort's day today (none when their
    // group does not meet today); `today` for any other card.
    const ProgrammeDay* closingDay(const ProgrammeDay* today) const;
    // The day's question answered on the goodbye card: counted without the code (core/day_feedback.h).
    void answer(int index);
    void write(const CheckinFlow::Write& w, const std::optional<AttendanceRules>& rules = std::nullopt);  // rules: the undo's (undoRules)
    void runPlayer(ui::PlayerCommand c, SteadyTime now);  // kiosk_session_exercise.cpp
    void tickPlayer();                                     // each frame: auto-advance and the chime
    // A stopped run is kept in the database's meta table (meta_keys::kExerciseStoppedRun) so that a
    // restart offers it again; resumed or replaced, the entry is emptied. Written only when it changes.
    void keepStoppedRun(Instant now);
    void dailyUpkeep(Instant now);                  // a new day: retention and backup, on the store thread
    void checked(const StoreCompletion& c);         // the deferred check is done (kiosk_session_start.cpp)
    Navigation::Holds holds() const;

    SessionState s_;
    Navigation nav_;
    CheckinFlow flow_;
    StaffDesk staff_;
    LedgerDays days_;
    RunningLate late_;
    ConfigWatcher watcher_;
    // The config folder's files, watched (store/file_watch.h): the frame loop is woken and
    // watcher_ told when one changes, instead of polling it every 2 s. Null without inotify.
    std::unique_ptr<FileWatchThread> configWatch_;
    InputBindings input_;
    Speech speech_;
    Narrator narrator_;
    ScanQueue waitingScans_;  // scans made while a write was in flight (scan_queue.h)
    std::unique_ptr<Running> running_;
    std::string stoppedRunKept_;  // what the meta table holds for the stopped run ("" = none)
    ui::KioskView::OutOfOrder outOfOrder_;          // what the screen says when the kiosk could not start
    LocalDate lastUpkeepDay_;
    // Who answered the day's question today (answer()): one answer a person a day; memory only.
    LocalDate answeredDay_;
    std::set<std::string> answeredToday_;
    Instant upkeepRetryAt_;  // after a failed backup: not before this
    uint64_t syncSeen_ = 0;  // the sync status version the Status page last drew
    uint64_t rostersSeen_ = 0;  // the sync thread's rostersApplied() last asked the store to read
    bool configError_ = false;
    bool ready_ = false;
    uint64_t checking_ = 0;                  // the deferred check's ticket while it runs
    std::optional<SteadyTime> closeAt_;      // the check found damage: close the window then
};

}  // namespace kiosk
