// bench_pdf: the paper documents at the size of a large cohort, in time (issue 18).
//
//   build/release/tests/bench/bench_pdf [--dir DIR] [--keep]     (--keep: leave the files, say where)
// 200 participants of the shipped programme, everyone present on all seven days (so all 200 earn
// a certificate), kept in an in-memory ledger. Times, each the median of 5 runs, from the data to
// the file(s) on disk, written whole (fsync, rename): the day's presence list, the matrix, and the
// 200 certificates (200 files plus the combined one). Targets: list < 300 ms, certificates < 3 s.
// Prints figures; not a test (CI times nothing). The CPU time (all threads) is printed beside the wall
// time: on a machine shared with other work the wall time says more about the neighbours.
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "session/kiosk_session.h"
#include "bench_stats.h"
#include "export/attendance_export.h"
#include "event_support.h"
#include "test_support.h"

using namespace kiosk;
using namespace kiosk::bench;

int main(int argc, char** argv) {
    std::filesystem::path base = std::filesystem::temp_directory_path();
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--dir") base = argv[i + 1];
    test::AmsterdamTime tz;
    const Texts tx = loadEmbeddedTexts(Lang::nl);
    const LoadedConfig cfg = loadConfig(embeddedConfig(), tx);
    if (!cfg.ok()) return 1;
    constexpr int kPeople = 200;
    std::vector<Participant> roster;
    AttendanceLedger ledger;
    const auto& days = cfg.programme.days;
    for (int i = 0; i < kPeople; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "P%03d", i);
        roster.push_back({code, i % 2 ? "Zo\xC3\xAB" : "\xC4\xB2sbrand", i % 3 ? "" : "van der", "Achternaam " + std::to_string(i),
                          "Afdeling " + std::to_string(i % 12), days.front().cohortId, ""});
        for (const auto& d : days) {
            const std::string at = d.date.iso() + "T08:5" + std::to_string(i % 10);
            ledger.apply(test::eventAt(EventKind::check_in, code, at.c_str()));
        }
    }
    const std::filesystem::path dir = base / ("bench-pdf-" + std::to_string(::getpid()));
    const ExportTarget target{dir, false, {}};
    auto time = [&](const char* what, ExportRequest r, size_t expect) {
        r.format = ExportFormat::pdf;
        r.today = days.back().date;
        std::vector<double> runs, writes, cpu;
        size_t made = 0;
        for (int k = 0; k < 5; ++k) {
            timespec c0{}, c1{};
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
            const auto t0 = Stopwatch::now();
            const BuiltExport built = buildExport(r, cfg.programme, roster, ledger, cfg.settings, tx);
            const auto t1 = Stopwatch::now();
            const SavedExport saved = saveExport(built, r, target);
            runs.push_back(ms(Stopwatch::now() - t0));
            writes.push_back(ms(Stopwatch::now() - t1));
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
            cpu.push_back(static_cast<double>(c1.tv_sec - c0.tv_sec) * 1e3 + static_cast<double>(c1.tv_nsec - c0.tv_nsec) / 1e6);
            if (!saved.error.empty()) {
                std::fprintf(stderr, "%s: %s\n", what, saved.error.c_str());
                std::exit(1);
            }
            made = r.kind == ExportKind::certificates ? built.certificates.people.size() : built.document.size();
        }
        std::printf("%-40s median %7.1f ms (min %.1f, max %.1f; writing to disk %.1f; CPU, all threads %.1f)%s\n", what,
                    percentile(runs, 50), percentile(runs, 0), percentile(runs, 100), percentile(writes, 50), percentile(cpu, 50),
                    r.kind == ExportKind::certificates && made != expect ? "   WRONG COUNT" : "");
        return percentile(runs, 50);
    };
    std::printf("PDF exports, %d participants, %zu programme days (median of 5, data to file on disk)\n", kPeople, days.size());
    ExportRequest list;
    list.date = days.front().date;
    const double listMs = time("presence list, 200 rows (A4 portrait)", list, 0);
    ExportRequest blank = list;
    blank.kind = ExportKind::blank;
    time("blank presence list, 200 rows", blank, 0);
    ExportRequest matrix = list;
    matrix.kind = ExportKind::matrix;
    time("matrix, 200 x 7 (A4 landscape)", matrix, 0);
    ExportRequest certs = list;
    certs.kind = ExportKind::certificates;
    const double certMs = time("200 certificates (200 files + combined)", certs, kPeople);
    std::printf("targets: list < 300 ms: %s; 200 certificates < 3000 ms: %s\n", listMs < 300 ? "met" : "NOT MET",
                certMs < 3000 ? "met" : "NOT MET");
    bool keep = false;
    for (int i = 1; i < argc; ++i) keep = keep || std::string(argv[i]) == "--keep";
    std::error_code ec;
    if (keep) std::printf("files kept in %s\n", dir.c_str());
    else std::filesystem::remove_all(dir, ec);
    return listMs < 300 && certMs < 3000 ? 0 : 1;
}
