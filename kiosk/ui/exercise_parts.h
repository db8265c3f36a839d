// exercise_parts.h: what the exercise screen and the room display both draw of a running
// exercise: its phase (colour, icon and words together, never colour alone) and the countdown
// ring, whose digits shrink to stay inside the ring at any size.
#pragma once

#include <imgui.h>

#include <string>

#include "core/exercise_player.h"
#include "core/text_catalogue.h"
#include "widgets.h"

namespace kiosk::ui {

struct PhaseLook {
    Rgb colour;
    std::string words;
    Icon icon = Icon::play;
};
PhaseLook phaseLook(const ExercisePlayer& p, SteadyTime now, const Texts& tx);

// The ring with the time left (or "+1:30" in overtime) inside it, and the phase words under it.
// Returns the height used below the ring's bottom edge by the words.
float drawCountdownRing(const ExercisePlayer& p, SteadyTime now, const Texts& tx, ImVec2 centre, float radius);

// Controls that fade when nobody touches them keep this opacity: their words stay at 4.5:1 or
// more against what is behind them (tested in tests/ui/test_exercise_screen.cpp).
inline constexpr float kFadedControlsAlpha = 0.85f;

}  // namespace kiosk::ui
