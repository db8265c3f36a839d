#include "exercise_parts.h"

#include <algorithm>

#include "step_text.h"

namespace kiosk::ui {

PhaseLook phaseLook(const ExercisePlayer& p, SteadyTime now, const Texts& tx) {
    const Theme& t = theme();
    if (p.state() == ExercisePlayer::State::paused || p.state() == ExercisePlayer::State::stopped)
        return {t.palette.muted, tx("exercise.phase.paused"), Icon::pause};
    switch (p.phase(now)) {
        case ExercisePlayer::Phase::ending: return {t.palette.warning, tx("exercise.phase.ending"), Icon::clock};
        case ExercisePlayer::Phase::overtime: return {t.palette.danger, tx("exercise.phase.overtime"), Icon::warning};
        case ExercisePlayer::Phase::normal: break;
    }
    return {t.palette.success, tx("exercise.phase.running"), Icon::play};
}

float drawCountdownRing(const ExercisePlayer& p, SteadyTime now, const Texts& tx, ImVec2 centre, float radius) {
    const Theme& t = theme();
    const PhaseLook look = phaseLook(p, now, tx);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float thickness = radius * 0.16f;
    const bool overtime = p.phase(now) == ExercisePlayer::Phase::overtime;
    dl->AddCircle(centre, radius, t.palette.secondary.abgr(), 96, thickness);
    const float fraction = overtime ? 1.0f : 1.0f - p.fractionDone(now);
    if (fraction > 0.0f) {
        const float a0 = -1.5707963f;
        dl->PathArcTo(centre, radius, a0, a0 + 6.2831853f * std::min(fraction, 1.0f), 96);
        dl->PathStroke(look.colour.abgr(), 0, thickness);
    }
    const int64_t rem = p.remainingMs(now);
    const std::string time = overtime ? "+" + formatCountdown(-rem) : formatCountdown(rem);
    // Inside the ring's inner edge, with a margin: the widest digits shrink, never spill.
    const float inner = 2.0f * (radius - thickness * 0.5f);
    drawShrunkCentred(t.fonts.display, time, centre, inner * 0.78f, t.palette.ink);
    // The phase in words under the ring (shrunk to the ring's width when the column is narrow).
    const float wy = centre.y + radius + thickness * 0.5f + t.Em(0.4f);
    ImFont* f = t.fonts.title;
    const float maxW = std::max(radius * 2.0f, t.Em(6.0f));
    const ImVec2 ws = textSize(f, look.words);
    const float iconW = t.Em(1.2f);
    const float scale = std::min(1.0f, maxW / (ws.x + iconW));
    const float w = (ws.x + iconW) * scale;
    drawIcon(look.icon, ImVec2(centre.x - w * 0.5f + iconW * scale * 0.4f, wy + ws.y * scale * 0.5f), t.Em(1.0f) * scale, look.colour);
    dl->AddText(f, f->FontSize * scale, ImVec2(centre.x - w * 0.5f + iconW * scale, wy), look.colour.abgr(), look.words.c_str());
    return ws.y * scale + t.Em(0.4f) + thickness * 0.5f;
}

}  // namespace kiosk::ui
