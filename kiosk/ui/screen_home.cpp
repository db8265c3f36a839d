// screen_home.cpp: what the screen shows when nobody touches it.
// Programme, day and theme, date and clock, now and next, how many are checked in (counts only,
// never names), one large call to action, the language switch. On a day when more than one group
// meets (issue 30), the middle shows a card per group instead (screen_home_groups.cpp) and the
// count under them is the total.
#include <algorithm>
#include <cmath>

#include "home_footer.h"
#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

// Text wrapped between words over `width` (never inside a word, unlike ImGui's own wrapping);
// returns the height used.
float drawTextBlock(ImFont* font, ImVec2 pos, float width, Rgb colour, const std::string& text) {
    const auto lines = wrapLines(font, text, width, 4);
    float h = 0;
    for (const auto& l : lines) {
        drawText(font, ImVec2(pos.x, pos.y + h), colour, l);
        h += font->FontSize * 1.15f;
    }
    return h;
}

// "23 van 28 ingecheckt" over all groups meeting today, with its bar (1.9 em high).
// `oneLine` (landscape, 1.2 em): the bar to the right of the words, leaving the group cards room
// for their now and next; else the bar under them (2.4 em).
void drawTotalCount(const KioskView& v, ImVec2 pos, float width, bool oneLine = false) {
    const Theme& t = theme();
    const std::string count = v.texts->format("home.checked_in_total", {{"n", std::to_string(v.checkedIn)},
                                                                        {"total", std::to_string(v.expected.size())}});
    const std::string shown = fitText(t.fonts.bodyBold, count, oneLine ? width * 0.5f : width);
    drawText(t.fonts.bodyBold, pos, t.palette.ink, shown);
    const float frac = v.expected.empty() ? 0.0f : static_cast<float>(v.checkedIn) / static_cast<float>(v.expected.size());
    if (oneLine) {
        const float x = pos.x + textSize(t.fonts.bodyBold, shown).x + t.Em(1.0f);
        drawProgress(ImVec2(x, pos.y + t.Em(0.35f)), ImVec2(pos.x + width, pos.y + t.Em(0.85f)), frac, t.palette.success, t.palette.secondary);
        return;
    }
    drawProgress(ImVec2(pos.x, pos.y + t.Em(1.4f)), ImVec2(pos.x + width, pos.y + t.Em(1.9f)), frac, t.palette.success, t.palette.secondary);
}

std::string itemLine(const AgendaItem& item) {
    std::string s = item.start.hhmm() + "\xE2\x80\x93" + item.end.hhmm();  // en dash
    return s;
}

// Now / next card on the right.
void drawNowNext(const KioskView& v, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    drawCard(min, max, t.palette.surface, t.palette.line);
    const float pad = t.Em(1.0f);
    const float w = max.x - min.x - 2 * pad;
    float y = min.y + pad;
    const float x = min.x + pad;

    auto section = [&](const std::string& label, const AgendaItem* item, const std::string& emptyText, bool emphasise) {
        drawText(t.fonts.small, ImVec2(x, y), t.palette.muted, label);
        y += t.fonts.small->FontSize + t.Em(0.2f);
        if (!item) {
            drawTextWrapped(t.fonts.body, ImVec2(x, y), w, t.palette.muted, emptyText);
            y += textSize(t.fonts.body, emptyText, w).y + t.Em(0.8f);
            return;
        }
        drawText(t.fonts.bodyBold, ImVec2(x, y), t.palette.primary, itemLine(*item));
        y += t.fonts.bodyBold->FontSize + t.Em(0.1f);
        // A long title wraps between words (two lines for now, one size down when it needs more).
        ImFont* f = emphasise ? t.fonts.title : t.fonts.bodyBold;
        if (emphasise && wrapLines(f, item->title, w, 3).size() > 2) f = t.fonts.bodyBold;
        y += drawTextBlock(f, ImVec2(x, y), w, t.palette.ink, item->title) + t.Em(0.05f);
        std::string where = item->room;
        if (!item->facilitator.empty()) where += (where.empty() ? "" : " \xC2\xB7 ") + item->facilitator;
        if (!where.empty()) {
            drawText(t.fonts.body, ImVec2(x, y), t.palette.muted, fitText(t.fonts.body, where, w));
            y += t.fonts.body->FontSize;
        }
        y += t.Em(0.9f);
    };

    if (v.today) {
        const NowNext nn = nowAndNext(*v.today, v.local.timeOfDay());
        const std::string emptyNow = tx(nothingOnKey(nothingOn(*v.today, v.local.timeOfDay(), nn)));
        section(tx("home.now"), nn.now, emptyNow, true);
        if (y < max.y - t.Em(3.0f)) section(tx("home.next"), nn.next, tx("home.nothing_next"), false);
    } else if (v.shownDay) {
        const bool upcoming = v.shownDay->date > v.local.date;
        drawText(t.fonts.small, ImVec2(x, y), t.palette.muted, tx(upcoming ? "home.next_day" : "home.last_day"));
        y += t.fonts.small->FontSize + t.Em(0.2f);
        drawText(t.fonts.title, ImVec2(x, y), t.palette.ink,
                 fitText(t.fonts.title, tx.format("home.day_n", {{"n", std::to_string(v.shownDay->number)},
                                                                 {"total", std::to_string(v.programme->dayCount(v.shownDay->cohortId))}}), w));
        y += t.fonts.title->FontSize + t.Em(0.2f);
        drawText(t.fonts.body, ImVec2(x, y), t.palette.ink, fitText(t.fonts.body, longDate(v.shownDay->date, tx.lang()), w));
        y += t.fonts.body->FontSize + t.Em(0.2f);
        drawTextWrapped(t.fonts.body, ImVec2(x, y), w, t.palette.muted, v.shownDay->theme);
        y += textSize(t.fonts.body, v.shownDay->theme, w).y + t.Em(0.8f);
        if (!v.shownDay->agenda.empty() && upcoming) {
            const std::string starts = tx.format("home.day_starts", {{"time", v.shownDay->startsAt().hhmm()}});
            drawIcon(Icon::clock, ImVec2(x + t.Em(0.45f), y + t.em * 0.5f), t.Em(0.9f), t.palette.primary);
            drawText(t.fonts.bodyBold, ImVec2(x + t.Em(1.3f), y), t.palette.primary, fitText(t.fonts.bodyBold, starts, w - t.Em(1.3f)));
        }
    }
}

// The seven days as a timeline: dots on a line, not boxes (boxes would look like buttons, and the
// days are not tappable). Done days are ticked, today is the large filled dot, coming days are
// numbers on the line: numbers and ticks, not colour alone. Height: 1.6 em. The days of the group
// shown (today's, else the one of the day shown next).
void drawDayStrip(const KioskView& v, ImVec2 pos, float width) {
    const Theme& t = theme();
    const ProgrammeDay* shown = v.today ? v.today : v.shownDay;
    const std::vector<const ProgrammeDay*> days = shown ? v.programme->cohortDays(shown->cohortId) : std::vector<const ProgrammeDay*>{};
    const int n = static_cast<int>(days.size());
    if (n == 0) return;
    const float step = width / static_cast<float>(n);
    const float cy = pos.y + t.Em(0.8f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddLine(ImVec2(pos.x + step * 0.5f, cy), ImVec2(pos.x + width - step * 0.5f, cy), t.palette.line.abgr(), t.Em(0.12f));
    for (int i = 0; i < n; ++i) {
        const ProgrammeDay& d = *days[static_cast<size_t>(i)];
        const ImVec2 c(pos.x + step * (static_cast<float>(i) + 0.5f), cy);
        const bool today = v.today == &d;
        const bool done = d.date < v.local.date;
        const float r = today ? t.Em(0.8f) : t.Em(0.55f);
        dl->AddCircleFilled(c, r, (today ? t.palette.primary : t.palette.background).abgr(), 24);
        const std::string label = std::to_string(d.number);
        if (done) {
            drawIcon(Icon::check, c, r * 2.0f, t.palette.muted);
        } else {
            ImFont* f = today ? t.fonts.bodyBold : t.fonts.small;
            const ImVec2 ts = textSize(f, label);
            drawText(f, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), today ? t.palette.onPrimary : t.palette.ink, label);
        }
    }
}


// The three ways on: check in (the large one), check out and the agenda.
Intent drawActions(const KioskView& v, ImVec2 checkinAt, ImVec2 checkinSize, ImVec2 checkoutAt, ImVec2 agendaAt, ImVec2 size) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    ImGui::SetCursorScreenPos(checkinAt);
    ButtonSpec checkin{"go.checkin", tx("home.checkin_button"), checkinSize, ButtonStyle::primary, tx("home.checkin_hint"), Icon::person,
                       t.fonts.title};
    checkin.spoken = tx("speech.checkin_button");  // speech mode: a tap says, a double tap chooses (explore.h)
    if (touchButton(checkin)) intent = Intent::go(Screen::checkin);
    ImGui::SetCursorScreenPos(checkoutAt);
    if (touchButton({"go.checkout", tx("home.checkout_button"), size, ButtonStyle::secondary, tx("home.checkout_hint"), Icon::door}))
        intent = Intent::go(Screen::checkin, CheckMode::check_out);
    ImGui::SetCursorScreenPos(agendaAt);
    if (touchButton({"go.agenda", tx("home.agenda_button"), size, ButtonStyle::secondary, tx("home.agenda_hint"), Icon::calendar}))
        intent = Intent::go(Screen::agenda);
    return intent;
}

// Portrait (a stand by the door): everything stacked. Header with the clock, the day and its theme
// over the whole width, the count, now and next, then the actions (check in over the full width,
// check out and the agenda side by side) and the footer. The landscape screen's pieces, re-stacked.
Intent drawHomePortrait(const KioskView& v, const UiState& s, ImVec2 origin, ImVec2 size) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const float margin = t.Em(1.5f);
    const float left = origin.x + margin, right = origin.x + size.x - margin, width = right - left;
    float y = origin.y + t.Em(1.1f);
    const std::string clock = v.local.timeOfDay().hhmm();
    const ImVec2 clockSize = textSize(t.fonts.display, clock);
    drawText(t.fonts.display, ImVec2(left, y - t.Em(0.35f)), t.palette.ink, clock);
    drawText(t.fonts.title, ImVec2(left + clockSize.x + t.Em(1.0f), y + clockSize.y * 0.5f - t.fonts.title->FontSize * 0.5f - t.Em(0.35f)),
             t.palette.muted, fitText(t.fonts.title, longDate(v.local.date, tx.lang()), width - clockSize.x - t.Em(1.0f)));
    y += clockSize.y + t.Em(0.2f);
    y += drawTextBlock(t.fonts.title, ImVec2(left, y), width, t.palette.ink, v.programme->title);
    y += drawTextBlock(t.fonts.body, ImVec2(left, y), width, t.palette.muted, v.programme->subtitle);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(left, y + t.Em(0.4f)), ImVec2(left + t.Em(3.0f), y + t.Em(0.58f)),
                                              t.palette.accent.abgr());
    y += t.Em(1.4f);
    if (!v.storeProblem.empty()) {
        const float h = t.Em(2.2f);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(left, y), ImVec2(right, y + h), t.palette.danger.abgr(), t.Em(0.4f));
        drawText(t.fonts.bodyBold, ImVec2(left + t.Em(0.8f), y + (h - t.em) * 0.5f), t.palette.onPrimary,
                 fitText(t.fonts.bodyBold, v.storeProblem, width - t.Em(1.6f)));
        y += h + t.Em(0.6f);
    }
    // From the bottom up: footer, actions; on a reachable stand from the reach band's lower edge
    // (less the drift), so that every control stands in the band and the content above it.
    const FooterPlan footer = planHomeFooter(v, s, width, false);
    const float footerH = footer.height, gap = t.Em(0.8f);
    const float bottom = layout().band ? layout().bandBottom - t.Em(0.5f) : origin.y + size.y - margin * 0.6f;
    const float fy = bottom - footerH;
    const float secondaryH = t.Em(3.6f), checkinH = t.Em(4.2f);
    const float sy = fy - t.Em(1.0f) - secondaryH;
    const float cy = sy - gap - checkinH;
    const float halfW = (width - gap) * 0.5f;
    Intent intent = drawActions(v, ImVec2(left, cy), ImVec2(width, checkinH), ImVec2(left, sy), ImVec2(left + halfW + gap, sy),
                                ImVec2(halfW, secondaryH));
    // The footer's buttons leave the venue no room on a portrait panel: it stands above the actions.
    intent = either(drawHomeFooter(v, s, left, right, fy, footer), intent);
    const float venueH = venueHeight(v, width);
    const float venueY = cy - t.Em(0.6f) - venueH;
    drawVenue(v, ImVec2(left, venueY), width, venueH);

    // More than one group today: a card each, the total under them.
    if (v.groupsToday.size() > 1) {
        const float countTop = venueY - t.Em(0.6f) - t.Em(2.4f);  // above the venue, which stands above the actions
        drawGroupsToday(v, ImVec2(left, y), ImVec2(right, countTop - t.Em(0.8f)));
        drawTotalCount(v, ImVec2(left, countTop), width);
        return intent;
    }
    // The day: number, theme (wrapped between words), group, the timeline, the count.
    if (v.today) {
        drawText(t.fonts.bodyBold, ImVec2(left, y), t.palette.primary,
                 tx.format("home.day_n", {{"n", std::to_string(v.today->number)}, {"total", std::to_string(v.programme->dayCount(v.today->cohortId))}}));
        y += t.fonts.bodyBold->FontSize + t.Em(0.3f);
        y += drawTextBlock(t.fonts.title, ImVec2(left, y), width, t.palette.ink, v.today->theme) + t.Em(0.2f);
        if (const Cohort* c = v.programme->cohort(v.today->cohortId))
            y += drawTextBlock(t.fonts.body, ImVec2(left, y), width, t.palette.muted, c->name);
    } else {
        drawText(t.fonts.bodyBold, ImVec2(left, y), t.palette.primary, tx("home.no_programme_today"));
        y += t.fonts.bodyBold->FontSize + t.Em(0.3f);
        y += drawTextBlock(t.fonts.title, ImVec2(left, y), width, t.palette.ink, tx("home.checkin_still_works"));
    }
    y += t.Em(0.8f);
    drawDayStrip(v, ImVec2(left, y), width);
    y += t.Em(2.4f);
    const std::string count = tx.format("home.checked_in_count", {{"n", std::to_string(v.checkedIn)}, {"total", std::to_string(v.expected.size())}});
    drawText(t.fonts.bodyBold, ImVec2(left, y), t.palette.ink, count);
    const float frac = v.expected.empty() ? 0.0f : static_cast<float>(v.checkedIn) / static_cast<float>(v.expected.size());
    drawProgress(ImVec2(left, y + t.Em(1.4f)), ImVec2(right, y + t.Em(1.9f)), frac, t.palette.success, t.palette.secondary);
    y += t.Em(3.0f);
    // Now and next, as tall as they need (about 13 em), in the middle of what is left above the actions.
    const float room = venueY - t.Em(1.0f) - y;
    if (room > t.Em(6.0f)) {
        const float h = std::min(room, t.Em(13.0f));
        const float top = y + (room - h) * 0.5f;
        drawNowNext(v, ImVec2(left, top), ImVec2(right, top + h));
    }
    return intent;
}

// Landscape, the middle: the day on the left, now/next on the right (or a card per group).
void drawMiddleLandscape(const KioskView& v, float left, float right, float y, float middleBottom) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const float split = left + (right - left) * 0.56f;
    if (v.groupsToday.size() > 1) {  // a card per group over the whole width, the total under them
        const float width = right - left;
        const float countTop = middleBottom - t.Em(1.3f);
        drawGroupsToday(v, ImVec2(left, y), ImVec2(right, countTop - t.Em(0.6f)));
        drawTotalCount(v, ImVec2(left, countTop), width * 0.5f, true);
    } else {
        float ly = y;
        const float lw = split - left - t.Em(1.5f);
        const ProgrammeDay* day = v.today ? v.today : nullptr;
        if (day) {
            drawText(t.fonts.bodyBold, ImVec2(left, ly), t.palette.primary,
                     tx.format("home.day_n", {{"n", std::to_string(day->number)}, {"total", std::to_string(v.programme->dayCount(day->cohortId))}}));
            ly += t.fonts.bodyBold->FontSize + t.Em(0.3f);
            ly += drawTextBlock(t.fonts.title, ImVec2(left, ly), lw, t.palette.ink, day->theme) + t.Em(0.3f);
            if (const Cohort* c = v.programme->cohort(day->cohortId)) {
                drawText(t.fonts.body, ImVec2(left, ly), t.palette.muted, fitText(t.fonts.body, c->name, lw));
                ly += t.fonts.body->FontSize;
            }
            ly += t.Em(1.2f);
            drawDayStrip(v, ImVec2(left, ly), lw);
            ly += t.Em(2.2f);
        } else {
            drawText(t.fonts.bodyBold, ImVec2(left, ly), t.palette.primary, tx("home.no_programme_today"));
            ly += t.fonts.bodyBold->FontSize + t.Em(0.3f);
            drawTextWrapped(t.fonts.title, ImVec2(left, ly), lw, t.palette.ink, tx("home.checkin_still_works"));
            ly += textSize(t.fonts.title, tx("home.checkin_still_works"), lw).y + t.Em(1.2f);
            drawDayStrip(v, ImVec2(left, ly), lw);
            ly += t.Em(2.2f);
        }
        // Counts only, never names.
        const float cy = std::max(ly + t.Em(1.0f), middleBottom - t.Em(2.6f));
        const std::string count = tx.format("home.checked_in_count", {{"n", std::to_string(v.checkedIn)},
                                                                      {"total", std::to_string(v.expected.size())}});
        drawText(t.fonts.bodyBold, ImVec2(left, cy), t.palette.ink, count);
        const float frac = v.expected.empty() ? 0.0f : static_cast<float>(v.checkedIn) / static_cast<float>(v.expected.size());
        drawProgress(ImVec2(left, cy + t.Em(1.4f)), ImVec2(left + lw, cy + t.Em(1.9f)), frac, t.palette.success, t.palette.secondary);
        drawNowNext(v, ImVec2(split, y), ImVec2(right, middleBottom));
    }
}

}  // namespace

Intent drawHomeScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    // A slow drift (a few pixels a minute along a closed path) so that nothing stays on the same
    // pixels for hours: the screen stands in the hall for weeks.
    const float minute = static_cast<float>(v.local.hour * 60 + v.local.minute);
    const ImVec2 drift(std::round(std::sin(minute * 6.2832f / 37.0f) * t.Em(0.45f)),
                       std::round(std::sin(minute * 6.2832f / 53.0f) * t.Em(0.35f)));
    const ImVec2 origin(ImGui::GetWindowPos().x + drift.x, ImGui::GetWindowPos().y + drift.y);
    const ImVec2 size = ImGui::GetWindowSize();
    if (layout().portrait) return drawHomePortrait(v, s, origin, size);
    const float margin = t.Em(1.5f);
    const float left = origin.x + margin, right = origin.x + size.x - margin;
    const float width = right - left;
    float y = origin.y + t.Em(1.1f);
    const FooterPlan footer = planHomeFooter(v, s, width, true);

    // Header: programme and subtitle on the left, the clock and date on the right.
    const std::string clock = v.local.timeOfDay().hhmm();
    const ImVec2 clockSize = textSize(t.fonts.display, clock);
    const std::string date = longDate(v.local.date, tx.lang());
    const ImVec2 dateSize = textSize(t.fonts.body, date);
    const float headerTextW = width - std::max(clockSize.x, dateSize.x) - t.Em(1.5f);
    drawText(t.fonts.title, ImVec2(left, y + t.Em(0.35f)), t.palette.ink, fitText(t.fonts.title, v.programme->title, headerTextW));
    drawText(t.fonts.body, ImVec2(left, y + t.Em(0.35f) + t.fonts.title->FontSize + t.Em(0.15f)), t.palette.muted,
             fitText(t.fonts.body, v.programme->subtitle, headerTextW));
    drawText(t.fonts.display, ImVec2(right - clockSize.x, y - t.Em(0.35f)), t.palette.ink, clock);
    drawText(t.fonts.body, ImVec2(right - dateSize.x, y - t.Em(0.35f) + clockSize.y), t.palette.muted, date);
    float headerH = clockSize.y + dateSize.y;
    if (!footer.venue) {  // the footer's switches leave it no room: the venue under the subtitle
        const float vy = y + t.Em(0.35f) + t.fonts.title->FontSize + t.Em(0.15f) + t.fonts.body->FontSize + t.Em(0.5f);
        const float vh = venueHeight(v, headerTextW);
        drawVenue(v, ImVec2(left, vy), headerTextW, vh);
        headerH = std::max(headerH, vy + vh - y);
    }
    y += headerH + t.Em(0.4f);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(left, y), ImVec2(left + t.Em(3.0f), y + t.Em(0.18f)),
                                              t.palette.accent.abgr());
    y += t.Em(1.0f);

    // A store that cannot write is said plainly, before anyone tries to check in.
    if (!v.storeProblem.empty()) {
        const float h = t.Em(2.2f);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(left, y), ImVec2(right, y + h), t.palette.danger.abgr(), t.Em(0.4f));
        drawIcon(Icon::cross, ImVec2(left + t.Em(1.1f), y + h * 0.5f), t.Em(1.1f), t.palette.onPrimary);
        drawText(t.fonts.bodyBold, ImVec2(left + t.Em(2.2f), y + (h - t.em) * 0.5f), t.palette.onPrimary,
                 fitText(t.fonts.bodyBold, v.storeProblem, width - t.Em(3.0f)));
        y += h + t.Em(0.6f);
    }

    // Middle: the day on the left, now/next on the right.
    const float buttonsH = t.Em(3.6f);
    const float footerH = footer.height;
    const float bottom = origin.y + size.y - margin * 0.6f;
    const float middleBottom = bottom - footerH - buttonsH - t.Em(1.4f);
    // Larger text on a landscape panel leaves the middle little room: the day and now/next are
    // left out rather than drawn over each other (the agenda has them); header, actions and the
    // switches stay.
    if (middleBottom - y < t.Em(7.0f)) {
    } else {
        drawMiddleLandscape(v, left, right, y, middleBottom);
    }

    // Call to action.
    const float by = middleBottom + t.Em(1.0f);
    const float gap = t.Em(0.8f);
    // The two quieter actions as wide as their words need (larger text), at most a third each.
    const float wordsW = std::max(textSize(t.fonts.bodyBold, tx("home.checkout_button")).x, textSize(t.fonts.bodyBold, tx("home.agenda_button")).x);
    const float secondaryW = std::min((width - 2 * gap) / 3.0f, std::max((width * 0.44f - 2 * gap) / 2.0f, wordsW + t.Em(1.8f)));
    intent = either(drawActions(v, ImVec2(left, by), ImVec2(width - 2 * secondaryW - 2 * gap, buttonsH),
                                ImVec2(right - 2 * secondaryW - gap, by), ImVec2(right - secondaryW, by), ImVec2(secondaryW, buttonsH)),
                    intent);
    return either(drawHomeFooter(v, s, left, right, bottom - footerH, footer), intent);
}

}  // namespace kiosk::ui
