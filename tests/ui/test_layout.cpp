// The shared layout decision (ui/layout.h): portrait or not, how big a pixel is, how big 9 mm is.
#include <catch2/catch.hpp>

#include <cmath>

#include "headless_imgui.h"
#include "ui/layout.h"
#include "ui/theme.h"

using namespace kiosk::ui;

TEST_CASE("a 7-inch 800x480 panel: 9 mm is about 48 pixels and 3 em reach it", "[layout]") {
    const Panel p = panelFor(7.0f, 0, 0, 0, 0, 800, 480);
    CHECK(p.source == PanelSource::config);
    const Layout l = makeLayout(800, 480, 0.0f, p);
    CHECK_FALSE(l.portrait);
    CHECK(l.mm(l.minTargetPx) >= 9.0f);
    CHECK(l.minTargetPx == Approx(48).margin(1));
    CHECK(l.mm(3.0f * l.em) >= 9.0f);
}

TEST_CASE("a portrait stand is portrait, and its text follows the width, not the height", "[layout]") {
    const Layout l = makeLayout(1080, 1920, 0.0f, panelFor(0, 0, 0, 0, 0, 1080, 1920));
    CHECK(l.portrait);
    // A line of the landscape screen (about 38 em) still fits across.
    CHECK(l.widthEm() >= 37.0f);
    CHECK(l.em >= 27.0f);
}

TEST_CASE("landscape text follows the height as before", "[layout]") {
    CHECK(makeLayout(1280, 800, 0.0f, Panel{}).em == 27.0f);
    CHECK(makeLayout(1920, 1080, 0.0f, Panel{}).em == 36.0f);
    CHECK(makeLayout(1920, 1080, 1.0f, Panel{}).em == 27.0f);  // an explicit scale
}

TEST_CASE("the monitor's own size is used only when it is plausible", "[layout]") {
    // A 24-inch 1920x1080 monitor: 531 x 299 mm.
    const Panel ok = panelFor(0, 531, 299, 1920, 1080, 1920, 1080);
    CHECK(ok.source == PanelSource::monitor);
    CHECK(ok.mmPerPx == Approx(0.2766).margin(0.001));
    // Nothing said, a TV that says 16 x 9 cm for a 4K panel, pixels that are not square.
    CHECK(panelFor(0, 0, 0, 1920, 1080, 1920, 1080).source == PanelSource::assumed);
    CHECK(panelFor(0, 160, 90, 3840, 2160, 3840, 2160).source == PanelSource::assumed);
    CHECK(panelFor(0, 500, 100, 1920, 1080, 1920, 1080).source == PanelSource::assumed);
    // The configured diagonal wins over what the monitor says.
    CHECK(panelFor(65.0f, 531, 299, 1920, 1080, 3840, 2160).source == PanelSource::config);
}

TEST_CASE("a target never comes out under the minimum", "[layout]") {
    const Layout l = makeLayout(800, 480, 0.0f, panelFor(7.0f, 0, 0, 0, 0, 800, 480));
    CHECK(l.target(1.0f) >= l.minTargetPx);
    CHECK(l.target(5.0f) == Approx(5.0f * l.em));
}

// Issue 32, item 2: larger text on the portrait stand (1080x1920, 21.5": 0.248 mm a pixel) reaches a
// capital of 0.7 degrees at 500 mm with the fonts as built (Inter's 'H' measured in the atlas), for
// the body and the small font; the growth stays within its bounds on a small panel.
TEST_CASE("larger text: the built fonts' capitals reach 0.7 degrees at 500 mm on the portrait stand", "[layout][access]") {
    ImGuiContext* ctx = kiosk::test::createHeadlessImGui(1080, 1920, 21.5f);
    measureCapRatio();
    const float ratio = theme().capRatio;
    CHECK(ratio > 0.5f);
    CHECK(ratio < 0.8f);
    const Panel p = panelFor(21.5f, 0, 0, 0, 0, 1080, 1920);
    const Layout normal = makeLayout(1080, 1920, 0.0f, p);
    const Layout l = makeLayout(1080, 1920, 0.0f, p, TextSize{true, 500.0f, ratio});
    CHECK(l.larger);
    CHECK(l.em >= normal.em * kLargerMinGrow - 0.5f);
    CHECK(l.em <= normal.em * kLargerMaxGrow + 0.5f);
    CHECK(l.mm(l.minTargetPx) >= 19.9f);  // 20 mm targets
    Theme& t = theme();
    t.fonts = loadFonts(l.em, l.smallPx, l.displayPx);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    const float need = minCapMm(500.0f);
    CHECK(need == Approx(6.11f).margin(0.01f));
    // Less one pixel: the glyph box is rounded up to whole pixels.
    for (ImFont* f : {t.fonts.body, t.fonts.bodyBold, t.fonts.small}) {
        INFO("font " << f->FontSize << " px, cap " << capHeightPx(f) << " px");
        CHECK(l.mm(capHeightPx(f) - 1.0f) >= need);
        CHECK(capDegrees(l.mm(capHeightPx(f) - 1.0f), 500.0f) >= 0.7f);
    }
    // And the normal size does not (the 0.48 degrees): the mode is needed.
    CHECK(capDegrees(normal.mm(normal.em * ratio), 500.0f) < 0.55f);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("larger text on a 7-inch 800x480 board grows as far as the screens hold", "[layout][access]") {
    const Panel p = panelFor(7.0f, 0, 0, 0, 0, 800, 480);
    const Layout normal = makeLayout(800, 480, 0.0f, p);
    const Layout l = makeLayout(800, 480, 0.0f, p, TextSize{true, 500.0f, 0.6f});
    CHECK(l.heightEm() >= kLargerMinHeightEm);
    CHECK(l.em >= std::round(normal.em * 1.2f));
    CHECK(l.em <= std::round(normal.em * kLargerMaxGrow));
    CHECK(l.smallPx <= l.em);
    CHECK(l.displayPx == normal.displayPx);  // the clock is not grown
}

// Issue 32, item 5: the band's rows on the portrait stand with its lower edge at 750 mm: the panel's
// top at 750 + 1920 x 0.2479 = 1226 mm; 1100 mm is row 508, 800 mm row 1718.
TEST_CASE("the reach band's rows on the portrait stand mounted at 750 mm", "[layout][access]") {
    kiosk::DisplaySettings d;
    d.mountingBottomMm = 750.0f;
    Layout l = makeLayout(1080, 1920, 0.0f, panelFor(21.5f, 0, 0, 0, 0, 1080, 1920));
    setReachBand(l, d);
    REQUIRE(l.band);
    CHECK(l.floorToTopMm == Approx(1226.0f).margin(1.0f));
    CHECK(l.bandTop == Approx(508.0f).margin(1.5f));
    CHECK(l.bandBottom == Approx(1718.0f).margin(1.5f));
    CHECK(l.aboveFloorMm(l.bandTop) <= 1100.5f);
    CHECK(l.aboveFloorMm(l.bandBottom) >= 799.5f);
    // No mounting height, or a landscape panel: no band.
    Layout landscape = makeLayout(1920, 1080, 0.0f, panelFor(21.5f, 0, 0, 0, 0, 1920, 1080));
    setReachBand(landscape, d);
    CHECK_FALSE(landscape.band);
    d.mountingBottomMm = 0.0f;
    setReachBand(l, d);
    CHECK_FALSE(l.band);
    // A band mostly off the panel (lower edge at 1050 mm) is cut to it, then grown to kMinBandEm.
    d.mountingBottomMm = 1050.0f;
    setReachBand(l, d);
    CHECK(l.band);
    CHECK(l.bandBottom - l.bandTop >= kMinBandEm * l.em - 1.0f);
    CHECK(l.bandBottom <= 1920.0f);
}
