// The exercise player on screen: chosen from the agenda, run by touch, by presenter clicker alone,
// and by auto-advance alone.
#include <catch2/catch.hpp>

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
