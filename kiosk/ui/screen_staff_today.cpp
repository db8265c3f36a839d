// screen_staff_today.cpp: the day at a glance for venue staff. The counts (present, late, left
// early, absent, excused, guests), everyone of the day's cohort with times and status (an excusal
// with its reason, a forgotten check-out), the walk-ins to confirm or link to a roster entry, a
// correction per person, who has no day left to miss, and the presence list's export.
// Other days are a tap away (a forgotten check-in of last week).
#include <algorithm>

#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

Rgb statusColour(const PresenceRow& r) {
    const Palette& p = theme().palette;
    if (r.guest) return p.primary;
    switch (r.status) {
        case DayStatus::absent: return p.danger;
        case DayStatus::excused: return p.primary;
        case DayStatus::not_enrolled: return p.muted;
        case DayStatus::present: return r.checkOutForgotten ? p.warning : p.success;
        case DayStatus::late:
        case DayStatus::left_early:
        case DayStatus::late_and_left_early: return p.warning;
    }
    return p.ink;
}

std::string groupName(const KioskView& v, const std::string& cohortId) {
    const Cohort* c = v.programme ? v.programme->cohort(cohortId) : nullptr;
    return c && !c->name.empty() ? c->name : cohortId;
}

// Text in parts ("Gemeente Lochem, 2027", "donderdag 26 november 2026", "Dag 1: ...") on lines of at
// most `width`: a line breaks between parts, and a part too long for a line of its own between its
// words; nothing ends in "…" (a single word wider than the line excepted).
std::vector<std::string> wrapParts(ImFont* font, const std::vector<std::string>& parts, float width) {
    const std::string sep = "  \xC2\xB7  ";
    std::vector<std::string> lines;
    std::string line;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        const std::string joined = line.empty() ? part : line + sep + part;
        if (textSize(font, joined).x <= width) {
            line = joined;
            continue;
        }
        if (!line.empty()) lines.push_back(line);
        line.clear();
        std::vector<std::string> words = wrapLines(font, part, width, 8);
        line = words.back();
        words.pop_back();
        lines.insert(lines.end(), words.begin(), words.end());
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// "a · b · c" (a catalogue line of counts) in its parts.
std::vector<std::string> splitParts(const std::string& s) {
    const std::string dot = " \xC2\xB7 ";
    std::vector<std::string> parts;
    for (size_t at = 0;;) {
        const size_t next = s.find(dot, at);
        parts.push_back(s.substr(at, next == std::string::npos ? std::string::npos : next - at));
        if (next == std::string::npos) return parts;
        at = next + dot.size();
    }
}

// The day, with steps to the days before and after, and its counts; `sh` is the buttons' height.
// Beside the buttons: the group (two groups that day), the date and the day, then the counts,
// each wrapping onto more lines where the panel is narrow (a 7-inch board, a portrait stand);
// `height` says how tall the bar came out (at least `sh`).
Intent drawDayBar(const KioskView& v, const UiState& s, ImVec2 min, ImVec2 max, float sh, float& height) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const StaffView& st = *v.staff;
    Intent intent;
    ImGui::SetCursorScreenPos(min);
    if (touchButton({"desk.day.prev", "", ImVec2(t.Em(3.0f), sh), ButtonStyle::secondary, {}, Icon::arrow_left}))
        intent = Intent::staffDay(-1);
    ImGui::SetCursorScreenPos(ImVec2(min.x + t.Em(3.4f), min.y));
    if (touchButton({"desk.day.next", "", ImVec2(t.Em(3.0f), sh), ButtonStyle::secondary, {}, Icon::arrow_right}))
        intent = Intent::staffDay(+1);
    float x = min.x + t.Em(6.8f);
    if (s.staffDayOffset != 0) {
        ImGui::SetCursorScreenPos(ImVec2(x, min.y));
        const std::string label = tx("staff.day_today");
        const float w = textSize(t.fonts.bodyBold, label).x + t.Em(1.6f);
        if (touchButton({"desk.day.today", label, ImVec2(w, sh), ButtonStyle::secondary})) intent = Intent::staffDay(0);
        x += w + t.Em(0.6f);
    }
    // Two groups that day (issue 30): one shown at a time, its name first on the line.
    float gw = 0;
    intent = either(drawGroupButton(v, st.dayCohorts, st.listCohort, ImVec2(x, min.y), sh, gw), intent);
    if (gw > 0) x += gw + t.Em(0.6f);
    std::vector<std::string> dayParts;
    if (gw > 0) dayParts.push_back(st.listGroupName);
    dayParts.push_back(longDate(st.date, tx.lang()));
    if (st.guestsList) dayParts.push_back(tx("staff.guests_of_groups"));
    else if (st.day) dayParts.push_back(tx.format("staff.day_theme", {{"n", std::to_string(st.day->number)}, {"theme", st.day->theme}}));
    else dayParts.push_back(tx("staff.no_programme_day"));
    // Two groups that day: the walk-ins are on a page of their own, not in a group's counts (the line
    // under the list says when some wait there to be reviewed).
    const bool guestsElsewhere = !st.guestsList && st.dayCohorts.size() > 1;
    const TextArgs args{{"present", std::to_string(st.present)}, {"late", std::to_string(st.late)},
                        {"left_early", std::to_string(st.leftEarly)}, {"absent", std::to_string(st.absent)},
                        {"excused", std::to_string(st.excused)}, {"guests", std::to_string(st.guests)},
                        {"open", std::to_string(st.guestsToReview)}};
    const std::string counts = tx.format(st.guestsList ? "staff.counts_guests" : guestsElsewhere ? "staff.counts_group" : "staff.counts", args);
    const auto dayLines = wrapParts(t.fonts.bodyBold, dayParts, max.x - x);
    const auto countLines = wrapParts(t.fonts.body, splitParts(counts), max.x - x);
    const float boldH = t.fonts.bodyBold->FontSize * 1.1f, bodyH = t.fonts.body->FontSize * 1.1f;
    const float textH = boldH * static_cast<float>(dayLines.size()) + bodyH * static_cast<float>(countLines.size());
    height = std::max(sh, textH);
    float y = min.y + (height - textH) * 0.5f;
    for (const auto& l : dayLines) {
        drawText(t.fonts.bodyBold, ImVec2(x, y), t.palette.ink, l);
        y += boldH;
    }
    for (const auto& l : countLines) {
        drawText(t.fonts.body, ImVec2(x, y), t.palette.muted, l);
        y += bodyH;
    }
    return intent;
}

// The row's button: review a walk-in, or correct a participant's day (the likely fix preset).
Intent rowAction(const PresenceRow& r, const KioskView& v, UiState& s, ImVec2 size) {
    const Texts& tx = *v.texts;
    const StaffView& st = *v.staff;
    const float bw = size.x, bh = size.y;
    Intent intent;
    if (r.guest) {
        const std::string id = "desk.review." + r.guestEventId;
        if (touchButton({id.c_str(), tx("staff.review_guest"), ImVec2(bw, bh), ButtonStyle::secondary, {}, Icon::person})) {
            intent = Intent::go(Screen::staff_correct);
            s.correction = {};
            s.correction.guestEventId = r.guestEventId;
            s.correction.day = st.date;
            s.correction.who = r.participant.firstName;
            s.correction.effect = CorrectionEffect::confirm_guest;
            s.correction.reason = tx("staff.reason_guest_seen");
        }
    } else {
        const std::string id = "desk.correct." + r.participant.code;
        if (touchButton({id.c_str(), tx("staff.correct"), ImVec2(bw, bh), ButtonStyle::secondary, {}, Icon::clock})) {
            intent = Intent::go(Screen::staff_correct);
            s.correction = {};
            s.correction.code = r.participant.code;
            s.correction.day = st.date;
            s.correction.who = r.participant.fullName();
            // The likely fix first: someone absent forgot to check in; someone present, to check
            // out; for a day still to come, only an excusal makes sense.
            s.correction.effect = st.date > v.local.date ? CorrectionEffect::set_excused
                                  : r.checkIn            ? CorrectionEffect::set_check_out
                                                         : CorrectionEffect::set_check_in;
            const TimeOfDay start = st.day ? st.day->startsAt() : TimeOfDay{9 * 60};
            const TimeOfDay end = st.day ? st.day->endsAt() : TimeOfDay{17 * 60};
            s.correction.minutes = r.checkIn ? (r.checkOut ? r.checkOut->minutes : end.minutes) : start.minutes;
            // Someone of another group who checked in: most likely making up a day of their own
            // (core/catch_up.h). The form lists their group's days: the matrix follows that group.
            if (r.otherGroup && r.checkIn && !r.madeUpDay) {
                s.correction.effect = CorrectionEffect::catch_up;
                s.correction.reason = tx("staff.reason_catch_up");
                s.staffCohort = r.participant.cohortId;
            }
        }
    }
    return intent;
}

}  // namespace

Intent drawStaffTodayScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent = drawStaffHeader(v, s);
    if (!v.staff) return intent;
    const StaffView& st = *v.staff;
    const PageArea area = staffPageArea();
    const ImVec2 min = area.min, max = area.max;

    const float sh = layout().target(2.4f);
    float barHeight = sh;
    intent = either(drawDayBar(v, s, min, max, sh, barHeight), intent);

    // The list: columns name, department, status, in, out, action.
    const float top = min.y + barHeight + t.Em(0.7f);
    const float barH = exportBarHeight(v, false, max.x - min.x);
    // Under the list: the legend of "*", and who has no day left to miss (issue 29).
    std::string below;
    if (std::any_of(st.rows.begin(), st.rows.end(), [](const PresenceRow& r) { return r.corrected; })) below = tx("staff.legend_corrected");
    if (st.dayCohorts.size() > 1 && !st.guestsList && st.guestsToReview > 0)  // waiting on the walk-ins' page
        below += (below.empty() ? "" : "   \xC2\xB7   ") + tx.format("staff.guests_waiting", {{"n", std::to_string(st.guestsToReview)}});
    if (!st.atRisk.empty() && !st.guestsList) {  // of the group's matrix: nothing to do with the walk-ins' page
        std::string names;
        for (const auto& n : st.atRisk) names += (names.empty() ? "" : ", ") + n;
        below += (below.empty() ? "" : "   \xC2\xB7   ") + tx.format("staff.at_risk", {{"names", names}});
    }
    // Each name there is one staff may need to call: the line wraps (up to three lines, the list
    // giving way), rather than end in "…" after the first few.
    const float w = max.x - min.x;
    const auto belowLines = below.empty() ? std::vector<std::string>{} : wrapLines(t.fonts.small, below, w, 3);
    const float smallH = t.fonts.small->FontSize * 1.1f;
    const float extra = belowLines.size() > 1 ? smallH * static_cast<float>(belowLines.size() - 1) : 0.0f;
    const float listBottom = max.y - barH - t.Em(1.2f) - extra;
    for (size_t i = 0; i < belowLines.size(); ++i)
        drawText(t.fonts.small, ImVec2(min.x, listBottom + t.Em(0.1f) + smallH * static_cast<float>(i)), t.palette.muted, belowLines[i]);
    // Names get the widest column; a name, department or status that is longer wraps in its row (a
    // second line, then the smaller font) rather than end in "…".
    const float cName = 0.0f, cDept = w * 0.285f, cStatus = w * 0.50f, cIn = w * 0.63f, cOut = w * 0.70f, cAct = w * 0.82f;
    auto col = [&](float c) { return min.x + c; };
    const char* heads[] = {"staff.col_name", "staff.col_department", "staff.col_status", "staff.col_in", "staff.col_out"};
    const float cols[] = {cName, cDept, cStatus, cIn, cOut};
    for (int i = 0; i < 5; ++i) drawText(t.fonts.small, ImVec2(col(cols[i]), top), t.palette.muted, tx(heads[i]));
    const float listTop = top + t.fonts.small->FontSize + t.Em(0.3f);
    ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, listTop - t.Em(0.1f)), ImVec2(max.x, listTop - t.Em(0.1f)), t.palette.line.abgr(), 1.5f);
    const float rowH = std::max(t.Em(2.5f), layout().minTargetPx + t.Em(0.3f));  // its buttons >= 9 mm
    const int rows = static_cast<int>(st.rows.size());
    const TouchList list = beginTouchList("staff-list", ImVec2(min.x, listTop), ImVec2(w, listBottom - listTop), rowH, rows, s);
    const ImVec2 base = list.base;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = list.first; i < list.last; ++i) {
        const PresenceRow& r = st.rows[static_cast<size_t>(i)];
        const float y = base.y + static_cast<float>(i) * rowH;
        const float ty = y + (rowH - t.em) * 0.5f;
        if (i % 2 == 1) dl->AddRectFilled(ImVec2(base.x, y), ImVec2(base.x + w, y + rowH), t.palette.surface.abgr());
        const std::string name = r.guest ? r.participant.firstName : listName(r.participant);
        drawCell(t.fonts.bodyBold, t.fonts.small, ImVec2(base.x + cName, y), cDept - cName - t.Em(0.6f), rowH, t.palette.ink, name);
        // Someone no longer on the roster who was there: said where the department would be.
        const float deptW = cStatus - cDept - t.Em(0.6f);
        std::string dept = r.participant.department;
        if (r.formerParticipant)
            dept = textSize(t.fonts.body, tx("staff.former")).x <= deptW ? tx("staff.former") : tx("staff.former_short");
        else if (r.otherGroup)  // a visitor from another group (perhaps making up a day): which group
            dept = tx.format("staff.other_group", {{"group", groupName(v, r.participant.cohortId)}});
        drawCell(t.fonts.body, t.fonts.small, ImVec2(base.x + cDept, y), deptW, rowH,
                 r.formerParticipant ? t.palette.warning : r.otherGroup ? t.palette.primary : t.palette.muted, dept);
        std::string status = r.guest ? tx(r.guestConfirmed ? "staff.guest_confirmed" : "staff.guest_unconfirmed")
                                     : tx(std::string("status.") + dayStatusKey(r.status));
        if (r.corrected) status += "*";  // on the word it qualifies: "afgemeld*: ziek" (the legend says what)
        if (r.status == DayStatus::excused) status += ": " + r.excusedReason;
        if (r.madeUpDay) status = tx.format("staff.catch_up_of", {{"n", std::to_string(r.madeUpDay)}});
        drawCell(t.fonts.bodyBold, t.fonts.small, ImVec2(base.x + cStatus, y), cIn - cStatus - t.Em(0.4f), rowH, statusColour(r), status);
        if (r.checkIn) drawText(t.fonts.body, ImVec2(base.x + cIn, ty), t.palette.ink, r.checkIn->hhmm());
        if (r.checkOut) drawText(t.fonts.body, ImVec2(base.x + cOut, ty), t.palette.ink, r.checkOut->hhmm());
        // A check-out forgotten (the day is long over, core/presence_list.h) is said where the time
        // would be, in the warning colour, not appended to the status, where it did not fit.
        if (r.checkOutForgotten)
            drawCell(t.fonts.body, t.fonts.small, ImVec2(base.x + cOut, y), cAct - cOut - t.Em(0.4f), rowH, t.palette.warning,
                     tx("staff.out_forgotten"));
        const float bh = rowH - t.Em(0.3f);
        ImGui::SetCursorScreenPos(ImVec2(base.x + cAct, y + t.Em(0.15f)));
        intent = either(rowAction(r, v, s, ImVec2(w - cAct, bh)), intent);
    }
    if (st.loading) drawText(t.fonts.body, base, t.palette.muted, tx("staff.loading"));  // the store thread reads the day
    else if (st.rows.empty()) drawText(t.fonts.body, base, t.palette.muted, tx("staff.nobody"));
    // A drag scrolls; it never opens the row it started on.
    if (endTouchList(list, rowH, rows, s) && intent.as<intent::Go>()) intent = {};
    const Intent e = drawExportBar(v, s, false, ImVec2(min.x, max.y - barH), max);
    return either(e, intent);
}

}  // namespace kiosk::ui
