// screen_agenda.cpp: the day's agenda for the big screen. Items with times, the current one
// highlighted by the clock (with words: "Nu", "Straks"), the seven-day overview (done, today,
// coming) and the assignment; the way to the exercises, to running late and to the room display.
//
// TEXT THAT FITS: titles and rooms wrap at spaces, never mid-word. Each row gets as many lines as
// the screen allows for all rows alike (3, 2, then 1); a row that still cannot show everything
// ends in "…" with "Meer" and opens, on a tap, a card with all of it. The assignment the same.
// ARRANGEMENT: landscape: the list on the left, overview, assignment and buttons on the right;
// portrait: list, assignment, the seven days in one row, buttons, stacked.
#include <algorithm>
#include <cstdlib>

#include <imgui_internal.h>

#include "layout.h"
#include "screens.h"
#include "step_text.h"
#include "explore.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

struct Row {
    const AgendaItem* item;
    std::vector<std::string> lines;  // the whole text, wrapped
};

std::string rowText(const AgendaItem& item) {
    std::string line = item.title;
    if (!item.room.empty()) line += "  \xC2\xB7  " + item.room;
    return line;
}

// An invisible tap area reported like any button (for --ui-dump and the tests).
bool tapArea(const char* id, const std::string& label, ImVec2 min, ImVec2 max) {
    ImGui::SetCursorScreenPos(min);
    // Speech mode (explore.h): chosen at the first tap, never by a swipe over it; Enter or a double tap on the focus.
    const bool tapped = exploreGate(ImGui::InvisibleButton(id, ImVec2(max.x - min.x, max.y - min.y))) || exploreActivation(id);
    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    const ImVec2 a(std::max(min.x, clip.Min.x), std::max(min.y, clip.Min.y));
    const ImVec2 b(std::min(max.x, clip.Max.x), std::min(max.y, clip.Max.y));
    // Not "clipped": the row shows what fits and this tap shows the rest (the "an agenda row opens").
    if (b.x - a.x >= 1.0f && b.y - a.y >= 1.0f) frameTargets().push_back({id, label, a, b, ImVec2(max.x - min.x, max.y - min.y), false});
    return tapped;
}

// Lines `lines` cut to `n`, the last one ending in "…" when something was left out.
std::vector<std::string> cutTo(ImFont* f, const std::vector<std::string>& lines, size_t n, float width) {
    if (lines.size() <= n) return lines;
    std::vector<std::string> out(lines.begin(), lines.begin() + static_cast<long>(n));
    out.back() = fitText(f, out.back() + " " + lines[n], width);  // wider than the line: ends in "…"
    return out;
}

// The agenda list in [min, max]. Returns a tapped row's index (to open it), else -1.
int drawList(const KioskView& v, const ProgrammeDay& day, ImVec2 min, ImVec2 max, UiState& s, float& bottom) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const NowNext nn = v.today == &day ? nowAndNext(day, v.local.timeOfDay()) : NowNext{};
    const float timeW = textSize(t.fonts.bodyBold, "00:00\xE2\x80\x93" "00:00").x + t.Em(1.0f);
    const float tagW = std::max({textSize(t.fonts.small, tx("home.now")).x, textSize(t.fonts.small, tx("home.next")).x,
                                 textSize(t.fonts.small, tx("agenda.more")).x}) + t.Em(1.0f);
    const float textW = max.x - min.x - timeW - tagW;
    const float lineH = t.em * 1.18f, pad = t.Em(0.7f);
    std::vector<Row> rows;
    for (const auto& item : day.agenda) rows.push_back({&item, wrapAtSize(t.fonts.bodyBold, t.em, rowText(item), textW)});
    // The most lines per row that lets every row show (3, 2, 1).
    size_t allowed = 1;
    for (size_t l = 3; l >= 1; --l) {
        float h = 0;
        for (const auto& r : rows) h += static_cast<float>(std::min(r.lines.size(), l)) * lineH + pad;
        if (h <= max.y - min.y || l == 1) {
            allowed = l;
            break;
        }
    }
    float total = 0;
    for (const auto& r : rows)
        total += std::max(static_cast<float>(std::min(r.lines.size(), allowed)) * lineH + pad,
                          r.lines.size() > allowed ? layout().minTargetPx : 0.0f);
    // Too many rows even at one line each: the list scrolls under the finger.
    max.y = std::min(max.y, min.y + total);  // no taller than its rows: what follows sits right under it
    bottom = max.y;
    const TouchList list = beginTouchList("agenda-list", min, ImVec2(max.x - min.x, max.y - min.y), lineH + pad, 0, s);
    int opened = -1;
    float y = list.base.y;
    const float x = list.base.x;
    for (size_t i = 0; i < rows.size(); ++i) {
        const AgendaItem& item = *rows[i].item;
        const bool current = &item == nn.now, next = &item == nn.next;
        const bool past = v.today == &day && item.end <= v.local.timeOfDay();
        const auto lines = cutTo(t.fonts.bodyBold, rows[i].lines, allowed, textW);
        const bool cut = rows[i].lines.size() > lines.size();
        const float h = std::max(static_cast<float>(lines.size()) * lineH + pad, cut ? layout().minTargetPx : 0.0f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (current) dl->AddRectFilled(ImVec2(x, y), ImVec2(max.x, y + h - t.Em(0.15f)), t.palette.primary.abgr(), t.Em(0.4f));
        else if (i > 0) dl->AddLine(ImVec2(x, y), ImVec2(max.x, y), t.palette.line.abgr(), 1.0f);
        const Rgb ink = current ? t.palette.onPrimary : (past ? t.palette.muted : t.palette.ink);
        ImFont* f = current ? t.fonts.bodyBold : t.fonts.body;
        const float ty = y + pad * 0.5f;
        drawText(t.fonts.bodyBold, ImVec2(x + t.Em(0.5f), ty), ink, item.start.hhmm() + "\xE2\x80\x93" + item.end.hhmm());
        for (size_t k = 0; k < lines.size(); ++k) drawText(f, ImVec2(x + timeW, ty + static_cast<float>(k) * lineH), ink, lines[k]);
        // "Nu" on the item in progress, "Straks" on the one after, "Meer" on one that opens.
        // The state first; "Meer" on the last line (on a one-line row the "…" and the tap say it).
        const Rgb tagInk = current ? t.palette.onPrimary : t.palette.primary;
        const std::string tag = current ? tx("home.now") : next ? tx("home.next") : std::string{};
        if (!tag.empty()) drawText(t.fonts.small, ImVec2(max.x - tagW + t.Em(0.6f), ty + t.Em(0.1f)), tagInk, tag);
        if (cut && (tag.empty() || lines.size() > 1))
            drawText(t.fonts.small, ImVec2(max.x - tagW + t.Em(0.6f), ty + static_cast<float>(lines.size() - 1) * lineH + t.Em(0.1f)), tagInk,
                     tx("agenda.more"));
        if (cut) {
            const std::string id = "agenda.row." + std::to_string(i);
            if (tapArea(id.c_str(), item.title, ImVec2(x, y), ImVec2(max.x, y + h))) opened = static_cast<int>(i);
        }
        y += h;
    }
    if (endTouchList(list, total, s)) opened = -1;  // a drag opens nothing
    return opened;
}

// The assignment's least height: its label and one line, and never less than a tap target.
float assignmentMinHeight() {
    const Theme& t = theme();
    return std::max(t.fonts.small->FontSize + t.Em(0.3f) + t.em * 1.15f, layout().minTargetPx);
}

// A card over the list with everything of one item (or the assignment) and a close button.
void drawOpened(const std::string& heading, const std::string& body, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    drawCard(min, max, t.palette.surface, t.palette.primary);
    const float pad = t.Em(1.0f), w = max.x - min.x - 2 * pad;
    float y = min.y + pad;
    for (const auto& l : wrapAtSize(t.fonts.title, t.fonts.title->FontSize, heading, w)) {
        drawText(t.fonts.title, ImVec2(min.x + pad, y), t.palette.ink, l);
        y += t.fonts.title->FontSize * 1.12f;
    }
    y += t.Em(0.4f);
    const float bh = t.Em(3.0f);
    // The body at its size, or smaller down to the small font; never cut.
    const FittedText f = fitToBox(t.fonts.body, body, w, max.y - pad - bh - t.Em(0.6f) - y, t.fonts.body->FontSize,
                                  t.fonts.small->FontSize, 0);
    for (size_t i = 0; i < f.lines.size(); ++i)
        ImGui::GetWindowDrawList()->AddText(t.fonts.body, f.px, ImVec2(min.x + pad, y + static_cast<float>(i) * f.lineHeight()),
                                            t.palette.ink.abgr(), f.lines[i].c_str());
}

// The agenda screen's shared geometry: the body below the header, the side column (landscape) or
// band (portrait) with the overview, the assignment and the buttons, and the list's extent.
struct AgendaFrame {
    AgendaFrame(const KioskView& view, const ProgrammeDay& shown, UiState& state) : v(view), day(shown), s(state) {}
    const KioskView& v;
    const ProgrammeDay& day;
    UiState& s;
    bool portrait = false;
    float top = 0, bottom = 0, left = 0, right = 0;
    float listBottom = 0, listTop = 0;
    float rx = 0, rw = 0, ry = 0, sideBottom = 0;  // the side column (landscape) or band (portrait)
    float bh = 0, gap = 0;                          // button height, gap between buttons
    Intent intent;
};

struct AgendaAction {
    const char* id;
    std::string label;
    Icon icon;
    Screen to;
    ButtonStyle style;
};

// Exercises; running late and the room display behind the facilitator code.
std::vector<AgendaAction> agendaActions(const AgendaFrame& f) {
    const Texts& tx = *f.v.texts;
    const bool canShift = f.v.shiftAvailable && f.v.today == &f.day;
    const bool canRoom = f.v.shiftAvailable || f.v.settings->mode == KioskMode::room;
    std::vector<AgendaAction> actions{{"go.exercises", tx("agenda.exercises"), Icon::play, Screen::exercises, ButtonStyle::primary}};
    if (canShift) actions.push_back({"go.shift", tx("agenda.shift"), Icon::clock, Screen::shift, ButtonStyle::secondary});
    if (canRoom) actions.push_back({"go.room", tx("agenda.room_display"), Icon::calendar, Screen::room, ButtonStyle::secondary});
    return actions;
}

void drawAgendaAction(AgendaFrame& f, const AgendaAction& a, ImVec2 pos, float w) {
    ImGui::SetCursorScreenPos(pos);
    if (touchButton({a.id, a.label, ImVec2(w, f.bh), a.style, {}, a.icon, nullptr, f.s.agendaOpen == -1, 2})) f.intent = Intent::go(a.to);
}

// Portrait: the buttons in one row at the bottom; the seven days above; the assignment above those.
void drawPortraitBand(AgendaFrame& f, const std::vector<AgendaAction>& actions) {
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    const float bw = (f.right - f.left - f.gap * static_cast<float>(actions.size() - 1)) / static_cast<float>(actions.size());
    for (size_t i = 0; i < actions.size(); ++i) drawAgendaAction(f, actions[i], ImVec2(f.left + static_cast<float>(i) * (bw + f.gap), f.bottom - f.bh), bw);
    const float daysTop = f.bottom - f.bh - t.Em(0.8f) - t.Em(3.4f);
    const auto days = f.v.programme->cohortDays(f.day.cohortId);  // the group's own days
    const float cw = (f.right - f.left) / static_cast<float>(std::max<size_t>(days.size(), 1));
    for (size_t i = 0; i < days.size(); ++i) {
        const auto& d = *days[i];
        const bool isShown = &d == &f.day, done = d.date < f.v.local.date;
        const float cx = f.left + cw * (static_cast<float>(i) + 0.5f);
        if (isShown)
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(cx - cw * 0.46f, daysTop), ImVec2(cx + cw * 0.46f, daysTop + t.Em(3.2f)),
                                                      t.palette.primary.abgr(), t.Em(0.4f));
        const Rgb ink = isShown ? t.palette.onPrimary : (done ? t.palette.muted : t.palette.ink);
        drawTextCentred(t.fonts.bodyBold, cx, daysTop + t.Em(0.3f), cw, ink, std::to_string(d.number));
        drawTextCentred(t.fonts.small, cx, daysTop + t.Em(1.7f), cw, ink, shortDate(d.date, tx.lang()));
    }
    f.sideBottom = daysTop - t.Em(0.6f);
    // The list as tall as its rows (up to what leaves the assignment a label and three lines).
    f.listBottom = f.sideBottom - (f.day.assignment.empty() ? 0.0f : t.Em(5.0f));
}

// Landscape: how many lines each day's theme gets in the side column. Each theme one line, then,
// while there is room, a line more (up to 3) to the other days first (the day shown has its theme
// whole in the header).
std::vector<size_t> themeLinesAllowed(const AgendaFrame& f, const std::vector<std::vector<std::string>>& themes) {
    const Theme& t = theme();
    const float reserve = f.day.assignment.empty() ? 0.0f : assignmentMinHeight() + t.Em(0.6f);
    std::vector<size_t> allowed(themes.size(), 1);
    const auto days = f.v.programme->cohortDays(f.day.cohortId);
    float spare = f.sideBottom - reserve - t.Em(0.6f) - f.ry - t.em * 1.45f * static_cast<float>(themes.size());
    for (int pass = 0; pass < 2; ++pass)  // pass 0: the other days; pass 1: the day shown
        for (size_t more = 2; more <= 3; ++more)
            for (size_t di = 0; di < themes.size(); ++di)
                if ((days[di] == &f.day) == (pass == 1) && themes[di].size() >= more && allowed[di] == more - 1 &&
                    spare >= t.em * 1.1f) {
                    allowed[di] = more;
                    spare -= t.em * 1.1f;
                }
    return allowed;
}

// Landscape: the column to the right of the list: the overview of the seven days, then the
// assignment (drawAssignment), the buttons at the bottom (the first full width, the others side by side under it).
void drawLandscapeColumn(AgendaFrame& f, const std::vector<AgendaAction>& actions) {
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    // The column as wide as the buttons' words need (larger text), from 38 % up to half.
    float wordsW = 0;
    for (size_t i = 1; i < actions.size(); ++i) wordsW = std::max(wordsW, textSize(t.fonts.bodyBold, actions[i].label).x + t.Em(1.8f));
    const float columnW = wordsW * static_cast<float>(actions.size() - 1) + f.gap * static_cast<float>(actions.size() - 2) + t.Em(0.5f);
    const float split = f.left + (f.right - f.left) * std::max(0.5f, std::min(0.62f, 1.0f - columnW / (f.right - f.left)));
    f.listBottom = f.bottom;
    f.rx = split + t.Em(0.5f);
    f.rw = f.right - f.rx;
    const size_t rest = actions.size() - 1;
    const float rowsH = f.bh * (rest ? 2.0f : 1.0f) + (rest ? f.gap : 0.0f);
    drawAgendaAction(f, actions[0], ImVec2(f.rx, f.bottom - rowsH), f.rw);
    for (size_t i = 1; i < actions.size(); ++i) {
        const float w = (f.rw - f.gap * static_cast<float>(rest - 1)) / static_cast<float>(rest);
        drawAgendaAction(f, actions[i], ImVec2(f.rx + static_cast<float>(i - 1) * (w + f.gap), f.bottom - f.bh), w);
    }
    f.sideBottom = f.bottom - rowsH - t.Em(0.6f);
    const auto days = f.v.programme->cohortDays(f.day.cohortId);  // the group's own days
    // The overview only where it leaves the assignment its least height (larger text: the
    // assignment is today's, the days are on the home screen's strip).
    const float overviewH = t.fonts.small->FontSize + t.Em(0.4f) + t.em * 1.45f * static_cast<float>(days.size());
    const float reserve = f.day.assignment.empty() ? 0.0f : assignmentMinHeight() + t.Em(0.6f);
    if (f.sideBottom - f.ry < overviewH + reserve) return;
    drawText(t.fonts.small, ImVec2(f.rx, f.ry), t.palette.muted, tx("agenda.overview"));
    f.ry += t.fonts.small->FontSize + t.Em(0.4f);
    const float themeX = f.rx + t.Em(4.6f);
    std::vector<std::vector<std::string>> themes;
    for (const ProgrammeDay* d : days) themes.push_back(wrapAtSize(d == &f.day ? t.fonts.bodyBold : t.fonts.body, t.em, d->theme, f.right - themeX));
    const std::vector<size_t> allowed = themeLinesAllowed(f, themes);
    for (size_t di = 0; di < days.size(); ++di) {
        const auto& d = *days[di];
        const bool isShown = &d == &f.day, done = d.date < f.v.local.date;
        const Rgb ink = isShown ? t.palette.primary : (done ? t.palette.muted : t.palette.ink);
        ImFont* font = isShown ? t.fonts.bodyBold : t.fonts.body;
        drawText(font, ImVec2(f.rx, f.ry), ink, std::to_string(d.number) + "  " + shortDate(d.date, tx.lang()));
        const auto themeLines = cutTo(font, themes[di], allowed[di], f.right - themeX);
        for (size_t i = 0; i < themeLines.size(); ++i)
            drawText(font, ImVec2(themeX, f.ry + static_cast<float>(i) * t.em * 1.1f), ink, themeLines[i]);
        if (done) drawIcon(Icon::check, ImVec2(f.rx - t.Em(0.6f), f.ry + t.em * 0.5f), t.Em(0.7f), t.palette.muted);
        f.ry += t.em * (0.35f + 1.1f * static_cast<float>(std::max<size_t>(themeLines.size(), 1)));
    }
    f.ry += t.Em(0.6f);
}

// Running late, said where everyone looks: above the list (landscape: above the seven days).
void drawRunningLate(AgendaFrame& f) {
    if (f.v.today != &f.day || !f.v.shift.active()) return;
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    const int m = f.v.shift.minutes;
    const std::string late = tx.format(m > 0 ? "agenda.shifted" : "agenda.ahead",
                                       {{"minutes", std::to_string(std::abs(m))}, {"from", f.v.shift.from.hhmm()}});
    const float lx = f.portrait ? f.left : f.rx, lw = f.portrait ? f.right - f.left : f.rw;
    const float ly = f.portrait ? f.top : f.top - t.Em(1.4f);
    const auto lines = wrapAtSize(t.fonts.bodyBold, t.em, late, lw - t.Em(1.3f));
    drawIcon(Icon::clock, ImVec2(lx + t.Em(0.5f), ly + t.em * 0.5f), t.Em(0.9f), t.palette.warning);
    for (size_t i = 0; i < lines.size(); ++i)
        drawText(t.fonts.bodyBold, ImVec2(lx + t.Em(1.3f), ly + static_cast<float>(i) * t.em * 1.15f), t.palette.warning, lines[i]);
    if (f.portrait) f.listTop += t.em * 1.15f * static_cast<float>(lines.size()) + t.Em(0.4f);
}

// The assignment: as many lines as fit; the rest behind "Meer". Landscape: in the column;
// portrait: right under the list.
void drawAssignment(AgendaFrame& f) {
    if (f.day.assignment.empty()) return;
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    const float y0 = f.ry;  // the label is part of the tap: together at least a target high
    drawText(t.fonts.small, ImVec2(f.rx, f.ry), t.palette.muted, tx("agenda.assignment"));
    f.ry += t.fonts.small->FontSize + t.Em(0.3f);
    const float lineH = t.em * 1.15f;
    const auto all = wrapAtSize(t.fonts.body, t.em, f.day.assignment, f.rw);
    const size_t fit = static_cast<size_t>(std::max(1.0f, (f.sideBottom - f.ry) / lineH));
    const auto shown = cutTo(t.fonts.body, all, fit, f.rw - (all.size() > fit ? textSize(t.fonts.small, tx("agenda.more")).x + t.Em(0.8f) : 0.0f));
    for (const auto& l : shown) {
        drawText(t.fonts.body, ImVec2(f.rx, f.ry), t.palette.ink, l);
        f.ry += lineH;
    }
    if (all.size() > fit) {
        drawText(t.fonts.small, ImVec2(f.rx + f.rw - textSize(t.fonts.small, tx("agenda.more")).x, f.ry - lineH + t.Em(0.1f)), t.palette.primary,
                 tx("agenda.more"));
        const float tapBottom = std::min(std::max(f.ry, y0 + assignmentMinHeight()), std::max(f.ry, f.sideBottom));
        if (f.s.agendaOpen == -1 && tapArea("agenda.assignment", tx("agenda.assignment"), ImVec2(f.rx, y0), ImVec2(f.rx + f.rw, tapBottom)))
            f.s.agendaOpen = -2;
    }
}

// The list, or, when a row or the assignment is open, a card with all of it in its place.
void drawListOrOpened(AgendaFrame& f) {
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    // Landscape: up to the side column, wherever its width put it (drawLandscapeColumn sets f.rx first).
    const ImVec2 listMin(f.left, f.listTop), listMax(f.portrait ? f.right : f.rx - t.Em(1.0f), f.listBottom);
    if (f.s.agendaOpen == -1) {
        float listEnd = listMax.y;
        const int opened = drawList(f.v, f.day, listMin, listMax, f.s, listEnd);
        if (f.portrait) {
            f.ry = listEnd + t.Em(0.8f);
            drawAssignment(f);
        }
        if (opened >= 0) f.s.agendaOpen = opened;
        return;
    }
    std::string heading = tx("agenda.assignment"), body = f.day.assignment;
    if (f.s.agendaOpen >= 0 && static_cast<size_t>(f.s.agendaOpen) < f.day.agenda.size()) {
        const AgendaItem& item = f.day.agenda[static_cast<size_t>(f.s.agendaOpen)];
        heading = item.start.hhmm() + "\xE2\x80\x93" + item.end.hhmm() + "  " + item.title;
        body = item.room;
        if (!item.facilitator.empty()) body += (body.empty() ? "" : "  \xC2\xB7  ") + item.facilitator;
        if (!item.description.empty()) body += (body.empty() ? "" : "\n") + item.description;
    }
    const ImVec2 cardMax(listMax.x, f.portrait ? f.sideBottom : listMax.y);
    drawOpened(heading, body, listMin, cardMax);
    const float cbw = std::min(cardMax.x - listMin.x - t.Em(2.0f), textSize(t.fonts.bodyBold, tx("agenda.close")).x + t.Em(3.4f));
    ImGui::SetCursorScreenPos(ImVec2(cardMax.x - t.Em(1.0f) - cbw, cardMax.y - t.Em(1.0f) - f.bh));
    if (touchButton({"agenda.close", tx("agenda.close"), ImVec2(cbw, f.bh), ButtonStyle::primary, {}, Icon::cross})) f.s.agendaOpen = -1;
}

}  // namespace

Intent drawAgendaScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const ProgrammeDay* day = v.shownDay;
    std::string title = tx("agenda.title");
    std::string subtitle;
    if (day) {
        title = tx.format("home.day_n", {{"n", std::to_string(day->number)}, {"total", std::to_string(v.programme->dayCount(day->cohortId))}}) +
                " \xC2\xB7 " + day->theme;
        subtitle = longDate(day->date, tx.lang());
        if (!v.today) subtitle += " \xC2\xB7 " + tx(day->date > v.local.date ? "home.next_day" : "home.last_day");
        // Several groups (issue 30): whose agenda this is, first.
        if (const Cohort* c = v.programme->cohorts.size() > 1 ? v.programme->cohort(day->cohortId) : nullptr)
            subtitle = c->name + " \xC2\xB7 " + subtitle;
    }
    const bool back = drawScreenHeader(v, title, subtitle);
    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    if (!day) {
        drawText(t.fonts.title, ImVec2(origin.x + margin, origin.y + t.Em(5.0f)), t.palette.muted, tx("agenda.no_programme"));
        return back ? Intent::go(Screen::home) : Intent{};
    }
    AgendaFrame f(v, *day, s);
    if (back) f.intent = Intent::go(Screen::home);
    f.portrait = layout().portrait;
    f.top = origin.y + t.Em(5.0f);
    f.bottom = origin.y + size.y - t.Em(0.9f);
    f.left = origin.x + margin;
    f.right = origin.x + size.x - margin;
    f.listBottom = f.bottom;
    f.listTop = f.top;
    f.rx = f.left;
    f.rw = f.right - f.left;
    f.ry = f.top;
    f.sideBottom = f.bottom;
    f.bh = t.Em(3.0f);
    f.gap = t.Em(0.5f);
    const std::vector<AgendaAction> actions = agendaActions(f);
    if (f.portrait)
        drawPortraitBand(f, actions);
    else
        drawLandscapeColumn(f, actions);
    drawRunningLate(f);
    if (!f.portrait) drawAssignment(f);
    drawListOrOpened(f);
    return f.intent;
}

}  // namespace kiosk::ui
