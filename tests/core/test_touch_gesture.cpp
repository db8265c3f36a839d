// The speech mode's gestures (core/touch_gesture.h), over generated finger paths: a tap with jitter
// is never a swipe, a scroll of the name list or a slow drag is never a swipe, a quick flick sideways
// always is, in its direction; and the reading order of a screen's boxes.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "core/touch_gesture.h"

using namespace kiosk;

namespace {

// A finger from (x0, y0) to (x0 + dx, y0 + dy) in `ms`, sampled every 16 ms (a 60 Hz frame), each
// sample off the straight line by up to `jitter` mm.
std::vector<TouchSample> path(std::mt19937& rng, float x0, float y0, float dx, float dy, int64_t ms, float jitter) {
    std::uniform_real_distribution<float> j(-jitter, jitter);
    std::vector<TouchSample> out;
    const int n = std::max<int>(1, static_cast<int>(ms / 16));
    for (int i = 0; i <= n; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(n);
        const bool end = i == 0 || i == n;  // the press and the release are where they are said to be
        out.push_back({ms * i / n, x0 + dx * f + (end ? 0 : j(rng)), y0 + dy * f + (end ? 0 : j(rng))});
    }
    return out;
}

}  // namespace

TEST_CASE("touch_gesture rule 2: a tap with jitter, short or resting, is a tap and never a swipe", "[gesture]") {
    std::mt19937 rng(32);
    std::uniform_real_distribution<float> pos(0, 300), angle(0, 6.2832f), reach(0, kTapSlopMm / 2.0f);
    std::uniform_int_distribution<int> ms(0, 1900);
    for (int i = 0; i < 2000; ++i) {
        const float a = angle(rng), r = reach(rng);  // the release within half the slop, jitter within the other half
        const auto p = path(rng, pos(rng), pos(rng), r * std::cos(a), r * std::sin(a), ms(rng), kTapSlopMm / 2.0f / 1.5f);
        INFO("path " << i);
        CHECK(classifyTouch(p) == Gesture::tap);
    }
    CHECK(classifyTouch({{0, 10, 10}}) == Gesture::tap);  // press and release in one sample
    CHECK(classifyTouch({}) == Gesture::other);
}

TEST_CASE("touch_gesture rule 3: a quick flick sideways is a swipe, in its direction", "[gesture]") {
    std::mt19937 rng(33);
    std::uniform_real_distribution<float> pos(0, 300), len(kSwipeMinMm + 0.5f, 120), slope(-0.4f, 0.4f);
    std::uniform_int_distribution<int> ms(30, static_cast<int>(kSwipeMaxMs));
    for (int i = 0; i < 2000; ++i) {
        const float dx = len(rng) * (i % 2 ? 1.0f : -1.0f);
        const float dy = std::abs(dx) * slope(rng);
        const float jitter = std::max(0.0f, 0.5f * std::abs(dx) - std::abs(dy)) * 0.5f;  // stays within the band
        const auto p = path(rng, pos(rng), pos(rng), dx, dy, ms(rng), std::min(jitter, 3.0f));
        INFO("path " << i << " dx " << dx << " dy " << dy);
        CHECK(classifyTouch(p) == (dx > 0 ? Gesture::swipe_next : Gesture::swipe_previous));
    }
}

TEST_CASE("touch_gesture rule 3: a quick flick up or down is a swipe down or up, the name list's letter jump", "[gesture]") {
    std::mt19937 rng(35);
    std::uniform_real_distribution<float> pos(0, 300), len(kSwipeMinMm + 0.5f, 120), slope(-0.4f, 0.4f);
    std::uniform_int_distribution<int> ms(30, static_cast<int>(kSwipeMaxMs));
    for (int i = 0; i < 1000; ++i) {
        const float dy = len(rng) * (i % 2 ? 1.0f : -1.0f);
        const float dx = std::abs(dy) * slope(rng);
        const float jitter = std::max(0.0f, 0.5f * std::abs(dy) - std::abs(dx)) * 0.5f;
        const auto p = path(rng, pos(rng), pos(rng), dx, dy, ms(rng), std::min(jitter, 3.0f));
        INFO("path " << i << " dx " << dx << " dy " << dy);
        CHECK(classifyTouch(p) == (dy > 0 ? Gesture::swipe_down : Gesture::swipe_up));
    }
}

TEST_CASE("touch_gesture rule 4: a slow scroll up or down, a diagonal, a slow drag and a short slide are no swipe", "[gesture]") {
    std::mt19937 rng(34);
    std::uniform_real_distribution<float> pos(0, 300), len(kSwipeMinMm, 150), side(-1, 1), diagonal(0.55f, 1.9f);
    std::uniform_int_distribution<int> quick(30, static_cast<int>(kSwipeMaxMs)), slow(static_cast<int>(kSwipeMaxMs) + 1, 4000);
    for (int i = 0; i < 1000; ++i) {
        INFO("path " << i);
        // A scroll of the name list: up or down, slowly (a quick flick is rule 3's letter jump).
        const float dy = len(rng) * (i % 2 ? 1.0f : -1.0f);
        CHECK(classifyTouch(path(rng, pos(rng), pos(rng), 0.9f * std::abs(dy) * side(rng), dy, slow(rng), 1.0f)) == Gesture::other);
        // Quick, but neither sideways nor up or down: between half and twice as far across as down.
        const float across = std::abs(dy) * diagonal(rng) * (i % 3 ? 1.0f : -1.0f);
        CHECK(classifyTouch(path(rng, pos(rng), pos(rng), across, dy, quick(rng), 0.0f)) == Gesture::other);
        // A slow drag sideways: moving a finger across the screen, not a flick.
        CHECK(classifyTouch(path(rng, pos(rng), pos(rng), len(rng), 0, slow(rng), 1.0f)) == Gesture::other);
        // Between a tap and a swipe: too short to be either.
        const float shortDx = kTapSlopMm + 1.0f + (kSwipeMinMm - kTapSlopMm - 2.0f) * (side(rng) + 1) / 2;
        CHECK(classifyTouch(path(rng, pos(rng), pos(rng), shortDx, 0, quick(rng), 0.0f)) == Gesture::other);
    }
    // A flick that ends sideways but went down the list first is neither.
    CHECK(classifyTouch({{0, 50, 50}, {80, 55, 90}, {160, 80, 52}}) == Gesture::other);
}

TEST_CASE("touch_gesture rule 5: a double tap is quick and on one spot", "[gesture]") {
    const TouchSample first{1000, 100, 100};
    CHECK(doubleTap(first, {1000 + kDoubleTapMs, 105, 103}));
    CHECK_FALSE(doubleTap(first, {1001 + kDoubleTapMs, 100, 100}));  // too slow: a second tap, not a double tap
    CHECK_FALSE(doubleTap(first, {1100, 100 + kDoubleTapNearMm + 1, 100}));  // elsewhere: another tap
    CHECK_FALSE(doubleTap(first, {999, 100, 100}));  // before the first (a clock step): no
}

TEST_CASE("touch_gesture rule 6: reading order is top to bottom, then left to right within a row", "[gesture]") {
    // The home screen at 1080x1920 (from --ui-dump): one wide button, two half ones, a row of three
    // and a row of two at the right, drawn in another order than they are read.
    const std::vector<Box> home = {
        {704, 1717, 1028, 1801},  // 0 larger text
        {33, 1448, 1029, 1565},   // 1 check in
        {648, 1817, 832, 1901},   // 2 Nederlands
        {542, 1588, 1028, 1688},  // 3 programme
        {33, 1588, 519, 1688},    // 4 check out
        {33, 1717, 357, 1801},    // 5 accessible
        {844, 1817, 1028, 1901},  // 6 English
        {368, 1717, 692, 1801},   // 7 high contrast
    };
    CHECK(readingOrder(home) == std::vector<size_t>{1, 4, 3, 5, 7, 0, 2, 6});
    // A tall tile beside two short ones: the short ones whose middle is within it read with it.
    const std::vector<Box> mixed = {{0, 0, 100, 200}, {110, 10, 200, 60}, {110, 120, 200, 180}, {0, 210, 200, 260}};
    CHECK(readingOrder(mixed) == std::vector<size_t>{0, 1, 2, 3});
    CHECK(readingOrder({}).empty());
}

TEST_CASE("touch_gesture rule 6: the way off the screen is read after the content", "[gesture]") {
    // The check-in screen at 1280x800: Terug at the top left, two rows of names, the walk-in button.
    const std::vector<Box> checkin = {
        {38, 14, 246, 110, true},      // 0 Terug
        {48, 160, 600, 260},           // 1 Anna
        {640, 160, 1230, 260},         // 2 Bram
        {48, 280, 600, 380},           // 3 Cagla
        {820, 700, 1230, 780},         // 4 not on the list
    };
    CHECK(readingOrder(checkin) == std::vector<size_t>{1, 2, 3, 4, 0});
    // Two ways off, read in their own order after the rest.
    CHECK(readingOrder({{0, 100, 10, 110, true}, {0, 0, 10, 10, true}, {0, 50, 10, 60}}) == std::vector<size_t>{2, 1, 0});
}

TEST_CASE("touch_gesture rule 7: a letter jump goes by the letters the list is sorted by, namesakes under one", "[gesture]") {
    // Folded first names as the list sorts them (participant.h foldForSearch): Çağla under C,
    // Ĳsbrand under I, Özlem under O, two Fatimas under F.
    CHECK(filedUnder("cagla") == "C");
    CHECK(filedUnder("ijsbrand") == "I");
    CHECK(filedUnder("ozlem") == "O");
    CHECK(filedUnder("").empty());
    const std::vector<std::string> in = {"A", "C", "D", "F", "F", "I", "O", "Z"};
    const size_t none = std::string::npos;
    auto jump = [&](size_t from, int step) {
        const auto j = letterJump(in, from, step);
        REQUIRE(j);
        return std::make_pair(j->index, j->wrapped);
    };
    CHECK(jump(none, 1) == std::make_pair(size_t{0}, 0));  // no name yet: the first
    CHECK(jump(none, -1) == std::make_pair(size_t{7}, 0));  // ... or the last letter's first
    CHECK(jump(2, 1) == std::make_pair(size_t{3}, 0));      // D to the first Fatima
    CHECK(jump(3, 1) == std::make_pair(size_t{5}, 0));      // past her namesake to I
    CHECK(jump(4, -1) == std::make_pair(size_t{2}, 0));     // the second Fatima back to D
    CHECK(jump(7, 1) == std::make_pair(size_t{0}, 1));      // past Z: round to A, said
    CHECK(jump(0, -1) == std::make_pair(size_t{7}, -1));
    CHECK(letterFind(in, "F") == std::optional<size_t>(3));
    CHECK(letterFind(in, "E") == std::optional<size_t>(3));  // no E: the next letter there is
    CHECK_FALSE(letterFind(in, "ZZ").has_value());
    CHECK_FALSE(letterJump({}, none, 1).has_value());
}
