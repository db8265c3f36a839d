#include "pin_lockout.h"

#include <algorithm>
#include <sstream>

namespace kiosk {

int PinLockout::secondsLeft(Instant now) const {
    if (!locked(now)) return 0;
    return static_cast<int>((lockedUntil.ms - now.ms + 999) / 1000);
}

void PinLockout::recordFailure(Instant now) {
    if (locked(now)) return;  // tries during a lock-out are not even counted: they are refused
    if (++failures < kTriesBeforeLock) return;
    const int seconds = std::min(kMaxLockSeconds, kFirstLockSeconds << std::min(lockouts, 7));
    lockedUntil = now.plusSeconds(seconds);
    ++lockouts;
    failures = 0;
}

std::string PinLockout::serialise() const {
    return std::to_string(failures) + " " + std::to_string(lockouts) + " " + std::to_string(lockedUntil.ms);
}

std::optional<PinLockout> PinLockout::parse(const std::string& s) {
    std::istringstream in(s);
    PinLockout p;
    long long until = 0;
    if (!(in >> p.failures >> p.lockouts >> until) || p.failures < 0 || p.lockouts < 0) return std::nullopt;
    std::string rest;
    if (in >> rest) return std::nullopt;
    p.lockedUntil = {until};
    return p;
}

}  // namespace kiosk
