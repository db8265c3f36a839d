// exercise_player.h: the exercise player, a pure state machine driven by an injected clock.
//
// STATE DIAGRAM
//
//              start()               pause()
//   [Ready] ───────────▶ [Running] ─────────▶ [Paused]
//                          │   ▲  ◀───────────   │
//                          │   │     resume()    │
//          next()/previous()   │                 │ next()/previous() (stay paused, new step)
//          addMinutes(±n)  ────┘                 │ addMinutes(±n)
//                          │                     │
//                          │ next() on the last step, or
//                          │ auto-advance past the last step
//                          ▼                     ▼
//                        [Finished] ◀────────────┘
//
//   [Running] or [Paused] ── stop() ──▶ [Stopped] ── resume() ──▶ [Running], at the same step with
//   the time it had. A stop is not an end: "afgerond" (Finished) is reached only when the last
//   step finished, never by stopping early. Stopped counts no time, like Paused; the screen asks
//   before it stops (screen_exercise.cpp).
//
//   Time: a step's elapsed time counts only while Running. Its duration is the configured one
//   plus the minutes added or removed (never below kMinStepSeconds). Past the duration the step
//   is in overtime: remaining() goes negative and keeps counting, nothing stops by itself unless
//   the exercise auto-advances, in which case tick() moves on (also across several steps at once
//   after a long gap). Phases for the screen: normal, ending (the last 10%), overtime.
//   Transitions: start, pause, resume, next, previous, addMinutes, stop (commands); tick (time).
//   Every time passed in is the steady clock (clock.h), never the wall clock: a time sync that
//   steps the wall clock an hour, or midnight, changes nothing in a running step.
//
//   ACROSS A RESTART: only [Stopped] is kept (a StoppedRun: exercise, day, step, the step's time
//   and its added minutes). restoreStopped() takes a new player from [Ready] straight to
//   [Stopped] at that step, from where resume() continues as after any stop. A run that was
//   running when the kiosk went down is not kept: nobody chose to stop it, and its clock is gone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "clock.h"
#include "programme.h"

namespace kiosk {

// A stopped run as the kiosk keeps it across a restart (the database's meta table). Text form:
// "YYYY-MM-DD|step|elapsedMs|adjustMs|exercise-id" (the id last: it may hold any character).
struct StoppedRun {
    LocalDate date;        // the day it was stopped: offered again only on that day
    int step = 0;          // 0-based
    int64_t elapsedMs = 0;  // of that step, before the stop
    int64_t adjustMs = 0;   // minutes added or removed on that step
    std::string exerciseId;
    std::string serialise() const;
    static std::optional<StoppedRun> parse(const std::string& text);  // nullopt when malformed
};

class ExercisePlayer {
public:
    enum class State { ready, running, paused, stopped, finished };
    enum class Phase { normal, ending, overtime };
    static constexpr int kMinStepSeconds = 30;

    explicit ExercisePlayer(const Exercise& exercise) : exercise_(&exercise) {}

    void start(SteadyTime now);
    void pause(SteadyTime now);
    void resume(SteadyTime now);
    void togglePause(SteadyTime now) { state_ == State::running ? pause(now) : resume(now); }
    bool stopped() const { return state_ == State::stopped; }
    void next(SteadyTime now);
    void previous(SteadyTime now);
    void addMinutes(int minutes, SteadyTime now);  // + or -
    void stop(SteadyTime now);                     // Running/Paused -> Stopped (resumable)
    void tick(SteadyTime now);                     // auto-advance
    // Stopped only: the run as it can be kept, for `today`. Otherwise nullopt.
    std::optional<StoppedRun> stoppedRun(LocalDate today) const;
    // Ready -> Stopped at the kept step; false (and still Ready) when the step is not in this
    // exercise (its file changed) or the times make no sense.
    bool restoreStopped(const StoppedRun& run);

    State state() const { return state_; }
    int stepIndex() const { return step_; }
    int stepCount() const { return static_cast<int>(exercise_->steps.size()); }
    const ExerciseStep* currentStep() const;
    const ExerciseStep* nextStep() const;
    const Exercise& exercise() const { return *exercise_; }

    int64_t elapsedMs(SteadyTime now) const;     // of the current step
    int64_t durationMs() const;               // of the current step, with adjustments
    int64_t remainingMs(SteadyTime now) const;   // negative in overtime
    float fractionDone(SteadyTime now) const;    // 0..1 (1 in overtime)
    Phase phase(SteadyTime now) const;
    // Milliseconds since the step reached zero (for the "time is up" flash); -1 before that.
    int64_t msSinceTimeUp(SteadyTime now) const;

private:
    void enterStep(int index, SteadyTime now);
    void finish() { state_ = State::finished; }

    const Exercise* exercise_;
    State state_ = State::ready;
    int step_ = 0;
    int64_t elapsedBeforeMs_ = 0;  // running time of this step before the current run
    SteadyTime runningSince_;        // valid while Running
    int64_t adjustMs_ = 0;         // minutes added or removed on this step
};

// "12:05" for 725 s; "−1:30" in overtime (a real minus sign), "1:02:00" above an hour.
std::string formatCountdown(int64_t ms);

}  // namespace kiosk
