// pin_lockout.h: how often a wrong staff PIN may be tried. Pure, with the clock passed in, and
// serialisable so that the lock-out survives a restart (the app keeps it in the database).
//
// Five wrong tries in a row lock the PIN pad. The first lock-out lasts 30 s and every next one
// twice as long, up to an hour; a right PIN resets everything.
//
// Time: within a run a lock-out is measured on the steady clock (clock.h), so a time sync that
// steps the wall clock neither lifts it nor stretches it. The steady clock's zero changes with
// every boot, so across a restart the lock-out is stored as the wall time it ends, and brought back
// as the time left by the wall clock at start, never more than kMaxLockSeconds (a clock that was
// wrong at boot cannot lock the pad for longer than an hour, nor does a restart lift a lock-out).
#pragma once

#include <optional>
#include <string>

#include "clock.h"

namespace kiosk {

struct PinLockout {
    static constexpr int kTriesBeforeLock = 5;
    static constexpr int kFirstLockSeconds = 30;
    static constexpr int kMaxLockSeconds = 3600;

    int failures = 0;        // wrong tries since the last lock-out (or success)
    int lockouts = 0;        // lock-outs since the last success (each one doubles the next)
    SteadyTime lockedUntil;  // while the steady clock is before this, no try is accepted

    bool locked(SteadyTime now) const { return now < lockedUntil; }
    int secondsLeft(SteadyTime now) const;
    void recordFailure(SteadyTime now);
    void recordSuccess() { *this = PinLockout{}; }

    // "failures lockouts until_ms", until_ms the wall time the lock-out ends (0: not locked).
    std::string serialise(Instant wallNow, SteadyTime now) const;
    // Read back at start: the time left by the wall clock, at most kMaxLockSeconds, from `now`.
    static std::optional<PinLockout> parse(const std::string& s, Instant wallNow, SteadyTime now);
};

}  // namespace kiosk
