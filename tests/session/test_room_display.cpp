// The facilitator's side at every size: the room display (pinned, and as room mode), the safe
// stop with resume, long steps that fit or page, and faded controls that stay readable.
#include <catch2/catch.hpp>

#include <cfloat>
#include <fstream>
#include <utility>
#include <vector>

#include "core/step_text_fit.h"
#include "ui/exercise_parts.h"
#include "ui/step_text.h"
#include "config_copy.h"
#include "ui_harness.h"

using namespace kiosk;
using State = ExercisePlayer::State;
namespace fs = std::filesystem;

namespace {

using test::ConfigCopy;

// A step of about 400 characters, Dutch, with long words.
const std::string kLongStep =
    "Loop rustig door de ruimte en kies, zonder te overleggen, een plek op de denkbeeldige lijn tussen "
    "‘Regel’ en ‘Ruimte’ die past bij wat jij als ambtenaar zou doen wanneer een burger met een "
    "onvolledige aanvraag voor een omgevingsvergunning aan de balie staat. Blijf daar staan, kijk om je "
    "heen en merk op waar je collega’s staan. Vertel daarna in één zin aan je buurman of buurvrouw "
    "waarom je hier staat en wat je nodig zou hebben om op te schuiven.";

void typeCode(test::UiHarness& ui, const std::string& code) {
    for (char c : code) ui.tap(std::string("keypad.") + c);
    ui.tap("keypad.ok");
}

void openExercise(test::UiHarness& ui, const std::string& id) {
    ui.tap("go.agenda");
    ui.tap("go.exercises");
    REQUIRE(ui.state().screen == ui::Screen::exercises);
    ui.tap("exercise." + id);
    REQUIRE(ui.state().screen == ui::Screen::exercise);
}

double blendedContrast(ui::Rgb text, ui::Rgb fill, ui::Rgb behind, float alpha) {
    auto mix = [&](ui::Rgb a, ui::Rgb under) {
        auto c = [&](unsigned char x, unsigned char y) { return static_cast<unsigned char>(x * alpha + y * (1.0f - alpha) + 0.5f); };
        return ui::Rgb{c(a.r, under.r), c(a.g, under.g), c(a.b, under.b)};
    };
    const ui::Rgb bg = mix(fill, behind);
    return ui::contrastRatio(mix(text, bg), bg);
}

}  // namespace

TEST_CASE("the room display opens behind the facilitator code and stays past the inactivity timeout", "[ui][room]") {
    ConfigCopy cfg;
    cfg.withFacilitatorCode("2468");
    test::UiHarness ui("2026-11-26T10:05", 1280, 800, cfg.path());
    ui.tap("go.agenda");
    ui.tap("go.room");
    REQUIRE(ui.state().screen == ui::Screen::shift);  // the code first
    CHECK(ui.has("keypad.1"));
    typeCode(ui, "1111");
    CHECK(ui.state().screen == ui::Screen::shift);  // a wrong code opens nothing
    typeCode(ui, "2468");
    REQUIRE(ui.state().screen == ui::Screen::room);
    CHECK_FALSE(ui.state().shiftUnlocked);  // the code opened the room display, not the shift screen
    // An hour untouched (the kiosk returns home after 20 s elsewhere): still the room display.
    for (int m = 0; m < 60; ++m) {
        ui.clock().advanceSeconds(60);
        ui.frame();
    }
    CHECK(ui.state().screen == ui::Screen::room);
    CHECK(ui.session().msUntilNextChange() <= 60000);  // its clock still ticks
    // Closing it: the agenda, which times out as usual.
    ui.tap("room.close");
    CHECK(ui.state().screen == ui::Screen::agenda);
    ui.untouchedUntilHome();
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("room mode starts on the room display and has no public check-in", "[ui][room]") {
    ConfigCopy cfg;
    cfg.edit("kiosk.toml", "mode = \"door\"", "mode = \"room\"");
    test::UiHarness ui("2026-11-26T10:05", 1920, 1080, cfg.path());
    CHECK(ui.state().screen == ui::Screen::room);
    CHECK_FALSE(ui.has("go.checkin"));
    CHECK_FALSE(ui.has("go.checkout"));
    // Asking for the check-in anyway (a script, an old habit) lands on the room display.
    ui.session().apply(ui::Intent::go(ui::Screen::checkin));
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::room);
    // The agenda from there, no code needed; untouched it returns to the room display, not the door.
    ui.tap("room.close");
    REQUIRE(ui.state().screen == ui::Screen::agenda);
    ui.untouchedUntilHome();
    CHECK(ui.state().screen == ui::Screen::room);
    ui.clock().advanceSeconds(3 * 3600);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::room);
    // A badge scanned at a room screen checks nobody in.
    ui.scanBadge("1001");
    ui.settle();
    CHECK(ui.state().screen == ui::Screen::room);
}

TEST_CASE("the room display shows the exercise that runs, and its end returns there", "[ui][room][exercise]") {
    ConfigCopy cfg;
    cfg.edit("kiosk.toml", "mode = \"door\"", "mode = \"room\"");
    test::UiHarness ui("2026-11-26T11:00", 1920, 1080, cfg.path());
    ui.tap("room.close");
    ui.tap("go.exercises");
    ui.tap("exercise.statusspel");
    REQUIRE(ui.state().screen == ui::Screen::exercise);
    ui.tap("player.end");
    ui.tap("player.stop_no");
    // Back to the room display: the exercise is on it.
    ui.tap("player.room");
    REQUIRE(ui.state().screen == ui::Screen::room);
    CHECK(ui.has("room.exercise"));
    ui.tap("room.exercise");
    REQUIRE(ui.state().screen == ui::Screen::exercise);
    for (int i = 0; i < ui.session().player()->stepCount(); ++i) ui.tap("player.next");
    REQUIRE(ui.session().player()->state() == State::finished);
    ui.tap("go.agenda_after_exercise");
    CHECK(ui.state().screen == ui::Screen::room);
}

TEST_CASE("Stoppen asks first, is far from Volgende, and the run resumes at the same step", "[ui][exercise][stop]") {
    test::UiHarness ui("2026-11-26T11:00");
    openExercise(ui, "standpunt-in-de-ruimte");
    const ExercisePlayer& p = *ui.session().player();
    ui.tap("player.next");
    ui.tap("player.next");
    REQUIRE(p.stepIndex() == 2);
    // Stop and Next are far apart: a finger aimed at one does not reach the other.
    const auto* stop = ui.target("player.end");
    const auto* next = ui.target("player.next");
    REQUIRE(stop);
    REQUIRE(next);
    CHECK(next->min.y - stop->max.y > ui::theme().Em(10.0f));
    ui.tap("player.end");
    CHECK(p.state() == State::running);   // only a question so far
    CHECK_FALSE(ui.has("player.next"));   // nothing under the question can be tapped
    ui.tap("player.stop_no");
    CHECK(p.state() == State::running);
    CHECK(ui.has("player.next"));
    ui.tap("player.end");
    ui.tap("player.stop_yes");
    CHECK(p.state() == State::stopped);
    CHECK(ui.has("player.resume_run"));
    CHECK_FALSE(ui.has("player.next"));
    ui.tap("player.resume_run");
    CHECK(p.state() == State::running);
    CHECK(p.stepIndex() == 2);
    // Stopped again and left: the chooser offers to resume it at that step.
    ui.tap("player.end");
    ui.tap("player.stop_yes");
    ui.tap("go.agenda_after_exercise");
    ui.tap("go.exercises");
    REQUIRE(ui.has("exercises.resume"));
    ui.tap("exercises.resume");
    CHECK(ui.state().screen == ui::Screen::exercise);
    CHECK(p.state() == State::running);
    CHECK(p.stepIndex() == 2);
}

TEST_CASE("a stopped run survives a restart: the chooser offers it at the same step, resumed it is forgotten", "[ui][exercise][stop][restart]") {
    test::TempDir dir;
    const fs::path db = dir / "attendance.db";
    const std::string config = std::string(KIOSK_SOURCE_DIR) + "/config";
    {
        test::UiHarness ui("2026-11-26T11:00", 1280, 800, config, false, db);
        openExercise(ui, "standpunt-in-de-ruimte");
        ui.tap("player.next");
        ui.tap("player.next");
        ui.tap("player.end");
        ui.tap("player.stop_yes");
        REQUIRE(ui.session().player()->state() == State::stopped);
        ui.settle();
    }
    {
        test::UiHarness ui("2026-11-26T11:20", 1280, 800, config, false, db);  // the kiosk restarted
        REQUIRE(ui.session().player());
        CHECK(ui.session().player()->state() == State::stopped);
        ui.tap("go.agenda");
        ui.tap("go.exercises");
        REQUIRE(ui.has("exercises.resume"));
        CHECK(ui.target("exercises.resume")->label.find("stap 3") != std::string::npos);
        ui.tap("exercises.resume");
        CHECK(ui.state().screen == ui::Screen::exercise);
        CHECK(ui.session().player()->state() == State::running);
        CHECK(ui.session().player()->stepIndex() == 2);
        ui.settle();
    }
    {
        test::UiHarness ui("2026-11-26T11:40", 1280, 800, config, false, db);  // resumed, then restarted: nothing to offer
        CHECK_FALSE(ui.session().player());
    }
    {
        // Stopped today, and the kiosk starts again tomorrow: not offered any more.
        test::UiHarness ui("2026-11-26T15:00", 1280, 800, config, false, db);
        openExercise(ui, "standpunt-in-de-ruimte");
        ui.tap("player.end");
        ui.tap("player.stop_yes");
        ui.settle();
    }
    test::UiHarness ui("2026-11-27T09:00", 1280, 800, config, false, db);
    CHECK_FALSE(ui.session().player());
}

TEST_CASE("a long step shrinks to its floor, then pages, by touch and by clicker", "[ui][exercise][fit]") {
    ConfigCopy cfg;
    cfg.edit("exercises.toml", "text = \"Ga in het midden van de zaal staan. Links is ‘Regel’, rechts is ‘Ruimte’.\"",
             "text = \"" + kLongStep + "\"");
    test::UiHarness ui("2026-11-26T11:00", 1280, 800, cfg.path());
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_PageDown] = 300;
    openExercise(ui, "standpunt-in-de-ruimte");
    const ExercisePlayer& p = *ui.session().player();
    REQUIRE(ui.state().stepPages >= 2);
    CHECK(ui.has("player.page_next"));
    ui.tap("player.page_next");
    CHECK(ui.state().stepPage == 1);
    CHECK(p.stepIndex() == 0);
    ui.tap("player.page_previous");
    CHECK(ui.state().stepPage == 0);
    // The clicker reads every page before it moves to the next step.
    for (int i = 0; i < ui.state().stepPages - 1; ++i) {
        ui.session().noteInput();
        io.KeysDown[300] = true;
        ui.frame();
        io.KeysDown[300] = false;
        ui.frame();
        CHECK(p.stepIndex() == 0);
    }
    io.KeysDown[300] = true;
    ui.frame();
    io.KeysDown[300] = false;
    ui.frame();
    CHECK(p.stepIndex() == 1);
    CHECK(ui.state().stepPage == 0);
    CHECK_FALSE(ui.has("player.page_next"));  // the next step fits on one page
}

TEST_CASE("step text keeps every word, never goes under 4 percent capitals, and check-config's estimate agrees", "[ui][fit]") {
    const std::vector<std::pair<float, float>> sizes{{1280.0f, 800.0f}, {800.0f, 480.0f}, {1080.0f, 1920.0f}, {3840.0f, 2160.0f}};
    for (const auto& [w, h] : sizes) {
        ImGuiContext* ctx = test::createHeadlessImGui(w, h);
        const ui::Theme& t = ui::theme();
        const StepTextBox box = stepTextBox(w, h, t.em);
        const ui::FittedText f = ui::fitToBox(t.fonts.large, kLongStep, box.width, box.height, box.normalPx, box.floorPx, box.pagerHeight);
        INFO(w << "x" << h << ": " << f.px << " px, " << f.pages << " pages");
        CHECK(ui::capHeight(t.fonts.large, f.px) >= 0.04f * std::min(w, h) - 1.0f);
        std::string joined;
        for (const auto& l : f.lines) {
            CHECK(l.find("\xE2\x80\xA6") == std::string::npos);
            CHECK(t.fonts.large->CalcTextSizeA(f.px, FLT_MAX, 0, l.c_str()).x <= box.width);
            joined += (joined.empty() ? "" : " ") + l;
        }
        CHECK(joined == kLongStep);
        CHECK(static_cast<float>(f.linesPerPage) * f.lineHeight() <= box.height);
        // The estimate check-config uses is within one page of the real glyphs.
        CHECK(std::abs(estimateStepPages(kLongStep, box) - f.pages) <= 1);
        ImGui::DestroyContext(ctx);
    }
}

TEST_CASE("faded exercise controls keep 4.5 to 1 contrast", "[ui][exercise]") {
    const auto& pal = ui::Palette{};
    const float a = ui::kFadedControlsAlpha;
    CHECK(blendedContrast(pal.onPrimary, pal.primary, pal.background, a) >= 4.5);
    CHECK(blendedContrast(pal.ink, pal.secondary, pal.background, a) >= 4.5);
}
