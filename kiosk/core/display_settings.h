// display_settings.h: what kiosk.toml's [display] says about the panel the kiosk is shown on.
#pragma once

namespace kiosk {

struct DisplaySettings {
    float diagonalInches = 0.0f;  // the panel's diagonal in inches (5..110); 0: ask the monitor (ui/layout.h)
    float viewingDistanceMm = 500.0f;  // where a participant reads from (larger text: 0.7 degrees there)
    // The reach band (issue 32): the height of the panel's lower edge above the floor (0: not set, no
    // band), and the band every control a participant needs stands in on a portrait panel.
    float mountingBottomMm = 0.0f;
    float reachLowMm = 800.0f, reachHighMm = 1100.0f;
};

}  // namespace kiosk
