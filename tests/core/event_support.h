// event_support.h: attendance events for tests, at a local time in the venue's time zone.
#pragma once

#include <string>

#include "core/attendance.h"
#include "core/event_builder.h"

namespace kiosk::test {

// An event of `kind` for `code` at local time `when` ("YYYY-MM-DDTHH:MM"), counting for that day.
inline AttendanceEvent eventAt(EventKind kind, const std::string& code, const char* when) {
    return makeTapEvent(kind, code, EventStamp::kiosk(fromLocal(*LocalDateTime::parse(when)), ""));
}

}  // namespace kiosk::test
