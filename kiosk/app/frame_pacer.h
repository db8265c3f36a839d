// frame_pacer.h: when to draw. The kiosk renders only when something visible changes.
//
// Rule: draw (1) after any input, and a few frames more so that a tap's press and release both
// reach ImGui and the pressed state is seen; (2) when a store completion arrives; (3) when the
// session says something changes by itself (the clock's minute, a countdown, the return home);
// (4) when the config changed. Otherwise sleep in glfwWaitEventsTimeout until the next of those.
// Under llvmpipe every frame costs CPU, so an idle home screen draws once a minute.
#pragma once

#include <algorithm>
#include <cstdint>

namespace kiosk {

struct FramePacer {
    int framesAfterInput = 3;  // = 3 // frames drawn after an input event (press + release + settle)
    int owed = 1;              // frames still to draw (1: draw the first frame)

    void onInput() { owed = std::max(owed, framesAfterInput); }
    void onChange() { owed = std::max(owed, 2); }
    // Something changed by itself on time (the clock's minute, a countdown): one frame shows it.
    // An idle kiosk draws once a minute, and under llvmpipe each frame is most of its CPU.
    void onTick() { owed = std::max(owed, 1); }
    bool shouldDraw() const { return owed > 0; }
    void drew() {
        if (owed > 0) --owed;
    }
    // Seconds to wait for events before the next draw is due (0: draw now).
    double waitSeconds(int64_t msUntilVisibleChange, int64_t msUntilPoll) const {
        if (owed > 0) return 0.0;
        return static_cast<double>(std::max<int64_t>(0, std::min(msUntilVisibleChange, msUntilPoll))) / 1000.0;
    }
};

}  // namespace kiosk
