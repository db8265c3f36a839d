// speaking_kiosk.h: a headless kiosk with its speech log (--speech-log), for the accessible mode's
// tests: what is said is read back from the log, one JSON line per utterance; fingers as speech
// mode knows them (ui/explore.h): taps, double taps, swipes and slow drags, on the fake clock.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "ui/layout.h"
#include "ui_harness.h"

namespace kiosk::test {

// The "text" of each line of the speech log, in order.
inline std::vector<std::string> spoken(const std::filesystem::path& log) {
    std::vector<std::string> out;
    std::ifstream in(log);
    const std::regex line(R"re(^\{"text":"((?:[^"\\]|\\.)*)","lang":"(nl|en)","start":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}"\}$)re");
    for (std::string l; std::getline(in, l);) {
        std::smatch m;
        REQUIRE(std::regex_match(l, m, line));
        out.push_back(m[1]);
    }
    return out;
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct SpeakingKiosk {
    TempDir logs;
    std::filesystem::path log = logs / "speech.jsonl";
    UiHarness ui;
    explicit SpeakingKiosk(std::string configDir = std::string(KIOSK_SOURCE_DIR) + "/config", float width = 1280, float height = 800)
        : ui("2026-11-26T09:10", width, height, std::move(configDir), false, {}, {},
             [this](SessionOptions& o) { o.speechLog = log.string(); }) {}

    // The way in without sight: a finger held still in the middle of the home screen.
    void speechOn() {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        ui.holdAt(ImVec2(size.x * 0.5f, size.y * 0.5f), kAccessHoldMsForTest);
    }
    static constexpr int kAccessHoldMsForTest = 2250;
    std::string last() {
        const auto all = spoken(log);
        return all.empty() ? std::string() : all.back();
    }
    size_t count() { return spoken(log).size(); }

    // A tap, then a second of listening (a tap after it is no double tap); the kiosk draws meanwhile.
    void touch(const std::string& id) {
        ui.tap(id);
        listen();
    }
    void touchAt(ImVec2 p) {
        ui.tapAt(p);
        listen();
    }
    void listen() {
        ui.clock().advanceMs(1000);
        ui.frame();
    }
    // Two taps 150 ms apart on one spot, then a second of listening.
    void doubleTapAt(ImVec2 p) {
        ui.tapAt(p);
        ui.clock().advanceMs(150);
        ui.tapAt(p);
        listen();
    }
    // A finger from `from` to `to` in `ms` of the fake clock, a frame every 20 ms, then lifted; then
    // a second of listening.
    void fingerPath(ImVec2 from, ImVec2 to, int ms) {
        ImGuiIO& io = ImGui::GetIO();
        ui.session().noteInput();
        io.MousePos = from;
        io.MouseDown[0] = true;
        ui.frame();
        const int steps = std::max(1, ms / 20);
        for (int i = 1; i <= steps; ++i) {
            const float f = static_cast<float>(i) / static_cast<float>(steps);
            ui.clock().advanceMs(ms / steps);
            io.MousePos = ImVec2(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f);
            ui.frame();
        }
        io.MouseDown[0] = false;
        ui.frame();
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        ui.frame();
        listen();
    }
    // A swipe: 40 mm sideways in 200 ms across the middle of the screen (right: the next element).
    void swipe(bool right) {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        const float d = 20.0f / ui::layout().mmPerPx;
        const ImVec2 a(size.x * 0.5f - d, size.y * 0.5f), b(size.x * 0.5f + d, size.y * 0.5f);
        fingerPath(right ? a : b, right ? b : a, 200);
    }
    // A flick up or down: 40 mm in 200 ms down the middle of the screen (down: the next first letter
    // on the name list, ui/explore.h rule 9).
    void flick(bool down) {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        const float d = 20.0f / ui::layout().mmPerPx;
        const ImVec2 a(size.x * 0.5f, size.y * 0.5f - d), b(size.x * 0.5f, size.y * 0.5f + d);
        fingerPath(down ? a : b, down ? b : a, 200);
    }
    // From the home screen, as the trials by ear did: speech on, one swipe to Inchecken (the first
    // control, explore.h rule 3), a double tap on nothing. The list of names is then on screen.
    void openNameList() {
        speechOn();
        swipe(true);
        doubleTapAt(nothingPoint());
    }
    // A point on the screen drawn where no control is (rule 6's "nothing"), scanning from the top.
    static ImVec2 nothingPoint() {
        const ImVec2 size = ImGui::GetIO().DisplaySize;
        for (float y = size.y * 0.15f; y < size.y; y += 20)
            for (float x = size.x * 0.3f; x < size.x * 0.7f; x += 20) {
                bool inside = false;
                for (const ui::TapTarget& t : ui::frameTargets())
                    inside = inside || (x >= t.min.x - 60 && x <= t.max.x + 60 && y >= t.min.y - 60 && y <= t.max.y + 60);
                if (!inside) return ImVec2(x, y);
            }
        throw std::runtime_error("no empty place on the screen");
    }
    // "veeg drie keer naar rechts": the count said in `text` (-1: none).
    static int timesIn(const std::string& text) {
        static const std::vector<std::string> words = {"nul", "\xC3\xA9\xC3\xA9n", "twee", "drie", "vier", "vijf", "zes",
                                                       "zeven", "acht", "negen", "tien"};
        const std::regex re("[Vv]eeg (\\S+) keer naar rechts");
        std::smatch m;
        if (!std::regex_search(text, m, re)) return -1;
        for (size_t i = 0; i < words.size(); ++i)
            if (m[1] == words[i]) return static_cast<int>(i);
        return -1;
    }
};

}  // namespace kiosk::test
