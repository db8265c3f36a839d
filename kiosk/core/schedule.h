// schedule.h: what is on now and what comes next, from a day's agenda and the clock.
#pragma once

#include "programme.h"

namespace kiosk {

struct NowNext {
    const AgendaItem* now = nullptr;   // the item whose [start, end) holds the time
    const AgendaItem* next = nullptr;  // the first item that starts later
    // Minutes until the next visible change (an item starting or ending); -1 when none today.
    int minutesToNextChange = -1;
};

NowNext nowAndNext(const ProgrammeDay& day, TimeOfDay t);

// Where a date stands in the programme.
enum class DayPhase { before_programme, programme_day, between_days, after_programme, no_programme };
DayPhase phaseOf(const Programme& p, LocalDate d);

}  // namespace kiosk
