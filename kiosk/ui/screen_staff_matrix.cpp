// screen_staff_matrix.cpp: the cohort's seven days side by side, each person's count against the
// certificate rule (kiosk.toml [attendance], core/day_counting.h): excused days in words, those with
// no day left to miss in the warning colour, and the matrix's export.
//
// The columns are as wide as their words need, not fixed shares of the page (a 7-inch portrait panel
// had the day headings run into each other and the certificate cut to "nog haalbaa…"): the count and
// the certificate (its short word, on up to two lines) first, then the day columns at the widest
// heading that fits ("Dag 1" over "26 nov.", else "1" over "26 nov.", else "1" over "26-11"), with the
// names on two lines in the row font where the room allows; what is left widens the day columns.
#include <algorithm>

#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

// The narrowest width `text` takes in `font` on at most two lines (broken at a space). A text of
// more than 200 bytes (no name is) is not split word by word each frame: half its width will do.
float twoLineWidthOf(ImFont* font, const std::string& text) {
    float best = textSize(font, text).x;
    if (text.size() > 200) return best * 0.5f;
    for (size_t sp = text.find(' '); sp != std::string::npos; sp = text.find(' ', sp + 1))
        best = std::min(best, std::max(textSize(font, text.substr(0, sp)).x, textSize(font, text.substr(sp + 1)).x));
    return best;
}

std::string matrixDate(LocalDate d, bool monthName, const Texts& tx) {
    return monthName ? shortDate(d, tx.lang())
                     : tx.format("staff.matrix_date_numeric", {{"d", std::to_string(d.day)}, {"m", std::to_string(d.month)}});
}

struct MatrixColumns {
    float nameW = 0, dayW = 0, countW = 0, certW = 0;
    bool dayWord = true;    // "Dag 1" (else "1") over the date
    bool monthName = true;  // "26 nov." (else "26-11")
};

MatrixColumns planMatrixColumns(const CohortMatrix& m, float w, const Texts& tx) {
    const Theme& t = theme();
    ImFont *bold = t.fonts.bodyBold, *small = t.fonts.small;
    MatrixColumns c;
    c.countW = std::max(textSize(small, tx("staff.col_count")).x, textSize(bold, "10/10").x) + t.Em(0.6f);
    float cert = textSize(small, tx("staff.col_certificate")).x;
    for (auto st : {CertificateState::earned, CertificateState::reachable, CertificateState::at_risk, CertificateState::missed})
        cert = std::max(cert, twoLineWidthOf(bold, tx(std::string("matrix.certificate_short.") + certificateStateKey(st))));
    c.certW = cert + t.Em(0.6f);  // 0.4 em before the words, 0.2 after
    // A day's cell: an icon, or the words of a status the matrix shows (on up to two lines, small).
    float cell = t.Em(1.3f), nameMin = textSize(small, tx("staff.col_name")).x, nameWant = nameMin, nameOne = nameMin;
    for (const MatrixRow& r : m.rows) {
        for (size_t d = 0; d < r.days.size(); ++d)
            if (r.days[d] && !(d < r.madeUpOn.size() && r.madeUpOn[d]) && *r.days[d] != DayStatus::absent && *r.days[d] != DayStatus::present)
                cell = std::max(cell, twoLineWidthOf(small, tx(std::string("matrix.short.") + dayStatusKey(*r.days[d]))) + t.Em(0.3f));
        const std::string name = listName(r.participant);
        nameMin = std::max(nameMin, twoLineWidthOf(small, name));
        nameWant = std::max(nameWant, twoLineWidthOf(bold, name));
        nameOne = std::max(nameOne, textSize(bold, name).x);
    }
    const float rest = w - c.countW - c.certW;
    nameMin = std::min(nameMin + t.Em(0.5f), rest * 0.45f);
    nameWant = std::min(nameWant + t.Em(0.5f), std::max(w * 0.4f, nameMin));
    const float nameRoomy = std::max(nameWant, std::min(nameOne + t.Em(0.5f), w * 0.3f));  // on one line where there is room
    const size_t n = std::max<size_t>(m.days.size(), 1);
    // A day column: its cell, and its heading with a gap of `gap` em to the next one.
    auto dayMin = [&](bool word, bool month, float gap) {
        float head = 0;
        for (const auto& d : m.days)
            head = std::max({head, textSize(bold, word ? tx.format("staff.matrix_day", {{"n", std::to_string(d.number)}}) : std::to_string(d.number)).x,
                             textSize(small, matrixDate(d.date, month, tx)).x});
        return std::max(cell, head + t.Em(gap));
    };
    const float nd = static_cast<float>(n);
    struct Format {
        bool word, month;
        float gap;  // em between neighbouring headings: "Dag 1" only where it has air around it
    };
    const Format formats[] = {{true, true, 0.8f}, {false, true, 0.4f}, {false, false, 0.4f}};
    for (float want : {nameWant, nameMin})  // names in the row font first, then the heading's words
        for (const auto& [word, month, gap] : formats)
            if (rest - nd * dayMin(word, month, gap) >= want) {
                c.dayWord = word;
                c.monthName = month;
                c.nameW = std::min(rest - nd * dayMin(word, month, gap), nameRoomy);
                c.dayW = (rest - c.nameW) / nd;
                return c;
            }
    // Nothing fair fits: the day headings closer, still apart, and the names what is left (a long
    // one ends in "…" on its second line).
    c.dayWord = c.monthName = false;
    c.nameW = std::max(rest - nd * dayMin(false, false, 0.15f), std::min(nameMin, rest * 0.2f));
    c.dayW = (rest - c.nameW) / nd;
    return c;
}

// One day's cell of a row: a tick, a cross, a word (late, left early, excused, n.v.t.), or the date
// it was made up on with another group.
void drawDayCell(const MatrixRow& r, size_t d, ImVec2 c, float dayW, bool monthName, const Texts& tx) {
    const Theme& t = theme();
    const Palette& p = t.palette;
    if (!r.days[d]) return;  // still to come
    if (r.madeUpOn[d]) {  // made up with another group (core/catch_up.h): said, with the date
        const std::string date = matrixDate(*r.madeUpOn[d], monthName, tx);
        const float fs = t.fonts.small->FontSize;
        if (textSize(t.fonts.small, tx.format("matrix.short.made_up", {{"date", ""}})).x > dayW - t.Em(0.2f)) {
            // A narrow column: the tick of a day that counts, and the date it was made up on under it.
            drawIcon(Icon::check, ImVec2(c.x, c.y - fs * 0.45f), t.Em(0.7f), p.success);
            drawTextCentred(t.fonts.small, c.x, c.y + fs * 0.05f, dayW, p.success, date);
            return;
        }
        const auto lines = wrapLines(t.fonts.small, tx.format("matrix.short.made_up", {{"date", date}}), dayW - t.Em(0.2f), 2);
        float ly = c.y - static_cast<float>(lines.size()) * fs * 0.5f;
        for (const auto& line : lines) {
            drawTextCentred(t.fonts.small, c.x, ly, dayW, p.success, line);
            ly += fs;
        }
        return;
    }
    switch (*r.days[d]) {
        case DayStatus::absent:
            drawIcon(Icon::cross, c, t.Em(0.8f), p.danger);
            break;
        case DayStatus::present: drawIcon(Icon::check, c, t.Em(0.9f), p.success); break;
        default: {  // late, left early: present, said in words (up to two lines) in the warning colour;
                    // excused in the primary colour (its reason is in the export and on Vandaag)
            // n.v.t. (not enrolled yet, or any more) in the muted colour: no miss, nothing to act on
            const Rgb colour = *r.days[d] == DayStatus::excused        ? p.primary
                               : *r.days[d] == DayStatus::not_enrolled ? p.muted
                                                                       : p.warning;
            const auto lines =
                wrapLines(t.fonts.small, tx(std::string("matrix.short.") + dayStatusKey(*r.days[d])), dayW - t.Em(0.2f), 2);
            float ly = c.y - static_cast<float>(lines.size()) * t.fonts.small->FontSize * 0.5f;
            for (const auto& line : lines) {
                drawTextCentred(t.fonts.small, c.x, ly, dayW, colour, line);
                ly += t.fonts.small->FontSize;
            }
            break;
        }
    }
}

}  // namespace

Intent drawStaffMatrixScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent = drawStaffHeader(v, s);
    if (!v.staff) return intent;
    const CohortMatrix& m = v.staff->matrix;
    const PageArea area = staffPageArea();
    const ImVec2 min = area.min, max = area.max;
    const Palette& p = t.palette;

    const std::string title = tx.format("staff.matrix_title", {{"cohort", m.cohortName.empty() ? m.cohortId : m.cohortName},
                                                               {"min", std::to_string(m.minDays)},
                                                               {"days", std::to_string(m.days.size())}});
    // Several cohorts (issue 30): the next group's matrix a tap away, at the right of the title.
    float gw = 0;
    const float gh = layout().target(2.2f);
    const float gx = max.x - (textSize(t.fonts.bodyBold, tx("staff.next_group")).x + t.Em(3.0f));
    intent = either(drawGroupButton(v, v.staff->cohorts, m.cohortId, ImVec2(gx, min.y), gh, gw), intent);
    const float titleW = max.x - min.x - (gw > 0 ? gw + t.Em(0.6f) : 0.0f);
    drawText(t.fonts.bodyBold, min, p.ink, fitText(t.fonts.bodyBold, title, titleW));
    drawText(t.fonts.body, ImVec2(min.x, min.y + t.em + t.Em(0.2f)), p.muted,
             tx.format("staff.matrix_summary", {{"earned", std::to_string(m.earned())}, {"total", std::to_string(m.rows.size())}}));

    const float top = min.y + std::max(2 * t.em + t.Em(0.9f), gw > 0 ? gh + t.Em(0.4f) : 0.0f);
    const float barH = exportBarHeight(v, true, max.x - min.x);
    const float bottom = max.y - barH - t.Em(0.8f);
    const float w = max.x - min.x;
    const MatrixColumns cols = planMatrixColumns(m, w, tx);
    const float nameW = cols.nameW, countW = cols.countW, certW = cols.certW, dayW = cols.dayW;
    const size_t nDays = m.days.size();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Column heads: the day ("Dag 1" or "1") over its date ("26 nov." or "26-11"), each whole.
    const float headH = t.em + t.fonts.small->FontSize, labelY = top + (headH - t.fonts.small->FontSize) * 0.5f;
    drawText(t.fonts.small, ImVec2(min.x, labelY), p.muted, tx("staff.col_name"));
    for (size_t d = 0; d < nDays; ++d) {
        const float cx = min.x + nameW + (static_cast<float>(d) + 0.5f) * dayW;
        const std::string n = std::to_string(m.days[d].number);
        drawTextCentred(t.fonts.bodyBold, cx, top, dayW, p.ink, cols.dayWord ? tx.format("staff.matrix_day", {{"n", n}}) : n);
        drawTextCentred(t.fonts.small, cx, top + t.em, dayW, p.muted, matrixDate(m.days[d].date, cols.monthName, tx));
    }
    drawTextCentred(t.fonts.small, min.x + nameW + static_cast<float>(nDays) * dayW + countW * 0.5f, labelY, countW, p.muted,
                    tx("staff.col_count"));
    drawText(t.fonts.small, ImVec2(min.x + w - certW + t.Em(0.4f), labelY), p.muted, tx("staff.col_certificate"));
    const float listTop = top + headH + t.Em(0.3f);
    dl->AddLine(ImVec2(min.x, listTop - t.Em(0.1f)), ImVec2(max.x, listTop - t.Em(0.1f)), p.line.abgr(), 1.5f);

    const float rowH = t.Em(2.4f);  // a name too long for its column wraps on a second line
    const int rows = static_cast<int>(m.rows.size());
    const TouchList list = beginTouchList("matrix", ImVec2(min.x, listTop), ImVec2(w, bottom - listTop), rowH, rows, s);
    const ImVec2 base = list.base;
    dl = ImGui::GetWindowDrawList();
    for (int i = list.first; i < list.last; ++i) {
        const MatrixRow& r = m.rows[static_cast<size_t>(i)];
        const float y = base.y + static_cast<float>(i) * rowH;
        const float ty = y + (rowH - t.em) * 0.5f;
        if (i % 2 == 1) dl->AddRectFilled(ImVec2(base.x, y), ImVec2(base.x + w, y + rowH), p.surface.abgr());
        if (r.formerParticipant) {  // no longer on the roster: the name, and that said under it
            const float nameH = rowH - t.fonts.small->FontSize - t.Em(0.1f);
            drawCell(t.fonts.bodyBold, t.fonts.small, ImVec2(base.x, y), nameW - t.Em(0.5f), nameH, p.ink, listName(r.participant));
            drawText(t.fonts.small, ImVec2(base.x, y + nameH), p.warning, fitText(t.fonts.small, tx("staff.former_short"), nameW - t.Em(0.5f)));
        } else {
            drawCell(t.fonts.bodyBold, t.fonts.small, ImVec2(base.x, y), nameW - t.Em(0.5f), rowH, p.ink, listName(r.participant));
        }
        for (size_t d = 0; d < r.days.size(); ++d)
            drawDayCell(r, d, ImVec2(base.x + nameW + (static_cast<float>(d) + 0.5f) * dayW, y + rowH * 0.5f), dayW, cols.monthName, tx);
        const std::string count = std::to_string(r.daysPresent) + "/" + std::to_string(r.daysEnrolled);
        drawTextCentred(t.fonts.bodyBold, base.x + nameW + static_cast<float>(nDays) * dayW + countW * 0.5f, ty, countW, p.ink, count);
        const Rgb cc = r.certificate == CertificateState::earned    ? p.success
                       : r.certificate == CertificateState::missed  ? p.danger
                       : r.certificate == CertificateState::at_risk ? p.warning
                                                                    : p.muted;
        drawCell(t.fonts.bodyBold, t.fonts.small, ImVec2(base.x + w - certW + t.Em(0.4f), y), certW - t.Em(0.4f), rowH, cc,
                 tx(std::string("matrix.certificate_short.") + certificateStateKey(r.certificate)));
    }
    if (v.staff->matrixLoading) drawText(t.fonts.body, ImVec2(base.x, base.y + static_cast<float>(rows) * rowH), p.muted, tx("staff.matrix_loading"));
    else if (m.rows.empty()) drawText(t.fonts.body, base, p.muted, tx("staff.nobody"));
    endTouchList(list, rowH, rows, s);
    const Intent e = drawExportBar(v, s, true, ImVec2(min.x, max.y - barH), max);
    return either(e, intent);
}

}  // namespace kiosk::ui
