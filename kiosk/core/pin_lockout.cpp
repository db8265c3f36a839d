#include "pin_lockout.h"

#include <algorithm>
#include <sstream>

namespace kiosk {

int PinLockout::secondsLeft(SteadyTime now) const {
    if (!(now < lockedUntil)) return 0;
    return static_cast<int>((msBetween(now, lockedUntil) + 999) / 1000);
}

void PinLockout::recordFailure(SteadyTime now) {
    if (locked(now)) return;  // tries during a lock-out are not even counted: they are refused
    consecutive = std::min(consecutive + 1, kFinalLockTries);
    if (++failures < kTriesBeforeLock) return;
    const int seconds = std::min(kMaxLockSeconds, kFirstLockSeconds << std::min(lockouts, 7));
    lockedUntil = now.plusMs(static_cast<int64_t>(seconds) * 1000);
    lockouts = std::min(lockouts + 1, kFinalLockTries);
    failures = 0;
}

void PinLockout::belongTo(const std::string& secretKey) {
    if (key.empty()) key = secretKey;
    else if (key != secretKey) *this = PinLockout{0, 0, 0, {}, secretKey};
}

std::string PinLockout::serialise(Instant wallNow, SteadyTime now) const {
    const long long until = now < lockedUntil ? wallNow.ms + msBetween(now, lockedUntil) : 0;
    return std::to_string(failures) + " " + std::to_string(lockouts) + " " + std::to_string(until) + " " +
           std::to_string(consecutive) + " " + (key.empty() ? "-" : key);
}

std::optional<PinLockout> PinLockout::parse(const std::string& s, Instant wallNow, SteadyTime now) {
    std::istringstream in(s);
    PinLockout p;
    long long until = 0;
    if (!(in >> p.failures >> p.lockouts >> until) || p.failures < 0 || p.lockouts < 0) return std::nullopt;
    if (std::string more; in >> more) {  // the form with the final lock: consecutive and key
        try {
            size_t used = 0;
            const long long n = std::stoll(more, &used);
            if (used != more.size() || n < 0) return std::nullopt;
            p.consecutive = static_cast<int>(std::min<long long>(n, kFinalLockTries));
        } catch (const std::exception&) {
            return std::nullopt;
        }
        if (!(in >> p.key)) return std::nullopt;
        if (p.key == "-") p.key.clear();
        if (std::string rest; in >> rest) return std::nullopt;
    }
    p.failures = std::min(p.failures, kTriesBeforeLock);
    p.lockouts = std::min(p.lockouts, kFinalLockTries);
    const int64_t leftMs = std::clamp<int64_t>(until - wallNow.ms, 0, static_cast<int64_t>(kMaxLockSeconds) * 1000);
    p.lockedUntil = leftMs > 0 ? now.plusMs(leftMs) : SteadyTime{};
    return p;
}

}  // namespace kiosk
