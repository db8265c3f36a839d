// checkin_flow.h: what a tap, a badge scan, an undo or a walk-in at the door leads to: which card
// the check-in screen shows and which event goes to the store. Pure: no UI, no SQLite, no thread;
// the caller passes the person's day, the rules and the time.
//
// STATES (of the one confirmation card on screen)
//   IDLE       no card: the home screen or the list of names.
//   PENDING    an event is on its way to the disk. The card says "een moment", never "ingecheckt".
//   CONFIRMED  the store's commit returned: checked_in and checked_out (each with undo while its
//              window is open), undone, undone_out, guest_registered.
//   REFUSED    nothing was written, and the card says why: already_in (and offers check-out),
//              not_checked_in, already_out ("you left at 12:03", and offers to check in again),
//              refused (an impossible time: the reason from checkTapTime), unknown_code.
//   FAILED     the store could not write: said as such (error), never as a check-in.
//
// INVARIANTS
//   1. A card turns CONFIRMED only in committed(), for that write's ticket: no "Welkom" for a
//      write that may still fail.
//   2. At most one write per person is in flight: a tap on someone whose write is still pending
//      writes nothing and shows PENDING again.
//   3. The decision (decideTap) depends on nothing but the person's day record, whether a write is
//      pending for them, the rules and the time; the kiosk and the command line both ask it.
//   4. A commit for a card no longer shown (the person tapped away, or someone else tapped
//      meanwhile) leaves the card alone; the event itself is folded in by the caller all the same.
//      A failure always takes the card: a write that did not happen must be said, whoever stands
//      at the screen now.
//   5. Every event comes from event_builder.h.
//   6. The door's facts stand. With a central record (rules.sharedRecord) this kiosk's view may be
//      stale: another kiosk may hold a check-out or a check-in it has not pulled yet. A tap that is
//      impossible only in this view is recorded as what the person did and folded with the rest
//      once it arrives (as pretixSCAN's offline scans are): a check-in while "already in" (they
//      left through another kiosk) is written and welcomed; a check-out "without a check-in" (the
//      check-in is on another kiosk) is written and said goodbye to. Refused stays what is
//      impossible in any view (checkTapTime: a check-out before this kiosk's own check-in, a moment
//      in the future). A redundant check-in or a lone check-out adds nothing to the fold
//      (core/attendance_day.cpp), so nothing is counted twice. Without a central record: as before.
//
// TRANSITIONS (function: from -> to)
//   tap():            any -> PENDING (with a write) | REFUSED | PENDING (write already in flight)
//   unknownCode():    any -> REFUSED (unknown_code)
//   walkIn():         IDLE | CONFIRMED | REFUSED | FAILED -> PENDING; never while PENDING
//   undo():           CONFIRMED(checked_in | checked_out), window open -> PENDING; else unchanged
//   committed():      PENDING -> CONFIRMED (onCommit of that write)
//   refused():        PENDING -> REFUSED (the store decided again on its fresh state, wrote nothing)
//   failed():         PENDING -> FAILED
//   the caller:       any -> IDLE when the card closes (timeout, "klaar", back home)
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "attendance.h"
#include "event_builder.h"

namespace kiosk {

// The card on the check-in screen. Set by the flow, never by a screen.
struct CheckFeedback {
    enum class Kind {
        none,
        pending,          // written to the store, waiting for the commit (no "ingecheckt" yet)
        checked_in,       // committed: "Welkom, Anna!" with undo
        checked_out,      // committed: "Tot ziens, Anna!" with undo
        undone,           // the check-in was reversed
        undone_out,       // the check-out was reversed: still here
        already_in,       // tapped again: friendly, with the choice to check out
        not_checked_in,   // check-out without check-in
        already_out,      // checked out at `at`: offers to check in again
        refused,          // an impossible time: `detail` is the reason's catalogue key, `at` the time it names
        error,            // the store could not write: said as such, never as a check-in
        unknown_code,     // a badge or typed code that is not on the roster
        guest_registered, // a walk-in was stored as a guest
    } kind = Kind::none;
    std::string code;
    std::string name;     // as the card names the person
    Instant at;           // the moment of the check-in / check-out
    Instant shownAt;      // when the card appeared (for the return home)
    std::string detail;   // error text
};

// check_in after a check-out asks first (already_out); check_in_again is the answer "yes, I am back"
// (and what the command line's `checkin` means).
enum class CheckAction { check_in, check_out, undo, check_in_again };

// What decideTap reads.
struct TapFacts {
    DayRecord record;       // the person's day so far
    bool writing = false;   // a write for this person is still on its way to the disk
    Instant now;            // the writer's clock
    AttendanceRules rules;
    std::optional<Instant> at = std::nullopt;  // the moment the event is about, when not `now` (the command line's --at)
};

struct TapDecision {
    bool ignored = false;                 // nothing happens (an undo whose window has closed)
    CheckFeedback::Kind show = CheckFeedback::Kind::none;      // the card at once
    std::optional<EventKind> write;       // the event to write, if any
    CheckFeedback::Kind onCommit = CheckFeedback::Kind::none;  // the card once that write is on disk
    Instant shownTime;                    // the time the card names
    TimeCheck refusal = TimeCheck::ok;    // show == refused: why (timeCheckKey gives its words)
};

// The tap-to-feedback decision, in one place: the kiosk (taps, scans, undo) and the command line
// (checkin, checkout) both ask it.
TapDecision decideTap(CheckAction action, const TapFacts& facts);

// The PENDING writes of the door and the card transitions above. One per kiosk.
class CheckinFlow {
public:
    struct Who {
        std::string code;
        std::string shownName;  // as the display policy shows it ("Anna de V.")
        std::string firstName;  // how the card greets them
    };
    // A write the caller hands to the store, then reports with submitted().
    struct Write {
        AttendanceEvent event;
        std::optional<CheckAction> action;  // the tap it answers (the store decides it again); none for a walk-in
        CheckFeedback::Kind onCommit = CheckFeedback::Kind::none;
        std::string code, name;
    };

    // A tap (or scan) on a person of the roster: the card changes; returns the event to write.
    std::optional<Write> tap(CheckFeedback& card, CheckAction action, const Who& who, const DayRecord& record,
                             const AttendanceRules& rules, const EventStamp& stamp) const;
    // A scanned or typed code that is on no roster.
    static void unknownCode(CheckFeedback& card, const std::string& code, Instant now);
    // A walk-in from the form (name required after trimming).
    std::optional<Write> walkIn(CheckFeedback& card, const std::string& name, const std::string& organisation,
                                const EventStamp& stamp) const;
    // The store took `w` under `ticket`.
    void submitted(uint64_t ticket, const Write& w);
    // The store's answer for `ticket`; false when the ticket is not the flow's.
    bool committed(CheckFeedback& card, uint64_t ticket, Instant now);
    // The store decided again inside its write transaction (another writer got there first) and
    // wrote nothing: the card says what is true now (`show`: already_in, not_checked_in,
    // already_out; `shownTime`: the time it names), never "Welkom". Same rule as committed().
    bool refused(CheckFeedback& card, uint64_t ticket, CheckFeedback::Kind show, Instant shownTime, Instant now,
                 TimeCheck why = TimeCheck::ok);
    bool failed(CheckFeedback& card, uint64_t ticket, const std::string& why, Instant now);

    bool writing(const std::string& code) const;
    size_t inFlight() const { return pending_.size(); }

private:
    struct Pending {
        CheckFeedback::Kind onCommit;
        std::string code, name;
        Instant at;
    };
    std::map<uint64_t, Pending> pending_;
};

}  // namespace kiosk
