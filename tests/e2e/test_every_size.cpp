// Every screen at every size a venue uses (issue #16): the real binary under Xvfb, with the
// long-content config (tests/e2e/long-content: 40 people with long Dutch names in one group, full
// names on the tiles, a 120-character agenda title, a 400-character step), on six panels from a
// 7-inch 800x480 board to a 65-inch 4K screen, landscape and a portrait stand. For each screen and
// size it reads the last frame of --ui-dump and asserts what a person would notice:
//   - no name or button label cut to "…" or past the window's edge ("clipped": false);
//   - every tap target at least 9 mm both ways on that panel (--diagonal says how big it is);
//   - no two tap targets overlapping (a finger would hit both).
// One binary start per screen x size (the morning's database is made once and copied); all failures
// are listed together. Two test cases, the small panels and the large ones, so that ctest runs them
// side by side.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

#include "e2e_support.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Panel {
    int w, h;
    const char* diagonal;  // inches, as --diagonal takes it
};

// The panels: a 7-inch board at two resolutions, a 10-inch tablet-sized panel, a 21.5-inch monitor
// both ways (the portrait stand), and a 65-inch TV in the room.
const Panel kPanels[] = {{800, 480, "7"},      {1024, 600, "7"},     {1280, 800, "10.1"},
                         {1920, 1080, "21.5"}, {1080, 1920, "21.5"}, {3840, 2160, "65"}};

struct Screen {
    const char* name;
    std::vector<std::string> args;  // how to get there
    bool staff = false;             // needs the PIN config
    int exitCode = 0;
    bool room = false;              // the kiosk in the room: [kiosk] mode = "room"
    // The last tap exists only where the content does not fit (an agenda row that opens): at sizes
    // where everything shows, the screen before it is what is checked.
    bool lastTapWhereCut = false;
};

const std::vector<std::string> kPin{"--screen", "staff_pin", "--tap", "2", "--tap", "5", "--tap", "8", "--tap", "0", "--tap", "4", "--tap", "6", "--tap", "OK"};

std::vector<std::string> staffPage(std::vector<std::string> more) {
    std::vector<std::string> a = kPin;
    a.insert(a.end(), more.begin(), more.end());
    return a;
}

const char* const kLongTitle =
    "Het rechtsstatelijk kompas in de praktijk: rechtmatigheid, gelijkheid, evenredigheid en de ruimte voor maatwerk bij burgers";
const std::vector<std::string> kRun{"--screen", "exercises", "--tap", "Standpunt in de ruimte"};  // its first step: 400 characters

std::vector<std::string> withRun(std::vector<std::string> more) {
    std::vector<std::string> a = kRun;
    a.insert(a.end(), more.begin(), more.end());
    return a;
}

// "Alexander El Amrani-Koopmans" (LC20) comes first by first name; "Alexander in 't Veld-Brinkhorst"
// (LC40) second and is checked in before each run; LC05 has checked in and out.
const std::vector<Screen> kScreens = {
    {"home", {}},
    {"checkin", {"--screen", "checkin"}},
    {"checkout", {"--tap", "Uitchecken"}},
    {"welcome", {"--screen", "checkin", "--tap", "Alexander El Amrani-Koopmans"}},
    {"already-in", {"--screen", "checkin", "--tap", "Alexander in 't Veld-Brinkhorst"}},
    // The goodbye card with the assignment and the day's question (five long answers), and once answered (issue 29, 6).
    {"goodbye", {"--tap", "Uitchecken", "--tap", "Alexander in 't Veld-Brinkhorst"}},
    {"goodbye-answered", {"--tap", "Uitchecken", "--tap", "Alexander in 't Veld-Brinkhorst", "--tap", "Een paar dingen"}},
    {"walkin", {"--screen", "walkin"}},
    {"staff-pin", {"--screen", "staff_pin", "--tap", "2"}, true},
    {"staff-today", staffPage({}), true},
    {"staff-correct", staffPage({"--tap", "Corrigeren"}), true},
    {"staff-matrix", staffPage({"--tap", "Matrix"}), true},
    {"staff-history", staffPage({"--tap", "Historie"}), true},
    {"staff-health", staffPage({"--tap", "Status"}), true},
    {"out-of-order", {}, false, 1},
    // The facilitator's side: the agenda (the 120-character title), a row opened, the exercises,
    // a run of the 400-character step (its second page), the stop question, a stopped run and its
    // resume button, running late behind the code, and the room display (pinned from the agenda,
    // and as the second kiosk's start screen).
    {"agenda", {"--screen", "agenda"}},
    {"agenda-row-open", {"--screen", "agenda", "--tap", kLongTitle}, false, 0, false, true},
    {"exercises", {"--screen", "exercises"}},
    {"exercise", kRun},
    {"exercise-page-2", withRun({"--tap", "Volgende pagina"}), false, 0, false, true},
    {"exercise-stop", withRun({"--tap", "Stoppen"})},
    {"exercise-stopped", withRun({"--tap", "Stoppen", "--tap", "Ja, stoppen"})},
    {"exercises-resume", withRun({"--tap", "Stoppen", "--tap", "Ja, stoppen", "--tap", "Terug naar het programma", "--tap", "Oefeningen"})},
    {"shift-code", {"--screen", "agenda", "--tap", "Uitloop", "--tap", "2"}},
    {"shift", {"--screen", "agenda", "--tap", "Uitloop", "--tap", "2", "--tap", "4", "--tap", "6", "--tap", "8", "--tap", "OK", "--tap", "+10 min"}},
    {"room-pinned", {"--screen", "agenda", "--tap", "Zaalscherm", "--tap", "2", "--tap", "4", "--tap", "6", "--tap", "8", "--tap", "OK"}},
    {"room", {}, false, 0, true},
};

struct Item {
    std::string id, label;
    int x, y, w, h;
    double wMm, hMm;
    bool clipped;
};

std::vector<Item> lastFrameItems(const std::string& dump, std::string& screen) {
    std::vector<Item> items;
    auto end = dump.find_last_not_of('\n');
    if (end == std::string::npos) return items;
    const auto start = dump.rfind('\n', end);
    const std::string line = dump.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start == std::string::npos ? 0 : start + 1));
    std::smatch m;
    if (std::regex_search(line, m, std::regex("\"screen\": \"([a-z_]+)\""))) screen = m[1];
    static const std::regex item(
        "\\{\"id\": \"((?:[^\"\\\\]|\\\\.)*)\", \"label\": \"((?:[^\"\\\\]|\\\\.)*)\", \"x\": (-?\\d+), \"y\": (-?\\d+), "
        "\"w\": (\\d+), \"h\": (\\d+), \"w_mm\": ([0-9.]+), \"h_mm\": ([0-9.]+), \"cap_mm\": [0-9.]+, \"clipped\": (true|false)\\}");
    for (auto it = std::sregex_iterator(line.begin(), line.end(), item); it != std::sregex_iterator(); ++it) {
        const auto& g = *it;
        items.push_back({g[1], g[2], std::stoi(g[3]), std::stoi(g[4]), std::stoi(g[5]), std::stoi(g[6]), std::stod(g[7]),
                         std::stod(g[8]), g[9] == "true"});
    }
    return items;
}

// What is wrong with one frame, one line per finding.
std::vector<std::string> findings(const std::vector<Item>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) {
        if (i.clipped) out.push_back("cut: \"" + i.label + "\" (" + i.id + ")");
        if (i.wMm < 8.95 || i.hMm < 8.95) {
            std::ostringstream s;
            s << "small: \"" << i.label << "\" (" << i.id << ") " << i.wMm << " x " << i.hMm << " mm";
            out.push_back(s.str());
        }
    }
    for (size_t a = 0; a < items.size(); ++a)
        for (size_t b = a + 1; b < items.size(); ++b) {
            const Item &p = items[a], &q = items[b];
            const int ox = std::min(p.x + p.w, q.x + q.w) - std::max(p.x, q.x);
            const int oy = std::min(p.y + p.h, q.y + q.h) - std::max(p.y, q.y);
            if (ox > 1 && oy > 1) out.push_back("overlap: \"" + p.label + "\" (" + p.id + ") and \"" + q.label + "\" (" + q.id + ")");
        }
    return out;
}

// Renders every screen on `panels`; returns the findings, and counts the runs where a cut content was opened.
void checkEveryScreen(const std::vector<Panel>& panels, std::vector<std::string>& report, int& runs, int& lastTapsMade) {
    TempDir dir;
    const auto cfg = dir / "cfg";
    std::filesystem::create_directories(cfg);
    for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"})
        std::filesystem::copy_file(kSource + "/tests/e2e/long-content/" + f, cfg / f);
    std::filesystem::permissions(cfg / "kiosk.toml", std::filesystem::perms::others_all, std::filesystem::perm_options::remove);
    const auto pin = runKiosk(dir, {"set-pin"}, cfg.string(), {}, "258046\n");
    REQUIRE(pin.exitCode == 0);
    // The second kiosk, in the room: the same files, [kiosk] mode = "room".
    const auto roomCfg = dir / "room-cfg";
    std::filesystem::create_directories(roomCfg);
    for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"}) std::filesystem::copy_file(cfg / f, roomCfg / f);
    {
        std::string toml = readFile((roomCfg / "kiosk.toml").string());
        const auto at = toml.find("[kiosk]\n");
        REQUIRE(at != std::string::npos);
        toml.insert(at + 8, "mode = \"room\"\n");
        writeFile((roomCfg / "kiosk.toml").string(), toml);
    }
    // A morning: someone checked in, someone checked in and out again. Made once, copied to each run.
    TempDir morning;
    REQUIRE(runKiosk(morning, {"checkin", "LC40", "--at", "2026-11-26T08:55"}, cfg.string()).exitCode == 0);
    REQUIRE(runKiosk(morning, {"checkin", "LC05", "--at", "2026-11-26T08:50"}, cfg.string()).exitCode == 0);
    REQUIRE(runKiosk(morning, {"checkout", "LC05", "--at", "2026-11-26T09:05"}, cfg.string()).exitCode == 0);

    for (const Screen& sc : kScreens)
        for (const Panel& p : panels) {
            const std::string size = std::to_string(p.w) + "x" + std::to_string(p.h);
            const std::string tag = std::string(sc.name) + " " + size;
            TempDir run;
            const std::string dump = (run / "dump.jsonl").string();
            if (sc.exitCode == 1) std::filesystem::create_directories(run / "attendance.db");  // cannot open: out of order
            else
                for (const auto& f : std::filesystem::directory_iterator(morning.path()))
                    if (f.path().filename().string().rfind("attendance.db", 0) == 0)
                        std::filesystem::copy_file(f.path(), run / f.path().filename().string());
            std::vector<std::string> args{"--size", size, "--diagonal", p.diagonal, "--now", "2026-11-26T09:10",
                                          "--screenshot", (run / "shot.png").string(), "--ui-dump", dump};
            args.insert(args.end(), sc.args.begin(), sc.args.end());
            auto r = runKiosk(run, args, (sc.room ? roomCfg : cfg).string(), {{"XDG_DATA_HOME", run.path().string()}});
            ++runs;
            if (sc.lastTapWhereCut) {
                if (r.exitCode == 2 && r.err.find("--tap: \"" + args.back() + "\"") != std::string::npos) {
                    // All of it fits at this size: nothing to open. The screen without that tap is checked.
                    args.erase(args.end() - 2, args.end());
                    std::filesystem::remove(dump);
                    r = runKiosk(run, args, cfg.string(), {{"XDG_DATA_HOME", run.path().string()}});
                } else {
                    ++lastTapsMade;
                }
            }
            if (r.exitCode != sc.exitCode) {
                report.push_back(tag + ": exit " + std::to_string(r.exitCode) + " " + r.err);
                continue;
            }
            std::string screen;
            const auto items = lastFrameItems(readFile(dump), screen);
            if (items.empty() && sc.exitCode == 0) report.push_back(tag + ": no tap targets in the dump");
            for (const auto& f : findings(items)) report.push_back(tag + " [" + screen + "]: " + f);
        }
}

std::string listed(const std::vector<std::string>& report) {
    std::string all;
    for (const auto& l : report) all += l + "\n";
    return all;
}

}  // namespace

TEST_CASE("every public and staff screen on the small panels (7 and 10 inch): whole labels, 9 mm targets, no overlaps", "[sizes][small]") {
    std::vector<std::string> report;
    int runs = 0, lastTapsMade = 0;
    checkEveryScreen({kPanels[0], kPanels[1], kPanels[2]}, report, runs, lastTapsMade);
    INFO(runs << " runs\n" << listed(report));
    CHECK(report.empty());
    // The long title and the long step do not fit everywhere: on the small panels a row opened and
    // the step paged (the two screens are not vacuous).
    CHECK(lastTapsMade >= 4);
}

TEST_CASE("every public and staff screen on the monitor both ways and the 4K TV: whole labels, 9 mm targets, no overlaps", "[sizes][large]") {
    std::vector<std::string> report;
    int runs = 0, lastTapsMade = 0;
    checkEveryScreen({kPanels[3], kPanels[4], kPanels[5]}, report, runs, lastTapsMade);
    INFO(runs << " runs\n" << listed(report));
    CHECK(report.empty());
    CHECK(runs > 0);
}
