#include "app/window_system.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <mutex>

#include "session/startup_trace.h"

namespace kiosk {
namespace {

// Whether glfwInit succeeded and glfwTerminate has not run since (contract 3).
std::mutex gWindowSystemMutex;
bool gWindowSystemUp = false;

void onGlfwError(int code, const char* description) {
    // Reported once at start-up through the return values; keep stderr free of noise otherwise.
    (void)code;
    (void)description;
}

}  // namespace

bool startWindowSystem() {
    {
        const std::lock_guard<std::mutex> lock(gWindowSystemMutex);
        if (gWindowSystemUp) return true;
    }
    glfwSetErrorCallback(onGlfwError);
    const bool up = glfwInit() == GLFW_TRUE;
    if (up) traceStartup("glfwInit: X connection");
    const std::lock_guard<std::mutex> lock(gWindowSystemMutex);
    gWindowSystemUp = up;
    return up;
}

void stopWindowSystem() {
    {
        const std::lock_guard<std::mutex> lock(gWindowSystemMutex);
        gWindowSystemUp = false;
    }
    glfwTerminate();
}

void wakeWindowSystem() {
    const std::lock_guard<std::mutex> lock(gWindowSystemMutex);
    if (gWindowSystemUp) glfwPostEmptyEvent();
}

}  // namespace kiosk
