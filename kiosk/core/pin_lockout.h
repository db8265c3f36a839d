// pin_lockout.h: how often a wrong staff PIN may be tried. Pure, with the clock passed in, and
// serialisable so that the lock-out survives a restart (the app keeps it in the database).
//
// 1. Five wrong tries in a row lock the PIN pad. The first lock-out lasts 30 s and every next one
//    twice as long, up to an hour; a right PIN resets everything. Tries during a lock-out are
//    refused and not counted.
// 2. After kFinalLockTries (100, NIST SP 800-63B's limit) wrong tries with no right one between,
//    the pad locks for good: no try is accepted, not even the right PIN, until the secret changes
//    (`set-pin`). The lock-out carries the key of the secret it was counted against (a fingerprint
//    the app gives, never the secret); the app starts afresh when the key differs.
// 3. Time: within a run a lock-out is measured on the steady clock (clock.h), so a time sync that
//    steps the wall clock neither lifts it nor stretches it. The steady clock's zero changes with
//    every boot, so across a restart the lock-out is stored as the wall time it ends, and brought
//    back as the time left by the wall clock at start, never more than kMaxLockSeconds (a clock
//    that was wrong at boot cannot lock the pad for longer than an hour, nor does a restart lift a
//    lock-out). The final lock needs no clock.
// 4. Every counter is bounded (stored values are clamped when read back), so no doubling or count
//    overflows, whatever the stored form says.
#pragma once

#include <optional>
#include <string>

#include "clock.h"

namespace kiosk {

struct PinLockout {
    static constexpr int kTriesBeforeLock = 5;
    static constexpr int kFirstLockSeconds = 30;
    static constexpr int kMaxLockSeconds = 3600;
    static constexpr int kFinalLockTries = 100;

    int failures = 0;        // wrong tries since the last lock-out (or success)
    int lockouts = 0;        // lock-outs since the last success (each one doubles the next)
    int consecutive = 0;     // wrong tries since the last success, at most kFinalLockTries
    SteadyTime lockedUntil;  // while the steady clock is before this, no try is accepted
    std::string key;         // the secret's fingerprint these tries were counted against ("" = none)

    bool finalLock() const { return consecutive >= kFinalLockTries; }
    bool locked(SteadyTime now) const { return finalLock() || now < lockedUntil; }
    int secondsLeft(SteadyTime now) const;  // of a timed lock-out; 0 under the final lock
    void recordFailure(SteadyTime now);
    void recordSuccess() { *this = PinLockout{0, 0, 0, {}, key}; }
    // Counts from now on against the secret with this fingerprint: a lock-out of another secret is
    // dropped (rule 2); one stored without a key (the older form) is taken as this secret's.
    void belongTo(const std::string& secretKey);

    // "failures lockouts until_ms consecutive key", until_ms the wall time the lock-out ends (0: not
    // locked), key "-" when there is none.
    std::string serialise(Instant wallNow, SteadyTime now) const;
    // Read back at start: the time left by the wall clock, at most kMaxLockSeconds, from `now`. The
    // older three-field form (before the final lock) is read too.
    static std::optional<PinLockout> parse(const std::string& s, Instant wallNow, SteadyTime now);
};

}  // namespace kiosk
