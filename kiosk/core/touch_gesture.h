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
//      The same flick up or down (at most kSwipeMaxMs, at least kSwipeMinMm up or down, no sample
//      straying sideways more than half that) is a swipe down ("next letter") or up ("previous
//      letter"): VoiceOver's rotor gesture, here the name list's jump by first letter (rule 7).
//   4. Anything else is `other`, and moves no focus and chooses nothing: a slow drag up or down
//      (longer than kSwipeMaxMs: the name list scrolls under it), a slow sideways drag (someone
//      moving a finger across the screen, not flicking), a diagonal, a short slide between a tap
//      and a swipe. A swipe never chooses anything (the caller makes sure nothing under it acts).
//   5. A double tap: two taps, the second released within kDoubleTapMs of the first one's release
//      and within kDoubleTapNearMm of it (one finger tapping twice on one spot). A caller may give a
//      longer window (kSlowDoubleTapMs: the speech mode after a swipe, ui/explore.h rule 4).
//   6. Reading order: top to bottom, left to right. Boxes whose vertical centre lies within the first
//      box of a row (the topmost one not yet placed) share that row and are read left to right;
//      then the next row. Ties keep the order they were drawn in. Boxes marked `last` (the way off the
//      screen: Terug) come after all the others, in that same order among themselves: someone who
//      cannot see the screen meets its content first (the first swipe on the check-in screen is the
//      first name, not Terug), and the way back is one swipe left from the start (explore.h rule 3).
//   7. Jump by first letter, in a list sorted by folded first name (participant.h firstNameSortKey):
//      a name is filed under the first character of its fold, upper case (filedUnder: "Çağla" C,
//      "Ĳsbrand" and "IJsbrand" I, "Özlem" O: where the list sorts them). From a name, the next
//      letter's first name (step +1) or the previous letter's first name (-1); from no name the
//      first name (+1) or the last letter's first name (-1); past the end round to the start, and
//      the other way (said, as a wrap of the focus is). A letter typed: the first name filed under
//      it, else under the next letter there is, else none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct TouchSample {
    int64_t ms = 0;
    float x = 0, y = 0;  // millimetres from the panel's top left
};

enum class Gesture { tap, swipe_next, swipe_previous, swipe_down, swipe_up, other };

inline constexpr float kTapSlopMm = 6.0f;
inline constexpr float kSwipeMinMm = 15.0f;
inline constexpr int64_t kSwipeMaxMs = 700;
inline constexpr int64_t kDoubleTapMs = 500;
inline constexpr int64_t kSlowDoubleTapMs = 1000;
inline constexpr float kDoubleTapNearMm = 12.0f;

// Rules 2-4. An empty path is `other`.
Gesture classifyTouch(const std::vector<TouchSample>& path);

// Rule 5: whether a tap released at `second` follows a tap released at `first` as a double tap.
bool doubleTap(const TouchSample& first, const TouchSample& second, int64_t windowMs = kDoubleTapMs);

struct Box {
    float minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool last = false;  // the way off the screen: read after the rest (rule 6)
};
// Rule 6: the indices of `boxes` in reading order.
std::vector<size_t> readingOrder(const std::vector<Box>& boxes);

// Rule 7: the letter a name is filed under, from its folded first name (foldForSearch); "" for "".
std::string filedUnder(std::string_view foldedFirstName);
struct LetterJump {
    size_t index = 0;  // into the list
    int wrapped = 0;   // +1: past the last letter to the first; -1: the other way
};
// Rule 7: from entry `from` (npos: no name has the focus) of a list filed under `initials` (in list
// order), a step to the next (+1) or previous (-1) letter. None for an empty list.
std::optional<LetterJump> letterJump(const std::vector<std::string>& initials, size_t from, int step);
// Rule 7: the first entry filed under `letter` (upper case), else the next letter's; none past the last.
std::optional<size_t> letterFind(const std::vector<std::string>& initials, const std::string& letter);

}  // namespace kiosk
