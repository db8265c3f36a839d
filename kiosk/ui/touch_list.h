// touch_list.h: the one list that scrolls under the finger, used by the search results, the
// exercise chooser and every staff list. A child window at `pos` with `size`; the content follows
// a drag and flings on after the finger lifts; a drag never becomes a tap on the row under it;
// only the rows in view need drawing, so a 2,000-name list stays cheap.
#pragma once

#include <imgui.h>

#include "ui_state.h"

namespace kiosk::ui {

struct TouchList {
    ImVec2 base;           // where row 0 starts (screen pixels, scrolled)
    int first = 0, last = 0;  // the rows in view [first, last), for rows of `rowH`
};

// Opens the list. It starts at its top when the session says so (a screen opened afresh:
// UiState::scrollToTop) or when `restart` (a new search query). `showRow` >= 0: the list scrolls to
// that row from the next frame on, its fling stopped (speech mode's jump by letter, explore.h rule 9).
TouchList beginTouchList(const char* id, ImVec2 pos, ImVec2 size, float rowH, int rows, UiState& state, bool restart = false,
                         int showRow = -1);
// Ends it with the content's full height (for scrolling): the drag and its fling. Returns true
// while the finger drags (the caller then drops any tap of this frame).
bool endTouchList(const TouchList& list, float contentHeight, UiState& state);
// The same for `rows` rows of `rowH`.
inline bool endTouchList(const TouchList& list, float rowH, int rows, UiState& state) {
    return endTouchList(list, static_cast<float>(rows) * rowH, state);
}

}  // namespace kiosk::ui
