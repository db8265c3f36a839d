// screen_staff_pin.cpp: the door to staff mode. Reached only by holding a corner of the home
// screen (kiosk_ui.cpp), never by a visible button. The PIN pad shows dots, never digits; the app
// checks the PIN against its Argon2id hash and counts wrong tries (core/pin_lockout.h).
#include <cstdio>

#include "keyboard.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {

Intent drawStaffPinScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    if (drawScreenHeader(v, tx("staff.title"), tx("staff.pin_subtitle"))) intent = Intent::go(Screen::home);
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const ImVec2 min(origin.x + margin, origin.y + t.Em(5.0f));
    const ImVec2 max(origin.x + size.x - margin, origin.y + size.y - margin * 0.6f);
    const float cx = (min.x + max.x) * 0.5f;
    float y = min.y;
    const PinPadView& pin = v.pin;
    if (!pin.configured) {
        // Nothing to unlock: say how a PIN is set, without a way around it.
        y += t.Em(2.0f);
        drawIcon(Icon::warning, ImVec2(cx, y + t.Em(1.2f)), t.Em(2.4f), t.palette.warning);
        y += t.Em(3.0f);
        y += drawTextCentred(t.fonts.title, cx, y, max.x - min.x, t.palette.ink, tx("staff.no_pin"));
        y += t.Em(0.6f);
        drawTextCentred(t.fonts.body, cx, y, max.x - min.x, t.palette.muted, tx("staff.no_pin_line"));
        return intent;
    }
    drawTextCentred(t.fonts.title, cx, y, max.x - min.x, t.palette.ink, tx("staff.enter_pin"));
    y += t.fonts.title->FontSize + t.Em(0.6f);
    y += drawCodeDots(s.pinEntry.size(), cx, y) + t.Em(0.5f);
    std::string message;
    Rgb colour = t.palette.warning;
    if (pin.finalLock) {
        message = tx("staff.final_lock");
    } else if (pin.lockedSeconds > 0) {
        const int m = pin.lockedSeconds / 60, sec = pin.lockedSeconds % 60;
        char left[16];
        std::snprintf(left, sizeof left, "%d:%02d", m, sec);
        message = tx.format("staff.locked_out", {{"time", left}});
    } else if (pin.checking) {
        message = tx("staff.checking");
        colour = t.palette.muted;
    } else if (s.pinWrong) {
        message = tx.format("staff.wrong_pin", {{"n", std::to_string(pin.triesLeft)}});
    }
    if (!message.empty()) {
        const float w = textSize(t.fonts.bodyBold, message).x;
        if (colour.r == t.palette.warning.r) drawIcon(Icon::warning, ImVec2(cx - w * 0.5f - t.Em(0.9f), y + t.em * 0.5f), t.Em(0.9f), colour);
        drawTextCentred(t.fonts.bodyBold, cx, y, max.x - min.x, colour, message);
    }
    y += t.em + t.Em(0.6f);
    const size_t before = s.pinEntry.size();
    const bool enabled = pin.lockedSeconds == 0 && !pin.finalLock && !pin.checking;
    if (drawKeypad(s.pinEntry, ImVec2(min.x, y), max, tx("keypad.ok"), enabled, 12)) intent = Intent::unlockStaff(s.pinEntry);
    if (s.pinEntry.size() != before) s.pinWrong = false;
    return intent;
}

}  // namespace kiosk::ui
