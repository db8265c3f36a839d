// bench_export: exporting from a large attendance log, in time and memory.
//
//   build/release/tests/bench/bench_export [--dir DIR]
// Builds logs of 10,000, 100,000 and 300,000 events for 2,000 participants over the cohort's seven
// days (check-ins, undos, second taps, check-outs, corrections), then exports the cohort matrix
// (which reads every event) as CSV and as XLSX, and one day's presence list, each in a child
// process whose peak memory is read with wait4(). Targets (issue 7): 100,000 events in under
// 1 s, and memory that does not grow with the number of events.
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "session/kiosk_session.h"
#include "bench_stats.h"
#include "export/attendance_export.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
using namespace kiosk::bench;

namespace {

constexpr int kPeople = 2000;

// Writes `events` events straight into a fresh store in one transaction (a bench needs the data,
// not 100,000 fsyncs); the kiosk's own code reads them back.
void populate(const std::filesystem::path& file, const LoadedConfig& cfg, int events) {
    AttendanceDb db;
    if (!db.open(file, {0}).status.ok()) std::exit(1);
    std::vector<Participant> roster;
    for (int i = 0; i < kPeople; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "P%05d", i);
        roster.push_back({code, "Deelnemer", i % 3 ? "" : "van", "Achternaam " + std::to_string(i), "Afdeling " + std::to_string(i % 40),
                          cfg.programme.days.front().cohortId, ""});
    }
    RosterImportResult r;
    if (!db.importRoster(roster, {0}, r).ok()) std::exit(1);
    db.close();
    sqlite3* s = nullptr;
    sqlite3_open(file.c_str(), &s);
    sqlite3_exec(s, "BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(s,
                       "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date, source, kiosk_id,"
                       " reason, actor, refers_to, effect) VALUES (?,?,?,?,?,?,'kiosk','entree',?,?,?,?)",
                       -1, &st, nullptr);
    const auto& days = cfg.programme.days;
    int n = 0;
    // Round robin over person-days so the log interleaves like a real one; each round adds one event.
    const char* pattern[] = {"check_in", "check_out", "check_in", "undo", "correction", "check_out", "check_in"};
    std::vector<std::string> lastIn(static_cast<size_t>(kPeople) * days.size());
    for (int round = 0; n < events; ++round) {
        const char* kind = pattern[round % 7];
        for (size_t d = 0; d < days.size() && n < events; ++d)
            for (int p = 0; p < kPeople && n < events; ++p, ++n) {
                char code[16], id[40];
                std::snprintf(code, sizeof code, "P%05d", p);
                std::snprintf(id, sizeof id, "e%09d", n);
                const Instant at = fromLocal({days[d].date, 9, (round * 7) % 60, 0});
                std::string& in = lastIn[d * kPeople + static_cast<size_t>(p)];
                sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(st, 2, code, -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, 4, at.ms);
                sqlite3_bind_int64(st, 5, at.ms);
                const std::string date = days[d].date.iso();
                sqlite3_bind_text(st, 6, date.c_str(), -1, SQLITE_TRANSIENT);
                const bool corr = std::strcmp(kind, "correction") == 0;
                sqlite3_bind_text(st, 7, corr ? "trein" : "", -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 8, corr ? "MJ" : "", -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 9, std::strcmp(kind, "undo") == 0 ? in.c_str() : "", -1, SQLITE_TRANSIENT);
                sqlite3_bind_text(st, 10, corr ? "set_check_in" : "", -1, SQLITE_STATIC);
                if (sqlite3_step(st) != SQLITE_DONE) {
                    std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(s));
                    std::exit(1);
                }
                sqlite3_reset(st);
                if (std::strcmp(kind, "check_in") == 0) in = id;
            }
    }
    sqlite3_finalize(st);
    sqlite3_exec(s, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(s);
}

struct Measured {
    double ms = 0;
    long peakKiB = 0;
    size_t rows = 0;
};

// One export in a child process: the time it took and the child's peak resident memory.
Measured measure(const std::filesystem::path& db, const LoadedConfig& cfg, const Texts& tx, ExportRequest req,
                 const std::filesystem::path& outDir) {
    int pipefd[2];
    if (::pipe(pipefd) != 0) std::exit(1);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(pipefd[0]);
        const auto t0 = Stopwatch::now();
        AttendanceDb conn;
        BuiltExport built;
        if (!conn.openExisting(db).ok() || !collectExport(conn, req, cfg.programme, cfg.settings, tx, built).ok()) _exit(1);
        const SavedExport saved = saveExport(built, req, {outDir, false, {}});
        if (!saved.error.empty()) _exit(1);
        Measured m{ms(Stopwatch::now() - t0), 0, saved.rows};
        if (::write(pipefd[1], &m, sizeof m) != static_cast<ssize_t>(sizeof m)) _exit(1);
        _exit(0);
    }
    ::close(pipefd[1]);
    Measured m;
    if (::read(pipefd[0], &m, sizeof m) != static_cast<ssize_t>(sizeof m)) m.ms = -1;
    ::close(pipefd[0]);
    int status = 0;
    struct rusage ru {};
    ::wait4(pid, &status, 0, &ru);
    m.peakKiB = ru.ru_maxrss;
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path base = std::filesystem::temp_directory_path();
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--dir") base = argv[i + 1];
    test::AmsterdamTime tz;
    const Texts tx = loadEmbeddedTexts(Lang::nl);
    const LoadedConfig cfg = loadConfig(embeddedConfig(), tx);
    if (!cfg.ok()) return 1;
    const std::filesystem::path dir = base / ("bench-export-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::printf("Export from the attendance log: %d participants, cohort of %zu days\n", kPeople, cfg.programme.days.size());
    std::printf("%-10s %-28s %10s %12s %8s\n", "events", "export", "time (ms)", "peak (MiB)", "rows");
    for (int events : {10000, 100000, 300000}) {
        const auto db = dir / ("log-" + std::to_string(events) + ".db");
        populate(db, cfg, events);
        struct Case {
            const char* name;
            bool matrix;
            ExportFormat format;
        };
        for (const Case c : {Case{"matrix, CSV", true, ExportFormat::csv}, Case{"matrix, XLSX", true, ExportFormat::xlsx},
                             Case{"presence list day 1, XLSX", false, ExportFormat::xlsx}}) {
            ExportRequest req;
            req.kind = c.matrix ? ExportKind::matrix : ExportKind::presence;
            req.format = c.format;
            req.date = cfg.programme.days.back().date;
            if (!c.matrix) req.date = cfg.programme.days.front().date;
            const Measured m = measure(db, cfg, tx, req, dir);
            std::printf("%-10d %-28s %10.0f %12.1f %8zu\n", events, c.name, m.ms, static_cast<double>(m.peakKiB) / 1024.0, m.rows);
            std::fflush(stdout);
        }
    }
    std::printf("target: 100,000 events exported in < 1000 ms; peak memory flat as events grow\n");
    std::filesystem::remove_all(dir);
    return 0;
}
