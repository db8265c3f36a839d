// bench_central: the central record's bulk figures (issue 17, item 10), against a throwaway
// PostgreSQL 15 on a unix socket (tests/central/pg_server.h), printed, not timed by CI.
//
//   build/test/tests/bench/bench_central [--events N] [--queued N]
//
//   1. Catch-up: N events (default 100,000) from two other kiosks are on the server; a fresh kiosk
//      (a new SQLite file) pulls them all (pullOtherKiosks). Target: under 5 s.
//   2. Outage: the server is stopped, N events (default 10,000) are written on the kiosk (each marked
//      for upload by the trigger), the server is started; measured from its return (pg_ctl start
//      returned) to pushOutbox having committed every one. Target: within 10 s.
// Both use the functions `leergang-kiosk sync` runs, with the kiosk's own SQLite settings (WAL,
// synchronous=FULL), and check afterwards that every event arrived exactly once.
#include <sqlite3.h>
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench_stats.h"
#include "central/central_kiosk_role.h"
#include "central/central_schema.h"
#include "central/central_sync.h"
#include "central/pg_connection.h"
#include "core/clock.h"
#include "pg_server.h"
#include "store/attendance_db.h"
#include "store/central_outbox.h"
#include "store_test_support.h"

using namespace kiosk;
using namespace kiosk::bench;

namespace {

int fail(const std::string& what) {
    std::fprintf(stderr, "bench_central: %s\n", what.c_str());
    return 1;
}

// The owner writes `n` events for `origin` straight on the server (as its pushes would have).
bool seedServer(PgConnection& owner, const std::string& origin, int n) {
    PgResult r = owner.exec(
        "INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms, recorded_ms,"
        " local_date, source, kiosk_id) SELECT $1 || '-' || g, $1, g, 'ZU' || lpad((g % 15 + 1)::text, 2, '0'),"
        " CASE WHEN g % 2 = 0 THEN 'check_in' ELSE 'check_out' END, 1795680300000 + g, 1795680300000 + g,"
        " '2026-11-26'::date - (g / 2000), 'kiosk', $1 FROM generate_series(1, $2::int) g",
        {origin, std::to_string(n)});
    if (!r.ok()) std::fprintf(stderr, "%s\n", r.error().c_str());
    return r.ok();
}

long long sqliteCount(const std::filesystem::path& file, const char* sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open(file.c_str(), &db) != SQLITE_OK) return -1;
    sqlite3_stmt* st = nullptr;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

// CPU seconds this process has used (user + system): the load of other programs on a shared
// machine stretches the wall time, not this.
double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    int events = 100000, queued = 10000;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--events") events = std::atoi(argv[i + 1]);
        if (std::string(argv[i]) == "--queued") queued = std::atoi(argv[i + 1]);
    }
    test::PgServer& server = test::PgServer::get();
    if (!server.ok()) return fail(server.error());
    const std::string db = server.freshDatabase();
    PgConnection owner;
    if (const std::string e = owner.connect(server.ownerUrl(db)); !e.empty()) return fail(e);
    if (!applyCentralSchema(owner).ok) return fail("central schema");
    AddKioskResult roles[3];
    const char* ids[3] = {"deur", "zaal", "nieuw"};
    for (int i = 0; i < 3; ++i)
        if (roles[i] = addCentralKiosk(owner, ids[i]); !roles[i].ok) return fail(roles[i].error);
    if (!seedServer(owner, "deur", events / 2) || !seedServer(owner, "zaal", events - events / 2))
        return fail("seeding the server");

    SystemClock clock;
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    {
        AttendanceDb fresh;
        if (!fresh.open(file, clock.now()).status.ok()) return fail("opening a fresh kiosk database");
    }
    CentralOutbox outbox;
    if (auto s = outbox.open(file); !s.ok()) return fail(s.detail);
    PgConnection kiosk;
    if (const std::string e = kiosk.connect(server.urlAs(db, centralRoleName("nieuw")), roles[2].password); !e.empty())
        return fail(e);

    // 1. Catch-up.
    auto t0 = Stopwatch::now();
    double cpu0 = cpuSeconds();
    const PullReport pull = pullOtherKiosks(kiosk, outbox, "nieuw", clock.now().ms);
    const double catchUpMs = ms(Stopwatch::now() - t0), catchUpCpu = cpuSeconds() - cpu0;
    if (!pull.ok) return fail(pull.error);
    const long long local = sqliteCount(file, "SELECT count(*) FROM attendance_event");
    std::printf("Catch-up of %d central events by a fresh kiosk: %.2f s (target < 5 s), %.2f s CPU of the kiosk's process;"
                " %lld new, %lld stored\n", events, catchUpMs / 1000, catchUpCpu, static_cast<long long>(pull.inserted), local);
    t0 = Stopwatch::now();
    const PullReport again = pullOtherKiosks(kiosk, outbox, "nieuw", clock.now().ms);
    std::printf("  a second pull right after: %.0f ms, %lld new\n", ms(Stopwatch::now() - t0),
                static_cast<long long>(again.inserted));
    if (local != events || pull.inserted != events || again.inserted != 0) return fail("catch-up lost or doubled events");

    // 2. An outage: events queue on the kiosk, then the server returns.
    kiosk.close();
    if (!server.stop()) return fail(server.error());
    {
        sqlite3* raw = nullptr;
        if (sqlite3_open(file.c_str(), &raw) != SQLITE_OK) return fail("sqlite");
        sqlite3_exec(raw, "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(raw, "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date,"
                                " source, kiosk_id) VALUES ('queued-' || ?1, 'ZU01', 'check_in', 1795680300000 + ?1,"
                                " 1795680300000, '2026-11-26', 'kiosk', 'nieuw')", -1, &st, nullptr);
        for (int i = 0; i < queued; ++i) {
            sqlite3_bind_int(st, 1, i);
            if (sqlite3_step(st) != SQLITE_DONE) return fail(sqlite3_errmsg(raw));
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
        sqlite3_exec(raw, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(raw);
    }
    if (!server.start()) return fail(server.error());
    t0 = Stopwatch::now();
    cpu0 = cpuSeconds();
    if (const std::string e = kiosk.connect(server.urlAs(db, centralRoleName("nieuw")), roles[2].password); !e.empty())
        return fail(e);
    const PushReport push = pushOutbox(kiosk, outbox, "nieuw", clock);
    const double uploadMs = ms(Stopwatch::now() - t0), uploadCpu = cpuSeconds() - cpu0;
    if (!push.ok) return fail(push.error);
    if (!owner.connect(server.ownerUrl(db)).empty()) return fail("owner reconnect");
    const long long onServer = owner.exec("SELECT count(*) FROM attendance_event WHERE origin_kiosk = 'nieuw'").integer(0, 0);
    std::printf("%d events queued during an outage, uploaded after the server's return: %.2f s (target < 10 s),"
                " %.2f s CPU; %lld on the server\n", queued, uploadMs / 1000, uploadCpu, onServer);
    int64_t waiting = -1;
    outbox.countWaiting(waiting);
    if (onServer != queued || waiting != 0) return fail("upload lost or doubled events");
    return 0;
}
