// kiosk_ui.cpp: the root. One persistent full-screen window (a new window ignores input on its
// first frame, so screens switch its contents, never windows).
#include <algorithm>

#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {

Intent drawKioskUi(const KioskView& view, UiState& state) {
    beginFrameTargets();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kRoot = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                       ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("##kiosk", nullptr, kRoot);
    // Dimmed: the first touch only wakes the screen. A full-window button submitted first takes
    // the press, so nothing under the finger is activated by it.
    if (view.dimmed) {
        ImGui::SetCursorScreenPos(ImVec2(0, 0));
        ImGui::InvisibleButton("##wake", io.DisplaySize);
    }
    Intent intent = drawScreen(view, state);
    // Staff mode's door: a press held in the top-left corner of the home screen (in room mode, of
    // the room display: that is its home). Nothing shows there; a short tap does nothing; a drag
    // that leaves the corner starts over.
    const bool roomHome = state.screen == Screen::room && view.settings && view.settings->mode == KioskMode::room;
    if ((state.screen == Screen::home || roomHome) && !view.dimmed) {
        const float corner = theme().Em(kStaffCornerEm);
        const ImVec2 m = io.MousePos;
        const bool inCorner = m.x >= 0 && m.y >= 0 && m.x < corner && m.y < corner;
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
    return intent;
}

}  // namespace kiosk::ui
