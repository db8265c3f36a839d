#include "window_app.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <GL/gl.h>
#include <GL/glext.h>

#include <malloc.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>


#include "app/automation.h"
#include "app/window_system.h"
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
// Any event of the window since the last frame, input or not (focus, the pointer entering or moving,
// a resize): WindowRun::newPlatformFrame(). And a resize since the framebuffer's size was asked.
bool gWindowEvent = true;
bool gResized = true;
void onMouseButton(GLFWwindow*, int, int, int) {
    gInput = gWindowEvent = true;
    gButtonEvent = true;
}
void onCursor(GLFWwindow* w, double, double) {
    gWindowEvent = true;
    // Motion alone matters only while a finger is down (drag); hover is not a thing on touch.
    if (glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) gInput = true;
}
void onScroll(GLFWwindow*, double, double) { gInput = gWindowEvent = true; }
// Keys for the badge scanner go to InputBindings as they come, in order (input_bindings.h): an
// Enter pressed and released within one frame is still one Enter.
void onKey(GLFWwindow*, int key, int, int action, int) {
    gInput = gWindowEvent = true;
    if (action == GLFW_PRESS && (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER)) InputBindings::keyEnter();
}
void onChar(GLFWwindow*, unsigned int c) {
    gInput = gWindowEvent = true;
    InputBindings::keyChar(c);
}
void onSize(GLFWwindow*, int, int) { gInput = gWindowEvent = gResized = true; }
void onWindowSize(GLFWwindow*, int, int) { gWindowEvent = true; }
void onFocus(GLFWwindow*, int) { gWindowEvent = true; }
void onEnter(GLFWwindow*, int) { gWindowEvent = true; }

// The font atlas as a one-channel texture (issue 33). ImGui's OpenGL backend uploads it as RGBA,
// four bytes a pixel, and llvmpipe keeps textures in ordinary memory; one byte a pixel, with the
// texture's swizzle reading it as (1, 1, 1, coverage), draws exactly the same for a quarter of the
// memory and of the upload. Returns the texture (re-specified when `tex` is one already).
GLuint uploadAlphaAtlas(GLuint tex) {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
    if (!tex) glGenTextures(1, &tex);
    GLint last = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, w, h, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last));
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(tex)));
    return tex;
}

// The backend's shaders and buffers. It would also make its RGBA font texture from our atlas (a
// four-byte copy of every pixel): it gets a stand-in atlas instead (ImGui's small default font),
// whose texture is deleted at once; uploadAlphaAtlas() makes ours.
void createDeviceObjects() {
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas standIn;
    ImFontAtlas* ours = io.Fonts;
    io.Fonts = &standIn;
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts = ours;
}

// One run of the window, from open to close (runWindow): its three phases are open(), loop() and
// close(); the loop's turn is step(), a frame drawFrame().
class WindowRun {
public:
    WindowRun(KioskSession& session, const WindowOptions& opt)
        : session_(session), opt_(opt), offscreen_(!opt.screenshot.empty()), dump_(opt.uiDump), taps_(opt.taps) {}
    bool open();  // false: said why on stderr, nothing left open
    int loop();   // until the window closes or a stop is asked: the exit code
    void close();

private:
    void buildFonts(int width, int height, bool larger);
    void ensureFonts();
    void newPlatformFrame();
    double waitSeconds(int64_t dueMs) const;
    bool step();       // one turn of the loop; false: leave it (rc_ says how)
    bool drawFrame();  // false: leave the loop (the screenshot is written, or the taps failed)

    KioskSession& session_;
    const WindowOptions& opt_;
    const bool offscreen_;
    GLFWwindow* window_ = nullptr;
    int w_ = 0, h_ = 0;                                // the window asked for
    int monMmW_ = 0, monMmH_ = 0, modeW_ = 0, modeH_ = 0;  // the panel (ui/layout.h)
    int fontW_ = 0, fontH_ = 0, fbW_ = 0, fbH_ = 0;    // the fonts' size, the framebuffer's
    bool fontLarger_ = false;                          // the fonts are the larger-text mode's
    GLuint fontTexture_ = 0;                           // uploadAlphaAtlas()
    bool deviceObjects_ = false;
    UiDump dump_;
    ScriptedTaps taps_;
    FramePacer pacer_;
    long frame_ = 0;
    int rc_ = 0;
    bool parkMouse_ = false, readySent_ = false;
    double tapsDoneAt_ = -1;  // glfwGetTime() when the scripted taps had all been made (for --delay)
    double startedAt_ = 0;
    double platformAt_ = 0;  // glfwGetTime() at the last newPlatformFrame()
    long long watchdogMs_ = 0;
};

// The fonts and the layout for a window of this size; run on a thread of its own at start.
void WindowRun::buildFonts(int width, int height, bool larger) {
    const bool fullscreen = opt_.fullscreen && !offscreen_;
    const float diagonal = opt_.diagonalInches > 0 ? opt_.diagonalInches : session_.config().display.diagonalInches;
    const ui::Panel panel = ui::panelFor(diagonal, monMmW_, monMmH_, modeW_, modeH_, fullscreen ? modeW_ : width,
                                         fullscreen ? modeH_ : height);
    ui::Theme& t = ui::theme();
    const ui::TextSize text{larger, session_.config().display.viewingDistanceMm, t.capRatio};
    ui::layout() = ui::makeLayout(static_cast<float>(width), static_cast<float>(height), session_.config().settings.scale, panel, text);
    ui::setReachBand(ui::layout(), session_.config().display);
    t.em = ui::layout().em;
    t.fonts = ui::loadFonts(t.em, ui::layout().smallPx, ui::layout().displayPx);
    ui::applyStyle(t);
    unsigned char* pixels = nullptr;
    int aw = 0, ah = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &aw, &ah);  // builds the atlas (one byte a pixel)
    ui::measureCapRatio();
    char note[80];
    std::snprintf(note, sizeof note, "fonts: atlas %dx%d, one byte a pixel (%.1f MiB)", aw, ah,
                  static_cast<double>(aw) * ah / (1024.0 * 1024.0));
    traceStartup(note);  // (bench_start reads it)
}

bool WindowRun::open() {
    if (!startWindowSystem()) {
        std::fprintf(stderr, "%s\n", session_.texts()("app.no_display").c_str());
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // ImGui draws with neither a depth nor a stencil test: no such buffers (issue 33; llvmpipe
    // keeps each in ordinary memory, 4 bytes a pixel, 7.9 MiB at 1080p).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    if (offscreen_) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWmonitor* monitor = nullptr;
    w_ = opt_.width;
    h_ = opt_.height;
    if (opt_.fullscreen && !offscreen_) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            w_ = mode->width;
            h_ = mode->height;
        }
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // The panel: how big a pixel is (ui/layout.h says where the figure comes from).
    if (GLFWmonitor* m = glfwGetPrimaryMonitor()) {
        glfwGetMonitorPhysicalSize(m, &monMmW_, &monMmH_);
        if (const GLFWvidmode* mode = glfwGetVideoMode(m)) {
            modeW_ = mode->width;
            modeH_ = mode->height;
        }
    }
    // The fonts for the window's height are rasterised on a thread of their own while the window
    // and its OpenGL context come up (with llvmpipe, the two slowest steps of a start); ImGui is
    // not touched by this thread until it is joined.
    std::thread fontThread([this] { buildFonts(w_, h_, false); });
    window_ = glfwCreateWindow(w_, h_, session_.config().programme.title.c_str(), monitor, nullptr);
    if (window_) {
        glfwMakeContextCurrent(window_);
        glfwSwapInterval(1);
    }
    traceStartup("window and OpenGL context");
    fontThread.join();
    fontW_ = w_;
    fontH_ = h_;
    traceStartup("fonts (on their own thread)");
    if (!window_) {
        std::fprintf(stderr, "%s\n", session_.texts()("app.no_window").c_str());
        ImGui::DestroyContext();
        stopWindowSystem();
        return false;
    }
    if (opt_.fullscreen) glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    glfwSetMouseButtonCallback(window_, onMouseButton);
    glfwSetCursorPosCallback(window_, onCursor);
    glfwSetScrollCallback(window_, onScroll);
    glfwSetKeyCallback(window_, onKey);
    glfwSetCharCallback(window_, onChar);
    glfwSetFramebufferSizeCallback(window_, onSize);
    glfwSetWindowSizeCallback(window_, onWindowSize);
    glfwSetWindowFocusCallback(window_, onFocus);
    glfwSetCursorEnterCallback(window_, onEnter);
    ImGui_ImplGlfw_InitForOpenGL(window_, true);  // chains to the callbacks above
    ImGui_ImplOpenGL3_Init("#version 330 core");
    traceStartup("ImGui backends");
    ensureFonts();
    traceStartup("GL device objects");
    return true;
}

// Fonts follow the framebuffer's size (the window may differ from what was asked: a tiling
// compositor, a HiDPI scale); rebuilt when it changes.
// Also when the participant switches larger text on or off (between frames: ImGui's atlas is
// locked during one); the time the switch took (rasterising and uploading) is in the theme, for --ui-dump.
void WindowRun::ensureFonts() {
    if (gResized) {  // asked once, then on a resize only: each time is a round trip to the X server
        gResized = false;
        glfwGetFramebufferSize(window_, &fbW_, &fbH_);
    }
    const bool larger = session_.uiState().largerText;
    if (fbH_ <= 0 || fbW_ <= 0 || (fbH_ == fontH_ && fbW_ == fontW_ && larger == fontLarger_ && deviceObjects_)) return;
    const auto began = std::chrono::steady_clock::now();
    if (fbH_ != fontH_ || fbW_ != fontW_ || larger != fontLarger_) buildFonts(fbW_, fbH_, larger);
    fontLarger_ = larger;
    fontW_ = fbW_;
    fontH_ = fbH_;
    // The first time, create the backend's device objects now (otherwise it does at its first
    // NewFrame, with an RGBA copy of the atlas); the font texture is ours, one byte a pixel.
    if (!deviceObjects_) {
        createDeviceObjects();
        deviceObjects_ = true;
    }
    fontTexture_ = uploadAlphaAtlas(fontTexture_);
    // The texture now lives in GL: the CPU copy of the atlas and the font files it was built from
    // can go, and the freed heap back to the system.
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->ClearTexData();
    io.Fonts->ClearInputData();
    malloc_trim(0);
    ui::theme().fontBuildMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
}

// How long the loop may sleep: until something changes by itself (`dueMs`), the config is looked
// at, the watchdog wants a word, the run's end, or the out-of-order screen closes.
double WindowRun::waitSeconds(int64_t dueMs) const {
    double wait = offscreen_ ? 0.0 : pacer_.waitSeconds(dueMs, session_.msUntilConfigPoll());
    if (watchdogMs_ > 0) wait = std::min(wait, static_cast<double>(watchdogMs_) / 2000.0);
    if (opt_.exitAfterSeconds > 0) wait = std::min(wait, std::max(0.0, opt_.exitAfterSeconds - (glfwGetTime() - startedAt_)));
    if (const int64_t close = session_.msUntilClose(); close != INT64_MAX) wait = std::min(wait, static_cast<double>(close) / 1000.0);
    if (offscreen_ && tapsDoneAt_ >= 0 && glfwGetTime() - tapsDoneAt_ < opt_.delaySeconds) wait = 0.2;  // no busy wait
    if (taps_.holding()) wait = offscreen_ ? 0.02 : std::min(wait, 0.02);  // a held finger (--hold): a frame every 20 ms, no spin
    return wait;
}

int WindowRun::loop() {
    std::signal(SIGTERM, onStopSignal);
    std::signal(SIGINT, onStopSignal);
    // Under systemd with a watchdog: wake at least at half its interval and say we are alive, from
    // the frame loop itself, so that a hung loop is restarted.
    watchdogMs_ = systemdWatchdogMs();
    startedAt_ = glfwGetTime();
    while (!glfwWindowShouldClose(window_) && !gStopRequested && step()) {
    }
    return rc_;
}

bool WindowRun::step() {
    if (opt_.exitAfterSeconds > 0 && glfwGetTime() - startedAt_ >= opt_.exitAfterSeconds) return false;
    if (session_.msUntilClose() == 0) {  // the store's deferred check found damage (store_worker.h, START)
        rc_ = 1;
        return false;
    }
    // The moment something changes by itself (a countdown, a fling, a press held in the corner):
    // a draw is due once the wait has lasted that long.
    const int64_t dueMs = session_.msUntilNextChange();
    const double waitFrom = glfwGetTime();
    const double wait = waitSeconds(dueMs);
    if (wait > 0.0) glfwWaitEventsTimeout(wait);
    else glfwPollEvents();
    if (watchdogMs_ > 0) systemdNotify("WATCHDOG=1");
    if (gInput) {
        gInput = false;
        session_.noteInput();
        pacer_.onInput();
    }
    if (session_.pollConfig()) pacer_.onChange();
    if (session_.drainStore()) pacer_.onChange();
    if (dueMs == 0 || (glfwGetTime() - waitFrom) * 1000.0 >= static_cast<double>(dueMs) - 0.5 || session_.msUntilNextChange() == 0)
        pacer_.onTick();
    if (!offscreen_ && !pacer_.shouldDraw()) return true;
    return drawFrame();
}

// ImGui's GLFW backend asks the X server, every frame, for the window's size (twice), its focus and
// the pointer: four round trips, each a wakeup of this thread and of the X server (issue 33). None of
// them changes without an event, so a frame with no event since the last one (the home screen's
// minute) keeps the last frame's answers and renews only the time step and the buttons (GLFW's own
// state, no round trip). Scripted taps and screenshots always take the backend's way.
void WindowRun::newPlatformFrame() {
    ImGuiIO& io = ImGui::GetIO();
    const double now = glfwGetTime();
    if (gWindowEvent || offscreen_ || frame_ == 0 || taps_.pending()) {
        gWindowEvent = false;
        ImGui_ImplGlfw_NewFrame();
    } else {
        io.DeltaTime = static_cast<float>(std::max(now - platformAt_, 1e-4));
        for (int i = 0; i < IM_ARRAYSIZE(io.MouseDown); ++i) io.MouseDown[i] = glfwGetMouseButton(window_, i) == GLFW_PRESS;
    }
    platformAt_ = now;
}

bool WindowRun::drawFrame() {
    ImGuiIO& io = ImGui::GetIO();
    ensureFonts();
    ImGui_ImplOpenGL3_NewFrame();
    newPlatformFrame();
    // Touch leaves no hover: one whole frame after the finger lifted (so that ImGui sees the
    // release where the press was, even when both arrived in one poll), park the pointer.
    const bool buttonActivity = gButtonEvent || glfwGetMouseButton(window_, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
    gButtonEvent = false;
    if (!buttonActivity && parkMouse_) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    parkMouse_ = !buttonActivity;
    if (taps_.pending()) {
        pacer_.onInput();
        if (!taps_.waiting()) session_.noteInput();
    }
    if (!taps_.beforeFrame(io, session_.storeBusy())) {
        rc_ = 2;
        return false;
    }
    ImGui::NewFrame();
    session_.frame();
    ImGui::Render();
    glViewport(0, 0, fbW_, fbH_);
    const auto& bg = ui::theme().palette.background;
    glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    ++frame_;
    if (frame_ <= opt_.frames) traceStartup(frame_ == 1 ? "frame 1 drawn" : "a further frame drawn");
    dump_.append(frame_, ui::screenName(session_.uiState().screen));
    const bool settled = !taps_.pending() && taps_.framesSinceTap() >= 2 && !session_.storeBusy() &&
                         session_.uiState().feedback.kind != ui::Feedback::Kind::pending;
    if (settled && tapsDoneAt_ < 0) tapsDoneAt_ = glfwGetTime();
    if (offscreen_ && frame_ >= opt_.frames && settled && glfwGetTime() - tapsDoneAt_ >= opt_.delaySeconds) {
        if (!writeScreenshot(opt_.screenshot, fbW_, fbH_)) {
            std::fprintf(stderr, "%s: %s\n", opt_.screenshot.c_str(), session_.texts()("app.screenshot_failed").c_str());
            rc_ = 1;
        }
        traceStartup("screenshot written");
        return false;
    }
    glfwSwapBuffers(window_);
    pacer_.drew();
    if (!readySent_) readySent_ = systemdNotify("READY=1");
    return true;
}

void WindowRun::close() {
    systemdNotify("STOPPING=1");
    session_.stopStore();  // its thread posts GLFW events: stop it while GLFW is still there
    if (fontTexture_) glDeleteTextures(1, &fontTexture_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    traceStartup("shut down");
    stopWindowSystem();
}

}  // namespace

int runWindow(KioskSession& session, const WindowOptions& opt) {
    WindowRun run(session, opt);
    if (!run.open()) return 1;
    const int rc = run.loop();
    run.close();
    return rc;
}

}  // namespace kiosk
