// event_builder.h: the one place an attendance event is made. The kiosk (taps, scans, undo,
// walk-ins), staff mode (corrections and guest reviews), the command line and the tests all
// build their events here, so every event carries a fresh id, its day, when it was recorded and
// where it came from, and none is built half by hand.
#pragma once

#include <string>

#include "attendance.h"

namespace kiosk {

// Where and when an event is written: the same for every event of one action.
struct EventStamp {
    Instant recordedAt;                       // the writer's clock when the event is made
    EventSource source = EventSource::kiosk;  // kiosk, staff mode or the command line
    std::string kioskId;                      // [kiosk] id of the writer

    static EventStamp kiosk(Instant now, std::string kioskId) { return {now, EventSource::kiosk, std::move(kioskId)}; }
    static EventStamp staff(Instant now, std::string kioskId) { return {now, EventSource::staff, std::move(kioskId)}; }
    static EventStamp commandLine(Instant now, std::string kioskId) {
        return {now, EventSource::command_line, std::move(kioskId)};
    }
};

// A new event of `kind` about `participantCode` (empty for a walk-in) at `at` (UTC), counting for
// `day` (the local date it belongs to), with a fresh random id.
AttendanceEvent makeEvent(EventKind kind, std::string participantCode, Instant at, LocalDate day, const EventStamp& stamp);

// A tap or scan now: check-in or check-out at the stamp's time, on its local date.
AttendanceEvent makeTapEvent(EventKind kind, std::string participantCode, const EventStamp& stamp);

// An undo of the check-in `checkInEventId`, now.
AttendanceEvent makeUndoEvent(std::string participantCode, std::string checkInEventId, const EventStamp& stamp);

// A walk-in who is not on the roster, now. Name and organisation are trimmed of trailing spaces.
AttendanceEvent makeWalkInEvent(std::string name, std::string organisation, const EventStamp& stamp);

// A staff correction or guest review from its form, for `day`: id, day and stamp are filled in, the
// reason is cut to 500 bytes and the actor to 80. The moment (`at`) is the caller's: a time on
// `day` for a correction, the walk-in's time for a review.
AttendanceEvent makeStaffEvent(const StaffForm& form, LocalDate day, Instant at, const EventStamp& stamp);

}  // namespace kiosk
