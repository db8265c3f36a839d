#include "layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

Panel panelFor(float diagonalInches, int monitorMmW, int monitorMmH, int modeW, int modeH, int pixelsW, int pixelsH) {
    Panel p;
    if (diagonalInches > 0.0f && pixelsW > 0 && pixelsH > 0) {
        p.mmPerPx = diagonalInches * 25.4f / std::hypot(static_cast<float>(pixelsW), static_cast<float>(pixelsH));
        p.source = PanelSource::config;
        return p;
    }
    if (monitorMmW > 0 && monitorMmH > 0 && modeW > 0 && modeH > 0) {
        const float x = static_cast<float>(monitorMmW) / static_cast<float>(modeW);
        const float y = static_cast<float>(monitorMmH) / static_cast<float>(modeH);
        const bool square = std::fabs(x - y) <= 0.15f * std::max(x, y);
        if (square && x >= 0.08f && x <= 1.5f) {
            p.mmPerPx = (x + y) * 0.5f;
            p.source = PanelSource::monitor;
        }
    }
    return p;
}

float emForWindow(float width, float height, float scale, float mmPerPx) {
    const float base = 27.0f;
    float f = scale;
    if (f <= 0.0f) f = height > width ? std::min(width / 1026.0f, height / 800.0f) : std::min(height / 800.0f, width / 1280.0f);
    const float minTargetPx = kMinTargetMm / std::max(mmPerPx, 0.01f);
    return std::max(std::round(base * f), std::ceil(minTargetPx / 3.0f));
}

float minCapMm(float viewingMm) { return std::tan(kMinCapDegrees * 3.14159265f / 180.0f) * viewingMm; }

float capDegrees(float capMm, float viewingMm) {
    return viewingMm > 0.0f ? std::atan(capMm / viewingMm) * 180.0f / 3.14159265f : 0.0f;
}

Layout makeLayout(float width, float height, float scale, const Panel& panel, const TextSize& text) {
    Layout l;
    l.width = width;
    l.height = height;
    l.portrait = height > width;
    l.mmPerPx = panel.mmPerPx;
    l.source = panel.source;
    l.viewingMm = text.viewingMm;
    const float pitch = std::max(panel.mmPerPx, 0.01f);
    l.em = emForWindow(width, height, scale, panel.mmPerPx);
    l.displayPx = std::round(l.em * 3.2f);  // already far above 0.7 degrees: larger text leaves it
    l.minTargetPx = std::ceil(kMinTargetMm / pitch);
    if (text.larger) {
        // One pixel more than the cap needs: the measured ratio comes from a glyph box rounded to pixels.
        const float want = std::ceil((minCapMm(text.viewingMm) / pitch + 1.0f) / std::max(text.capRatio, 0.3f));
        const float normal = l.em;
        l.em = std::clamp(want, std::round(normal * kLargerMinGrow), std::round(normal * kLargerMaxGrow));
        // The screens hold at 24 em high and 25 em wide (a landscape board's keyboard and header; ten
        // keys across a portrait stand); at least 1.2 times wherever that is tighter.
        const float fits = std::floor(std::min(height / kLargerMinHeightEm, width / kLargerMinWidthEm));
        l.em = std::min(l.em, std::max(std::round(normal * 1.2f), fits));
        l.minTargetPx = std::max(l.minTargetPx, std::min(std::ceil(kLargerTargetMm / pitch), std::ceil(3.0f * l.em)));
        l.larger = true;
        l.smallPx = std::min(l.em, std::max(std::round(l.em * 0.8f), want));
    } else {
        l.smallPx = std::round(l.em * 0.8f);
    }
    return l;
}

void setReachBand(Layout& l, const DisplaySettings& d) {
    l.band = false;
    if (!l.portrait || d.mountingBottomMm <= 0.0f || l.mmPerPx <= 0.0f) return;
    l.floorToTopMm = d.mountingBottomMm + l.height * l.mmPerPx;
    float top = std::clamp((l.floorToTopMm - d.reachHighMm) / l.mmPerPx, 0.0f, l.height);
    float bottom = std::clamp((l.floorToTopMm - d.reachLowMm) / l.mmPerPx, 0.0f, l.height);
    const float need = std::min(l.height, kMinBandEm * l.em);
    if (bottom - top < need) {
        bottom = std::min(l.height, top + need);
        top = std::max(0.0f, bottom - need);
    }
    l.bandTop = std::floor(top);
    l.bandBottom = std::floor(bottom);
    l.band = true;
}

Layout& layout() {
    static Layout l;
    return l;
}

const char* panelSourceName(PanelSource s) {
    switch (s) {
        case PanelSource::config: return "config";
        case PanelSource::monitor: return "monitor";
        case PanelSource::assumed: break;
    }
    return "assumed";
}

}  // namespace kiosk::ui
