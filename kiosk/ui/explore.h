// explore.h: the speech mode's focus (issue 32): touch to hear, swipe to go through the screen, tap
// twice to choose. The rules for every control drawn with touchButton and every other tap target.
//   1. Off (the default): a tap activates, as it always did. Nothing here changes that.
//   2. On (UiState::speech, set once a frame by drawKioskUi): one control has the focus, the one
//      said last. A tap on a control says what it is, gives it the focus and activates nothing. A
//      second tap on the focused control within kExploreNearMm of where it was touched chooses it
//      (no time limit); a tap on it farther away says it again (someone exploring a wide name tile
//      finger by finger hears it twice instead of choosing it: the trial by ear checked a name in
//      that way).
//   3. Linear navigation, as VoiceOver and TalkBack do it: a swipe right (core/touch_gesture.h)
//      moves the focus to the next target in reading order and says it; a swipe left to the
//      previous one. Reading order is the screen's content first (top to bottom, left to right,
//      over every tap target the screen drew) and the way off the screen, Terug, last
//      (touch_gesture.h rule 6). Why: a screen reader user swipes to get at what the screen is for;
//      the second trial by ear spent its first swipe on the check-in screen on "Terug", a step
//      nobody needed, before the names. Sighted users find Terug at the top; someone who cannot
//      see finds it one swipe left from the start (a swipe left without a focus lands on the last
//      target), as TalkBack puts an app's navigation after its content. Past the last the focus
//      goes back to the first (and the other way), and that is said. A focus that left the screen
//      (the screen or its card changed) starts again at the first (last). A swipe, or any finger
//      that is not a tap (a scroll of the name list, a slow drag), chooses nothing.
//   4. A double tap anywhere (two taps on one spot within kDoubleTapMs) chooses the focus it found:
//      when its first tap landed on another control, the focus goes back and that control is not
//      chosen (someone who swiped to a name and double taps on whatever is under the finger checks
//      in the name they heard). Without a focus before it, a double tap on a control chooses that
//      control (rule 2). The tap after a choice, on the same spot and within kDoubleTapMs, is the
//      double tap's second half and does nothing more. When the focus it found was reached by a
//      swipe, a key or a letter jump (not by touch), the window is kSlowDoubleTapMs: a slow hand's
//      double tap after a swipe still chooses the name heard, not the one under the finger, whose
//      name had only begun to be said (the third trial by ear checked in the wrong person with 0.7 s
//      between the taps). A second tap after that window is rule 2's, on the control touched.
//   5. Keys (a USB keypad or keyboard, session/input_bindings.h): Tab and the arrow keys move the
//      focus as swipes do; Enter chooses it.
//   6. A tap on nothing (no control under it) is said (narrator.h), so that no touch is silent, but
//      only once rule 4's window (kDoubleTapMs, kSlowDoubleTapMs after a swipe) has passed without a
//      second tap (VoiceOver waits too): the first tap
//      of a double tap on empty space says nothing of itself (the second trial by ear heard "Hier
//      staat niets..." at every double tap, cut off by the choice). The session's next-change time
//      (exploreMsUntilSaid) wakes the frame loop at that moment. A finger coming down before then
//      drops it (the next touch answers instead). A double tap that finds no focus to choose says
//      it once, after its second tap. Enter without a focus says it at once.
//   7. What is said is the control's `spoken` text when it has one, else its label and second line;
//      the session makes it speakable (core/spoken_text.h). A secret key (the staff PIN pad, the
//      facilitator code) is said only as a key, never its digit, however it got the focus.
//   8. The focus is forgotten when the screen changes or the mode goes off; a finger held still
//      (kAccessHoldMs, kiosk_ui.cpp) is a hold, not a tap.
//   9. Jump by first letter on the name list (the check-in screen's tiles or search results): a
//      swipe down (touch_gesture.h rule 3) or Page Down moves the focus to the first name of the
//      next letter, a swipe up or Page Up to the previous letter's, a letter typed on a keyboard to
//      the first name under that letter (else the next letter there is); letters as the list sorts
//      (touch_gesture.h rule 7: Çağla under C, Ĳsbrand under I). Said as the letter and the name
//      ("F. Fatima B., Uitvoering Vergunningen"); namesakes share their letter, a swipe right goes
//      from one to the next. The search list scrolls to the name. Elsewhere a swipe up or down
//      does nothing. With 200 names the swipes to anyone are at most the letters before theirs
//      plus the namesakes before them under their letter.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/touch_gesture.h"
#include "ui/screen_id.h"

namespace kiosk::ui {

struct Explore {
    struct Said {
        std::string text;     // what the control is (empty for a secret key)
        bool secret = false;  // a key of a secret code: said as "a key", never its character
    };
    // What the narrator says next (it takes them after each frame: takeExploreWords).
    struct Words {
        std::vector<Said> said;
        bool nothing = false;  // a tap landed on no control, or Enter found no focus (rule 6)
        int wrapped = 0;       // +1: from the last target to the first; -1: from the first to the last
    };
    bool on = false;
    std::string armed;             // the focus: the automation id of the control said last
    bool armedByTouch = false;     // ... touched (not swiped to): armedX, armedY hold where
    float armedX = 0, armedY = 0;  // window pixels
    Screen screen = Screen::home;  // the screen `armed` belongs to
    Words words;
    // The finger: its path since it came down (mm), and on the frame it lifted what it was.
    int64_t nowMs = 0;
    float mmPerPx = 0.26f;
    std::vector<TouchSample> path;
    bool released = false;
    Gesture gesture = Gesture::other;
    bool tapTaken = false;  // a control took this frame's tap
    // The tap before, for double taps (rule 4).
    std::optional<TouchSample> lastTap;
    std::string focusBeforeLastTap;
    bool focusBeforeByTouch = false;  // that focus was reached by touch (rule 4's window)
    bool lastTapChose = false;
    std::string activate;  // the control to choose at its next draw (a double tap elsewhere, Enter)
    int activateAge = 0;
    int64_t nothingDueMs = -1;  // rule 6: when the tap on nothing is said (-1: none pending)
    // Rule 9: a jump by first letter asked this frame (a swipe up or down, a key), for the name list.
    int jump = 0;             // +1 next letter, -1 previous
    std::string jumpLetter;   // or: to this letter (upper case)
};

// The process-wide state (set by drawKioskUi from UiState, read by touchButton).
Explore& explore();
// Called by drawKioskUi at the start of a frame: the mode, the screen, the time, and the finger from io.
void beginExploreFrame(bool on, Screen screen, int64_t nowMs, float mmPerPx);
// Called by drawKioskUi after the screen is drawn (its targets known): a swipe moves the focus, a
// tap that no control took is a tap on nothing or the second half of a double tap (rules 3, 4, 6).
void endExploreFrame();
// How near the second tap must land to the first to choose (rule 2): a double tap by someone who does
// not see the screen lands within a few millimetres; a finger exploring moves a finger's width or more.
inline constexpr float kExploreNearMm = kDoubleTapNearMm;

// touchButton's rule for a control `id` that ImGui says was just tapped at (x, y): whether it acts now.
bool exploreTap(const std::string& id, std::string spoken, bool secret, float x, float y);
// A tap area that chooses at the first tap (an agenda row, a text field): ImGui's click, unless in
// speech mode the finger was no tap (a swipe over it chooses nothing, rule 3).
bool exploreGate(bool clicked);
// Whether control `id` is to be chosen now (a double tap elsewhere, Enter); true once.
bool exploreActivation(const std::string& id);
// Rule 3 and 5: the focus to the next (+1) or previous (-1) target on screen, said.
void exploreMove(int step);
// Rule 5: Enter: the focus is chosen at its next draw (nothing focused: said as a tap on nothing).
void exploreActivate();
// What the narrator says of this frame's focus; emptied.
Explore::Words takeExploreWords();
// Rule 6: milliseconds from `nowMs` until a pending tap on nothing is to be said (INT64_MAX: none).
int64_t exploreMsUntilSaid(int64_t nowMs);
// Rule 9, keys: a jump by `step` letters (Page Down +1, Page Up -1), or to `letter` when not empty.
void exploreJump(int step, std::string letter = {});
// Rule 9, for the name list: the jump asked this frame, if any (taken: asked once).
struct JumpAsk {
    int step = 0;
    std::string letter;
};
std::optional<JumpAsk> takeExploreJump();
// Rule 9: the list moved the focus to `id`; `spoken` is said (wrapped: as exploreMove's wrap).
void exploreFocus(const std::string& id, std::string spoken, int wrapped);

// Where a target is, for the narrator: its place in reading order (1 = the first a swipe right
// reaches from no focus) and how many targets the screen has (a swipe left from no focus reaches
// the last). The first target whose id starts with `idPrefix`. No place words ("linksonder"): they
// tell someone who cannot see nothing; the swipes that reach it do (the second trial by ear).
struct Place {
    int index = 0;  // 0: not on screen
    int count = 0;  // the targets in reading order
};
Place placeOf(const std::string& idPrefix);

}  // namespace kiosk::ui
