#include "input_bindings.h"

#include <imgui.h>

#include <optional>

namespace kiosk {
namespace {

bool pressed(ImGuiKey_ k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), false); }

std::optional<ui::PlayerCommand> clicker() {
    using C = ui::PlayerCommand;
    std::optional<C> command;
    if (pressed(ImGuiKey_PageDown) || pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_Space)) command = C::next;
    if (pressed(ImGuiKey_PageUp) || pressed(ImGuiKey_LeftArrow)) command = C::previous;
    for (ImWchar ch : ImGui::GetIO().InputQueueCharacters) {
        if (ch == 'p' || ch == 'P' || ch == 'b' || ch == 'B') command = C::toggle_pause;
        if (ch == '+' || ch == '=') command = C::plus_minute;
        if (ch == '-') command = C::minus_minute;
    }
    return command;
}

}  // namespace

bool InputBindings::touched() {
    return ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::GetIO().InputQueueCharacters.empty();
}

std::vector<ui::Intent> InputBindings::read(ui::Screen screen, bool exerciseOn, Instant now) {
    std::vector<ui::Intent> out;
    const ImGuiIO& io = ImGui::GetIO();
    if ((ui::isStaffScreen(screen) || screen == ui::Screen::staff_pin) && !io.InputQueueCharacters.empty()) {
        out.push_back(ui::Intent::go(ui::Screen::home));
        screen = ui::Screen::home;  // the scan is read on the home screen, so nobody's check-in is lost
    }
    if (screen == ui::Screen::home || screen == ui::Screen::checkin) {
        for (ImWchar c : io.InputQueueCharacters) badge_.type(c, now);
        if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter))
            if (auto code = badge_.enter(now)) out.push_back(ui::Intent::scan(*code));
    }
    if ((screen == ui::Screen::exercise || screen == ui::Screen::room) && exerciseOn)
        if (auto command = clicker()) out.push_back(ui::Intent::player(*command));
    return out;
}

}  // namespace kiosk
