// One roster for every kiosk of a cohort (issue 17, item 4): imported on one kiosk, released to the
// central record by its sync, taken over by the others' sync through the all-or-nothing import.
#include "central_kiosk.h"

namespace kiosk::test {
namespace {

// The sample roster with Mohamed (ZU02) gone and Fenna Jansen (ZU99) new.
std::string changedRoster() {
    std::string csv = readFile(kSource + "/config/participants.csv");
    std::istringstream in(csv);
    std::string line, out;
    while (std::getline(in, line))
        if (line.rfind("ZU02;", 0) != 0) out += line + "\n";
    return out + "ZU99;Fenna;;Jansen;Bedrijfsvoering;zutphen-2026;f.jansen@example.nl\n";
}

bool says(const RunResult& r, const std::string& what) { return r.out.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("a roster imported on one kiosk reaches the other kiosk of that cohort at its next sync", "[central][roster]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    Kiosk zaal("zaal", c.addKiosk("zaal"));

    // Both start from the same participants.csv: the first to sync releases it, the other agrees.
    const RunResult first = deur.sync();
    INFO(first.out << first.err);
    REQUIRE(first.exitCode == 0);
    CHECK(says(first, "groep zutphen-2026 naar de centrale registratie gestuurd als versie 1"));
    const RunResult joined = zaal.sync();
    INFO(joined.out << joined.err);
    REQUIRE(joined.exitCode == 0);
    CHECK(says(joined, "groep zutphen-2026 overgenomen van de centrale registratie (versie 1"));
    CHECK_FALSE(says(joined, "gestuurd"));

    // Staff import a new list on the door kiosk: with the server reachable it goes out at once.
    writeFile((deur.dir / "nieuw.csv").string(), changedRoster());
    const RunResult imported = deur.cli({"import-roster", (deur.dir / "nieuw.csv").string()});
    INFO(imported.out << imported.err);
    REQUIRE(imported.exitCode == 0);
    CHECK(says(imported, "gestuurd als versie 2"));
    const RunResult released = deur.sync();
    INFO(released.out << released.err);
    CHECK(released.exitCode == 0);
    CHECK_FALSE(says(released, "gestuurd"));  // already out
    PgResult rel = c.owner.exec("SELECT origin_kiosk, people FROM roster_release WHERE cohort = 'zutphen-2026' AND version = 2");
    REQUIRE(rel.rows() == 1);
    CHECK(rel.text(0, 0) == "deur");
    CHECK(c.owner.exec("SELECT count(*) FROM roster WHERE cohort = 'zutphen-2026' AND code = 'ZU99'").integer(0, 0) == 1);
    CHECK(c.owner.exec("SELECT count(*) FROM roster WHERE code = 'ZU02'").integer(0, 0) == 0);

    // The room kiosk's presence list before and after its sync.
    CHECK(rowOf(zaal.presenceList(), "Fenna").empty());
    CHECK_FALSE(rowOf(zaal.presenceList(), "Mohamed").empty());
    const RunResult taken = zaal.sync();
    INFO(taken.out << taken.err);
    CHECK(taken.exitCode == 0);
    CHECK(says(taken, "overgenomen van de centrale registratie (versie 2"));
    const std::string list = zaal.presenceList();
    INFO(list);
    CHECK_FALSE(rowOf(list, "Fenna").empty());
    CHECK(rowOf(list, "Mohamed").empty());
    CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU02' AND active = 0") == 1);  // kept for history

    SECTION("syncing again releases and takes over nothing, on either kiosk") {
        for (const Kiosk* k : {&deur, &zaal}) {
            const RunResult again = k->sync();
            CHECK(again.exitCode == 0);
            CHECK_FALSE(says(again, "gestuurd"));
            CHECK_FALSE(says(again, "overgenomen"));
        }
        CHECK(c.owner.exec("SELECT max(version) FROM roster_release").integer(0, 0) == 2);
    }
    SECTION("a later import on the room kiosk goes back the other way") {
        std::string csv = changedRoster() + "ZU98;Sem;van;Dijk;HR;zutphen-2026;\n";
        writeFile((zaal.dir / "nieuw.csv").string(), csv);
        // The server is down while staff import: the list stands here and goes with the next sync.
        REQUIRE(c.server.stop());
        const RunResult offline = zaal.cli({"import-roster", (zaal.dir / "nieuw.csv").string()});
        INFO(offline.out << offline.err);
        CHECK(offline.exitCode == 0);
        CHECK(offline.err.find("gaat hij bij de volgende sync") != std::string::npos);
        CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU98' AND active = 1") == 1);
        REQUIRE(c.server.start());
        REQUIRE(c.owner.connect(c.server.ownerUrl(c.db)).empty());
        CHECK(says(zaal.sync(), "gestuurd als versie 3"));
        const RunResult back = deur.sync();
        CHECK(says(back, "(versie 3"));
        CHECK_FALSE(rowOf(deur.presenceList(), "Sem").empty());
    }
    SECTION("a check-in for someone on the new list, made on the room kiosk, shows on the door kiosk with the name") {
        REQUIRE(zaal.checkIn("ZU99", "2026-11-26T09:12").exitCode == 0);
        REQUIRE(zaal.sync().exitCode == 0);
        REQUIRE(deur.sync().exitCode == 0);
        CHECK(rowOf(deur.presenceList(), "Fenna").find("09:12") != std::string::npos);
    }
}

TEST_CASE("a roster that cannot be applied leaves the kiosk's list as it was, and the next sync takes it", "[central][roster]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    Kiosk zaal("zaal", c.addKiosk("zaal"));
    REQUIRE(deur.sync().exitCode == 0);
    REQUIRE(zaal.sync().exitCode == 0);
    writeFile((deur.dir / "nieuw.csv").string(), changedRoster());
    REQUIRE(deur.cli({"import-roster", (deur.dir / "nieuw.csv").string()}).exitCode == 0);  // released at once

    // The room kiosk's database is held by another writer: the import cannot start.
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open((zaal.dir / "attendance.db").c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    const RunResult blocked = zaal.sync();
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    INFO(blocked.out << blocked.err);
    CHECK(blocked.exitCode == 1);
    CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU99'") == 0);
    CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU02' AND active = 1") == 1);

    const RunResult later = zaal.sync();
    INFO(later.out << later.err);
    CHECK(later.exitCode == 0);
    CHECK(says(later, "(versie 2"));
    CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU99' AND active = 1") == 1);
}

}  // namespace kiosk::test
