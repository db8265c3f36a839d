#include "explore.h"

#include <cmath>

namespace kiosk::ui {

Explore& explore() {
    static Explore e;
    return e;
}

void beginExploreFrame(bool on, Screen screen) {
    Explore& e = explore();
    if (!on || screen != e.screen) e.armed.clear();
    e.on = on;
    e.screen = screen;
    e.said.clear();
}

bool exploreTap(const std::string& id, std::string spoken, bool secret, float x, float y, float mmPerPx) {
    Explore& e = explore();
    if (!e.on) return true;
    const float dx = (x - e.armedX) * mmPerPx, dy = (y - e.armedY) * mmPerPx;
    if (e.armed == id && std::sqrt(dx * dx + dy * dy) <= kExploreNearMm) {
        e.armed.clear();
        return true;
    }
    e.armed = id;
    e.armedX = x;
    e.armedY = y;
    e.said.push_back({secret ? std::string() : std::move(spoken), secret});
    return false;
}

}  // namespace kiosk::ui
