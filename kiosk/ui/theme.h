// theme.h: colours, fonts and sizes for a touchscreen read at a distance.
//
// All sizes derive from one unit, the body font's pixel height ("em"), which follows the window
// height (or kiosk.toml's scale): 27 px at 800 px high, 36 px at 1080. Touch targets are at least
// 3 em high: 81 px at 800, 109 px at 1080, which is 3 cm on a 24-inch 1080p panel (>= 2.5 cm).
// Text colours are chosen for at least 7:1 contrast on the fill they are drawn on, and the outline
// of every control (button, tile, key, field) for at least 3:1 against the page around it (WCAG
// 1.4.11): tested over the colours the screens actually draw, read back from ImGui's draw lists
// (tests/session/test_contrast.cpp, both themes, three sizes).
// Hovered colours equal normal ones: on a touchscreen hover is a leftover of the last tap.
#pragma once

#include <string>

struct ImFont;

namespace kiosk::ui {

struct Rgb {
    unsigned char r, g, b;
    unsigned int abgr(unsigned char a = 255) const { return (unsigned)a << 24 | (unsigned)b << 16 | (unsigned)g << 8 | r; }
};

struct Palette {
    Rgb background{0xF6, 0xF3, 0xEE};   // warm paper
    Rgb surface{0xFF, 0xFF, 0xFF};      // cards
    Rgb ink{0x1B, 0x1B, 0x1F};          // body text            (15.5:1 on background)
    Rgb muted{0x45, 0x45, 0x4D};        // secondary text       (8.6:1 on background, 7.4:1 on secondary)
    Rgb line{0xD9, 0xD3, 0xC9};         // hairlines, card borders (decorative: never a control's only edge)
    Rgb boundary{0x7D, 0x74, 0x67};     // a control's outline (4.2:1 on background, 4.6:1 on surface, 3.6:1 on secondary)
    Rgb primary{0x0E, 0x4D, 0x64};      // call to action       (white on it: 9.3:1)
    Rgb primaryPressed{0x08, 0x33, 0x43};
    Rgb onPrimary{0xFF, 0xFF, 0xFF};
    Rgb secondary{0xE8, 0xE2, 0xD8};    // quiet buttons        (ink on it: 13.3:1; its edge is `boundary`)
    Rgb secondaryPressed{0xC9, 0xC0, 0xB1};
    Rgb success{0x14, 0x5A, 0x32};      // white on it: 8.3:1
    Rgb warning{0x70, 0x44, 0x00};      // white on it: 8.4:1; as text on background 7.5:1
    Rgb danger{0x8E, 0x1B, 0x1B};       // white on it: 9.0:1
    Rgb accent{0xC2, 0x6A, 0x1B};       // decorative only (bars, rules), never text
};

// The high-contrast theme (issue 32): light on black, every pair at least 7:1, control outlines
// included; one tap away on the home screen, reset at home.
Palette highContrastPalette();

struct Fonts {
    ImFont* body = nullptr;      // 1.0 em, regular
    ImFont* bodyBold = nullptr;  // 1.0 em, semibold
    ImFont* small = nullptr;     // 0.8 em (larger text: as large as 0.7 degrees needs, up to 1 em; layout.h)
    ImFont* title = nullptr;     // 1.6 em, semibold
    ImFont* display = nullptr;   // 3.2 em, semibold (clock, "Welkom, Anna!", the exercise countdown)
    ImFont* large = nullptr;     // 2.2 em, semibold (an exercise step, read from 5 m: caps >= 4% of the height)
    std::string sourceFile;      // the font file used; "" when ImGui's built-in fallback was used
};

struct Theme {
    Palette palette;
    Fonts fonts;
    float em = 27.0f;  // body font pixel height
    bool highContrast = false;  // palette is highContrastPalette()
    float capRatio = 0.60f;     // the body font's cap height over its pixel size (measureCapRatio)
    double fontBuildMs = 0.0;   // the last rebuild of the fonts (rasterise and upload), e.g. larger text switched

    float Em(float n) const { return n * em; }
};

// Body font size for a window height (or an explicit scale > 0, 1.0 = 800 px high).
float emForHeight(float windowHeight, float scale);

// Loads Inter (fonts-inter) with glyph ranges that cover Dutch (ë é ï Ĳ ĳ, typographic quotes and
// dashes, €), falling back to DejaVu Sans, then to ImGui's built-in font. Never fails.
// `smallPx`, `displayPx` > 0: the small and the display font's sizes (default 0.8 and 3.2 em).
Fonts loadFonts(float em, float smallPx = 0.0f, float displayPx = 0.0f);

// The height of a capital (the 'H') of `font` in pixels, from its glyph box in the built atlas
// (rounded up to whole pixels by the rasteriser); 0 when the atlas has no 'H'.
float capHeightPx(const ImFont* font);
// After the atlas is built: theme().capRatio from the body font (kept when it is the built-in font).
void measureCapRatio();

// Applies colours and sizes to ImGui's style. Re-runnable when the window size changes.
void applyStyle(const Theme& theme);

// Switches between the normal and the high-contrast palette (and re-applies the style) when asked
// for the other one; free when nothing changes (called every frame).
void useHighContrast(bool on);

// Contrast ratio per WCAG 2 (1..21).
double contrastRatio(Rgb a, Rgb b);

// The process-wide theme the screens draw with (set by the app, or by a test harness).
Theme& theme();

}  // namespace kiosk::ui
