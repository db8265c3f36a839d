// The exercise player on screen: chosen from the agenda, run by touch, by presenter clicker alone,
// and by auto-advance alone.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "config_copy.h"
#include "drawn_colours.h"
#include "ui_harness.h"

using namespace kiosk;
using State = ExercisePlayer::State;

namespace {

constexpr int kPageDown = 300, kPageUp = 301, kLeft = 302;

void press(test::UiHarness& ui, int key) {
    ImGuiIO& io = ImGui::GetIO();
    ui.session().noteInput();
    io.KeysDown[key] = true;
    ui.frame();
    io.KeysDown[key] = false;
    ui.frame();
}

void typeChar(test::UiHarness& ui, char c) {
    ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    ui.frame();
}

void openExercise(test::UiHarness& ui, const std::string& id) {
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_PageDown] = kPageDown;
    io.KeyMap[ImGuiKey_PageUp] = kPageUp;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    ui.tap("go.agenda");
    ui.tap("go.exercises");
    REQUIRE(ui.state().screen == ui::Screen::exercises);
    ui.tap("exercise." + id);
    REQUIRE(ui.state().screen == ui::Screen::exercise);
    REQUIRE(ui.session().player());
}

}  // namespace

TEST_CASE("a whole exercise runs from start to end by clicker alone", "[ui][exercise][clicker]") {
    test::UiHarness ui("2026-11-26T11:00");
    openExercise(ui, "standpunt-in-de-ruimte");
    const ExercisePlayer& p = *ui.session().player();
    CHECK(p.state() == State::running);
    CHECK(p.stepIndex() == 0);
    press(ui, kPageDown);
    CHECK(p.stepIndex() == 1);
    press(ui, kLeft);  // back
    CHECK(p.stepIndex() == 0);
    typeChar(ui, 'p');
    CHECK(p.state() == State::paused);
    typeChar(ui, 'B');  // the clicker's "blank" key also pauses and resumes
    CHECK(p.state() == State::running);
    const int64_t before = p.durationMs();
    typeChar(ui, '+');
    CHECK(p.durationMs() == before + 60000);
    typeChar(ui, '-');
    CHECK(p.durationMs() == before);
    for (int i = 0; i < p.stepCount(); ++i) press(ui, kPageDown);
    CHECK(p.state() == State::finished);
    CHECK(ui.has("go.agenda_after_exercise"));
}

TEST_CASE("an auto-advancing exercise runs from start to end by itself", "[ui][exercise][auto]") {
    test::UiHarness ui("2026-11-26T11:00");
    openExercise(ui, "kompas-in-je-lijf");
    const ExercisePlayer& p = *ui.session().player();
    const int steps = p.stepCount();
    for (int s = 0; s < steps; ++s) {
        CHECK(p.stepIndex() == s);
        ui.clock().advanceSeconds(p.durationMs() / 1000);
        ui.frame();
    }
    CHECK(p.state() == State::finished);
}

TEST_CASE("the touch controls drive the player and the running exercise never times out", "[ui][exercise]") {
    test::UiHarness ui("2026-11-26T11:00");
    openExercise(ui, "statusspel");
    const ExercisePlayer& p = *ui.session().player();
    ui.tap("player.next");
    CHECK(p.stepIndex() == 1);
    ui.tap("player.previous");
    CHECK(p.stepIndex() == 0);
    ui.tap("player.pause");
    CHECK(p.state() == State::paused);
    ui.tap("player.pause");
    CHECK(p.state() == State::running);
    ui.tap("player.plus");
    CHECK(p.durationMs() == (2 + 1) * 60000);
    // Nobody touches the screen for ten minutes: the exercise stays, in overtime, counting up.
    ui.clock().advanceSeconds(600);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::exercise);
    CHECK(p.phase(ui.clock().steady()) == ExercisePlayer::Phase::overtime);
    ui.tap("player.end");
    ui.tap("player.stop_yes");
    CHECK(p.state() == State::stopped);
    ui.untouchedUntilHome();
    CHECK(ui.state().screen == ui::Screen::home);  // a stopped one does time out
}

TEST_CASE("leaving a screen mid-animation stops the fast frames", "[ui][exercise][idle]") {
    test::UiHarness ui("2026-11-26T11:00");
    openExercise(ui, "statusspel");
    ui.clock().advanceSeconds(2 * 60 + 1);  // time is up: the flash animates
    ui.session().noteInput();
    ui.frame();
    REQUIRE(ui.state().animating);
    CHECK(ui.session().msUntilNextChange() <= 16);
    ui.tap("player.end");
    ui.tap("player.stop_yes");
    ui.frame();
    CHECK_FALSE(ui.state().animating);  // the stopped screen does not move: back to sleeping
    CHECK(ui.session().msUntilNextChange() > 16);
}

namespace {

// The chimes in a speech log, in order: {"chime":n,"start":...} lines (session/speech.h).
std::vector<int> chimes(const std::filesystem::path& log) {
    std::vector<int> out;
    std::ifstream in(log);
    const std::regex line(R"re(^\{"chime":([123]),"start":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}"\}$)re");
    for (std::string l; std::getline(in, l);) {
        std::smatch m;
        if (std::regex_match(l, m, line)) out.push_back(std::stoi(m[1]));
    }
    return out;
}

// The colour a point in the middle of the exercise screen was drawn in, this frame.
ui::Rgb middle(test::UiHarness& ui) {
    ui.frame();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    return test::DrawnColours().colourAt(ImVec2(size.x * 0.5f, size.y * 0.5f));
}

}  // namespace

TEST_CASE("the room's chime: one stroke at bijna klaar, two at tijd is om, three at the step's end, into an audio sink",
          "[ui][exercise][chime][sound]") {
    test::ConfigCopy config;
    config.edit("kiosk.toml", "chime = false", "chime = true");  // the sample's [room]
    test::TempDir logs;
    const std::filesystem::path log = logs / "speech.jsonl";
    test::UiHarness ui("2026-11-26T11:00", 1280, 800, config.path(), false, {}, {},
                       [&](SessionOptions& o) { o.speechLog = log.string(); });
    openExercise(ui, "standpunt-in-de-ruimte");  // step 1: 2 minutes
    for (int s = 0; s < 100; ++s) {
        ui.clock().advanceSeconds(1);
        ui.frame();
    }
    CHECK(chimes(log).empty());  // 20 s left of 120: not yet the last 10 %
    for (int s = 0; s < 30; ++s) {
        ui.clock().advanceSeconds(1);
        ui.frame();
    }
    CHECK(chimes(log) == std::vector<int>{1, 2});
    press(ui, kPageDown);  // the clicker: the next step
    CHECK(chimes(log) == std::vector<int>{1, 2, 3});
    REQUIRE(ui.session().speech().waitIdle(20000));
    const auto st = ui.session().speech().stats();
    CHECK(st.audioOpen);              // ALSA's null device (the harness's): no sound card on CI
    CHECK(st.samples >= 22050 * 2);   // three chimes of 1.4 s or more
    CHECK(st.framesPlayed > 0);
}

TEST_CASE("the room's chime is off unless asked, and [room] flash = false keeps the screen steady at tijd is om",
          "[ui][exercise][chime]") {
    for (const bool flashOff : {false, true}) {
        test::ConfigCopy config;
        if (flashOff) config.edit("kiosk.toml", "flash = true", "flash = false");
        test::TempDir logs;
        const std::filesystem::path log = logs / "speech.jsonl";
        test::UiHarness ui("2026-11-26T11:00", 1280, 800, config.path(), false, {}, {},
                           [&](SessionOptions& o) { o.speechLog = log.string(); });
        openExercise(ui, "standpunt-in-de-ruimte");
        ui.clock().advanceSeconds(110);
        const ui::Rgb before = middle(ui);
        ui.clock().advanceMs(10200);  // 200 ms after tijd is om: the flash's first bright phase
        const ui::Rgb during = middle(ui);
        INFO("flash off: " << flashOff);
        const bool same = during.r == before.r && during.g == before.g && during.b == before.b;
        CHECK(same == flashOff);
        CHECK(ui.session().player()->phase(ui.clock().steady()) == ExercisePlayer::Phase::overtime);
        CHECK(chimes(log).empty());  // the sample config asks for no chime
    }
}
