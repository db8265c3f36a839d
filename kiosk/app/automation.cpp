#include "automation.h"

#include <GL/gl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "core/json.h"
#include "app/png_writer.h"
#include "ui/layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace kiosk {

bool ScriptedTaps::find(bool storeBusy) {
    if (storeBusy) return false;
    const ScriptedTouch& step = steps_[next_];
    if (step.label.empty()) {  // --touch, --hold: a place, not an element
        at_ = ImVec2(step.x, step.y);
        return true;
    }
    for (const auto& t : ui::frameTargets())
        if (t.label == step.label || t.id == step.label) {  // the first with that label, or that id
            at_ = ImVec2((t.min.x + t.max.x) * 0.5f, (t.min.y + t.max.y) * 0.5f);
            return true;
        }
    return false;
}

bool ScriptedTaps::beforeFrame(ImGuiIO& io, bool storeBusy) {
    if (!pending()) {
        ++framesSinceTap_;
        return true;
    }
    // The targets seen are the last frame's: two frames after a release, so that what the tap
    // changed (a screen, the fonts rebuilt for larger text between frames) is what is looked at.
    if (phase_ == 0 && next_ > 0 && ++sinceRelease_ <= 2) return true;
    if (steps_[next_].wait) {  // --wait: no finger on the screen for S seconds
        if (phase_ == 0) {
            phase_ = 1;
            pressedAt_ = std::chrono::steady_clock::now();
        }
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - pressedAt_).count() >= steps_[next_].holdSeconds) {
            ++next_;
            phase_ = 0;
            waitFrames_ = 0;
            sinceRelease_ = 0;
        }
        return true;
    }
    if (phase_ == 0) {
        if (find(storeBusy)) {
            phase_ = 1;
            heldLongEnough_ = false;
            pressedAt_ = std::chrono::steady_clock::now();
        } else if (++waitFrames_ > 600) {
            if (steps_[next_].label.empty()) std::fprintf(stderr, "--touch/--hold: de opslag bleef bezig / the store stayed busy\n");
            else std::fprintf(stderr, "--tap: \"%s\" ?\n", steps_[next_].label.c_str());
            return false;
        }
    } else if (phase_ == 1 && steps_[next_].swipe && !heldLongEnough_) {
        // --swipe: the finger moves from the start to the end in kSwipeSeconds, a frame every 20 ms,
        // and lifts at the end in the frame after it got there.
        const ScriptedTouch& st = steps_[next_];
        const double f = std::min(1.0, std::chrono::duration<double>(std::chrono::steady_clock::now() - pressedAt_).count() /
                                           ScriptedTouch::kSwipeSeconds);
        at_ = ImVec2(st.x + (st.x2 - st.x) * static_cast<float>(f), st.y + (st.y2 - st.y) * static_cast<float>(f));
        heldLongEnough_ = f >= 1.0;
    } else if (phase_ == 1 && steps_[next_].holdSeconds > 0 && !heldLongEnough_) {
        // --hold: the finger stays where it is, and is still down in the first frame drawn after S
        // seconds (so that the kiosk sees a finger held S seconds, not one lifted just before).
        heldLongEnough_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - pressedAt_).count() >= steps_[next_].holdSeconds;
    } else {
        ++phase_;
    }
    if (phase_ > 0) {
        io.MousePos = at_;
        io.MouseDown[0] = phase_ == 1;
    }
    if (phase_ == 2) {
        ++next_;
        phase_ = 0;
        waitFrames_ = 0;
        framesSinceTap_ = 0;
        sinceRelease_ = 0;
    }
    return true;
}

UiDump::UiDump(const std::string& path) {
    if (!path.empty()) out_.open(path, std::ios::app);
    ui::recordFrameTexts(out_.is_open());  // the texts of each frame, for the dump
}

void UiDump::append(long frame, const char* screen) {
    if (!out_.is_open()) return;
    // "ms": CLOCK_MONOTONIC when the frame was drawn, so a test can time tap-to-visible.
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    const ui::Layout& l = ui::layout();
    const ui::Theme& th = ui::theme();
    char panel[400];
    std::snprintf(panel, sizeof panel,
                  "\"panel\": {\"mm_per_px\": %.4f, \"source\": \"%s\", \"min_target_px\": %d, \"portrait\": %s, \"em\": %d, "
                  "\"larger_text\": %s, \"viewing_mm\": %.0f, \"fonts_ms\": %.1f, \"band\": %s, \"band_top\": %d, "
                  "\"band_bottom\": %d, \"floor_to_top_mm\": %.0f}",
                  static_cast<double>(l.mmPerPx), ui::panelSourceName(l.source), static_cast<int>(l.minTargetPx), l.portrait ? "true" : "false",
                  static_cast<int>(l.em), l.larger ? "true" : "false", static_cast<double>(l.viewingMm), th.fontBuildMs,
                  l.band ? "true" : "false", static_cast<int>(l.bandTop), static_cast<int>(l.bandBottom), static_cast<double>(l.floorToTopMm));
    out_ << "{\"frame\": " << frame << ", \"ms\": " << ms << ", \"screen\": \"" << screen << "\", " << panel << ", \"items\": [";
    bool first = true;
    for (const auto& t : ui::frameTargets()) {
        out_ << (first ? "" : ", ") << "{\"id\": " << jsonString(t.id) << ", \"label\": " << jsonString(t.label)
             << ", \"x\": " << static_cast<int>(t.min.x) << ", \"y\": " << static_cast<int>(t.min.y)
             << ", \"w\": " << static_cast<int>(t.max.x - t.min.x) << ", \"h\": " << static_cast<int>(t.max.y - t.min.y);
        // The size in mm is the whole button's: a row half scrolled out of its list is as big as ever.
        const ImVec2 full = t.fullSize.x > 0 ? t.fullSize : ImVec2(t.max.x - t.min.x, t.max.y - t.min.y);
        char mm[128];
        std::snprintf(mm, sizeof mm, ", \"w_mm\": %.1f, \"h_mm\": %.1f, \"cap_mm\": %.2f", static_cast<double>(l.mm(full.x)),
                      static_cast<double>(l.mm(full.y)), static_cast<double>(l.mm(t.capPx)));
        out_ << mm << ", \"clipped\": " << (t.clipped ? "true" : "false") << "}";
        first = false;
    }
    // Every text drawn (not a tap target's label): where, its capital height in mm, whether cut.
    out_ << "], \"texts\": [";
    first = true;
    for (const auto& t : ui::frameTexts()) {
        char geo[160];
        std::snprintf(geo, sizeof geo, ", \"x\": %d, \"y\": %d, \"w\": %d, \"h\": %d, \"cap_mm\": %.2f", static_cast<int>(t.min.x),
                      static_cast<int>(t.min.y), static_cast<int>(t.max.x - t.min.x), static_cast<int>(t.max.y - t.min.y),
                      static_cast<double>(l.mm(t.capPx)));
        out_ << (first ? "" : ", ") << "{\"text\": " << jsonString(t.text) << geo << ", \"clipped\": " << (t.clipped ? "true" : "false")
             << ", \"shortened\": " << (t.shortened ? "true" : "false") << "}";
        first = false;
    }
    out_ << "]}\n";
    out_.flush();
}

bool writeScreenshot(const std::string& path, int w, int h) {
    // Read as OpenGL gives it, four bytes a pixel and the bottom row first: writePng takes both as
    // they are, so no second copy of the picture is made to turn or narrow it.
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    const std::string err = writePng(path, PixelRows{pixels.data(), w, h, 4, true});
    if (!err.empty()) std::fprintf(stderr, "%s\n", err.c_str());
    return err.empty();
}

}  // namespace kiosk
