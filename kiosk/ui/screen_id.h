// screen_id.h: the screens by name. Which screens stand behind the staff PIN is said in one
// table (screen_table.cpp), next to each screen's name, never by the enum's order: a public screen
// added anywhere in the enum stays public unless its line says otherwise.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui {

enum class Screen {
    home, checkin, agenda, walkin, exercises, exercise, shift,
    room,  // the room display: now, next, running late, the running exercise (pinned)
    // Staff mode: the PIN pad, then (only once unlocked) the dashboard's pages.
    staff_pin, staff_today, staff_correct, staff_matrix, staff_history, staff_health,
    // The kiosk could not start (config, database or disk): says so, and whom to turn to.
    out_of_order,
};

// The pages behind the PIN (staff_pin itself is public: it is the door).
bool isStaffScreen(Screen s);
const char* screenName(Screen s);  // "home", "checkin", ... (--screen, --ui-dump)
std::optional<Screen> parseScreen(const std::string& name);
// Every name parseScreen accepts, in the table's order (the --screen error message).
std::vector<std::string> screenNames();
// --help's list of them: one line each, `indent` spaces, the name, what it is (Dutch / English).
std::string screenHelp(size_t indent);

}  // namespace kiosk::ui
