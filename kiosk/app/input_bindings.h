// input_bindings.h: keys and characters that do not come through a screen's buttons, turned into
// intents like any tap: a badge scanner (a keyboard that types a code and presses Enter) on the
// home and check-in screens, a presenter clicker on the running exercise, and typing on a staff
// page (which takes no typed text: it is a badge scan at the door, so staff mode locks and the
// kiosk goes home). Reads ImGui's io of this frame; changes nothing itself.
//
// Clicker: PageDown, Right or Space: next. PageUp or Left: previous. P or B: pause. + and -: a minute.
#pragma once

#include <vector>

#include "core/badge_reader.h"
#include "ui/intent.h"

namespace kiosk {

class InputBindings {
public:
    // What this frame's keys ask for on `screen` (an exercise is running when `exerciseOn`).
    std::vector<ui::Intent> read(ui::Screen screen, bool exerciseOn, Instant now);
    // A touch came and went, or a key was typed, this frame (wakes a dimmed screen).
    static bool touched();

private:
    BadgeReader badge_;
};

}  // namespace kiosk
