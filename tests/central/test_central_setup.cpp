// central-setup against a real PostgreSQL: the schema, its versioning, and the kiosk roles (issue 17).
#include "central/central_retention.h"
#include "central/central_schema.h"
#include "central_support.h"
#include "privacy_register.h"

namespace kiosk::test {
namespace {

// Everything central-setup decides: tables and columns, constraints, policies, grants, roles, and
// the migration rows with their times. Equal before and after a second run = nothing changed.
std::string schemaSnapshot(PgConnection& owner) {
    std::string out;
    for (const char* sql : {
             "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns"
             " WHERE table_schema = 'public' ORDER BY 1",
             "SELECT conrelid::regclass || ':' || conname || ':' || pg_get_constraintdef(oid) FROM pg_constraint"
             " WHERE connamespace = 'public'::regnamespace ORDER BY 1",
             "SELECT tablename || ':' || policyname || ':' || permissive || ':' || cmd || ':' || COALESCE(qual, '') || ':' ||"
             " COALESCE(with_check, '') FROM pg_policies ORDER BY 1",
             "SELECT grantee || ':' || table_name || ':' || privilege_type FROM information_schema.role_table_grants"
             " WHERE table_schema = 'public' ORDER BY 1",
             "SELECT grantee || ':' || table_name || '.' || column_name || ':' || privilege_type"
             " FROM information_schema.column_privileges WHERE table_schema = 'public' ORDER BY 1",
             "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
             "SELECT version || ':' || description || ':' || applied_at FROM schema_version ORDER BY 1",
             "SELECT rolname FROM pg_roles WHERE rolname LIKE 'leergang%' ORDER BY 1"}) {
        PgResult r = owner.exec(sql);
        REQUIRE(r.ok());
        for (int i = 0; i < r.rows(); ++i) out += r.text(i, 0) + "\n";
        out += "--\n";
    }
    return out;
}

}  // namespace

TEST_CASE("central-setup creates the schema, and running it again changes nothing", "[central][setup]") {
    CentralDb c;
    const RunResult first = centralSetup(c.server.ownerUrl(c.db));
    INFO(first.err);
    CHECK(first.exitCode == 0);
    CHECK(first.err.find("bijgewerkt van versie 0 naar " + std::to_string(kCentralSchemaVersion)) != std::string::npos);
    const std::string before = schemaSnapshot(c.owner);
    for (const char* table : {"attendance_event", "kiosk", "roster", "roster_release", "roster_release_row", "schema_version"})
        CHECK(before.find(std::string(table) + ".") != std::string::npos);
    CHECK(before.find("attendance_event.origin_seq:bigint") != std::string::npos);
    CHECK(before.find("attendance_event.received_at:timestamp with time zone") != std::string::npos);
    CHECK(before.find("kiosk.clock_offset_ms:bigint") != std::string::npos);
    CHECK(before.find("attendance_event:kiosk_confined_to_its_cohorts:RESTRICTIVE:INSERT") != std::string::npos);
    CHECK(before.find("attendance_event:kiosk_reoffers_lost:PERMISSIVE:INSERT") != std::string::npos);
    CHECK(before.find("kiosk_reads_its_cohorts") != std::string::npos);

    const RunResult second = centralSetup(c.server.ownerUrl(c.db));
    INFO(second.err);
    CHECK(second.exitCode == 0);
    CHECK(second.err.find("al bij (versie " + std::to_string(kCentralSchemaVersion) + ")") != std::string::npos);
    CHECK(schemaSnapshot(c.owner) == before);
    PgResult versions = c.owner.exec("SELECT count(*) FROM schema_version");
    CHECK(versions.integer(0, 0) == kCentralSchemaVersion);
}

TEST_CASE("central-setup refuses a database newer than itself and changes nothing", "[central][setup]") {
    CentralDb c;
    REQUIRE(centralSetup(c.server.ownerUrl(c.db)).exitCode == 0);
    REQUIRE(c.owner.exec("INSERT INTO schema_version (version, description) VALUES (99, 'from the future')").ok());
    const std::string before = schemaSnapshot(c.owner);
    const RunResult r = centralSetup(c.server.ownerUrl(c.db), {"--add-kiosk", "deur"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("schemaversie 99") != std::string::npos);
    CHECK(r.out.empty());
    CHECK(schemaSnapshot(c.owner) == before);
}

TEST_CASE("central-setup says so when the server cannot be reached, and refuses a bad kiosk id", "[central][setup]") {
    CentralDb c;
    const RunResult nowhere = centralSetup("host=" + c.server.socketDir() + "/nothing-here dbname=x user=kiosk_admin");
    CHECK(nowhere.exitCode == 1);
    CHECK(nowhere.err.find("niet bereikbaar") != std::string::npos);

    const RunResult badId = centralSetup(c.server.ownerUrl(c.db), {"--add-kiosk", "Deur; DROP TABLE x"});
    CHECK(badId.exitCode == 2);
    CHECK(badId.err.find("alleen a-z, 0-9 en _") != std::string::npos);

    const RunResult withPassword = centralSetup(c.server.ownerUrl(c.db) + " password=geheim");
    CHECK(withPassword.exitCode == 2);
    CHECK(withPassword.err.find("geheim") == std::string::npos);

    const RunResult remotePlain = centralSetup("host=db.example.nl dbname=x user=kiosk_admin sslmode=require");
    CHECK(remotePlain.exitCode == 2);
    CHECK(remotePlain.err.find("verify-full") != std::string::npos);
}

TEST_CASE("--add-kiosk prints the kiosk.toml lines, and only that password lets the kiosk in", "[central][roles]") {
    CentralDb c;
    const PrintedKiosk k = c.addKiosk("deur");
    // The owner's connection with the kiosk's role (libpq's keyword order), and no password in it.
    CHECK(k.url == "dbname=" + c.db + " host=" + c.server.socketDir() + " user=kiosk_deur");
    CHECK(k.passwordFile == "/etc/leergang-kiosk/central-password");
    CHECK(k.password.size() == 32);

    PgConnection kiosk;
    c.connectAs(kiosk, k);
    CHECK(kiosk.user() == "kiosk_deur");
    PgConnection wrong;
    CHECK(wrong.connect(k.url, "not-the-password") != "");
    // The password is in no catalogue the owner can read: only its SCRAM verifier.
    PgResult stored = c.owner.exec("SELECT rolpassword FROM pg_authid WHERE rolname = 'kiosk_deur'");
    REQUIRE(stored.rows() == 1);
    CHECK(stored.text(0, 0).rfind("SCRAM-SHA-256$", 0) == 0);
    CHECK(stored.text(0, 0).find(k.password) == std::string::npos);

    // Again for the same kiosk: a new password, the old one stops working, the kiosk row stays one.
    const PrintedKiosk again = c.addKiosk("deur");
    CHECK(again.password != k.password);
    PgConnection old;
    CHECK(old.connect(k.url, k.password) != "");
    PgConnection renewed;
    c.connectAs(renewed, again);
    CHECK(c.owner.exec("SELECT count(*) FROM kiosk WHERE id = 'deur'").integer(0, 0) == 1);
}

TEST_CASE("a kiosk role inserts its own events and nothing else, and cannot change or delete any", "[central][roles]") {
    CentralDb c;
    const PrintedKiosk deur = c.addKiosk("deur");
    const PrintedKiosk zaal = c.addKiosk("zaal");
    c.releaseAsOwner("zutphen-2026", 1, {"1001", "1002"});
    PgConnection k;
    c.connectAs(k, deur);

    SECTION("its own insert passes, and it reads the events of its cohort from every kiosk") {
        CHECK(insertEvent(k, "ev-deur-1", "deur", 1).ok());
        REQUIRE(c.owner.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                             " recorded_ms, local_date, source, kiosk_id) VALUES ('ev-zaal-1', 'zaal', 1, '1002',"
                             " 'check_in', 1795680300000, 1795680300000, '2026-11-26', 'kiosk', 'zaal')").ok());
        PgResult seen = k.exec("SELECT id, cohort FROM attendance_event ORDER BY id");
        REQUIRE(seen.rows() == 2);
        CHECK(seen.text(0, 0) == "ev-deur-1");
        CHECK(seen.text(1, 0) == "ev-zaal-1");
        CHECK(seen.text(0, 1) == "zutphen-2026");  // the server's, from the release
        PgResult received = c.owner.exec("SELECT received_at <= now() AND received_at > now() - interval '1 minute'"
                                         " FROM attendance_event WHERE id = 'ev-deur-1'");
        CHECK(received.text(0, 0) == "t");
    }
    SECTION("an event carrying another kiosk's id is refused") {
        PgResult forged = insertEvent(k, "ev-forged", "zaal", 1);
        CHECK_FALSE(forged.ok());
        CHECK(forged.sqlState() == "42501");  // insufficient privilege: row-level security
        CHECK(forged.error().find("row-level security") != std::string::npos);
        CHECK(countEvents(c.owner) == 0);
    }
    SECTION("UPDATE and DELETE are refused, the event stays as it was") {
        REQUIRE(insertEvent(k, "ev-deur-1", "deur", 1).ok());
        PgResult update = k.exec("UPDATE attendance_event SET kind = 'check_out' WHERE id = 'ev-deur-1'");
        CHECK_FALSE(update.ok());
        CHECK(update.sqlState() == "42501");
        PgResult del = k.exec("DELETE FROM attendance_event WHERE id = 'ev-deur-1'");
        CHECK_FALSE(del.ok());
        CHECK(del.sqlState() == "42501");
        CHECK(countEvents(c.owner, "id = 'ev-deur-1' AND kind = 'check_in'") == 1);
        // Not even the owner updates an event: the log is append-only.
        CHECK_FALSE(c.owner.exec("UPDATE attendance_event SET kind = 'check_out'").ok());
    }
    SECTION("the server's receive time and the event's cohort are the server's: a kiosk cannot write them") {
        for (const char* column : {"received_at", "cohort"}) {
            PgResult r = k.exec(std::string("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind,"
                                            " at_ms, recorded_ms, local_date, source, kiosk_id, ") + column +
                                ") VALUES ('ev-x', 'deur', 1, '1001', 'check_in', 1, 1, '2026-11-26', 'kiosk', 'deur',"
                                " '2000-01-01')");
            CHECK_FALSE(r.ok());
            CHECK(r.sqlState() == "42501");
        }
        CHECK(countEvents(c.owner) == 0);
    }
    SECTION("it stamps its own last contact through the server, and can update no kiosk row itself") {
        CHECK(k.exec("SELECT leergang_stamp_contact(1500)").ok());
        CHECK(c.owner.exec("SELECT count(*) FROM kiosk WHERE id = 'deur' AND clock_offset_ms = 1500").integer(0, 0) == 1);
        CHECK(c.owner.exec("SELECT count(*) FROM kiosk WHERE id = 'zaal' AND last_seen IS NULL").integer(0, 0) == 1);
        CHECK_FALSE(k.exec("UPDATE kiosk SET last_seen = now() WHERE id = 'zaal'").ok());
        CHECK_FALSE(k.exec("UPDATE kiosk SET role_name = 'kiosk_zaal' WHERE id = 'deur'").ok());
        CHECK_FALSE(k.exec("DELETE FROM kiosk").ok());
    }
    SECTION("a roster release carrying another kiosk's id is refused, and a release cannot be changed or deleted") {
        PgResult forged = k.exec("INSERT INTO roster_release (cohort, origin_kiosk, people) VALUES ('zutphen-2026', 'zaal', 14)");
        CHECK_FALSE(forged.ok());
        CHECK(forged.sqlState() == "42501");
        CHECK_FALSE(k.exec("UPDATE roster_release SET people = 1").ok());
        CHECK_FALSE(k.exec("DELETE FROM roster_release").ok());
        // Rows go only into a release of the same transaction, and nobody's rows can be changed or taken away.
        PgResult intoOld = k.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name)"
                                  " VALUES ('zutphen-2026', 1, 'ZU99', 'Mallory', 'Vals')");
        CHECK_FALSE(intoOld.ok());
        CHECK(intoOld.sqlState() == "42501");
        CHECK_FALSE(k.exec("UPDATE roster_release_row SET last_name = 'X'").ok());
        CHECK_FALSE(k.exec("DELETE FROM roster_release_row").ok());
        CHECK_FALSE(k.exec("DELETE FROM roster").ok());
        CHECK(c.owner.exec("SELECT count(*) FROM roster_release_row").integer(0, 0) == 2);
    }
    (void)zaal;
}

TEST_CASE("a retried push with ON CONFLICT (id) DO NOTHING stores each event once", "[central][roles]") {
    CentralDb c;
    const PrintedKiosk deur = c.addKiosk("deur");
    c.releaseAsOwner("zutphen-2026", 1, {"1001"});
    PgConnection k;
    c.connectAs(k, deur);
    PgResult first = insertEvent(k, "ev-1", "deur", 1, "1001", true);
    REQUIRE(first.ok());
    CHECK(first.affected() == 1);
    PgResult retry = insertEvent(k, "ev-1", "deur", 1, "1001", true);
    REQUIRE(retry.ok());
    CHECK(retry.affected() == 0);
    CHECK(countEvents(c.owner) == 1);
    // Without ON CONFLICT the same id is a key violation, not a second row.
    PgResult plain = insertEvent(k, "ev-1", "deur", 1);
    CHECK(plain.sqlState() == "23505");
    CHECK(countEvents(c.owner) == 1);
}

}  // namespace kiosk::test

namespace kiosk::test {
namespace {

PgResult eventOn(PgConnection& owner, const std::string& id, int seq, const std::string& date) {
    return owner.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                      " recorded_ms, local_date, source, kiosk_id) VALUES ($1, 'deur', $2, 'ZU01', 'check_in',"
                      " 1795680300000, 1795680300000, $3::date, 'kiosk', 'deur')",
                      {id, std::to_string(seq), date});
}

std::string remainingDays(PgConnection& owner) {
    PgResult r = owner.exec("SELECT string_agg(local_date::text, ',' ORDER BY local_date) FROM attendance_event");
    return r.isNull(0, 0) ? "" : r.text(0, 0);
}

}  // namespace

TEST_CASE("central-setup --purge applies the kiosk's retention rule to the central copy", "[central][setup]") {
    CentralDb c;
    c.addKiosk("deur");
    REQUIRE(eventOn(c.owner, "lost-clock", 1, "2024-03-01").ok());  // a clock that had lost its time: age unknown
    REQUIRE(eventOn(c.owner, "old", 2, "2025-06-01").ok());
    REQUIRE(eventOn(c.owner, "edge", 3, "2025-11-26").ok());
    REQUIRE(eventOn(c.owner, "recent", 4, "2026-11-20").ok());
    REQUIRE(c.owner.exec("INSERT INTO roster_release (cohort, version, origin_kiosk, people) VALUES ('zutphen-2026', 1, 'deur', 1)").ok());
    REQUIRE(c.owner.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name)"
                         " VALUES ('zutphen-2026', 1, 'ZU01', 'Anna', 'Vries')").ok());

    const RunResult purged = centralSetup(c.server.ownerUrl(c.db), {"--purge", "--now", "2026-11-26T10:00"});
    INFO(purged.err);
    CHECK(purged.exitCode == 0);
    // The sample kiosk.toml keeps 365 days. The clock says before 26 November 2025, the records
    // (newest: 20 November 2026) say before 20 November 2025: only what both call old goes.
    CHECK(purged.err.find("1 gebeurtenis van vóór donderdag 20 november 2025 verwijderd (bewaartermijn 365 dagen") !=
          std::string::npos);
    CHECK(remainingDays(c.owner) == "2024-03-01,2025-11-26,2026-11-20");
    CHECK(c.owner.exec("SELECT count(*) FROM roster").integer(0, 0) == 1);  // the roster stays

    SECTION("a clock years ahead deletes nothing the records do not also call old") {
        const RunResult ahead = centralSetup(c.server.ownerUrl(c.db), {"--purge", "--now", "2030-01-01T10:00"});
        INFO(ahead.err);
        CHECK(ahead.exitCode == 0);
        CHECK(ahead.err.find("0 gebeurtenissen") != std::string::npos);
        CHECK(remainingDays(c.owner) == "2024-03-01,2025-11-26,2026-11-20");
    }
    SECTION("--older-than shortens the period for this run") {
        const RunResult shorter =
            centralSetup(c.server.ownerUrl(c.db), {"--purge", "--older-than", "30", "--now", "2026-11-26T10:00"});
        INFO(shorter.err);
        CHECK(shorter.exitCode == 0);
        CHECK(remainingDays(c.owner) == "2024-03-01,2026-11-20");
    }
    SECTION("a kiosk role cannot purge: it may not delete events") {
        PgConnection kiosk;
        c.connectAs(kiosk, c.addKiosk("zaal"));
        PgResult r = kiosk.exec("DELETE FROM attendance_event WHERE local_date < '2026-01-01'");
        CHECK_FALSE(r.ok());
        CHECK(remainingDays(c.owner) == "2024-03-01,2025-11-26,2026-11-20");
    }
}

TEST_CASE("central-setup --purge removes roster releases older than the retention period, each cohort's newest stays",
          "[central][setup][privacy]") {
    CentralDb c;
    c.addKiosk("deur");
    REQUIRE(eventOn(c.owner, "recent", 1, "2026-11-20").ok());  // the records' newest day
    auto release = [&](const std::string& cohort, int version, const std::string& at, const std::string& name) {
        REQUIRE(c.owner.exec("INSERT INTO roster_release (cohort, version, origin_kiosk, people, released_at)"
                             " VALUES ($1, $2, 'deur', 1, $3::timestamptz)",
                             {cohort, std::to_string(version), at}).ok());
        REQUIRE(c.owner.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name)"
                             " VALUES ($1, $2, 'ZU01', $3, 'Oudelijst')",
                             {cohort, std::to_string(version), name}).ok());
    };
    release("zutphen-2025", 1, "2025-01-02 10:00+01", "Wilhelmina");
    release("zutphen-2025", 2, "2025-06-01 10:00+02", "Theodora");
    release("zutphen-2025", 3, "2026-11-19 10:00+01", "Anna");
    release("deventer-2024", 1, "2025-01-03 10:00+01", "Gerarda");  // old, but its cohort's newest

    const RunResult purged = centralSetup(c.server.ownerUrl(c.db), {"--purge", "--now", "2026-11-26T10:00"});
    INFO(purged.err);
    CHECK(purged.exitCode == 0);
    CHECK(purged.err.find("2 oudere deelnemerslijsten verwijderd") != std::string::npos);
    PgResult left = c.owner.exec("SELECT string_agg(cohort || '/' || version, ',' ORDER BY cohort, version) FROM roster_release");
    CHECK(left.text(0, 0) == "deventer-2024/1,zutphen-2025/3");
    PgResult names = c.owner.exec("SELECT string_agg(first_name, ',' ORDER BY first_name) FROM roster_release_row");
    CHECK(names.text(0, 0) == "Anna,Gerarda");  // the rows went with their releases
    CHECK(c.owner.exec("SELECT count(*) FROM roster").integer(0, 0) == 2);  // what the kiosks use is whole
}

TEST_CASE("the processing register names every column of the central schema", "[central][setup][privacy]") {
    CentralDb c;
    REQUIRE(centralSetup(c.server.ownerUrl(c.db)).exitCode == 0);
    PgResult r = c.owner.exec("SELECT table_name || '.' || column_name FROM information_schema.columns"
                              " WHERE table_schema = 'public' ORDER BY 1");
    REQUIRE(r.ok());
    std::set<std::string> columns;
    for (int i = 0; i < r.rows(); ++i) columns.insert(r.text(i, 0));
    REQUIRE(columns.count("roster_release_row.first_name") == 1);  // tables and the roster view
    const std::set<std::string> listed = registerColumns("## Op de server");
    for (const auto& col : columns) {
        INFO("docs/privacy.md, section \"Op de server\", has no line for `" << col << "`");
        CHECK(listed.count(col) == 1);
    }
    for (const auto& col : listed) {
        INFO("docs/privacy.md names `" << col << "`, which the central schema does not have");
        CHECK(columns.count(col) == 1);
    }
}

TEST_CASE("central_retention rule, bound: the cut-off day itself and the day after stay, the day before goes", "[central][setup][boundary][purge]") {
    CentralDb c;
    c.addKiosk("deur");
    // Newest evidence today: clock and records agree on the cut-off, 26 November 2025 (365 days).
    REQUIRE(eventOn(c.owner, "before", 1, "2025-11-25").ok());
    REQUIRE(eventOn(c.owner, "cutoff", 2, "2025-11-26").ok());
    REQUIRE(eventOn(c.owner, "after", 3, "2025-11-27").ok());
    REQUIRE(eventOn(c.owner, "today", 4, "2026-11-26").ok());
    const CentralPurgeResult r = purgeCentral(c.owner, LocalDate{2026, 11, 26}, 365);
    INFO(r.error);
    REQUIRE(r.ok);
    CHECK(r.appliedCutoff == LocalDate{2025, 11, 26});
    CHECK(r.removed == 1);
    CHECK(remainingDays(c.owner) == "2025-11-26,2025-11-27,2026-11-26");
    // The records' side: newest evidence 20 November 2026 moves the cut-off to 20 November 2025.
    REQUIRE(c.owner.exec("DELETE FROM attendance_event").ok());
    REQUIRE(eventOn(c.owner, "r-before", 5, "2025-11-19").ok());
    REQUIRE(eventOn(c.owner, "r-cutoff", 6, "2025-11-20").ok());
    REQUIRE(eventOn(c.owner, "r-newest", 7, "2026-11-20").ok());
    const CentralPurgeResult r2 = purgeCentral(c.owner, LocalDate{2026, 11, 26}, 365);
    REQUIRE(r2.ok);
    CHECK(r2.appliedCutoff == LocalDate{2025, 11, 20});
    // The cut-off kept by the first purge (26 November 2025) is never moved back (central_retention.h, 3):
    // the records' side may not bring 20 November 2025 back either.
    CHECK(remainingDays(c.owner) == "2026-11-20");
    CHECK(c.owner.exec("SELECT cutoff::text FROM central_cutoff").text(0, 0) == "2025-11-26");
    // Nor may a late push of a day before it come back in (the server skips it, as it was purged).
    REQUIRE(eventOn(c.owner, "r-late", 8, "2025-11-22").ok());
    CHECK(remainingDays(c.owner) == "2026-11-20");
}

}  // namespace kiosk::test
