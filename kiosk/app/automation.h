// automation.h: the kiosk driven and watched by scripts and tests, outside the window loop.
//   --tap LABEL...  ScriptedTaps: press and release at the centre of the first element with that
//                   label, one after the other, each as soon as it is on screen and the store idle.
//   --touch X,Y     the same queue, at a window pixel, whatever is (or is not) there: pressed in
//                   one frame, released in the next, as a finger that cannot see the screen.
//   --hold X,Y,S    pressed there and kept down, still, for S seconds of real time (the kiosk's
//                   own clock runs on real time too), then released.
//   --swipe X1,Y1,X2,Y2  pressed at X1,Y1, moved in a straight line to X2,Y2 over 0.2 s of real time
//                   (a frame every 20 ms), released there: the speech mode's swipe (ui/explore.h).
//   --wait S        no finger on the screen for S seconds (someone listening), then the next step.
//                   Each step waits two frames after the last release, and for the store to be idle.
//   --ui-dump FILE  UiDump: one JSON line per drawn frame: the screen, the panel (mm per pixel, where
//                   that came from, 9 mm in pixels, portrait), every tap target's id, label, rectangle,
//                   size in mm, its label's capital height in mm ("cap_mm"; 0 for a tap area
//                   over text drawn on its own, which is among the texts) and whether its
//                   label was drawn in full ("clipped"); every other text drawn ("texts": its
//                   rectangle, cap_mm, whether past the window's edge, whether cut to "…"); the
//                   panel's em, larger-text mode, viewing distance, the last font rebuild's ms
//                   and the reach band's rows; and CLOCK_MONOTONIC ms for tap-to-visible timing.
//   --screenshot    writeScreenshot: the back buffer as a PNG.
#pragma once

#include <imgui.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "cli/command_line.h"

namespace kiosk {

class ScriptedTaps {
public:
    // Without any step, no tap is awaited: the screen counts as settled from the first frame
    // (--screenshot --frames 1 is then the first frame, as the start benchmarks time it).
    explicit ScriptedTaps(std::vector<ScriptedTouch> steps) : steps_(std::move(steps)), framesSinceTap_(steps_.empty() ? 2 : 0) {}

    bool pending() const { return next_ < steps_.size(); }
    // A --hold's finger is down: the loop should draw again soon, without spinning.
    bool holding() const { return pending() && phase_ == 1 && (steps_[next_].holdSeconds > 0 || steps_[next_].swipe); }  // or a --wait passes
    // A --wait is passing: no input, so the kiosk's own timers run as without a person.
    bool waiting() const { return pending() && steps_[next_].wait; }
    // Before a frame: moves io's pointer for the next press or release. Returns false when a
    // label did not appear within 600 frames (the script cannot go on; said on stderr).
    bool beforeFrame(ImGuiIO& io, bool storeBusy);
    // Frames drawn since the last tap was released (the screen has settled after 2; 2 from the
    // start when there are no taps).
    int framesSinceTap() const { return framesSinceTap_; }

private:
    bool find(bool storeBusy);  // phase 0: where the next step presses, when it may

    std::vector<ScriptedTouch> steps_;
    size_t next_ = 0;
    int phase_ = 0;  // 0: looking for the label (or waiting for the store), 1: pressed, 2: released
    ImVec2 at_;
    std::chrono::steady_clock::time_point pressedAt_;
    bool heldLongEnough_ = false;  // --hold: S seconds have passed; the finger lifts in the next frame
    int waitFrames_ = 0;
    int framesSinceTap_ = 0;
    int sinceRelease_ = 0;  // frames drawn since the last release, while the next label is waited for
};

class UiDump {
public:
    explicit UiDump(const std::string& path);  // empty: no dump
    void append(long frame, const char* screen);

private:
    std::ofstream out_;
};

// The current back buffer (w x h) as a PNG at `path`; false (said on stderr) when it could not be written.
bool writeScreenshot(const std::string& path, int w, int h);

}  // namespace kiosk
