// civil_time.h: dates and times as people at the venue read them.
//
// The kiosk counts attendance per *local* day (Europe/Amsterdam at the venue): a check-in at 23:59
// belongs to that day, one at 00:01 to the next, also on the nights the clocks change. Instants are
// UTC milliseconds; conversion to local civil time goes through the C library and the TZ
// environment (tzdata), so tests can set TZ and get the same answers as the venue.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// A moment in time: milliseconds since 1970-01-01T00:00Z.
struct Instant {
    int64_t ms = 0;
    friend auto operator<=>(const Instant&, const Instant&) = default;
    Instant plusSeconds(int64_t s) const { return {ms + s * 1000}; }
};

// A calendar date with no time zone (the day a check-in counts for).
struct LocalDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    friend auto operator<=>(const LocalDate&, const LocalDate&) = default;

    static std::optional<LocalDate> parse(std::string_view iso);  // "YYYY-MM-DD", validated
    std::string iso() const;                                       // "YYYY-MM-DD"
    int64_t daysSinceEpoch() const;                                // 1970-01-01 is 0
    static LocalDate fromDaysSinceEpoch(int64_t days);
    LocalDate plusDays(int n) const { return fromDaysSinceEpoch(daysSinceEpoch() + n); }
    int weekday() const;  // 0 = Monday .. 6 = Sunday (ISO)
};

// A wall-clock time of day in minutes after midnight; "HH:MM".
struct TimeOfDay {
    int minutes = 0;  // 0..1439
    friend auto operator<=>(const TimeOfDay&, const TimeOfDay&) = default;
    static std::optional<TimeOfDay> parse(std::string_view hhmm);  // "9:05" or "09:05"
    std::string hhmm() const;                                       // "09:05"
};

struct LocalDateTime {
    LocalDate date;
    int hour = 0, minute = 0, second = 0;
    static std::optional<LocalDateTime> parse(std::string_view iso);  // "YYYY-MM-DDTHH:MM[:SS]"
    TimeOfDay timeOfDay() const { return {hour * 60 + minute}; }
};

// Local civil time for an instant, in the process's time zone (TZ).
LocalDateTime toLocal(Instant t);
// The instant of a local civil time. A time that does not exist (the hour skipped in spring) is
// taken as the same wall time after the jump; an ambiguous one (autumn) as the first occurrence.
Instant fromLocal(const LocalDateTime& t);
inline LocalDate localDateOf(Instant t) { return toLocal(t).date; }

bool isLeapYear(int year);
int daysInMonth(int year, int month);

// Dutch and English renderings ("donderdag 26 november 2026" / "Thursday 26 November 2026").
enum class Lang { nl, en };
std::string weekdayName(int isoWeekday, Lang lang);
std::string monthName(int month, Lang lang);
std::string longDate(LocalDate d, Lang lang);   // "donderdag 26 november 2026"
std::string shortDate(LocalDate d, Lang lang);  // "26 nov."
std::string dayAndMonth(LocalDate d, Lang lang);  // "26 november" / "26 November"

}  // namespace kiosk
