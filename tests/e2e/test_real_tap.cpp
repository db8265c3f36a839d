// A real pointer click through a real X server: the kiosk reports its tappable elements with
// --ui-dump, xdotool clicks the name, and the check-in is then in the database.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <regex>
#include <thread>

#include "e2e_support.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Item {
    int x = 0, y = 0, w = 0, h = 0;
};

// The last dumped frame's element with this label, if any.
std::optional<Item> findByLabel(const std::string& dump, const std::string& label, std::string* screen = nullptr) {
    const auto lastLine = dump.rfind('\n', dump.size() > 1 ? dump.size() - 2 : 0);
    const std::string line = dump.substr(lastLine == std::string::npos ? 0 : lastLine + 1);
    if (screen) {
        std::smatch m;
        if (std::regex_search(line, m, std::regex("\"screen\": \"([a-z_]+)\""))) *screen = m[1];
    }
    const std::regex item("\\{\"id\": \"[^\"]*\", \"label\": \"" + label + "\", \"x\": (\\d+), \"y\": (\\d+), \"w\": (\\d+), \"h\": (\\d+)[,}]");
    std::smatch m;
    if (!std::regex_search(line, m, item)) return std::nullopt;
    return Item{std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]), std::stoi(m[4])};
}

template <typename F>
bool waitUntil(F&& f, int ms = 20000) {
    for (int i = 0; i < ms / 50; ++i) {
        if (f()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return f();
}

// The kiosk's X window (xdotool searches by its title); on failure, what xdotool said.
std::string findWindow() {
    std::string window, searched;
    const bool found = waitUntil([&] {
        const auto r = run({"/usr/bin/xdotool", "search", "--name", "Leergang Ambtelijk Vakmanschap"});
        searched = std::to_string(r.exitCode) + " [" + r.out + "] " + r.err;
        window = r.out.substr(0, r.out.find('\n'));
        return r.exitCode == 0 && !window.empty();
    });
    if (!found) FAIL("no kiosk window; xdotool search: " << searched);
    return window;
}

void click(const std::string& window, const Item& it) {
    const auto r = run({"/usr/bin/xdotool", "mousemove", "--window", window, std::to_string(it.x + it.w / 2),
                        std::to_string(it.y + it.h / 2), "click", "1"});
    REQUIRE(r.exitCode == 0);
}

}  // namespace

TEST_CASE("a real click on a name produces a check-in in the database", "[e2e][xdotool]") {
    TempDir dir;
    const std::string dump = (dir / "ui.jsonl").string();
    const std::string db = (dir / "attendance.db").string();
    const int pid = spawn({kBinary, "--config", kSource + "/config", "--db", db, "--screen", "checkin", "--ui-dump", dump},
                          {{"TZ", "Europe/Amsterdam"}});
    REQUIRE(pid > 0);
    REQUIRE(waitUntil([&] { return findByLabel(readFile(dump), "Anna de V.").has_value(); }));
    const std::string window = findWindow();
    const Item anna = *findByLabel(readFile(dump), "Anna de V.");
    click(window, anna);

    // The confirmation appears (only after the commit), and the check-in is on disk.
    std::optional<Item> done;
    REQUIRE(waitUntil([&] { return (done = findByLabel(readFile(dump), "Klaar")).has_value(); }));
    AttendanceDb store;
    REQUIRE(store.open(db, {0}).status.ok());
    std::vector<AttendanceEvent> events;
    REQUIRE(store.loadEvents([&](const AttendanceEvent& e) { events.push_back(e); }).ok());
    REQUIRE(events.size() == 1);
    CHECK(events[0].participantCode == "ZU01");
    CHECK(events[0].kind == EventKind::check_in);

    // Tapping the confirmation goes home.
    click(window, *done);
    std::string screen;
    CHECK(waitUntil([&] {
        findByLabel(readFile(dump), "Inchecken", &screen);
        return screen == "home";
    }));
    CHECK(stop(pid) == 0);
}

TEST_CASE("staff mode opens only to a 3-second press in the corner, never to a click", "[e2e][xdotool][staff]") {
    TempDir dir;
    const std::string dump = (dir / "ui.jsonl").string();
    const int pid = spawn({kBinary, "--config", kSource + "/config", "--db", (dir / "attendance.db").string(), "--ui-dump", dump},
                          {{"TZ", "Europe/Amsterdam"}});
    REQUIRE(pid > 0);
    // First the kiosk's first frame, then its window: two waits, so that a failure says which.
    std::string screen;
    if (!waitUntil([&] { return findByLabel(readFile(dump), "Inchecken", &screen).has_value(); }))
        FAIL("no home screen in the UI dump: " << readFile(dump).substr(0, 400));
    const std::string window = findWindow();
    // A click in the corner, as a passer-by would: nothing happens.
    REQUIRE(run({"/usr/bin/xdotool", "mousemove", "--window", window, "6", "6", "click", "1"}).exitCode == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    findByLabel(readFile(dump), "Inchecken", &screen);
    CHECK(screen == "home");
    // Held for 3.5 s: the PIN pad, and nothing behind it.
    REQUIRE(run({"/usr/bin/xdotool", "mousemove", "--window", window, "6", "6", "mousedown", "1", "sleep", "3.5", "mouseup", "1"})
                .exitCode == 0);
    CHECK(waitUntil([&] {
        findByLabel(readFile(dump), "OK", &screen);
        return screen == "staff_pin";
    }));
    CHECK(stop(pid) == 0);
}

TEST_CASE("an untouched kiosk redraws when the minute changes, and only then", "[e2e][idle]") {
    TempDir dir;
    const std::string dump = (dir / "ui.jsonl").string();
    // Started two seconds before 09:11: the clock on screen must turn over without any input.
    const int pid = spawn({kBinary, "--config", kSource + "/config", "--db", (dir / "attendance.db").string(), "--now",
                           "2026-11-26T09:10:58", "--ui-dump", dump},
                          {{"TZ", "Europe/Amsterdam"}});
    REQUIRE(pid > 0);
    auto frames = [&] {
        const std::string d = readFile(dump);
        return static_cast<int>(std::count(d.begin(), d.end(), '\n'));
    };
    REQUIRE(waitUntil([&] { return frames() >= 1; }));
    const int atStart = frames();
    std::this_thread::sleep_for(std::chrono::milliseconds(4500));
    const int after = frames();
    CHECK(after > atStart);       // the minute was drawn
    CHECK(after - atStart <= 2);  // and nothing more: an idle kiosk draws once a minute
    CHECK(stop(pid) == 0);
}

// Issue 32: a box without any sound (no card, not even an ALSA configuration that names a device):
// the kiosk starts, turns speech on at a real click, says what it says into the speech log, goes on
// checking in, and ends cleanly (the speech thread joined).
TEST_CASE("the kiosk starts, speaks into its log and runs on with no audio device at all", "[e2e][xdotool][sound]") {
    TempDir dir;
    const std::string dump = (dir / "ui.jsonl").string();
    const std::string log = (dir / "speech.jsonl").string();
    writeFile((dir / "asound.conf").string(), "# no devices at all\n");
    const int pid = spawn({kBinary, "--config", kSource + "/config", "--db", (dir / "attendance.db").string(), "--ui-dump", dump,
                           "--speech-log", log},
                          {{"TZ", "Europe/Amsterdam"}, {"ALSA_CONFIG_PATH", (dir / "asound.conf").string()}});
    REQUIRE(pid > 0);
    std::optional<Item> access;
    REQUIRE(waitUntil([&] { return (access = findByLabel(readFile(dump), "Toegankelijk")).has_value(); }));
    const std::string window = findWindow();
    click(window, *access);
    CHECK(waitUntil([&] { return readFile(log).find("Spraak staat aan") != std::string::npos; }));
    // Speech mode: the first click says, the second chooses.
    std::optional<Item> checkin;
    REQUIRE(waitUntil([&] { return (checkin = findByLabel(readFile(dump), "Inchecken")).has_value(); }));
    click(window, *checkin);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    click(window, *checkin);
    std::string screen;
    CHECK(waitUntil([&] {
        findByLabel(readFile(dump), "Anna de V.", &screen);
        return screen == "checkin";
    }));
    CHECK(readFile(log).find("Inchecken. 14 namen, op voornaam.") != std::string::npos);
    CHECK(stop(pid) == 0);
}
