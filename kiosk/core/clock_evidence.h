// clock_evidence.h: what the kiosk may believe of its own clock, judged against its own records.
//
// RULES (the store applies them in its append path and in purge(); see attendance_db.h)
//   1. A timestamp before kEarliestPlausibleDay is a wrong clock (a box that lost its RTC battery
//      starts in 1970 or 2000): such an event is refused when written, never stored.
//   2. A timestamp more than `retentionDays` after the newest recorded event is refused as well.
//      Accepting it would make the next purge treat every real record as expired: the one thing a
//      clock set a year ahead must never achieve. The price: after a real pause longer than the
//      retention period, check-ins are refused with a clock warning until staff confirm the clock
//      (the store's confirmClock()), which then counts as evidence like a recorded event.
//   3. Purge cut-off = min(today by the clock, newest evidence) - retention. No clock setting can
//      delete a record that the data itself does not show to be older than the retention period;
//      events stamped before kEarliestPlausibleDay are never purged by age (their age is unknown).
#pragma once

#include <optional>

#include "core/civil_time.h"

namespace kiosk {

inline constexpr LocalDate kEarliestPlausibleDay{2025, 1, 1};  // the kiosk did not exist before

enum class ClockVerdict { plausible, before_kiosk_existed, too_far_ahead, behind_records };

// Rule 1 and 2 for one day an event is stamped with. `newestEvidence`: the newest day the store has
// recorded or confirmed (none for an empty store: then only rule 1 applies).
ClockVerdict judgeDay(LocalDate day, std::optional<LocalDate> newestEvidence, int retentionDays);

// For a warning (doctor, the staff Status page): the clock's today judged like an event's day, and
// also `behind_records` when it is more than a day before the newest evidence (allowed, but wrong).
ClockVerdict judgeClock(LocalDate today, std::optional<LocalDate> newestEvidence, int retentionDays);

// Rule 3. `clockCutoff` is what the clock alone would say (today - retention).
LocalDate evidenceCutoff(LocalDate clockCutoff, std::optional<LocalDate> newestEvidence, int retentionDays);

// "catalogue key" for a verdict, under "clock." (the Dutch and English words for a warning).
const char* clockVerdictKey(ClockVerdict v);

}  // namespace kiosk
