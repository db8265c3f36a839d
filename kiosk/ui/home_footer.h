// home_footer.h: the home screen's footer (screen_home.cpp): the three switches a participant may
// need (Toegankelijk: speech; Hoog contrast; Grotere tekst), each showing its state in words and
// fill, the venue with the privacy line, and the language switch. One row where all of it fits;
// otherwise two: the switches above, the venue (when it has room) and the languages below.
#pragma once

#include <imgui.h>

#include "kiosk_view.h"

namespace kiosk::ui {

// The footer's height for `width` (one row: 3 em; two rows: 6.6 em). `withVenue`: the venue shares
// the footer (landscape); on a portrait panel it stands above the actions.
float homeFooterHeight(const KioskView& v, const UiState& s, float width, bool withVenue);
Intent drawHomeFooter(const KioskView& v, const UiState& s, float left, float right, float top, bool withVenue);

// The venue, and under it in small print what is kept and for how long (docs/privacy.md).
float venueHeight(const KioskView& v, float width);
void drawVenue(const KioskView& v, ImVec2 at, float width, float height);  // centred in `height`

}  // namespace kiosk::ui
