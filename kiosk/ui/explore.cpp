#include "explore.h"

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

bool exploreTap(const std::string& id, std::string spoken, bool secret) {
    Explore& e = explore();
    if (!e.on) return true;
    if (e.armed == id) {
        e.armed.clear();
        return true;
    }
    e.armed = id;
    e.said.push_back({secret ? std::string() : std::move(spoken), secret});
    return false;
}

}  // namespace kiosk::ui
