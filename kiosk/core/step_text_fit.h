// step_text_fit.h: how an exercise step's text fits the exercise screen, as numbers.
//
// CONTRACT
//   1. The step text is drawn in the box stepTextBox() gives for the screen's size and unit (em):
//      the exercise screen (ui/screen_exercise.cpp) draws into exactly this box, so check-config
//      and the screen talk about the same space.
//   2. Its font size runs from `normalPx` (the large step font, 2.2 em) down to `floorPx`, the
//      size whose capital height is 4 % of the screen height (read from 5 m on a 65-inch TV);
//      never below the floor. Text that does not fit at the floor is shown in pages.
//   3. estimateStepPages() is a pure estimate from average glyph widths of Inter Semibold (the
//      kiosk's font; a test in tests/ui compares it with the real glyphs): good enough for
//      check-config to warn, not used by the screen, which measures the real glyphs.
#pragma once

#include <string_view>

namespace kiosk {

// Inter's capital height as a fraction of the pixel size Dear ImGui loads it at (ImGui sizes a
// font by ascent + descent: cap height 0.727 em over 1.21 em).
inline constexpr float kCapHeightRatio = 0.60f;
inline constexpr float kStepCapShareOfHeight = 0.04f;  // the floor: capitals 4 % of the screen height
inline constexpr float kStepLineHeight = 1.12f;        // line pitch, in font sizes

struct StepTextBox {
    float x = 0, y = 0;         // top left, from the screen's top left (pixels)
    float width = 0, height = 0;
    float normalPx = 0;         // the step font's own size
    float floorPx = 0;          // the smallest size it may shrink to
    float pagerHeight = 0;      // taken from the bottom of the box when the text is shown in pages
    bool portrait = false;      // stacked: ring above, text below at full width
};

// The box for a screen of width x height pixels whose body font is `em` pixels.
StepTextBox stepTextBox(float width, float height, float em);

// Font size whose capital height is 4 % of a screen `height` pixels high.
inline float stepFloorPx(float height) { return height * kStepCapShareOfHeight / kCapHeightRatio; }

// Pages the text needs in `box` at the floor size (1 when it fits at some size from normal to floor).
int estimateStepPages(std::string_view text, const StepTextBox& box);

}  // namespace kiosk
