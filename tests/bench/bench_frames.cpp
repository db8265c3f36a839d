// bench_frames: how long building one frame takes (ImGui, no GL).
//   1. The check-in screen for a 15-person cohort on tiles and for 200 and 2,000 people with the
//      search keyboard (issue 5).
//   2. Every public, facilitator and staff screen with the long-content config (tests/e2e/long-content: 40 long
//      names in one group, a 120-character agenda title, a 400-character step), landscape 1280x800
//      and a 1080x1920 portrait stand (issue 16).
//
//   build/release/tests/bench/bench_frames
// Target: p99 under 2 ms for each.
#include <cstdio>
#include <ctime>
#include <fstream>

#include "content/staff_pin.h"
#include "bench_stats.h"
#include "store/atomic_file.h"
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

double threadCpuMs();
void report(const char* what, const std::vector<double>& t, const std::vector<double>& cpu);

void measure(const char* what, int people, const std::string& query) {
    test::TempDir dir;
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, configWith(dir, people));
    ui.tap("go.checkin");
    ui.state().search = query;
    for (int i = 0; i < 20; ++i) ui.frame();  // warm up
    std::vector<double> t, cpu;
    for (int i = 0; i < 1000; ++i) {
        const auto t0 = Stopwatch::now();
        const double c0 = threadCpuMs();
        ui.frame();
        cpu.push_back(threadCpuMs() - c0);
        t.push_back(ms(Stopwatch::now() - t0));
    }
    report(what, t, cpu);
}

// The long-content config with the staff PIN 2580 set, as `set-pin` leaves it.
std::string longContent(const test::TempDir& dir) {
    const auto cfg = dir / "long";
    std::filesystem::create_directories(cfg);
    for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"})
        std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/e2e/long-content" / f, cfg / f);
    const auto toml = readWholeFile(cfg / "kiosk.toml");
    const auto hash = hashPin("2580");
    if (toml && hash) (void)writeFileAtomically(cfg / "kiosk.toml", withPinHash(*toml, *hash));
    return cfg.string();
}

// The frame's own CPU time (this thread): on a shared machine a frame that was preempted by
// another process shows its wall time inflated by a scheduler slice (about 4 ms), not its cost.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

void report(const char* what, const std::vector<double>& t, const std::vector<double>& cpu) {
    const double p99 = percentile(t, 99), cpu99 = percentile(cpu, 99);
    std::printf("  %-44s p50 %6.3f ms   p99 %6.3f ms   p99 cpu %6.3f ms   (target p99 < 2 ms: %s)\n", what, percentile(t, 50), p99,
                cpu99, p99 < 2.0 ? "met" : cpu99 < 2.0 ? "met in CPU time; the wall time waited for the machine" : "NOT met");
}

// Each screen reached the way a person would (taps by automation id), then 500 frames timed.
void measureScreens(float w, float h, const std::string& cfg) {
    std::printf("Every screen, long content, %.0fx%.0f, 500 frames each:\n", static_cast<double>(w), static_cast<double>(h));
    struct Way {
        const char* name;
        std::vector<std::string> taps;  // automation ids
        bool staff;
    };
    const Way ways[] = {
        {"home", {}, false},
        {"check-in (40 names: search)", {"go.checkin"}, false},
        {"check-in answer (welcome)", {"go.checkin", "tile.LC20"}, false},
        {"walk-in with keyboard", {"go.checkin", "go.walkin"}, false},
        {"agenda", {"go.agenda"}, false},
        {"exercises", {"go.agenda", "go.exercises"}, false},
        {"exercise: the 400-character step", {"go.agenda", "go.exercises", "exercise.standpunt-in-de-ruimte"}, false},
        {"room display (behind the code)", {"go.agenda", "go.room", "@code"}, false},
        {"staff: PIN pad", {}, true},
        {"staff: today", {"@pin"}, true},
        {"staff: correction", {"@pin", "@first-correct"}, true},
        {"staff: matrix", {"@pin", "desk.tab.matrix"}, true},
        {"staff: history", {"@pin", "desk.tab.history"}, true},
        {"staff: health", {"@pin", "desk.tab.health"}, true},
    };
    for (const auto& way : ways) {
        test::UiHarness ui("2026-11-26T09:10", w, h, cfg);
        if (way.staff) ui.holdAt(ImVec2(8, 8), 3000);
        bool reached = true;
        for (const auto& id : way.taps) {
            if (id == "@pin" || id == "@code") {
                for (char c : std::string(id == "@pin" ? "2580" : "2468")) ui.tap(std::string("keypad.") + c);
                ui.tap("keypad.ok");
                ui.session().finishBackgroundWork();
                ui.frame();
                continue;
            }
            std::string tapId = id;
            if (id == "@first-correct")  // the first row's "Corrigeren", whoever sorts first
                for (const auto& t : ui::frameTargets())
                    if (t.id.rfind("desk.correct.", 0) == 0) {
                        tapId = t.id;
                        break;
                    }
            if (!ui.target(tapId)) {
                reached = false;
                break;
            }
            ui.tap(tapId);
            ui.session().finishBackgroundWork();
            ui.frame();
        }
        if (!reached) {
            std::printf("  %-44s (could not be reached)\n", way.name);
            continue;
        }
        for (int i = 0; i < 20; ++i) ui.frame();
        std::vector<double> t, cpu;
        for (int i = 0; i < 500; ++i) {
            const auto t0 = Stopwatch::now();
            const double c0 = threadCpuMs();
            ui.frame();
            cpu.push_back(threadCpuMs() - c0);
            t.push_back(ms(Stopwatch::now() - t0));
        }
        report(way.name, t, cpu);
    }
}

}  // namespace

int main() {
    std::printf("Frame build of the check-in screen at 1280x800 (ImGui, no GL), 1000 frames each:\n");
    measure("15 names, tiles", 15, "");
    measure("200 names, search, no query (scroll list)", 200, "");
    measure("2,000 names, search, no query (scroll list)", 2000, "");
    measure("2,000 names, search \"an\"", 2000, "an");
    measure("2,000 names, search \"zoe\"", 2000, "zoe");
    test::TempDir dir;
    const std::string cfg = longContent(dir);
    measureScreens(1280, 800, cfg);
    measureScreens(1080, 1920, cfg);
    return 0;
}
