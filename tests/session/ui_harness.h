// ui_harness.h: a kiosk session drawn headless. ImGui gets a real font atlas (Inter, as on the
// kiosk) but no GL; taps are press and release frames through io.MousePos / io.MouseDown, exactly
// what the GLFW backend feeds ImGui on a touchscreen.
#pragma once

#include <imgui.h>
#include <sqlite3.h>

#include <cfloat>
#include <functional>
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>
#include <stdexcept>
#include <thread>

#include "session/input_bindings.h"
#include "session/kiosk_session.h"
#include "headless_imgui.h"
#include "store_test_support.h"
#include "test_support.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace kiosk::test {

// The codes of these participants, sorted: to compare rosters and lists by who is on them.
inline std::set<std::string> codesOf(const std::vector<Participant>& people) {
    std::set<std::string> codes;
    for (const auto& p : people) codes.insert(p.code);
    return codes;
}

class UiHarness {
public:
    explicit UiHarness(const char* now = "2026-11-26T09:10", float width = 1280, float height = 800,
                       std::string configDir = std::string(KIOSK_SOURCE_DIR) + "/config", bool watchConfig = false,
                       std::filesystem::path dbPath = {},  // default: a fresh database in dir()
                       std::function<std::vector<ExportTarget>()> drives = {},  // USB sticks put in (default: this machine's)
                       const std::function<void(SessionOptions&)>& options = {},  // e.g. a speech log
                       float diagonalInches = 0.0f)  // the panel's size (0: the assumed 96 dpi), as --diagonal
        : clock_(localTime(now)) {
        ctx_ = createHeadlessImGui(width, height, diagonalInches);
        SessionOptions so;
        so.configDir = configDir;
        so.dbPath = dbPath.empty() ? dir_ / "attendance.db" : dbPath;
        so.watchConfig = watchConfig;
        so.removableDrives = std::move(drives);
        so.audioDevice = "null";  // no sound card on CI: speech plays into ALSA's null device
        if (options) options(so);
        session_ = std::make_unique<KioskSession>(so, clock_, [] {});
        if (!session_->ready()) throw std::runtime_error("session not ready");
        frame();  // frame 1 creates the root window; taps work from frame 2 on
    }
    ~UiHarness() {
        session_.reset();
        ImGui::DestroyContext(ctx_);
    }

    void frame() {
        ImGui::NewFrame();
        session_->frame();
        ImGui::Render();
        ++frames_;
    }

    // Taps the element with this automation id, as a finger would: press frame, release frame,
    // then the pointer leaves (no hover left behind).
    void tap(const std::string& id) {
        const ui::TapTarget* t = target(id);
        if (!t) throw std::runtime_error("nothing to tap with id " + id + " on screen " + ui::screenName(state().screen));
        tapAt(ImVec2((t->min.x + t->max.x) * 0.5f, (t->min.y + t->max.y) * 0.5f));
    }
    void tapAt(ImVec2 p) {
        ImGuiIO& io = ImGui::GetIO();
        session_->noteInput();
        io.MousePos = p;
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        frame();
    }

    // A finger resting at `p` for `ms` of the fake clock (a frame every 250 ms), then lifted.
    void holdAt(ImVec2 p, int ms) {
        ImGuiIO& io = ImGui::GetIO();
        session_->noteInput();
        io.MousePos = p;
        io.MouseDown[0] = true;
        frame();
        for (int t = 0; t < ms; t += 250) {
            clock_.advanceMs(250);
            frame();
        }
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        frame();
    }
    // Staff open their desk as they do at the venue: a finger held 3 s on the top left corner, then
    // `pin` on the pad. True when the desk's Vandaag page is up.
    bool openStaffDesk(const std::string& pin) {
        holdAt(ImVec2(8, 8), 3000);
        if (state().screen != ui::Screen::staff_pin) return false;
        for (char c : pin) tap(std::string("keypad.") + c);
        tap("keypad.ok");
        session().finishBackgroundWork();
        frame();
        return state().screen == ui::Screen::staff_today;
    }
    // A finger dragging from `from` to `to` over ten frames, resting, then lifted (no fling).
    void drag(ImVec2 from, ImVec2 to) {
        ImGuiIO& io = ImGui::GetIO();
        session_->noteInput();
        io.MousePos = from;
        io.MouseDown[0] = true;
        frame();
        for (int i = 1; i <= 10; ++i) {
            const float f = static_cast<float>(i) / 10.0f;
            io.MousePos = ImVec2(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f);
            frame();
        }
        for (int i = 0; i < 10; ++i) frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        for (int i = 0; i < 10; ++i) frame();
    }

    // Key events as the window's GLFW callbacks deliver them (window_app.cpp): characters, and an
    // Enter when `enter`; no frame is drawn (several scans may arrive within one frame).
    void keys(const std::string& text, bool enter) {
        for (char c : text) {
            InputBindings::keyChar(static_cast<unsigned char>(c));
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));  // ImGui's backend gets them too
        }
        if (enter) InputBindings::keyEnter();
    }
    // A badge scanner: the code typed as characters, then Enter, pressed and released between two
    // frames (as a scanner does: ImGui's key state never sees it down).
    void scanBadge(const std::string& code) {
        keys(code, true);
        frame();
        frame();
    }

    // How long an untouched screen takes to go home on its own: return_home_seconds (times three in
    // speech mode), then "Meer tijd nodig?"'s 20 s (session/navigation.h). Every test that waits for
    // the return home waits this long, so that the question's time is counted in one place.
    int64_t secondsUntilHome() const {
        const int64_t wait = static_cast<int64_t>(session_->config().settings.returnHomeSeconds) *
                             (session_->uiState().speech ? Navigation::kAccessibleFactor : 1);
        return wait + Navigation::kMoreTimeSeconds;
    }
    // No touch until the screen has gone home by itself (counted from now, a second past it), then a frame.
    void untouchedUntilHome() {
        clock_.advanceSeconds(secondsUntilHome() + 1);
        frame();
    }

    // Lets the store thread finish and the UI take its completions.
    // `maxMs`: how long it may take at most (a full check of a large record under ThreadSanitizer
    // takes far longer than a tap's write).
    void settle(int maxMs = 5000) {
        auto busy = [&] { return session_->storeBusy() || state().feedback.kind == ui::Feedback::Kind::pending; };
        for (int i = 0; i < maxMs / 2 && busy(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            frame();
        }
        frame();
        // The frame that took the answer may have asked the store thread for what follows from it
        // (a matrix or history folded again after a correction): that is awaited too.
        for (int i = 0; i < maxMs / 2 && busy(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            frame();
        }
    }

    // Another process holding the database's write lock, as a slow disk or a second program would
    // (released by the returned handle's destructor, or by release()). It waits for the store
    // thread's start-up work first (the deferred check, retention, the day's backup: store_worker.h,
    // START), and for a lock the thread still holds: taking it at once made the test depend on timing.
    class WriteLock {
    public:
        explicit WriteLock(const std::filesystem::path& db) {
            if (sqlite3_open(db.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + db.string());
            sqlite3_busy_timeout(db_, 10'000);
            if (sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) != SQLITE_OK)
                throw std::runtime_error(std::string("BEGIN EXCLUSIVE: ") + sqlite3_errmsg(db_));
        }
        WriteLock(const WriteLock&) = delete;
        WriteLock& operator=(const WriteLock&) = delete;
        ~WriteLock() { release(); }
        void release() {
            if (!db_) return;
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            sqlite3_close(db_);
            db_ = nullptr;
        }

    private:
        sqlite3* db_ = nullptr;
    };
    std::unique_ptr<WriteLock> holdWriteLock() {
        settle();
        return std::make_unique<WriteLock>(dir_ / "attendance.db");
    }

    const ui::TapTarget* target(const std::string& id) const {
        for (const auto& t : ui::frameTargets())
            if (t.id == id) return &t;
        return nullptr;
    }
    bool has(const std::string& id) const { return target(id) != nullptr; }

    FakeClock& clock() { return clock_; }
    KioskSession& session() { return *session_; }
    ui::UiState& state() { return session_->uiState(); }
    const TempDir& dir() const { return dir_; }
    long frames() const { return frames_; }

private:
    AmsterdamTime tz_;  // first: the clock below is set in the venue's time zone
    TempDir dir_;
    FakeClock clock_;
    ImGuiContext* ctx_ = nullptr;
    std::unique_ptr<KioskSession> session_;
    long frames_ = 0;
};

}  // namespace kiosk::test
