// screen_staff_history.cpp: every correction and guest review, newest first: when, which day, who
// it was about, what it set, why, and by whom. Read-only: the log is never edited in place.
#include <algorithm>

#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {

Intent drawStaffHistoryScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent = drawStaffHeader(v, s);
    if (!v.staff) return intent;
    const auto& rows = v.staff->history;
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const ImVec2 min(origin.x + margin, origin.y + t.Em(4.7f));
    const ImVec2 max(origin.x + size.x - margin, origin.y + size.y - margin * 0.6f);
    const Palette& p = t.palette;
    const float w = max.x - min.x;
    const float cWhen = 0, cDay = w * 0.12f, cWho = w * 0.22f, cWhat = w * 0.42f, cWhy = w * 0.64f, cBy = w * 0.86f;
    const char* heads[] = {"staff.col_when", "staff.col_day", "staff.col_who", "staff.col_what", "staff.col_reason", "staff.col_by"};
    const float cols[] = {cWhen, cDay, cWho, cWhat, cWhy, cBy};
    for (int i = 0; i < 6; ++i) drawText(t.fonts.small, ImVec2(min.x + cols[i], min.y), p.muted, tx(heads[i]));
    const float listTop = min.y + t.fonts.small->FontSize + t.Em(0.3f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, listTop - t.Em(0.1f)), ImVec2(max.x, listTop - t.Em(0.1f)), p.line.abgr(), 1.5f);
    ImGui::SetCursorScreenPos(ImVec2(min.x, listTop));
    const ImVec2 listSize(w, max.y - listTop);
    ImGui::BeginChild("history", listSize, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (s.scrollToTop) {  // a list opened afresh starts at its top
        ImGui::SetScrollY(0.0f);
        s.scrollToTop = false;
        s.scrollVelocity = 0.0f;
    }
    const ImVec2 base = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rowH = t.Em(2.0f);
    const float scroll = ImGui::GetScrollY();
    const int first = std::max(0, static_cast<int>(scroll / rowH) - 1);
    const int last = std::min(static_cast<int>(rows.size()), first + static_cast<int>(listSize.y / rowH) + 3);
    for (int i = first; i < last; ++i) {
        const StaffHistoryRow& r = rows[static_cast<size_t>(i)];
        const float y = base.y + static_cast<float>(i) * rowH;
        const float ty = y + (rowH - t.em) * 0.5f;
        if (i % 2 == 1) dl->AddRectFilled(ImVec2(base.x, y), ImVec2(base.x + w, y + rowH), p.surface.abgr());
        char when[32];
        std::snprintf(when, sizeof when, "%02d-%02d %02d:%02d", r.recordedAt.date.day, r.recordedAt.date.month, r.recordedAt.hour,
                      r.recordedAt.minute);
        auto cell = [&](float c, float next, ImFont* f, Rgb colour, const std::string& text) {
            drawText(f, ImVec2(base.x + c, ty), colour, fitText(f, text, next - c - t.Em(0.5f)));
        };
        cell(cWhen, cDay, t.fonts.body, p.muted, when);
        cell(cDay, cWho, t.fonts.body, p.ink, shortDate(r.day, tx.lang()));
        cell(cWho, cWhat, t.fonts.bodyBold, p.ink, r.who);
        cell(cWhat, cWhy, t.fonts.body, p.ink, r.what);
        cell(cWhy, cBy, t.fonts.body, p.ink, r.reason);
        cell(cBy, w, t.fonts.body, p.ink, r.actor);
    }
    ImGui::SetCursorScreenPos(ImVec2(base.x, base.y + static_cast<float>(rows.size()) * rowH));
    ImGui::Dummy(ImVec2(1, 1));
    s.animating = touchScroll(s.scrollVelocity) || s.animating;
    if (rows.empty()) drawText(t.fonts.body, base, p.muted, tx("staff.history_empty"));
    ImGui::EndChild();
    return intent;
}

}  // namespace kiosk::ui
