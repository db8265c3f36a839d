// screen_parts.cpp: what several screens share: the header row (back, title, clock) and the
// card that answers a tap (welcome, and goodbye with the assignment until the next day, both with undo;
// already checked in with the choice to check
// out, "you left at 12:03" with the choice to check in again, an impossible time or an error said as
// such), drawn by the check-in and walk-in screens.
#include <algorithm>
#include <cmath>

#include "closing_card.h"
#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

struct FeedbackLook {
    Icon icon;
    Rgb colour;
    FeedbackWords words;
};

FeedbackLook lookOf(const KioskView& v, const Feedback& f) {
    const Palette& p = theme().palette;
    const FeedbackWords words = feedbackWords(*v.texts, f, toLocal(f.at).timeOfDay().hhmm(), f.name, f.code);
    switch (f.kind) {
        case Feedback::Kind::checked_in:
        case Feedback::Kind::checked_out:
        case Feedback::Kind::guest_registered: return {Icon::check, p.success, words};
        case Feedback::Kind::undone:
        case Feedback::Kind::undone_out: return {Icon::undo, p.primary, words};
        case Feedback::Kind::already_in:
        case Feedback::Kind::not_checked_in:
        case Feedback::Kind::refused:
        case Feedback::Kind::unknown_code: return {Icon::warning, p.warning, words};
        case Feedback::Kind::already_out: return {Icon::door, p.primary, words};
        case Feedback::Kind::error: return {Icon::cross, p.danger, words};
        case Feedback::Kind::pending: return {Icon::clock, p.primary, words};
        case Feedback::Kind::none: break;
    }
    return {Icon::none, p.ink, words};
}

}  // namespace

FeedbackWords feedbackWords(const Texts& tx, const Feedback& f, const std::string& time, const std::string& name,
                            const std::string& code) {
    switch (f.kind) {
        case Feedback::Kind::checked_in:
            return {tx.format("checkin.welcome", {{"name", name}}), tx.format("checkin.checked_in_at", {{"time", time}})};
        case Feedback::Kind::checked_out:
            return {tx.format("checkin.goodbye", {{"name", name}}), tx.format("checkin.checked_out_at", {{"time", time}})};
        case Feedback::Kind::undone: return {tx("checkin.undone_title"), tx.format("checkin.undone_line", {{"name", name}})};
        case Feedback::Kind::undone_out: return {tx("checkin.undone_title"), tx.format("checkin.undone_out_line", {{"name", name}})};
        case Feedback::Kind::already_in:
            return {tx.format("checkin.already_in", {{"name", name}}), tx.format("checkin.already_in_line", {{"time", time}})};
        case Feedback::Kind::not_checked_in: return {tx.format("checkin.not_checked_in", {{"name", name}}), tx("checkin.not_checked_in_line")};
        case Feedback::Kind::already_out:
            return {tx.format("checkin.already_out", {{"name", name}, {"time", time}}), tx("checkin.already_out_line")};
        case Feedback::Kind::refused:
            return {tx.format("checkin.refused_title", {{"name", name}}),
                    tx.format(f.detail, {{"time", time}, {"n", std::to_string(kMaxAheadMinutes)}})};
        case Feedback::Kind::error: return {tx("checkin.error_title"), f.detail};
        case Feedback::Kind::pending: return {tx("checkin.pending"), name};
        case Feedback::Kind::guest_registered: return {tx.format("checkin.welcome", {{"name", name}}), tx("walkin.registered_line")};
        case Feedback::Kind::unknown_code: return {tx("checkin.unknown_code"), tx.format("checkin.unknown_code_line", {{"code", code}})};
        case Feedback::Kind::none: break;
    }
    return {};
}

Intent drawFeedback(const KioskView& v, const UiState& s, ImVec2 minArea, ImVec2 maxArea) {
    const Theme& t = theme();
    // Portrait: a card as tall as its content, its buttons at standing height, not at the floor;
    // a third of the room it leaves above it, so that the stand is not empty below a card at its top.
    // The day's question (closing_card.h) makes the goodbye card taller by what it needs.
    const float innerW = maxArea.x - minArea.x - t.Em(4.0f);
    const float questionH = dayQuestionHeight(v, s, innerW);
    const float cardH = std::min(maxArea.y - minArea.y, t.Em(24.0f) + (questionH > 0 ? questionH + t.Em(1.0f) : 0.0f));
    const ImVec2 min(minArea.x, layout().portrait ? minArea.y + (maxArea.y - minArea.y - cardH) / 3.0f : minArea.y);
    const ImVec2 max(maxArea.x, layout().portrait ? min.y + cardH : maxArea.y);
    const Texts& tx = *v.texts;
    Intent intent;
    const Feedback& f = s.feedback;
    const FeedbackLook look = lookOf(v, f);
    drawCard(min, max, t.palette.surface, t.palette.line);
    // A band of the feedback colour on the left edge: colour, icon and words together.
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + t.Em(0.6f), max.y), look.colour.abgr(), t.Em(0.6f),
                                              ImDrawFlags_RoundCornersLeft);
    const float cx = (min.x + max.x) * 0.5f;
    const float w = max.x - min.x - t.Em(4.0f);
    // With a question on a short card the icon stands beside the title, not above it, so that the
    // assignment keeps its lines (closing_card.h).
    const bool tight = questionH > 0 && max.y - min.y < t.Em(30.0f);
    float y = min.y + t.Em(tight ? 1.0f : 1.6f);
    if (tight) {
        const float iconSize = t.Em(2.4f), iconGap = t.Em(0.7f);
        const float tw = w - iconSize - iconGap;
        ImFont* titleFont = textSize(t.fonts.display, look.words.title).x <= tw ? t.fonts.display : t.fonts.title;
        const float used = std::min(textSize(titleFont, look.words.title).x, tw);
        const float left = cx - (iconSize + iconGap + used) * 0.5f;
        const float h = drawTextCentred(titleFont, left + iconSize + iconGap + used * 0.5f, y, tw, t.palette.ink, look.words.title);
        drawIcon(look.icon, ImVec2(left + iconSize * 0.5f, y + std::min(h, titleFont->FontSize * 1.2f) * 0.5f), iconSize, look.colour);
        y += h + t.Em(0.2f);
    } else {
        const float iconSize = t.Em(4.0f);
        drawIcon(look.icon, ImVec2(cx, y + iconSize * 0.5f), iconSize, look.colour);
        y += iconSize + t.Em(1.0f);
        // A long name is never cut: the title steps down a size and wraps between words instead.
        ImFont* titleFont = textSize(t.fonts.display, look.words.title).x <= w ? t.fonts.display : t.fonts.title;
        y += drawTextCentred(titleFont, cx, y, w, t.palette.ink, look.words.title) + t.Em(0.4f);
    }
    y += drawTextCentred(t.fonts.title, cx, y, w, t.palette.muted, look.words.line);

    // Buttons along the bottom of the card.
    const float gap = t.Em(1.0f);
    const float bh = t.Em(3.2f), bw = std::min(t.Em(11.0f), (max.x - min.x - t.Em(2.0f) - gap) * 0.5f);
    const float by = max.y - bh - t.Em(1.4f);
    if (f.kind == Feedback::Kind::checked_out) {  // the day's close: the question above the buttons, the assignment above it
        const float qTop = by - t.Em(0.8f) - questionH;
        drawClosingAssignment(v, cx, y + t.Em(tight ? 0.4f : 0.8f), w, questionH > 0 ? qTop - t.Em(0.5f) : by - t.Em(0.6f));
        if (questionH > 0) intent = drawDayQuestion(v, s, cx, qTop, w);
    }
    std::vector<ButtonSpec> buttons;
    switch (f.kind) {
        case Feedback::Kind::checked_in:
        case Feedback::Kind::checked_out:
            if (s.undoSecondsLeft > 0)
                buttons.push_back({"feedback.undo", tx("checkin.undo"), ImVec2(bw, bh), ButtonStyle::secondary,
                                   tx.format("checkin.undo_seconds", {{"s", std::to_string(s.undoSecondsLeft)}}), Icon::undo});
            buttons.push_back({"feedback.done", tx("checkin.done"), ImVec2(bw, bh), ButtonStyle::primary, {}, Icon::check});
            break;
        case Feedback::Kind::already_in:
            buttons.push_back({"feedback.checkout", tx("checkin.check_out_now"), ImVec2(bw, bh), ButtonStyle::secondary, {},
                               Icon::arrow_right});
            buttons.push_back({"feedback.done", tx("checkin.stay"), ImVec2(bw, bh), ButtonStyle::primary, {}, Icon::check});
            break;
        case Feedback::Kind::already_out:
            // They tapped their own name to come in: checking in again is the likely answer.
            buttons.push_back({"feedback.done", tx("checkin.done"), ImVec2(bw, bh), ButtonStyle::secondary, {}, Icon::check});
            buttons.push_back({"feedback.checkin_again", tx("checkin.check_in_again"), ImVec2(bw, bh), ButtonStyle::primary, {},
                               Icon::person});  // the main action on the right, as on every card
            break;
        case Feedback::Kind::not_checked_in:
            // The header has the one "Terug"; the card's way out is "Klaar", and the main action
            // sits on the right like on every other card.
            buttons.push_back({"feedback.done", tx("checkin.done"), ImVec2(bw, bh), ButtonStyle::secondary, {}, Icon::cross});
            buttons.push_back({"feedback.checkin", tx("checkin.check_in_now"), ImVec2(bw, bh), ButtonStyle::primary, {},
                               Icon::person});
            break;
        case Feedback::Kind::pending: break;
        default:
            buttons.push_back({"feedback.done", tx("checkin.done"), ImVec2(bw, bh), ButtonStyle::primary, {}, Icon::check});
            break;
    }
    float bx = cx - (static_cast<float>(buttons.size()) * bw + static_cast<float>(buttons.size() - (buttons.empty() ? 0 : 1)) * gap) * 0.5f;
    for (const auto& b : buttons) {
        ImGui::SetCursorScreenPos(ImVec2(bx, by));
        if (touchButton(b)) {
            const std::string id = b.id;
            if (id == "feedback.undo") intent = Intent::undo();
            else if (id == "feedback.checkout") intent = Intent::checkOut(f.code);
            else if (id == "feedback.checkin") intent = Intent::checkIn(f.code);
            else if (id == "feedback.checkin_again") intent = Intent::checkInAgain(f.code);
            else intent = Intent::dismiss();
        }
        bx += bw + gap;
    }
    return intent;
}

bool drawScreenHeader(const KioskView& v, const std::string& title, const std::string& subtitle) {
    const Theme& t = theme();
    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const float y = origin.y + t.Em(0.9f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + margin, y));
    ButtonSpec backSpec{"header.back", (*v.texts)("common.back"), ImVec2(t.Em(6.5f), t.Em(3.0f)), ButtonStyle::secondary, {}, Icon::back};
    backSpec.readLast = true;  // speech mode: the screen's content first, the way back after it (explore.h rule 3)
    const bool back = touchButton(backSpec);
    const float tx = origin.x + margin + t.Em(8.0f);
    const float w = size.x - margin - tx - t.Em(5.0f);
    // A title too long for the title font wraps onto two lines of the body font before any "…"
    // (the agenda's "Dag 1 van 7 · Rechtsstatelijk vakmanschap" on a portrait stand).
    float ty = y + t.Em(0.1f);
    if (textSize(t.fonts.title, title).x <= w) {
        drawText(t.fonts.title, ImVec2(tx, ty), t.palette.ink, title);
        ty += t.fonts.title->FontSize + t.Em(0.05f);
    } else {
        for (const auto& l : wrapLines(t.fonts.bodyBold, title, w, 2)) {
            drawText(t.fonts.bodyBold, ImVec2(tx, ty), t.palette.ink, l);
            ty += t.em * 1.1f;
        }
    }
    if (!subtitle.empty()) drawText(t.fonts.body, ImVec2(tx, ty), t.palette.muted, fitText(t.fonts.body, subtitle, w));
    const std::string clock = v.local.timeOfDay().hhmm();
    const ImVec2 cs = textSize(t.fonts.title, clock);
    drawText(t.fonts.title, ImVec2(origin.x + size.x - margin - cs.x, y + t.Em(0.1f)), t.palette.ink, clock);
    return back;
}

}  // namespace kiosk::ui
