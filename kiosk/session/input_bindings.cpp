#include "input_bindings.h"

#include <imgui.h>

#include <cctype>
#include <optional>

namespace kiosk {
namespace {

// A key event as the window delivered it; codepoint 0 is Enter.
std::vector<uint32_t>& queuedKeys() {
    static std::vector<uint32_t> keys;
    return keys;
}
constexpr uint32_t kEnter = 0;

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

void InputBindings::keyChar(uint32_t codepoint) {
    if (codepoint != kEnter) queuedKeys().push_back(codepoint);
}

void InputBindings::keyEnter() { queuedKeys().push_back(kEnter); }

bool InputBindings::touched() {
    return ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::GetIO().InputQueueCharacters.empty();
}

std::vector<ui::Intent> InputBindings::read(ui::Screen screen, bool exerciseOn, bool speech, SteadyTime now) {
    std::vector<ui::Intent> out;
    std::vector<uint32_t> keys;
    keys.swap(queuedKeys());
    const bool clickerOn = (screen == ui::Screen::exercise || screen == ui::Screen::room) && exerciseOn;
    bool jumped = false;  // a letter typed alone jumped on the name list
    if (speech) {  // the focus by keys (ui/explore.h rule 5)
        const bool shift = ImGui::GetIO().KeyShift;
        if (pressed(ImGuiKey_Tab)) out.push_back(ui::Intent::focus(shift ? -1 : 1));
        if (!clickerOn && (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_DownArrow))) out.push_back(ui::Intent::focus(1));
        if (!clickerOn && (pressed(ImGuiKey_LeftArrow) || pressed(ImGuiKey_UpArrow))) out.push_back(ui::Intent::focus(-1));
        if (screen == ui::Screen::checkin) {  // the name list by first letter (ui/explore.h rule 9)
            if (pressed(ImGuiKey_PageDown)) out.push_back(ui::Intent::letterJump(1));
            if (pressed(ImGuiKey_PageUp)) out.push_back(ui::Intent::letterJump(-1));
            // A letter typed alone (nothing typed before it within the badge reader's pause, no
            // Enter with it): the first name under it. A scanner's code goes on to the reader as
            // always; at most its first character jumps, and its answer is said over that.
            if (keys.size() == 1 && keys[0] < 128 && std::isalpha(static_cast<int>(keys[0])) && badge_.pending(now).empty()) {
                out.push_back(ui::Intent::letterJumpTo(std::string(1, static_cast<char>(std::toupper(static_cast<int>(keys[0]))))));
                jumped = true;
            }
        }
    }
    bool typed = false;
    for (uint32_t k : keys) typed = typed || k != kEnter;
    if ((ui::isStaffScreen(screen) || screen == ui::Screen::staff_pin) && typed) {
        out.push_back(ui::Intent::go(ui::Screen::home));
        screen = ui::Screen::home;  // the scan is read on the home screen, so nobody's check-in is lost
    }
    if (screen == ui::Screen::home || screen == ui::Screen::checkin) {
        for (uint32_t k : keys) {
            if (k != kEnter) {
                letterJumped_ = false;  // typing goes on: a code after all
                badge_.type(k, now);
            } else if (letterJumped_ && badge_.pending(now).size() == 1) {  // Enter after the letter that jumped:
                letterJumped_ = false;                                       // the name heard, not a badge "F"
                badge_.enter(now);
                out.push_back(ui::Intent::focus(0));
            } else if (auto code = badge_.enter(now)) {
                out.push_back(ui::Intent::scan(*code));
            } else if (speech) {
                out.push_back(ui::Intent::focus(0));  // nothing typed: Enter chooses the focus
            }
        }
    } else if (speech) {
        for (uint32_t k : keys)
            if (k == kEnter) out.push_back(ui::Intent::focus(0));
    }
    if (jumped) letterJumped_ = true;  // (alone in its frame: no Enter came with it)
    if (clickerOn)
        if (auto command = clicker()) out.push_back(ui::Intent::player(*command));
    return out;
}

}  // namespace kiosk
