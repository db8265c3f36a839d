#include "schedule.h"

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

DayPhase phaseOf(const Programme& p, LocalDate d) {
    if (p.days.empty()) return DayPhase::no_programme;
    if (p.dayOn(d)) return DayPhase::programme_day;
    if (d < p.days.front().date) return DayPhase::before_programme;
    if (d > p.days.back().date) return DayPhase::after_programme;
    return DayPhase::between_days;
}

}  // namespace kiosk
