// kiosk_ui.cpp: the root. One persistent full-screen window (a new window ignores input on its
// first frame, so screens switch its contents, never windows).
#include <algorithm>

#include <imgui_internal.h>

#include "band_header.h"
#include "explore.h"
#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

// The accessible mode without sight (issue 32): a finger held still anywhere but the staff corner
// for kAccessHoldMs turns speech on; in speech mode it says the last thing again. The control under
// the finger is not activated by the release that follows.
Intent heldFinger(const KioskView& v, UiState& s, bool inCorner) {
    const bool down = ImGui::IsMouseDown(ImGuiMouseButton_Left);
    if (!down) s.holdDone = false;
    if (!down || inCorner || ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme().Em(0.3f))) {
        s.holdPressMs = 0;
        return {};
    }
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || s.holdPressMs == 0) s.holdPressMs = v.now.ms;
    s.animating = true;  // keep drawing while the finger rests, to notice the moment
    if (s.holdDone || v.now.ms - s.holdPressMs < kAccessHoldMs) return {};
    s.holdDone = true;
    ImGui::ClearActiveID();
    return s.speech ? Intent::repeat() : Intent::speech(true);
}

// "Meer tijd nodig?": over whatever the screen shows (nothing on it changes, a typed name stays),
// a card with the question and a countdown. The whole window is the answer: one tap anywhere, by a
// full-window button submitted before the screen so that nothing under the finger acts.
void drawMoreTime(const KioskView& v, const UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImDrawList* fg = ImGui::GetForegroundDrawList();
    fg->AddRectFilled(ImVec2(0, 0), size, IM_COL32(0, 0, 0, 150));
    const float w = std::min(size.x - t.Em(2.0f), t.Em(24.0f)), h = t.Em(13.0f);
    const ImVec2 min((size.x - w) * 0.5f, (size.y - h) * 0.5f), max(min.x + w, min.y + h);
    fg->AddRectFilled(min, max, t.palette.surface.abgr(), t.Em(0.6f));
    // Its edge: on the dimmed page a near-black card (the high-contrast theme) would have none.
    fg->AddRect(min, max, t.palette.line.abgr(), t.Em(0.6f), 0, std::max(2.0f, t.Em(0.07f)));
    const float cx = size.x * 0.5f;
    auto centred = [&](ImFont* f, float y, Rgb colour, const std::string& text) {
        const std::string line = fitText(f, text, w - t.Em(2.0f));
        fg->AddText(f, f->FontSize, ImVec2(cx - textSize(f, line).x * 0.5f, y), colour.abgr(), line.c_str());
    };
    centred(t.fonts.title, min.y + t.Em(1.2f), t.palette.ink, tx("more_time.title"));
    centred(t.fonts.body, min.y + t.Em(3.4f), t.palette.muted, tx("more_time.line"));
    const ImVec2 bmin(min.x + t.Em(1.5f), max.y - t.Em(5.8f)), bmax(max.x - t.Em(1.5f), max.y - t.Em(1.5f));
    fg->AddRectFilled(bmin, bmax, t.palette.primary.abgr(), t.Em(0.45f));
    centred(t.fonts.title, bmin.y + t.Em(0.7f), t.palette.onPrimary, tx("more_time.button"));
    centred(t.fonts.small, bmin.y + t.Em(2.6f), t.palette.onPrimary,
            tx.format("more_time.seconds", {{"s", std::to_string(s.moreTimeSecondsLeft)}}));
    frameTargets().push_back({"more_time", tx("more_time.button"), bmin, bmax, ImVec2(bmax.x - bmin.x, bmax.y - bmin.y), false});
}

}  // namespace

Intent drawKioskUi(const KioskView& view, UiState& state) {
    beginFrameTargets();
    beginExploreFrame(state.speech, state.screen, view.now.ms, layout().mmPerPx);
    const ImGuiIO& io = ImGui::GetIO();
    // On a reachable stand the participant's screens (but home, which places its own controls) are
    // drawn whole inside the reach band, content above it (band_header.h). Same window, moved.
    const bool inBand = drawnInBand(state.screen);
    const Layout& lay = layout();
    ImGui::SetNextWindowPos(ImVec2(0, inBand ? lay.bandTop : 0.0f));
    ImGui::SetNextWindowSize(inBand ? ImVec2(io.DisplaySize.x, lay.bandBottom - lay.bandTop) : io.DisplaySize);
    // No background of its own: the frame is cleared to the palette's background before ImGui draws
    // (app/window_app.cpp), so a full-window rectangle of the same colour would only be shaded and
    // blended again, pixel by pixel, in every frame (issue 33: the minute's frame under llvmpipe).
    constexpr ImGuiWindowFlags kRoot = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                       ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground;
    ImGui::Begin("##kiosk", nullptr, kRoot);
    // Dimmed: the first touch only wakes the screen. A full-window button submitted first takes
    // the press, so nothing under the finger is activated by it.
    if (view.dimmed) {
        ImGui::SetCursorScreenPos(ImVec2(0, 0));
        ImGui::InvisibleButton("##wake", io.DisplaySize);
    }
    // "Meer tijd nodig?" is up: the screen is drawn but takes no input (a tap on a key must not type),
    // and the whole window is the answer.
    const bool asking = state.moreTimeSecondsLeft > 0 && !view.dimmed;
    if (asking) ImGui::BeginDisabled();
    Intent intent = drawScreen(view, state);
    if (asking) {
        ImGui::EndDisabled();
        ImGui::SetCursorScreenPos(ImVec2(0, 0));
        const bool answered = ImGui::InvisibleButton("##more_time", io.DisplaySize) || exploreActivation("more_time");
        drawMoreTime(view, state);
        intent = answered ? Intent::moreTime() : Intent{};
    }
    // Staff mode's door: a press held in the top-left corner of the home screen (in room mode, of
    // the room display: that is its home). Nothing shows there; a short tap does nothing; a drag
    // that leaves the corner starts over.
    const bool roomHome = state.screen == Screen::room && view.settings && view.settings->mode == KioskMode::room;
    const float corner = theme().Em(kStaffCornerEm);
    const bool inCorner = io.MousePos.x >= 0 && io.MousePos.y >= 0 && io.MousePos.x < corner && io.MousePos.y < corner;
    // Speech mode (explore.h): a swipe moves the focus, a tap on nothing is said or ends a double tap.
    if (!view.dimmed) endExploreFrame();
    if (!view.dimmed && !view.outOfOrder) intent = either(intent, heldFinger(view, state, inCorner));
    if ((state.screen == Screen::home || roomHome) && !view.dimmed) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && inCorner) {
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || state.cornerPressMs == 0) state.cornerPressMs = view.now.ms;
            state.animating = true;  // keep drawing while the finger rests, to notice the moment
            // Feedback while held: after a second (a quick tap shows nothing), a ring in the corner
            // fills up to the moment the PIN pad opens.
            const int64_t held = view.now.ms - state.cornerPressMs;
            if (held >= kStaffCornerFeedbackMs && held < kStaffCornerHoldMs) {
                const Theme& t = theme();
                const float f = static_cast<float>(held - kStaffCornerFeedbackMs) /
                                static_cast<float>(kStaffCornerHoldMs - kStaffCornerFeedbackMs);
                ImDrawList* fg = ImGui::GetForegroundDrawList();
                const ImVec2 c(corner * 0.5f, corner * 0.5f);
                const float r = corner * 0.32f;
                fg->AddCircleFilled(c, r + t.Em(0.25f), t.palette.surface.abgr(230), 40);
                fg->AddCircle(c, r, t.palette.line.abgr(), 40, t.Em(0.22f));
                fg->PathArcTo(c, r, -1.5708f, -1.5708f + 6.2832f * f, std::max(2, static_cast<int>(40.0f * f)));
                fg->PathStroke(t.palette.primary.abgr(), 0, t.Em(0.22f));
            }
            if (held >= kStaffCornerHoldMs && intent.none()) {
                intent = Intent::go(Screen::staff_pin);
                state.cornerPressMs = 0;
            }
        } else {
            state.cornerPressMs = 0;
        }
    } else {
        state.cornerPressMs = 0;
    }
    if (view.dimmed) {
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 165));
        intent = {};
    }
    ImGui::End();
    if (inBand) drawBandHeader(view);
    return intent;
}

}  // namespace kiosk::ui
