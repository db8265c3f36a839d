// bench_central_live: the sync thread's figures (issue 17, item 10; central/sync_worker.h).
//
//   build/test/tests/bench/bench_central_live [--n 200] [--idle 30]
//
// A throwaway PostgreSQL 15 on a unix socket (tests/central/pg_server.h), `central-setup` and two
// kiosks ("deur", "zaal") with their own config folders and SQLite files, each with its sync thread.
//   1. A to B: a check-in committed on A by a second SQLite connection (as the store thread does),
//      then A's thread poked (as the session does when the store reports the commit), at a random
//      moment; measured from the commit returning until B's sync thread reports it pulled into B's
//      SQLite. (The store thread then folds it into B's screen within its 500 ms data_version poll:
//      bench_other_writer measures that part.) Target: p99 <= 2 s.
//   2. Idle CPU of this process over --idle seconds with no sync thread, then with both threads
//      running and idle (slow poll 30 s, local check 1 s), from getrusage(RUSAGE_SELF): the bench's
//      own main thread only sleeps. Target: < 0.1 % of a core.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "bench_stats.h"
#include "central/sync_worker.h"
#include "pg_server.h"
#include "process.h"
#include "store/attendance_db.h"
#include "store_test_support.h"

using namespace kiosk;
using namespace kiosk::bench;

namespace {

const std::string kSource = KIOSK_SOURCE_DIR;
const std::string kBinary = KIOSK_BINARY;

[[noreturn]] void die(const std::string& why) {
    std::fprintf(stderr, "bench_central_live: %s\n", why.c_str());
    std::exit(1);
}

std::string readAll(const std::filesystem::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

struct BenchKiosk {
    test::TempDir dir;
    std::string id;
    std::string url;  // as central-setup printed it for this kiosk's kiosk.toml
    std::unique_ptr<SyncWorker> worker;

    BenchKiosk(const std::string& kioskId, const std::string& ownerUrl) : id(kioskId) {
        const test::RunResult added =
            test::run({kBinary, "central-setup", "--url", ownerUrl, "--add-kiosk", id, "--cohort", "zutphen-2026"});
        if (added.exitCode != 0) die("central-setup --add-kiosk: " + added.err);
        std::string password, line;
        std::istringstream in(added.out);
        while (std::getline(in, line)) {
            if (line.rfind("url = \"", 0) == 0) url = line.substr(7, line.size() - 8);
            if (!line.empty()) password = line;
        }
        std::filesystem::create_directories(dir / "config");
        for (const char* f : {"programme.toml", "exercises.toml", "participants.csv"})
            std::filesystem::copy_file(kSource + "/config/" + f, dir / "config" / f);
        std::string toml = readAll(kSource + "/config/kiosk.toml");
        auto replace = [&](const std::string& from, const std::string& to) {
            const auto at = toml.find(from);
            if (at == std::string::npos) die("sample kiosk.toml lacks " + from);
            toml.replace(at, from.size(), to);
        };
        replace("id = \"entree\"", "id = \"" + id + "\"");
        replace("url = \"\"", "url = \"" + url + "\"");
        replace("password_file = \"\"", "password_file = \"" + (dir / "pw").string() + "\"");
        std::ofstream((dir / "config" / "kiosk.toml").string()) << toml;
        std::ofstream((dir / "pw").string()) << password << "\n";
        std::filesystem::permissions(dir / "pw", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        const test::RunResult first = test::run({kBinary, "sync", "--config", (dir / "config").string(), "--db", db().string()},
                                                {{"TZ", "Europe/Amsterdam"}});
        if (first.exitCode != 0) die("first sync of " + id + ": " + first.err);
    }
    std::filesystem::path db() const { return dir / "attendance.db"; }
    void start(const Clock& clock) {
        SyncWorkerOptions o;
        o.url = url;
        o.passwordFile = (dir / "pw").string();
        o.kioskId = id;
        o.dbPath = db();
        Problems ignored;
        Texts texts(Catalogue::parse(readAll(kSource + "/assets/text/nl.txt"), "nl.txt", ignored),
                    Catalogue::parse(readAll(kSource + "/assets/text/en.txt"), "en.txt", ignored), Lang::nl);
        worker = std::make_unique<SyncWorker>(o, clock, texts, [] {});
        const auto until = Stopwatch::now() + std::chrono::seconds(10);
        while (worker->syncsDone() == 0)
            if (Stopwatch::now() > until) die(id + ": the sync thread did not connect: " + worker->status().errorDetail);
            else std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
};

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Percent of one core this process used over `seconds` of sleeping.
double idleCpuPercent(int seconds) {
    const double before = cpuSeconds();
    const auto t0 = Stopwatch::now();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const double wall = std::chrono::duration<double>(Stopwatch::now() - t0).count();
    return 100.0 * (cpuSeconds() - before) / wall;
}

}  // namespace

int main(int argc, char** argv) {
    int n = 200, idle = 30;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--n") n = std::atoi(argv[i + 1]);
        if (std::string(argv[i]) == "--idle") idle = std::atoi(argv[i + 1]);
    }
    test::PgServer& server = test::PgServer::get();
    if (!server.ok()) die(server.error());
    const std::string db = server.freshDatabase();
    const test::RunResult setup = test::run({kBinary, "central-setup", "--url", server.ownerUrl(db)});
    if (setup.exitCode != 0) die("central-setup: " + setup.err);
    SystemClock clock;  // before the kiosks: their threads read it until they stop
    BenchKiosk deur("deur", server.ownerUrl(db)), zaal("zaal", server.ownerUrl(db));

    std::printf("idle CPU, no sync thread:        %.4f %% of a core over %d s\n", idleCpuPercent(idle), idle);
    deur.start(clock);
    zaal.start(clock);
    std::printf("idle CPU, two idle sync threads: %.4f %% of a core over %d s (slow poll 30 s, local check 1 s)\n",
                idleCpuPercent(idle), idle);

    AttendanceDb writer;
    if (!writer.openExisting(deur.db()).ok()) die("cannot open a second connection to deur's database");
    std::mt19937 rng(17);
    std::uniform_int_distribution<int> pause(0, 300);
    std::vector<double> latency;
    const char* days[] = {"2026-11-20 08:50", "2026-11-23 08:50", "2026-11-24 08:50", "2026-11-25 08:50",
                          "2026-11-26 08:50", "2026-11-27 08:50", "2026-11-30 08:50", "2026-12-01 08:50",
                          "2026-12-02 08:50", "2026-12-03 08:50", "2026-12-04 08:50", "2026-12-07 08:50",
                          "2026-12-08 08:50", "2026-12-09 08:50", "2026-12-10 08:50"};
    for (int i = 0; i < n; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(pause(rng)));
        const int person = i % 14 + 1, day = i / 14;
        if (day >= 15) die("--n at most 210");
        const std::string code = (person < 10 ? "ZU0" : "ZU") + std::to_string(person);
        const int64_t before = zaal.worker->status().pulledTotal;
        AttendanceEvent e = test::checkIn(code, test::localTime(days[day]));
        if (auto s = writer.appendEvent(e); !s.ok()) die("append: " + s.detail);
        const auto committed = Stopwatch::now();
        deur.worker->poke();
        const auto until = committed + std::chrono::seconds(30);
        while (zaal.worker->status().pulledTotal <= before) {
            if (Stopwatch::now() > until) die("check-in " + std::to_string(i) + " did not reach zaal in 30 s");
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        latency.push_back(ms(Stopwatch::now() - committed));
    }
    std::printf("A to B (commit on deur -> in zaal's SQLite), %d check-ins: p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                "(target p99 <= 2000 ms)\n",
                n, percentile(latency, 50), percentile(latency, 99), percentile(latency, 100));
    return 0;
}
