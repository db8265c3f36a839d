// band_header.h: the reach band's content above it (see band_header.cpp).
#pragma once

#include "kiosk_view.h"

namespace kiosk::ui {

// The screen is drawn whole inside the reach band (a band is set, and it is a participant screen
// other than home: the check-in list and its cards, the walk-in form, the agenda).
bool drawnInBand(Screen s);
// Clock, date, programme, today and now, in the rows above the band.
void drawBandHeader(const KioskView& v);

}  // namespace kiosk::ui
