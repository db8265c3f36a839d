#include "room_chime.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

int chimeStrokes(RoomCue cue) {
    switch (cue) {
        case RoomCue::almost: return 1;
        case RoomCue::time_up: return 2;
        case RoomCue::step_end: return 3;
    }
    return 1;
}

std::optional<RoomCue> RoomCueWatch::observe(const ExercisePlayer& p, SteadyTime now) {
    using State = ExercisePlayer::State;
    using Phase = ExercisePlayer::Phase;
    const State state = p.state();
    const int step = p.stepIndex();
    const Phase phase = state == State::finished ? Phase::normal : p.phase(now);
    const bool known = player_ == &p;
    const State wasState = state_;
    const int wasStep = step_;
    const Phase wasPhase = phase_;
    player_ = &p;
    state_ = state;
    step_ = step;
    phase_ = phase;
    if (!known) return std::nullopt;  // a new run starts silently
    // The end of a step: the run moved on or finished while it was running (3: one cue for a jump).
    if (wasState == State::running && (step != wasStep || state == State::finished)) return RoomCue::step_end;
    if (state != State::running || step != wasStep) return std::nullopt;
    // Within one running step: the latest mark crossed, once (2).
    if (phase == Phase::overtime && wasPhase != Phase::overtime) return RoomCue::time_up;
    if (phase == Phase::ending && wasPhase == Phase::normal) return RoomCue::almost;
    return std::nullopt;
}

std::vector<int16_t> chimeSamples(int strokes, int rate) {
    strokes = std::clamp(strokes, 1, 3);
    rate = std::max(rate, 8000);
    const double gapS = 0.6, ringS = 1.4, pi = std::acos(-1.0);
    const size_t total = static_cast<size_t>((gapS * (strokes - 1) + ringS) * rate);
    std::vector<double> mix(total, 0.0);
    for (int k = 0; k < strokes; ++k) {
        const size_t start = static_cast<size_t>(gapS * k * rate);
        for (size_t i = start; i < total; ++i) {
            const double t = static_cast<double>(i - start) / rate;
            const double attack = std::min(1.0, t / 0.005);
            const double envelope = attack * std::exp(-t * 3.2);
            mix[i] += envelope * (std::sin(2 * pi * 659.25 * t) + 0.3 * std::sin(2 * pi * 1318.5 * t) * std::exp(-t * 3.0));
        }
    }
    double peak = 0;
    for (double v : mix) peak = std::max(peak, std::fabs(v));
    const double gain = peak > 0 ? 0.25 * 32767.0 / peak : 0.0;  // at most a quarter of full scale (4)
    std::vector<int16_t> out(total);
    for (size_t i = 0; i < total; ++i) out[i] = static_cast<int16_t>(std::lround(mix[i] * gain));
    return out;
}

}  // namespace kiosk
