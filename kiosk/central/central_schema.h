// central_schema.h: the schema of the central attendance record on PostgreSQL, and how
// `central-setup` brings a database up to it (issue 17).
//
// THE SCHEMA (version 1)
//   kiosk             one row per kiosk: id (as in its kiosk.toml [kiosk] id), its login role,
//                     last_seen and clock_offset_ms (the kiosk's clock minus the server's, at its
//                     last contact); a kiosk may update only its own row, only those two columns.
//   attendance_event  the kiosks' events: the same id as on the kiosk (primary key: a retried push
//                     is `INSERT ... ON CONFLICT (id) DO NOTHING`), origin_kiosk and origin_seq (the
//                     kiosk's own local sequence number; unique per origin, so that another kiosk
//                     pulls by a high-water mark per origin, never by a server serial whose commit
//                     order can have gaps), received_at (the server's clock, not the kiosk's: a kiosk
//                     role cannot write that column), and the event's fields as the kiosk stores
//                     them. Append-only: a trigger refuses UPDATE for everyone, the owner included.
//   roster            the participants per cohort (primary key cohort, code); read by kiosks.
//   schema_version    one row per applied migration.
//   roster_release    (version 2) one row per cohort roster a kiosk released: (cohort, version),
//                     the kiosk, the time, the number of people; roster_release_row its rows.
//                     Both append-only: kiosks add releases carrying their own kiosk id, and rows
//                     only to their own releases; no kiosk can change or delete one. `roster`
//                     becomes a view of each cohort's newest release (central_roster.h).
//   (version 3) an AFTER INSERT trigger on attendance_event: pg_notify('attendance_event',
//                     origin_kiosk), which the kiosks' sync threads LISTEN for (sync_worker.h).
//   Role leergang_kiosks (no login) holds what every kiosk may do: SELECT the three tables,
//   INSERT events (not received_at), UPDATE its own kiosk row's last_seen and clock_offset_ms.
//   No UPDATE or DELETE of events. Row-level security: a kiosk inserts only events whose
//   origin_kiosk is its own id (the kiosk row whose role_name is current_user).
//
// CONTRACT of applyCentralSchema
//   1. Idempotent: a migration already in schema_version is never run again; running it on an
//      up-to-date database changes nothing and reports 0 applied.
//   2. Each migration runs in one transaction together with its schema_version row: it is there
//      completely or not at all. A transaction-scoped advisory lock serialises two setups at once.
//   3. A database whose schema_version is newer than this program is refused, unchanged.
//   4. Run as the owner (a role that may create tables and roles); kiosks never run it.
#pragma once

#include <string>

namespace kiosk {

class PgConnection;

struct CentralSchemaResult {
    bool ok = false;
    int versionBefore = 0;  // 0: an empty database
    int versionAfter = 0;
    int applied = 0;        // migrations run now
    std::string error;      // PostgreSQL's words when !ok
    bool tooNew = false;    // the database is newer than this program
};

constexpr int kCentralSchemaVersion = 5;  // issue 28 takes 5 on its branch: this becomes 6 at merge

CentralSchemaResult applyCentralSchema(PgConnection& owner);

}  // namespace kiosk
