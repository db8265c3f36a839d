// home_footer.h: the home screen's footer (screen_home.cpp): the three switches a participant may
// need (Toegankelijk: speech; Hoog contrast; Grotere tekst), each showing its state in words and
// fill, the venue with the privacy line, and the language switch. One row where all of it fits;
// otherwise two: the switches above, the venue (when it has room) and the languages below.
#pragma once

#include <imgui.h>

#include "kiosk_view.h"

namespace kiosk::ui {

// How the footer is laid out for `width`: one row (3 em) or two (6.6 em), and whether the venue
// is in it. `withVenue`: the venue may share the footer (landscape); on a portrait panel it stands
// above the actions. One row with the venue; else one row without it (the screen puts the venue
// elsewhere); else two rows, the venue in the second when it has room.
struct FooterPlan {
    bool twoRows = false;
    bool venue = false;
    float height = 0.0f;
};
FooterPlan planHomeFooter(const KioskView& v, const UiState& s, float width, bool withVenue);
Intent drawHomeFooter(const KioskView& v, const UiState& s, float left, float right, float top, const FooterPlan& plan);

// The venue, and under it in small print what is kept and for how long (docs/privacy.md).
float venueHeight(const KioskView& v, float width);
void drawVenue(const KioskView& v, ImVec2 at, float width, float height);  // centred in `height`

}  // namespace kiosk::ui
