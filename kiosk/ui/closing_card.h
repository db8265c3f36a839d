// closing_card.h: the day's close on the goodbye card (issue 29, 6), drawn by drawFeedback
// (screen_parts.cpp) below the words "Tot ziens" and above the card's own buttons.
//
// WHAT FITS WHERE. The card's buttons keep their place at the bottom; the question (when the day
// has one and it is not answered yet, or its thanks once it is) is placed directly above them and
// always whole: its text on at most three lines (120 characters, validated) and its answers as buttons of at least 9 mm, in one
// row, or two when one is too narrow. The assignment gets what is left between the words and the
// question: as many lines as fit (at most four), then where to read all of it; with no room for a
// single line, only where to read it.
//
// The question never holds up the check-out: it is on the card only once the check-out is
// committed (Feedback::Kind::checked_out), ignoring it changes nothing, and the card goes home as
// any other (session/navigation.h). A tap on an answer is Intent::answer(i); the session counts it
// without the participant's code (core/day_feedback.h) and the card says thanks.
#pragma once

#include "intent.h"
#include "kiosk_view.h"
#include "ui_state.h"

namespace kiosk::ui {

// The key that says which card an answer was given on (UiState::answeredCard).
std::string answerCardKey(const Feedback& f);

// Height the question block needs at width `w` (0 when the card shows none).
float dayQuestionHeight(const KioskView& v, const UiState& s, float w);
// Draws the question block with its top at `top`; returns the answer tapped, if any.
Intent drawDayQuestion(const KioskView& v, const UiState& s, float cx, float top, float w);
// The assignment until the next day in [top, bottom], and where to read all of it.
void drawClosingAssignment(const KioskView& v, float cx, float top, float w, float bottom);

}  // namespace kiosk::ui
