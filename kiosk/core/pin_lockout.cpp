#include "pin_lockout.h"

#include <algorithm>
#include <sstream>

namespace kiosk {

int PinLockout::secondsLeft(SteadyTime now) const {
    if (!locked(now)) return 0;
    return static_cast<int>((msBetween(now, lockedUntil) + 999) / 1000);
}

void PinLockout::recordFailure(SteadyTime now) {
    if (locked(now)) return;  // tries during a lock-out are not even counted: they are refused
    if (++failures < kTriesBeforeLock) return;
    const int seconds = std::min(kMaxLockSeconds, kFirstLockSeconds << std::min(lockouts, 7));
    lockedUntil = now.plusMs(static_cast<int64_t>(seconds) * 1000);
    ++lockouts;
    failures = 0;
}

std::string PinLockout::serialise(Instant wallNow, SteadyTime now) const {
    const long long until = locked(now) ? wallNow.ms + msBetween(now, lockedUntil) : 0;
    return std::to_string(failures) + " " + std::to_string(lockouts) + " " + std::to_string(until);
}

std::optional<PinLockout> PinLockout::parse(const std::string& s, Instant wallNow, SteadyTime now) {
    std::istringstream in(s);
    PinLockout p;
    long long until = 0;
    if (!(in >> p.failures >> p.lockouts >> until) || p.failures < 0 || p.lockouts < 0) return std::nullopt;
    std::string rest;
    if (in >> rest) return std::nullopt;
    const int64_t leftMs = std::clamp<int64_t>(until - wallNow.ms, 0, static_cast<int64_t>(kMaxLockSeconds) * 1000);
    p.lockedUntil = leftMs > 0 ? now.plusMs(leftMs) : SteadyTime{};
    return p;
}

}  // namespace kiosk
