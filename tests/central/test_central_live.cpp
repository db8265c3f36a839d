// The sync thread (central/sync_worker.h) between two kiosks with their own config folders and
// SQLite files, through a real PostgreSQL: a check-in on one appears on the other within 2 s, an
// outage during a stream of check-ins loses and doubles nothing, a clock 10 minutes off is shown
// (the status snapshot and `doctor`), and an idle thread wakes nobody (issue 17, items 3, 6 and 9).
// Waits are polls against a deadline; no fixed sleep decides a result.
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

#include "central/central_schema.h"
#include "central/sync_worker.h"
#include "central_kiosk.h"
#include "live_kiosk.h"
#include "central_support.h"
#include "core/text_catalogue.h"
#include "store_test_support.h"

namespace kiosk::test {
namespace {

std::string code(int i) { return (i < 10 ? "ZU0" : "ZU") + std::to_string(i); }

}  // namespace

TEST_CASE("the sync threads of two kiosks: a check-in on one is in the other's database within 2 s", "[central][live]") {
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur"), pZaal = c.addKiosk("zaal");
    SystemClock clock;
    LiveKiosk deur("deur", pDeur), zaal("zaal", pZaal);
    deur.start(clock);
    zaal.start(clock);
    CHECK(deur.worker->status().connected);
    CHECK(deur.worker->status().kiosks.size() == 2);

    LocalWriter writer(deur);
    SECTION("poked after the commit, as the kiosk does") {
        for (int i = 1; i <= 5; ++i) {
            const std::string id = writer.write(code(i), "2026-11-26 08:50");
            deur.worker->poke();
            const long long ms = waitUntil(2000, [&] { return zaal.has(id); });
            INFO("check-in " << i << " took " << ms << " ms");
            CHECK(ms >= 0);
        }
    }
    SECTION("not poked (the command line, a script): found by the data_version check") {
        const std::string id = writer.write("ZU07", "2026-11-26 08:52");
        CHECK(waitUntil(2000, [&] { return zaal.has(id); }) >= 0);
    }
    SECTION("and back: a check-in on the room kiosk reaches the door") {
        LocalWriter other(zaal);
        const std::string id = other.write("ZU09", "2026-11-26 08:53");
        zaal.worker->poke();
        CHECK(waitUntil(2000, [&] { return deur.has(id); }) >= 0);
    }
    // Nothing waits once it is up, on either side, and nothing came back to where it started.
    CHECK(waitUntil(2000, [&] { return deur.worker->status().waiting == 0 && zaal.worker->status().waiting == 0; }) >= 0);
    CHECK(deur.count("SELECT count(*) FROM central_pulled WHERE origin_kiosk = 'deur'") == 0);
    CHECK(countEvents(c.owner) == deur.count("SELECT count(*) FROM attendance_event"));
}

TEST_CASE("sync_worker SYNCING: a push the server refuses still pulls, the other kiosks' check-ins keep arriving", "[central][live]") {
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur"), pZaal = c.addKiosk("zaal");
    // A rule the server has and this kiosk does not know: every push of ZU05's check-in is refused.
    REQUIRE(c.owner.exec("ALTER TABLE attendance_event ADD CONSTRAINT test_refuses_zu05"
                         " CHECK (participant_code IS DISTINCT FROM 'ZU05') NOT VALID").ok());
    SystemClock clock;
    LiveKiosk deur("deur", pDeur), zaal("zaal", pZaal);
    deur.start(clock);
    zaal.start(clock);
    LocalWriter atDeur(deur), atZaal(zaal);
    const std::string refused = atDeur.write("ZU05", "2026-11-26 08:50");
    deur.worker->poke();
    CHECK(waitUntil(10'000, [&] { return deur.worker->status().errorKey == "sync.status_push_failed"; }) >= 0);
    // The room kiosk's check-in reaches the door all the same (the pull runs after the refused batch).
    const std::string id = atZaal.write("ZU01", "2026-11-26 08:51");
    zaal.worker->poke();
    CHECK(waitUntil(15'000, [&] { return deur.has(id); }) >= 0);
    CHECK(deur.count("SELECT count(*) FROM central_outbox") == 1);  // its own still waits, nothing lost
    CHECK(countEvents(c.owner, "id = '" + refused + "'") == 0);
}

TEST_CASE("an idle sync thread polls the server but wakes the frame loop only when its status changes", "[central][live]") {
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur");
    SystemClock clock;
    LiveKiosk deur("deur", pDeur);
    SyncWorkerOptions o;
    o.slowPollMs = 200;  // many idle polls in a short test
    deur.start(clock, o);
    const uint64_t syncs = deur.worker->syncsDone();
    const int wakes = deur.wakes.load();
    const uint64_t version = deur.worker->statusVersion();
    // At least five more idle polls happen...
    REQUIRE(waitUntil(5000, [&] { return deur.worker->syncsDone() >= syncs + 5; }) >= 0);
    // ... and none of them woke the frame loop or changed what the Status page shows.
    CHECK(deur.wakes.load() == wakes);
    CHECK(deur.worker->statusVersion() == version);
    // A check-in pushed at once changes nothing to see either (nothing is left waiting)...
    LocalWriter writer(deur);
    writer.write("ZU01", "2026-11-26 08:50");
    deur.worker->poke();
    CHECK(waitUntil(2000, [&] { return countEvents(c.owner) == 1; }) >= 0);
    // ... but losing the server does: the Status page must say so.
    REQUIRE(c.server.stop());
    CHECK(waitUntil(5000, [&] { return deur.wakes.load() > wakes; }) >= 0);
    CHECK(!deur.worker->status().connected);
    REQUIRE(c.server.start());
}

TEST_CASE("the server stopped during a stream of check-ins: every queued event arrives once", "[central][live]") {
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur"), pZaal = c.addKiosk("zaal");
    SystemClock clock;
    LiveKiosk deur("deur", pDeur), zaal("zaal", pZaal);
    SyncWorkerOptions o;
    o.backoffMaxMs = 2000;  // the test's outage is short; the kiosk's cap is 5 s
    deur.start(clock, o);
    zaal.start(clock, o);
    LocalWriter writer(deur);
    std::vector<std::string> ids;
    const char* days[] = {"2026-11-24 08:50", "2026-11-25 08:50", "2026-11-26 08:50"};
    int n = 0;
    auto stream = [&](int count) {
        for (int k = 0; k < count; ++k, ++n) {
            ids.push_back(writer.write(code(n % 14 + 1), days[n / 14]));
            deur.worker->poke();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a stream, not one batch
        }
    };
    stream(12);
    REQUIRE(c.server.stop());
    stream(18);  // while the server is down
    // The door kiosk knows it is cut off and says how many wait; the check-ins themselves all went in.
    CHECK(waitUntil(10'000, [&] {
              const SyncStatus s = deur.worker->status();
              return !s.connected && s.errorKey == "sync.status_unreachable" && s.waiting > 0;
          }) >= 0);
    const SyncStatus down = deur.worker->status();
    CHECK(deur.count("SELECT count(*) FROM attendance_event") == 30);
    REQUIRE(c.server.start());
    stream(12);  // and on after it came back
    REQUIRE(c.owner.connect(c.server.ownerUrl(c.db)).empty());
    const long long arrived = waitUntil(20'000, [&] {
        return countEvents(c.owner, "origin_kiosk = 'deur'") == 42 &&
               zaal.count("SELECT count(*) FROM central_pulled WHERE origin_kiosk = 'deur'") == 42;
    });
    INFO("the outage showed " << down.waiting << " waiting; all arrived " << arrived << " ms after the last check-in");
    CHECK(arrived >= 0);
    // Exactly once: each id once on the server and once on the room kiosk, in the door's order.
    CHECK(countEvents(c.owner) == 42);
    PgResult seqs = c.owner.exec("SELECT count(DISTINCT origin_seq), min(origin_seq), max(origin_seq) FROM attendance_event");
    CHECK(seqs.integer(0, 0) == 42);
    CHECK(seqs.integer(0, 2) - seqs.integer(0, 1) == 41);
    CHECK(zaal.count("SELECT count(*) FROM attendance_event") == 42);
    for (const auto& id : ids) CHECK(zaal.has(id));
    CHECK(waitUntil(5000, [&] { return deur.worker->status().waiting == 0 && deur.worker->status().connected; }) >= 0);
    CHECK(deur.worker->status().errorKey.empty());
}

TEST_CASE("a kiosk with its clock 10 minutes ahead: the offset and a warning in the status and in doctor", "[central][live]") {
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur"), pZaal = c.addKiosk("zaal");
    ShiftedClock ahead(Instant{SystemClock{}.now().ms + 10 * 60 * 1000});
    SystemClock clock;
    LiveKiosk deur("deur", pDeur), zaal("zaal", pZaal);
    deur.start(ahead);
    zaal.start(clock);
    // The room kiosk reads the door's offset at its next sync (a check-in on the door wakes it).
    LocalWriter writer(deur);
    const std::string id = writer.write("ZU01", "2026-11-26 08:50");
    deur.worker->poke();
    REQUIRE(waitUntil(3000, [&] { return zaal.has(id); }) >= 0);
    REQUIRE(waitUntil(3000, [&] {
                for (const auto& k : zaal.worker->status().kiosks)
                    if (k.id == "deur" && k.offsetWarning()) return true;
                return false;
            }) >= 0);

    for (const SyncStatus& s : {deur.worker->status(), zaal.worker->status()}) {
        for (const auto& k : s.kiosks) {
            INFO(k.id);
            REQUIRE(k.clockOffsetMs);
            if (k.id == "deur") {
                CHECK(*k.clockOffsetMs > 10 * 60 * 1000 - 5000);
                CHECK(*k.clockOffsetMs < 10 * 60 * 1000 + 5000);
                CHECK(k.offsetWarning());
            } else {
                CHECK(!k.offsetWarning());
            }
        }
    }
    const Texts nl = dutch();
    std::string page;
    bool warned = false;
    for (const auto& l : describeSyncStatus(zaal.worker->status(), nl, "zaal", clock.now().ms)) {
        page += l.label + ": " + l.value + "\n";
        if (l.label == "Kiosk deur") warned = !l.ok;
    }
    INFO(page);
    CHECK(page.find("Kiosk deur: laatst contact") != std::string::npos);
    CHECK(page.find("10 min 0 s vóór op de server (meer dan 2 minuten") != std::string::npos);
    CHECK(page.find("Kiosk zaal (deze): laatst contact") != std::string::npos);
    CHECK(page.find("gelijk met de server") != std::string::npos);
    CHECK(warned);

    const RunResult doctor = zaal.cli({"doctor"});
    INFO(doctor.out << doctor.err);
    CHECK(doctor.out.find("Centrale registratie: verbonden") != std::string::npos);
    CHECK(doctor.out.find("Kiosk deur: laatst contact") != std::string::npos);
    CHECK(doctor.out.find("10 min 0 s vóór op de server") != std::string::npos);
    CHECK(doctor.out.find("0 gebeurtenissen wachten") != std::string::npos);
}

TEST_CASE("doctor with the server down says so and how many events wait", "[central][live]") {
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur");
    LiveKiosk deur("deur", pDeur);
    REQUIRE(deur.cli({"checkin", "ZU01", "--at", "2026-11-26T08:55"}).exitCode == 0);
    REQUIRE(c.server.stop());
    const RunResult doctor = deur.cli({"doctor"});
    REQUIRE(c.server.start());
    INFO(doctor.out << doctor.err);
    CHECK(doctor.out.find("Centrale registratie: niet verbonden") != std::string::npos);
    CHECK(doctor.out.find("niet bereikbaar") != std::string::npos);
    CHECK(doctor.out.find("Wachtend: 1 gebeurtenis wacht") != std::string::npos);
}

}  // namespace kiosk::test

namespace kiosk::test {

TEST_CASE("the status board moves its version only for what a person would see", "[central][live]") {
    setenv("TZ", "Europe/Amsterdam", 1);  // Dutch local time, as the kiosk runs
    tzset();
    SyncStatusBoard board;
    SyncStatus s;
    s.enabled = true;
    CHECK(board.publish(s));
    const uint64_t v = board.version();
    s.lastSyncMs = 1'795'680'300'000;  // a sync that moved nothing: same page
    s.pushedTotal = 3;
    CHECK_FALSE(board.publish(s));
    CHECK(board.version() == v);
    s.kiosks = {{"deur", 1'795'680'300'000, 1'000}};
    CHECK(board.publish(s));  // a kiosk appears
    s.kiosks[0].lastSeenMs = 1'795'680'330'000;
    s.kiosks[0].clockOffsetMs = 1'500;
    CHECK_FALSE(board.publish(s));  // its last contact moved, its clock is still fine
    s.kiosks[0].clockOffsetMs = -3 * 60 * 1000;
    CHECK(board.publish(s));  // its clock is now 3 minutes behind: a warning
    s.waiting = 4;
    CHECK(board.publish(s));
    s.connected = true;
    CHECK(board.publish(s));
    CHECK(board.snapshot().waiting == 4);

    const Texts nl = dutch();
    std::string page;
    for (const auto& l : describeSyncStatus(board.snapshot(), nl, "zaal", 1'795'680'330'000))
        page += (l.ok ? "ok " : "!! ") + l.label + ": " + l.value + "\n";
    INFO(page);
    CHECK(page.find("ok Centrale registratie: verbonden\n") != std::string::npos);
    CHECK(page.find("ok Wachtend: 4 gebeurtenissen wachten op verzending\n") != std::string::npos);  // connected: on its way
    CHECK(page.find("!! Kiosk deur: laatst contact 09:05:30; klok 3 min 0 s achter op de server (meer dan 2 minuten)\n") !=
          std::string::npos);
    const auto off = describeSyncStatus(SyncStatus{}, nl, "zaal", 0);
    REQUIRE(off.size() == 1);
    CHECK(off[0].value == "uit: de registratie blijft op deze kiosk");
}

}  // namespace kiosk::test

namespace kiosk::test {

// The real kiosk (under Xvfb: `xvfb-run central_tests "[kiosk]"`) with a [central] url starts the
// sync thread itself, draws no extra frame for it while idle, exchanges check-ins both ways, and
// stops cleanly on SIGTERM.
TEST_CASE("the kiosk itself runs the sync thread: idle without frames, both ways, a clean stop", "[central][kiosk]") {
    REQUIRE(std::getenv("DISPLAY"));
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur"), pZaal = c.addKiosk("zaal");
    SystemClock clock;
    LiveKiosk deur("deur", pDeur), zaal("zaal", pZaal);
    zaal.start(clock);
    PgResult before = c.owner.exec("SELECT last_seen FROM kiosk WHERE id = 'deur'");
    const std::string seenBefore = before.text(0, 0);
    const std::string dump = (deur.dir / "frames.jsonl").string();
    const int pid = spawn({kBinary, "--config", (deur.dir / "config").string(), "--db", deur.db().string(), "--size",
                           "800x480", "--ui-dump", dump},
                          {{"TZ", "Europe/Amsterdam"}});
    REQUIRE(pid > 0);
    // Beside it, the same kiosk without a [central] url: the frames an idle kiosk draws anyway.
    TempDir off;
    std::filesystem::create_directories(off / "config");
    for (const auto& f : std::filesystem::directory_iterator(deur.dir / "config"))
        std::filesystem::copy_file(f.path(), off / "config" / f.path().filename());
    {
        std::string toml = readFileText(off / "config" / "kiosk.toml");
        const auto at = toml.find("url = \"" + pDeur.url + "\"");
        REQUIRE(at != std::string::npos);
        toml.replace(at, pDeur.url.size() + 8, "url = \"\"");
        std::ofstream((off / "config" / "kiosk.toml").string()) << toml;
    }
    const std::string offDump = (off / "frames.jsonl").string();
    const int offPid = spawn({kBinary, "--config", (off / "config").string(), "--db", (off / "attendance.db").string(),
                              "--size", "800x480", "--ui-dump", offDump},
                             {{"TZ", "Europe/Amsterdam"}});
    REQUIRE(offPid > 0);
    // Its sync thread made contact (the kiosk row's last contact moved)...
    CHECK(waitUntil(10'000, [&] {
              PgResult r = c.owner.exec("SELECT last_seen FROM kiosk WHERE id = 'deur'");
              return r.ok() && r.text(0, 0) != seenBefore;
          }) >= 0);
    auto frames = [&](const std::string& file) {
        std::istringstream in(readFile(file));
        std::string line;
        int n = 0;
        while (std::getline(in, line)) ++n;
        return n;
    };
    // ... and idle for 32 s (a slow poll of the server and 32 local checks fall in it) it drew no
    // more frames than the kiosk without sync (the home screen's clock, once a minute).
    // Both past their first frames (a start draws two; the sync thread may connect before the window is up).
    REQUIRE(waitUntil(15'000, [&] { return frames(dump) >= 2 && frames(offDump) >= 2; }) >= 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // settle; not an assertion
    const int onBefore = frames(dump), offBefore = frames(offDump);
    std::this_thread::sleep_for(std::chrono::seconds(32));
    const int idleOn = frames(dump) - onBefore, idleOff = frames(offDump) - offBefore;
    INFO("frames in 32 s idle: " << idleOn << " with sync, " << idleOff << " without");
    CHECK(idleOn <= idleOff);
    CHECK(idleOn <= 2);
    CHECK(stop(offPid) == 0);

    // A check-in written beside the kiosk (the command line) goes up and reaches the room kiosk...
    REQUIRE(deur.cli({"checkin", "ZU01", "--at", "2026-11-26T08:55"}).exitCode == 0);
    CHECK(waitUntil(3000, [&] { return countEvents(c.owner, "origin_kiosk = 'deur'") == 1; }) >= 0);
    CHECK(waitUntil(2000, [&] { return zaal.count("SELECT count(*) FROM central_pulled WHERE origin_kiosk = 'deur'") == 1; }) >= 0);
    // ... and one on the room kiosk reaches the door kiosk's database (its thread was woken by NOTIFY).
    LocalWriter other(zaal);
    const std::string id = other.write("ZU02", "2026-11-26 08:56");
    zaal.worker->poke();
    CHECK(waitUntil(2000, [&] { return deur.has(id); }) >= 0);

    const auto t0 = Steady::now();
    CHECK(stop(pid) == 0);
    CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now() - t0).count() < 6000);
}

}  // namespace kiosk::test
