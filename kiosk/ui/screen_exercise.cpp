// screen_exercise.cpp: an exercise full screen, read from the back of the room. The step's
// instruction in very large type that fits itself (step_text.h) and pages when it must, a
// countdown ring that turns amber in the last 10% and red in overtime (always with words), group
// form and cues as icons with words, the next step previewed, and large controls at the bottom
// that fade (to 4.5:1, never less) when nobody touches them. A presenter clicker works too
// (kiosk_session.cpp): it reads a paged step page by page before it moves on.
//
// ARRANGEMENT (the numbers are core/step_text_fit.h's stepTextBox, so check-config agrees):
//   landscape: header band (title, step n of m, Stoppen), chips, text left | ring right,
//              preview, one row of controls;
//   portrait:  header band, chips, ring, text at full width, preview, two rows of controls.
//
// SAFE STOP: "Stoppen" sits in the header, far from "Volgende", and asks first. A stopped run
// shows where it stopped and resumes at that step; "Oefening afgerond" only after the last step.
#include <algorithm>
#include <cmath>

#include "core/step_text_fit.h"
#include "exercise_parts.h"
#include "layout.h"
#include "screens.h"
#include "step_text.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

constexpr int64_t kFlashMs = 3000;       // "tijd is om" flashes this long, then stays steady
constexpr int64_t kFadeAfterMs = 6000;   // controls fade after this long without a touch

Icon cueIcon(Cue c) {
    switch (c) {
        case Cue::stand: return Icon::person;
        case Cue::walk: return Icon::arrow_right;
        case Cue::silence: return Icon::pause;
        case Cue::pairs: return Icon::person;
        case Cue::reflect: return Icon::clock;
    }
    return Icon::none;
}

float chipWidth(const std::string& words) {
    const Theme& t = theme();
    return textSize(t.fonts.bodyBold, words).x + t.Em(2.4f);
}

// A chip: icon and words, on a quiet background.
void drawChip(ImVec2 pos, Icon icon, const std::string& words) {
    const Theme& t = theme();
    const ImVec2 ts = textSize(t.fonts.bodyBold, words);
    const float h = t.Em(1.7f), iconW = t.Em(1.0f);
    const float w = chipWidth(words);
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), t.palette.secondary.abgr(), h * 0.5f);
    drawIcon(icon, ImVec2(pos.x + t.Em(0.5f) + iconW * 0.5f, pos.y + h * 0.5f), t.Em(0.8f), t.palette.ink);
    drawText(t.fonts.bodyBold, ImVec2(pos.x + t.Em(0.6f) + iconW + t.Em(0.2f), pos.y + (h - ts.y) * 0.5f), t.palette.ink, words);
}

// Where "back" goes from the end of a run: the room display when it is pinned, else the agenda.
Intent back(const UiState& s) { return Intent::go(s.roomPinned ? Screen::room : Screen::agenda); }

// Two buttons side by side (landscape) or stacked (portrait), centred under `y`.
void twoButtons(float y, const ButtonSpec& a, const ButtonSpec& b, Intent& intent, const Intent& ia, const Intent& ib) {
    const Theme& t = theme();
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const bool portrait = layout().portrait;
    const float gap = t.Em(0.8f);
    const float w = std::min(t.Em(14.0f), portrait ? size.x - t.Em(3.0f) : (size.x - t.Em(3.0f) - gap) * 0.5f);
    const float h = a.size.y;
    ButtonSpec sa = a, sb = b;
    sa.size = sb.size = ImVec2(w, h);
    sa.maxLines = sb.maxLines = 2;
    const float cx = origin.x + size.x * 0.5f;
    ImGui::SetCursorScreenPos(portrait ? ImVec2(cx - w * 0.5f, y) : ImVec2(cx - w - gap * 0.5f, y));
    if (touchButton(sa)) intent = ia;
    ImGui::SetCursorScreenPos(portrait ? ImVec2(cx - w * 0.5f, y + h + gap) : ImVec2(cx + gap * 0.5f, y));
    if (touchButton(sb)) intent = ib;
}

Intent drawEnded(const KioskView& v, const UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const ExercisePlayer& p = *v.player;
    const bool stopped = p.state() == ExercisePlayer::State::stopped;
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float cx = origin.x + size.x * 0.5f, w = size.x - t.Em(4.0f);
    const std::string n = std::to_string(p.stepIndex() + 1), total = std::to_string(p.stepCount());
    const std::string headline = stopped ? tx.format("exercise.stopped", {{"n", n}, {"total", total}}) : tx("exercise.finished");
    const float bh = t.Em(3.2f);
    // Portrait: icon, words and buttons as one group in the middle of the stand (the buttons right
    // under the words, not at the foot of a mostly empty screen). Landscape: buttons at the bottom.
    const bool portrait = layout().portrait;
    const float groupH = t.Em(3.0f) + textSize(t.fonts.display, headline, w).y + t.Em(0.5f) + textSize(t.fonts.title, p.exercise().title, w).y +
                         t.Em(1.5f) + 2 * bh + t.Em(0.8f);
    float y = portrait ? origin.y + std::max(size.y * 0.2f, (size.y - groupH) * 0.45f + t.Em(2.0f)) : origin.y + size.y * 0.2f;
    drawIcon(stopped ? Icon::pause : Icon::check, ImVec2(cx, y), t.Em(4.0f), stopped ? t.palette.muted : t.palette.success);
    y += t.Em(3.0f);
    y += drawTextCentred(t.fonts.display, cx, y, w, t.palette.ink, headline);
    y += drawTextCentred(t.fonts.title, cx, y + t.Em(0.5f), w, t.palette.muted, p.exercise().title) + t.Em(1.5f);
    Intent intent;
    const float by = portrait ? y : std::max(y, origin.y + size.y - t.Em(1.5f) - bh);
    const ButtonSpec toAgenda{"go.agenda_after_exercise", tx("exercise.back_to_agenda"), ImVec2(0, bh),
                              stopped ? ButtonStyle::secondary : ButtonStyle::primary, {}, Icon::calendar};
    if (stopped)
        twoButtons(by, {"player.resume_run", tx.format("exercise.resume_run", {{"n", n}}), ImVec2(0, bh), ButtonStyle::primary, {}, Icon::play},
                   toAgenda, intent, Intent::player(PlayerCommand::resume), back(s));
    else {
        const float bw = std::min(size.x - t.Em(3.0f), t.Em(14.0f));
        ImGui::SetCursorScreenPos(ImVec2(cx - bw * 0.5f, by));
        ButtonSpec b = toAgenda;
        b.size = ImVec2(bw, bh);
        b.maxLines = 2;
        if (touchButton(b)) intent = back(s);
    }
    return intent;
}

// "Oefening stoppen?": a card over the dimmed screen; nothing under it can be tapped meanwhile.
Intent drawStopQuestion(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const ExercisePlayer& p = *v.player;
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), false);  // the whole screen, padding too
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), t.palette.ink.abgr(150));
    dl->PopClipRect();
    const bool portrait = layout().portrait;
    const float cw = std::min(size.x - t.Em(2.0f), t.Em(32.0f));
    const std::string explain = tx.format("exercise.stop_explain", {{"n", std::to_string(p.stepIndex() + 1)},
                                                                     {"total", std::to_string(p.stepCount())}});
    // As high as its words and buttons need.
    const float textH = textSize(t.fonts.title, tx("exercise.stop_ask"), cw - t.Em(2.0f)).y + t.Em(0.3f) +
                        textSize(t.fonts.body, explain, cw - t.Em(2.0f)).y;
    const float ch = t.Em(1.0f) + textH + t.Em(1.2f) + (portrait ? t.Em(6.6f) : t.Em(3.0f)) + t.Em(1.0f);
    const ImVec2 min(origin.x + (size.x - cw) * 0.5f, origin.y + (size.y - ch) * 0.5f);
    drawCard(min, ImVec2(min.x + cw, min.y + ch), t.palette.surface, t.palette.line);
    const float cx = min.x + cw * 0.5f;
    float y = min.y + t.Em(1.0f);
    y += drawTextCentred(t.fonts.title, cx, y, cw - t.Em(2.0f), t.palette.ink, tx("exercise.stop_ask"));
    y += drawTextCentred(t.fonts.body, cx, y + t.Em(0.3f), cw - t.Em(2.0f), t.palette.muted, explain);
    Intent intent;
    const float gap = t.Em(0.6f), bh = t.Em(3.0f);
    const float bw = portrait ? cw - t.Em(2.0f) : (cw - t.Em(2.0f) - gap) * 0.5f;
    const float by = min.y + ch - t.Em(1.0f) - (portrait ? 2 * bh + gap : bh);
    // "Doorgaan" first and primary: the safe answer is the easy one.
    ImGui::SetCursorScreenPos(ImVec2(min.x + t.Em(1.0f), by));
    if (touchButton({"player.stop_no", tx("exercise.stop_no"), ImVec2(bw, bh), ButtonStyle::primary, {}, Icon::play})) s.confirmStop = false;
    ImGui::SetCursorScreenPos(portrait ? ImVec2(min.x + t.Em(1.0f), by + bh + gap) : ImVec2(min.x + t.Em(1.0f) + bw + gap, by));
    if (touchButton({"player.stop_yes", tx("exercise.stop_yes"), ImVec2(bw, bh), ButtonStyle::danger, {}, Icon::cross})) {
        s.confirmStop = false;
        intent = Intent::player(PlayerCommand::stop);
    }
    (void)y;
    return intent;
}

}  // namespace

bool pageStep(UiState& s, PlayerCommand c) {
    if (s.screen != Screen::exercise || s.confirmStop) return false;
    if (c == PlayerCommand::next && s.stepPage + 1 < s.stepPages) {
        ++s.stepPage;
        return true;
    }
    if (c == PlayerCommand::previous && s.stepPage > 0) {
        --s.stepPage;
        return true;
    }
    return false;
}

namespace {

// What the parts of a running exercise's screen share: the player, the screen's box and margins,
// and the fade of the controls. Each part below draws one band of ARRANGEMENT.
struct ExerciseFrame {
    ExerciseFrame(const KioskView& view, UiState& state, const ExercisePlayer& player) : v(view), s(state), p(player) {}
    const KioskView& v;
    UiState& s;
    const ExercisePlayer& p;
    ImVec2 origin, size;
    StepTextBox box;
    bool portrait = false, paused = false;
    float margin = 0, left = 0, right = 0;
    float fade = 1.0f;  // the controls' alpha (exercise_parts.h: never below 4.5:1)
    Intent intent;
};

// "Tijd is om": a short flash of the whole screen (unless the exercise or [room] flash says no), then
// a steady red band; the band and the countdown's minus sign say it without the flash too.
void drawTimeUp(ExerciseFrame& f) {
    const Theme& t = theme();
    const int64_t sinceUp = f.p.msSinceTimeUp(f.v.steady);
    const bool flashOn = f.p.exercise().flash.value_or(!f.v.settings || f.v.settings->roomFlash);
    const bool flashing = flashOn && !f.paused && sinceUp >= 0 && sinceUp < kFlashMs;
    if (flashing && (sinceUp / 400) % 2 == 0)
        ImGui::GetWindowDrawList()->AddRectFilled(f.origin, ImVec2(f.origin.x + f.size.x, f.origin.y + f.size.y), t.palette.danger.abgr(80));
    f.s.animating = flashing;
    if (f.p.phase(f.v.steady) == ExercisePlayer::Phase::overtime && !f.paused)
        ImGui::GetWindowDrawList()->AddRectFilled(f.origin, ImVec2(f.origin.x + f.size.x, f.origin.y + t.Em(0.5f)), t.palette.danger.abgr());
}

// "Stap n van m": in the header band (landscape) or as the first chip (portrait).
struct StepOfLabel {
    std::string text;
    ImFont* font = nullptr;
    ImVec2 size;
};

// The header band: title, step n of m, and "Stoppen" at the far top right (with the room display
// pinned, "Zaalscherm" beside it).
StepOfLabel drawHeaderBand(ExerciseFrame& f) {
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    const float bandTop = f.origin.y + t.Em(0.8f), bandH = t.Em(3.0f);
    const std::string stopLabel = tx("exercise.end");
    const float stopW = textSize(t.fonts.bodyBold, stopLabel).x + t.Em(3.2f);
    if (!f.s.confirmStop) {
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, f.fade);
        ImGui::SetCursorScreenPos(ImVec2(f.right - stopW, bandTop));
        if (touchButton({"player.end", stopLabel, ImVec2(stopW, bandH), ButtonStyle::secondary, {}, Icon::cross})) f.s.confirmStop = true;
        ImGui::PopStyleVar();
    }
    // With the room display pinned: back to it (it shows this run, with the agenda around it).
    float roomW = 0.0f;
    if (f.s.roomPinned) {
        const std::string roomLabel = tx("agenda.room_display");
        roomW = textSize(t.fonts.bodyBold, roomLabel).x + t.Em(3.2f);
        if (!f.s.confirmStop) {
            ImGui::PushStyleVar(ImGuiStyleVar_Alpha, f.fade);
            ImGui::SetCursorScreenPos(ImVec2(f.right - stopW - t.Em(0.6f) - roomW, bandTop));
            if (touchButton({"player.room", roomLabel, ImVec2(roomW, bandH), ButtonStyle::secondary, {}, Icon::calendar}))
                f.intent = Intent::go(Screen::room);
            ImGui::PopStyleVar();
        }
        roomW += t.Em(0.6f);
    }
    StepOfLabel stepOf;
    stepOf.text = tx.format("exercise.step_of", {{"n", std::to_string(f.p.stepIndex() + 1)}, {"total", std::to_string(f.p.stepCount())}});
    stepOf.font = f.portrait ? t.fonts.bodyBold : t.fonts.title;
    stepOf.size = textSize(stepOf.font, stepOf.text);
    const float titleRight = f.right - stopW - roomW - t.Em(1.0f) - (f.portrait ? 0.0f : stepOf.size.x + t.Em(1.0f));
    if (!f.portrait)
        drawText(t.fonts.title, ImVec2(titleRight + t.Em(1.0f), bandTop + (bandH - stepOf.size.y) * 0.5f), t.palette.muted, stepOf.text);
    // The title in one line of the title font, else two of the body font (no "…" before that).
    const std::string& title = f.p.exercise().title;
    const float tw = titleRight - f.left;
    if (textSize(t.fonts.title, title).x <= tw) {
        drawText(t.fonts.title, ImVec2(f.left, bandTop + (bandH - t.fonts.title->FontSize) * 0.5f), t.palette.ink, title);
    } else {
        const auto lines = wrapLines(t.fonts.bodyBold, title, tw, 2);
        const float lh = t.fonts.bodyBold->FontSize * 1.1f;
        float ty = bandTop + (bandH - lh * static_cast<float>(lines.size())) * 0.5f;
        for (const auto& l : lines) {
            drawText(t.fonts.bodyBold, ImVec2(f.left, ty), t.palette.ink, l);
            ty += lh;
        }
    }
    return stepOf;
}

// Chips: group form and cues (and, in portrait, the step count first); they wrap to a new row.
// Returns the bottom of the last row.
float drawChips(const ExerciseFrame& f, const StepOfLabel& stepOf) {
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    const Exercise& ex = f.p.exercise();
    float cy = f.origin.y + t.Em(4.2f);
    float cx = f.left;
    if (f.portrait) {
        drawText(stepOf.font, ImVec2(cx, cy + (t.Em(1.7f) - stepOf.size.y) * 0.5f), t.palette.muted, stepOf.text);
        cx += stepOf.size.x + t.Em(0.8f);
    }
    std::string form = tx(std::string("exercise.form.") + groupFormKey(ex.groupForm));
    if (ex.groupForm == GroupForm::groups) form = tx.format("exercise.form.groups_of", {{"n", std::to_string(ex.groupSize)}});
    std::vector<std::pair<Icon, std::string>> chips{{Icon::person, form}};
    for (Cue c : ex.cues) chips.emplace_back(cueIcon(c), tx(std::string("exercise.cue.") + cueKey(c)));
    for (const auto& [icon, words] : chips) {
        const float w = chipWidth(words);
        if (cx > f.left && cx + w > f.right) {
            cx = f.left;
            cy += t.Em(2.1f);
        }
        drawChip(ImVec2(cx, cy), icon, words);
        cx += w + t.Em(0.5f);
    }
    return cy + t.Em(1.7f);
}

// The countdown ring beside the text (landscape) or above it (portrait). Returns the top of the
// step text's box (portrait: under the ring and its words).
float drawRing(const ExerciseFrame& f, float chipsBottom, float controlsTop) {
    const Theme& t = theme();
    const float contentTop = std::max(f.origin.y + t.Em(6.4f), chipsBottom + t.Em(0.5f));
    ImVec2 centre;
    float radius;
    float boxTop = f.origin.y + f.box.y;
    if (f.portrait) {
        const float d = std::min(f.size.x - 2 * f.margin, f.size.y * 0.22f);
        radius = d * 0.5f * 0.9f;
        centre = ImVec2(f.origin.x + f.size.x * 0.5f, contentTop + d * 0.5f);
        boxTop = std::max(boxTop, contentTop + d + t.Em(2.8f));
    } else {
        boxTop = std::max(boxTop, contentTop);
        const float colLeft = f.origin.x + f.box.x + f.box.width + t.Em(1.5f);
        const float colW = f.right - colLeft, colH = controlsTop - t.Em(0.8f) - contentTop;
        radius = std::max(t.Em(2.0f), std::min(colW * 0.42f, (colH - t.Em(3.0f)) * 0.5f));
        centre = ImVec2(colLeft + colW * 0.5f, contentTop + radius + t.Em(0.3f));
    }
    drawCountdownRing(f.p, f.v.steady, *f.v.texts, centre, radius);
    return boxTop;
}

// The step text in its box, fitted (step_text.h), and the page buttons of a long step under it;
// the clicker pages too.
void drawStepText(ExerciseFrame& f, float boxTop) {
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    UiState& s = f.s;
    const float boxH = f.box.height - (boxTop - (f.origin.y + f.box.y));
    const ExerciseStep* step = f.p.currentStep();
    const FittedText fitted = fitToBox(t.fonts.large, step ? step->text : std::string{}, f.box.width, boxH, f.box.normalPx,
                                       f.box.floorPx, f.box.pagerHeight);
    if (s.stepPageFor != f.p.stepIndex()) {
        s.stepPageFor = f.p.stepIndex();
        s.stepPage = 0;
    }
    s.stepPages = fitted.pages;
    s.stepPage = std::clamp(s.stepPage, 0, fitted.pages - 1);
    drawPage(t.fonts.large, fitted, s.stepPage, ImVec2(f.origin.x + f.box.x, boxTop), t.palette.ink);
    if (fitted.pages <= 1 || s.confirmStop) return;
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, f.fade);
    const float py = boxTop + boxH - t.Em(3.0f);
    const std::string of = tx.format("exercise.page_of", {{"n", std::to_string(s.stepPage + 1)}, {"total", std::to_string(fitted.pages)}});
    const float ofW = textSize(t.fonts.bodyBold, of).x;
    const float bw = std::min(t.Em(9.5f), (f.box.width - ofW - t.Em(2.0f)) * 0.5f);
    const float bx = f.origin.x + f.box.x;
    ImGui::SetCursorScreenPos(ImVec2(bx, py));
    if (touchButton({"player.page_previous", tx("exercise.page_previous"), ImVec2(bw, t.Em(3.0f)), ButtonStyle::secondary, {},
                     Icon::arrow_left, nullptr, s.stepPage > 0, 2}))
        --s.stepPage;
    drawText(t.fonts.bodyBold, ImVec2(bx + bw + t.Em(1.0f), py + (t.Em(3.0f) - t.em) * 0.5f), t.palette.muted, of);
    ImGui::SetCursorScreenPos(ImVec2(bx + bw + ofW + t.Em(2.0f), py));
    if (touchButton({"player.page_next", tx("exercise.page_next"), ImVec2(bw, t.Em(3.0f)), ButtonStyle::primary, {},
                     Icon::arrow_right, nullptr, s.stepPage + 1 < fitted.pages, 2}))
        ++s.stepPage;
    ImGui::PopStyleVar();
}

// The next step previewed above the controls, in two lines at most.
void drawPreview(const ExerciseFrame& f, float controlsTop) {
    const ExerciseStep* next = f.p.nextStep();
    if (!next) return;
    const Theme& t = theme();
    const std::string preview = (*f.v.texts)("exercise.next") + ": " + next->text;
    const float py = controlsTop - t.Em(0.8f) - t.Em(2.4f);
    const auto pl = wrapLines(t.fonts.body, preview, f.portrait ? f.right - f.left : f.box.width, 2);
    for (size_t i = 0; i < pl.size(); ++i) drawText(t.fonts.body, ImVec2(f.left, py + static_cast<float>(i) * t.em * 1.2f), t.palette.muted, pl[i]);
}

// Controls: large, at the bottom; the main one (pause) in the middle in both arrangements.
void drawControls(ExerciseFrame& f, float controlsTop) {
    const Theme& t = theme();
    const Texts& tx = *f.v.texts;
    struct Control {
        const char* id;
        std::string label;
        Icon icon;
        PlayerCommand command;
        ButtonStyle style;
    };
    const Control controls[] = {
        {"player.previous", tx("exercise.previous"), Icon::arrow_left, PlayerCommand::previous, ButtonStyle::secondary},
        {"player.minus", tx("exercise.minus_minute"), Icon::none, PlayerCommand::minus_minute, ButtonStyle::secondary},
        {"player.pause", tx(f.paused ? "exercise.resume" : "exercise.pause"), f.paused ? Icon::play : Icon::pause,
         PlayerCommand::toggle_pause, ButtonStyle::primary},
        {"player.plus", tx("exercise.plus_minute"), Icon::none, PlayerCommand::plus_minute, ButtonStyle::secondary},
        {"player.next", tx("exercise.next_step"), Icon::arrow_right, PlayerCommand::next, ButtonStyle::secondary},
    };
    const float gap = t.Em(0.5f), controlsH = t.Em(3.2f);
    auto place = [&](const Control& c, float x, float y, float w) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        ButtonSpec b{c.id, c.label, ImVec2(w, controlsH), c.style, {}, c.icon, nullptr, true, 2};
        b.floorFont = t.fonts.small;  // a narrow panel: smaller words before any "…"
        if (touchButton(b)) f.intent = Intent::player(c.command);
    };
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, f.fade);
    const float left = f.left, right = f.right;
    if (f.portrait) {
        const float bw3 = (right - left - 2 * gap) / 3.0f, bw2 = (right - left - gap) / 2.0f;
        place(controls[0], left, controlsTop, bw3);
        place(controls[2], left + bw3 + gap, controlsTop, bw3);
        place(controls[4], left + 2 * (bw3 + gap), controlsTop, bw3);
        place(controls[1], left, controlsTop + controlsH + gap, bw2);
        place(controls[3], left + bw2 + gap, controlsTop + controlsH + gap, bw2);
    } else {
        const float bw = (right - left - gap * 4) / 5.0f;
        for (int i = 0; i < 5; ++i) place(controls[i], left + static_cast<float>(i) * (bw + gap), controlsTop, bw);
    }
    ImGui::PopStyleVar();
}

}  // namespace

Intent drawExerciseScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    if (!v.player) return Intent::go(Screen::agenda);
    const ExercisePlayer& p = *v.player;
    if (p.state() == ExercisePlayer::State::finished || p.state() == ExercisePlayer::State::stopped) {
        s.confirmStop = false;
        return drawEnded(v, s);
    }
    ExerciseFrame f(v, s, p);
    f.origin = ImGui::GetWindowPos();
    f.size = ImGui::GetWindowSize();
    f.box = stepTextBox(f.size.x, f.size.y, t.em);
    f.portrait = f.box.portrait;
    f.margin = t.Em(1.5f);
    f.left = f.origin.x + f.margin;
    f.right = f.origin.x + f.size.x - f.margin;
    f.paused = p.state() == ExercisePlayer::State::paused;
    f.fade = v.msSinceInput > kFadeAfterMs && !s.confirmStop ? kFadedControlsAlpha : 1.0f;

    drawTimeUp(f);
    const StepOfLabel stepOf = drawHeaderBand(f);
    const float chipsBottom = drawChips(f, stepOf);
    const float controlsTop = f.origin.y + f.size.y - t.Em(0.9f) - (f.portrait ? t.Em(6.9f) : t.Em(3.2f));
    const float boxTop = drawRing(f, chipsBottom, controlsTop);
    drawStepText(f, boxTop);
    drawPreview(f, controlsTop);
    if (s.confirmStop) return drawStopQuestion(v, s);
    drawControls(f, controlsTop);
    return f.intent;
}

}  // namespace kiosk::ui
