// display_reader.h: the `[display]` table of kiosk.toml (core/display_settings.h):
//   diagonal_inches       5-110; 0 or absent: ask the monitor (ui/layout.h)
//   viewing_distance_mm   200-5000, default 500: where a participant reads from (larger text aims at
//                         0.7 degrees there)
//   mounting_bottom_mm    0-2500, default 0 (no reach band): the panel's lower edge above the floor
//   reach_band_mm         [low, high], 300-2000 mm, low < high, default [800, 1100]
// Each problem at its file:line:col. A band the panel cannot hold is a warning (check-config says
// it): the panel's height is taken from diagonal_inches for a 16:9 panel standing upright (the
// portrait stand; the band applies to portrait only), and the message names the mounting heights
// that would hold the whole band.
#pragma once

#include <string>
#include <toml++/toml.h>

#include "core/diagnostics.h"
#include "core/display_settings.h"
#include "core/text_catalogue.h"

namespace kiosk {

void readDisplaySettings(const toml::table& display, const std::string& file, const Texts& texts, Problems& problems,
                         DisplaySettings& d);

// The height in mm of a 16:9 panel of `diagonalInches` standing upright.
float portraitPanelHeightMm(float diagonalInches);

}  // namespace kiosk
