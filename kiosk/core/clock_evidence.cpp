#include "clock_evidence.h"

#include <algorithm>

namespace kiosk {

ClockVerdict judgeDay(LocalDate day, std::optional<LocalDate> newestEvidence, int retentionDays) {
    if (day < kEarliestPlausibleDay) return ClockVerdict::before_kiosk_existed;
    if (newestEvidence && day > newestEvidence->plusDays(std::max(retentionDays, 1))) return ClockVerdict::too_far_ahead;
    return ClockVerdict::plausible;
}

ClockVerdict judgeClock(LocalDate today, std::optional<LocalDate> newestEvidence, int retentionDays) {
    const ClockVerdict v = judgeDay(today, newestEvidence, retentionDays);
    if (v == ClockVerdict::plausible && newestEvidence && today < newestEvidence->plusDays(-1)) return ClockVerdict::behind_records;
    return v;
}

LocalDate evidenceCutoff(LocalDate clockCutoff, std::optional<LocalDate> newestEvidence, int retentionDays) {
    // Without any evidence there is nothing to purge either: the earliest plausible day is a safe bound.
    const LocalDate byEvidence = newestEvidence ? newestEvidence->plusDays(-std::max(retentionDays, 1)) : kEarliestPlausibleDay;
    return std::min(clockCutoff, byEvidence);
}

const char* clockVerdictKey(ClockVerdict v) {
    switch (v) {
        case ClockVerdict::plausible: return "clock.plausible";
        case ClockVerdict::before_kiosk_existed: return "clock.before_kiosk_existed";
        case ClockVerdict::too_far_ahead: return "clock.too_far_ahead";
        case ClockVerdict::behind_records: return "clock.behind_records";
    }
    return "clock.plausible";
}

}  // namespace kiosk
