// central_kiosk_role.h: `central-setup --add-kiosk ID`: one login role per kiosk on the central
// record, and what that kiosk's kiosk.toml needs to reach it (issue 17).
//
// CONTRACT
//   1. The role is named kiosk_<ID>, a member of leergang_kiosks (central_schema.h says what that
//      may do), and the kiosk table gets the row (ID, kiosk_<ID>) that row-level security checks.
//      ID is what the kiosk has as [kiosk] id: 1 to 50 of a-z, 0-9 and _.
//   2. The password is new each time (24 random bytes from libsodium, as 32 characters of
//      [A-Za-z0-9-_]). Only its SCRAM-SHA-256 verifier goes to the server (PQencryptPasswordConn,
//      as psql's \password does): the plain password is in no statement and no server log. The
//      caller shows it once; nothing stores it on this side.
//   3. Repeating --add-kiosk for an existing kiosk gives it a new password and leaves its events,
//      row and grants as they are: the way to replace a lost or leaked password file.
//   4. All in one transaction: the role, its membership, its row, its limits (kKioskRoleLimits)
//      and, when cohorts are given, its cohorts exist together or not at all.
//   5. setKioskCohorts replaces (or, with `add`, extends) the cohorts a kiosk serves (kiosk_cohort,
//      central_schema.h SECURITY MODEL) in one transaction; events of that kiosk stored before it
//      had any cohort and still without one (walk-ins from before version 6) get its first cohort.
//      A kiosk notices a new cohort at its next sync and pulls that cohort's past events then
//      (central_sync.h, rule 10).
#pragma once

#include <string>
#include <vector>

namespace kiosk {

class PgConnection;

bool validCentralKioskId(const std::string& id);
std::string centralRoleName(const std::string& kioskId);  // "kiosk_" + id

struct AddKioskResult {
    bool ok = false;
    bool existed = false;   // the role was there: only its password changed
    std::string role;
    std::string password;   // show once; never log
    std::string error;
};

// What every kiosk role gets (ALTER ROLE): generous for the real thing (a push of 1,000 events takes
// well under a second), small enough that nothing a kiosk does can hold the server for long.
struct KioskRoleLimits {
    int connections = 4;                 // the sync thread, a `sync` or `import-roster` beside it, one spare
    int statementTimeoutMs = 30'000;     // = 30 s
    int lockTimeoutMs = 5'000;           // = 5 s // a release waiting for its cohort's counter row
    int idleInTransactionMs = 30'000;    // = 30 s
};
inline constexpr KioskRoleLimits kKioskRoleLimits{};
// A DO block applying kKioskRoleLimits to every role name `roleQuery` (SQL) returns.
std::string kioskRoleLimitsSql(const std::string& roleQuery);

// 1 to 64 characters, no spaces or control characters (a programme's cohort id).
bool validCentralCohort(const std::string& cohort);

AddKioskResult addCentralKiosk(PgConnection& owner, const std::string& kioskId,
                               const std::vector<std::string>& cohorts = {});

struct SetCohortsResult {
    bool ok = false;
    bool unknownKiosk = false;
    std::vector<std::string> cohorts;  // the kiosk's cohorts afterwards
    long long eventsAssigned = 0;      // its events without a cohort that got one now
    std::string error;
};
SetCohortsResult setKioskCohorts(PgConnection& owner, const std::string& kioskId,
                                 const std::vector<std::string>& cohorts, bool add = false);

// The connection string for that kiosk: the owner's `url` with user=kiosk_<ID> and no password;
// every other keyword (host, port, dbname, sslmode, sslrootcert, ...) as the owner gave it.
// "" when libpq cannot parse `url`.
std::string kioskConnectionString(const std::string& ownerUrl, const std::string& kioskId);

}  // namespace kiosk
