#include "touch_list.h"

#include <algorithm>

#include "theme.h"
#include "widgets.h"

namespace kiosk::ui {

TouchList beginTouchList(const char* id, ImVec2 pos, ImVec2 size, float rowH, int rows, UiState& s, bool restart, int showRow) {
    ImGui::SetCursorScreenPos(pos);
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (s.scrollToTop || restart) {  // a list opened afresh starts at its top
        ImGui::SetScrollY(0.0f);
        s.scrollToTop = false;
        s.scrollVelocity = 0.0f;
    }
    if (showRow >= 0) {
        ImGui::SetScrollY(static_cast<float>(showRow) * rowH);
        s.scrollVelocity = 0.0f;
    }
    TouchList list;
    list.base = ImGui::GetCursorScreenPos();
    const float scroll = ImGui::GetScrollY();
    list.first = std::max(0, static_cast<int>(scroll / rowH) - 1);
    list.last = std::min(rows, list.first + static_cast<int>(size.y / rowH) + 3);
    return list;
}

bool endTouchList(const TouchList& list, float contentHeight, UiState& s) {
    ImGui::SetCursorScreenPos(ImVec2(list.base.x, list.base.y + contentHeight));
    ImGui::Dummy(ImVec2(1, 1));
    const bool dragging = ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme().Em(0.3f));
    s.animating = touchScroll(s.scrollVelocity) || s.animating;
    ImGui::EndChild();
    return dragging;
}

}  // namespace kiosk::ui
