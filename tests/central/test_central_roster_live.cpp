// A roster imported on one kiosk reaches a running kiosk of that cohort (issue 17, item 4): the sync
// thread takes it over at its next full sync (sync_worker.h, SYNCING), and the kiosk's screens show
// the new people without a restart (the session has the store thread read the roster again).
// Waits are polls against a deadline; no fixed sleep decides a result.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "session/kiosk_session.h"
#include "central/sync_worker.h"
#include "central_kiosk.h"
#include "core/text_catalogue.h"

namespace kiosk::test {
namespace {

using Steady = std::chrono::steady_clock;

// Polls `done` every 10 ms until it holds or `ms` have passed; the time it took, or -1.
long long waitFor(int ms, const std::function<bool()>& done) {
    const auto start = Steady::now();
    for (;;) {
        if (done()) return std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - start).count();
        if (Steady::now() - start > std::chrono::milliseconds(ms)) return -1;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

Texts dutchTexts() {
    Problems ignored;
    return Texts(Catalogue::parse(readFile(kSource + "/assets/text/nl.txt"), "nl.txt", ignored),
                 Catalogue::parse(readFile(kSource + "/assets/text/en.txt"), "en.txt", ignored), Lang::nl);
}

// The sample roster with Mohamed (ZU02) gone and the given rows added.
std::string rosterWith(const std::string& extraRows) {
    std::istringstream in(readFile(kSource + "/config/participants.csv"));
    std::string line, out;
    while (std::getline(in, line))
        if (line.rfind("ZU02;", 0) != 0) out += line + "\n";
    return out + extraRows;
}
const std::string kFenna = "ZU99;Fenna;;Jansen;Bedrijfsvoering;zutphen-2026;f.jansen@example.nl\n";
const std::string kSem = "ZU98;Sem;van;Dijk;HR;zutphen-2026;\n";

// Staff import a list on `k` (the command line releases it to the server at once).
void importOn(const Kiosk& k, const std::string& csv) {
    writeFile((k.dir / "nieuw.csv").string(), csv);
    const RunResult r = k.cli({"import-roster", (k.dir / "nieuw.csv").string()});
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(r.out.find("gestuurd als versie") != std::string::npos);
}

bool shows(const KioskSession& s, const std::string& code) {
    for (const Participant& p : s.roster())
        if (p.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("a running kiosk's sync thread takes over a roster imported on another kiosk within its slow poll",
          "[central][rosterlive]") {
    CentralDb c;
    const PrintedKiosk pZaal = c.addKiosk("zaal");
    Kiosk deur("deur", c.addKiosk("deur")), zaal("zaal", pZaal);
    REQUIRE(deur.sync().exitCode == 0);  // releases the sample list as version 1
    REQUIRE(zaal.sync().exitCode == 0);  // agrees on it

    SystemClock clock;  // before the worker: its thread reads it
    std::atomic<int> wakes{0};
    SyncWorkerOptions o;
    o.url = pZaal.url;
    o.passwordFile = (zaal.dir / "central-password").string();
    o.kioskId = "zaal";
    o.dbPath = zaal.dir / "attendance.db";
    o.slowPollMs = 1500;
    o.cohorts = {"zutphen-2026"};
    SyncWorker worker(o, clock, dutchTexts(), [&] { ++wakes; });
    REQUIRE(waitFor(10'000, [&] { return worker.syncsDone() > 0; }) >= 0);
    CHECK(worker.rostersApplied() == 0);  // nothing newer than what it agreed

    importOn(deur, rosterWith(kFenna));
    const int wakesBefore = wakes.load();
    // Within one slow poll (and the full sync's own time): Fenna is in, Mohamed is out (kept for history).
    const long long took = waitFor(2 * o.slowPollMs + 2000, [&] {
        return zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU99' AND active = 1") == 1;
    });
    INFO("the roster reached the running kiosk after " << took << " ms");
    CHECK(took >= 0);
    CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU02' AND active = 0") == 1);
    CHECK(waitFor(2000, [&] { return worker.rostersApplied() == 1; }) >= 0);
    CHECK(wakes.load() > wakesBefore);  // the frame loop is woken to show it
    CHECK(worker.status().errorKey.empty());

    SECTION("held by another writer, the list stays as it was, the status says the database failed, and it arrives after") {
        sqlite3* holder = nullptr;
        REQUIRE(sqlite3_open((zaal.dir / "attendance.db").c_str(), &holder) == SQLITE_OK);
        REQUIRE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
        importOn(deur, rosterWith(kFenna + kSem));
        std::string seen;
        const bool said = waitFor(20'000, [&] {
                              const SyncStatus st = worker.status();
                              if (!st.errorKey.empty()) seen = st.errorKey + ": " + st.errorDetail;
                              // Whichever step meets the lock first says so: the roster's import, or
                              // the push (its outbox cleanup writes too, central_outbox.cpp).
                              return st.errorKey == "sync.status_roster_failed" ||
                                     (st.errorKey == "sync.status_store_failed" &&
                                      st.errorDetail.find("locked") != std::string::npos);
                          }) >= 0;
        INFO("the status said: " << seen);
        CHECK(said);
        CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU98'") == 0);
        sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(holder);
        // The backoff (at most 5 s) and the full sync after reconnecting take it over.
        CHECK(waitFor(12'000, [&] {
                  return zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU98' AND active = 1") == 1;
              }) >= 0);
        CHECK(waitFor(2000, [&] { return worker.rostersApplied() == 2 && worker.status().errorKey.empty(); }) >= 0);
        CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU99' AND active = 1") == 1);
    }
    SECTION("the server refuses the roster: the status says so, check-ins still go up, and it recovers") {
        REQUIRE(c.owner.exec("REVOKE SELECT ON roster_release FROM leergang_kiosks").ok());
        CHECK(waitFor(15'000, [&] { return worker.status().errorKey == "sync.status_roster_failed"; }) >= 0);
        // The push comes before the roster in each full sync: a check-in made now still reaches the server.
        REQUIRE(zaal.checkIn("ZU01", "2026-11-26T09:00").exitCode == 0);
        CHECK(waitFor(15'000, [&] {
                  return c.owner.exec("SELECT count(*) FROM attendance_event WHERE origin_kiosk = 'zaal'").integer(0, 0) == 1;
              }) >= 0);
        REQUIRE(c.owner.exec("GRANT SELECT ON roster_release TO leergang_kiosks").ok());
        CHECK(waitFor(15'000, [&] { return worker.status().errorKey.empty(); }) >= 0);
        CHECK(worker.rostersApplied() == 1);
        CHECK(zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU99' AND active = 1") == 1);
    }
    SECTION("syncing on and on takes over nothing more and releases nothing") {
        const uint64_t syncs = worker.syncsDone();
        REQUIRE(waitFor(3 * o.slowPollMs + 2000, [&] { return worker.syncsDone() >= syncs + 2; }) >= 0);
        CHECK(worker.rostersApplied() == 1);
        CHECK(c.owner.exec("SELECT max(version) FROM roster_release WHERE cohort = 'zutphen-2026'").integer(0, 0) == 2);
    }
}

// The kiosk itself (KioskSession, as the window runs it, without drawing): its sync thread applies
// the release, and the list the screens show has the new person without a restart.
TEST_CASE("the kiosk shows a roster imported on another kiosk without a restart", "[central][rosterlive]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur")), zaal("zaal", c.addKiosk("zaal"));
    REQUIRE(deur.sync().exitCode == 0);
    REQUIRE(zaal.sync().exitCode == 0);

    SystemClock clock;  // before the session: its threads read it
    std::atomic<int> wakes{0};
    SessionOptions so;
    so.configDir = zaal.dir / "config";
    so.dbPath = zaal.dir / "attendance.db";
    so.watchConfig = false;
    KioskSession session(so, clock, [&] { ++wakes; });
    REQUIRE(session.ready());
    REQUIRE(shows(session, "ZU02"));
    REQUIRE_FALSE(shows(session, "ZU99"));

    // Released while the kiosk runs; no NOTIFY for a roster, so it comes with the slow poll (30 s).
    REQUIRE(waitFor(10'000, [&] { return session.syncStatus().lastSyncMs > 0; }) >= 0);
    importOn(deur, rosterWith(kFenna));
    // The frame loop: drains the store after each wake (here: every 10 ms).
    const long long took = waitFor(40'000, [&] {
        session.drainStore();
        return shows(session, "ZU99");
    });
    INFO("the kiosk showed Fenna after " << took << " ms");
    CHECK(took >= 0);
    CHECK_FALSE(shows(session, "ZU02"));
    CHECK(wakes.load() > 0);
    session.stopStore();
}

}  // namespace kiosk::test
