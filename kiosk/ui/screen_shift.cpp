// screen_shift.cpp: running late. Behind the facilitator code (a keypad that shows dots, never the
// digits), the rest of today's agenda moves by a few minutes, or back on schedule. The shift is
// stored by the app and shown on the agenda and home screens.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "keyboard.h"
#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

Intent drawCodeEntry(const KioskView& v, UiState& s, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const float cx = (min.x + max.x) * 0.5f;
    float y = min.y;
    y += drawTextCentred(t.fonts.title, cx, y, max.x - min.x, t.palette.ink,
                         tx(s.afterCode == Screen::room ? "room.code_title" : "shift.enter_code"));
    y += t.Em(0.6f);
    // Dots for the digits typed, so that nobody behind the facilitator reads the code.
    y += drawCodeDots(s.codeEntry.size(), cx, y) + t.Em(0.5f);
    std::string message;
    if (v.shiftLockedSeconds > 0) {
        char left[16];
        std::snprintf(left, sizeof left, "%d:%02d", v.shiftLockedSeconds / 60, v.shiftLockedSeconds % 60);
        message = tx.format("staff.locked_out", {{"time", left}});
    } else if (s.codeWrong) {
        message = tx("shift.wrong_code");
    }
    if (!message.empty()) {
        drawIcon(Icon::warning, ImVec2(cx - textSize(t.fonts.bodyBold, message).x * 0.5f - t.Em(0.9f), y + t.em * 0.5f), t.Em(0.9f),
                 t.palette.warning);
        drawTextCentred(t.fonts.bodyBold, cx, y, max.x - min.x, t.palette.warning, message);
    }
    y += t.em + t.Em(0.6f);
    const size_t before = s.codeEntry.size();
    const bool ok = drawKeypad(s.codeEntry, ImVec2(min.x, y), max, tx("keypad.ok"), v.shiftLockedSeconds == 0);
    if (s.codeEntry.size() != before) s.codeWrong = false;
    return ok ? Intent::unlockShift(s.codeEntry) : Intent{};
}

// A day with several groups (issue 30): which one this kiosk's agenda, room display and exercises
// follow today, one button per group, the one followed marked.
Intent drawGroupChoice(const KioskView& v, float y, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    Intent intent;
    const size_t n = v.groupsToday.size();
    if (n < 2) return intent;
    const float cx = (min.x + max.x) * 0.5f;
    y += drawTextCentred(t.fonts.body, cx, y, max.x - min.x, t.palette.muted, (*v.texts)("shift.follow_group"));
    y += t.Em(0.3f);
    const float gap = t.Em(0.6f), w = max.x - min.x;
    const float bw = std::min(t.Em(16.0f), (w - gap * static_cast<float>(n - 1)) / static_cast<float>(n));
    const float bh = std::min(layout().target(2.6f), std::max(max.y - y, layout().minTargetPx));
    float bx = cx - (bw * static_cast<float>(n) + gap * static_cast<float>(n - 1)) * 0.5f;
    for (size_t i = 0; i < n; ++i) {
        const auto& g = v.groupsToday[i];
        const bool on = v.today && v.today->cohortId == g.day->cohortId;
        const std::string id = "follow." + g.day->cohortId;
        ImGui::SetCursorScreenPos(ImVec2(bx, y));
        ButtonSpec b{id.c_str(), g.name, ImVec2(bw, bh), on ? ButtonStyle::primary : ButtonStyle::secondary};
        b.icon = on ? Icon::check : Icon::none;
        b.keepIcon = true;  // the check says which one is followed: the name wraps or shrinks, never the check
        b.maxLines = 2;
        b.floorFont = t.fonts.small;
        if (touchButton(b) && !on) intent = Intent::followGroup(g.day->cohortId);
        bx += bw + gap;
    }
    return intent;
}

}  // namespace

Intent drawShiftScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    if (drawScreenHeader(v, tx("shift.title"), v.today ? v.today->theme : std::string{})) intent = Intent::go(Screen::agenda);
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const ImVec2 min(origin.x + margin, origin.y + t.Em(5.0f));
    const ImVec2 max(origin.x + size.x - margin, origin.y + size.y - margin * 0.6f);
    if (!s.shiftUnlocked) {
        const Intent k = drawCodeEntry(v, s, min, max);
        return either(k, intent);
    }
    const float cx = (min.x + max.x) * 0.5f;
    float y = min.y + t.Em(0.5f);
    const int m = v.shift.minutes;
    const std::string state = m == 0 ? tx("shift.on_schedule")
                                     : tx.format(m > 0 ? "agenda.shifted" : "agenda.ahead",
                                                 {{"minutes", std::to_string(std::abs(m))}, {"from", v.shift.from.hhmm()}});
    y += drawTextCentred(t.fonts.display, cx, y, max.x - min.x, m == 0 ? t.palette.success : t.palette.warning, state);
    y += t.Em(0.4f);
    y += drawTextCentred(t.fonts.body, cx, y, max.x - min.x, t.palette.muted,
                         tx.format("shift.explain", {{"now", v.local.timeOfDay().hhmm()}}));
    y += t.Em(1.2f);
    struct Step {
        const char* id;
        const char* label;
        int delta;
    };
    const Step steps[] = {{"shiftby.minus5", "\xE2\x88\x92" "5 min", -5}, {"shiftby.plus5", "+5 min", 5},
                          {"shiftby.plus10", "+10 min", 10}, {"shiftby.plus15", "+15 min", 15}};
    const float gap = t.Em(0.6f);
    const float bw = std::min(t.Em(7.5f), (max.x - min.x - 3 * gap) / 4.0f), bh = t.Em(3.4f);
    float bx = cx - (4 * bw + 3 * gap) * 0.5f;
    for (const auto& st : steps) {
        ImGui::SetCursorScreenPos(ImVec2(bx, y));
        if (touchButton({st.id, st.label, ImVec2(bw, bh), ButtonStyle::secondary, {}, Icon::none, t.fonts.title}))
            intent = Intent::setShift(m + st.delta);
        bx += bw + gap;
    }
    y += bh + t.Em(1.0f);
    const float wide = (4 * bw + 3 * gap - gap) * 0.5f;
    ImGui::SetCursorScreenPos(ImVec2(cx - wide - gap * 0.5f, y));
    if (touchButton({"shiftby.reset", tx("shift.reset"), ImVec2(wide, bh), ButtonStyle::secondary, {}, Icon::back, nullptr, m != 0}))
        intent = Intent::setShift(0);
    ImGui::SetCursorScreenPos(ImVec2(cx + gap * 0.5f, y));
    if (touchButton({"shiftby.done", tx("shift.done"), ImVec2(wide, bh), ButtonStyle::primary, {}, Icon::check}))
        intent = Intent::go(Screen::agenda);
    y += bh + t.Em(0.8f);
    return either(drawGroupChoice(v, y, min, max), intent);
}

}  // namespace kiosk::ui
