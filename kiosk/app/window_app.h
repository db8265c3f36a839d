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

// Connects to the display: glfwInit, the X connection and its input method (with a UTF-8 locale,
// libX11 reads the Compose table: tens of ms without its cache). Needs nothing of the session, so
// runKiosk calls it on the main thread while the session opens its store on another (issue 33);
// runWindow's own call then returns at once. Main thread only. False: no display.
bool startWindowSystem();

// Wakes the frame loop (glfwPostEmptyEvent) from any thread: the session's store, sync, config-watch
// and background-job threads. Does nothing before startWindowSystem() has succeeded or once the
// window system is stopped (runWindow's end): never a post into a GLFW that is not, or no longer, there.
void wakeWindowSystem();

// Runs until the window closes. Returns the process exit code (0 ok, 1 runtime failure).
int runWindow(KioskSession& session, const WindowOptions& options);

// Whether a display can be opened at all (for `doctor` and the no-display message).
bool displayAvailable();

}  // namespace kiosk
