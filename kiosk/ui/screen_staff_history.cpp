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
    const PageArea area = staffPageArea();
    const ImVec2 min = area.min, max = area.max;
    const Palette& p = t.palette;
    const float w = max.x - min.x;
    const float cWhen = 0, cDay = w * 0.12f, cWho = w * 0.22f, cWhat = w * 0.42f, cWhy = w * 0.64f, cBy = w * 0.86f;
    const char* heads[] = {"staff.col_when", "staff.col_day", "staff.col_who", "staff.col_what", "staff.col_reason", "staff.col_by"};
    const float cols[] = {cWhen, cDay, cWho, cWhat, cWhy, cBy};
    for (int i = 0; i < 6; ++i) drawText(t.fonts.small, ImVec2(min.x + cols[i], min.y), p.muted, tx(heads[i]));
    const float listTop = min.y + t.fonts.small->FontSize + t.Em(0.3f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, listTop - t.Em(0.1f)), ImVec2(max.x, listTop - t.Em(0.1f)), p.line.abgr(), 1.5f);
    const float rowH = t.Em(2.4f);  // a cell too long for its column wraps on a second line
    const int count = static_cast<int>(rows.size());
    const TouchList list = beginTouchList("history", ImVec2(min.x, listTop), ImVec2(w, max.y - listTop), rowH, count, s);
    const ImVec2 base = list.base;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = list.first; i < list.last; ++i) {
        const StaffHistoryRow& r = rows[static_cast<size_t>(i)];
        const float y = base.y + static_cast<float>(i) * rowH;
        if (i % 2 == 1) dl->AddRectFilled(ImVec2(base.x, y), ImVec2(base.x + w, y + rowH), p.surface.abgr());
        char when[32];
        std::snprintf(when, sizeof when, "%02d-%02d %02d:%02d", r.recordedAt.date.day, r.recordedAt.date.month, r.recordedAt.hour,
                      r.recordedAt.minute);
        auto cell = [&](float c, float next, ImFont* f, Rgb colour, const std::string& text) {
            drawCell(f, t.fonts.small, ImVec2(base.x + c, y), next - c - t.Em(0.5f), rowH, colour, text);
        };
        cell(cWhen, cDay, t.fonts.body, p.muted, when);
        cell(cDay, cWho, t.fonts.body, p.ink, shortDate(r.day, tx.lang()));
        cell(cWho, cWhat, t.fonts.bodyBold, p.ink, r.who);
        cell(cWhat, cWhy, t.fonts.body, p.ink, r.what);
        cell(cWhy, cBy, t.fonts.body, p.ink, r.reason);
        cell(cBy, w, t.fonts.body, p.ink, r.actor);
    }
    if (rows.empty()) drawText(t.fonts.body, base, p.muted, tx("staff.history_empty"));
    endTouchList(list, rowH, count, s);
    return intent;
}

}  // namespace kiosk::ui
