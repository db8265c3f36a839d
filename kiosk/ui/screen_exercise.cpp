// screen_exercise.cpp: an exercise full screen, read from the back of the room. The step's
// instruction in very large type, a countdown ring that turns amber in the last 10% and red in
// overtime (always with words), group form and cues as icons with words, the next step previewed,
// and large controls at the bottom that fade when nobody touches them. A presenter clicker works
// too (kiosk_session.cpp). The player itself is core/exercise_player.h; this file only draws it.
#include <algorithm>
#include <cmath>

#include "screens.h"
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

// A chip: icon and words, on a quiet background.
float drawChip(ImVec2 pos, Icon icon, const std::string& words) {
    const Theme& t = theme();
    const ImVec2 ts = textSize(t.fonts.bodyBold, words);
    const float h = t.Em(1.7f), iconW = t.Em(1.0f);
    const float w = ts.x + iconW + t.Em(1.4f);
    ImGui::GetWindowDrawList()->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), t.palette.secondary.abgr(), h * 0.5f);
    drawIcon(icon, ImVec2(pos.x + t.Em(0.5f) + iconW * 0.5f, pos.y + h * 0.5f), t.Em(0.8f), t.palette.ink);
    drawText(t.fonts.bodyBold, ImVec2(pos.x + t.Em(0.6f) + iconW + t.Em(0.2f), pos.y + (h - ts.y) * 0.5f), t.palette.ink, words);
    return w;
}

void drawRing(ImVec2 centre, float radius, float fraction, Rgb colour) {
    const Theme& t = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float thickness = radius * 0.16f;
    dl->AddCircle(centre, radius, t.palette.secondary.abgr(), 96, thickness);
    if (fraction <= 0.0f) return;
    const float a0 = -1.5707963f;
    dl->PathArcTo(centre, radius, a0, a0 + 6.2831853f * std::min(fraction, 1.0f), 96);
    dl->PathStroke(colour.abgr(), 0, thickness);
}

Intent drawFinished(const KioskView& v) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float cx = origin.x + size.x * 0.5f;
    float y = origin.y + size.y * 0.25f;
    drawIcon(Icon::check, ImVec2(cx, y), t.Em(4.0f), t.palette.success);
    y += t.Em(3.0f);
    y += drawTextCentred(t.fonts.display, cx, y, size.x - t.Em(4.0f), t.palette.ink, tx("exercise.finished"));
    drawTextCentred(t.fonts.title, cx, y + t.Em(0.5f), size.x - t.Em(4.0f), t.palette.muted, v.player->exercise().title);
    const ImVec2 bs(t.Em(13.0f), t.Em(3.2f));
    ImGui::SetCursorScreenPos(ImVec2(cx - bs.x * 0.5f, origin.y + size.y - t.Em(6.0f)));
    if (touchButton({"go.agenda_after_exercise", tx("exercise.back_to_agenda"), bs, ButtonStyle::primary, {}, Icon::calendar}))
        return Intent::go(Screen::agenda);
    return {};
}

}  // namespace

Intent drawExerciseScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    if (!v.player) return Intent::go(Screen::agenda);
    const ExercisePlayer& p = *v.player;
    if (p.state() == ExercisePlayer::State::finished) return drawFinished(v);
    Intent intent;
    const Exercise& ex = p.exercise();
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const float left = origin.x + margin, right = origin.x + size.x - margin;
    float y = origin.y + t.Em(1.0f);

    // Phase: colour, icon and words together.
    const auto phase = p.phase(v.steady);
    const bool paused = p.state() == ExercisePlayer::State::paused;
    Rgb colour = t.palette.success;
    std::string phaseWords = tx("exercise.phase.running");
    Icon phaseIcon = Icon::play;
    if (phase == ExercisePlayer::Phase::ending) {
        colour = t.palette.warning;
        phaseWords = tx("exercise.phase.ending");
        phaseIcon = Icon::clock;
    } else if (phase == ExercisePlayer::Phase::overtime) {
        colour = t.palette.danger;
        phaseWords = tx("exercise.phase.overtime");
        phaseIcon = Icon::warning;
    }
    if (paused) {
        colour = t.palette.muted;
        phaseWords = tx("exercise.phase.paused");
        phaseIcon = Icon::pause;
    }
    // "Tijd is om": a short flash of the whole screen, then a steady red band.
    const int64_t sinceUp = p.msSinceTimeUp(v.steady);
    const bool flashing = !paused && sinceUp >= 0 && sinceUp < kFlashMs;
    if (flashing && (sinceUp / 400) % 2 == 0)
        ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), t.palette.danger.abgr(80));
    s.animating = flashing;
    if (phase == ExercisePlayer::Phase::overtime && !paused)
        ImGui::GetWindowDrawList()->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + t.Em(0.5f)), t.palette.danger.abgr());

    // Title, step count, group form and cues.
    const std::string stepOf = tx.format("exercise.step_of", {{"n", std::to_string(p.stepIndex() + 1)},
                                                              {"total", std::to_string(p.stepCount())}});
    const ImVec2 so = textSize(t.fonts.title, stepOf);
    drawText(t.fonts.title, ImVec2(left, y), t.palette.ink, fitText(t.fonts.title, ex.title, right - left - so.x - t.Em(2.0f)));
    drawText(t.fonts.title, ImVec2(right - so.x, y), t.palette.muted, stepOf);
    y += t.fonts.title->FontSize + t.Em(0.6f);
    float cx = left;
    std::string form = tx(std::string("exercise.form.") + groupFormKey(ex.groupForm));
    if (ex.groupForm == GroupForm::groups) form = tx.format("exercise.form.groups_of", {{"n", std::to_string(ex.groupSize)}});
    cx += drawChip(ImVec2(cx, y), Icon::person, form) + t.Em(0.5f);
    for (Cue c : ex.cues) cx += drawChip(ImVec2(cx, y), cueIcon(c), tx(std::string("exercise.cue.") + cueKey(c))) + t.Em(0.5f);
    y += t.Em(2.6f);

    // The instruction, large, on the left; the countdown ring on the right.
    const float controlsH = t.Em(3.2f);
    const float bottom = origin.y + size.y - margin * 0.6f - controlsH - t.Em(0.8f);
    const float ringArea = std::min((right - left) * 0.36f, bottom - y);
    const float textW = right - left - ringArea - t.Em(1.5f);
    const ExerciseStep* step = p.currentStep();
    const auto lines = wrapLines(t.fonts.large, step ? step->text : std::string{}, textW, 6);
    float ty = y + t.Em(0.4f);
    for (const auto& l : lines) {
        drawText(t.fonts.large, ImVec2(left, ty), t.palette.ink, l);
        ty += t.fonts.large->FontSize * 1.12f;
    }
    if (const ExerciseStep* next = p.nextStep()) {
        const std::string preview = tx("exercise.next") + ": " + next->text;
        const float py = std::max(ty + t.Em(0.8f), bottom - t.Em(2.6f));
        const auto pl = wrapLines(t.fonts.body, preview, textW, 2);
        for (size_t i = 0; i < pl.size(); ++i)
            drawText(t.fonts.body, ImVec2(left, py + static_cast<float>(i) * t.em * 1.2f), t.palette.muted, pl[i]);
    }

    const float radius = ringArea * 0.40f;
    const ImVec2 centre(right - ringArea * 0.5f, y + radius + t.Em(0.6f));
    drawRing(centre, radius, phase == ExercisePlayer::Phase::overtime ? 1.0f : 1.0f - p.fractionDone(v.steady), colour);
    const int64_t rem = p.remainingMs(v.steady);
    const std::string time = phase == ExercisePlayer::Phase::overtime ? "+" + formatCountdown(-rem) : formatCountdown(rem);
    const ImVec2 ts = textSize(t.fonts.display, time);
    drawText(t.fonts.display, ImVec2(centre.x - ts.x * 0.5f, centre.y - ts.y * 0.5f), t.palette.ink, time);
    const ImVec2 ws = textSize(t.fonts.title, phaseWords);
    const float wy = centre.y + radius + t.Em(0.8f);
    drawIcon(phaseIcon, ImVec2(centre.x - ws.x * 0.5f - t.Em(0.8f), wy + ws.y * 0.5f), t.Em(1.0f), colour);
    drawText(t.fonts.title, ImVec2(centre.x - ws.x * 0.5f + t.Em(0.2f), wy), colour, phaseWords);

    // Controls: large, at the bottom, fading when not touched.
    const float fade = v.msSinceInput > kFadeAfterMs ? 0.35f : 1.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, fade);
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
        {"player.pause", tx(paused ? "exercise.resume" : "exercise.pause"), paused ? Icon::play : Icon::pause,
         PlayerCommand::toggle_pause, ButtonStyle::primary},
        {"player.plus", tx("exercise.plus_minute"), Icon::none, PlayerCommand::plus_minute, ButtonStyle::secondary},
        {"player.next", tx("exercise.next_step"), Icon::arrow_right, PlayerCommand::next, ButtonStyle::secondary},
        {"player.end", tx("exercise.end"), Icon::cross, PlayerCommand::end, ButtonStyle::quiet},
    };
    const float gap = t.Em(0.5f);
    const float bw = (right - left - gap * 5) / 6.0f;
    float bx = left;
    for (const auto& c : controls) {
        ImGui::SetCursorScreenPos(ImVec2(bx, bottom + t.Em(0.8f)));
        if (touchButton({c.id, c.label, ImVec2(bw, controlsH), c.style, {}, c.icon})) intent = Intent::player(c.command);
        bx += bw + gap;
    }
    ImGui::PopStyleVar();
    return intent;
}

}  // namespace kiosk::ui
