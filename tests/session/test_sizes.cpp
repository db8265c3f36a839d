// Issue #16, headless and fast: the check-in side with the long-content config (40 long Dutch
// names in one group) at a landscape, a portrait and a small size. What a person would notice:
// a name cut to "…", two buttons on top of each other, the main button jumping sides, two "Terug"
// buttons, an unlabelled space bar. The real binary at six sizes: tests/e2e/test_every_size.cpp.
#include <catch2/catch.hpp>

#include <string>

#include "ui/layout.h"
#include "ui_harness.h"

using namespace kiosk;

namespace {

const std::string kLong = std::string(KIOSK_SOURCE_DIR) + "/tests/e2e/long-content";

std::vector<std::string> problems() {
    std::vector<std::string> out;
    const auto& ts = ui::frameTargets();
    for (size_t a = 0; a < ts.size(); ++a) {
        if (ts[a].clipped) out.push_back("cut: " + ts[a].label);
        for (size_t b = a + 1; b < ts.size(); ++b) {
            const float ox = std::min(ts[a].max.x, ts[b].max.x) - std::max(ts[a].min.x, ts[b].min.x);
            const float oy = std::min(ts[a].max.y, ts[b].max.y) - std::max(ts[a].min.y, ts[b].min.y);
            if (ox > 1 && oy > 1) out.push_back("overlap: " + ts[a].id + " / " + ts[b].id);
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += x + "\n";
    return s;
}

}  // namespace

TEST_CASE("long names in the search list are whole, and nothing overlaps, landscape, portrait and small", "[ui][sizes]") {
    for (const ImVec2 size : {ImVec2(1280, 800), ImVec2(1080, 1920), ImVec2(800, 480)}) {
        test::UiHarness ui("2026-11-26T09:10", size.x, size.y, kLong);
        INFO(size.x << "x" << size.y);
        CHECK(ui::layout().portrait == (size.y > size.x));
        {
            const auto p = problems();
            INFO("home\n" << joined(p));
            CHECK(p.empty());
        }
        ui.tap("go.checkin");
        const auto p = problems();
        INFO("check-in\n" << joined(p));
        CHECK(p.empty());
        int names = 0;
        for (const auto& t : ui::frameTargets()) names += t.id.rfind("tile.", 0) == 0;
        CHECK(names >= 4);  // the list shows names, not just the keyboard
    }
}

TEST_CASE("on every answer card the main button is on the right, and there is one Terug", "[ui][sizes]") {
    test::UiHarness ui("2026-11-26T09:10", 1280, 800);
    ui.tap("go.checkin");
    ui.tap("tile.ZU01");
    ui.settle();
    REQUIRE(ui.state().feedback.kind == ui::Feedback::Kind::checked_in);
    const ui::TapTarget* undo = ui.target("feedback.undo");
    const ui::TapTarget* done = ui.target("feedback.done");
    REQUIRE(undo);
    REQUIRE(done);
    CHECK(done->min.x > undo->max.x);  // "Klaar", the main button, on the right
    // A tap on someone not checked in, in check-out mode: the card offers to check in, on the right,
    // and its other button is not a second "Terug".
    ui.tap("feedback.done");  // home
    ui.tap("go.checkout");
    ui.tap("tile.ZU02");
    ui.settle();
    REQUIRE(ui.state().feedback.kind == ui::Feedback::Kind::not_checked_in);
    const ui::TapTarget* checkin = ui.target("feedback.checkin");
    const ui::TapTarget* other = ui.target("feedback.done");
    REQUIRE(checkin);
    REQUIRE(other);
    CHECK(checkin->min.x > other->max.x);
    int backs = 0;
    for (const auto& t : ui::frameTargets()) backs += t.label == "Terug";
    CHECK(backs == 1);
}

TEST_CASE("the space bar says what it is", "[ui][sizes]") {
    test::UiHarness ui("2026-11-26T09:10", 1280, 800);
    ui.tap("go.checkin");
    ui.tap("go.walkin");
    const ui::TapTarget* space = ui.target("walkin.key.space");
    REQUIRE(space);
    CHECK(space->label == "spatie");
}
