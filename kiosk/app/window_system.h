// window_system.h: GLFW's lifetime in the process, and the one way other threads wake the frame loop.
//
// CONTRACT
// 1. startWindowSystem() runs glfwInit (the X connection and its input method: with a UTF-8 locale,
//    libX11 reads the Compose table, tens of ms without its cache) on the main thread; again when it
//    is up, it returns true at once. It needs nothing of the session, so runKiosk calls it while the
//    session opens its store on another thread (issue 33). False: no display.
// 2. stopWindowSystem() runs glfwTerminate on the main thread (the end of runWindow).
// 3. wakeWindowSystem() may be called from any thread (the session's store, sync, config-watch and
//    background-job threads): it posts an empty event only while GLFW is up. The three share one
//    mutex, so no post starts before glfwInit has ended or while glfwTerminate runs.
#pragma once

namespace kiosk {

bool startWindowSystem();
void stopWindowSystem();
void wakeWindowSystem();

}  // namespace kiosk
