// closing_card.cpp: the assignment and the day's question on the goodbye card (closing_card.h).
#include "closing_card.h"

#include <algorithm>

#include "layout.h"
#include "theme.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

const char* const kAnswerIds[] = {"feedback.answer.1", "feedback.answer.2", "feedback.answer.3", "feedback.answer.4",
                                  "feedback.answer.5"};

const DayQuestion* questionOf(const KioskView& v) {
    const ProgrammeDay* d = v.closingDay;
    return d && d->question && !d->question->answers.empty() ? &*d->question : nullptr;
}

// The answers' rows: one when they all fit side by side at an equal width, else two.
struct AnswerGrid {
    int perRow = 1, rows = 1;
    float bw = 0, bh = 0, gap = 0;
};

// How many lines `a` takes on a button `bw` wide (0: not whole even on two).
int linesOn(const std::string& a, float bw) {
    const Theme& t = theme();
    const float inner = bw - t.Em(1.4f);
    if (textSize(t.fonts.bodyBold, a).x <= inner) return 1;
    const auto lines = wrapLines(t.fonts.bodyBold, a, inner, 2);
    size_t chars = lines.empty() ? 0 : lines.size() - 1;
    for (const auto& l : lines) chars += l.size();
    return chars == a.size() ? 2 : 0;
}

// One row when every answer is whole on a button of an equal share of the width (on two lines if
// need be: a short panel has no height for a second row), else two rows.
AnswerGrid gridFor(const DayQuestion& q, float w) {
    const Theme& t = theme();
    AnswerGrid g;
    g.gap = t.Em(0.6f);
    const int n = static_cast<int>(q.answers.size());
    int most = 1;
    for (int perRow : {n, (n + 1) / 2, std::min(n, 2)}) {  // two a row: larger text on a narrow card
        g.perRow = perRow;
        g.bw = std::min(t.Em(11.0f), (w - g.gap * static_cast<float>(perRow - 1)) / static_cast<float>(perRow));
        most = 1;
        bool whole = g.bw >= layout().target(4.0f);
        for (const auto& a : q.answers) {
            const int lines = linesOn(a, g.bw);
            whole = whole && lines > 0;
            most = std::max(most, lines);
        }
        if (whole) break;
    }
    g.rows = (n + g.perRow - 1) / g.perRow;
    g.bh = std::max(layout().target(2.6f), static_cast<float>(most) * t.fonts.bodyBold->FontSize * 1.15f + t.Em(0.7f));
    return g;
}

float questionTextHeight(const DayQuestion& q, float w) {
    const Theme& t = theme();
    const auto lines = wrapLines(t.fonts.bodyBold, q.text, w, 3);
    return static_cast<float>(lines.size()) * t.fonts.bodyBold->FontSize * 1.15f;
}

}  // namespace

std::string answerCardKey(const Feedback& f) { return f.code + "@" + std::to_string(f.at.ms); }

float dayQuestionHeight(const KioskView& v, const UiState& s, float w) {
    const DayQuestion* q = questionOf(v);
    if (!q || s.feedback.kind != Feedback::Kind::checked_out) return 0;
    const Theme& t = theme();
    if (s.answeredCard == answerCardKey(s.feedback)) return t.fonts.bodyBold->FontSize * 1.3f;
    const AnswerGrid g = gridFor(*q, w);
    return questionTextHeight(*q, w) + t.fonts.small->FontSize * 1.25f + t.Em(0.3f) + static_cast<float>(g.rows) * g.bh +
           static_cast<float>(g.rows - 1) * g.gap;
}

Intent drawDayQuestion(const KioskView& v, const UiState& s, float cx, float top, float w) {
    const DayQuestion* q = questionOf(v);
    if (!q || s.feedback.kind != Feedback::Kind::checked_out) return {};
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    if (s.answeredCard == answerCardKey(s.feedback)) {
        drawTextCentred(t.fonts.bodyBold, cx, top, w, t.palette.success, tx("checkin.question_thanks"));
        return {};
    }
    float y = top;
    for (const auto& line : wrapLines(t.fonts.bodyBold, q->text, w, 3)) {
        drawTextCentred(t.fonts.bodyBold, cx, y, w, t.palette.ink, line);
        y += t.fonts.bodyBold->FontSize * 1.15f;
    }
    drawTextCentred(t.fonts.small, cx, y, w, t.palette.muted, tx("checkin.question_hint"));
    y += t.fonts.small->FontSize * 1.25f + t.Em(0.3f);
    const AnswerGrid g = gridFor(*q, w);
    Intent intent;
    const int n = static_cast<int>(q->answers.size());
    for (int i = 0; i < n && i < 5; ++i) {
        const int row = i / g.perRow, col = i % g.perRow;
        const int inRow = std::min(g.perRow, n - row * g.perRow);
        const float rowW = static_cast<float>(inRow) * g.bw + static_cast<float>(inRow - 1) * g.gap;
        ImGui::SetCursorScreenPos(ImVec2(cx - rowW * 0.5f + static_cast<float>(col) * (g.bw + g.gap),
                                         y + static_cast<float>(row) * (g.bh + g.gap)));
        ButtonSpec b{kAnswerIds[i], q->answers[static_cast<size_t>(i)], ImVec2(g.bw, g.bh), ButtonStyle::secondary};
        b.maxLines = 2;
        b.floorFont = t.fonts.small;
        if (touchButton(b)) intent = Intent::answer(i);
    }
    return intent;
}

void drawClosingAssignment(const KioskView& v, float cx, float top, float w, float bottom) {
    const ProgrammeDay* day = v.closingDay;
    if (!day || day->assignment.empty()) return;
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const float lineH = t.fonts.body->FontSize * 1.15f;
    // "Where it all is" on as many lines as it wraps to (larger text: two on a narrow card).
    const float where = t.fonts.small->FontSize * 1.2f * static_cast<float>(std::max<size_t>(1, wrapLines(t.fonts.small, tx("checkin.assignment_where"), w, 3).size()));
    const int lines = static_cast<int>((bottom - top - t.fonts.bodyBold->FontSize * 1.2f - where) / lineH);
    if (lines < 1) {  // no room for the heading and a line: its start on one line, where it is below
        float y = top;
        if (bottom - top >= lineH + where) {
            const std::string start = tx("agenda.assignment") + ": " + day->assignment;
            drawTextCentred(t.fonts.body, cx, y, w, t.palette.ink, fitText(t.fonts.body, start, w));
            y += lineH;
        }
        if (bottom - y >= t.fonts.small->FontSize) drawTextCentred(t.fonts.small, cx, y, w, t.palette.muted, tx("checkin.assignment_where"));
        return;
    }
    float y = top;
    y += drawTextCentred(t.fonts.bodyBold, cx, y, w, t.palette.primary, tx("agenda.assignment"));
    for (const auto& line : wrapLines(t.fonts.body, day->assignment, w, std::min(lines, 4))) {
        drawTextCentred(t.fonts.body, cx, y, w, t.palette.ink, line);
        y += lineH;
    }
    drawTextCentred(t.fonts.small, cx, y + t.Em(0.1f), w, t.palette.muted, tx("checkin.assignment_where"));
}

}  // namespace kiosk::ui
