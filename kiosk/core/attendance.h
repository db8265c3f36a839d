// attendance.h: the attendance log and the rules that read it.
//
// Attendance is an append-only log of events. Nothing is edited in place: an undo is an event that
// names the check-in it reverses, a staff correction is an event with a reason and an actor. What
// a person's day looks like (present, late, left early, absent) is derived from the log here, in
// one place, and never stored twice. All rules are pure: the caller passes "now".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "civil_time.h"
#include "kiosk_settings.h"
#include "programme.h"

namespace kiosk {

enum class EventKind {
    check_in,            // participant tapped their name / scanned a badge
    check_out,
    undo,                // reverses the event named in refersTo (within the undo window)
    correction,          // staff: see CorrectionEffect; reason and actor required
    guest_registration,  // a walk-in not on the roster (guestName, guestOrganisation)
};

enum class EventSource { kiosk, staff, command_line };

enum class CorrectionEffect {
    none,
    set_check_in,   // the person was there from `at`
    set_check_out,  // the person left at `at`
    set_absent,     // clears check-in and check-out for that day
};

struct AttendanceEvent {
    int64_t seq = 0;              // order in the store (0 before it is stored)
    std::string id;               // unique; idempotency key
    std::string participantCode;  // empty for a guest registration
    EventKind kind = EventKind::check_in;
    Instant at;                   // the moment it is about (UTC); for corrections, the corrected moment
    Instant recordedAt;           // when it was written
    LocalDate day;                // the local date it counts for
    EventSource source = EventSource::kiosk;
    std::string kioskId;
    std::string reason;           // required for corrections
    std::string actor;            // who (staff), optional otherwise
    std::string refersTo;         // undo: id of the reversed event
    CorrectionEffect effect = CorrectionEffect::none;
    std::string guestName;        // guest registration
    std::string guestOrganisation;
};

enum class DayStatus { absent, present, late, left_early, late_and_left_early };

// One participant's derived day.
struct DayRecord {
    std::optional<Instant> checkIn;
    std::optional<Instant> checkOut;
    std::string checkInEventId;  // the event that undo would reverse
    Instant checkInRecordedAt;
    bool corrected = false;      // a staff correction shaped this day
};

struct AttendanceRules {
    int undoSeconds = 10;
    int lateGraceMinutes = 10;
    int earlyLeaveGraceMinutes = 10;
    static AttendanceRules from(const KioskSettings& s) {
        return {s.undoSeconds, s.lateGraceMinutes, s.earlyLeaveGraceMinutes};
    }
};

// What a tap on a name means given the day so far.
enum class CheckInDecision { record, already_checked_in };
enum class CheckOutDecision { record, not_checked_in, already_checked_out };

CheckInDecision decideCheckIn(const DayRecord& r);
CheckOutDecision decideCheckOut(const DayRecord& r);
bool canUndo(const DayRecord& r, Instant now, const AttendanceRules& rules);
// Seconds left in the undo window (0 when closed).
int undoSecondsLeft(const DayRecord& r, Instant now, const AttendanceRules& rules);

// Status for a day with known programme hours; without a programme day only present/absent.
DayStatus statusOf(const DayRecord& r, const ProgrammeDay* day, const AttendanceRules& rules);
const char* dayStatusKey(DayStatus s);  // "absent", "present", ... (catalogue: status.<key>)

const char* eventKindKey(EventKind k);
std::optional<EventKind> parseEventKind(const std::string& s);
const char* eventSourceKey(EventSource s);
std::optional<EventSource> parseEventSource(const std::string& s);
const char* correctionEffectKey(CorrectionEffect e);
std::optional<CorrectionEffect> parseCorrectionEffect(const std::string& s);

struct Guest {
    std::string eventId;
    std::string name;
    std::string organisation;
    Instant at;
};

// The in-memory view of the log: fed every committed event in store order, answers per-day
// questions without touching the disk. Cheap to query every frame.
class AttendanceLedger {
public:
    void apply(const AttendanceEvent& e);
    void clear() { *this = AttendanceLedger{}; }

    DayRecord record(LocalDate day, const std::string& code) const;
    std::vector<Guest> guests(LocalDate day) const;
    // How many of these codes have a check-in that day.
    int countCheckedIn(LocalDate day, const std::vector<std::string>& codes) const;
    size_t eventCount() const { return eventCount_; }

private:
    void rebuild(LocalDate day, const std::string& code);

    std::map<std::pair<int64_t, std::string>, DayRecord> records_;  // (day, code)
    std::map<int64_t, std::vector<AttendanceEvent>> byDay_;          // events per day, store order
    std::map<std::string, std::pair<int64_t, std::string>> locate_;  // event id -> (day, code)
    std::set<std::string> undone_;
    size_t eventCount_ = 0;
};

// A fresh random id for an event (idempotency key), 32 hex digits.
std::string newEventId();

}  // namespace kiosk
