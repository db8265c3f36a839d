// screen_agenda.cpp: the day's agenda for the big screen. Items with times, the current one
// highlighted by the clock, the seven-day overview (done, today, coming) and the assignment.
#include <algorithm>

#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {

Intent drawAgendaScreen(const KioskView& v, UiState&) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    const ProgrammeDay* day = v.shownDay;
    std::string title = tx("agenda.title");
    std::string subtitle;
    if (day) {
        title = tx.format("home.day_n", {{"n", std::to_string(day->number)}, {"total", std::to_string(v.programme->dayCount())}}) +
                " \xC2\xB7 " + day->theme;
        subtitle = longDate(day->date, tx.lang());
        if (!v.today) subtitle += " \xC2\xB7 " + tx(day->date > v.local.date ? "home.next_day" : "home.last_day");
    }
    if (drawScreenHeader(v, title, subtitle)) intent = Intent::go(Screen::home);

    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const float top = origin.y + t.Em(5.0f);
    const float bottom = origin.y + size.y - margin;
    const float left = origin.x + margin, right = origin.x + size.x - margin;
    const float split = left + (right - left) * 0.62f;
    if (!day) {
        drawText(t.fonts.title, ImVec2(left, top), t.palette.muted, tx("agenda.no_programme"));
        return intent;
    }

    // Agenda list.
    const NowNext nn = v.today == day ? nowAndNext(*day, v.local.timeOfDay()) : NowNext{};
    const float rows = static_cast<float>(std::max<size_t>(day->agenda.size(), 1));
    const float rowH = std::min(t.Em(2.6f), (bottom - top) / rows);
    float y = top;
    for (const auto& item : day->agenda) {
        const bool current = &item == nn.now;
        const bool past = v.today == day && item.end <= v.local.timeOfDay();
        if (current)
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(left - t.Em(0.5f), y), ImVec2(split - t.Em(1.0f), y + rowH - t.Em(0.2f)),
                                                      t.palette.primary.abgr(), t.Em(0.4f));
        const Rgb ink = current ? t.palette.onPrimary : (past ? t.palette.muted : t.palette.ink);
        ImFont* f = current ? t.fonts.bodyBold : t.fonts.body;
        const float ty = y + (rowH - t.Em(0.2f) - t.em) * 0.5f;
        drawText(t.fonts.bodyBold, ImVec2(left, ty), ink, item.start.hhmm() + "\xE2\x80\x93" + item.end.hhmm());
        const float textX = left + t.Em(6.0f);
        std::string line = item.title;
        if (!item.room.empty()) line += "  \xC2\xB7  " + item.room;
        // "Nu" on the item in progress, "Straks" on the one after: words, not only the highlight.
        const bool next = &item == nn.next;
        const std::string tag = current ? tx("home.now") : (next ? tx("home.next") : std::string{});
        const float tagW = tag.empty() ? 0.0f : textSize(t.fonts.small, tag).x + t.Em(0.8f);
        drawText(f, ImVec2(textX, ty), ink, fitText(f, line, split - t.Em(1.6f) - textX - tagW));
        if (!tag.empty())
            drawText(t.fonts.small, ImVec2(split - t.Em(1.6f) - tagW + t.Em(0.8f), ty + t.Em(0.1f)),
                     current ? t.palette.onPrimary : t.palette.primary, tag);
        y += rowH;
    }

    // Seven-day overview and the assignment.
    float ry = top;
    const float rx = split + t.Em(0.5f);
    const float rw = right - rx;
    drawText(t.fonts.small, ImVec2(rx, ry), t.palette.muted, tx("agenda.overview"));
    ry += t.fonts.small->FontSize + t.Em(0.4f);
    for (const auto& d : v.programme->days) {
        const bool isShown = &d == day;
        const bool done = d.date < v.local.date;
        const Rgb ink = isShown ? t.palette.primary : (done ? t.palette.muted : t.palette.ink);
        ImFont* f = isShown ? t.fonts.bodyBold : t.fonts.body;
        const std::string label = std::to_string(d.number) + "  " + shortDate(d.date, tx.lang());
        drawText(f, ImVec2(rx, ry), ink, label);
        const auto themeLines = wrapLines(f, d.theme, rw - t.Em(4.6f), 2);
        for (size_t i = 0; i < themeLines.size(); ++i)
            drawText(f, ImVec2(rx + t.Em(4.6f), ry + static_cast<float>(i) * t.em * 1.1f), ink, themeLines[i]);
        if (done) drawIcon(Icon::check, ImVec2(rx - t.Em(0.6f), ry + t.em * 0.5f), t.Em(0.7f), t.palette.muted);
        ry += t.em * (0.35f + 1.1f * static_cast<float>(themeLines.size()));
    }
    {
        const bool canShift = v.shiftAvailable && v.today == day;
        const float gapB = t.Em(0.5f);
        const float w = canShift ? (right - rx - gapB) * 0.5f : right - rx;
        const ImVec2 bs(w, t.Em(3.0f));
        ImGui::SetCursorScreenPos(ImVec2(rx, bottom - bs.y));
        if (touchButton({"go.exercises", tx("agenda.exercises"), bs, ButtonStyle::primary, {}, Icon::play}))
            intent = Intent::go(Screen::exercises);
        if (canShift) {
            ImGui::SetCursorScreenPos(ImVec2(rx + w + gapB, bottom - bs.y));
            if (touchButton({"go.shift", tx("agenda.shift"), bs, ButtonStyle::secondary, {}, Icon::clock}))
                intent = Intent::go(Screen::shift);
        }
    }
    if (v.today == day && v.shift.active()) {
        // Running late, said where everyone looks: above the seven days.
        const int m = v.shift.minutes;
        const std::string s = tx.format(m > 0 ? "agenda.shifted" : "agenda.ahead",
                                        {{"minutes", std::to_string(std::abs(m))}, {"from", v.shift.from.hhmm()}});
        drawIcon(Icon::clock, ImVec2(rx + t.Em(0.5f), top - t.Em(1.15f) + t.em * 0.5f), t.Em(0.9f), t.palette.warning);
        drawText(t.fonts.bodyBold, ImVec2(rx + t.Em(1.3f), top - t.Em(1.15f)), t.palette.warning, fitText(t.fonts.bodyBold, s, right - rx - t.Em(1.3f)));
    }
    if (!day->assignment.empty()) {
        ry += t.Em(0.8f);
        drawText(t.fonts.small, ImVec2(rx, ry), t.palette.muted, tx("agenda.assignment"));
        ry += t.fonts.small->FontSize + t.Em(0.3f);
        // As many lines as fit above the buttons; a longer assignment ends in "…".
        const float lineH = t.fonts.body->FontSize * 1.15f;
        const int maxLines = std::max(1, static_cast<int>((bottom - t.Em(3.6f) - ry) / lineH));
        for (const auto& l : wrapLines(t.fonts.body, day->assignment, right - rx, maxLines)) {
            drawText(t.fonts.body, ImVec2(rx, ry), t.palette.ink, l);
            ry += lineH;
        }
    }
    return intent;
}

}  // namespace kiosk::ui
