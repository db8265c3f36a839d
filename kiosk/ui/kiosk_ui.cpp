// kiosk_ui.cpp: the root. One persistent full-screen window (a new window ignores input on its
// first frame, so screens switch its contents, never windows).
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
    Intent intent;
    switch (state.screen) {
        case Screen::home: intent = drawHomeScreen(view, state); break;
        case Screen::checkin: intent = drawCheckinScreen(view, state); break;
        case Screen::agenda: intent = drawAgendaScreen(view, state); break;
        case Screen::walkin: intent = drawWalkinScreen(view, state); break;
        case Screen::exercises: intent = drawExercisesScreen(view, state); break;
        case Screen::exercise: intent = drawExerciseScreen(view, state); break;
        case Screen::shift: intent = drawShiftScreen(view, state); break;
    }
    if (view.dimmed) {
        ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 165));
        intent = {};
    }
    ImGui::End();
    return intent;
}

}  // namespace kiosk::ui
