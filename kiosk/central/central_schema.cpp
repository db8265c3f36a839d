#include "central_schema.h"

#include "pg_connection.h"

namespace kiosk {
namespace {

// Any fixed number: the lock that serialises two central-setup runs on one database.
constexpr const char* kSetupLock = "SELECT pg_advisory_xact_lock(7317017)";

// Version 1. Each later version appends one step to kMigrations; never edit a shipped step.
constexpr const char* kMigrationV1 = R"sql(
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'leergang_kiosks') THEN
        CREATE ROLE leergang_kiosks NOLOGIN;
    END IF;
END $$;

CREATE TABLE kiosk (
    id              text PRIMARY KEY CHECK (id ~ '^[a-z0-9_]{1,50}$'),
    role_name       text NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen       timestamptz,
    clock_offset_ms bigint                  -- the kiosk's clock minus the server's, at last_seen
);

CREATE TABLE attendance_event (
    id                 text PRIMARY KEY,    -- the kiosk's event id (idempotency key)
    origin_kiosk       text NOT NULL REFERENCES kiosk(id),
    origin_seq         bigint NOT NULL CHECK (origin_seq > 0),
    received_at        timestamptz NOT NULL DEFAULT now(),
    participant_code   text,                -- NULL for a guest
    kind               text NOT NULL CHECK (kind IN ('check_in','check_out','undo','correction','guest_registration')),
    at_ms              bigint NOT NULL,     -- UTC milliseconds of the moment it is about
    recorded_ms        bigint NOT NULL,     -- UTC milliseconds when the kiosk wrote it
    local_date         date NOT NULL,       -- the day it counts for (Europe/Amsterdam)
    source             text NOT NULL CHECK (source IN ('kiosk','staff','command_line')),
    kiosk_id           text NOT NULL,       -- the writer's [kiosk] id as recorded in the event
    reason             text NOT NULL DEFAULT '',
    actor              text NOT NULL DEFAULT '',
    refers_to          text NOT NULL DEFAULT '',
    effect             text NOT NULL DEFAULT '',
    guest_name         text NOT NULL DEFAULT '',
    guest_organisation text NOT NULL DEFAULT '',
    UNIQUE (origin_kiosk, origin_seq),
    CHECK (kind <> 'correction' OR reason <> ''),
    CHECK (kind = 'guest_registration' OR participant_code IS NOT NULL)
);
CREATE INDEX attendance_event_by_day ON attendance_event (local_date, participant_code);

CREATE FUNCTION attendance_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'attendance_event is append-only';
END $$;
CREATE TRIGGER attendance_event_append_only BEFORE UPDATE ON attendance_event
    FOR EACH ROW EXECUTE FUNCTION attendance_event_append_only();

CREATE TABLE roster (
    cohort      text NOT NULL,
    code        text NOT NULL,
    first_name  text NOT NULL,
    infix       text NOT NULL DEFAULT '',
    last_name   text NOT NULL,
    department  text NOT NULL DEFAULT '',
    email       text NOT NULL DEFAULT '',
    active      boolean NOT NULL DEFAULT true,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cohort, code)
);

REVOKE ALL ON kiosk, attendance_event, roster FROM PUBLIC;
GRANT SELECT ON kiosk, attendance_event, roster TO leergang_kiosks;
GRANT INSERT (id, origin_kiosk, origin_seq, participant_code, kind, at_ms, recorded_ms, local_date, source,
              kiosk_id, reason, actor, refers_to, effect, guest_name, guest_organisation)
    ON attendance_event TO leergang_kiosks;
GRANT UPDATE (last_seen, clock_offset_ms) ON kiosk TO leergang_kiosks;

ALTER TABLE attendance_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_reads_all ON attendance_event FOR SELECT TO leergang_kiosks USING (true);
CREATE POLICY kiosk_inserts_own ON attendance_event FOR INSERT TO leergang_kiosks
    WITH CHECK (origin_kiosk = (SELECT k.id FROM kiosk k WHERE k.role_name = current_user));

ALTER TABLE kiosk ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_sees_all ON kiosk FOR SELECT TO leergang_kiosks USING (true);
CREATE POLICY kiosk_updates_own ON kiosk FOR UPDATE TO leergang_kiosks
    USING (role_name = current_user) WITH CHECK (role_name = current_user);
)sql";

// Version 2: one roster for every kiosk (central_roster.h). A release is one cohort's whole roster
// at one version: a `roster_release` row and its `roster_release_row`s, added in one transaction
// (the release first: the rows' policy asks for it). Kiosks only add releases, as themselves; no
// kiosk can change or delete what another released (no UPDATE or DELETE grant, and a trigger
// refuses UPDATE for everyone). `roster` becomes a view: the rows of each cohort's newest release.
constexpr const char* kMigrationV2 = R"sql(
CREATE TABLE roster_release (
    cohort       text NOT NULL,
    version      bigint NOT NULL CHECK (version > 0),
    origin_kiosk text NOT NULL REFERENCES kiosk(id),
    released_at  timestamptz NOT NULL DEFAULT now(),
    people       integer NOT NULL CHECK (people > 0),
    PRIMARY KEY (cohort, version)
);
CREATE TABLE roster_release_row (
    cohort      text NOT NULL,
    version     bigint NOT NULL,
    code        text NOT NULL,
    first_name  text NOT NULL,
    infix       text NOT NULL DEFAULT '',
    last_name   text NOT NULL,
    department  text NOT NULL DEFAULT '',
    email       text NOT NULL DEFAULT '',
    PRIMARY KEY (cohort, version, code),
    FOREIGN KEY (cohort, version) REFERENCES roster_release (cohort, version) ON DELETE CASCADE
);
CREATE FUNCTION release_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER roster_release_append_only BEFORE UPDATE ON roster_release
    FOR EACH ROW EXECUTE FUNCTION release_append_only();
CREATE TRIGGER roster_release_row_append_only BEFORE UPDATE ON roster_release_row
    FOR EACH ROW EXECUTE FUNCTION release_append_only();
DROP TABLE roster;
CREATE VIEW roster AS
    SELECT r.cohort, r.code, r.first_name, r.infix, r.last_name, r.department, r.email, l.version, l.released_at
    FROM roster_release_row r
    JOIN (SELECT cohort, max(version) AS version FROM roster_release GROUP BY cohort) newest
      ON newest.cohort = r.cohort AND newest.version = r.version
    JOIN roster_release l ON l.cohort = r.cohort AND l.version = r.version;
REVOKE ALL ON roster_release, roster_release_row, roster FROM PUBLIC;
GRANT SELECT ON roster_release, roster_release_row, roster TO leergang_kiosks;
GRANT INSERT (cohort, version, origin_kiosk, people) ON roster_release TO leergang_kiosks;
GRANT INSERT ON roster_release_row TO leergang_kiosks;
ALTER TABLE roster_release ENABLE ROW LEVEL SECURITY;
ALTER TABLE roster_release_row ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_reads_releases ON roster_release FOR SELECT TO leergang_kiosks USING (true);
CREATE POLICY kiosk_releases_as_itself ON roster_release FOR INSERT TO leergang_kiosks
    WITH CHECK (origin_kiosk = (SELECT k.id FROM kiosk k WHERE k.role_name = current_user));
CREATE POLICY kiosk_reads_release_rows ON roster_release_row FOR SELECT TO leergang_kiosks USING (true);
CREATE POLICY kiosk_adds_rows_to_own_release ON roster_release_row FOR INSERT TO leergang_kiosks
    WITH CHECK (EXISTS (SELECT 1 FROM roster_release l JOIN kiosk k ON k.id = l.origin_kiosk
                        WHERE l.cohort = roster_release_row.cohort AND l.version = roster_release_row.version
                          AND k.role_name = current_user));
)sql";

// Version 3: a NOTIFY per stored event, so that the other kiosks' sync threads (LISTEN
// attendance_event, central/sync_worker.h) pull at once instead of at their slow poll. The payload
// is the origin kiosk: a kiosk ignores its own. Delivered only when the inserting transaction
// commits, and one per distinct payload per transaction (PostgreSQL folds duplicates): a batch of
// 1,000 events from one kiosk wakes each listener once.
constexpr const char* kMigrationV3 = R"sql(
CREATE FUNCTION attendance_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('attendance_event', NEW.origin_kiosk);
    RETURN NULL;
END $$;
CREATE TRIGGER attendance_event_notify AFTER INSERT ON attendance_event
    FOR EACH ROW EXECUTE FUNCTION attendance_event_notify();
)sql";

// Version 4: the origin epoch (central_sync.h, rule 2). A kiosk restored from an old backup counts
// its local sequence numbers again from where the backup stood; those numbers, under its new epoch,
// are new to the server. Events already stored keep epoch 0 (what every kiosk used until now); the
// column's default keeps a kiosk that does not send it yet working. Row-level security is unchanged.
constexpr const char* kMigrationV4 = R"sql(
ALTER TABLE attendance_event ADD COLUMN origin_epoch bigint NOT NULL DEFAULT 0 CHECK (origin_epoch >= 0);
ALTER TABLE attendance_event DROP CONSTRAINT attendance_event_origin_kiosk_origin_seq_key;
ALTER TABLE attendance_event ADD CONSTRAINT attendance_event_origin_key UNIQUE (origin_kiosk, origin_epoch, origin_seq);
GRANT INSERT (origin_epoch) ON attendance_event TO leergang_kiosks;
)sql";

// Version 5 (issue 27): what a kiosk needs to find out, on its
// own, that something happened to the server or to another box (central_sync.h, rules 1, 5-7).
//   - schema_version readable by kiosks: a kiosk says when it and the server speak different versions.
//   - kiosk_database: one row per database a kiosk id ever synced from (its origin epoch: a database
//     identity made at creation), with the box's name and when it was first and last in contact.
//     Two databases of one kiosk id both in contact after the newer one appeared are two boxes
//     with one id (a copied config folder). A kiosk adds and stamps only its own id's rows.
//   - kiosk_reoffers_lost: a kiosk may insert another kiosk's event it pulled earlier, but only
//     signed as its own offer (offered_by = its id: who re-sent what stays on record, the origin
//     alone can still never be claimed) and only above the highest number the server holds of
//     that series: what a restored server lost, never under or between what it has (a permissive
//     policy beside kiosk_inserts_own; version 6 replaces both and confines them with a restrictive
//     policy to the kiosk's cohorts, central_schema_v6.cpp).
//   - central_cutoff: the day before which `central-setup --purge` deleted (central_retention.h);
//     a trigger refuses (skips, without failing the batch) any event dated before it, so that a
//     kiosk restored from an old backup cannot bring purged events back. Events dated before
//     2025-01-01 (kEarliestPlausibleDay: a clock that had lost its time) are never purged by age,
//     so never refused either.
constexpr const char* kMigrationV5 = R"sql(
CREATE TABLE central_cutoff (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    cutoff   date NOT NULL,
    set_at   timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON central_cutoff FROM PUBLIC;
GRANT SELECT ON central_cutoff TO leergang_kiosks;
CREATE FUNCTION attendance_event_within_retention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.local_date >= DATE '2025-01-01' AND NEW.local_date < (SELECT cutoff FROM central_cutoff) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER attendance_event_within_retention BEFORE INSERT ON attendance_event
    FOR EACH ROW EXECUTE FUNCTION attendance_event_within_retention();
GRANT SELECT ON schema_version TO leergang_kiosks;
CREATE TABLE kiosk_database (
    kiosk_id     text NOT NULL REFERENCES kiosk(id),
    origin_epoch bigint NOT NULL CHECK (origin_epoch >= 0),
    box          text NOT NULL DEFAULT '',
    first_seen   timestamptz NOT NULL DEFAULT now(),
    last_seen    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kiosk_id, origin_epoch)
);
REVOKE ALL ON kiosk_database FROM PUBLIC;
GRANT SELECT, INSERT (kiosk_id, origin_epoch, box), UPDATE (box, last_seen) ON kiosk_database TO leergang_kiosks;
ALTER TABLE kiosk_database ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_reads_databases ON kiosk_database FOR SELECT TO leergang_kiosks USING (true);
CREATE POLICY kiosk_adds_own_database ON kiosk_database FOR INSERT TO leergang_kiosks
    WITH CHECK (kiosk_id = (SELECT k.id FROM kiosk k WHERE k.role_name = current_user));
CREATE POLICY kiosk_stamps_own_database ON kiosk_database FOR UPDATE TO leergang_kiosks
    USING (kiosk_id = (SELECT k.id FROM kiosk k WHERE k.role_name = current_user))
    WITH CHECK (kiosk_id = (SELECT k.id FROM kiosk k WHERE k.role_name = current_user));
ALTER TABLE attendance_event ADD COLUMN offered_by text REFERENCES kiosk(id);
GRANT INSERT (offered_by) ON attendance_event TO leergang_kiosks;
CREATE POLICY kiosk_reoffers_lost ON attendance_event FOR INSERT TO leergang_kiosks
    WITH CHECK (offered_by = (SELECT k.id FROM kiosk k WHERE k.role_name = current_user)
                AND origin_seq > COALESCE((SELECT max(e.origin_seq) FROM attendance_event e
                                       WHERE e.origin_kiosk = attendance_event.origin_kiosk
                                         AND e.origin_epoch = attendance_event.origin_epoch), 0));
)sql";

struct Migration {
    const char* description;
    const char* sql;                 // or, when nullptr, built by `build`
    std::string (*build)() = nullptr;
};
constexpr Migration kMigrations[] = {{"kiosk, attendance_event, roster, row-level security", kMigrationV1},
                                     {"roster_release: one roster per cohort for every kiosk", kMigrationV2},
                                     {"NOTIFY attendance_event with the origin kiosk, for the sync threads", kMigrationV3},
                                     {"origin_epoch: a restored kiosk's sequence numbers start a new series", kMigrationV4},
                                     {"kiosk_database, readable schema_version, re-offer of lost events", kMigrationV5},
                                     {"each kiosk reads and writes only its own cohorts; limits per kiosk role", nullptr,
                                      centralMigrationV6},
                                     {"a box given its own kiosk id is no longer a second box of its old id", nullptr,
                                      centralMigrationV7},
                                     {"erasure on request: tombstones per cohort, the owner's erase, no way back", nullptr,
                                      centralMigrationV8}};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kCentralSchemaVersion);

int currentVersion(PgConnection& c, std::string& error) {
    PgResult r = c.exec("SELECT COALESCE(max(version), 0) FROM schema_version");
    if (!r.ok()) {
        error = r.error();
        return -1;
    }
    return static_cast<int>(r.integer(0, 0));
}

}  // namespace

CentralSchemaResult applyCentralSchema(PgConnection& c, int upTo) {
    CentralSchemaResult out;
    // PostgreSQL's NOTICEs ("already exists, skipping") are not for the organiser's screen.
    c.exec("SET client_min_messages TO warning");
    {
        // Its own statement: IF NOT EXISTS makes it harmless on every later run.
        PgResult r = c.exec(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            " version integer PRIMARY KEY, description text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())");
        if (!r.ok()) {
            out.error = r.error();
            return out;
        }
    }
    out.versionBefore = currentVersion(c, out.error);
    if (out.versionBefore < 0) return out;
    if (out.versionBefore > kCentralSchemaVersion) {
        out.tooNew = true;
        out.versionAfter = out.versionBefore;
        return out;
    }
    for (int v = 1; v <= upTo; ++v) {
        auto fail = [&](const std::string& why) {
            c.exec("ROLLBACK");
            out.error = why;
            out.versionAfter = v - 1;
            return out;
        };
        if (PgResult r = c.exec("BEGIN"); !r.ok()) return fail(r.error());
        if (PgResult r = c.exec(kSetupLock); !r.ok()) return fail(r.error());
        // Read again under the lock: another setup may have applied it meanwhile.
        PgResult have = c.exec("SELECT 1 FROM schema_version WHERE version = $1", {std::to_string(v)});
        if (!have.ok()) return fail(have.error());
        if (have.rows() > 0) {
            c.exec("COMMIT");
            continue;
        }
        const Migration& m = kMigrations[v - 1];
        if (PgResult r = c.exec(m.sql ? std::string(m.sql) : m.build()); !r.ok()) return fail(r.error());
        PgResult mark = c.exec("INSERT INTO schema_version (version, description) VALUES ($1, $2)",
                               {std::to_string(v), std::string(kMigrations[v - 1].description)});
        if (!mark.ok()) return fail(mark.error());
        if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
        ++out.applied;
    }
    out.versionAfter = upTo;
    out.ok = true;
    return out;
}

}  // namespace kiosk
