// central_erasure.h: a person erased on request from the central record (`central-setup --erase`,
// central_schema_v8.cpp) leaves every kiosk of the cohort at its next sync (issue 31).
//
// CONTRACT
//   1. At every sync, before the roster and the push (central_roster.cpp, syncRoster, calls it
//      first), the kiosk reads the tombstones of its cohorts and their cohorts' keys (row-level
//      security: only those). A tombstone not applied here yet (no meta central_erased/<cohort>/<hash>)
//      is matched against every code this kiosk holds (roster and events: AttendanceDb::personCodes)
//      by the same keyed hash (centralErasureHash); each code that matches is erased as by `privacy
//      erase` (AttendanceDb::erasePerson: events, walk-in links, outbox rows, roster row; nothing
//      readable in the file or its -wal), with the reason "centraal gewist DATE: REASON".
//   2. Then, and only then, the tombstone and the cohort's key are stored here (meta_keys.h), so a
//      crash in between erases again at the next sync (harmless: nothing is left to erase). A
//      kiosk that never held the person stores them too: a later roster import or pull leaves the
//      code out (AttendanceDb::isErased, store/erasure.cpp rule 6).
//   3. The push then sends nothing of them (their outbox rows are gone); a kiosk that pushed
//      before it heard is harmless too: the server skips such events (central_schema_v8.cpp, 4).
//   4. Nothing throws; a store failure stops it with storeFailed, a server failure with error.
#pragma once

#include <string>

namespace kiosk {

class PgConnection;
class AttendanceDb;
struct Instant;

struct CentralErasureReport {
    bool ok = false;
    bool storeFailed = false;
    int tombstonesNew = 0;  // tombstones stored here now
    int people = 0;         // codes erased here now
    int events = 0;         // their events removed here
    std::string error;
};

CentralErasureReport applyCentralErasures(PgConnection& central, AttendanceDb& db, Instant now);

// The owner's erasure (`central-setup --erase`, central_schema_v8.cpp contract 3): one transaction,
// a fresh random key for the cohort if it has none yet, then VACUUM (ANALYZE) of the two tables (best
// effort: the dead rows' space is reused sooner, and the planner's statistics no longer name them). `unknownCohort`: no kiosk serves the cohort and
// the record holds nothing of it (a typo): nothing is done.
struct CentralEraseResult {
    bool ok = false;
    bool unknownCohort = false;
    bool alreadyErased = false;  // the tombstone was there; what still named the code went now
    int events = 0, rosterRows = 0;
    std::string error;
};
CentralEraseResult eraseFromCentral(PgConnection& owner, const std::string& cohort, const std::string& code,
                                    const std::string& reason);

}  // namespace kiosk
