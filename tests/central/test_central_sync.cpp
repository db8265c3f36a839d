// `leergang-kiosk sync` between kiosks with their own config folders and SQLite files, through a
// real PostgreSQL: the outbox, the push, the pull by high-water mark, retries, an outage (issue 17).
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "central_kiosk.h"

namespace kiosk::test {

TEST_CASE("central_sync rule 1: two kiosks share one record through the server, and a retry doubles nothing",
          "[central][sync]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    Kiosk zaal("zaal", c.addKiosk("zaal"));
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);
    REQUIRE(zaal.checkIn("ZU02", "2026-11-26T09:10").exitCode == 0);

    const RunResult first = deur.sync();
    INFO(first.out << first.err);
    CHECK(first.exitCode == 0);
    CHECK(first.out.find("Verzonden: 1 gebeurtenis, waarvan 1 nieuw") != std::string::npos);
    CHECK(first.out.find("geen nieuwe gebeurtenissen") != std::string::npos);

    const RunResult second = zaal.sync();
    INFO(second.out << second.err);
    CHECK(second.exitCode == 0);
    CHECK(second.out.find("Opgehaald: 1 nieuwe gebeurtenis van andere kiosks (deur: 1)") != std::string::npos);
    CHECK(second.out.find("0 gebeurtenissen wachten") != std::string::npos);  // the pulled one is not sent back

    const RunResult third = deur.sync();
    CHECK(third.exitCode == 0);
    CHECK(third.out.find("(zaal: 1)") != std::string::npos);

    // One record: both kiosks' presence lists show both people, with the time each checked in.
    for (const Kiosk* k : {&deur, &zaal}) {
        const std::string list = k->presenceList();
        INFO(k->id << "\n" << list);
        CHECK(rowOf(list, "Anna").find("09:05") != std::string::npos);
        CHECK(rowOf(list, "Mohamed").find("09:10") != std::string::npos);
        CHECK(k->localEvents() == 2);
    }
    CHECK(countEvents(c.owner) == 2);
    PgResult origins = c.owner.exec("SELECT origin_kiosk || ':' || origin_seq || ':' || kiosk_id FROM attendance_event ORDER BY 1");
    REQUIRE(origins.rows() == 2);
    CHECK(origins.text(0, 0) == "deur:1:deur");
    CHECK(origins.text(1, 0) == "zaal:1:zaal");

    SECTION("syncing again moves nothing") {
        for (const Kiosk* k : {&deur, &zaal}) {
            const RunResult again = k->sync();
            CHECK(again.exitCode == 0);
            CHECK(again.out.find("Verzonden: 0") != std::string::npos);
            CHECK(again.out.find("geen nieuwe gebeurtenissen") != std::string::npos);
        }
    }
    SECTION("a push whose acknowledgement was lost is sent again and stored once") {
        // The server committed, the kiosk died before clearing its outbox: the rows are still there.
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((deur.dir / "attendance.db").c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "INSERT INTO central_outbox (seq) SELECT seq FROM attendance_event"
                                 " WHERE id NOT IN (SELECT event_id FROM central_pulled)", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
        const RunResult retry = deur.sync();
        CHECK(retry.exitCode == 0);
        CHECK(retry.out.find("Verzonden: 1 gebeurtenis, waarvan 0 nieuw") != std::string::npos);
        CHECK(zaal.sync().out.find("geen nieuwe gebeurtenissen") != std::string::npos);
    }
    CHECK(countEvents(c.owner) == 2);
    CHECK(deur.localEvents() == 2);
    CHECK(zaal.localEvents() == 2);
    // Each kiosk left its last contact and clock offset (its clock against the server's: same machine).
    PgResult seen = c.owner.exec("SELECT count(*) FROM kiosk WHERE last_seen IS NOT NULL AND abs(clock_offset_ms) < 60000");
    CHECK(seen.integer(0, 0) == 2);
}

TEST_CASE("with the server stopped sync says how many events wait, and once it is back all arrive once", "[central][sync]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    Kiosk zaal("zaal", c.addKiosk("zaal"));
    REQUIRE(c.server.stop());
    for (const char* code : {"ZU01", "ZU02", "ZU03"}) REQUIRE(deur.checkIn(code, "2026-11-26T08:55").exitCode == 0);
    const RunResult down = deur.sync();
    CHECK(down.exitCode == 1);
    CHECK(down.err.find("niet bereikbaar") != std::string::npos);
    CHECK(down.err.find("3 gebeurtenissen wachten") != std::string::npos);
    const RunResult downAgain = deur.sync();
    CHECK(downAgain.err.find("3 gebeurtenissen wachten") != std::string::npos);
    REQUIRE(deur.checkIn("ZU04", "2026-11-26T09:00").exitCode == 0);
    CHECK(deur.sync().err.find("4 gebeurtenissen wachten") != std::string::npos);

    REQUIRE(c.server.start());
    REQUIRE(c.owner.connect(c.server.ownerUrl(c.db)).empty());  // the owner's session ended with the server
    const RunResult up = deur.sync();
    INFO(up.out << up.err);
    CHECK(up.exitCode == 0);
    CHECK(up.out.find("Verzonden: 4 gebeurtenissen, waarvan 4 nieuw") != std::string::npos);
    CHECK(up.out.find("0 gebeurtenissen wachten") != std::string::npos);
    CHECK(countEvents(c.owner) == 4);
    CHECK(countEvents(c.owner, "origin_kiosk = 'deur'") == 4);
    PgResult seqs = c.owner.exec("SELECT string_agg(origin_seq::text, ',' ORDER BY origin_seq) FROM attendance_event");
    CHECK(seqs.text(0, 0) == "1,2,3,4");

    const RunResult pulled = zaal.sync();
    CHECK(pulled.exitCode == 0);
    CHECK(pulled.out.find("(deur: 4)") != std::string::npos);
    CHECK(zaal.localEvents() == 4);
    CHECK(zaal.sync().out.find("geen nieuwe gebeurtenissen") != std::string::npos);
    CHECK(zaal.localEvents() == 4);
    CHECK(rowOf(zaal.presenceList(), "Zoë").find("08:55") != std::string::npos);
}

TEST_CASE("central_sync rule 3: sync killed with SIGKILL during pushes loses nothing and doubles nothing",
          "[central][sync]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    Kiosk zaal("zaal", c.addKiosk("zaal"));
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);  // creates the database
    // 6,000 more events, written as any local writer would (the trigger marks them for upload).
    constexpr int kEvents = 6000;
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((deur.dir / "attendance.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK);
    for (int i = 0; i < kEvents; ++i) {
        const std::string sql = "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date,"
                                " source, kiosk_id) VALUES ('bulk-" + std::to_string(i) + "', 'ZU02', 'check_in', " +
                                std::to_string(1795680300000LL + i) + ", 1795680300000, '2026-11-26', 'kiosk', 'deur')";
        REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    REQUIRE(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);

    std::vector<std::string> argv{kBinary, "sync", "--config", (deur.dir / "config").string(), "--db",
                                  (deur.dir / "attendance.db").string()};
    int killedWhileWaiting = 0;
    for (int delayMs : {150, 300, 450, 600, 900}) {
        const int pid = spawn(argv, {{"TZ", "Europe/Amsterdam"}});
        usleep(static_cast<useconds_t>(delayMs) * 1000);
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) ++killedWhileWaiting;
        const long long onServer = countEvents(c.owner);
        const long long waiting = deur.sqliteCount("SELECT count(*) FROM central_outbox");
        INFO("after a kill at " << delayMs << " ms: " << onServer << " on the server, " << waiting << " waiting");
        CHECK(onServer + waiting >= kEvents + 1);  // nothing lost: every event is on the server or waiting
    }
    CHECK(killedWhileWaiting > 0);  // at least one kill landed while sync was still running
    const RunResult rest = deur.sync();
    INFO(rest.out << rest.err);
    CHECK(rest.exitCode == 0);
    CHECK(rest.out.find("0 gebeurtenissen wachten") != std::string::npos);
    CHECK(countEvents(c.owner) == kEvents + 1);
    CHECK(c.owner.exec("SELECT count(DISTINCT origin_seq) FROM attendance_event").integer(0, 0) == kEvents + 1);
    const RunResult pulled = zaal.sync();
    CHECK(pulled.out.find("(deur: " + std::to_string(kEvents + 1) + ")") != std::string::npos);
    CHECK(zaal.localEvents() == kEvents + 1);
}

TEST_CASE("a kiosk whose clock is 10 minutes ahead: the server records the offset at its last contact", "[central][sync]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    // The local time ten minutes from now, to the minute (--now takes minutes): 9 to 10 minutes ahead.
    setenv("TZ", "Europe/Amsterdam", 1);  // as the kiosk runs (Kiosk::cli)
    tzset();
    const std::time_t later = std::time(nullptr) + 600;
    std::tm local{};
    localtime_r(&later, &local);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M", &local);
    const RunResult r = deur.cli({"sync", "--now", when});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);  // nothing to send: the contact is still recorded
    PgResult k = c.owner.exec("SELECT clock_offset_ms, last_seen IS NOT NULL FROM kiosk WHERE id = 'deur'");
    REQUIRE(k.rows() == 1);
    CHECK(k.integer(0, 0) > 9 * 60 * 1000 - 5000);
    CHECK(k.integer(0, 0) < 10 * 60 * 1000 + 5000);
    CHECK(k.text(0, 1) == "t");
}

TEST_CASE("sync without a central url, or with a wrong password, says so and keeps every event", "[central][sync]") {
    CentralDb c;
    PrintedKiosk printed = c.addKiosk("deur");
    SECTION("no [central] url") {
        printed.url = "";
        Kiosk deur("deur", printed);
        const RunResult r = deur.sync();
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("geen [central] url") != std::string::npos);
    }
    SECTION("a wrong password: refused by the server, never shown") {
        printed.password = "wrong-password-123";
        Kiosk deur("deur", printed);
        REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);
        const RunResult r = deur.sync();
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("password authentication failed") != std::string::npos);
        CHECK(r.err.find("wrong-password-123") == std::string::npos);
        CHECK(r.out.find("wrong-password-123") == std::string::npos);
        CHECK(r.err.find("1 gebeurtenis wacht") != std::string::npos);
        CHECK(countEvents(c.owner) == 0);
    }
}

}  // namespace kiosk::test
