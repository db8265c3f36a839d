#include "screen_id.h"

#include "core/enum_names.h"

namespace kiosk::ui {
namespace {

constexpr EnumName<Screen> kScreenNames[] = {
    {Screen::home, "home"},
    {Screen::checkin, "checkin"},
    {Screen::agenda, "agenda"},
    {Screen::walkin, "walkin"},
    {Screen::exercises, "exercises"},
    {Screen::exercise, "exercise"},
    {Screen::shift, "shift"},
    {Screen::staff_pin, "staff_pin"},
    {Screen::staff_today, "staff_today"},
    {Screen::staff_correct, "staff_correct"},
    {Screen::staff_matrix, "staff_matrix"},
    {Screen::staff_history, "staff_history"},
    {Screen::staff_health, "staff_health"},
};

// Behind the PIN. Every other screen is public.
constexpr Screen kStaffScreens[] = {
    Screen::staff_today, Screen::staff_correct, Screen::staff_matrix, Screen::staff_history, Screen::staff_health,
};

}  // namespace

bool isStaffScreen(Screen s) {
    for (Screen staff : kStaffScreens)
        if (s == staff) return true;
    return false;
}

const char* screenName(Screen s) { return nameIn(kScreenNames, s, "home"); }

std::optional<Screen> parseScreen(const std::string& name) { return parseIn(kScreenNames, name); }

}  // namespace kiosk::ui
