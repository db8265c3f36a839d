#include "clock.h"

#include <chrono>

namespace kiosk {

Instant SystemClock::now() const {
    using namespace std::chrono;
    return {duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count()};
}

SteadyTime SystemClock::steady() const {
    using namespace std::chrono;
    return {duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count()};
}

ShiftedClock::ShiftedClock(Instant startAt) : offsetMs_(startAt.ms - SystemClock{}.now().ms) {}

Instant ShiftedClock::now() const { return {SystemClock{}.now().ms + offsetMs_}; }

SteadyTime ShiftedClock::steady() const { return SystemClock{}.steady(); }

}  // namespace kiosk
