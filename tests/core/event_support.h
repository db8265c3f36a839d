// event_support.h: attendance events for tests, at a local time in the venue's time zone.
#pragma once

#include <string>

#include "core/attendance.h"

namespace kiosk::test {

// An event of `kind` for `code` at local time `when` ("YYYY-MM-DDTHH:MM"), counting for that day.
inline AttendanceEvent eventAt(EventKind kind, const std::string& code, const char* when) {
    AttendanceEvent e;
    e.id = newEventId();
    e.participantCode = code;
    e.kind = kind;
    e.at = fromLocal(*LocalDateTime::parse(when));
    e.recordedAt = e.at;
    e.day = localDateOf(e.at);
    return e;
}

}  // namespace kiosk::test
