// staff_desk.h: staff mode. The PIN is checked against its Argon2id hash on a thread of its own
// (it takes a noticeable fraction of a second by design) and wrong tries are counted in the
// database, so a restart does not reset the lock-out. Staff mode locks itself after
// `staff_auto_lock_seconds` untouched, and whenever the kiosk goes home. Corrections and guest
// reviews go to the store as new events (one at a time); exports run on their own thread with
// their own database connection, so neither the screen nor a check-in waits.
//
// Invariants:
//   1. A staff page is never drawn while locked: whatever led there, the PIN pad comes first.
//   2. A PIN check counts only for the pad still on screen with the hash it was checked against:
//      one that finishes after Back, the return home or a new PIN in kiosk.toml opens nothing.
//   3. An export's outcome is shown to the staff member who asked; after a lock it is found on
//      the Status page's last export, never as a message in the next session.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "session/background_job.h"
#include "session/health_probe.h"
#include "session/navigation.h"
#include "session/session_state.h"
#include "core/pin_lockout.h"
#include "export/attendance_export.h"
#include "ui/intent.h"
#include "ui/staff_view.h"

namespace kiosk {

class StaffDesk {
public:
    StaffDesk(SessionState& s, Navigation& nav);
    ~StaffDesk();

    // At start: the PIN lock-out and the last export from the meta table.
    void load(AttendanceDb& db);

    void unlock(const ui::intent::UnlockStaff& in);  // lock-outs on the steady clock (pin_lockout.h)
    void lock();  // staff mode ends (the caller then goes home)
    void showDay(const ui::intent::StaffDay& in);
    void showGroup(const ui::intent::StaffGroup& in);
    void change(const ui::intent::StaffChange& in, Instant now);
    // A make-up day may be written: the rules of core/catch_up.h on what the pages show.
    bool catchUpAllowed(const std::string& code, LocalDate ownDay, LocalDate on, LocalDate today) const;
    void exportFile(const ui::intent::StaffExport& in, Instant now);

    // Each frame: takes a finished PIN check or export, locks after inactivity, keeps locked pages
    // behind the pad, and samples the disk for the pages on screen.
    void frame(Instant now);
    // A store completion; false when it was not a staff write.
    bool completed(const StoreCompletion& c);

    // The config changed: where an export would go may have too.
    void configChanged();

    bool unlocked() const { return unlocked_; }
    bool on() const { return unlocked_ && ui::isStaffScreen(s_.ui.screen); }  // unlocked, on a staff page
    bool busy() const { return pinCheck_ || export_; }
    bool backgroundDone() const;  // a PIN check or an export is ready to be taken
    void finishBackgroundWork();  // waits for both (tests, shutdown)

    ui::PinPadView pinPad() const;
    // The staff pages' data, or nullptr while locked or off the staff pages. Lists are rebuilt
    // only when what they show changed (staff_lists.cpp).
    const ui::StaffView* view(LocalDate today) const;

private:
    void matchLockoutToPin();
    void takePinCheck(Instant now);
    void takeExport(Instant now);
    void buildLists(LocalDate date, LocalDate today) const;  // staff_lists.cpp

    SessionState& s_;
    Navigation& nav_;
    HealthProbe probe_;
    bool unlocked_ = false;
    PinLockout pinLockout_;
    std::unique_ptr<BackgroundJob<bool>> pinCheck_;
    std::string pinCheckHash_;  // the hash the running check compares with
    std::unique_ptr<BackgroundJob<SavedExport>> export_;
    std::string exportMessage_, exportPath_;
    bool exportFailed_ = false;
    std::string lastExport_;            // meta last_export
    std::set<uint64_t> writes_;         // tickets of corrections on their way to the disk
    mutable ui::StaffView view_;        // rebuilt when the ledger, the day or the roster changed
    struct ListsKey {
        int64_t day = -1;
        uint64_t ledger = 0;   // AttendanceLedger::version()
        uint64_t matrix = 0;   // MatrixFold::version
        uint64_t history = 0;  // StaffHistoryFold::version
        uint64_t rosterVersion = 0;
        Lang lang = Lang::nl;
        int64_t minute = 0;    // the clock's minute: a check-out becomes "forgotten" as time passes
        std::string cohort;    // UiState::staffCohort
        bool operator==(const ListsKey&) const = default;
    };
    mutable ListsKey listsKey_;
};

}  // namespace kiosk
