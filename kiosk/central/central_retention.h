// central_retention.h: the retention rule on the central record (issue 17, item 7), run by the
// organiser with `leergang-kiosk central-setup --url URL --purge` as the database owner (kiosk roles
// cannot delete events).
//
// THE RULE: the kiosk's own (store/retention.cpp), applied to the central attendance_event table:
//   an event is deleted only when BOTH say it is older than the retention period ([store]
//   retention_days in kiosk.toml, or --older-than DAYS):
//     - the clock:   its local date is before today (this machine's clock) - retention, and
//     - the records: its local date is before the newest event's local date on the server - retention.
//   Events dated before kEarliestPlausibleDay (a kiosk clock that had lost its time) are never
//   purged by age. So a wrong clock on the organiser's machine deletes nothing the right clock
//   would not.
// CONTRACT
//   1. One transaction: the newest evidence is read and the delete done under the same lock as
//      central-setup's migrations (no setup or second purge in between); all or nothing.
//   2. Roster releases (names) follow the same cut-off: a release made before it is deleted with
//      its rows, except each cohort's newest, which is the roster the kiosks use (`roster`). The
//      kiosk rows are kept.
//   3. The applied cut-off is kept (central_cutoff, never moved back) in the same transaction: from
//      then on the server refuses any event dated before it (a trigger in the central schema), and
//      kiosks drop such events from their outbox with a line in the log and never offer them again
//      (central_sync.h, rule 5): a purge is not undone by a kiosk restored from an old backup. One
//      rule everywhere.
//   4. Afterwards VACUUM the tables rows left, so the space of the deleted rows is reclaimed.
//   5. Kiosks' own copies follow the same rule at their own start; their high-water marks are
//      local, so a purge on the server never makes a kiosk pull again.
#pragma once

#include <optional>
#include <string>

#include "core/civil_time.h"

namespace kiosk {

class PgConnection;

struct CentralPurgeResult {
    bool ok = false;
    long long removed = 0;
    long long releasesRemoved = 0;             // older roster releases (each cohort's newest stays)
    LocalDate appliedCutoff{};                 // events dated before this day were deleted
    std::optional<LocalDate> newestEvidence;   // the newest event's day on the server
    std::string error;
};

CentralPurgeResult purgeCentral(PgConnection& owner, LocalDate today, int retentionDays);

}  // namespace kiosk
