// screen_home_groups.cpp: the home screen's middle on a day when more than one group meets (issue 30).
// One card per group, in the programme's order: the group's name, "Dag 3 van 7 · theme", what is on
// now and next (time, title, room) and how many of that group are checked in. Counts only, never
// names, as on the rest of the home screen. The cards share the height; a card with room for one
// line of the two puts now and next side by side when it is wide (a landscape panel), else leaves
// "next" off, then "now" (the name, the day and the count always show).
#include <algorithm>

#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

// "Casus · Ovenzaal" in `avail` pixels of the body font. Where it does not fit, the title is cut and
// the room kept whole (a participant at the door needs where to go more than the session's full
// name), unless the room alone takes most of the line.
std::string titleAndRoom(const AgendaItem& item, float avail) {
    const Theme& t = theme();
    if (item.room.empty()) return fitText(t.fonts.body, item.title, avail);
    const std::string room = " \xC2\xB7 " + item.room;
    const std::string whole = item.title + room;
    if (textSize(t.fonts.body, whole).x <= avail) return whole;
    const float rw = textSize(t.fonts.body, room).x;
    if (rw <= avail * 0.6f) return fitText(t.fonts.body, item.title, avail - rw) + room;
    return fitText(t.fonts.body, whole, avail);
}

// One line "Nu  09:30–12:30  Casus · Ovenzaal" (label in the muted colour), cut to the width.
void drawItemLine(const Texts& tx, const char* labelKey, const AgendaItem* item, const std::string& none, ImVec2 pos, float w) {
    const Theme& t = theme();
    const std::string label = tx(labelKey);
    const float lw = std::max(textSize(t.fonts.small, label).x + t.Em(0.6f), t.Em(4.0f));
    drawText(t.fonts.small, ImVec2(pos.x, pos.y + (t.em - t.fonts.small->FontSize) * 0.5f), t.palette.muted, label);
    if (!item) {
        drawText(t.fonts.body, ImVec2(pos.x + lw, pos.y), t.palette.muted, fitText(t.fonts.body, none, w - lw));
        return;
    }
    const std::string time = item->start.hhmm() + "\xE2\x80\x93" + item->end.hhmm() + "  ";
    const float tw = textSize(t.fonts.bodyBold, time).x;
    drawText(t.fonts.bodyBold, ImVec2(pos.x + lw, pos.y), t.palette.primary, time);
    drawText(t.fonts.body, ImVec2(pos.x + lw + tw, pos.y), t.palette.ink, titleAndRoom(*item, w - lw - tw));
}

void drawGroupCard(const KioskView& v, const KioskView::GroupToday& g, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    drawCard(min, max, t.palette.surface, t.palette.line);
    const float pad = t.Em(0.7f);
    const float x = min.x + pad, w = max.x - min.x - 2 * pad;
    const float line = t.em * 1.2f;
    const float barH = t.Em(0.3f);
    const float last = max.y - pad * 0.5f - barH - t.Em(0.2f);  // lines end above the bar
    float y = min.y + pad * 0.6f;
    // The count on the right of the name: "12 van 14 ingecheckt".
    const std::string count = tx.format("home.checked_in_count", {{"n", std::to_string(g.checkedIn)}, {"total", std::to_string(g.expected)}});
    const float cw = textSize(t.fonts.body, count).x;
    drawText(t.fonts.bodyBold, ImVec2(x, y), t.palette.primary, fitText(t.fonts.bodyBold, g.name, w - cw - t.Em(1.0f)));
    drawText(t.fonts.body, ImVec2(x + w - cw, y), t.palette.ink, count);
    y += line;
    const std::string day = tx.format("home.day_n", {{"n", std::to_string(g.day->number)},
                                                     {"total", std::to_string(v.programme->dayCount(g.day->cohortId))}}) +
                            " \xC2\xB7 " + g.day->theme;
    drawText(t.fonts.body, ImVec2(x, y), t.palette.ink, fitText(t.fonts.body, day, w));
    y += line;
    const NowNext nn = nowAndNext(*g.day, v.local.timeOfDay());
    const std::string none = tx(nothingOnKey(nothingOn(*g.day, v.local.timeOfDay(), nn)));
    if (y + 2 * line <= last) {
        drawItemLine(tx, "home.now", nn.now, none, ImVec2(x, y), w);
        drawItemLine(tx, "home.next", nn.next, tx("home.nothing_next"), ImVec2(x, y + line), w);
    } else if (y + line <= last && w >= t.Em(34.0f)) {
        // A landscape panel with two cards has room for one line more, and width: now and next side by side.
        const float half = w * 0.5f;
        drawItemLine(tx, "home.now", nn.now, none, ImVec2(x, y), half - t.Em(0.8f));
        drawItemLine(tx, "home.next", nn.next, tx("home.nothing_next"), ImVec2(x + half, y), half);
    } else if (y + line <= last) {
        drawItemLine(tx, "home.now", nn.now, none, ImVec2(x, y), w);
    }
    // The group's share checked in, a thin bar along the card's foot.
    const float frac = g.expected ? static_cast<float>(g.checkedIn) / static_cast<float>(g.expected) : 0.0f;
    drawProgress(ImVec2(x, max.y - pad * 0.5f - barH), ImVec2(x + w, max.y - pad * 0.5f), frac, t.palette.success, t.palette.secondary);
}

}  // namespace

void drawGroupsToday(const KioskView& v, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const size_t n = v.groupsToday.size();
    if (n == 0) return;
    const float gap = t.Em(0.5f);
    const float h = std::min((max.y - min.y - gap * static_cast<float>(n - 1)) / static_cast<float>(n), t.Em(6.4f));  // no taller than its four lines need
    float y = min.y;
    for (const auto& g : v.groupsToday) {
        drawGroupCard(v, g, ImVec2(min.x, y), ImVec2(max.x, y + h));
        y += h + gap;
    }
}

}  // namespace kiosk::ui
