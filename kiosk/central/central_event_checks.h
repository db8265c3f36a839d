// central_event_checks.h: an event pulled from the central record is checked like an import before
// the kiosk keeps it (issue 28, item 3): the server's own CHECK constraints hold the same limits
// (central_schema.h, SECURITY MODEL R9), but rows stored before version 6, or by an owner's hand,
// were never checked there.
//
// CONTRACT
//   1. A row passes when every text field is valid UTF-8 without control characters (a reason may
//      hold line breaks) within its limit (core/record_limits.h); kind and source are words the
//      store knows; local_date is YYYY-MM-DD; a participant code is in its normalised form (only
//      a walk-in has none).
//   2. The pull skips a row that does not pass (it is never stored, and counted in PullReport's
//      `refused`); the rows after it are stored as usual.
#pragma once

#include <string>

namespace kiosk {

struct CentralEventRow;

// "" when the row passes; else the field that does not, for the report.
std::string pulledEventFault(const CentralEventRow& e);

}  // namespace kiosk
