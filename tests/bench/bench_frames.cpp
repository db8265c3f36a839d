// bench_frames: how long building one frame of the check-in screen takes (ImGui, no GL), for a
// 15-person cohort on tiles and for 200 and 2,000 people with the search keyboard.
//
//   build/release/tests/bench/bench_frames
// Target (issue 5): p99 under 2 ms for 15 names and for a 2,000-name search.
#include <cstdio>
#include <fstream>

#include "bench_stats.h"
#include "ui_harness.h"

using namespace kiosk;
using namespace kiosk::bench;

namespace {

std::string configWith(const test::TempDir& dir, int people) {
    const auto cfg = dir / "config";
    std::filesystem::create_directories(cfg);
    for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml"})
        std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / "config" / f, cfg / f);
    std::ofstream csv(cfg / "participants.csv");
    csv << "code;voornaam;tussenvoegsel;achternaam;afdeling;groep\n";
    const char* first[] = {"Anna", "Bram", "Carla", "Dirk", "Eva", "Floor", "Gijs", "Hanna", "Ids", "Jet", "Zoë", "Ĳsbrand"};
    const char* infix[] = {"", "de", "van", "van der", "", "ter"};
    const char* last[] = {"Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Öztürk", "Heuvel-Çelik"};
    for (int i = 0; i < people; ++i)
        csv << "P" << i << ";" << first[i % 12] << ";" << infix[i % 6] << ";" << last[(i / 12) % 10] << ";Beleid;zutphen-2026\n";
    return cfg.string();
}

void measure(const char* what, int people, const std::string& query) {
    test::TempDir dir;
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, configWith(dir, people));
    ui.tap("go.checkin");
    ui.state().search = query;
    for (int i = 0; i < 20; ++i) ui.frame();  // warm up
    std::vector<double> t;
    for (int i = 0; i < 1000; ++i) {
        const auto t0 = Stopwatch::now();
        ui.frame();
        t.push_back(ms(Stopwatch::now() - t0));
    }
    const double p99 = percentile(t, 99);
    std::printf("  %-44s p50 %6.3f ms   p99 %6.3f ms   (target p99 < 2 ms: %s)\n", what, percentile(t, 50), p99,
                p99 < 2.0 ? "met" : "NOT met");
}

}  // namespace

int main() {
    std::printf("Frame build of the check-in screen at 1280x800 (ImGui, no GL), 1000 frames each:\n");
    measure("15 names, tiles", 15, "");
    measure("200 names, search, no query (scroll list)", 200, "");
    measure("2,000 names, search, no query (scroll list)", 2000, "");
    measure("2,000 names, search \"an\"", 2000, "an");
    measure("2,000 names, search \"zoe\"", 2000, "zoe");
    return 0;
}
