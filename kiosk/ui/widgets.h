// widgets.h: the shared touch widgets every screen draws with.
//
// Buttons are drawn by hand over an InvisibleButton: big, with a visible pressed state, words and
// an optional icon, never colour alone. Every tappable element is recorded with its label and
// rectangle for the automation view (--ui-dump), so an outside test can tap by label.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "theme.h"

namespace kiosk::ui {

// One tappable element as the automation view reports it.
struct TapTarget {
    std::string id;
    std::string label;
    ImVec2 min, max;  // window pixels, origin top left
    ImVec2 fullSize = ImVec2(0, 0);  // the whole button, also where a list shows only part of it (0: = max - min)
    bool clipped = false;  // the label was not drawn in full: cut to "…", its lines taller than the
                           // button, or the button reaches past the window's edge
    float capPx = 0.0f;    // the label font's capital height (theme.h capHeightPx)
    std::string spoken = {};  // what speech mode says of it (explore.h; empty: the label)
    bool secret = false;      // a key of a secret code: said as a key, never its character
    bool readLast = false;    // the way off the screen (Terug): speech mode reads it after the rest (explore.h rule 3)
};

// Collected per frame; cleared by beginFrameTargets().
std::vector<TapTarget>& frameTargets();
void beginFrameTargets();

// One text drawn by drawText/drawTextWrapped (recorded only while recordFrameTexts is on: --ui-dump).
struct TextItem {
    std::string text;
    ImVec2 min, max;       // window pixels
    float capPx = 0.0f;    // its font's capital height
    bool clipped = false;  // reaches past the window's edge (or, outside a scrolling list, its container's)
    bool shortened = false;  // ends in "…" (fitText)
};
std::vector<TextItem>& frameTexts();  // cleared by beginFrameTargets()
void recordFrameTexts(bool on);

enum class ButtonStyle { primary, secondary, success, warning, danger, quiet };
// Each icon means one thing: back (a chevron) is not undo (a curved arrow), backspace (a key with a
// cross) is not "previous" (an arrow), checked out (a door) is not checked in (a tick).
enum class Icon { none, check, warning, cross, arrow_right, arrow_left, person, calendar, clock, plus, minus, pause, play, back,
                  undo, backspace, door };

struct ButtonSpec {
    const char* id;               // stable id (also the automation id)
    std::string label;            // words on the button
    ImVec2 size;                  // pixels (use theme().Em())
    ButtonStyle style = ButtonStyle::secondary;
    std::string sublabel = {};    // optional second line, smaller
    Icon icon = Icon::none;
    ImFont* font = nullptr;       // default: bodyBold
    bool enabled = true;
    int maxLines = 1;             // a label may wrap onto this many lines (long names)
    size_t breakLimit = std::string::npos;  // no line break after this byte (keeps "op den K." together)
    bool keepIcon = false;        // the icon carries state (the ✓ on a name): its room is reserved even
                                  // when none is shown, and the words wrap or shrink, never the icon
    ImFont* floorFont = nullptr;  // a label that does not fit in `font` is set in this one before any "…"
    bool leftAligned = false;     // rows of a list: icon and words start at the left edge (easy to scan)
    std::string spoken = {};      // speech mode (explore.h): what the control is, when more than its words
                                  // (a name's state); default: label and second line
    bool secret = false;          // a key of a secret code: speech mode never says its character
    bool readLast = false;        // the way off the screen (Terug): speech mode reads it after the rest (explore.h rule 3)
};

// Draws at the cursor; returns true when tapped (press and release inside). In speech mode the first
// tap says what it is and only a second tap, a double tap or Enter on the focus returns true (explore.h).
bool touchButton(const ButtonSpec& spec);
// Whether touchButton draws `spec`'s label whole in `font` on its maxLines lines (the padding, the
// icon's room and the button's height as it measures them): a layout asks before it picks a size.
bool labelFitsWhole(const ButtonSpec& spec, ImFont* font);

// Text helpers (all positions in screen pixels).
void drawText(ImFont* font, ImVec2 pos, Rgb colour, std::string_view text);
void drawTextWrapped(ImFont* font, ImVec2 pos, float wrapWidth, Rgb colour, std::string_view text);
ImVec2 textSize(ImFont* font, std::string_view text, float wrapWidth = -1.0f);
// Text shortened with "…" to fit maxWidth.
std::string fitText(ImFont* font, std::string_view text, float maxWidth);
// Text broken at spaces into lines of at most maxWidth; at most maxLines, the last one shortened
// with "…" if the text does not fit.
// Breaks only at spaces up to byte `breakLimit` (so "Thijs / op den K." never leaves "K." alone).
std::vector<std::string> wrapLines(ImFont* font, std::string_view text, float maxWidth, int maxLines,
                                   size_t breakLimit = std::string_view::npos);
// A table cell in [topLeft, topLeft + (width, height)]: the text on one line at `font`; else wrapped
// on as many lines as the height holds at `font`; else at `floor` (the smaller font). Only what
// still does not fit ends in "…". Centred in the height. Returns true when drawn whole.
bool drawCell(ImFont* font, ImFont* floor, ImVec2 topLeft, float width, float height, Rgb colour, std::string_view text);
// Wrapped lines, each centred on centreX, from top y. Returns the height used.
float drawTextCentred(ImFont* font, float centreX, float y, float maxWidth, Rgb colour, std::string_view text);

// The shapes (shapes.cpp): an icon centred on `centre`, `size` pixels across; a rounded card; a
// progress bar filled to `fraction` (0..1).
void drawIcon(Icon icon, ImVec2 centre, float size, Rgb colour);

// Drag-to-scroll for the current child window, with a fling that slows down after the finger
// lifts. Call after the window's items. A drag never becomes a tap on the item it started on.
// Returns true while the fling is still moving (draw another frame soon).
bool touchScroll(float& velocity);
void drawCard(ImVec2 min, ImVec2 max, Rgb fill, Rgb border);
void drawProgress(ImVec2 min, ImVec2 max, float fraction, Rgb fill, Rgb track);

}  // namespace kiosk::ui
