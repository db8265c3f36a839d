// touch_gesture.h: what one finger did, for the speech mode's linear navigation (issue 32), and the
// order a screen is read in. Pure: a finger's path in millimetres and milliseconds in, a kind out.
//
// CONTRACT (the gestures people know from VoiceOver and TalkBack, on a closed kiosk)
//   1. A path is the finger from press to release: its samples in order, the first at the press,
//      the last at the release. Positions in millimetres on the panel, times in milliseconds.
//   2. A tap: the finger never strays more than kTapSlopMm from where it came down, however long it
//      rests (a finger resting kAccessHoldMs is a hold, told apart by the caller before this). A
//      trembling or rolling finger is still a tap.
//   3. A swipe: a quick flick sideways. From press to release at most kSwipeMaxMs; it travels at
//      least kSwipeMinMm sideways; no sample strays up or down from the press more than half the
//      sideways travel (a flick within about 27 degrees of horizontal). Rightwards is "next",
//      leftwards "previous".
//   4. Anything else is `other`, and moves no focus and chooses nothing: a drag up or down (the
//      name list scrolls under it), a slow sideways drag (longer than kSwipeMaxMs: someone moving a
//      finger across the screen, perhaps to scroll, not flicking), a short slide between a tap and
//      a swipe. A swipe never chooses anything (the caller makes sure nothing under it acts).
//   5. A double tap: two taps, the second released within kDoubleTapMs of the first one's release
//      and within kDoubleTapNearMm of it (one finger tapping twice on one spot).
//   6. Reading order: top to bottom, left to right. Boxes whose vertical centre lies within the first
//      box of a row (the topmost one not yet placed) share that row and are read left to right;
//      then the next row. Ties keep the order they were drawn in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk {

struct TouchSample {
    int64_t ms = 0;
    float x = 0, y = 0;  // millimetres from the panel's top left
};

enum class Gesture { tap, swipe_next, swipe_previous, other };

inline constexpr float kTapSlopMm = 6.0f;
inline constexpr float kSwipeMinMm = 15.0f;
inline constexpr int64_t kSwipeMaxMs = 700;
inline constexpr int64_t kDoubleTapMs = 500;
inline constexpr float kDoubleTapNearMm = 12.0f;

// Rules 2-4. An empty path is `other`.
Gesture classifyTouch(const std::vector<TouchSample>& path);

// Rule 5: whether a tap released at `second` follows a tap released at `first` as a double tap.
bool doubleTap(const TouchSample& first, const TouchSample& second);

struct Box {
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
};
// Rule 6: the indices of `boxes` in reading order.
std::vector<size_t> readingOrder(const std::vector<Box>& boxes);

}  // namespace kiosk
