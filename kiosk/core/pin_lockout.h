// pin_lockout.h: how often a wrong staff PIN may be tried. Pure, with the clock passed in, and
// serialisable so that the lock-out survives a restart (the app keeps it in the database).
//
// Five wrong tries in a row lock the PIN pad. The first lock-out lasts 30 s and every next one
// twice as long, up to an hour; a right PIN resets everything.
#pragma once

#include <optional>
#include <string>

#include "civil_time.h"

namespace kiosk {

struct PinLockout {
    static constexpr int kTriesBeforeLock = 5;
    static constexpr int kFirstLockSeconds = 30;
    static constexpr int kMaxLockSeconds = 3600;

    int failures = 0;        // wrong tries since the last lock-out (or success)
    int lockouts = 0;        // lock-outs since the last success (each one doubles the next)
    Instant lockedUntil;     // while now < this, no try is accepted

    bool locked(Instant now) const { return now < lockedUntil; }
    int secondsLeft(Instant now) const;
    void recordFailure(Instant now);
    void recordSuccess() { *this = PinLockout{}; }
    // After the clock was stepped back (an RTC in local time corrected by NTP), a lock-out could
    // reach further than it was ever meant to: never more than kMaxLockSeconds from now.
    void clamp(Instant now) {
        if (lockedUntil > now.plusSeconds(kMaxLockSeconds)) lockedUntil = now.plusSeconds(kMaxLockSeconds);
    }

    std::string serialise() const;                                  // "failures lockouts until_ms"
    static std::optional<PinLockout> parse(const std::string& s);
};

}  // namespace kiosk
