// --touch X,Y, --hold X,Y,S, --swipe X1,Y1,X2,Y2 and --wait S: the real binary touched by position, as someone who does
// not see the screen touches it (issue 32's trial by ear). A first run finds a name tile's place in
// --ui-dump; later runs touch only by position and read what the kiosk said in --speech-log.
#include <catch2/catch.hpp>

#include <regex>

#include "e2e_support.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;
    bool contains(int px, int py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

// Every tap target of the dump's last frame, by label.
std::vector<std::pair<std::string, Rect>> lastFrameTargets(const std::string& dump) {
    const auto lastLine = dump.rfind('\n', dump.size() > 1 ? dump.size() - 2 : 0);
    const std::string line = dump.substr(lastLine == std::string::npos ? 0 : lastLine + 1);
    const std::regex item("\"label\": \"([^\"]*)\", \"x\": (\\d+), \"y\": (\\d+), \"w\": (\\d+), \"h\": (\\d+)");
    std::vector<std::pair<std::string, Rect>> out;
    for (auto it = std::sregex_iterator(line.begin(), line.end(), item); it != std::sregex_iterator(); ++it)
        out.push_back({(*it)[1], Rect{std::stoi((*it)[2]), std::stoi((*it)[3]), std::stoi((*it)[4]), std::stoi((*it)[5])}});
    return out;
}

const std::vector<std::string> kCheckin{"--screen", "checkin", "--size", "1280x800", "--now", "2026-11-26T09:10", "--frames", "2"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST_CASE("--touch, --hold, --swipe and --wait refuse what is not a place or a time, with exit 2", "[e2e][cli][touch]") {
    TempDir dir;
    for (const std::vector<std::string>& bad : {std::vector<std::string>{"--touch", "5,x"}, {"--touch", "-1,3"}, {"--touch", "5, 6"},
                                                {"--hold", "5,5"}, {"--hold", "5,5,0"}, {"--hold", "5,5,61"}, {"--wait", "0"},
                                                {"--touch", "1280,10"}, {"--hold", "10,800,2"}, {"--swipe", "5,5,5"},
                                                {"--swipe", "5,5,5,-5"}, {"--swipe", "5,5,5,1280"}}) {
        const auto r = runKiosk(dir, with({"--size", "1280x800", "--screenshot", (dir / "x.png").string()}, bad));
        INFO(bad[0] << " " << bad[1] << ": " << r.err);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find(bad[0]) != std::string::npos);
        CHECK(r.err.find(" / ") != std::string::npos);  // Dutch / English
    }
    CHECK(runKiosk(dir, {"--help"}).out.find("--hold X,Y,S") != std::string::npos);
    CHECK(runKiosk(dir, {"--help"}).out.find("--swipe X1,Y1,X2,Y2") != std::string::npos);
}

TEST_CASE("a --hold of 2 s turns speech on, and a --touch on a name tile then speaks the name", "[e2e][cli][touch]") {
    TempDir dir;
    const std::string dump = (dir / "ui.jsonl").string();
    const std::string shot = (dir / "x.png").string();
    REQUIRE(runKiosk(dir, with(kCheckin, {"--screenshot", shot, "--ui-dump", dump})).exitCode == 0);
    const auto targets = lastFrameTargets(readFile(dump));
    Rect anna;
    for (const auto& [label, r] : targets)
        if (label == "Anna de V.") anna = r;
    REQUIRE(anna.w > 0);
    // The finger is held where there is no element (and not in the staff corner, top left).
    int holdX = -1, holdY = -1;
    for (int y = 799; y > 100 && holdX < 0; y -= 20)
        for (int x = 1279; x > 100 && holdX < 0; x -= 20) {
            bool free = true;
            for (const auto& t : targets) free = free && !t.second.contains(x, y);
            if (free) holdX = x, holdY = y;
        }
    REQUIRE(holdX >= 0);
    const std::string hold = std::to_string(holdX) + "," + std::to_string(holdY);
    const std::string name = std::to_string(anna.x + anna.w / 2) + "," + std::to_string(anna.y + anna.h / 2);

    SECTION("held 2 s: speech, then the tile's name, and nobody checked in") {
        const std::string log = (dir / "speech.jsonl").string();
        const auto r = runKiosk(dir, with(kCheckin, {"--screenshot", shot, "--delay", "0.5", "--speech-log", log, "--audio-device", "null",
                                                     "--hold", hold + ",2", "--touch", name}));
        REQUIRE(r.exitCode == 0);
        const std::string said = readFile(log);
        INFO(said);
        const auto on = said.find("Spraak staat aan");
        const auto saidName = said.find("{\"text\":\"Anna de V.");
        REQUIRE(on != std::string::npos);
        REQUIRE(saidName != std::string::npos);
        CHECK(on < saidName);
        CHECK(said.find("Welkom") == std::string::npos);
        CHECK(eventsIn(dir / "attendance.db") == 0);
    }
    SECTION("held 2 s, then --swipe right: the next controls are said in reading order, nobody is checked in") {
        // The screen's content comes first (Terug after it, explore.h rule 3): one swipe reaches Anna.
        const std::string log = (dir / "speech2.jsonl").string();
        const auto r = runKiosk(dir, with(kCheckin, {"--screenshot", shot, "--delay", "0.5", "--speech-log", log, "--audio-device", "null",
                                                     "--hold", hold + ",2", "--swipe", "400,400,700,400"}));
        REQUIRE(r.exitCode == 0);
        const std::string said = readFile(log);
        INFO(said);
        const auto first = said.find("Veeg \xC3\xA9\xC3\xA9n keer naar rechts voor de eerste naam");
        const auto saidName = said.find("{\"text\":\"Anna de V., ");
        REQUIRE(first != std::string::npos);
        REQUIRE(saidName != std::string::npos);
        CHECK(first < saidName);
        CHECK(said.find("Welkom") == std::string::npos);
        CHECK(eventsIn(dir / "attendance.db") == 0);
    }
    SECTION("held 1 s: no speech; the touch on the tile is an ordinary tap and checks Anna in") {
        const std::string log = (dir / "speech1.jsonl").string();
        const auto r = runKiosk(dir, with(kCheckin, {"--screenshot", shot, "--delay", "0.5", "--speech-log", log, "--audio-device", "null",
                                                     "--hold", hold + ",1", "--touch", name}));
        REQUIRE(r.exitCode == 0);
        CHECK(readFile(log).find("Spraak staat aan") == std::string::npos);
        AttendanceDb store;
        REQUIRE(store.open((dir / "attendance.db").string(), {0}).status.ok());
        std::vector<AttendanceEvent> events;
        REQUIRE(store.loadEvents([&](const AttendanceEvent& e) { events.push_back(e); }).ok());
        REQUIRE(events.size() == 1);
        CHECK(events[0].participantCode == "ZU01");
        CHECK(events[0].kind == EventKind::check_in);
    }
}
