// screen_table.cpp: every screen in one table: its name (--screen, --ui-dump), whether it stands
// behind the staff PIN, what --help says of it (Dutch, then English), and the function that draws
// it. A new screen is one line here, and --help lists it from this line (screenHelp()).
#include "screen_id.h"

#include <algorithm>
#include <cstring>

#include "screens.h"

namespace kiosk::ui {
namespace {

struct ScreenEntry {
    Screen screen;
    const char* name;
    bool staff;  // behind the PIN (staff_pin itself is public: it is the door)
    const char* help;  // --help: "Nederlands / English"
    Intent (*draw)(const KioskView&, UiState&);
};

constexpr ScreenEntry kScreens[] = {
    {Screen::home, "home", false, "beginscherm / home screen", drawHomeScreen},
    {Screen::checkin, "checkin", false, "inchecken: tik op je naam / check in: tap your name", drawCheckinScreen},
    {Screen::agenda, "agenda", false, "programma van vandaag / today's programme", drawAgendaScreen},
    {Screen::walkin, "walkin", false,
     "niet op de lijst: als gast inschrijven / not on the list: sign in as a guest",
     drawWalkinScreen},
    {Screen::exercises, "exercises", false, "oefeningen / exercises", drawExercisesScreen},
    {Screen::exercise, "exercise", false,
     "een oefening (de gekozen) / one exercise (the one chosen)",
     drawExerciseScreen},
    {Screen::shift, "shift", false,
     "uitloop, achter de facilitatorcode / running late, behind the facilitator code",
     drawShiftScreen},
    {Screen::room, "room", false, "zaalweergave / room display", drawRoomScreen},
    {Screen::staff_pin, "staff_pin", false, "PIN-invoer voor medewerkers / staff PIN pad", drawStaffPinScreen},
    {Screen::staff_today, "staff_today", true,
     "medewerkers: Vandaag (eerst de PIN) / staff: Today (PIN first)",
     drawStaffTodayScreen},
    {Screen::staff_correct, "staff_correct", true,
     "medewerkers: Corrigeren (eerst de PIN) / staff: Correct (PIN first)",
     drawStaffCorrectScreen},
    {Screen::staff_matrix, "staff_matrix", true,
     "medewerkers: Matrix (eerst de PIN) / staff: Matrix (PIN first)",
     drawStaffMatrixScreen},
    {Screen::staff_history, "staff_history", true,
     "medewerkers: Historie (eerst de PIN) / staff: History (PIN first)",
     drawStaffHistoryScreen},
    {Screen::staff_health, "staff_health", true,
     "medewerkers: Status (eerst de PIN) / staff: Status (PIN first)",
     drawStaffHealthScreen},
    {Screen::out_of_order, "out_of_order", false,
     "buiten gebruik (alleen als de kiosk niet kan starten, anders home) / "
     "out of order (only when the kiosk cannot start, else home)",
     drawOutOfOrderScreen},
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

std::vector<std::string> screenNames() {
    std::vector<std::string> names;
    for (const auto& e : kScreens) names.emplace_back(e.name);
    return names;
}

std::string screenHelp(size_t indent) {
    size_t nameW = 0;
    for (const auto& e : kScreens) nameW = std::max(nameW, std::strlen(e.name));
    std::string out;
    const std::string under(indent + nameW + 2, ' ');
    for (const auto& e : kScreens) {
        std::string help = e.help;
        // A long line goes on in English under the Dutch (a terminal of 110 columns keeps it whole).
        const size_t slash = help.find(" / ");
        if (under.size() + help.size() > 110 && slash != std::string::npos) help.replace(slash, 3, "\n" + under);
        out += std::string(indent, ' ') + e.name + std::string(nameW + 2 - std::strlen(e.name), ' ') + help + "\n";
    }
    return out;
}

Intent drawScreen(const KioskView& view, UiState& state) { return entry(state.screen).draw(view, state); }

}  // namespace kiosk::ui
