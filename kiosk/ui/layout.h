// layout.h: the one decision every screen shares about the window it is drawn in.
//
// Contract (stable; screens on every branch read it):
//   - `portrait`: the window is taller than wide. A portrait screen stacks header, content and
//     actions top to bottom; a landscape one may put them side by side. Decided by shape only.
//   - `mmPerPx`: the physical size of one pixel on the panel, and where that figure came from:
//       1. `[display] diagonal_inches` in kiosk.toml (or --diagonal), when set: the person who
//          mounted the panel knows it better than its EDID (TVs report 160x90 mm, Xvfb reports
//          whatever its dpi says);
//       2. the monitor's own physical size (glfwGetMonitorPhysicalSize), when it is plausible
//          (both sides > 0, a pixel between 0.08 and 1.5 mm, square pixels within 15 %);
//       3. otherwise an assumed 96 dpi (0.2646 mm), said as `assumed` in --ui-dump.
//   - `minTargetPx`: kMinTargetMm (9 mm) in pixels on that panel. Every tap target is at least this
//     big in both directions; `targetEm()` is the same in em, for screens that size in em.
//   - `em`: the body font height in pixels (theme().em), from the window's short side, never so
//     small that 3 em falls under the minimum target.
//   - `larger` (issue 32, the participant's "Grotere tekst" switch): em is chosen so that a
//     capital letter of the body font, and of every smaller font, is at least kMinCapDegrees
//     (0.7 degrees, EN 301 549 5.1.4) tall at the viewing distance ([display] viewing_distance_mm,
//     500 mm by default: the portrait stand read standing or seated in front of it): a cap height of
//     tan(0.7 deg) x 500 mm = 6.1 mm. The font's cap height in pixels is measured (capRatio: the
//     'H' of the body font over its pixel size; Inter 0.60). The growth is bounded (1.25 to 1.6
//     times the normal em, and no more than leaves the window 24 em high and 25 em wide, where
//     1.2 times is the least) so that every screen still holds; a panel too small for 0.7 degrees
//     gets what it holds. Targets then aim at kLargerTargetMm (20 mm), at least 3 em where the
//     panel has no room for 20 mm.
//   - `band` (issue 32, a reachable stand): on a portrait panel whose lower edge stands
//     [display] mounting_bottom_mm above the floor, the window rows [bandTop, bandBottom) are the
//     part of the panel between reach_band_mm's heights (800-1100 mm by default). Every control a
//     participant needs is drawn inside it (the home screen's actions and switches; the other
//     participant screens are drawn whole inside it: kiosk_ui.cpp), content above it. A band that
//     the panel cannot hold (check-config warns) is cut to the panel and, when shorter than
//     kMinBandEm, grown downwards (then upwards) to that.
// The layout is computed once per window size (makeLayout) and read by screens through layout().
#pragma once

#include "core/display_settings.h"

namespace kiosk::ui {

inline constexpr float kMinTargetMm = 9.0f;  // smallest tap target, both ways (ISO 9241-9 / WCAG 2.5.8-ish)
inline constexpr float kMinCapDegrees = 0.7f;      // larger text: a capital's visual angle (EN 301 549 5.1.4)
inline constexpr float kLargerTargetMm = 20.0f;    // larger text: tap targets aim at this, both ways
inline constexpr float kDefaultViewingMm = 500.0f;  // [display] viewing_distance_mm when not set
inline constexpr float kLargerMinGrow = 1.25f, kLargerMaxGrow = 1.6f;
inline constexpr float kLargerMinHeightEm = 24.0f, kLargerMinWidthEm = 25.0f;  // what the screens need at least

enum class PanelSource { config, monitor, assumed };

struct Panel {
    float mmPerPx = 25.4f / 96.0f;            // physical pixel pitch
    PanelSource source = PanelSource::assumed;
};

// The panel from what is known. `diagonalInches` > 0 wins; then the monitor's mm (0 = unknown)
// against its mode's pixels; then 96 dpi. `pixelsW` x `pixelsH` is what the diagonal spans (the
// video mode when full screen, the window otherwise).
Panel panelFor(float diagonalInches, int monitorMmW, int monitorMmH, int modeW, int modeH, int pixelsW, int pixelsH);

struct Layout {
    float width = 1280.0f, height = 800.0f;   // window pixels
    bool portrait = false;                    // height > width
    float mmPerPx = 25.4f / 96.0f;
    PanelSource source = PanelSource::assumed;
    float em = 27.0f;                         // == theme().em
    float minTargetPx = 34.0f;                // kMinTargetMm in pixels (larger text: up to kLargerTargetMm)
    float smallPx = 22.0f;                    // the small font's pixel size (0.8 em; larger text: up to 1 em)
    float displayPx = 86.0f;                  // the clock's (3.2 em; larger text: kept at the normal size)
    bool larger = false;                      // the larger-text mode
    float viewingMm = kDefaultViewingMm;      // the documented viewing distance
    bool band = false;                        // a reach band is set (portrait, mounting height known)
    float bandTop = 0.0f, bandBottom = 0.0f;  // its window rows
    float floorToTopMm = 0.0f;                // the panel's top edge above the floor (band only)

    // Height above the floor of window row `y` (band only).
    float aboveFloorMm(float y) const { return floorToTopMm - y * mmPerPx; }

    float mm(float px) const { return px * mmPerPx; }
    float targetEm() const { return minTargetPx / em; }
    // A target of `wantEm` em, but never below the minimum.
    float target(float wantEm) const { return wantEm * em > minTargetPx ? wantEm * em : minTargetPx; }
    float widthEm() const { return width / em; }
    float heightEm() const { return height / em; }
};

// Body font height for a window: 27 px for 800 px high (landscape), the width's share in portrait
// (27 px for 1026 px wide), or 27 px x `scale` when scale > 0; never below minTargetPx / 3.
float emForWindow(float width, float height, float scale, float mmPerPx);

// What the text size depends on besides the window: the larger-text mode, the viewing distance and
// the measured cap height of the body font over its pixel size.
struct TextSize {
    bool larger = false;
    float viewingMm = kDefaultViewingMm;
    float capRatio = 0.60f;
};

Layout makeLayout(float width, float height, float scale, const Panel& panel, const TextSize& text = {});

inline constexpr float kMinBandEm = 24.0f;  // the least a participant screen needs drawn inside the band

// Sets `l`'s band from [display] (portrait windows with a mounting height only).
void setReachBand(Layout& l, const DisplaySettings& display);

// The cap height in mm a text needs to be seen at kMinCapDegrees from `viewingMm`.
float minCapMm(float viewingMm);
// The visual angle in degrees of `capMm` seen from `viewingMm`.
float capDegrees(float capMm, float viewingMm);

// The process-wide layout (set with the theme by the app or a test harness).
Layout& layout();

const char* panelSourceName(PanelSource s);

}  // namespace kiosk::ui
