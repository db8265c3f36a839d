// Kiosks of two municipalities' cohorts on one central record (issue 28): each kiosk's SQLite file
// holds only its own cohort, kiosks of one cohort still converge, a cohort added later is caught up,
// an existing (version 4 or 5) record upgrades with its kiosks still syncing, and the connection rule
// cannot be talked around by the environment or the password file's mode.
#include <filesystem>

#include "central/central_kiosk_role.h"
#include "central/central_schema.h"
#include "central_kiosk.h"

namespace kiosk::test {
namespace {

void syncAll(std::initializer_list<const Kiosk*> kiosks) {
    for (int round = 0; round < 2; ++round)
        for (const Kiosk* k : kiosks) {
            const RunResult r = k->sync();
            INFO(k->id << "\n" << r.out << r.err);
            REQUIRE(r.exitCode == 0);
        }
}

}  // namespace

TEST_CASE("two cohorts on one server: each kiosk holds only its own cohort and converges with its own",
          "[central][cohorts]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur")), zaal("zaal", c.addKiosk("zaal"));
    Kiosk dv1("dv1", c.addKiosk("dv1", {"deventer-2026"}), "deventer-2026");
    Kiosk dv2("dv2", c.addKiosk("dv2", {"deventer-2026"}), "deventer-2026");
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);
    REQUIRE(zaal.checkIn("ZU02", "2026-11-26T09:10").exitCode == 0);
    REQUIRE(dv1.checkIn("DV01", "2026-11-26T09:01").exitCode == 0);
    REQUIRE(dv2.checkIn("DV03", "2026-11-26T09:02").exitCode == 0);
    REQUIRE(dv2.checkIn("DV04", "2026-11-26T09:03").exitCode == 0);
    syncAll({&deur, &dv1, &zaal, &dv2});

    CHECK(countEvents(c.owner) == 5);
    CHECK(c.owner.exec("SELECT count(DISTINCT cohort) FROM roster_release").integer(0, 0) == 2);
    for (const Kiosk* k : {&deur, &zaal}) {
        INFO(k->id);
        CHECK(k->localEvents() == 2);
        CHECK(k->sqliteCount("SELECT count(*) FROM participant WHERE code LIKE 'DV%' OR cohort = 'deventer-2026'") == 0);
        CHECK(k->sqliteCount("SELECT count(*) FROM attendance_event WHERE participant_code LIKE 'DV%'") == 0);
        const std::string list = k->presenceList();
        CHECK(rowOf(list, "Anna").find("09:05") != std::string::npos);
        CHECK(rowOf(list, "Mohamed").find("09:10") != std::string::npos);
    }
    for (const Kiosk* k : {&dv1, &dv2}) {
        INFO(k->id);
        CHECK(k->localEvents() == 3);
        CHECK(k->sqliteCount("SELECT count(*) FROM participant WHERE code LIKE 'ZU%' OR cohort = 'zutphen-2026'") == 0);
        CHECK(k->sqliteCount("SELECT count(*) FROM central_pulled WHERE origin_kiosk IN ('deur', 'zaal')") == 0);
    }
    CHECK(dv1.presenceList() == dv2.presenceList());
    CHECK(deur.presenceList() == zaal.presenceList());
    CHECK(rowOf(dv1.presenceList(), "Anna").find("09:01") != std::string::npos);  // Deventer's Anna, DV01
}

TEST_CASE("central_sync rule 10: a cohort added to a kiosk later is read from the start of every series",
          "[central][cohorts]") {
    CentralDb c;
    Kiosk foyer("foyer", c.addKiosk("foyer"));
    c.addKiosk("deur", {"zutphen-2026", "deventer-2026"});
    REQUIRE(foyer.sync().exitCode == 0);
    // One series (deur's) with both cohorts: Zutphen's rows around a Deventer row.
    auto event = [&](int seq, const std::string& code, const std::string& cohort) {
        REQUIRE(c.owner.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                             " recorded_ms, local_date, source, kiosk_id, cohort) VALUES ($1, 'deur', $2, $3, 'check_in',"
                             " 1795680300000, 1795680300000, '2026-11-26', 'kiosk', 'deur', $4)",
                             {"ev-" + std::to_string(seq), std::to_string(seq), code, cohort}).ok());
    };
    event(1, "ZU01", "zutphen-2026");
    event(2, "DV01", "deventer-2026");
    event(3, "ZU02", "zutphen-2026");
    REQUIRE(foyer.sync().exitCode == 0);
    CHECK(foyer.sqliteCount("SELECT count(*) FROM attendance_event WHERE id IN ('ev-1', 'ev-3')") == 2);
    CHECK(foyer.sqliteCount("SELECT count(*) FROM attendance_event WHERE id = 'ev-2'") == 0);

    const RunResult added = centralSetup(c.server.ownerUrl(c.db), {"--add-cohorts", "foyer", "--cohort", "deventer-2026"});
    INFO(added.err);
    REQUIRE(added.exitCode == 0);
    CHECK(added.err.find("deventer-2026, zutphen-2026") != std::string::npos);
    // Below the high-water mark of deur's series, and still fetched.
    REQUIRE(foyer.sync().exitCode == 0);
    CHECK(foyer.sqliteCount("SELECT count(*) FROM attendance_event WHERE id = 'ev-2'") == 1);

    SECTION("--set-cohorts replaces: the kiosk reads only the new set") {
        REQUIRE(centralSetup(c.server.ownerUrl(c.db), {"--set-cohorts", "foyer", "--cohort", "deventer-2026"}).exitCode == 0);
        PgResult mine = c.owner.exec("SELECT string_agg(cohort, ',') FROM kiosk_cohort WHERE kiosk_id = 'foyer'");
        CHECK(mine.text(0, 0) == "deventer-2026");
    }
    SECTION("an unknown kiosk or a cohort with a space is refused, nothing changes") {
        CHECK(centralSetup(c.server.ownerUrl(c.db), {"--set-cohorts", "nope", "--cohort", "deventer-2026"}).exitCode == 2);
        CHECK(centralSetup(c.server.ownerUrl(c.db), {"--set-cohorts", "foyer", "--cohort", "deventer 2026"}).exitCode == 2);
        CHECK(c.owner.exec("SELECT count(*) FROM kiosk_cohort WHERE kiosk_id = 'foyer'").integer(0, 0) == 2);
    }
}

TEST_CASE("central_sync rule 10: a cohort added later whose id ends another cohort's id is read from the start too",
          "[central][cohorts]") {
    // "zutphen-2026" is the tail of "avond-zutphen-2026": the cohorts pulled before are compared
    // whole, line by line, never as a piece of text.
    CentralDb c;
    Kiosk foyer("foyer", c.addKiosk("foyer", {"avond-zutphen-2026"}), "avond-zutphen-2026");
    c.addKiosk("deur", {"avond-zutphen-2026", "zutphen-2026"});
    REQUIRE(foyer.sync().exitCode == 0);
    auto event = [&](int seq, const std::string& code, const std::string& cohort) {
        REQUIRE(c.owner.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                             " recorded_ms, local_date, source, kiosk_id, cohort) VALUES ($1, 'deur', $2, $3, 'check_in',"
                             " 1795680300000, 1795680300000, '2026-11-26', 'kiosk', 'deur', $4)",
                             {"ev-" + std::to_string(seq), std::to_string(seq), code, cohort}).ok());
    };
    event(1, "DV01", "avond-zutphen-2026");
    event(2, "ZU01", "zutphen-2026");
    event(3, "DV02", "avond-zutphen-2026");
    REQUIRE(foyer.sync().exitCode == 0);
    CHECK(foyer.sqliteCount("SELECT count(*) FROM attendance_event WHERE id IN ('ev-1', 'ev-3')") == 2);
    CHECK(foyer.sqliteCount("SELECT count(*) FROM attendance_event WHERE id = 'ev-2'") == 0);

    const RunResult added = centralSetup(c.server.ownerUrl(c.db), {"--add-cohorts", "foyer", "--cohort", "zutphen-2026"});
    INFO(added.err);
    REQUIRE(added.exitCode == 0);
    // Below the high-water mark of deur's series (3), and still fetched.
    REQUIRE(foyer.sync().exitCode == 0);
    CHECK(foyer.sqliteCount("SELECT count(*) FROM attendance_event WHERE id = 'ev-2'") == 1);
}

TEST_CASE("an existing version 4 or 5 record upgrades: e-mail leaves the server, kiosks keep syncing once assigned",
          "[central][cohorts]") {
    const int from = GENERATE(4, 5);
    INFO("from version " << from);
    PgServer& server = PgServer::get();
    REQUIRE(server.ok());
    const std::string db = server.freshDatabase();
    PgConnection owner;
    REQUIRE(owner.connect(server.ownerUrl(db)).empty());
    REQUIRE(applyCentralSchema(owner, from).ok);
    const AddKioskResult added = addCentralKiosk(owner, "deur");
    REQUIRE(added.ok);
    // What version 4 held: a release with e-mail addresses, deur's check-in and a walk-in.
    REQUIRE(owner.exec("INSERT INTO roster_release (cohort, version, origin_kiosk, people) VALUES ('zutphen-2026', 1, 'deur', 1)").ok());
    REQUIRE(owner.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name, email)"
                       " VALUES ('zutphen-2026', 1, 'ZU01', 'Anna', 'Vries', 'a.devries@example.nl')").ok());
    for (const char* row : {"('ev-1', 'deur', 1, 'ZU01', 'check_in', '')", "('ev-2', 'deur', 2, NULL, 'guest_registration', 'Gast')"})
        REQUIRE(owner.exec(std::string("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind,"
                                       " guest_name, at_ms, recorded_ms, local_date, source, kiosk_id) SELECT v.*,"
                                       " 1795680300000, 1795680300000, '2026-11-26'::date, 'kiosk', 'deur' FROM (VALUES ") +
                           row + ") v").ok());
    if (from == 5)  // what issue 27's version adds: an earlier database of deur (a replaced disk), long gone
        REQUIRE(owner.exec("INSERT INTO kiosk_database (kiosk_id, origin_epoch, box, first_seen, last_seen) VALUES"
                           " ('deur', 4242, 'oude-kast:/var/lib/leergang-kiosk/attendance.db', now() - interval '60 days',"
                           " now() - interval '30 days')").ok());

    const RunResult upgraded = centralSetup(server.ownerUrl(db));
    INFO(upgraded.err);
    REQUIRE(upgraded.exitCode == 0);
    CHECK(upgraded.err.find("van versie " + std::to_string(from) + " naar " + std::to_string(kCentralSchemaVersion)) !=
          std::string::npos);
    CHECK(owner.exec("SELECT count(*) FROM information_schema.columns WHERE column_name = 'email'").integer(0, 0) == 0);
    CHECK(owner.exec("SELECT cohort FROM attendance_event WHERE id = 'ev-1'").text(0, 0) == "zutphen-2026");
    CHECK(owner.exec("SELECT rolconnlimit FROM pg_roles WHERE rolname = 'kiosk_deur'").integer(0, 0) ==
          kKioskRoleLimits.connections);

    PrintedKiosk printed{kioskConnectionString(server.ownerUrl(db), "deur"), "", added.password};
    PgConnection k;
    REQUIRE(k.connect(printed.url, printed.password).empty());
    CHECK(k.exec("SELECT count(*) FROM attendance_event").integer(0, 0) == 0);  // no cohort yet: nothing

    const RunResult assigned = centralSetup(server.ownerUrl(db), {"--set-cohorts", "deur", "--cohort", "zutphen-2026"});
    INFO(assigned.err);
    REQUIRE(assigned.exitCode == 0);
    CHECK(assigned.err.find("1 oudere gebeurtenis van") != std::string::npos);  // the walk-in
    CHECK(k.exec("SELECT count(*) FROM attendance_event").integer(0, 0) == 2);

    // The kiosk itself, with the password it already had: it syncs as before.
    Kiosk deur("deur", printed);
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:30").exitCode == 0);
    const RunResult synced = deur.sync();
    INFO(synced.out << synced.err);
    CHECK(synced.exitCode == 0);
    CHECK(owner.exec("SELECT count(*) FROM attendance_event WHERE origin_kiosk = 'deur'").integer(0, 0) == 3);
    CHECK(owner.exec("SELECT count(*) FROM kiosk_database WHERE kiosk_id = 'deur'").integer(0, 0) == (from == 5 ? 2 : 1));
}

TEST_CASE("the connection rule: PG* variables are ignored, an open password file and service= are refused",
          "[central][cohorts]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);

    SECTION("PGOPTIONS that would make every transaction read-only changes nothing") {
        std::vector<std::string> argv{kBinary, "sync", "--config", (deur.dir / "config").string(), "--db",
                                      (deur.dir / "attendance.db").string()};
        const RunResult r = run(argv, {{"TZ", "Europe/Amsterdam"}, {"PGOPTIONS", "-c default_transaction_read_only=on"},
                                       {"PGSSLMODE", "require"}, {"PGSERVICE", "nope"}});
        INFO(r.out << r.err);
        CHECK(r.exitCode == 0);
        CHECK(countEvents(c.owner) == 1);
    }
    SECTION("a password file others can read is refused, naming its mode") {
        std::filesystem::permissions(deur.dir / "central-password", std::filesystem::perms::group_read |
                                                                        std::filesystem::perms::others_read,
                                     std::filesystem::perm_options::add);
        const RunResult r = deur.sync();
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("modus 0644") != std::string::npos);
        CHECK(countEvents(c.owner) == 0);
    }
}

}  // namespace kiosk::test
