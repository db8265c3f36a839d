#include "explore.h"

#include <imgui.h>

#include <algorithm>
#include <climits>
#include <cmath>

#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

TouchSample sampleAt(const Explore& e, ImVec2 p) { return {e.nowMs, p.x * e.mmPerPx, p.y * e.mmPerPx}; }

// The targets in reading order (core/touch_gesture.h rule 6), by index into frameTargets().
std::vector<size_t> targetsInOrder() {
    std::vector<Box> boxes;
    for (const TapTarget& t : frameTargets()) boxes.push_back({t.min.x, t.min.y, t.max.x, t.max.y, t.readLast});
    return readingOrder(boxes);
}

void remember(Explore& e, const TouchSample& tap, std::string focusBefore, bool chose) {
    e.lastTap = tap;
    e.focusBeforeLastTap = std::move(focusBefore);
    e.focusBeforeByTouch = e.armedByTouch;  // callers remember before they move the focus
    e.lastTapChose = chose;
}

// Rule 4's window: kSlowDoubleTapMs when the focus before the last tap came from a swipe, a key or
// a letter jump, else kDoubleTapMs.
int64_t doubleTapWindowMs(const Explore& e) {
    const bool swiped = !e.focusBeforeLastTap.empty() && !e.focusBeforeByTouch;
    return swiped ? kSlowDoubleTapMs : kDoubleTapMs;
}
// Rule 4: whether the tap at `here` is the second of a double tap, in that window.
bool secondTap(const Explore& e, const TouchSample& here) { return e.lastTap && doubleTap(*e.lastTap, here, doubleTapWindowMs(e)); }

void choose(Explore& e, const std::string& id) {
    e.activate = id;
    e.activateAge = 0;
}

}  // namespace

Explore& explore() {
    static Explore e;
    return e;
}

void beginExploreFrame(bool on, Screen screen, int64_t nowMs, float mmPerPx) {
    Explore& e = explore();
    if (!on || screen != e.screen) {
        e.armed.clear();
        e.armedByTouch = false;
        e.lastTap.reset();
        e.nothingDueMs = -1;
    }
    if (!on) {
        e.words = {};
        e.activate.clear();
        e.jump = 0;
        e.jumpLetter.clear();
    }
    e.on = on;
    e.screen = screen;
    e.nowMs = nowMs;
    e.mmPerPx = mmPerPx;
    e.released = false;
    e.gesture = Gesture::other;
    e.tapTaken = false;
    // The finger is followed with speech off too: the hold that turns it on is known as a hold.
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        e.path.clear();
        e.nothingDueMs = -1;  // a finger came down before the tap on nothing was said: it answers instead (rule 6)
    } else if (on && e.nothingDueMs >= 0 && nowMs >= e.nothingDueMs) {
        e.nothingDueMs = -1;  // no second tap came: the tap on nothing is said now
        e.words.nothing = true;
    }
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        if (io.MousePos.x > -1e6f && io.MousePos.y > -1e6f) e.path.push_back(sampleAt(e, io.MousePos));
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && on) {
        e.released = true;
        e.gesture = classifyTouch(e.path);
        // A finger held still is a hold (rule 8): it turned speech on or repeats, it is no tap.
        if (e.gesture == Gesture::tap && !e.path.empty() && e.path.back().ms - e.path.front().ms >= kAccessHoldMs)
            e.gesture = Gesture::other;
        if (e.gesture == Gesture::swipe_down) e.jump = 1;  // rule 9: for the name list, if the screen has one
        if (e.gesture == Gesture::swipe_up) e.jump = -1;
    }
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) e.path.clear();
}

bool exploreTap(const std::string& id, std::string spoken, bool secret, float x, float y) {
    Explore& e = explore();
    if (!e.on) return true;
    if (!e.released || e.gesture != Gesture::tap) return false;  // a swipe or a drag chooses nothing (rule 3)
    e.tapTaken = true;
    const TouchSample here = sampleAt(e, ImVec2(x, y));
    const bool second = secondTap(e, here);
    if (second && e.lastTapChose) {  // the second half of a double tap that chose already
        remember(e, here, e.armed, true);
        return false;
    }
    if (second && !e.focusBeforeLastTap.empty() && e.focusBeforeLastTap != id) {  // rule 4: the focus it found
        e.armed = e.focusBeforeLastTap;
        e.armedByTouch = false;
        choose(e, e.armed);
        remember(e, here, e.armed, true);
        return false;
    }
    const float dx = (x - e.armedX) * e.mmPerPx, dy = (y - e.armedY) * e.mmPerPx;
    if (e.armed == id && e.armedByTouch && std::sqrt(dx * dx + dy * dy) <= kExploreNearMm) {  // rule 2: chosen
        remember(e, here, e.armed, true);
        return true;
    }
    remember(e, here, e.armed, false);
    e.armed = id;
    e.armedByTouch = true;
    e.armedX = x;
    e.armedY = y;
    e.words.said.push_back({secret ? std::string() : std::move(spoken), secret});
    return false;
}

bool exploreGate(bool clicked) {
    Explore& e = explore();
    if (!clicked || !e.on) return clicked;
    if (!e.released || e.gesture != Gesture::tap) return false;
    e.tapTaken = true;
    remember(e, sampleAt(e, ImGui::GetIO().MousePos), e.armed, true);
    return true;
}

bool exploreActivation(const std::string& id) {
    Explore& e = explore();
    if (!e.on || e.activate.empty() || e.activate != id) return false;
    e.activate.clear();
    return true;
}

void exploreMove(int step) {
    Explore& e = explore();
    const auto& targets = frameTargets();
    const std::vector<size_t> order = targetsInOrder();
    if (!e.on || order.empty() || step == 0) return;
    long at = -1;
    for (size_t i = 0; i < order.size(); ++i)
        if (targets[order[i]].id == e.armed) at = static_cast<long>(i);
    const long n = static_cast<long>(order.size());
    long next = 0;
    if (at < 0) {
        next = step > 0 ? 0 : n - 1;
    } else {
        next = at + (step > 0 ? 1 : -1);
        if (next >= n) e.words.wrapped = 1;
        if (next < 0) e.words.wrapped = -1;
        next = (next + n) % n;
    }
    const TapTarget& t = targets[order[static_cast<size_t>(next)]];
    e.armed = t.id;
    e.armedByTouch = false;
    e.words.said.push_back({t.secret ? std::string() : (t.spoken.empty() ? t.label : t.spoken), t.secret});
}

void exploreActivate() {
    Explore& e = explore();
    if (!e.on) return;
    if (e.armed.empty()) e.words.nothing = true;
    else choose(e, e.armed);
}

void endExploreFrame() {
    Explore& e = explore();
    if (!e.on) return;
    if (!e.activate.empty() && e.activateAge++ >= 1) e.activate.clear();  // its control did not come back
    e.jump = 0;  // a jump no name list took: this screen has none (rule 9)
    e.jumpLetter.clear();
    if (!e.released) return;
    if (e.gesture == Gesture::swipe_next) exploreMove(1);
    if (e.gesture == Gesture::swipe_previous) exploreMove(-1);
    if (e.gesture != Gesture::tap || e.tapTaken || ImGui::IsAnyItemHovered()) return;
    // A tap on no control: the second half of a double tap chooses the focus (rule 4), else it is said.
    const TouchSample here = sampleAt(e, ImGui::GetIO().MousePos);
    const bool second = secondTap(e, here);
    if (second && !e.lastTapChose) {
        const std::string focus = e.focusBeforeLastTap.empty() ? e.armed : e.focusBeforeLastTap;
        if (!focus.empty()) {
            e.armed = focus;
            e.armedByTouch = false;
            choose(e, focus);
            remember(e, here, focus, true);
            return;
        }
    }
    remember(e, here, e.armed, second && e.lastTapChose);
    if (!second) e.nothingDueMs = e.nowMs + doubleTapWindowMs(e);  // said unless a second tap comes (rule 6)
    else if (!e.lastTapChose) e.words.nothing = true;       // a double tap with nothing to choose
}

Explore::Words takeExploreWords() {
    Explore& e = explore();
    Explore::Words w = std::move(e.words);
    e.words = {};
    return w;
}

int64_t exploreMsUntilSaid(int64_t nowMs) {
    const Explore& e = explore();
    if (!e.on || e.nothingDueMs < 0) return INT64_MAX;
    return std::max<int64_t>(0, e.nothingDueMs - nowMs);
}

void exploreJump(int step, std::string letter) {
    Explore& e = explore();
    if (!e.on) return;
    e.jump = step;
    e.jumpLetter = std::move(letter);
}

std::optional<JumpAsk> takeExploreJump() {
    Explore& e = explore();
    if (!e.on || (e.jump == 0 && e.jumpLetter.empty())) return std::nullopt;
    JumpAsk ask{e.jump, std::move(e.jumpLetter)};
    e.jump = 0;
    e.jumpLetter.clear();
    return ask;
}

void exploreFocus(const std::string& id, std::string spoken, int wrapped) {
    Explore& e = explore();
    e.armed = id;
    e.armedByTouch = false;
    e.words.wrapped = wrapped;
    e.words.said.push_back({std::move(spoken), false});
}

Place placeOf(const std::string& idPrefix) {
    const auto& targets = frameTargets();
    const std::vector<size_t> order = targetsInOrder();
    for (size_t i = 0; i < order.size(); ++i)
        if (targets[order[i]].id.compare(0, idPrefix.size(), idPrefix) == 0)
            return {static_cast<int>(i) + 1, static_cast<int>(order.size())};
    return {};
}

}  // namespace kiosk::ui
