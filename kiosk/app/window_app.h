// window_app.h: the GLFW + OpenGL 3.3 shell around a KioskSession, with event-driven frame pacing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "session/kiosk_session.h"

namespace kiosk {

struct WindowOptions {
    int width = 1280;            // windowed size in pixels
    int height = 800;
    bool fullscreen = false;     // the venue: primary monitor, its own mode
    std::string screenshot;      // non-empty: render `frames` frames, write this PNG, exit
    int frames = 2;
    double delaySeconds = 0;     // with screenshot: wait this long (real time) after the taps, then take it
    std::string uiDump;          // non-empty: append one JSON line per rendered frame
    std::vector<ScriptedTouch> taps;  // --tap labels, --touch and --hold places, in order (demos, screenshots, trials)
    float diagonalInches = 0;       // > 0: the panel's diagonal (--diagonal), over [display] diagonal_inches
    double exitAfterSeconds = 0;    // > 0: close the window after this long (the out-of-order screen)
};

// Runs until the window closes. Returns the process exit code (0 ok, 1 runtime failure).
int runWindow(KioskSession& session, const WindowOptions& options);

}  // namespace kiosk
