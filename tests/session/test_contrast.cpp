// Contrast as drawn (issue 32, WCAG 1.4.3 / 1.4.6 / 1.4.11): every glyph the screens draw against
// the fill under it, and every control's outline or fill against the page around it, read back
// from ImGui's draw lists (drawn_colours.h), on the screens a participant meets, in landscape and
// on the portrait stand. Not the palette alone: a colour pair the palette never meant (warning text
// on the page, a faded key) shows up here.
#include <catch2/catch.hpp>

#include <cstdio>
#include <sstream>

#include "drawn_colours.h"
#include "ui_harness.h"

using namespace kiosk;

namespace {

std::string hex(ui::Rgb c) {
    char b[8];
    std::snprintf(b, sizeof b, "%02X%02X%02X", c.r, c.g, c.b);
    return b;
}

struct Findings {
    double minText = 21.0, minBoundary = 21.0;
    std::vector<std::string> textBelow, boundaryBelow;
};

// The screen as it is, drawn once more with lines as geometry (drawn_colours.h: a textured line, ImGui's
// way for whole-pixel widths, would read as a glyph, and the outline it draws would go unseen): each glyph
// against what is under it, each control against its page. The style is set again before that frame
// because a theme switch replaces the whole style.
void measure(test::UiHarness& ui, const std::string& where, double textFloor, Findings& f) {
    ImGui::GetStyle().AntiAliasedLinesUseTex = false;
    ui.frame();
    REQUIRE_FALSE(ImGui::GetStyle().AntiAliasedLinesUseTex);
    const test::DrawnColours d;
    REQUIRE(d.glyphs.size() > 20);
    // "Meer tijd nodig?" dims the screen under it and disables it (a tap there only answers the
    // question): that screen is not what a person reads or uses then (WCAG's inactive components), and
    // the question, drawn over everything on the foreground list, is measured alone.
    const bool asking = std::any_of(ui::frameTargets().begin(), ui::frameTargets().end(), [](const ui::TapTarget& t) { return t.id == "more_time"; });
    const ImDrawList* over = ImGui::GetForegroundDrawList();
    for (const auto& g : d.glyphs) {
        if (asking && g.list != over) continue;
        const double r = ui::contrastRatio(g.colour, g.under);
        if (r < 1.05) continue;  // a glyph drawn in the colour under it is not text a person reads (an empty ✓ room)
        f.minText = std::min(f.minText, r);
        if (r < textFloor && f.textBelow.size() < 12) {
            std::ostringstream o;
            o << where << ": text " << hex(g.colour) << " on " << hex(g.under) << " = " << r << " at (" << g.centre.x << ", " << g.centre.y << ")";
            f.textBelow.push_back(o.str());
        }
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // While the question is up only its own answer is a control.
    for (const auto& t : ui::frameTargets()) {
        if (asking && t.id != "more_time") continue;
        const ImVec2 full = t.fullSize.x > 0 ? t.fullSize : ImVec2(t.max.x - t.min.x, t.max.y - t.min.y);
        if (full.x > t.max.x - t.min.x + 0.5f || full.y > t.max.y - t.min.y + 0.5f) continue;  // partly scrolled out
        if (t.id.rfind("agenda.", 0) == 0) continue;  // agenda rows: text to read, opened by a tap (not controls that look like one)
        if (t.min.x < 6 || t.min.y < 6 || t.max.x > display.x - 6 || t.max.y > display.y - 6) continue;
        const float cy = (t.min.y + t.max.y) * 0.5f;
        const ui::Rgb page = d.colourAt(ImVec2(t.min.x - 4.0f, cy));
        // The outline: the colour most unlike the page in the control's first pixels (an anti-aliased
        // stroke of 2 px has a solid core of 1 px whose place depends on the fraction of min.x).
        ui::Rgb edge = d.colourAt(ImVec2(t.min.x + 0.25f, cy));
        for (const float dx : {0.5f, 0.75f, 1.0f, 1.25f, 1.5f}) {
            const ui::Rgb c = d.colourAt(ImVec2(t.min.x + dx, cy));
            if (ui::contrastRatio(c, page) > ui::contrastRatio(edge, page)) edge = c;
        }
        const ui::Rgb fill = d.colourAt(ImVec2((t.min.x + t.max.x) * 0.5f, t.min.y + 5.0f));
        const double r = std::max(ui::contrastRatio(edge, page), ui::contrastRatio(fill, page));
        f.minBoundary = std::min(f.minBoundary, r);
        if (r < 3.0) {
            std::ostringstream o;
            o << where << ": control " << t.id << " edge " << hex(edge) << " / fill " << hex(fill) << " on " << hex(page) << " = " << r;
            f.boundaryBelow.push_back(o.str());
        }
    }
}

// The screens a participant meets, one after the other, measured each; in the high-contrast theme
// when `high` (chosen again after each return home, which resets it).
void everyScreen(float w, float h, bool high, double textFloor, Findings& f) {
    test::UiHarness ui("2026-11-26T09:10", w, h);
    const std::string size = std::to_string(static_cast<int>(w)) + "x" + std::to_string(static_cast<int>(h)) + (high ? " high " : " ");
    auto home = [&] {
        ui.session().apply(ui::Intent::go(ui::Screen::home));
        ui.frame();
        if (high) ui.tap("contrast");
        REQUIRE(ui::theme().highContrast == high);
    };
    home();
    measure(ui, size + "home", textFloor, f);
    ui.tap("go.checkin");
    measure(ui, size + "checkin", textFloor, f);
    ui.tap("tile.ZU01");
    ui.settle();
    REQUIRE(ui.state().feedback.kind == ui::Feedback::Kind::checked_in);
    measure(ui, size + "welcome", textFloor, f);
    ui.tap("feedback.done");
    home();
    ui.tap("go.checkin");
    ui.tap("tile.ZU01");
    ui.settle();
    measure(ui, size + "already in", textFloor, f);
    home();
    ui.tap("go.checkin");
    ui.tap("go.walkin");
    REQUIRE(ui.state().screen == ui::Screen::walkin);
    measure(ui, size + "walkin", textFloor, f);
    home();
    ui.tap("go.agenda");
    measure(ui, size + "agenda", textFloor, f);
    ui.session().apply(ui::Intent::go(ui::Screen::exercises));
    ui.frame();
    measure(ui, size + "exercises", textFloor, f);
    home();
    ui.holdAt(ImVec2(8, 8), 3000);
    REQUIRE(ui.state().screen == ui::Screen::staff_pin);
    measure(ui, size + "staff_pin", textFloor, f);
    home();
    ui.tap("go.agenda");
    ui.clock().advanceSeconds(20);
    ui.frame();
    REQUIRE(ui.state().moreTimeSecondsLeft > 0);
    measure(ui, size + "more time", textFloor, f);
}

void checkTheme(bool high) {
    Findings f;
    for (const auto& [w, h] : {std::pair{1280.0f, 800.0f}, std::pair{1080.0f, 1920.0f}, std::pair{800.0f, 480.0f}})
        everyScreen(w, h, high, 7.0, f);
    INFO("lowest text contrast " << f.minText << ", lowest control boundary " << f.minBoundary);
    for (const auto& s : f.textBelow) UNSCOPED_INFO(s);
    for (const auto& s : f.boundaryBelow) UNSCOPED_INFO(s);
    CHECK(f.textBelow.empty());
    CHECK(f.boundaryBelow.empty());
    if (high) CHECK(f.minBoundary >= 7.0);  // the high-contrast theme: every pair 7:1, outlines included
    std::printf("contrast as drawn (%s): lowest text %.2f:1, lowest control boundary %.2f:1\n", high ? "high contrast" : "normal",
                f.minText, f.minBoundary);
}

}  // namespace

// Both themes meet it as drawn (figures printed on each run). The session-6 branch reported failures
// here (muted text 3.6-4.2:1, the walk-in field's edge 1.07:1) that were the measurement's: outlines of
// 2 px drawn as textured lines read as glyphs in the boundary colour, and the edge sampled where an
// anti-aliased stroke has no solid core. Made 3.07:1 / 1.39:1 by a lighter muted and boundary, it fails.
TEST_CASE("contrast as drawn: text at least 7:1 on its fill, controls at least 3:1 against the page", "[ui][contrast]") {
    checkTheme(false);
}

TEST_CASE("contrast as drawn, high-contrast theme: text and control outlines at least 7:1", "[ui][contrast][accessible]") {
    checkTheme(true);
}
