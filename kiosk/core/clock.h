// clock.h: the kiosk's sense of "now", injected everywhere so that rules and the exercise player
// can be tested with a fake clock and demos can start at any moment (--now).
#pragma once

#include <atomic>

#include "civil_time.h"

namespace kiosk {

class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

// The system's wall clock.
class SystemClock final : public Clock {
public:
    Instant now() const override;
};

// Starts at a chosen moment and then runs on at real speed (for --now).
class ShiftedClock final : public Clock {
public:
    explicit ShiftedClock(Instant startAt);
    Instant now() const override;

private:
    int64_t offsetMs_ = 0;
};

// Stands still until told to move (tests, the simulated week).
class FakeClock final : public Clock {
public:
    explicit FakeClock(Instant t = {}) : t_(t.ms) {}
    Instant now() const override { return {t_.load()}; }
    void set(Instant t) { t_ = t.ms; }
    void advanceMs(int64_t ms) { t_ += ms; }
    void advanceSeconds(int64_t s) { t_ += s * 1000; }

private:
    std::atomic<int64_t> t_;
};

}  // namespace kiosk
