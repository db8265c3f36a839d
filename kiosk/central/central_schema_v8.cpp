// central_schema_v8.cpp: version 8 of the central schema (central_schema.h): one person erased on
// request (AVG art. 17, issue 31) from the central record and, at their next sync, from every kiosk
// of the cohort: the owner-only, recorded exception to the append-only rule.
//
// CONTRACT
//   1. The tombstone holds no code and no name: `erasure` (cohort, person, erased_on, reason, counts),
//      person = HMAC-SHA256 of the code's key (core/code_resolver.h codeKey: "7" and "0007" are one
//      person) under the cohort's random 32-byte key in `erasure_key`, in hex. The same function on
//      both sides: leergang_erasure_hash() here, centralErasureHash() on the kiosk (store/erasure.cpp);
//      a test holds them equal. The owner should write no name in the reason (said by the command).
//   2. Kiosks of the cohort read its key and its tombstones (row-level security as R1), so that they
//      find the person among their own codes; without the roster a tombstone names nobody. Kiosks of
//      other cohorts read neither. No kiosk writes either table (no grant), nobody updates a row
//      (append-only trigger, the owner included); a tombstone stays as long as the central record.
//   3. leergang_erase_person(cohort, code, reason, new_key) is the erasure, run by `central-setup
//      --erase` only (EXECUTE revoked from PUBLIC, never granted to kiosks) in one transaction: the
//      events of the cohort naming the code (by its key), the walk-in a link of theirs names, every
//      event referring to one of those that names nobody else or them, to any depth (the closure of
//      store/erasure.cpp, rule 1); the person's rows in every roster release of the cohort; then the
//      tombstone (once: a second run keeps the first and says already_erased). The ids of the
//      deleted events go into `erased_event` (owner-only: random ids, no content). Kiosks have no
//      DELETE on any table, so this stays the owner's (R7).
//   4. Nothing brings the person back: a BEFORE INSERT trigger SKIPS (RETURN NULL, as the retention
//      cut-off does, version 5), never refuses, an event whose code is erased in its cohort (or,
//      when no release names the code any more, in one of the writer's cohorts), whose id or target
//      is in `erased_event`; a skipped link to a walk-in takes that walk-in (their typed name) with
//      it. Skipped ids are added to `erased_event`, so that what refers to them is skipped too. The
//      push of a kiosk that has not heard yet goes through (its outbox is cleared as usual, the
//      acknowledged mark is what the server stored: central_sync.h rule 3) and stores nothing of
//      them. A roster release row of an erased code is refused with a clear message (the release is
//      all or nothing, R6); the kiosk applies the tombstones before it releases (central_erasure.h),
//      so only a release racing the erasure meets it, and the next sync succeeds.
//   5. Left as they were: roster_release.people (a count) of the releases the rows left; the bytes
//      in PostgreSQL's files and WAL until they are reused (central-setup runs VACUUM (ANALYZE) after,
//      so that the planner's statistics forget them), and in
//      dumps until they rotate (docs/privacy.md).
#include "central_schema.h"

namespace kiosk {

namespace {

// The code key and its keyed hash, and the three tables with their policies (contracts 1, 2).
const char* const kErasureTables = R"sql(
-- core/code_resolver.h codeKey: ASCII letters upper-cased, everything but A-Z and 0-9 dropped, an
-- all-digit code without its leading zeros. Ranges spelled out: no collation decides them.
CREATE FUNCTION leergang_code_key(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog AS $$
SELECT CASE WHEN n.c = '' OR n.c !~ '^[0123456789]+$' THEN n.c ELSE coalesce(nullif(ltrim(n.c, '0'), ''), '0') END
  FROM (SELECT regexp_replace(translate(code, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
                              '[^0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ]', '', 'g') AS c) n $$;
-- HMAC-SHA256 (RFC 2104) of codeKey(code) under a 32-byte key, in hex: built-in sha256 only, no extension.
CREATE FUNCTION leergang_erasure_hash(k bytea, code text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    SET search_path = pg_catalog AS $$
DECLARE
    padded bytea;
    inner_key bytea;
    outer_key bytea;
BEGIN
    IF k IS NULL OR length(k) <> 32 THEN RAISE EXCEPTION 'an erasure key has 32 bytes'; END IF;
    IF code IS NULL THEN RETURN NULL; END IF;
    padded := k || decode(repeat('00', 32), 'hex');
    inner_key := padded;
    outer_key := padded;
    FOR i IN 0..63 LOOP
        inner_key := set_byte(inner_key, i, get_byte(padded, i) # 54);
        outer_key := set_byte(outer_key, i, get_byte(padded, i) # 92);
    END LOOP;
    RETURN encode(sha256(outer_key || sha256(inner_key || convert_to(public.leergang_code_key(code), 'UTF8'))), 'hex');
END $$;

CREATE TABLE erasure_key (
    cohort     text PRIMARY KEY CHECK (cohort ~ '^[^[:space:][:cntrl:]]{1,64}$'),
    key        bytea NOT NULL CHECK (length(key) = 32),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE erasure (
    cohort              text NOT NULL REFERENCES erasure_key(cohort),
    person              text NOT NULL CHECK (person ~ '^[0-9a-f]{64}$'),
    erased_on           date NOT NULL DEFAULT current_date,
    reason              text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 200),
    erased_at           timestamptz NOT NULL DEFAULT now(),
    events_removed      integer NOT NULL DEFAULT 0,
    roster_rows_removed integer NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort, person)
);
CREATE TABLE erased_event (
    id        text PRIMARY KEY,
    cohort    text NOT NULL,
    erased_at timestamptz NOT NULL DEFAULT now()
);
REVOKE ALL ON erasure_key, erasure, erased_event FROM PUBLIC;
GRANT SELECT ON erasure_key, erasure TO leergang_kiosks;
ALTER TABLE erasure_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE erasure ENABLE ROW LEVEL SECURITY;
ALTER TABLE erased_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY kiosk_reads_its_erasure_keys ON erasure_key FOR SELECT TO leergang_kiosks
    USING (cohort = ANY ((SELECT public.leergang_my_cohorts())::text[]));
CREATE POLICY kiosk_reads_its_erasures ON erasure FOR SELECT TO leergang_kiosks
    USING (cohort = ANY ((SELECT public.leergang_my_cohorts())::text[]));
CREATE TRIGGER erasure_key_append_only BEFORE UPDATE ON erasure_key
    FOR EACH ROW EXECUTE FUNCTION release_append_only();
CREATE TRIGGER erasure_append_only BEFORE UPDATE ON erasure
    FOR EACH ROW EXECUTE FUNCTION release_append_only();

)sql";

// The checks at insert and the owner's erasure (contracts 3, 4), and who may call what.
const char* const kErasureFunctions = R"sql(
-- Whether `code` is erased in `cohort` (NULL: in any of the writer's cohorts; the owner: any cohort).
CREATE FUNCTION leergang_is_erased(c text, code text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
SELECT code IS NOT NULL AND EXISTS (
    SELECT 1 FROM public.erasure_key k
     WHERE (k.cohort = c OR (c IS NULL AND (public.leergang_my_kiosk() IS NULL
                                            OR k.cohort = ANY (public.leergang_my_cohorts()))))
       AND EXISTS (SELECT 1 FROM public.erasure x
                    WHERE x.cohort = k.cohort AND x.person = public.leergang_erasure_hash(k.key, code))) $$;

-- Contract 4. Runs after attendance_event_cohort (triggers fire by name): NEW.cohort is the server's.
CREATE FUNCTION attendance_event_not_erased() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.erasure) THEN RETURN NEW; END IF;
    IF EXISTS (SELECT 1 FROM public.erased_event x WHERE x.id = NEW.id OR (NEW.refers_to <> '' AND x.id = NEW.refers_to))
       OR public.leergang_is_erased(NEW.cohort, NEW.participant_code) THEN
        IF NEW.participant_code IS NOT NULL AND NEW.effect = 'link_guest' AND NEW.refers_to <> '' THEN
            DELETE FROM public.attendance_event e
             WHERE e.id = NEW.refers_to AND e.participant_code IS NULL AND e.kind = 'guest_registration';
            IF FOUND THEN
                INSERT INTO public.erased_event (id, cohort) VALUES (NEW.refers_to, coalesce(NEW.cohort, ''))
                    ON CONFLICT (id) DO NOTHING;
            END IF;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM public.attendance_event e WHERE e.id = NEW.id) THEN
            INSERT INTO public.erased_event (id, cohort) VALUES (NEW.id, coalesce(NEW.cohort, ''))
                ON CONFLICT (id) DO NOTHING;
        END IF;
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER attendance_event_not_erased BEFORE INSERT ON attendance_event
    FOR EACH ROW EXECUTE FUNCTION attendance_event_not_erased();

CREATE FUNCTION roster_release_row_not_erased() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
BEGIN
    IF public.leergang_is_erased(NEW.cohort, NEW.code) THEN
        RAISE EXCEPTION 'participant % of cohort % was erased on request (central-setup --erase) and is not released again',
            NEW.code, NEW.cohort USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER roster_release_row_not_erased BEFORE INSERT ON roster_release_row
    FOR EACH ROW EXECUTE FUNCTION roster_release_row_not_erased();

-- Contract 3: the owner's erasure, one transaction with the caller's.
CREATE FUNCTION leergang_erase_person(p_cohort text, p_code text, p_reason text, p_new_key bytea,
                                      OUT events_removed integer, OUT roster_rows_removed integer,
                                      OUT already_erased boolean)
    LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    wanted text := public.leergang_code_key(p_code);
    doomed text[];
BEGIN
    IF wanted IS NULL OR wanted = '' THEN
        RAISE EXCEPTION 'no participant code' USING ERRCODE = '22023';
    END IF;
    INSERT INTO public.erasure_key (cohort, key) VALUES (p_cohort, p_new_key) ON CONFLICT (cohort) DO NOTHING;
    WITH RECURSIVE gone(id) AS (
        SELECT x.id FROM public.attendance_event e
         CROSS JOIN LATERAL (VALUES (e.id),
                                    (CASE WHEN e.effect = 'link_guest' AND e.refers_to <> '' THEN e.refers_to END)) x(id)
         WHERE e.cohort = p_cohort AND public.leergang_code_key(e.participant_code) = wanted AND x.id IS NOT NULL
        UNION
        SELECT e.id FROM public.attendance_event e JOIN gone g ON e.refers_to = g.id
         WHERE e.participant_code IS NULL OR public.leergang_code_key(e.participant_code) = wanted)
    SELECT coalesce(array_agg(g.id), '{}') INTO doomed FROM gone g
     WHERE EXISTS (SELECT 1 FROM public.attendance_event e WHERE e.id = g.id);
    INSERT INTO public.erased_event (id, cohort) SELECT unnest(doomed), p_cohort ON CONFLICT (id) DO NOTHING;
    DELETE FROM public.attendance_event WHERE id = ANY (doomed);
    GET DIAGNOSTICS events_removed = ROW_COUNT;
    DELETE FROM public.roster_release_row WHERE cohort = p_cohort AND public.leergang_code_key(code) = wanted;
    GET DIAGNOSTICS roster_rows_removed = ROW_COUNT;
    INSERT INTO public.erasure (cohort, person, reason, events_removed, roster_rows_removed)
        SELECT p_cohort, public.leergang_erasure_hash(k.key, p_code), p_reason, events_removed, roster_rows_removed
          FROM public.erasure_key k WHERE k.cohort = p_cohort
        ON CONFLICT (cohort, person) DO NOTHING;
    already_erased := NOT FOUND;
END $$;

REVOKE ALL ON FUNCTION leergang_code_key(text), leergang_erasure_hash(bytea, text), leergang_is_erased(text, text),
    leergang_erase_person(text, text, text, bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION leergang_code_key(text), leergang_erasure_hash(bytea, text) TO leergang_kiosks;
)sql";

}  // namespace

std::string centralMigrationV8() { return std::string(kErasureTables) + kErasureFunctions; }

}  // namespace kiosk
