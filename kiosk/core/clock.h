// clock.h: the kiosk's sense of "now", injected everywhere so that rules and the exercise player
// can be tested with a fake clock and demos can start at any moment (--now).
//
// Two sources, for two questions:
//   now()    the wall clock (Instant): the time of day, the agenda, the date a check-in counts for,
//            every event's timestamp. It can be stepped at any moment (time sync after boot,
//            someone fixing the time) and then jumps, forward or back.
//   steady() a monotonic count (SteadyTime) that only ever runs forward at real speed: every
//            duration measured within a run goes by it: exercise step timers and pause, how long
//            a card stays up, inactivity back to home, dimming, staff auto-lock, PIN lock-outs.
//            Its zero is arbitrary (boot), so it is never stored; a lock-out that must survive a
//            restart is stored as wall time and brought back as time left (pin_lockout.h).
#pragma once

#include <atomic>
#include <compare>
#include <cstdint>

#include "civil_time.h"

namespace kiosk {

// A point on the monotonic clock, in milliseconds from an arbitrary zero.
struct SteadyTime {
    int64_t ms = 0;
    friend auto operator<=>(const SteadyTime&, const SteadyTime&) = default;
    SteadyTime plusMs(int64_t d) const { return {ms + d}; }
};
inline int64_t msBetween(SteadyTime from, SteadyTime to) { return to.ms - from.ms; }

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
    virtual SteadyTime steady() const = 0;
};

// The system's wall clock and std::chrono::steady_clock.
class SystemClock final : public Clock {
public:
    Instant now() const override;
    SteadyTime steady() const override;
};

// Starts at a chosen moment and then runs on at real speed (for --now).
class ShiftedClock final : public Clock {
public:
    explicit ShiftedClock(Instant startAt);
    Instant now() const override;
    SteadyTime steady() const override;

private:
    int64_t offsetMs_ = 0;
};

// Stands still until told to move (tests, the simulated week). Time passing moves both clocks
// (advanceMs, advanceSeconds, and set(), which moves the steady clock by as much as the wall);
// stepWallMs() moves only the wall clock, as a time sync or a hand-set clock does.
class FakeClock final : public Clock {
public:
    explicit FakeClock(Instant t = {}) : t_(t.ms), steady_(1'000'000) {}
    Instant now() const override { return {t_.load()}; }
    SteadyTime steady() const override { return {steady_.load()}; }
    void set(Instant t) { steady_ += t.ms - t_.exchange(t.ms); }
    void advanceMs(int64_t ms) {
        t_ += ms;
        steady_ += ms;
    }
    void advanceSeconds(int64_t s) { advanceMs(s * 1000); }
    void stepWallMs(int64_t ms) { t_ += ms; }

private:
    std::atomic<int64_t> t_;
    std::atomic<int64_t> steady_;
};

}  // namespace kiosk
