#include "civil_time.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>

namespace kiosk {
namespace {

bool parseInt(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && isLeapYear(y) ? 29 : kDays[static_cast<size_t>(m - 1)];
}

std::optional<LocalDate> LocalDate::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    LocalDate d;
    if (!parseInt(s.substr(0, 4), d.year) || !parseInt(s.substr(5, 2), d.month) ||
        !parseInt(s.substr(8, 2), d.day))
        return std::nullopt;
    if (d.year < 1900 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > daysInMonth(d.year, d.month))
        return std::nullopt;
    return d;
}

std::string LocalDate::iso() const {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t LocalDate::daysSinceEpoch() const {
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<int64_t>(era) * 146097 + static_cast<int64_t>(doe) - 719468;
}

LocalDate LocalDate::fromDaysSinceEpoch(int64_t z) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int64_t y = static_cast<int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int LocalDate::weekday() const {
    // 1970-01-01 was a Thursday (ISO 3, counting Monday as 0).
    const int64_t d = daysSinceEpoch();
    return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::optional<TimeOfDay> TimeOfDay::parse(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() - colon != 3) return std::nullopt;
    int h = 0, m = 0;
    if (!parseInt(s.substr(0, colon), h) || !parseInt(s.substr(colon + 1), m)) return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    return TimeOfDay{h * 60 + m};
}

std::string TimeOfDay::hhmm() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
}

std::optional<LocalDateTime> LocalDateTime::parse(std::string_view s) {
    if (s.size() < 16 || (s[10] != 'T' && s[10] != ' ')) return std::nullopt;
    auto date = LocalDate::parse(s.substr(0, 10));
    if (!date) return std::nullopt;
    auto rest = s.substr(11);
    int sec = 0;
    if (rest.size() == 8) {
        if (rest[5] != ':' || !parseInt(rest.substr(6, 2), sec) || sec > 59) return std::nullopt;
        rest = rest.substr(0, 5);
    }
    if (rest.size() != 5) return std::nullopt;
    auto tod = TimeOfDay::parse(rest);
    if (!tod) return std::nullopt;
    return LocalDateTime{*date, tod->minutes / 60, tod->minutes % 60, sec};
}

LocalDateTime toLocal(Instant t) {
    time_t secs = static_cast<time_t>(t.ms >= 0 ? t.ms / 1000 : (t.ms - 999) / 1000);
    std::tm tm{};
    localtime_r(&secs, &tm);
    return {{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

Instant fromLocal(const LocalDateTime& t) {
    std::tm tm{};
    tm.tm_year = t.date.year - 1900;
    tm.tm_mon = t.date.month - 1;
    tm.tm_mday = t.date.day;
    tm.tm_hour = t.hour;
    tm.tm_min = t.minute;
    tm.tm_sec = t.second;
    tm.tm_isdst = -1;
    const time_t secs = mktime(&tm);
    return {static_cast<int64_t>(secs) * 1000};
}

std::string weekdayName(int wd, Lang lang) {
    static constexpr const char* kNl[] = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
    static constexpr const char* kEn[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    if (wd < 0 || wd > 6) return {};
    return lang == Lang::nl ? kNl[wd] : kEn[wd];
}

std::string monthName(int m, Lang lang) {
    static constexpr const char* kNl[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                          "juli",    "augustus", "september", "oktober", "november", "december"};
    static constexpr const char* kEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    if (m < 1 || m > 12) return {};
    return lang == Lang::nl ? kNl[m - 1] : kEn[m - 1];
}

std::string longDate(LocalDate d, Lang lang) {
    return weekdayName(d.weekday(), lang) + " " + std::to_string(d.day) + " " + monthName(d.month, lang) + " " +
           std::to_string(d.year);
}

std::string dayAndMonth(LocalDate d, Lang lang) { return std::to_string(d.day) + " " + monthName(d.month, lang); }

std::string shortDate(LocalDate d, Lang lang) {
    return std::to_string(d.day) + " " + monthName(d.month, lang).substr(0, 3) + (lang == Lang::nl ? "." : "");
}

}  // namespace kiosk
