#include "window_app.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <GL/gl.h>

#include <malloc.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <thread>
#include <vector>


#include "app/automation.h"
#include "session/input_bindings.h"
#include "session/startup_trace.h"
#include "frame_pacer.h"
#include "systemd_notify.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace kiosk {
namespace {

// SIGTERM / SIGINT (systemd stop, Ctrl+C): leave the loop cleanly; the store thread then
// finishes every queued write before the process ends.
volatile std::sig_atomic_t gStopRequested = 0;
void onStopSignal(int) { gStopRequested = 1; }

// Input seen since the last frame (set from GLFW callbacks, which ImGui's backend chains to).
bool gInput = false;
bool gButtonEvent = false;  // a press or release arrived since the last frame (both may come in one poll)
void onMouseButton(GLFWwindow*, int, int, int) {
    gInput = true;
    gButtonEvent = true;
}
void onCursor(GLFWwindow* w, double, double) {
    // Motion alone matters only while a finger is down (drag); hover is not a thing on touch.
    if (glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) gInput = true;
}
void onScroll(GLFWwindow*, double, double) { gInput = true; }
// Keys for the badge scanner go to InputBindings as they come, in order (input_bindings.h): an
// Enter pressed and released within one frame is still one Enter.
void onKey(GLFWwindow*, int key, int, int action, int) {
    gInput = true;
    if (action == GLFW_PRESS && (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER)) InputBindings::keyEnter();
}
void onChar(GLFWwindow*, unsigned int c) {
    gInput = true;
    InputBindings::keyChar(c);
}
void onSize(GLFWwindow*, int, int) { gInput = true; }

void glfwError(int code, const char* description) {
    // Reported once at start-up through the return values; keep stderr free of noise otherwise.
    (void)code;
    (void)description;
}

}  // namespace

bool displayAvailable() {
    glfwSetErrorCallback(glfwError);
    if (!glfwInit()) return false;
    glfwTerminate();
    return true;
}

int runWindow(KioskSession& session, const WindowOptions& opt) {
    glfwSetErrorCallback(glfwError);
    if (!glfwInit()) {
        std::fprintf(stderr, "%s\n", session.texts()("app.no_display").c_str());
        return 1;
    }
    traceStartup("glfwInit: X connection");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    const bool offscreen = !opt.screenshot.empty();
    if (offscreen) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWmonitor* monitor = nullptr;
    int w = opt.width, h = opt.height;
    if (opt.fullscreen && !offscreen) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            w = mode->width;
            h = mode->height;
        }
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // The fonts for the window's height are rasterised on a thread of their own while the window
    // and its OpenGL context come up (with llvmpipe, the two slowest steps of a start); ImGui is
    // not touched by this thread until it is joined.
    // The panel: how big a pixel is (ui/layout.h says where the figure comes from).
    int monMmW = 0, monMmH = 0, modeW = 0, modeH = 0;
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) {
        glfwGetMonitorPhysicalSize(m, &monMmW, &monMmH);
        if (const GLFWvidmode* mode = glfwGetVideoMode(m)) {
            modeW = mode->width;
            modeH = mode->height;
        }
    }
    int fontW = 0, fontH = 0;
    auto buildFonts = [&, fullscreen = opt.fullscreen && !offscreen](int width, int height) {
        const float diagonal = opt.diagonalInches > 0 ? opt.diagonalInches : session.config().display.diagonalInches;
        const ui::Panel panel = ui::panelFor(diagonal, monMmW, monMmH, modeW, modeH, fullscreen ? modeW : width,
                                             fullscreen ? modeH : height);
        ui::layout() = ui::makeLayout(static_cast<float>(width), static_cast<float>(height), session.config().settings.scale, panel);
        ui::Theme& t = ui::theme();
        t.em = ui::layout().em;
        t.fonts = ui::loadFonts(t.em);
        ui::applyStyle(t);
        unsigned char* pixels = nullptr;
        int aw = 0, ah = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &aw, &ah);  // builds the atlas
    };
    std::thread fontThread(buildFonts, w, h);

    GLFWwindow* window = glfwCreateWindow(w, h, session.config().programme.title.c_str(), monitor, nullptr);
    if (window) {
        glfwMakeContextCurrent(window);
        glfwSwapInterval(1);
    }
    traceStartup("window and OpenGL context");
    fontThread.join();
    fontW = w;
    fontH = h;
    traceStartup("fonts (on their own thread)");
    if (!window) {
        std::fprintf(stderr, "%s\n", session.texts()("app.no_window").c_str());
        ImGui::DestroyContext();
        glfwTerminate();
        return 1;
    }
    if (opt.fullscreen) glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

    glfwSetMouseButtonCallback(window, onMouseButton);
    glfwSetCursorPosCallback(window, onCursor);
    glfwSetScrollCallback(window, onScroll);
    glfwSetKeyCallback(window, onKey);
    glfwSetCharCallback(window, onChar);
    glfwSetFramebufferSizeCallback(window, onSize);

    ImGui_ImplGlfw_InitForOpenGL(window, true);  // chains to the callbacks above
    ImGui_ImplOpenGL3_Init("#version 330 core");
    traceStartup("ImGui backends");

    int fbW = 0, fbH = 0;
    // Fonts follow the framebuffer's size (the window may differ from what was asked: a tiling
    // compositor, a HiDPI scale); rebuilt when it changes.
    auto ensureFonts = [&] {
        glfwGetFramebufferSize(window, &fbW, &fbH);
        static bool deviceObjects = false;
        if (fbH <= 0 || fbW <= 0 || (fbH == fontH && fbW == fontW && deviceObjects)) return;
        if (fbH != fontH || fbW != fontW) buildFonts(fbW, fbH);
        fontW = fbW;
        fontH = fbH;
        // The first time, create all device objects now (shaders and the font texture); otherwise
        // the backend does it at its first NewFrame and builds the atlas a second time.
        if (!deviceObjects) {
            ImGui_ImplOpenGL3_CreateDeviceObjects();
            deviceObjects = true;
        } else {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        // The texture now lives in GL: the CPU copy of the atlas and the font files it was built
        // from can go, and the freed heap back to the system.
        io.Fonts->ClearTexData();
        io.Fonts->ClearInputData();
        malloc_trim(0);
    };
    ensureFonts();
    traceStartup("GL device objects");

    UiDump dump(opt.uiDump);
    ScriptedTaps taps(opt.taps);

    FramePacer pacer;
    long frame = 0;
    int rc = 0;
    bool parkMouse = false;
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    double tapsDoneAt = -1;  // glfwGetTime() when the scripted taps had all been made (for --delay)
    // Under systemd with a watchdog: wake at least at half its interval and say we are alive, from
    // the frame loop itself, so that a hung loop is restarted.
    const long long watchdogMs = systemdWatchdogMs();
    bool readySent = false;
    const double startedAt = glfwGetTime();
    while (!glfwWindowShouldClose(window) && !gStopRequested) {
        if (opt.exitAfterSeconds > 0 && glfwGetTime() - startedAt >= opt.exitAfterSeconds) break;
        // The moment something changes by itself (a countdown, a fling, a press held in the corner):
        // a draw is due once the wait has lasted that long.
        const int64_t dueMs = session.msUntilNextChange();
        const double waitFrom = glfwGetTime();
        double wait = offscreen ? 0.0 : pacer.waitSeconds(dueMs, session.msUntilConfigPoll());
        if (watchdogMs > 0) wait = std::min(wait, static_cast<double>(watchdogMs) / 2000.0);
        if (opt.exitAfterSeconds > 0) wait = std::min(wait, std::max(0.0, opt.exitAfterSeconds - (glfwGetTime() - startedAt)));
        if (offscreen && tapsDoneAt >= 0 && glfwGetTime() - tapsDoneAt < opt.delaySeconds) wait = 0.2;  // no busy wait
        if (wait > 0.0) glfwWaitEventsTimeout(wait);
        else glfwPollEvents();
        if (watchdogMs > 0) systemdNotify("WATCHDOG=1");
        if (gInput) {
            gInput = false;
            session.noteInput();
            pacer.onInput();
        }
        if (session.pollConfig()) pacer.onChange();
        if (session.drainStore()) pacer.onChange();
        if (dueMs == 0 || (glfwGetTime() - waitFrom) * 1000.0 >= static_cast<double>(dueMs) - 0.5 ||
            session.msUntilNextChange() == 0)
            pacer.onTick();
        if (!offscreen && !pacer.shouldDraw()) continue;

        ensureFonts();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // Touch leaves no hover: one whole frame after the finger lifted (so that ImGui sees the
        // release where the press was, even when both arrived in one poll), park the pointer.
        const bool buttonActivity = gButtonEvent || glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
        gButtonEvent = false;
        if (!buttonActivity && parkMouse) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        parkMouse = !buttonActivity;
        if (taps.pending()) {
            pacer.onInput();
            session.noteInput();
        }
        if (!taps.beforeFrame(io, session.storeBusy())) {
            rc = 2;
            break;
        }
        ImGui::NewFrame();
        session.frame();
        ImGui::Render();
        glViewport(0, 0, fbW, fbH);
        const auto& bg = ui::theme().palette.background;
        glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        ++frame;
        if (frame <= opt.frames) traceStartup(frame == 1 ? "frame 1 drawn" : "a further frame drawn");
        dump.append(frame, ui::screenName(session.uiState().screen));
        const bool settled = !taps.pending() && taps.framesSinceTap() >= 2 && !session.storeBusy() &&
                             session.uiState().feedback.kind != ui::Feedback::Kind::pending;
        if (settled && tapsDoneAt < 0) tapsDoneAt = glfwGetTime();
        if (offscreen && frame >= opt.frames && settled && glfwGetTime() - tapsDoneAt >= opt.delaySeconds) {
            if (!writeScreenshot(opt.screenshot, fbW, fbH)) {
                std::fprintf(stderr, "%s: %s\n", opt.screenshot.c_str(), session.texts()("app.screenshot_failed").c_str());
                rc = 1;
            }
            traceStartup("screenshot written");
            break;
        }
        glfwSwapBuffers(window);
        pacer.drew();
        if (!readySent) readySent = systemdNotify("READY=1");
    }

    systemdNotify("STOPPING=1");
    session.stopStore();  // its thread posts GLFW events: stop it while GLFW is still there
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    traceStartup("shut down");
    glfwTerminate();
    return rc;
}

}  // namespace kiosk
