// day_counting.h: whether a day counts towards the certificate, and what the record says about the
// whole programme (issue 29). Pure: the caller passes the day's record, its programme day and "now".
//
// 1. A DAY COUNTS (dayCounts) by [attendance] day_counts:
//    - any_check_in (the default): a check-in that day, however short.
//    - share: the minutes present inside the day's programme hours (first agenda start to last
//      agenda end), summed over the day's intervals, are at least min_share_percent of those
//      hours (whole minutes; exactly at the percentage counts). Without a programme day a
//      check-in counts (there are no hours to share).
//    An excused day (DayRecord::excused) counts only when excused_counts_for_certificate is on.
// 2. A FORGOTTEN CHECK-OUT (checkOutForgotten): an interval still open when the programme day has
//    ended plus forgotten_checkout_grace_minutes (the local end time on that date, so a DST Sunday
//    and a look the morning after both read it right). Nothing is written: the open interval stays
//    as it is for staff to confirm or correct (a set_check_out). Until then it counts as present
//    until the programme's end: for any_check_in the day counts; for share the open interval runs
//    to the end of the programme hours (minutesInProgramme). That is the benefit of the doubt, and
//    every place that counts it also shows "uitchecken vergeten".
// 3. THE CERTIFICATE STATE (certificateState) from the days that count, the days still open (to
//    come, not known to be missed) and the minimum: earned when counted >= min; at_risk when the
//    open days are exactly what is still needed (one more missed day and it is gone); reachable
//    when more open days are left than needed; missed otherwise. A day to come that is excused
//    (and excusals do not count) is not open: it is known to be missed.
// 4. LATE JOINERS AND LEAVERS (issue 30). A day before the person's first enrolled date or after
//    their last (Participant::from / until) without a check-in is "n.v.t." (DayStatus::not_enrolled):
//    not a day present, not a miss, not open. The rule keeps how many days one may miss: 6 of 7
//    allows one missed day, so someone enrolled on 6 of the 7 days needs 5 (daysNeeded: the minimum
//    less the days not enrolled, at least 1). Someone enrolled on none of the cohort's days cannot
//    earn it. A check-in on such a day (they came after all) makes it a day like any other.
#pragma once

#include <optional>
#include <string>

#include "attendance.h"
#include "kiosk_settings.h"
#include "programme.h"

namespace kiosk {

enum class CertificateState {
    earned,     // the days that count reach the minimum
    reachable,  // not yet, with more days to come than needed
    at_risk,    // not yet, and every day to come is needed ("geen dag meer te missen")
    missed,     // no longer possible
};
const char* certificateStateKey(CertificateState s);  // catalogue: matrix.certificate.<key>

struct CertificateRule {
    int minDays = 6;                 // days that count, needed for the certificate
    DayCounts dayCounts = DayCounts::any_check_in;
    int minSharePercent = 75;        // for DayCounts::share
    bool excusedCounts = false;      // an excused day counts as a day
    int maxCatchUps = 1;             // made-up days that count (catch_up.h)
    static CertificateRule from(const KioskSettings& s) {
        return {s.certificateMinDays, s.dayCounts, s.minSharePercent, s.excusedCountsForCertificate, s.maxCatchUps};
    }
    // The rule of one cohort: its own [[cohort]] certificate_min_days, else this one's minimum.
    CertificateRule forCohort(const Cohort* c) const {
        CertificateRule r = *this;
        if (c && c->certificateMinDays) r.minDays = *c->certificateMinDays;
        return r;
    }
};

// Minutes present inside the programme hours of `day` (rule 1; an open interval runs to the end).
int minutesInProgramme(const DayRecord& r, const ProgrammeDay& day);
// The minutes present of the day for a statement: closed intervals, and an open one to the end of
// the programme hours (rule 2); without a programme day closed intervals only.
int minutesCounted(const DayRecord& r, const ProgrammeDay* day);
// Whether the day counts towards the certificate (rule 1).
bool dayCounts(const DayRecord& r, const ProgrammeDay* day, const CertificateRule& rule);
// Whether the day's open interval is a forgotten check-out at `now` (rule 2). Without a programme
// day the day "ends" at midnight. `graceMinutes`: AttendanceRules::forgottenGraceMinutes.
bool checkOutForgotten(const DayRecord& r, LocalDate date, const ProgrammeDay* day, Instant now, int graceMinutes);
// The state from days counted, days still open and the minimum (rule 3).
CertificateState certificateState(int counted, int open, int minDays);
// The days a person needs (rule 4): `minDays` less the days not enrolled, at least 1; with no
// enrolled day more than there are (never earned).
int daysNeeded(int minDays, int notEnrolled, int enrolled);

// Minutes as hours present, "6:30" (h:mm; the way Dutch time sheets write hours).
std::string hoursText(int minutes);


}  // namespace kiosk
