// step_text.h: long text that fits itself to a box with the real glyphs: an exercise step (and the
// room display's lines). The size runs from a normal size down to a floor (core/step_text_fit.h
// says which, and why 4 % of the screen); what still does not fit at the floor is cut into pages
// at line ends, never mid-word and never to "…". Words longer than a line break between letters.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "theme.h"

namespace kiosk::ui {

struct FittedText {
    float px = 0;                    // the font size chosen
    std::vector<std::string> lines;  // all lines at that size
    int linesPerPage = 1;
    int pages = 1;
    float lineHeight() const;
};

// Lines of at most `width` pixels at font size `px` (all of them: nothing is dropped).
std::vector<std::string> wrapAtSize(ImFont* font, float px, std::string_view text, float width);

// The largest size from normalPx down to floorPx at which the text fits width x height; at the
// floor, pages of whole lines, each page leaving `pagerHeight` free at the bottom for its buttons.
FittedText fitToBox(ImFont* font, std::string_view text, float width, float height, float normalPx, float floorPx,
                   float pagerHeight);

// Draws page `page` (clamped) of the fitted text from `pos`.
void drawPage(ImFont* font, const FittedText& fitted, int page, ImVec2 pos, Rgb colour);

// A single line (digits in a ring, a clock) at the font's size or smaller, so that it is at most
// `maxWidth` wide; returns the size used. Drawn centred on `centre`.
float drawShrunkCentred(ImFont* font, std::string_view text, ImVec2 centre, float maxWidth, Rgb colour);

// The capital height of `font` at size `px`, measured on its 'H'.
float capHeight(ImFont* font, float px);

}  // namespace kiosk::ui
