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
// The layout is computed once per window size (makeLayout) and read by screens through layout().
#pragma once

namespace kiosk::ui {

inline constexpr float kMinTargetMm = 9.0f;  // smallest tap target, both ways (ISO 9241-9 / WCAG 2.5.8-ish)

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
    float minTargetPx = 34.0f;                // kMinTargetMm in pixels

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

Layout makeLayout(float width, float height, float scale, const Panel& panel);

// The process-wide layout (set with the theme by the app or a test harness).
Layout& layout();

const char* panelSourceName(PanelSource s);

}  // namespace kiosk::ui
