#include "event_builder.h"

namespace kiosk {
namespace {

std::string trimEnd(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

}  // namespace

AttendanceEvent makeEvent(EventKind kind, std::string participantCode, Instant at, LocalDate day, const EventStamp& stamp) {
    AttendanceEvent e;
    e.id = newEventId();
    e.participantCode = std::move(participantCode);
    e.kind = kind;
    e.at = at;
    e.recordedAt = stamp.recordedAt;
    e.day = day;
    e.source = stamp.source;
    e.kioskId = stamp.kioskId;
    return e;
}

AttendanceEvent makeTapEvent(EventKind kind, std::string participantCode, const EventStamp& stamp) {
    return makeEvent(kind, std::move(participantCode), stamp.recordedAt, localDateOf(stamp.recordedAt), stamp);
}

AttendanceEvent makeUndoEvent(std::string participantCode, std::string checkInEventId, const EventStamp& stamp) {
    AttendanceEvent e = makeTapEvent(EventKind::undo, std::move(participantCode), stamp);
    e.refersTo = std::move(checkInEventId);
    return e;
}

AttendanceEvent makeWalkInEvent(std::string name, std::string organisation, const EventStamp& stamp) {
    AttendanceEvent e = makeTapEvent(EventKind::guest_registration, "", stamp);
    e.guestName = trimEnd(std::move(name));
    e.guestOrganisation = trimEnd(std::move(organisation));
    return e;
}

AttendanceEvent makeStaffEvent(const StaffForm& form, LocalDate day, Instant at, const EventStamp& stamp) {
    AttendanceEvent e = makeEvent(form.kind, form.participantCode, at, day, stamp);
    e.effect = form.effect;
    e.refersTo = form.refersTo;
    e.reason = form.reason.substr(0, 500);
    e.actor = form.actor.substr(0, 80);
    return e;
}

}  // namespace kiosk
