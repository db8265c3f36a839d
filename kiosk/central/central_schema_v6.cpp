// central_schema_v6.cpp: version 6 of the central schema, "each kiosk reads and writes only its own
// cohorts, and no kiosk can take the server down" (issue 28). The security model it completes is
// written at the top of central_schema.h; the comments below say which attack each part answers.
#include "central_schema.h"

#include <string>

#include "central_kiosk_role.h"
#include "core/record_limits.h"

namespace kiosk {
namespace {

// 1. Membership and the three questions every policy asks, answered by the server from the login
//    role (session_user: a kiosk cannot SET ROLE its way into another kiosk's id). SECURITY DEFINER
//    so that kiosk_cohort needs no grant at all; search_path fixed so that nothing a session sets
//    changes what they read.
constexpr const char* kMembership = R"sql(
CREATE TABLE kiosk_cohort (
    kiosk_id text NOT NULL REFERENCES kiosk(id) ON DELETE CASCADE,
    cohort   text NOT NULL CHECK (cohort ~ '^[^[:space:][:cntrl:]]{1,64}$'),
    PRIMARY KEY (kiosk_id, cohort)
);
REVOKE ALL ON kiosk_cohort FROM PUBLIC;
CREATE FUNCTION leergang_my_kiosk() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
$$ SELECT k.id FROM public.kiosk k WHERE k.role_name = session_user $$;
CREATE FUNCTION leergang_my_cohorts() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
$$ SELECT coalesce(array_agg(c.cohort ORDER BY c.cohort), '{}') FROM public.kiosk_cohort c
   JOIN public.kiosk k ON k.id = c.kiosk_id WHERE k.role_name = session_user $$;
-- The kiosk's last contact, its own row only: kiosks lose UPDATE on the kiosk table, and with it
-- LOCK TABLE kiosk (which UPDATE would allow) that would stall every kiosk's push.
CREATE FUNCTION leergang_stamp_contact(offset_ms bigint) RETURNS void LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
$$ UPDATE public.kiosk SET last_seen = now(), clock_offset_ms = offset_ms WHERE role_name = session_user $$;
REVOKE ALL ON FUNCTION leergang_my_kiosk(), leergang_my_cohorts(), leergang_stamp_contact(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION leergang_my_kiosk(), leergang_my_cohorts(), leergang_stamp_contact(bigint) TO leergang_kiosks;
REVOKE UPDATE ON kiosk FROM leergang_kiosks;
DROP POLICY kiosk_updates_own ON kiosk;
)sql";

// 2. Events: the cohort is the server's (a trigger, from the releases the writer can see), never
//    the client's (no INSERT grant on the column). Events stored before version 6 get theirs from
//    the releases; what stays NULL (a walk-in) gets its kiosk's first cohort from central-setup.
constexpr const char* kEvents = R"sql(
ALTER TABLE attendance_event ADD COLUMN cohort text;
-- An undo, correction or review may name only an event of the writer's cohorts. An id the server
-- does not hold yet passes (its target may be in the same batch); ids are 128 random bits, so a
-- kiosk cannot name another cohort's event before it exists.
CREATE FUNCTION leergang_may_refer(target text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
$$ SELECT NOT EXISTS (SELECT 1 FROM public.attendance_event e WHERE e.id = target
       AND (e.cohort IS NULL OR NOT e.cohort = ANY (public.leergang_my_cohorts()))) $$;
REVOKE ALL ON FUNCTION leergang_may_refer(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION leergang_may_refer(text) TO leergang_kiosks;
ALTER TABLE attendance_event DISABLE TRIGGER attendance_event_append_only;
UPDATE attendance_event e SET cohort = (SELECT r.cohort FROM roster_release_row r WHERE r.code = e.participant_code
                                        ORDER BY r.version DESC, r.cohort LIMIT 1)
 WHERE e.participant_code IS NOT NULL;
UPDATE attendance_event e SET cohort = t.cohort FROM attendance_event t
 WHERE e.cohort IS NULL AND e.refers_to <> '' AND t.id = e.refers_to;
ALTER TABLE attendance_event ENABLE TRIGGER attendance_event_append_only;
CREATE INDEX attendance_event_by_cohort ON attendance_event (cohort, origin_kiosk, origin_epoch, origin_seq);
CREATE INDEX roster_release_row_by_code ON roster_release_row (cohort, code);

CREATE FUNCTION attendance_event_cohort() RETURNS trigger LANGUAGE plpgsql
    SET search_path = pg_catalog, public AS $$
BEGIN
    IF NEW.cohort IS NOT NULL THEN RETURN NEW; END IF;  -- only the owner can name one
    IF NEW.participant_code IS NOT NULL THEN
        SELECT r.cohort INTO NEW.cohort FROM public.roster_release_row r
         WHERE r.code = NEW.participant_code ORDER BY r.version DESC, r.cohort LIMIT 1;
        RETURN NEW;
    END IF;
    IF NEW.refers_to <> '' THEN
        SELECT e.cohort INTO NEW.cohort FROM public.attendance_event e WHERE e.id = NEW.refers_to;
    END IF;
    IF NEW.cohort IS NULL THEN
        NEW.cohort := (public.leergang_my_cohorts())[1];
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER attendance_event_cohort BEFORE INSERT ON attendance_event
    FOR EACH ROW EXECUTE FUNCTION attendance_event_cohort();

-- The highest number the server holds of a series, whatever its cohort: the re-offer of survive
-- (version 5) may add only above it, never under or between what the server holds.
CREATE FUNCTION leergang_series_top(origin text, epoch bigint) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
$$ SELECT coalesce(max(e.origin_seq), 0) FROM public.attendance_event e
   WHERE e.origin_kiosk = origin AND e.origin_epoch = epoch $$;
-- Whether kiosk `k` serves `c`: a re-offer goes only into the series of a kiosk of that cohort.
CREATE FUNCTION leergang_serves(k text, c text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS
$$ SELECT EXISTS (SELECT 1 FROM public.kiosk_cohort m WHERE m.kiosk_id = k AND m.cohort = c) $$;
REVOKE ALL ON FUNCTION leergang_series_top(text, bigint), leergang_serves(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION leergang_series_top(text, bigint), leergang_serves(text, text) TO leergang_kiosks;

DROP POLICY kiosk_reads_all ON attendance_event;
DROP POLICY kiosk_inserts_own ON attendance_event;
DROP POLICY kiosk_reoffers_lost ON attendance_event;
CREATE POLICY kiosk_reads_its_cohorts ON attendance_event FOR SELECT TO leergang_kiosks
    USING (cohort = ANY ((SELECT public.leergang_my_cohorts())::text[]));
-- Two ways in (permissive, either may admit a row): its own events, or another kiosk's event it
-- pulled and re-offers to a server that lost it (survive, central_sync.h rule 5).
CREATE POLICY kiosk_inserts_own ON attendance_event FOR INSERT TO leergang_kiosks
    WITH CHECK (origin_kiosk = (SELECT public.leergang_my_kiosk()));
CREATE POLICY kiosk_reoffers_lost ON attendance_event FOR INSERT TO leergang_kiosks
    WITH CHECK (offered_by = (SELECT public.leergang_my_kiosk())
                AND origin_seq > public.leergang_series_top(origin_kiosk, origin_epoch)
                AND public.leergang_serves(origin_kiosk, cohort));
-- And what every row must pass whichever way it came in (restrictive: all of these, always).
CREATE POLICY kiosk_confined_to_its_cohorts ON attendance_event AS RESTRICTIVE FOR INSERT TO leergang_kiosks
    WITH CHECK (kiosk_id = origin_kiosk
                AND (offered_by IS NULL OR offered_by = (SELECT public.leergang_my_kiosk()))
                AND cohort = ANY ((SELECT public.leergang_my_cohorts())::text[])
                AND (participant_code IS NULL
                     OR EXISTS (SELECT 1 FROM public.roster_release_row r
                                WHERE r.cohort = attendance_event.cohort AND r.code = attendance_event.participant_code))
                AND (refers_to = '' OR public.leergang_may_refer(refers_to)));

-- kiosk_database (version 5): a kiosk reads its own id's databases only (other municipalities'
-- box names and paths are none of its business), so its column UPDATE grant (the stamp) can lock
-- no other kiosk's row (SELECT ... FOR UPDATE sees only its own); LOCK TABLE needs a table-wide
-- grant it lacks. A box name has a length limit.
DROP POLICY kiosk_reads_databases ON kiosk_database;
CREATE POLICY kiosk_reads_own_databases ON kiosk_database FOR SELECT TO leergang_kiosks
    USING (kiosk_id = (SELECT public.leergang_my_kiosk()));
ALTER TABLE kiosk_database ADD CONSTRAINT kiosk_database_box_limit CHECK (char_length(box) <= 1000) NOT VALID;

CREATE OR REPLACE FUNCTION attendance_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('attendance_event', NEW.origin_kiosk || ' ' || coalesce(NEW.cohort, ''));
    RETURN NULL;
END $$;
)sql";

// 3. Rosters: the version is the server's, counted per cohort under that cohort's row lock (no
//    advisory lock a kiosk could hold; a wait ends at the role's lock_timeout, and only kiosks of
//    the same cohort ever wait on it). Rows only into a release made in the same transaction, and
//    at commit the release must hold exactly the people it announced. E-mail leaves the server.
constexpr const char* kRosters = R"sql(
CREATE TABLE cohort_release_counter (
    cohort       text PRIMARY KEY,
    last_version bigint NOT NULL CHECK (last_version >= 0)
);
INSERT INTO cohort_release_counter SELECT cohort, max(version) FROM roster_release GROUP BY cohort;
REVOKE ALL ON cohort_release_counter FROM PUBLIC;
CREATE FUNCTION roster_release_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
BEGIN
    IF public.leergang_my_kiosk() IS NULL THEN  -- the owner, by hand: its version stands
        IF NEW.version IS NOT NULL THEN
            INSERT INTO public.cohort_release_counter AS c (cohort, last_version) VALUES (NEW.cohort, NEW.version)
                ON CONFLICT (cohort) DO UPDATE SET last_version = greatest(c.last_version, NEW.version);
            RETURN NEW;
        END IF;
    ELSIF NOT NEW.cohort = ANY (public.leergang_my_cohorts()) THEN
        -- Refused before the counter row is locked: a kiosk never holds another cohort's lock.
        RAISE EXCEPTION 'cohort % is not one of this kiosk''s', NEW.cohort USING ERRCODE = '42501';
    END IF;
    INSERT INTO public.cohort_release_counter AS c (cohort, last_version) VALUES (NEW.cohort, 1)
        ON CONFLICT (cohort) DO UPDATE SET last_version = c.last_version + 1
        RETURNING c.last_version INTO NEW.version;
    RETURN NEW;
END $$;
CREATE TRIGGER roster_release_version BEFORE INSERT ON roster_release
    FOR EACH ROW EXECUTE FUNCTION roster_release_version();
CREATE FUNCTION roster_release_complete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
BEGIN
    IF public.leergang_my_kiosk() IS NULL THEN RETURN NULL; END IF;  -- the owner, by hand
    IF (SELECT count(*) FROM public.roster_release_row r WHERE r.cohort = NEW.cohort AND r.version = NEW.version)
       <> NEW.people THEN
        RAISE EXCEPTION 'roster release % version % does not hold the % people it announced',
            NEW.cohort, NEW.version, NEW.people USING ERRCODE = '23514';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER roster_release_complete AFTER INSERT ON roster_release
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION roster_release_complete();

DROP POLICY kiosk_reads_releases ON roster_release;
DROP POLICY kiosk_releases_as_itself ON roster_release;
DROP POLICY kiosk_reads_release_rows ON roster_release_row;
DROP POLICY kiosk_adds_rows_to_own_release ON roster_release_row;
CREATE POLICY kiosk_reads_its_releases ON roster_release FOR SELECT TO leergang_kiosks
    USING (cohort = ANY ((SELECT public.leergang_my_cohorts())::text[]));
CREATE POLICY kiosk_releases_its_cohorts ON roster_release FOR INSERT TO leergang_kiosks
    WITH CHECK (origin_kiosk = (SELECT public.leergang_my_kiosk())
                AND cohort = ANY ((SELECT public.leergang_my_cohorts())::text[]));
CREATE POLICY kiosk_reads_its_release_rows ON roster_release_row FOR SELECT TO leergang_kiosks
    USING (cohort = ANY ((SELECT public.leergang_my_cohorts())::text[]));
CREATE POLICY kiosk_fills_its_open_release ON roster_release_row FOR INSERT TO leergang_kiosks
    WITH CHECK (EXISTS (SELECT 1 FROM public.roster_release l
                        WHERE l.cohort = roster_release_row.cohort AND l.version = roster_release_row.version
                          AND l.origin_kiosk = (SELECT public.leergang_my_kiosk())
                          AND l.xmin = pg_current_xact_id()::xid));

DROP VIEW roster;
ALTER TABLE roster_release_row DROP COLUMN email;
-- A USING expression rewrites the table: the dropped addresses leave its files, not only its catalogue.
ALTER TABLE roster_release_row ALTER COLUMN department TYPE text USING department || '';
CREATE VIEW roster WITH (security_invoker = true) AS
    SELECT r.cohort, r.code, r.first_name, r.infix, r.last_name, r.department, l.version, l.released_at
    FROM roster_release_row r
    JOIN (SELECT cohort, max(version) AS version FROM roster_release GROUP BY cohort) newest
      ON newest.cohort = r.cohort AND newest.version = r.version
    JOIN roster_release l ON l.cohort = r.cohort AND l.version = r.version;
REVOKE ALL ON roster FROM PUBLIC;
GRANT SELECT ON roster TO leergang_kiosks;
)sql";

// 4. The database itself: no TEMP, no objects, CONNECT only for kiosks (and the owner).
constexpr const char* kDatabase = R"sql(
DO $$ BEGIN
    EXECUTE format('REVOKE TEMPORARY, CONNECT ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO leergang_kiosks', current_database());
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
)sql";

std::string within(const char* column, size_t limit) {
    return std::string("char_length(") + column + ") <= " + std::to_string(limit);
}

// 5. Every text column has the kiosk's own limit (core/record_limits.h, core/roster.h). NOT VALID:
//    new rows are checked, rows already stored are not read again (the pull checks those).
std::string lengthChecks() {
    const EventLimits& e = kEventLimits;
    const RosterLimits& r = kRosterLimits;
    std::string sql = "ALTER TABLE attendance_event ADD CONSTRAINT attendance_event_text_limits CHECK (";
    sql += within("id", e.id) + " AND " + within("participant_code", e.participantCode) + " AND " +
           within("kiosk_id", e.kioskId) + " AND " + within("reason", e.reason) + " AND " + within("actor", e.actor) +
           " AND " + within("refers_to", e.refersTo) + " AND " + within("effect", e.effect) + " AND " +
           within("guest_name", e.guestName) + " AND " + within("guest_organisation", e.guestOrganisation) +
           ") NOT VALID;\n";
    sql += "ALTER TABLE roster_release_row ADD CONSTRAINT roster_release_row_text_limits CHECK (" +
           within("cohort", r.cohort) + " AND " + within("code", r.code) + " AND " + within("first_name", r.name) +
           " AND " + within("infix", r.infix) + " AND " + within("last_name", r.name) + " AND " +
           within("department", r.department) + ") NOT VALID;\n";
    sql += "ALTER TABLE roster_release ADD CONSTRAINT roster_release_limits CHECK (" + within("cohort", r.cohort) +
           " AND people <= 10000) NOT VALID;\n";
    return sql;
}

}  // namespace

std::string centralMigrationV6() {
    return std::string(kMembership) + kEvents + kRosters + kDatabase + lengthChecks() +
           kioskRoleLimitsSql("SELECT role_name FROM kiosk");
}

}  // namespace kiosk
