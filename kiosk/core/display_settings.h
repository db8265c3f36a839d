// display_settings.h: what kiosk.toml's [display] says about the panel the kiosk is shown on.
#pragma once

namespace kiosk {

struct DisplaySettings {
    float diagonalInches = 0.0f;  // the panel's diagonal in inches (5..110); 0: ask the monitor (ui/layout.h)
};

}  // namespace kiosk
