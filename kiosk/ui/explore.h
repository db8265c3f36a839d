// explore.h: touch to hear, tap again to act: the speech mode's one rule for every control drawn
// with touchButton (issue 32).
//   1. Off (the default): a tap activates, as it always did.
//   2. On (UiState::speech, set once a frame by drawKioskUi): the first tap on a control says what it
//      is and activates nothing; that control is then "armed". A second tap on the armed control,
//      within kExploreNearMm of the first, activates it; a tap on another control says and arms that
//      one instead. A tap on the armed control farther away says it again and arms it there: someone
//      exploring a wide name tile or button by touch, finger by finger across it, hears it twice
//      instead of choosing it (the trial by ear of issue 32 checked in a name that way), while a
//      double tap lands twice on nearly the same spot.
//   3. What is said is the control's `spoken` text when it has one, else its label and second line;
//      the session makes it speakable (core/spoken_text.h) and says the last thing asked per frame.
//      A secret key (the staff PIN pad, the facilitator code) asks to say only that it is a key,
//      never its digit.
//   4. The armed control is forgotten when the screen changes or the mode goes off.
#pragma once

#include <string>
#include <vector>

#include "ui/screen_id.h"

namespace kiosk::ui {

struct Explore {
    struct Said {
        std::string text;     // what the control is (empty for a secret key)
        bool secret = false;  // a key of a secret code: said as "a key", never its character
    };
    bool on = false;
    std::string armed;        // the automation id of the control last said
    float armedX = 0, armedY = 0;  // where it was touched (window pixels)
    Screen screen = Screen::home;  // the screen `armed` belongs to
    std::vector<Said> said;   // asked this frame; taken by the session after the frame
};

// The process-wide state (set by drawKioskUi from UiState, read by touchButton).
Explore& explore();
// Called by drawKioskUi at the start of a frame.
void beginExploreFrame(bool on, Screen screen);
// How near the second tap must land to the first to choose (rule 2): a double tap by someone who does
// not see the screen lands within a few millimetres; a finger exploring moves a finger's width or more.
inline constexpr float kExploreNearMm = 12.0f;

// touchButton's rule for a control `id` that was just tapped at (x, y), on a panel of `mmPerPx`:
// whether it acts now.
bool exploreTap(const std::string& id, std::string spoken, bool secret, float x, float y, float mmPerPx);

}  // namespace kiosk::ui
