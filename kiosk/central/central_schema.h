// central_schema.h: the schema of the central attendance record on PostgreSQL, and how
// `central-setup` brings a database up to it (issue 17).
//
// THE SCHEMA (version 1)
//   kiosk             one row per kiosk: id (as in its kiosk.toml [kiosk] id), its login role,
//                     last_seen and clock_offset_ms (the kiosk's clock minus the server's, at its
//                     last contact); a kiosk stamps only its own row, only those two columns.
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
//                     origin_kiosk; since version 6 'origin_kiosk cohort'), which the kiosks' sync
//                     threads LISTEN for (sync_worker.h).
//   (version 4) origin_epoch: a restored kiosk's numbers start a new series (central_sync.h, 2).
//   (version 5) kiosk_database, schema_version readable, central_cutoff, attendance_event.offered_by
//                     and the re-offer of events a restored server lost (issue 27, central_schema.cpp).
//   (version 6) kiosk_cohort (which cohorts each kiosk serves), attendance_event.cohort, the
//                     server's release counter per cohort, length limits, the security model below.
//   (version 7) kiosk_database.renamed_to/_at, leergang_database_renamed(): a box that was given
//                     its own kiosk id marks the database it was under its old id, so that the old
//                     id stops warning of a second box (central_schema_v7.cpp; central_sync.h, 13).
//   (version 8) erasure on request (issue 31, central_schema_v8.cpp): erasure_key (a random key per
//                     cohort), erasure (the tombstones: a keyed hash of the code, no code, no name),
//                     erased_event (ids only), leergang_erase_person() for `central-setup --erase`,
//                     and triggers that skip an erased person's events and refuse their roster rows.
//
// SECURITY MODEL (version 6, issue 28; the SQL is central_schema_v6.cpp)
//   Threat: one kiosk's credentials (a lost or stolen box holds its password file) used by hand
//   with psql against the server. What that role can do is all that policy allows, nothing more.
//   Roles
//     owner            runs central-setup (schema, roles, --add-kiosk, --set-cohorts, --purge);
//                      owns every table, so row-level security does not apply to it. Never on a kiosk.
//     leergang_kiosks  NOLOGIN group holding every kiosk's rights; CONNECT on the database, no TEMP,
//                      no CREATE anywhere.
//     kiosk_<ID>       one LOGIN role per kiosk (central_kiosk_role.h), SCRAM, member of the group;
//                      CONNECTION LIMIT, statement_timeout, lock_timeout and
//                      idle_in_transaction_session_timeout set on the role (kKioskRoleLimits).
//   Which kiosk and which cohorts a statement comes from is the server's answer, never the
//   client's: leergang_my_kiosk() / leergang_my_cohorts() read kiosk and kiosk_cohort for
//   session_user (SECURITY DEFINER; kiosk_cohort has no grant, SET ROLE changes nothing).
//   What a kiosk role may do, and the attack each rule answers:
//     R1 read events, releases and release rows only of its cohorts (SELECT policies; the view
//        roster is security_invoker): "every kiosk reads every municipality's people and events".
//     R2 insert events only with origin_kiosk = kiosk_id = its own id: "forged kiosk_id".
//     R3 the event's cohort is derived by the server (trigger attendance_event_cohort: the release
//        that holds the participant; a walk-in: its target's, else the kiosk's first cohort), the
//        column is not granted; the policy asks that cohort to be the kiosk's and the participant
//        to be in a release of it: "check in / correct a participant of another cohort".
//     R4 refers_to (undo, correction, review) must not name an event of a cohort not its own
//        (leergang_may_refer): "undo zaal's check-in from deur" across cohorts. Within a cohort any
//        kiosk may undo any kiosk's event (the room undoes the door's check-in).
//     R5 walk-ins (guest_registration without a code) count for the kiosk's first cohort by name
//        order; their text is limited like any other field. A walk-in is seen only by kiosks of
//        that cohort.
//     R6 roster releases only for its cohorts, as itself; the version is assigned by a trigger
//        from cohort_release_counter (+1, under that cohort's row lock), whatever the client sends:
//        "release at 2^63-1". Rows only into a release inserted by the same transaction (xmin), and
//        at commit the release must hold exactly `people` rows (deferred constraint trigger).
//     R7 no UPDATE or DELETE on anything but R14 (append-only triggers too); its last contact through
//        leergang_stamp_contact() for its own row only. Without UPDATE no LOCK TABLE beyond ROW
//        EXCLUSIVE either, which blocks nobody's insert: "hold a lock that stops every kiosk".
//     R8 no advisory lock in any kiosk path: a kiosk holding one blocks nothing. The only lock two
//        kiosks share is their own cohort's counter row, and a release waits for it at most
//        lock_timeout; a release for another cohort is refused before that row is touched.
//     R9 CHECK length limits on every text column (core/record_limits.h, core/roster.h): "a 10 MB
//        guest name in every kiosk". The pull checks rows again (central_event_checks.h).
//     R10 e-mail addresses are not on the server (dropped in version 6, the table rewritten).
//     R11 NOTIFY cannot be restricted by PostgreSQL; a flood only wakes listeners, whose pulls are
//        debounced (sync_worker.h): "NOTIFY spam keeps every kiosk scanning".
//     R12 role settings are defaults the session could SET otherwise: they protect the honest
//        kiosks' own sessions (a stuck lock ends their statement, not their thread); the attacker's
//        own session is contained by R7/R8 (nothing it holds blocks another cohort) and the
//        connection limit, which it cannot change.
//     R13 an event comes in one of two ways (permissive policies): its own (origin_kiosk = its id),
//        or the re-offer of survive (version 5, central_sync.h rule 5): another kiosk's event it
//        pulled, signed offered_by = its id, only above the highest number the server holds of that
//        series (leergang_series_top, over all cohorts: never under or between what is there), and
//        only of a cohort that origin kiosk serves (leergang_serves: no row in a stranger's series). Both
//        ways pass the one RESTRICTIVE policy kiosk_confined_to_its_cohorts, which holds R2-R4 for
//        either: "re-offer into another cohort" or "re-offer under a forged kiosk_id" is refused.
//     R14 kiosk_database (version 5): a kiosk reads and stamps only its own id's rows; its UPDATE is
//        by column, so no LOCK TABLE, and SELECT ... FOR UPDATE reaches only its own rows.
//     R15 (version 7) leergang_database_renamed: a kiosk can mark a database row of another id as
//        renamed to itself (it must name the row's epoch, which is no secret: origin_epoch is in
//        every event a kiosk reads). A marked row is left out of the two-boxes check only until
//        that database is in contact under the old id again, so a mark hides no box that still
//        syncs: "silence the warning about a rogue box under a real box's id".
//     R16 (version 8) erasure: a kiosk reads the erasure key and tombstones of its cohorts only, to
//        find the person among its own codes (a tombstone names nobody without the roster), and
//        writes neither (no grant, no policy); nobody updates them. Deleting a person is the
//        owner's leergang_erase_person (no EXECUTE for kiosks, no DELETE grant anywhere): "erase
//        someone from a stolen box" or "undo an erasure" is refused. An erased person's events are
//        skipped, not refused, at insert (a kiosk that has not heard yet must not be stuck) and only
//        within the writer's cohorts when no release names the code: "probe whether code X was
//        erased in another cohort" learns nothing.
//   Known and accepted: a kiosk sees every kiosk's row in `kiosk` (ids, last contact, no people),
//   and leergang_series_top tells it how far any series is numbered (a count, no content); a kiosk
//   can fill the disk with rows of its own (events, kiosk_database rows): they carry its id, and the
//   owner drops its role (PostgreSQL has no per-role quota);
//   a re-offer (R13) can take numbers above a series' top before their origin kiosk sends them: the
//   origin's push is then refused, which proves a fork, and it starts a new epoch and sends again
//   (central_sync.h rule 3), nothing lost; the taken numbers hold events signed by the offerer;
//   a kiosk of cohort C can still release a wrong roster for C and write wrong events about C's
//   people: it is trusted for its own cohorts, and every such write carries its id.
//   Tried by hand as kiosk_mallory with psql (session 8), beyond the tests: COPY FROM is refused under
//   row-level security and COPY TO shows only its rows; pg_stats hides the statistics of tables under
//   RLS; pg_stat_activity hides other roles' statements; pg_terminate_backend, SET ROLE, CREATE
//   (schema, function), TRUNCATE, DELETE, INSERT ... ON CONFLICT DO UPDATE, pg_read_file and the
//   server's settings are refused; a 5th connection is refused (CONNECTION LIMIT 4). Accepted: the
//   role may ALTER ROLE itself SET statement_timeout = 0 (its own defaults; every kiosk session sets
//   its own limits, central_peer.h kStatementLimits, so an honest box is not affected); it may create
//   large objects (PostgreSQL grants lo_create to PUBLIC and only a superuser could revoke it: they
//   count as filling the disk, readable by their creator only; `vacuumlo` or dropping the role
//   removes them); a LISTEN on attendance_event hears every cohort's "kiosk cohort" payloads (when,
//   and which kiosk ids and cohort names, no person).
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

constexpr int kCentralSchemaVersion = 8;  // the only place the number is kept

// Version 6 (central_schema_v6.cpp): built from the limits in core/record_limits.h.
std::string centralMigrationV6();
// Version 7 (central_schema_v7.cpp): a renamed box's old database stops counting as a second box.
std::string centralMigrationV7();
// Version 8 (central_schema_v8.cpp): one person erased on request, everywhere (issue 31).
std::string centralMigrationV8();

// `upTo`: the version to stop at (tests build an older database to upgrade).
CentralSchemaResult applyCentralSchema(PgConnection& owner, int upTo = kCentralSchemaVersion);

}  // namespace kiosk
