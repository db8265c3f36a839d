// bench_store: how long a durable check-in takes, against what the disk itself needs for one
// fdatasync, and how long the UI's frames are while a burst of check-ins is being written.
//
//   build/release/tests/bench/bench_store [--dir DIR] [--n N]
// DIR: a folder on the disk to measure (default: the system temp folder). Targets (issue 4):
// commit p99 <= 1.5 x fdatasync p99; no UI frame waits on the disk.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "bench_stats.h"
#include "store/attendance_db.h"
#include "store_test_support.h"
#include "ui_harness.h"

using namespace kiosk;
using namespace kiosk::bench;

namespace {

// Raw fdatasync and check-in commits measured in turns (one of each, again and again), so that both
// see the same disk: a virtual disk's slow moments fall on both, not on whichever ran second.
struct Samples {
    std::vector<double> sync, commit;
};

Samples measureInTurns(const std::filesystem::path& dir, int n) {
    Samples out;
    const auto file = dir / "fdatasync.bin";
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    AttendanceDb db;
    if (fd < 0 || !db.open(dir / "bench.db", {0}).status.ok()) return out;
    RosterImportResult r;
    db.importRoster({test::participant("ZU01", "Anna", "Vries", "de")}, {0}, r);
    char page[4096];
    std::memset(page, 'x', sizeof page);
    for (int i = 0; i < n; ++i) {
        // Like a WAL append: a page written past the end, then made durable.
        auto t0 = Stopwatch::now();
        if (::pwrite(fd, page, sizeof page, static_cast<off_t>(i) * 4096) != static_cast<ssize_t>(sizeof page)) break;
        ::fdatasync(fd);
        out.sync.push_back(ms(Stopwatch::now() - t0));
        // As at the door: bursts of 15, with the store thread's idle checkpoint in between.
        if (i % 15 == 0) db.checkpoint();
        auto e = test::checkIn("ZU01", test::localTime("2026-11-26T09:00"));
        t0 = Stopwatch::now();
        if (!db.appendEvent(e).ok()) break;
        out.commit.push_back(ms(Stopwatch::now() - t0));
    }
    ::close(fd);
    std::filesystem::remove(file);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path base = std::filesystem::temp_directory_path();
    int n = 1000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--dir") base = argv[i + 1];
        else if (std::string(argv[i]) == "--n") n = std::atoi(argv[i + 1]);
    }
    const auto dir = base / ("leergang-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);

    const Samples samples = measureInTurns(dir, n);
    const auto& sync = samples.sync;
    const auto& commit = samples.commit;
    const double syncP99 = percentile(sync, 99), commitP99 = percentile(commit, 99);
    std::printf("Disk: %s (%d samples each)\n", dir.c_str(), n);
    std::printf("  %-34s p50 %7.3f ms   p99 %7.3f ms\n", "raw fdatasync (4 KiB append)", percentile(sync, 50), syncP99);
    std::printf("  %-34s p50 %7.3f ms   p99 %7.3f ms\n", "check-in commit (WAL, FULL)", percentile(commit, 50), commitP99);
    std::printf("  commit p99 / fdatasync p99 = %.2f   (target <= 1.50: %s)\n", commitP99 / syncP99,
                commitP99 <= 1.5 * syncP99 ? "met" : "NOT met");

    // The UI while 15 people check in one after another as fast as the store allows: the sample
    // programme with a fifteenth participant.
    {
        const auto cfg = dir / "config";
        std::filesystem::create_directories(cfg);
        for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"})
            std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / "config" / f, cfg / f);
        std::FILE* roster = std::fopen((cfg / "participants.csv").c_str(), "a");
        std::fputs("ZU15;Bas;;Mulder;Uitvoering Wmo;zutphen-2026;b.mulder@example.nl\n", roster);
        std::fclose(roster);
        test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.string());
        ui.tap("go.checkin");
        std::vector<double> frames;
        std::vector<std::string> codes;
        for (int i = 1; i <= 15; ++i) codes.push_back((i < 10 ? "ZU0" : "ZU") + std::to_string(i));
        size_t next = 0;
        const auto start = Stopwatch::now();
        while ((next < codes.size() || ui.session().storeBusy()) && Stopwatch::now() - start < std::chrono::seconds(20)) {
            auto& st = ui.state();
            if (next < codes.size() && st.feedback.kind != ui::Feedback::Kind::pending) {
                st.feedback = {};
                ui.session().apply(ui::Intent::checkIn(codes[next++]));
            }
            const auto t0 = Stopwatch::now();
            ui.frame();
            frames.push_back(ms(Stopwatch::now() - t0));
        }
        ui.settle();  // the last completion may still wait to be taken by a frame
        std::printf("UI during a burst of 15 check-ins (%zu frames built while the store wrote):\n", frames.size());
        std::printf("  frame build p50 %.3f ms, p99 %.3f ms, longest %.3f ms (a commit takes %.3f ms at p50)\n",
                    percentile(frames, 50), percentile(frames, 99), percentile(frames, 100), percentile(commit, 50));
        std::printf("  checked in: %d of %zu\n", ui.session().buildView().checkedIn, ui.session().buildView().expected.size());
    }
    std::filesystem::remove_all(dir);
    return 0;
}
