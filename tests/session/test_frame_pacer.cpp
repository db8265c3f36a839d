#include <catch2/catch.hpp>

#include "app/frame_pacer.h"

using namespace kiosk;

TEST_CASE("the frame pacer draws after input and sleeps until the next visible change", "[pacer]") {
    FramePacer p;
    CHECK(p.shouldDraw());  // the first frame
    p.drew();
    CHECK_FALSE(p.shouldDraw());
    CHECK(p.waitSeconds(42000, 2000) == Approx(2.0));   // the config poll comes first
    CHECK(p.waitSeconds(1500, 2000) == Approx(1.5));    // the clock's minute comes first
    p.onInput();
    for (int i = 0; i < 3; ++i) {  // press, release, settle: a tap needs them all
        CHECK(p.shouldDraw());
        CHECK(p.waitSeconds(60000, 60000) == 0.0);
        p.drew();
    }
    CHECK_FALSE(p.shouldDraw());
}
