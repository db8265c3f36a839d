// run_kiosk.cpp: start the kiosk itself: resolve paths and clock, build the session, open the window.
#include <clocale>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <thread>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include "app/run_kiosk.h"
#include "cli/command_line.h"
#include "session/kiosk_session.h"
#include "content/paths.h"
#include "session/startup_trace.h"
#include "app/window_app.h"
#include "app/window_system.h"

namespace kiosk {

namespace {

// The display (glfwInit: the X connection, the input method's Compose table) comes up on this
// thread while the session reads its config and opens its store on another: neither needs the
// other (issue 33). The session's threads wake the frame loop through wakeWindowSystem(), which
// posts only while GLFW is up; what they report before that, the first frame reads anyway. An
// exception of the session's constructor is thrown here, as before.
void openSessionBesideDisplay(const SessionOptions& so, const Clock& clock, std::optional<KioskSession>& opened) {
    // glfwInit switches LC_CTYPE from "C" to the user's locale (GLFW's X11 text input needs it), and
    // setlocale is not safe while another thread reads the locale: the same switch happens here,
    // before any thread, so that glfwInit finds it made, and the session starts under the locale
    // it runs under afterwards (a config reload did already). Where the user's locale is "C"
    // itself, glfwInit sets "C" once more: the same values written over themselves.
    if (std::strcmp(std::setlocale(LC_CTYPE, nullptr), "C") == 0) std::setlocale(LC_CTYPE, "");
    std::exception_ptr failed;
    std::thread opening([&] {
        try {
            opened.emplace(so, clock, [] { wakeWindowSystem(); });
        } catch (...) {
            failed = std::current_exception();
        }
        traceStartup("session: config, database, roster, log");
    });
    startWindowSystem();  // runWindow tries again, and says so when there is no display
    opening.join();
    if (failed) std::rethrow_exception(failed);
}

}  // namespace

int runKiosk(const CommandLine& cl) {
    traceStartup("main");
    SessionOptions so;
    so.configDir = resolveConfigDir(cl.configDir);
    so.dbPath = resolveDbPath(cl.dbPath);
    if (cl.lang) {
        Lang l;
        if (!parseLang(*cl.lang, l)) {
            std::fprintf(stderr, "leergang-kiosk: --lang nl|en, niet / not '%s'\n", cl.lang->c_str());
            return 2;
        }
        so.lang = l;
    }
    if (cl.screen) {
        const auto s = ui::parseScreen(*cl.screen);
        if (!s) {
            std::string names;
            for (const auto& n : ui::screenNames()) names += (names.empty() ? "" : ", ") + n;
            std::fprintf(stderr, "leergang-kiosk: --screen: %s; niet / not '%s'\n", names.c_str(), cl.screen->c_str());
            return 2;
        }
        so.startScreen = *s;
    }
    so.speechLog = cl.speechLog.value_or("");
    if (cl.audioDevice) so.audioDevice = *cl.audioDevice;
    WindowOptions wo;
    if (cl.size) {
        int w = 0, h = 0;
        if (std::sscanf(cl.size->c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192) {
            std::fprintf(stderr, "leergang-kiosk: --size WxH, bijvoorbeeld / for example 1920x1080\n");
            return 2;
        }
        wo.width = w;
        wo.height = h;
    }
    wo.fullscreen = cl.fullscreen;
    wo.screenshot = cl.screenshot.value_or("");
    wo.frames = cl.frames;
    wo.uiDump = cl.uiDump.value_or("");
    wo.taps = cl.taps;
    auto outside = [&](float x, float y) { return x >= static_cast<float>(wo.width) || y >= static_cast<float>(wo.height); };
    for (const auto& t : cl.taps)  // --touch, --hold, --swipe: inside the window (--fullscreen: its size is known only later)
        if (t.label.empty() && !cl.fullscreen && (outside(t.x, t.y) || (t.swipe && outside(t.x2, t.y2)))) {
            const bool endOutside = t.swipe && !outside(t.x, t.y);
            std::fprintf(stderr, "leergang-kiosk: %s %d,%d: buiten het venster van %dx%d / outside the %dx%d window\n",
                         t.swipe ? "--swipe" : (t.holdSeconds > 0 ? "--hold" : "--touch"), static_cast<int>(endOutside ? t.x2 : t.x),
                         static_cast<int>(endOutside ? t.y2 : t.y), wo.width, wo.height, wo.width, wo.height);
            return 2;
        }
    wo.delaySeconds = cl.delaySeconds;
    wo.diagonalInches = static_cast<float>(cl.diagonalInches);

    const std::unique_ptr<Clock> clock = clockFromCommandLine(cl);
    if (!clock) return 2;

    std::optional<KioskSession> opened;
    openSessionBesideDisplay(so, *clock, opened);
    KioskSession& session = *opened;
    for (const auto& p : session.startupProblems()) std::fprintf(stderr, "%s\n", p.c_str());
    if (!session.ready()) {
        // Never a blank screen at the venue: the window says check-in is out of order, and whom
        // to turn to, for a while; then the process ends with its code, and systemd (Restart=always)
        // starts it again, so a disk that was full or a config that was fixed meanwhile is tried anew.
        std::fprintf(stderr, "%s\n", session.texts()("app.cannot_start").c_str());
        wo.exitAfterSeconds = static_cast<double>(KioskSession::kOutOfOrderMs) / 1000.0;
        runWindow(session, wo);
        return session.configError() ? 2 : 1;
    }
    return runWindow(session, wo);
}

}  // namespace kiosk
