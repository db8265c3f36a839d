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
//   4. All in one transaction: the role, its membership and its row exist together or not at all.
#pragma once

#include <string>

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

AddKioskResult addCentralKiosk(PgConnection& owner, const std::string& kioskId);

// The connection string for that kiosk: the owner's `url` with user=kiosk_<ID> and no password;
// every other keyword (host, port, dbname, sslmode, sslrootcert, ...) as the owner gave it.
// "" when libpq cannot parse `url`.
std::string kioskConnectionString(const std::string& ownerUrl, const std::string& kioskId);

}  // namespace kiosk
