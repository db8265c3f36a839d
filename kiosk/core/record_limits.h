// record_limits.h: the longest text each field of an attendance event may hold, in characters
// (code points), wherever the event is: typed on the kiosk, stored on the central server (its CHECK
// constraints are built from these numbers, central/central_schema_v6.cpp) and pulled from it
// (central/central_event_checks.h). The roster's own limits are kRosterLimits (core/roster.h).
#pragma once

#include <cstddef>

#include "roster.h"

namespace kiosk {

struct EventLimits {
    size_t id = 64;                                      // newEventId() gives 32 hex digits
    size_t participantCode = kRosterLimits.code;         // = 32
    size_t kioskId = 50;                                 // [kiosk] id: 1 to 50 of a-z, 0-9, _
    size_t reason = 500;                                 // a staff correction's reason
    size_t actor = kRosterLimits.name;                   // = 100 // who made the change
    size_t refersTo = 64;                                // an event id
    size_t effect = 32;                                  // a word of the fold (set_check_in, ...)
    size_t guestName = kRosterLimits.name;               // = 100
    size_t guestOrganisation = kRosterLimits.department; // = 200
};
inline constexpr EventLimits kEventLimits{};

}  // namespace kiosk
