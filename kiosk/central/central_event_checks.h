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
//   2. A row that fails on a word this version does not know (kind, source, effect: a newer kiosk
//      wrote it, the server's schema upgraded first) is from a newer version: the pull stores the
//      rows of its series before it and holds the series' high-water mark there, so that the row
//      and those after it arrive once this kiosk is upgraded; the Status page says so.
//   3. A row that fails otherwise (a text over its limit or not UTF-8, a bad date or code: an
//      older server's row, an owner's hand) can never pass: it is not stored, counted in
//      PullReport's `refused` with the field, and the rows after it are stored as usual (holding
//      the mark there would stop the series for good); the Status page says so too.
//   4. The push side (central_sync.h, rule 12): an outbox row written before these limits existed
//      (an older version let a reason, an actor, a guest's name or organisation run longer) would
//      be refused by the server's CHECK constraints at every push and hold every event behind it.
//      Such a free text goes to the server shortened to its limit, its last character "…" (and a
//      byte that is not UTF-8, which PostgreSQL would refuse as well, as U+FFFD); the kiosk keeps
//      its own full text. Identifiers, codes, dates and words are never changed.
#pragma once

#include <cstddef>
#include <string>

namespace kiosk {

struct CentralEventRow;

// "" when the row passes; else the field that does not, for the report.
std::string pulledEventFault(const CentralEventRow& e);
// Whether a fault in `field` means a newer version wrote the row (rule 2), not a bad row (rule 3).
bool faultFromNewerVersion(const std::string& field);

// Rule 4: `text` (valid UTF-8) cut to at most `limit` characters, ending in "…" when it was cut.
std::string fittedToLimit(const std::string& text, size_t limit);
// Rule 4: `e` with every free text fitted to its limit; returns how many texts were cut.
int fitToServerLimits(CentralEventRow& e);

}  // namespace kiosk
