// running_late.h: today's agenda moved by a facilitator, behind the facilitator code.
//
// The shift is stored in the database's meta table under agenda_shift/<date> and takes effect
// only once stored (like a check-in); a restart the same day finds it again. Wrong codes lock
// the keypad as wrong PINs lock staff mode (pin_lockout.h), counted in the meta table too. The
// screens see today's programme day with the shift applied, rebuilt only when day or shift change.
//
// THE GROUP FOLLOWED (issue 30). On a day with several groups, the agenda, the room display and the
// exercises follow one: the one the facilitator picked behind the code (for that day, while the
// kiosk runs), else [kiosk] cohort, else the first group of the day in programme.toml. A group that
// does not meet that day is not followed (the first group that does is shown instead).
#pragma once

#include <cstdint>
#include <map>
#include <optional>

#include "session/session_state.h"
#include "core/pin_lockout.h"
#include "core/schedule.h"
#include "ui/intent.h"

namespace kiosk {

class RunningLate {
public:
    explicit RunningLate(SessionState& s) : s_(s) {}

    // At start: today's stored shift and the keypad's lock-out.
    void load(AttendanceDb& db);
    void unlock(const ui::intent::UnlockShift& in, Instant now);
    void set(const ui::intent::SetShift& in, Instant now);
    void follow(const ui::intent::FollowGroup& in, Instant now);  // behind the code, a group meeting today
    // The group followed on `date` (see the top): a cohort id, or "" for the first of the day.
    std::string followedGroup(LocalDate date) const;
    // A store completion; false when it was not one of ours.
    bool completed(const StoreCompletion& c);
    // The programme changed (a config reload): the shifted day is built anew from it.
    void configChanged();  // and a new facilitator code starts its lock-out afresh

    // Today's day as the screens show it: with the shift applied when one is stored for `date`.
    const ProgrammeDay* shiftedDay(const ProgrammeDay* day, LocalDate date) const;
    AgendaShift shiftOn(LocalDate date) const { return date == date_ ? shift_ : AgendaShift{}; }
    int lockedSeconds() const { return lockout_.secondsLeft(s_.clock.steady()); }

private:
    SessionState& s_;
    AgendaShift shift_;
    LocalDate date_;                        // the day shift_ is for
    PinLockout lockout_;                    // the facilitator code's wrong tries
    std::map<uint64_t, LocalDate> writes_;  // shifts on their way to the disk, by ticket
    std::string picked_;                    // the facilitator's group ...
    LocalDate pickedOn_;                    // ... for this day
    mutable ProgrammeDay shifted_;          // cache of shiftedDay()
    mutable std::string shiftedFor_;
};

}  // namespace kiosk
