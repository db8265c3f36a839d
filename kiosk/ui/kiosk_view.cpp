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
    }
    return "home";
}

std::optional<Screen> parseScreen(const std::string& name) {
    for (auto s : {Screen::home, Screen::checkin, Screen::agenda, Screen::walkin, Screen::exercises, Screen::exercise, Screen::shift})
        if (name == screenName(s)) return s;
    return std::nullopt;
}

}  // namespace kiosk::ui
