// The shared layout decision (ui/layout.h): portrait or not, how big a pixel is, how big 9 mm is.
#include <catch2/catch.hpp>

#include "ui/layout.h"

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
