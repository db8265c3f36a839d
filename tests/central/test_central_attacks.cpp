// A stolen kiosk's credentials against the real server (issue 28, "done when"): the attacker is the
// kiosk role `mallory` of cohort deventer-2026, logged in with the password central-setup gave it,
// trying each attack of the issue by hand as psql would. Each TEST_CASE is one kind of attack; each
// asserts that the server refused it or that it changed nothing anyone sees, and then that the
// Zutphen kiosks `deur` and `zaal` (the real binary, their own SQLite files) still sync: a new
// check-in at the door reaches the room. The model being tested: central_schema.h, SECURITY MODEL.
#include <chrono>
#include <memory>
#include <thread>

#include "central/central_kiosk_role.h"
#include "central/sync_worker.h"
#include "central_kiosk.h"
#include "core/text_catalogue.h"

namespace kiosk::test {
namespace {

using Steady = std::chrono::steady_clock;

struct Attack {
    CentralDb c;
    PrintedKiosk mallory = c.addKiosk("mallory", {"deventer-2026"});
    PrintedKiosk pZaal = c.addKiosk("zaal");
    Kiosk deur{"deur", c.addKiosk("deur")};
    Kiosk zaal{"zaal", pZaal};
    PgConnection m;  // the attacker's session
    std::string deurCheckIn;  // the id of deur's first check-in, as the server holds it
    int next = 6;  // each check that the others still sync checks in a participant not yet inside

    Attack() {
        REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);
        REQUIRE(deur.sync().exitCode == 0);  // releases the sample roster as version 1, pushes
        REQUIRE(zaal.sync().exitCode == 0);
        REQUIRE(zaal.localEvents() == 1);
        deurCheckIn = c.owner.exec("SELECT id FROM attendance_event WHERE origin_kiosk = 'deur'").text(0, 0);
        c.connectAs(m, mallory);
    }
    // An event row as mallory would write it by hand; `extra` columns and values appended.
    PgResult forge(const std::string& origin, const std::string& kioskId, const std::optional<std::string>& code,
                   const std::string& kind = "check_in", const std::string& refersTo = "", const std::string& guestName = "") {
        return m.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms, recorded_ms,"
                      " local_date, source, kiosk_id, reason, actor, refers_to, guest_name) VALUES (md5(random()::text), $1,"
                      " (SELECT coalesce(max(origin_seq), 0) + 1 FROM attendance_event), $2, $3, 1795680300000,"
                      " 1795680300000, '2026-11-26', 'staff', $4, 'gecorrigeerd', 'Beheer', $5, $6)",
                      {origin, code, kind, kioskId, refersTo, guestName});
    }
    // The Zutphen kiosks still work: a new check-in at the door reaches the room within seconds.
    void othersKeepSyncing() {
        const auto start = Steady::now();
        const int n = next++;
        const std::string code = std::string(n < 10 ? "ZU0" : "ZU") + std::to_string(n);
        const long long before = zaal.localEvents();
        REQUIRE(deur.checkIn(code, "2026-11-26T10:" + std::to_string(10 + n)).exitCode == 0);
        const RunResult pushed = deur.sync();
        INFO(pushed.out << pushed.err);
        CHECK(pushed.exitCode == 0);
        const RunResult pulled = zaal.sync();
        INFO(pulled.out << pulled.err);
        CHECK(pulled.exitCode == 0);
        CHECK(zaal.localEvents() == before + 1);
        CHECK(Steady::now() - start < std::chrono::seconds(10));
        // Anna's morning check-in is still hers on both kiosks.
        for (const Kiosk* k : {&deur, &zaal}) CHECK(rowOf(k->presenceList(), "Anna").find("09:05") != std::string::npos);
    }
    long long mallorySees(const std::string& sql) {
        PgResult r = m.exec(sql);
        REQUIRE(r.ok());
        return r.integer(0, 0);
    }
};

}  // namespace

TEST_CASE("attack: read another cohort's roster, e-mail addresses and events", "[central][attacks]") {
    Attack a;
    for (const char* table : {"attendance_event", "roster_release", "roster_release_row", "roster", "kiosk_database"})
        CHECK(a.mallorySees(std::string("SELECT count(*) FROM ") + table) == 0);
    CHECK(a.c.owner.exec("SELECT count(*) FROM kiosk_database").integer(0, 0) == 2);  // deur's and zaal's boxes
    CHECK_FALSE(a.m.exec("SELECT * FROM cohort_release_counter").ok());
    CHECK(a.c.owner.exec("SELECT count(*) FROM roster_release_row").integer(0, 0) == 14);
    // Not even through the group role or the membership table.
    CHECK_FALSE(a.m.exec("SELECT * FROM kiosk_cohort").ok());
    REQUIRE(a.m.exec("SET ROLE leergang_kiosks").ok());
    CHECK(a.mallorySees("SELECT count(*) FROM attendance_event") == 0);
    CHECK(a.mallorySees("SELECT count(*) FROM roster_release_row") == 0);
    REQUIRE(a.m.exec("RESET ROLE").ok());
    // No e-mail address is on the server at all (they stay on the kiosk that imported them).
    CHECK(a.c.owner.exec("SELECT count(*) FROM information_schema.columns WHERE column_name = 'email'").integer(0, 0) == 0);
    a.othersKeepSyncing();
}

TEST_CASE("attack: undo or correct another cohort's check-in", "[central][attacks]") {
    Attack a;
    SECTION("an undo naming deur's check-in, about Anna") {
        PgResult r = a.forge("mallory", "mallory", std::string("ZU01"), "undo", a.deurCheckIn);
        CHECK(r.sqlState() == "42501");
    }
    SECTION("an undo naming deur's check-in, as a walk-in review without a code") {
        PgResult r = a.forge("mallory", "mallory", std::nullopt, "guest_registration", a.deurCheckIn);
        CHECK(r.sqlState() == "42501");
    }
    SECTION("a correction with zaal's kiosk id and a made-up actor") {
        CHECK(a.forge("mallory", "zaal", std::string("ZU02"), "correction").sqlState() == "42501");
        CHECK(a.forge("zaal", "zaal", std::string("ZU02"), "correction").sqlState() == "42501");
    }
    CHECK(countEvents(a.c.owner) == 1);
    a.othersKeepSyncing();
    CHECK(a.zaal.presenceList().find("gecorrigeerd") == std::string::npos);
    // Within one cohort it is allowed: the room may undo a check-in made at the door.
    PgConnection room;
    a.c.connectAs(room, a.pZaal);
    PgResult undo = room.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                              " recorded_ms, local_date, source, kiosk_id, refers_to) VALUES ('undo-1', 'zaal', 900, 'ZU01',"
                              " 'undo', 1795680300000, 1795680300000, '2026-11-26', 'kiosk', 'zaal', $1)", {a.deurCheckIn});
    INFO(undo.error());
    CHECK(undo.ok());
}

TEST_CASE("attack: insert for another cohort's participant, forge kiosk_id or the cohort", "[central][attacks]") {
    Attack a;
    CHECK(a.forge("mallory", "mallory", std::string("ZU02")).sqlState() == "42501");  // not in its releases
    CHECK(a.forge("deur", "deur", std::string("ZU02")).sqlState() == "42501");        // another origin
    CHECK(a.forge("mallory", "deur", std::nullopt, "guest_registration", "", "Gast").sqlState() == "42501");
    PgResult cohort = a.m.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                               " recorded_ms, local_date, source, kiosk_id, cohort) VALUES ('x', 'mallory', 1, 'ZU02',"
                               " 'check_in', 1, 1, '2026-11-26', 'kiosk', 'mallory', 'zutphen-2026')");
    CHECK(cohort.sqlState() == "42501");  // the column is not granted: the server decides the cohort
    // What it may write lands in its own cohort, which Zutphen never sees.
    REQUIRE(a.forge("mallory", "mallory", std::nullopt, "guest_registration", "", "Gast").ok());
    CHECK(a.c.owner.exec("SELECT cohort FROM attendance_event WHERE origin_kiosk = 'mallory'").text(0, 0) == "deventer-2026");
    a.othersKeepSyncing();
    CHECK(a.zaal.sqliteCount("SELECT count(*) FROM attendance_event WHERE kiosk_id = 'mallory'") == 0);
}

// R3's cohort term, where the roster term cannot stand in for it: a walk-in names no participant,
// and a kiosk without a group has no "first cohort" for the trigger to give it (NULL). The README
// and central_setup.cohorts_none promise such a kiosk "reads and writes nothing": one just added
// without --cohort, or a stolen box whose groups the organiser took away with --set-cohorts. A
// cohort-less row would be seen by nobody, and handed to the kiosk's first group by the next
// --set-cohorts (central_kiosk_role.h, contract 5). No real kiosks needed: nothing else is touched.
TEST_CASE("central_schema R3: a kiosk that serves no group writes no event, not even a walk-in", "[central][attacks]") {
    CentralDb c;
    const PrintedKiosk fresh = c.addKiosk("nieuw", {});
    const PrintedKiosk stolen = c.addKiosk("mallory", {"deventer-2026"});
    int seq = 0;  // a new number each time: a refusal is the policy's, never the series' unique key
    auto walkIn = [&seq](PgConnection& as, const std::string& kioskId, const std::string& refersTo = "") {
        return as.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, kind, at_ms, recorded_ms, local_date,"
                       " source, kiosk_id, refers_to, guest_name) VALUES (md5(random()::text), $1, $2::bigint,"
                       " 'guest_registration', 1795680300000, 1795680300000, '2026-11-26', 'kiosk', $1, $3, 'Gast')",
                       {kioskId, std::to_string(++seq), refersTo});
    };
    PgConnection m;
    c.connectAs(m, stolen);
    PgResult before = walkIn(m, "mallory");  // the same statement passes while it serves a group
    INFO(before.error());
    REQUIRE(before.ok());
    const RunResult taken = centralSetup(c.server.ownerUrl(c.db), {"--set-cohorts", "mallory"});
    INFO(taken.err);
    REQUIRE(taken.exitCode == 0);
    CHECK(walkIn(m, "mallory").sqlState() == "42501");
    CHECK(walkIn(m, "mallory", "not-held-yet").sqlState() == "42501");  // a review of an id the server lacks
    PgConnection n;
    c.connectAs(n, fresh);
    CHECK(walkIn(n, "nieuw").sqlState() == "42501");
    CHECK(walkIn(n, "nieuw", "not-held-yet").sqlState() == "42501");
    CHECK(countEvents(c.owner) == 1);
    CHECK(countEvents(c.owner, "cohort IS NULL") == 0);
    // Given a group later, the kiosk finds nothing planted in it.
    REQUIRE(centralSetup(c.server.ownerUrl(c.db), {"--set-cohorts", "nieuw", "--cohort", "zutphen-2026"}).exitCode == 0);
    CHECK(countEvents(c.owner, "cohort = 'zutphen-2026'") == 0);
}

// The re-offer of issue 27 (a kiosk gives a restored server back another kiosk's events it pulled,
// signed offered_by) is a second way in: the same confinement holds for it (SECURITY MODEL R13).
TEST_CASE("attack: a re-offer into another cohort's series, under a forged kiosk_id, or below the top", "[central][attacks]") {
    Attack a;
    a.c.addKiosk("dv", {"deventer-2026"});  // a Deventer peer of mallory's, with one walk-in on the server
    REQUIRE(a.c.owner.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, kind, at_ms, recorded_ms, local_date,"
                           " source, kiosk_id, guest_name, cohort) VALUES ('dv-1', 'dv', 5, 'guest_registration',"
                           " 1795680300000, 1795680300000, '2026-11-26', 'kiosk', 'dv', 'Gast', 'deventer-2026')").ok());
    const std::string deurEpoch = a.c.owner.exec("SELECT origin_epoch::text FROM attendance_event WHERE id = $1", {a.deurCheckIn}).text(0, 0);
    auto reoffer = [&](const std::string& origin, const std::string& epoch, int seq, const std::string& kioskId,
                       const std::optional<std::string>& code, const std::string& offeredBy = "mallory") {
        return a.m.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_epoch, origin_seq, participant_code, kind,"
                        " at_ms, recorded_ms, local_date, source, kiosk_id, guest_name, offered_by) VALUES"
                        " (md5(random()::text), $1, $2::bigint, $3::bigint, $4, $5, 1795680300000, 1795680300000,"
                        " '2026-11-26', 'kiosk', $6, 'Gast', $7)",
                        {origin, epoch, std::to_string(seq), code, code ? "check_in" : "guest_registration", kioskId, offeredBy});
    };
    CHECK(reoffer("deur", deurEpoch, 50, "deur", std::string("ZU05")).sqlState() == "42501");  // Zutphen's person
    CHECK(reoffer("deur", deurEpoch, 50, "deur", std::nullopt).sqlState() == "42501");  // a walk-in into deur's series
    CHECK(reoffer("dv", "0", 6, "zaal", std::nullopt).sqlState() == "42501");           // a forged kiosk_id
    CHECK(reoffer("dv", "0", 6, "dv", std::nullopt, "dv").sqlState() == "42501");      // signed as another kiosk
    CHECK(reoffer("dv", "0", 5, "dv", std::nullopt).sqlState() == "42501");            // at the top, not above
    CHECK(reoffer("dv", "0", 3, "dv", std::nullopt).sqlState() == "42501");            // under it
    CHECK(countEvents(a.c.owner) == 2);
    // What survive needs stays allowed: above the top of a series of its own cohort, signed as itself.
    PgResult lost = reoffer("dv", "0", 6, "dv", std::nullopt);
    INFO(lost.error());
    CHECK(lost.ok());
    CHECK(countEvents(a.c.owner, "origin_kiosk = 'dv' AND offered_by = 'mallory' AND cohort = 'deventer-2026'") == 1);
    a.othersKeepSyncing();
    CHECK(a.zaal.sqliteCount("SELECT count(*) FROM attendance_event WHERE kiosk_id IN ('dv', 'mallory')") == 0);
}

TEST_CASE("attack: a roster release for another cohort, or at version 2^63-1", "[central][attacks]") {
    Attack a;
    const std::string max = "9223372036854775807";
    SECTION("another cohort's release is refused before its counter is touched") {
        PgResult r = a.m.exec("INSERT INTO roster_release (cohort, version, origin_kiosk, people)"
                              " VALUES ('zutphen-2026', " + max + ", 'mallory', 1)");
        CHECK(r.sqlState() == "42501");
        CHECK(a.c.owner.exec("SELECT last_version FROM cohort_release_counter WHERE cohort = 'zutphen-2026'").text(0, 0) == "1");
    }
    SECTION("its own cohort at 2^63-1: the server numbers it 1, then 2") {
        for (const char* expected : {"1", "2"}) {
            REQUIRE(a.m.exec("BEGIN").ok());
            PgResult rel = a.m.exec("INSERT INTO roster_release (cohort, version, origin_kiosk, people)"
                                    " VALUES ('deventer-2026', " + max + ", 'mallory', 1) RETURNING version");
            REQUIRE(rel.ok());
            CHECK(rel.text(0, 0) == expected);
            // A row for the version it asked for has no release to go into.
            CHECK_FALSE(a.m.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name)"
                                 " VALUES ('deventer-2026', " + max + ", 'DV01', 'Mallory', 'Vals')").ok());
            a.m.exec("ROLLBACK");
            REQUIRE(a.m.exec("BEGIN").ok());
            REQUIRE(a.m.exec("INSERT INTO roster_release (cohort, origin_kiosk, people) VALUES ('deventer-2026', 'mallory', 1)").ok());
            REQUIRE(a.m.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name) VALUES"
                             " ('deventer-2026', (SELECT max(version) FROM roster_release), 'DV01', 'Mallory', 'Vals')").ok());
            REQUIRE(a.m.exec("COMMIT").ok());
        }
        CHECK(a.c.owner.exec("SELECT max(version) FROM roster_release WHERE cohort = 'deventer-2026'").text(0, 0) == "2");
    }
    SECTION("a release announcing 14 people with 1 row, or rows added to an old release, do not commit") {
        REQUIRE(a.m.exec("BEGIN").ok());
        REQUIRE(a.m.exec("INSERT INTO roster_release (cohort, origin_kiosk, people) VALUES ('deventer-2026', 'mallory', 14)").ok());
        REQUIRE(a.m.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name)"
                         " VALUES ('deventer-2026', 1, 'DV01', 'Mallory', 'Vals')").ok());
        CHECK_FALSE(a.m.exec("COMMIT").ok());
        CHECK(a.c.owner.exec("SELECT count(*) FROM roster_release WHERE cohort = 'deventer-2026'").integer(0, 0) == 0);
    }
    // Zutphen's roster is as deur released it, and deur can still release the next version.
    CHECK(a.c.owner.exec("SELECT count(*) FROM roster WHERE cohort = 'zutphen-2026'").integer(0, 0) == 14);
    a.othersKeepSyncing();
}

TEST_CASE("attack: a huge text in a guest name, a reason or a roster row", "[central][attacks]") {
    Attack a;
    const std::string tenMb(10 * 1024 * 1024, 'x');
    CHECK(a.forge("mallory", "mallory", std::nullopt, "guest_registration", "", tenMb).sqlState() == "23514");
    CHECK(a.forge("mallory", "mallory", std::nullopt, "guest_registration", "", std::string(101, 'x')).sqlState() == "23514");
    CHECK(a.forge("mallory", "mallory", std::nullopt, "guest_registration", "", std::string(100, 'x')).ok());
    REQUIRE(a.m.exec("BEGIN").ok());
    REQUIRE(a.m.exec("INSERT INTO roster_release (cohort, origin_kiosk, people) VALUES ('deventer-2026', 'mallory', 1)").ok());
    CHECK(a.m.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name)"
                   " VALUES ('deventer-2026', 1, 'DV01', repeat('x', 101), 'Vals')").sqlState() == "23514");
    a.m.exec("ROLLBACK");
    a.othersKeepSyncing();
}

TEST_CASE("attack: a row stored before the limits existed is not kept by a pulling kiosk", "[central][attacks]") {
    Attack a;
    // As an older server would hold it: the owner lifts the limit, writes, and puts it back.
    REQUIRE(a.c.owner.exec("ALTER TABLE attendance_event DROP CONSTRAINT attendance_event_text_limits").ok());
    REQUIRE(a.c.owner.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                           " recorded_ms, local_date, source, kiosk_id, guest_name, cohort) VALUES ('huge', 'deur', 900,"
                           " NULL, 'guest_registration', 1795680300000, 1795680300000, '2026-11-26', 'kiosk', 'deur',"
                           " repeat('x', 1000000), 'zutphen-2026')").ok());
    const RunResult r = a.zaal.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.err.find("1 opgehaalde gebeurtenis niet bewaard") != std::string::npos);
    CHECK(a.zaal.sqliteCount("SELECT count(*) FROM attendance_event WHERE id = 'huge'") == 0);
    CHECK(a.zaal.sqliteCount("SELECT max(length(guest_name)) FROM attendance_event") <= 100);
    a.othersKeepSyncing();
}

TEST_CASE("attack: hold a lock while the other kiosks release and push", "[central][attacks]") {
    Attack a;
    // Locks that would have stopped everyone: refused (any table lock, any row lock).
    for (const char* lock : {"LOCK TABLE kiosk IN ACCESS EXCLUSIVE MODE", "LOCK TABLE attendance_event IN SHARE MODE",
                             "LOCK TABLE attendance_event IN ROW EXCLUSIVE MODE", "LOCK TABLE roster_release IN EXCLUSIVE MODE",
                             "LOCK TABLE kiosk_database IN SHARE MODE", "LOCK TABLE central_cutoff IN EXCLUSIVE MODE",
                             "LOCK TABLE schema_version IN EXCLUSIVE MODE", "LOCK TABLE cohort_release_counter IN SHARE MODE",
                             "SELECT * FROM attendance_event FOR KEY SHARE", "SELECT * FROM kiosk FOR UPDATE",
                             "SELECT * FROM central_cutoff FOR SHARE"}) {
        REQUIRE(a.m.exec("BEGIN").ok());
        INFO(lock);
        CHECK(a.m.exec(lock).sqlState() == "42501");
        a.m.exec("ROLLBACK");
    }
    // The row locks its stamp grant allows reach its own rows only (deur's and zaal's are not seen).
    REQUIRE(a.m.exec("INSERT INTO kiosk_database (kiosk_id, origin_epoch, box) VALUES ('mallory', 1, 'kast')").ok());
    REQUIRE(a.m.exec("BEGIN").ok());
    PgResult rows = a.m.exec("SELECT kiosk_id FROM kiosk_database FOR UPDATE");
    REQUIRE(rows.ok());
    CHECK(rows.rows() == 1);
    // What it may hold, held open, its timeouts turned off: the old release lock, its own cohort's
    // counter row, its own kiosk_database row and an insert of its own.
    REQUIRE(a.m.exec("SET statement_timeout = 0").ok());
    REQUIRE(a.m.exec("SET idle_in_transaction_session_timeout = 0").ok());
    REQUIRE(a.m.exec("SELECT pg_advisory_lock(7317018)").ok());
    REQUIRE(a.m.exec("INSERT INTO roster_release (cohort, origin_kiosk, people) VALUES ('deventer-2026', 'mallory', 1)").ok());
    REQUIRE(a.forge("mallory", "mallory", std::nullopt, "guest_registration", "", "Gast").ok());
    // Meanwhile deur imports a new list (released at once) and both kiosks sync as usual.
    writeFile((a.deur.dir / "nieuw.csv").string(), readFile(kSource + "/config/participants.csv") +
                                                       "ZU99;Fenna;;Jansen;HR;zutphen-2026;\n");
    const auto start = Steady::now();
    const RunResult imported = a.deur.cli({"import-roster", (a.deur.dir / "nieuw.csv").string()});
    INFO(imported.out << imported.err);
    CHECK(imported.exitCode == 0);
    CHECK(imported.out.find("gestuurd als versie 2") != std::string::npos);
    CHECK(Steady::now() - start < std::chrono::seconds(5));
    a.othersKeepSyncing();
    CHECK(a.zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU99' AND active = 1") == 1);
    a.m.exec("ROLLBACK");
}

TEST_CASE("attack: flood NOTIFY while a kiosk's sync thread listens", "[central][attacks]") {
    Attack a;
    SystemClock clock;
    Problems ignored;
    Texts texts(Catalogue::parse(readFile(kSource + "/assets/text/nl.txt"), "nl.txt", ignored),
                Catalogue::parse(readFile(kSource + "/assets/text/en.txt"), "en.txt", ignored), Lang::nl);
    SyncWorkerOptions o;
    o.url = a.pZaal.url;
    o.passwordFile = (a.zaal.dir / "central-password").string();
    o.kioskId = "zaal";
    o.dbPath = a.zaal.dir / "attendance.db";
    auto worker = std::make_unique<SyncWorker>(o, clock, texts, [] {});
    const auto connected = Steady::now();
    while (worker->syncsDone() == 0 && Steady::now() - connected < std::chrono::seconds(10))
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(worker->syncsDone() > 0);
    // Nor can it end or cancel the listening kiosk's session, nor read what it runs.
    for (const char* signal : {"pg_terminate_backend", "pg_cancel_backend"}) {
        PgResult r = a.m.exec(std::string("SELECT ") + signal + "(pid) FROM pg_stat_activity WHERE usename = 'kiosk_zaal'");
        INFO(signal);
        CHECK(r.sqlState() == "42501");
    }
    CHECK(a.m.exec("SELECT count(*) FROM pg_stat_activity WHERE usename = 'kiosk_zaal' AND query NOT LIKE '<insufficient%'")
              .integer(0, 0) == 0);
    // Three seconds of NOTIFYs, as fast as one connection sends them, each looking like Zutphen's.
    const uint64_t before = worker->pullsDone();
    const auto start = Steady::now();
    long long sent = 0;
    while (Steady::now() - start < std::chrono::seconds(3)) {
        // Distinct payloads: PostgreSQL folds identical ones within a transaction.
        REQUIRE(a.m.exec("SELECT pg_notify('attendance_event', 'deur zutphen-2026 ' || g) FROM generate_series(1, 50) g").ok());
        sent += 50;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    const uint64_t pulls = worker->pullsDone() - before;
    INFO(sent << " NOTIFYs, " << pulls << " pulls");
    CHECK(sent > 1000);
    CHECK(pulls <= static_cast<uint64_t>(3 * 1000 / o.notifyGapMs + 2));  // at most 2 a second, whatever the flood
    // The door's real check-in still arrives at the room's running kiosk.
    REQUIRE(a.deur.checkIn("ZU05", "2026-11-26T10:30").exitCode == 0);
    REQUIRE(a.deur.sync().exitCode == 0);
    const auto waitStart = Steady::now();
    while (a.zaal.localEvents() < 2 && Steady::now() - waitStart < std::chrono::seconds(5))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(a.zaal.localEvents() == 2);
    worker.reset();
    a.othersKeepSyncing();
}

TEST_CASE("attack: open many connections, make TEMP tables or objects, turn the limits off", "[central][attacks]") {
    Attack a;
    SECTION("connections beyond the role's limit are refused; the other kiosks still connect") {
        std::vector<std::unique_ptr<PgConnection>> held;
        int refused = 0;
        for (int i = 0; i < 10; ++i) {
            auto extra = std::make_unique<PgConnection>();
            if (extra->connect(a.mallory.url, a.mallory.password).empty()) held.push_back(std::move(extra));
            else ++refused;
        }
        CHECK(held.size() + 1 == static_cast<size_t>(kKioskRoleLimits.connections));
        CHECK(refused == 10 - static_cast<int>(held.size()));
        a.othersKeepSyncing();
    }
    SECTION("no TEMP table, no table, no function") {
        CHECK(a.m.exec("CREATE TEMP TABLE t (x int)").sqlState() == "42501");
        CHECK(a.m.exec("CREATE TABLE public.t (x int)").sqlState() == "42501");
        CHECK(a.m.exec("CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'").sqlState() == "42501");
        CHECK_FALSE(a.m.exec("ALTER ROLE kiosk_mallory CONNECTION LIMIT -1").ok());
        a.othersKeepSyncing();
    }
    SECTION("the role's timeouts are set for every session") {
        CHECK(a.m.exec("SHOW statement_timeout").text(0, 0) == "30s");
        CHECK(a.m.exec("SHOW lock_timeout").text(0, 0) == "5s");
        CHECK(a.m.exec("SHOW idle_in_transaction_session_timeout").text(0, 0) == "30s");
    }
}

}  // namespace kiosk::test
