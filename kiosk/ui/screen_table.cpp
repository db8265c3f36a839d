// screen_table.cpp: every screen in one table: its name (--screen, --ui-dump), whether it stands
// behind the staff PIN, and the function that draws it. A new screen is one line here.
#include "screen_id.h"

#include "screens.h"

namespace kiosk::ui {
namespace {

struct ScreenEntry {
    Screen screen;
    const char* name;
    bool staff;  // behind the PIN (staff_pin itself is public: it is the door)
    Intent (*draw)(const KioskView&, UiState&);
};

constexpr ScreenEntry kScreens[] = {
    {Screen::home, "home", false, drawHomeScreen},
    {Screen::checkin, "checkin", false, drawCheckinScreen},
    {Screen::agenda, "agenda", false, drawAgendaScreen},
    {Screen::walkin, "walkin", false, drawWalkinScreen},
    {Screen::exercises, "exercises", false, drawExercisesScreen},
    {Screen::exercise, "exercise", false, drawExerciseScreen},
    {Screen::shift, "shift", false, drawShiftScreen},
    {Screen::room, "room", false, drawRoomScreen},
    {Screen::staff_pin, "staff_pin", false, drawStaffPinScreen},
    {Screen::staff_today, "staff_today", true, drawStaffTodayScreen},
    {Screen::staff_correct, "staff_correct", true, drawStaffCorrectScreen},
    {Screen::staff_matrix, "staff_matrix", true, drawStaffMatrixScreen},
    {Screen::staff_history, "staff_history", true, drawStaffHistoryScreen},
    {Screen::staff_health, "staff_health", true, drawStaffHealthScreen},
    {Screen::out_of_order, "out_of_order", false, drawOutOfOrderScreen},
};

const ScreenEntry& entry(Screen s) {
    for (const auto& e : kScreens)
        if (e.screen == s) return e;
    return kScreens[0];
}

}  // namespace

bool isStaffScreen(Screen s) { return entry(s).staff; }

const char* screenName(Screen s) { return entry(s).name; }

std::optional<Screen> parseScreen(const std::string& name) {
    for (const auto& e : kScreens)
        if (name == e.name) return e.screen;
    return std::nullopt;
}

Intent drawScreen(const KioskView& view, UiState& state) { return entry(state.screen).draw(view, state); }

}  // namespace kiosk::ui
