#include "kiosk_view.h"

namespace kiosk::ui {

const char* screenName(Screen s) {
    switch (s) {
        case Screen::home: return "home";
        case Screen::checkin: return "checkin";
        case Screen::agenda: return "agenda";
        case Screen::walkin: return "walkin";
        case Screen::exercises: return "exercises";
        case Screen::exercise: return "exercise";
        case Screen::shift: return "shift";
        case Screen::staff_pin: return "staff_pin";
        case Screen::staff_today: return "staff_today";
        case Screen::staff_correct: return "staff_correct";
        case Screen::staff_matrix: return "staff_matrix";
        case Screen::staff_history: return "staff_history";
        case Screen::staff_health: return "staff_health";
    }
    return "home";
}

std::optional<Screen> parseScreen(const std::string& name) {
    for (auto s : {Screen::home, Screen::checkin, Screen::agenda, Screen::walkin, Screen::exercises, Screen::exercise,
                   Screen::shift, Screen::staff_pin, Screen::staff_today, Screen::staff_correct, Screen::staff_matrix,
                   Screen::staff_history, Screen::staff_health})
        if (name == screenName(s)) return s;
    return std::nullopt;
}

}  // namespace kiosk::ui
