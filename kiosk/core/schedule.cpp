#include "schedule.h"

#include <algorithm>

namespace kiosk {

NowNext nowAndNext(const ProgrammeDay& day, TimeOfDay t) {
    NowNext nn;
    for (const auto& item : day.agenda) {
        if (!nn.now && item.start <= t && t < item.end) nn.now = &item;
        if (!nn.next && item.start > t) nn.next = &item;
        int change = -1;
        if (item.start > t) change = item.start.minutes - t.minutes;
        else if (item.end > t) change = item.end.minutes - t.minutes;
        if (change > 0 && (nn.minutesToNextChange < 0 || change < nn.minutesToNextChange))
            nn.minutesToNextChange = change;
    }
    return nn;
}

namespace {
TimeOfDay moved(TimeOfDay t, int minutes) { return {std::clamp(t.minutes + minutes, 0, 24 * 60 - 1)}; }
}  // namespace

std::string AgendaShift::serialise() const { return from.hhmm() + " " + std::to_string(minutes); }

std::optional<AgendaShift> AgendaShift::parse(const std::string& s) {
    const auto space = s.find(' ');
    if (space == std::string::npos) return std::nullopt;
    const auto t = TimeOfDay::parse(s.substr(0, space));
    if (!t) return std::nullopt;
    try {
        size_t used = 0;
        const int m = std::stoi(s.substr(space + 1), &used);
        if (used != s.size() - space - 1 || m < -240 || m > 240) return std::nullopt;
        return AgendaShift{*t, m};
    } catch (...) {
        return std::nullopt;
    }
}

ProgrammeDay applyShift(const ProgrammeDay& day, const AgendaShift& shift) {
    ProgrammeDay out = day;
    if (!shift.active()) return out;
    for (auto& item : out.agenda) {
        if (item.start >= shift.from) {
            item.start = moved(item.start, shift.minutes);
            item.end = moved(item.end, shift.minutes);
        } else if (item.end > shift.from) {
            item.end = moved(item.end, shift.minutes);  // the item in progress runs over
        }
    }
    return out;
}

DayPhase phaseOf(const Programme& p, LocalDate d) {
    if (p.days.empty()) return DayPhase::no_programme;
    if (p.dayOn(d)) return DayPhase::programme_day;
    if (d < p.days.front().date) return DayPhase::before_programme;
    if (d > p.days.back().date) return DayPhase::after_programme;
    return DayPhase::between_days;
}

NothingOn nothingOn(const ProgrammeDay& day, TimeOfDay t, const NowNext& nn) {
    if (t < day.startsAt()) return NothingOn::not_started;
    return nn.next ? NothingOn::between_items : NothingOn::day_over;
}

const char* nothingOnKey(NothingOn n) {
    switch (n) {
        case NothingOn::not_started: return "home.not_started";
        case NothingOn::between_items: return "home.between_items";
        case NothingOn::day_over: break;
    }
    return "home.day_over";
}

}  // namespace kiosk
