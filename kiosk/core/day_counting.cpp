// day_counting.cpp: the counting rules (design at the top of day_counting.h).
#include "day_counting.h"

#include <algorithm>

namespace kiosk {

const char* dayCountsKey(DayCounts d) { return d == DayCounts::share ? "share" : "any_check_in"; }

const char* certificateStateKey(CertificateState s) {
    switch (s) {
        case CertificateState::earned: return "earned";
        case CertificateState::reachable: return "reachable";
        case CertificateState::at_risk: return "at_risk";
        case CertificateState::missed: return "missed";
    }
    return "missed";
}

int minutesInProgramme(const DayRecord& r, const ProgrammeDay& day) {
    const int64_t start = fromLocal({day.date, day.startsAt().minutes / 60, day.startsAt().minutes % 60, 0}).ms;
    const int64_t end = fromLocal({day.date, day.endsAt().minutes / 60, day.endsAt().minutes % 60, 0}).ms;
    int64_t ms = 0;
    for (const Interval& i : r.intervals) {
        const int64_t a = std::max(i.in.ms, start);
        const int64_t b = std::min(i.out ? i.out->ms : end, end);
        if (b > a) ms += b - a;
    }
    return static_cast<int>(ms / 60000);
}

int minutesCounted(const DayRecord& r, const ProgrammeDay* day) {
    if (!r.isIn() || !day) return r.minutesPresent;
    const Instant end = fromLocal({day->date, day->endsAt().minutes / 60, day->endsAt().minutes % 60, 0});
    const int64_t open = end.ms - r.intervals.back().in.ms;
    return r.minutesPresent + (open > 0 ? static_cast<int>(open / 60000) : 0);
}

bool dayCounts(const DayRecord& r, const ProgrammeDay* day, const CertificateRule& rule) {
    if (!r.checkIn) return r.excused && rule.excusedCounts;
    if (rule.dayCounts == DayCounts::any_check_in || !day) return true;
    const int hours = day->endsAt().minutes - day->startsAt().minutes;
    if (hours <= 0) return true;
    return minutesInProgramme(r, *day) * 100 >= rule.minSharePercent * hours;
}

bool checkOutForgotten(const DayRecord& r, LocalDate date, const ProgrammeDay* day, Instant now, int graceMinutes) {
    if (!r.isIn()) return false;
    const Instant end = day ? fromLocal({date, day->endsAt().minutes / 60, day->endsAt().minutes % 60, 0})
                            : fromLocal({LocalDate::fromDaysSinceEpoch(date.daysSinceEpoch() + 1), 0, 0, 0});
    return now.ms >= end.ms + int64_t{graceMinutes} * 60000;
}

CertificateState certificateState(int counted, int open, int minDays) {
    if (counted >= minDays) return CertificateState::earned;
    const int needed = minDays - counted;
    if (open > needed) return CertificateState::reachable;
    if (open == needed) return CertificateState::at_risk;
    return CertificateState::missed;
}

int daysNeeded(int minDays, int notEnrolled, int enrolled) {
    if (enrolled <= 0) return std::max(minDays, 1);
    return std::max(1, minDays - notEnrolled);
}

std::string hoursText(int minutes) {
    if (minutes < 0) minutes = 0;
    const int m = minutes % 60;
    return std::to_string(minutes / 60) + (m < 10 ? ":0" : ":") + std::to_string(m);
}

}  // namespace kiosk
