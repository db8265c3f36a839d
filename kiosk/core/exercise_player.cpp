#include "exercise_player.h"

#include <algorithm>
#include <cstdio>

namespace kiosk {

const ExerciseStep* ExercisePlayer::currentStep() const {
    if (state_ == State::finished || exercise_->steps.empty()) return nullptr;
    return &exercise_->steps[static_cast<size_t>(step_)];
}

const ExerciseStep* ExercisePlayer::nextStep() const {
    if (state_ == State::finished || step_ + 1 >= stepCount()) return nullptr;
    return &exercise_->steps[static_cast<size_t>(step_ + 1)];
}

void ExercisePlayer::enterStep(int index, SteadyTime now) {
    step_ = index;
    elapsedBeforeMs_ = 0;
    adjustMs_ = 0;
    runningSince_ = now;
}

void ExercisePlayer::start(SteadyTime now) {
    if (state_ != State::ready) return;
    if (exercise_->steps.empty()) {
        state_ = State::finished;
        return;
    }
    state_ = State::running;
    enterStep(0, now);
}

void ExercisePlayer::pause(SteadyTime now) {
    if (state_ != State::running) return;
    elapsedBeforeMs_ += now.ms - runningSince_.ms;
    state_ = State::paused;
}

void ExercisePlayer::stop(SteadyTime now) {
    if (state_ == State::running) pause(now);
    if (state_ == State::paused) state_ = State::stopped;
}

void ExercisePlayer::resume(SteadyTime now) {
    if (state_ == State::ready) return start(now);
    if (state_ != State::paused && state_ != State::stopped) return;
    runningSince_ = now;
    state_ = State::running;
}

std::optional<StoppedRun> ExercisePlayer::stoppedRun(LocalDate today) const {
    if (state_ != State::stopped) return std::nullopt;
    return StoppedRun{today, step_, elapsedBeforeMs_, adjustMs_, exercise_->id};
}

bool ExercisePlayer::restoreStopped(const StoppedRun& run) {
    if (state_ != State::ready || run.exerciseId != exercise_->id || run.step < 0 || run.step >= stepCount() || run.elapsedMs < 0)
        return false;
    const int64_t base = static_cast<int64_t>(exercise_->steps[static_cast<size_t>(run.step)].seconds) * 1000;
    if (base + run.adjustMs < static_cast<int64_t>(kMinStepSeconds) * 1000) return false;
    step_ = run.step;
    elapsedBeforeMs_ = run.elapsedMs;
    adjustMs_ = run.adjustMs;
    state_ = State::stopped;
    return true;
}

std::string StoppedRun::serialise() const {
    return date.iso() + "|" + std::to_string(step) + "|" + std::to_string(elapsedMs) + "|" + std::to_string(adjustMs) + "|" + exerciseId;
}

std::optional<StoppedRun> StoppedRun::parse(const std::string& text) {
    StoppedRun r;
    size_t at = 0;
    auto field = [&](std::string& out) {
        const auto bar = text.find('|', at);
        if (bar == std::string::npos) return false;
        out = text.substr(at, bar - at);
        at = bar + 1;
        return true;
    };
    auto number = [](const std::string& f, int64_t& out) {
        if (f.empty() || f.size() > 18) return false;
        size_t i = f[0] == '-' ? 1 : 0;
        if (i == f.size()) return false;
        for (size_t k = i; k < f.size(); ++k)
            if (f[k] < '0' || f[k] > '9') return false;
        out = std::stoll(f);
        return true;
    };
    std::string date, step, elapsed, adjust;
    if (!field(date) || !field(step) || !field(elapsed) || !field(adjust)) return std::nullopt;
    r.exerciseId = text.substr(at);
    const auto d = LocalDate::parse(date);
    int64_t s = 0;
    if (!d || r.exerciseId.empty() || !number(step, s) || s < 0 || s > 10000 || !number(elapsed, r.elapsedMs) || r.elapsedMs < 0 ||
        !number(adjust, r.adjustMs))
        return std::nullopt;
    r.date = *d;
    r.step = static_cast<int>(s);
    return r;
}

void ExercisePlayer::next(SteadyTime now) {
    if (state_ == State::ready) return start(now);
    if (state_ == State::finished || state_ == State::stopped) return;
    if (step_ + 1 >= stepCount()) return finish();
    enterStep(step_ + 1, now);
}

void ExercisePlayer::previous(SteadyTime now) {
    if (state_ == State::ready || state_ == State::finished || state_ == State::stopped) return;
    enterStep(std::max(0, step_ - 1), now);
}

void ExercisePlayer::addMinutes(int minutes, SteadyTime now) {
    if (state_ != State::running && state_ != State::paused) return;
    const int64_t base = static_cast<int64_t>(currentStep()->seconds) * 1000;
    adjustMs_ += static_cast<int64_t>(minutes) * 60000;
    adjustMs_ = std::max(adjustMs_, static_cast<int64_t>(kMinStepSeconds) * 1000 - base);
    tick(now);
}

void ExercisePlayer::tick(SteadyTime now) {
    if (!exercise_->autoAdvance) return;
    // After a long gap several steps may be over: move on step by step, carrying the extra time.
    while (state_ == State::running && remainingMs(now) <= 0) {
        const SteadyTime stepEnd{now.ms + remainingMs(now)};  // when this step reached zero
        if (step_ + 1 >= stepCount()) {
            finish();
            return;
        }
        enterStep(step_ + 1, stepEnd);
    }
}

int64_t ExercisePlayer::elapsedMs(SteadyTime now) const {
    switch (state_) {
        case State::running: return elapsedBeforeMs_ + std::max<int64_t>(0, now.ms - runningSince_.ms);
        case State::paused:
        case State::stopped: return elapsedBeforeMs_;
        default: return 0;
    }
}

int64_t ExercisePlayer::durationMs() const {
    const ExerciseStep* s = currentStep();
    return s ? static_cast<int64_t>(s->seconds) * 1000 + adjustMs_ : 0;
}

int64_t ExercisePlayer::remainingMs(SteadyTime now) const { return durationMs() - elapsedMs(now); }

float ExercisePlayer::fractionDone(SteadyTime now) const {
    const int64_t d = durationMs();
    if (d <= 0) return 1.0f;
    return std::clamp(static_cast<float>(elapsedMs(now)) / static_cast<float>(d), 0.0f, 1.0f);
}

ExercisePlayer::Phase ExercisePlayer::phase(SteadyTime now) const {
    const int64_t rem = remainingMs(now);
    if (rem <= 0) return Phase::overtime;
    if (rem * 10 <= durationMs()) return Phase::ending;  // the last 10%
    return Phase::normal;
}

int64_t ExercisePlayer::msSinceTimeUp(SteadyTime now) const {
    const int64_t rem = remainingMs(now);
    return rem <= 0 ? -rem : -1;
}

std::string formatCountdown(int64_t ms) {
    const bool negative = ms < 0;
    // Remaining time rounds up (a step with 0.4 s left still shows 0:01); overtime rounds down.
    int64_t s = negative ? (-ms) / 1000 : (ms + 999) / 1000;
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                      static_cast<long long>((s / 60) % 60), static_cast<long long>(s % 60));
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", static_cast<long long>(s / 60), static_cast<long long>(s % 60));
    return negative && s > 0 ? std::string("\xE2\x88\x92") + buf : std::string(buf);
}

}  // namespace kiosk
