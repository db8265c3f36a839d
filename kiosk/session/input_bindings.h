// input_bindings.h: keys and characters that do not come through a screen's buttons, turned into
// intents like any tap: a badge scanner (a keyboard that types a code and presses Enter) on the
// home and check-in screens, a presenter clicker on the running exercise, and typing on a staff
// page (which takes no typed text: it is a badge scan at the door, so staff mode locks and the
// kiosk goes home). Changes nothing itself.
//
// Scanner input is read from the key events themselves, in the order they came: the window's GLFW
// key and char callbacks (window_app.cpp) call keyChar() and keyEnter(), which queue them until
// the next frame. Polling ImGui's key state once a frame would miss an Enter pressed and released
// between two frames (scanners hold it for almost no time) and would glue two scans that arrive in
// one frame into one code. The clicker keeps reading ImGui's io (a person's key press lasts frames).
//
// Clicker: PageDown, Right or Space: next. PageUp or Left: previous. P or B: pause. + and -: a minute.
//
// Speech mode (ui/explore.h rule 5), a USB keypad or keyboard on any screen: Tab, Right and Down move
// the focus to the next control, Shift+Tab, Left and Up to the previous one (while an exercise runs
// the arrows stay the clicker's, Tab still moves); Enter with nothing typed before it chooses the
// focus (Enter after typed characters stays a badge scan). On the check-in screen Page Down and Page
// Up jump to the next and previous first letter of the name list, and a letter typed alone (nothing
// typed before it within the badge reader's pause) to the first name under it (rule 9); Enter right
// after that letter chooses the name heard (no badge has a one-letter code), more typing makes it a
// code after all.
#pragma once

#include <cstdint>
#include <vector>

#include "core/badge_reader.h"
#include "ui/intent.h"

namespace kiosk {

class InputBindings {
public:
    // From the window's key callbacks (main thread), in the order GLFW delivers them.
    static void keyChar(uint32_t codepoint);
    static void keyEnter();

    // What this frame's keys ask for on `screen` (an exercise is running when `exerciseOn`); takes
    // every key event queued since the last frame. `now` is the steady clock.
    std::vector<ui::Intent> read(ui::Screen screen, bool exerciseOn, bool speech, SteadyTime now);
    // A touch came and went, or a key was typed, this frame (wakes a dimmed screen).
    static bool touched();

private:
    BadgeReader badge_;
    bool letterJumped_ = false;  // the one letter typed last jumped (speech mode): Enter after it chooses
};

}  // namespace kiosk
