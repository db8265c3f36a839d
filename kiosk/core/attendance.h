// attendance.h: the attendance log and the rules that read it.
//
// Attendance is an append-only log of events. Nothing is edited in place: an undo is an event that
// names the check-in or check-out it reverses, a staff correction is an event with a reason and an
// actor. What a person's day looks like (present, late, left early, absent; minutes present) is
// derived from the log here, in one place, and never stored twice. All rules are pure: the caller
// passes "now".
//
// A DAY AS INTERVALS (foldPersonDay, in attendance_day.cpp)
//   A person's day is a sorted list of intervals [in, out): check in, check out, check in again, as
//   often as needed. The fold reads one person's events of one day and builds them by these rules:
//   1. Undone events are gone (an undo names the event it reverses; undoing a check-out reopens
//      the interval it closed, undoing a check-in removes the interval it opened).
//   2. set_absent and set_excused are staff's word that the person was not there (excused: with a
//      valid reason, "afgemeld"): every tap and correction written before the latest of them (by
//      recordedAt, then id) is set aside; what is written after it counts again. The day is
//      excused when that latest one is set_excused and nothing written after it opens an
//      interval: a check-in after an excusal (they came after all) makes the day present.
//   3. What is left is read in time order, (at, id): a check-in, set_check_in or link_guest opens an
//      interval unless one is open (a second check-in is a double, not a new arrival); a check-out
//      closes the open interval (without one it is a double and ignored); set_check_out closes the
//      open interval at its time, or, with none open, moves the end of the last interval to it
//      ("they were here until then"; a set_check_out before that end changes nothing).
//   4. catch_up (issue 30, core/catch_up.h) is staff's word that this own day was made up on the
//      date of its `at` (a check-in on another cohort's day): it opens no interval. The latest one
//      written stands (DayRecord::catchUpOn) unless a set_absent or set_excused written after it
//      sets it aside (rule 2): that is how a catch-up is undone. Whether it counts is decided
//      with the other days in view (catch_up.h), never here.
//   The result depends on the events, never on the order the store hands them out: two kiosks, a
//   script and staff may write the same day in any order (a property test shuffles them).
//
// WHAT THE KIOSK HOLDS (AttendanceLedger, issue 20)
//   The kiosk holds the days it shows, never the whole log: today (what a tap is decided on, what
//   the home screen counts) and at most one other day a staff page asks for. An event of any other
//   day is not held: apply() passes it by (the store has it; the export and the matrix read it
//   from there). hold(today, asked) names the held days; a day newly held is empty and not
//   loaded() until its events come from the store (AttendanceDb::loadDay on the store thread) and
//   loadDay() replaces what the ledger had of it; meanwhile the staff page says "laden…". Events
//   of cohorts this kiosk does not show never reach it: the store leaves them out at the query,
//   and the session passes other writers' events of them by (session/ledger_days.h, shows()).
//   The matrix's seven days are folded on the store thread (AttendanceDb::summarise), not held.
//   So the ledger's memory follows today's events plus one day, not the length of the record.
//   A ledger never told what to hold (tests, tools) holds every day it is given.
//
// TIME SANITY (checkTapTime)
//   A check-out at or before the open interval's check-in, a check-in at or before the last
//   check-out (at the same moment the fold could not tell which came first), and any event more
//   than kMaxAheadMinutes ahead of the writer's clock are refused with a reason;
//   the door and the command line ask before they write, so no such event is made by them.
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
    guest_registration,  // a walk-in not on the roster (guestName, guestOrganisation); with refersTo
                         // set, staff's review of that walk-in (effect confirm_guest or link_guest)
};

enum class EventSource { kiosk, staff, command_line };

enum class CorrectionEffect {
    none,
    set_check_in,   // the person was there from `at`
    set_check_out,  // the person left at `at`
    set_absent,     // clears check-in and check-out for that day
    set_excused,    // as set_absent, with a valid reason ("afgemeld"): any day of the cohort, also to come
    catch_up,       // this own day (`day`) was made up on the date of `at`, another cohort's day (core/catch_up.h)
    // Reviews of a walk-in (kind guest_registration, refersTo = the walk-in's event id):
    confirm_guest,  // staff saw the guest: stays a guest on the list, marked confirmed
    link_guest,     // the walk-in was this rostered participant (participantCode): their check-in
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

// not_enrolled ("n.v.t."): a day before the person joined the cohort or after they left, with no
// check-in (day_counting.h rule 4). statusOf never returns it: it needs the person's enrolment.
enum class DayStatus { absent, present, late, left_early, late_and_left_early, excused, not_enrolled };

// One stretch of presence: from a check-in to its check-out (open while `out` is empty).
struct Interval {
    Instant in;
    std::optional<Instant> out;
    std::string inEventId;     // the check-in that opened it; empty when staff's correction or a linked walk-in did
    Instant inRecordedAt;      // when that check-in was written (the undo window counts from here)
    std::string outEventId;    // the check-out that closed it; empty when open or closed by staff
    Instant outRecordedAt;
    friend bool operator==(const Interval&, const Interval&) = default;
};

// One participant's derived day (foldPersonDay).
struct DayRecord {
    std::vector<Interval> intervals;  // sorted by `in`, not overlapping; at most the last one open
    int minutesPresent = 0;           // whole minutes in closed intervals (an open one is not yet counted)
    std::optional<Instant> checkIn;   // the first check-in of the day
    std::optional<Instant> checkOut;  // the last check-out, only when no interval is open
    std::string checkInEventId;       // the check-in that opened the last interval (empty: staff did)
    Instant checkInRecordedAt;
    bool corrected = false;           // a staff correction (or a linked walk-in) shaped this day
    bool excused = false;             // excused by staff (rule 2) and no interval since
    std::string excusedReason;        // the excusal's reason, when excused
    std::optional<LocalDate> catchUpOn;  // staff marked this day as made up on that date (rule 4; catch_up.h decides)
    bool isIn() const { return !intervals.empty() && !intervals.back().out; }
    friend bool operator==(const DayRecord&, const DayRecord&) = default;
};

// No event may be about a moment more than this many minutes after the writer's clock: clocks of
// two kiosks and a script differ by seconds, not by more; a check-in "tomorrow" is a typing error.
constexpr int kMaxAheadMinutes = 5;

struct AttendanceRules {
    int undoSeconds = 10;
    int lateGraceMinutes = 10;
    int earlyLeaveGraceMinutes = 10;
    int forgottenGraceMinutes = 60;  // an interval open this long after the day's end: "uitchecken vergeten"
    bool sharedRecord = false;  // a central record is configured: other kiosks may hold events this
                                // one has not pulled yet (checkin_flow.h, invariant 6)
    int maxCatchUps = 1;        // [attendance] max_catch_ups: which visits the presence list calls a make-up (catch_up.h)
    static AttendanceRules from(const KioskSettings& s) {
        return {s.undoSeconds, s.lateGraceMinutes, s.earlyLeaveGraceMinutes, s.forgottenCheckoutGraceMinutes, !s.centralUrl.empty(),
                s.maxCatchUps};
    }
};

// What a tap on a name means given the day so far. After a check-out a check-in is a new interval
// (`record`); the door asks first (checkin_flow.h), the command line just does it.
enum class CheckInDecision { record, already_checked_in };
enum class CheckOutDecision { record, not_checked_in, already_checked_out };

CheckInDecision decideCheckIn(const DayRecord& r);
CheckOutDecision decideCheckOut(const DayRecord& r);

// Whether a check-in or check-out about moment `at`, written when the writer's clock says `now`,
// is possible given the day so far (see TIME SANITY above).
enum class TimeCheck {
    ok,
    ahead_of_clock,  // `at` is more than kMaxAheadMinutes after `now`
    out_before_in,   // a check-out at or before the open interval's check-in
    in_before_out,   // a check-in at or before the last check-out
};
TimeCheck checkTapTime(const DayRecord& r, EventKind kind, Instant at, Instant now);
const char* timeCheckKey(TimeCheck c);  // catalogue key of the reason ("refused.ahead_of_clock", ...)

// The undo at the door reverses the last tap: the check-in of an open interval, or the check-out
// that closed the last one, while its window is open. Staff's changes are not undone here.
bool canUndo(const DayRecord& r, Instant now, const AttendanceRules& rules);
// Seconds left in the undo window (0 when closed).
int undoSecondsLeft(const DayRecord& r, Instant now, const AttendanceRules& rules);
// The event the undo would reverse ("" when there is none) and whether it is a check-out.
std::string undoTarget(const DayRecord& r, bool* isCheckOut = nullptr);

// Status for a day with known programme hours; without a programme day only present/absent (or
// excused: no interval, and staff's excusal the latest word).
// Late: the first check-in after start + lateGraceMinutes (whole minutes; at the boundary is on
// time). Left early: the last check-out, with no interval open, before end - earlyLeaveGraceMinutes.
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
    bool confirmed = false;  // staff confirmed the walk-in
};

// A staff review of a walk-in (kind guest_registration with refersTo).
inline bool isGuestReview(const AttendanceEvent& e) {
    return e.kind == EventKind::guest_registration && !e.refersTo.empty();
}
// What staff did: corrections and guest reviews, for the history.
inline bool isStaffChange(const AttendanceEvent& e) { return e.kind == EventKind::correction || isGuestReview(e); }

// One participant's day from that person's events of that day, in any order (the rules are at the
// top of this file). `undone` names the events reversed by an undo (from any day). The one place
// where the log becomes a day.
DayRecord foldPersonDay(const std::vector<const AttendanceEvent*>& events, const std::set<std::string>& undone);
// The day's walk-ins from that day's events, in store order: registrations that were not undone
// and not linked to a participant, with their confirmation.
std::vector<Guest> foldGuests(const std::vector<const AttendanceEvent*>& dayEvents, const std::set<std::string>& undone);

// What the presence list and the matrix read: a participant's day and a day's guests. Kept by
// the kiosk in memory (AttendanceLedger) or folded from the store for an export (AttendanceSummary).
class DayRecords {
public:
    virtual ~DayRecords() = default;
    virtual DayRecord record(LocalDate day, const std::string& code) const = 0;
    virtual std::vector<Guest> guests(LocalDate day) const = 0;
};

// The in-memory view of the held days (WHAT THE KIOSK HOLDS, above): fed every committed event in
// store order, answers per-day questions without touching the disk. Cheap to query every frame.
class AttendanceLedger : public DayRecords {
public:
    // Folds in one event of a held day; an event whose id it has already folded is ignored (the
    // same event can reach the kiosk twice: as its own write and as what the database holds). An
    // undo of another day is kept with the day of the event it reverses (a tap undone after
    // midnight). Returns whether it was folded in.
    bool apply(const AttendanceEvent& e);
    void clear() { *this = AttendanceLedger{}; }

    // From now on hold only `today` and `asked` (when set): other days are dropped at once, a day
    // newly held waits for loadDay().
    void hold(LocalDate today, std::optional<LocalDate> asked);
    // The store's events of a held day (that day's, and undos of the next day): they replace what
    // the ledger had of it. Ignored when the day is no longer held.
    void loadDay(LocalDate day, const std::vector<AttendanceEvent>& events);
    // The held days are to be read again (who is shown changed: a roster came in): each waits for
    // loadDay() again, answering from what it has meanwhile.
    void reloadHeld();
    bool holds(LocalDate day) const;
    bool loaded(LocalDate day) const;  // held and its events are in (always, when every day is held)
    // The days held and not loaded yet (what to ask the store for).
    std::vector<LocalDate> waiting() const;

    DayRecord record(LocalDate day, const std::string& code) const override;
    std::vector<Guest> guests(LocalDate day) const override;
    // The participant codes with an event that day (rostered or not any more).
    std::set<std::string> codesOn(LocalDate day) const;
    // How many of these codes have a check-in that day.
    int countCheckedIn(LocalDate day, const std::vector<std::string>& codes) const;
    size_t eventCount() const { return eventCount_; }  // events held
    uint64_t version() const { return version_; }       // changes whenever what it answers may have
    // Corrections and guest reviews of the held days, newest first (at most `limit`).
    std::vector<AttendanceEvent> staffChanges(size_t limit) const;
    // The event with this id, if the ledger has it.
    const AttendanceEvent* find(const std::string& id) const;

private:
    void rebuild(LocalDate day, const std::string& code);
    void drop(int64_t dayKey);
    void reindex();  // undone_, locate_, applied_, staffChanges_ and the count from byDay_

    std::map<std::pair<int64_t, std::string>, DayRecord> records_;  // (day, code)
    std::map<int64_t, std::vector<AttendanceEvent>> byDay_;          // events per day, store order
    std::map<std::string, std::pair<int64_t, size_t>> locate_;      // event id -> (day, index in byDay_)
    std::set<std::string> undone_;
    std::set<std::string> applied_;                                 // ids folded in (apply is idempotent)
    std::vector<std::pair<int64_t, size_t>> staffChanges_;          // in store order
    size_t eventCount_ = 0;
    uint64_t version_ = 0;
    bool holdsAll_ = true;           // until hold() is called
    std::set<int64_t> held_;         // days held (when !holdsAll_)
    std::set<int64_t> loaded_;       // held days whose events came from the store
};

// The same answers, folded from a stream of events sorted by (day, participant code, store
// order), as the store hands them out for an export: it keeps one person's day of events at a
// time, so its memory follows the number of people and days, not the number of events.
class AttendanceSummary : public DayRecords {
public:
    void add(const AttendanceEvent& e);  // in (day, code, seq) order
    void finish();                       // after the last event
    DayRecord record(LocalDate day, const std::string& code) const override;
    std::vector<Guest> guests(LocalDate day) const override;
    size_t eventCount() const { return eventCount_; }
    // The catch-up dates the folded days name (DayRecord::catchUpOn) outside from..to: the store
    // folds those days too, so a day made up with another cohort is judged (core/catch_up.h).
    std::set<LocalDate> catchUpDaysOutside(LocalDate from, LocalDate to) const;

private:
    void flushPerson();
    void flushDay();

    std::map<std::pair<int64_t, std::string>, DayRecord> records_;
    std::map<int64_t, std::vector<Guest>> guests_;
    LocalDate day_;
    std::string code_;
    std::vector<AttendanceEvent> person_;      // the current (day, code) group
    std::vector<AttendanceEvent> dayGuests_;   // the current day's walk-ins and their reviews
    std::set<std::string> linkedGuests_;       // walk-ins of the current day linked to a participant
    size_t eventCount_ = 0;
};

// A staff correction or guest review as the form on the staff page fills it in; the event builder
// (event_builder.h) turns it into an event once it is checked.
struct StaffForm {
    EventKind kind = EventKind::correction;  // correction, or guest_registration: a review of a walk-in
    std::string participantCode;  // the person corrected, or the participant a walk-in was (link_guest)
    CorrectionEffect effect = CorrectionEffect::set_check_in;
    std::string refersTo;  // a review: the walk-in's event id
    std::string reason;    // required
    std::string actor;     // required: who makes the change
};

// A staff change, checked before it is stored: reason and actor are required (trimmed), and the
// effect must fit the kind. Returns the catalogue key of what is missing, or "".
std::string checkStaffChange(const StaffForm& f);
// A correction's time, checked like a tap's (kMaxAheadMinutes): staff may correct the past and the
// present, never a moment still to come. `at` is the corrected moment, `now` the kiosk's clock.
// Returns "staff.error.ahead", or "" (also for an absence and for reviews, which carry no time).
std::string checkStaffTime(const StaffForm& f, Instant at, Instant now);

// A fresh random id for an event (idempotency key), 32 hex digits.
std::string newEventId();

}  // namespace kiosk
