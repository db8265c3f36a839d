// central_roster.h: one roster for every kiosk of a cohort, through the central record (issue 17,
// item 4). A roster imported on any kiosk (participants.csv, or `import-roster`) is released to the
// server at its next sync; every other kiosk of that cohort applies it at its next sync, through
// the same all-or-nothing import as a file (AttendanceDb::importRoster).
//
// DESIGN
//   The unit is a cohort's roster: the active participants with that cohort id. On the server a
//   release is (cohort, version): `roster_release` the versions, `roster_release_row` their rows,
//   both append-only for kiosks; the view `roster` shows each cohort's newest release
//   (central_schema.h, version 2).
//   Each kiosk keeps, in its meta key meta_keys::kCentralRoster, what it last agreed with the server per
//   cohort: the version and a hash of that cohort's rows as they were then on this kiosk. At each
//   sync, per cohort:
//     local hash != agreed hash      the roster changed here (an import): RELEASE it as the next
//                                    version: in one server transaction the release row (its
//                                    version given by the server) and its rows are added.
//     server version < agreed        the server lost it (restored from a dump): RELEASE it again,
//                                    as above (the server takes check-ins only for released people).
//     else server version > agreed   another kiosk released one: APPLY it: this kiosk's roster
//                                    becomes its other cohorts as they are plus that cohort's
//                                    rows, imported in one SQLite transaction together with the
//                                    new agreed state (importRoster's meta key): all or nothing.
//     else                           nothing to do.
//   A change here wins over a newer release from elsewhere: the later release is the roster (the
//   server's order decides between two kiosks importing at once; the one that syncs later wins,
//   and says so in its report). A cohort that has no active participant here is never released
//   (an empty roster would take every participant off the other kiosks; as roster_sync.h).
//   Cohorts applied are those of this kiosk's programme (`cohorts`); others are left alone. Only the
//   cohorts the server says this kiosk serves are released or seen at all (central schema v6,
//   central_schema.h SECURITY MODEL R1, R6): another cohort on the local roster is left out and
//   named in `notServed`. The server numbers each release; no advisory lock, no e-mail (R10).
//   Rows fetched are checked like an import (kRosterLimits); a row that fails is left out.
//
// CONTRACT
//   1. Crash between the server's commit of a release and the local meta update: the next sync
//      releases the same rows again as one more version; harmless (same people).
//   2. A failed apply leaves the local roster and the agreed state as they were (importRoster's
//      transaction); the next sync tries again.
//   3. Nothing throws; errors come back in the report with the server's or the store's words.
//   4. First of all the central erasures are applied (central_erasure.h): an erased person is never
//      released or applied; a cohort that agreed with the server before agrees after (the owner
//      took them out of the releases too), so the erasure makes no new release.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/participant.h"

namespace kiosk {

class PgConnection;
class AttendanceDb;
struct Instant;


struct RosterSyncReport {
    bool ok = false;
    bool storeFailed = false;
    std::map<std::string, int64_t> released;  // cohort -> version released by this kiosk now
    std::map<std::string, int64_t> applied;   // cohort -> version taken over from the server now
    int people = 0;                           // participants in the cohorts applied
    std::set<std::string> notServed;          // cohorts on this kiosk's roster the server says it does not serve
    int erased = 0;                           // people erased here on the server's tombstones (central_erasure.h)
    std::string error;
};

// The agreed state as stored in the meta value: "cohort version hash" per line.
struct AgreedCohort {
    int64_t version = 0;
    std::string hash;
};
std::map<std::string, AgreedCohort> parseAgreedRoster(const std::string& metaValue);
std::string formatAgreedRoster(const std::map<std::string, AgreedCohort>& agreed);
// Hash of one cohort's participants (order-independent: sorted by code).
std::string cohortRosterHash(std::vector<Participant> people);

RosterSyncReport syncRoster(PgConnection& central, AttendanceDb& db, const std::string& kioskId,
                            const std::set<std::string>& cohorts, Instant now);

}  // namespace kiosk
