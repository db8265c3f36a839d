// Several kiosks against a real PostgreSQL when things go wrong (issue 17, item 9): three kiosks
// exchanging events in any order end with the same day records; two kiosks cut off from the server
// both check in the same person: one day record, with the earliest check-in.
// (The SIGKILL during a push and the refused kiosk roles are in test_central_sync.cpp and
// test_central_setup.cpp.)
#include "central/central_sync.h"
#include "central_kiosk.h"
#include "store/central_outbox.h"

namespace kiosk::test {
namespace {

// The presence list without its header: one line per participant, the same on every kiosk that
// holds the same events.
std::string dayRecords(const Kiosk& k) {
    const std::string csv = k.presenceList();
    return csv.substr(csv.find('\n') + 1);
}

}  // namespace

TEST_CASE("three kiosks exchanging events through the server end with the same day records", "[central][faults]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    Kiosk zaal("zaal", c.addKiosk("zaal"));
    Kiosk foyer("foyer", c.addKiosk("foyer"));
    // Each kiosk sees part of the day; some people pass two or three of them.
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T08:55").exitCode == 0);
    REQUIRE(deur.checkIn("ZU02", "2026-11-26T09:01").exitCode == 0);
    REQUIRE(zaal.checkIn("ZU03", "2026-11-26T09:07").exitCode == 0);
    REQUIRE(zaal.checkIn("ZU01", "2026-11-26T09:20").exitCode == 0);  // already in at the door: later, not first
    REQUIRE(foyer.checkIn("ZU04", "2026-11-26T10:15").exitCode == 0);
    // Mohamed leaves through the foyer, which learns of his check-in first (a kiosk refuses a
    // check-out of someone it does not know to be in).
    REQUIRE(deur.sync().exitCode == 0);
    REQUIRE(foyer.sync().exitCode == 0);
    REQUIRE(foyer.cli({"checkout", "ZU02", "--at", "2026-11-26T12:30"}).exitCode == 0);
    REQUIRE(zaal.cli({"checkout", "ZU03", "--at", "2026-11-26T16:45"}).exitCode == 0);

    // Syncs in an order where each kiosk at first sees only part of the others' events.
    for (const Kiosk* k : {&foyer, &deur, &zaal, &foyer, &deur}) {
        const RunResult r = k->sync();
        INFO(k->id << ": " << r.out << r.err);
        REQUIRE(r.exitCode == 0);
    }
    const std::string records = dayRecords(deur);
    INFO(records);
    CHECK(dayRecords(zaal) == records);
    CHECK(dayRecords(foyer) == records);
    CHECK(rowOf(records, "Anna").find("08:55") != std::string::npos);
    CHECK(rowOf(records, "Anna").find("09:20") == std::string::npos);
    CHECK(rowOf(records, "Mohamed").find("09:01") != std::string::npos);
    CHECK(rowOf(records, "Mohamed").find("12:30") != std::string::npos);  // check-out on another kiosk
    CHECK(rowOf(records, "Zoë").find("16:45") != std::string::npos);
    CHECK(rowOf(records, "Ĳsbrand").find("10:15") != std::string::npos);
    for (const Kiosk* k : {&deur, &zaal, &foyer}) CHECK(k->localEvents() == 7);
    CHECK(countEvents(c.owner) == 7);
    // Each kiosk holds its own events once and the others' once: nothing doubled by three syncs.
    CHECK(foyer.sqliteCount("SELECT count(*) FROM central_pulled") == 5);
    CHECK(foyer.sqliteCount("SELECT count(DISTINCT id) FROM attendance_event") == 7);
}

TEST_CASE("central_sync rule 8: two kiosks cut off from the server both check in the same person: one day record, the earliest check-in",
          "[central][faults]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    Kiosk zaal("zaal", c.addKiosk("zaal"));
    REQUIRE(deur.sync().exitCode == 0);
    REQUIRE(zaal.sync().exitCode == 0);
    REQUIRE(c.server.stop());
    // Anna taps at the room kiosk at 08:58, then again at the door at 09:05: neither kiosk knows.
    REQUIRE(zaal.checkIn("ZU01", "2026-11-26T08:58").exitCode == 0);
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);
    REQUIRE(deur.cli({"checkout", "ZU01", "--at", "2026-11-26T16:30"}).exitCode == 0);
    CHECK(deur.sync().exitCode == 1);  // cut off: the events wait
    CHECK(zaal.sync().exitCode == 1);
    CHECK(rowOf(deur.presenceList(), "Anna").find("09:05") != std::string::npos);

    REQUIRE(c.server.start());
    REQUIRE(c.owner.connect(c.server.ownerUrl(c.db)).empty());
    for (const Kiosk* k : {&deur, &zaal, &deur}) {
        const RunResult r = k->sync();
        INFO(k->id << ": " << r.out << r.err);
        REQUIRE(r.exitCode == 0);
    }
    for (const Kiosk* k : {&deur, &zaal}) {
        const std::string list = k->presenceList();
        INFO(k->id << "\n" << list);
        size_t annaRows = 0;
        std::istringstream in(list);
        for (std::string line; std::getline(in, line);)
            if (line.find(";ZU01;") != std::string::npos) ++annaRows;
        CHECK(annaRows == 1);
        const std::string anna = rowOf(list, "Anna");
        CHECK(anna.find(";08:58;16:30;") != std::string::npos);  // first in, last out
        CHECK(anna.find("09:05") == std::string::npos);
        CHECK(k->localEvents() == 3);
    }
    CHECK(countEvents(c.owner) == 3);
}

TEST_CASE("central_sync rule 4: a pull that the local database refuses midway stores nothing twice, and the same connection fetches all next time",
          "[central][faults]") {
    CentralDb c;
    const PrintedKiosk zaalLogin = c.addKiosk("zaal");
    Kiosk deur("deur", c.addKiosk("deur"));
    Kiosk zaal("zaal", zaalLogin);
    // 2,500 events of the door kiosk on the server: three batches of 1,000 for the pull below, so
    // that the next batch is already asked for when the first cannot be stored.
    REQUIRE(c.owner.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                         " recorded_ms, local_date, source, kiosk_id, cohort) SELECT 'deur-' || g, 'deur', g, 'ZU01',"
                         " 'check_in', 1795680300000 + g, 1795680300000 + g, '2026-11-26', 'kiosk', 'deur', 'zutphen-2026'"
                         " FROM generate_series(1, 2500) g").ok());
    REQUIRE(zaal.checkIn("ZU02", "2026-11-26T09:10").exitCode == 0);  // creates the database
    CentralOutbox outbox;
    REQUIRE(outbox.open(zaal.dir / "attendance.db").ok());
    PgConnection central;
    c.connectAs(central, zaalLogin);

    // Another writer holds the database: the first batch cannot be stored (after the busy wait).
    sqlite3* holder = nullptr;
    REQUIRE(sqlite3_open((zaal.dir / "attendance.db").c_str(), &holder) == SQLITE_OK);
    REQUIRE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    const PullReport refused = pullOtherKiosks(central, outbox, "zaal", 1795680300000, 1000);
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    CHECK_FALSE(refused.ok);
    CHECK(refused.storeFailed);
    CHECK(refused.inserted == 0);
    CHECK(zaal.localEvents() == 1);

    const PullReport all = pullOtherKiosks(central, outbox, "zaal", 1795680300000, 1000);
    INFO(all.error);
    CHECK(all.ok);
    CHECK(all.inserted == 2500);
    CHECK(zaal.localEvents() == 2501);
    CHECK(zaal.sqliteCount("SELECT max(origin_seq) FROM central_pulled WHERE origin_kiosk = 'deur'") == 2500);
    const PullReport again = pullOtherKiosks(central, outbox, "zaal", 1795680300000, 1000);
    CHECK(again.ok);
    CHECK(again.received == 0);
    CHECK(zaal.localEvents() == 2501);
}

}  // namespace kiosk::test
