// screen_home_groups.cpp: the home screen's middle on a day when more than one group meets (issue 30).
// One card per group, in the programme's order: the group's name, "Dag 3 van 7 · theme", what is on
// now and next (time, title, room) and how many of that group are checked in. Counts only, never
// names, as on the rest of the home screen. The cards share the height; a card with room for one
// line of the two puts now and next side by side when it is wide (a landscape panel), else leaves
// "next" off, then "now" (the name, the day and the count always show).
// Where every card's tall form fits (a portrait stand: the room between the title and the venue is
// high), the cards take it, as the one-group screen's "now and next" does: the group's name in the
// title font, the session's time, its title (now: the title font) and its room on lines of their
// own, wrapped rather than cut; where two such cards do not fit, the same in the bold body font
// with "Nu" beside the time (medium); the cards as tall as the tallest needs, their block in the
// middle of the room. Otherwise the compact cards above.
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

// The tall card's parts, measured (draw false) or drawn, from y; each returns the height it takes.
// `large`: the name and the session on now in the title font, "Nu" on a line of its own; else
// (the medium form, where two large cards do not fit) the bold body font, "Nu" beside the time.
struct TallCard {
    const KioskView& v;
    const KioskView::GroupToday& g;
    float x, w;
    bool draw, large;

    float lines(ImFont* f, float y, float width, Rgb c, const std::string& text, int most, float dx = 0) const {
        const auto ls = wrapLines(f, text, width, most);
        for (size_t i = 0; i < ls.size() && draw; ++i)
            drawText(f, ImVec2(x + dx, y + f->FontSize * 1.15f * static_cast<float>(i)), c, ls[i]);
        return f->FontSize * 1.15f * static_cast<float>(ls.size());
    }
    // "Nu" / "Straks": the label, then the time, the title (two lines of `titleFont`, else the bold
    // body font) and the room, or what is on instead.
    float section(float y, const char* labelKey, const AgendaItem* item, const std::string& none, ImFont* titleFont) const {
        const Theme& t = theme();
        const float top = y;
        const std::string label = (*v.texts)(labelKey);
        // Medium: "Nu" in the margin of the time's line (as the compact card's lines).
        const float lw = large ? 0.0f : std::max(textSize(t.fonts.small, label).x + t.Em(0.6f), t.Em(4.0f));
        if (large) y += lines(t.fonts.small, y, w, t.palette.muted, label, 1);
        else if (draw) drawText(t.fonts.small, ImVec2(x, y + (t.em - t.fonts.small->FontSize) * 0.5f), t.palette.muted, label);
        if (!item) return y - top + lines(t.fonts.body, y, w - lw, t.palette.muted, none, 3, lw);
        y += lines(t.fonts.bodyBold, y, w - lw, t.palette.primary, item->start.hhmm() + "\xE2\x80\x93" + item->end.hhmm(), 1, lw);
        if (!large) titleFont = t.fonts.bodyBold;
        ImFont* f = wrapLines(titleFont, item->title, w, 3).size() > 2 ? t.fonts.bodyBold : titleFont;
        y += lines(f, y, w - lw, t.palette.ink, item->title, 3, lw);
        std::string where = item->room;
        if (!item->facilitator.empty()) where += (where.empty() ? "" : " \xC2\xB7 ") + item->facilitator;
        if (!where.empty()) y += lines(t.fonts.body, y, w - lw, t.palette.muted, where, 2, lw);
        return y - top;
    }
    // The whole card's content from `top` (the card's padding included); its height.
    float content(float top) const {
        const Theme& t = theme();
        const Texts& tx = *v.texts;
        float y = top + t.Em(0.8f);
        const std::string count = tx.format("home.checked_in_count", {{"n", std::to_string(g.checkedIn)}, {"total", std::to_string(g.expected)}});
        const float cw = textSize(t.fonts.body, count).x;
        ImFont* nameFont = large ? t.fonts.title : t.fonts.bodyBold;
        if (draw) drawText(t.fonts.body, ImVec2(x + w - cw, y + (nameFont->FontSize - t.fonts.body->FontSize) * 0.5f), t.palette.ink, count);
        y += lines(nameFont, y, w - cw - t.Em(1.0f), t.palette.primary, g.name, 2);
        const std::string day = tx.format("home.day_n", {{"n", std::to_string(g.day->number)},
                                                         {"total", std::to_string(v.programme->dayCount(g.day->cohortId))}}) +
                                " \xC2\xB7 " + g.day->theme;
        y += lines(t.fonts.body, y, w, t.palette.ink, day, 2) + t.Em(large ? 0.6f : 0.4f);
        const NowNext nn = nowAndNext(*g.day, v.local.timeOfDay());
        const std::string none = tx(nothingOnKey(nothingOn(*g.day, v.local.timeOfDay(), nn)));
        y += section(y, "home.now", nn.now, none, t.fonts.title) + t.Em(large ? 0.6f : 0.4f);
        y += section(y, "home.next", nn.next, tx("home.nothing_next"), t.fonts.bodyBold);
        return y - top + t.Em(0.5f) + t.Em(0.3f) + t.Em(0.5f);  // a gap, the bar, the padding
    }
};

void drawTallCard(const KioskView& v, const KioskView::GroupToday& g, ImVec2 min, ImVec2 max, bool large) {
    const Theme& t = theme();
    drawCard(min, max, t.palette.surface, t.palette.line);
    const float pad = t.Em(0.9f);
    TallCard{v, g, min.x + pad, max.x - min.x - 2 * pad, true, large}.content(min.y);
    const float frac = g.expected ? static_cast<float>(g.checkedIn) / static_cast<float>(g.expected) : 0.0f;
    drawProgress(ImVec2(min.x + pad, max.y - t.Em(0.8f)), ImVec2(max.x - pad, max.y - t.Em(0.5f)), frac, t.palette.success, t.palette.secondary);
}

}  // namespace

void drawGroupsToday(const KioskView& v, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const size_t n = v.groupsToday.size();
    if (n == 0) return;
    const float gap = t.Em(0.5f);
    // The tall cards (large, else medium) where all of them fit, as tall as the tallest needs, in
    // the middle of the room.
    const float pad = t.Em(0.9f);
    for (const bool large : {true, false}) {
        float tallH = 0;
        for (const auto& g : v.groupsToday)
            tallH = std::max(tallH, TallCard{v, g, min.x + pad, max.x - min.x - 2 * pad, false, large}.content(0));
        const float tallBlock = tallH * static_cast<float>(n) + gap * 1.5f * static_cast<float>(n - 1);
        if (tallBlock > max.y - min.y) continue;
        float y = min.y + (max.y - min.y - tallBlock) * 0.5f;
        for (const auto& g : v.groupsToday) {
            drawTallCard(v, g, ImVec2(min.x, y), ImVec2(max.x, y + tallH), large);
            y += tallH + gap * 1.5f;
        }
        return;
    }
    const float h = std::min((max.y - min.y - gap * static_cast<float>(n - 1)) / static_cast<float>(n), t.Em(6.4f));  // no taller than its four lines need
    float y = min.y;
    for (const auto& g : v.groupsToday) {
        drawGroupCard(v, g, ImVec2(min.x, y), ImVec2(max.x, y + h));
        y += h + gap;
    }
}

}  // namespace kiosk::ui
