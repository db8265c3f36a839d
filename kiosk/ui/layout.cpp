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

Layout makeLayout(float width, float height, float scale, const Panel& panel) {
    Layout l;
    l.width = width;
    l.height = height;
    l.portrait = height > width;
    l.mmPerPx = panel.mmPerPx;
    l.source = panel.source;
    l.em = emForWindow(width, height, scale, panel.mmPerPx);
    l.minTargetPx = std::ceil(kMinTargetMm / std::max(panel.mmPerPx, 0.01f));
    return l;
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
