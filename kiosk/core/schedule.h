// schedule.h: what is on now and what comes next, from a day's agenda and the clock.
#pragma once

#include <optional>
#include <string>

#include "programme.h"

namespace kiosk {

struct NowNext {
    const AgendaItem* now = nullptr;   // the item whose [start, end) holds the time
    const AgendaItem* next = nullptr;  // the first item that starts later
    // Minutes until the next visible change (an item starting or ending); -1 when none today.
    int minutesToNextChange = -1;
};

NowNext nowAndNext(const ProgrammeDay& day, TimeOfDay t);

// When nothing is on at `t` (nn.now empty): the day has not begun (before its first item), it is a
// break (something comes later), or today's programme is over. Home, the group cards and the room
// display say the same.
enum class NothingOn { not_started, between_items, day_over };
NothingOn nothingOn(const ProgrammeDay& day, TimeOfDay t, const NowNext& nn);
const char* nothingOnKey(NothingOn n);  // its text key: home.not_started, home.between_items, home.day_over

// Running late: from `from` on, the rest of the day moves by `minutes` (negative: catching up).
// The item in progress at `from` ends that much later; items starting at or after it move whole.
struct AgendaShift {
    TimeOfDay from;
    int minutes = 0;
    bool active() const { return minutes != 0; }
    std::string serialise() const;                                   // "11:05 10"
    static std::optional<AgendaShift> parse(const std::string& s);  // inverse; nullopt when malformed
};
ProgrammeDay applyShift(const ProgrammeDay& day, const AgendaShift& shift);

// Where a date stands in the programme.
enum class DayPhase { before_programme, programme_day, between_days, after_programme, no_programme };
DayPhase phaseOf(const Programme& p, LocalDate d);

}  // namespace kiosk
