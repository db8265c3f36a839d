// screen_staff_correct.cpp: one correction, or one walk-in reviewed. Staff choose what is true
// (here from a time / left at a time / absent / excused with a reason; or: a guest seen / in fact this participant), give
// a reason and their name, and save. The app stores it as a new event; nothing is edited in place.
#include <algorithm>

#include "core/staff_correction.h"
#include "staff_catch_up.h"
#include "keyboard.h"
#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

// Whichever group's page lists them (a visitor's own group's matrix may be shown for a make-up).
const PresenceRow* rowFor(const StaffView& st, const UiState::Correction& c) {
    for (const auto& r : st.everyRow())
        if ((!c.code.empty() && !r.guest && r.participant.code == c.code) ||
            (!c.guestEventId.empty() && r.guest && r.guestEventId == c.guestEventId))
            return &r;
    return nullptr;
}

// A guest review: choose the participant the walk-in was (those without a check-in that day).
void drawLinkPicker(const KioskView& v, UiState& s, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    drawText(t.fonts.bodyBold, min, t.palette.ink, tx.format("staff.link_choose", {{"name", s.correction.who}}));
    std::vector<const PresenceRow*> candidates;
    for (const auto& r : v.staff->everyRow())  // the people of every group of the day: a walk-in names none
        if (!r.guest && !r.checkIn) candidates.push_back(&r);
    const float top = min.y + t.em + t.Em(0.6f);
    const ImVec2 listSize(max.x - min.x, max.y - top);
    const float gap = t.Em(0.4f), bh = t.Em(2.8f), bw = (listSize.x - 2 * gap) / 3.0f;
    const int rows = static_cast<int>((candidates.size() + 2) / 3);  // three to a row
    const TouchList list = beginTouchList("link-list", ImVec2(min.x, top), listSize, bh + gap, rows, s);
    const ImVec2 base = list.base;
    for (size_t i = static_cast<size_t>(list.first) * 3; i < candidates.size() && i < static_cast<size_t>(list.last) * 3; ++i) {
        const PresenceRow& r = *candidates[i];
        ImGui::SetCursorScreenPos(ImVec2(base.x + static_cast<float>(i % 3) * (bw + gap), base.y + static_cast<float>(i / 3) * (bh + gap)));
        const std::string id = "desk.link." + r.participant.code;
        if (touchButton({id.c_str(), r.participant.fullName(), ImVec2(bw, bh), ButtonStyle::secondary, r.participant.department}))
            s.correction.linkCode = r.participant.code;
    }
    if (candidates.empty()) drawText(t.fonts.body, base, t.palette.muted, tx("staff.link_nobody"));
    if (endTouchList(list, bh + gap, rows, s)) s.correction.linkCode.clear();  // a drag chooses nobody
}

// Title: who, which day, and what the log says now; "back". Says so when the row is gone.
Intent drawTitle(const KioskView& v, const UiState::Correction& c, const PresenceRow* row, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const StaffView& st = *v.staff;
    const bool guest = !c.guestEventId.empty();
    Intent intent;
    ImGui::SetCursorScreenPos(min);
    if (touchButton({"desk.correct.cancel", tx("common.back"), ImVec2(t.Em(6.5f), layout().target(2.4f)), ButtonStyle::secondary, {}, Icon::back}))
        intent = Intent::go(Screen::staff_today);
    const float tx0 = min.x + t.Em(7.2f);
    drawText(t.fonts.title, ImVec2(tx0, min.y - t.Em(0.15f)), t.palette.ink,
             fitText(t.fonts.title, tx.format(guest ? "staff.review_title" : "staff.correct_title", {{"name", c.who}}), max.x - tx0));
    std::string now = longDate(st.date, tx.lang());
    if (row) {
        now += "  \xC2\xB7  " + tx("staff.now") + " ";
        if (row->guest) now += tx(row->guestConfirmed ? "staff.guest_confirmed" : "staff.guest_unconfirmed");
        else now += tx(std::string("status.") + dayStatusKey(row->status));
        if (row->checkIn) now += ", " + tx.format("staff.in_at", {{"time", row->checkIn->hhmm()}});
        if (row->checkOut) now += ", " + tx.format("staff.out_at", {{"time", row->checkOut->hhmm()}});
    }
    drawText(t.fonts.body, ImVec2(tx0, min.y + t.fonts.title->FontSize - t.Em(0.1f)), t.palette.muted, fitText(t.fonts.body, now, max.x - tx0));
    if (!row) drawText(t.fonts.body, ImVec2(min.x, min.y + t.Em(3.5f)), t.palette.muted, tx("staff.row_gone"));
    return intent;
}

// The choices of what is true (four for a participant, five for one of another group: a make-up
// day; two for a walk-in), in one row at `at`.
void drawChoices(const KioskView& v, UiState::Correction& c, const PresenceRow& row, ImVec2 at, float right, float bh, float gap) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const bool guest = !c.guestEventId.empty();
    struct Choice {
        const char* id;
        const char* key;
        CorrectionEffect effect;
    };
    const Choice personChoices[] = {{"desk.effect.in", "staff.effect_in", CorrectionEffect::set_check_in},
                                    {"desk.effect.out", "staff.effect_out", CorrectionEffect::set_check_out},
                                    {"desk.effect.absent", "staff.effect_absent", CorrectionEffect::set_absent},
                                    {"desk.effect.excused", "staff.effect_excused", CorrectionEffect::set_excused},
                                    {"desk.effect.catch_up", "staff.effect_catch_up", CorrectionEffect::catch_up}};
    const Choice guestChoices[] = {{"desk.effect.confirm", "staff.effect_confirm", CorrectionEffect::confirm_guest},
                                   {"desk.effect.link", "staff.effect_link", CorrectionEffect::link_guest}};
    const Choice* choices = guest ? guestChoices : personChoices;
    const int n = guest ? 2 : row.otherGroup && row.checkIn ? 5 : 4;
    const float cw = std::min(t.Em(11.0f), (right - at.x - static_cast<float>(n - 1) * gap) / static_cast<float>(n));
    for (int i = 0; i < n; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(at.x + static_cast<float>(i) * (cw + gap), at.y));
        const bool on = c.effect == choices[i].effect;
        ButtonSpec b{choices[i].id, tx(choices[i].key), ImVec2(cw, bh), on ? ButtonStyle::primary : ButtonStyle::secondary, {},
                     on ? Icon::check : Icon::none};
        b.maxLines = 2;  // five choices on a narrow portrait panel: "Aanwezig / vanaf" rather than "Aanwezig…"
        if (touchButton(b)) {
            c.effect = choices[i].effect;
            c.error.clear();
            if (c.effect == CorrectionEffect::confirm_guest) c.reason = tx("staff.reason_guest_seen");
            if (c.effect == CorrectionEffect::link_guest && c.reason == tx("staff.reason_guest_seen")) c.reason.clear();
            if (c.effect == CorrectionEffect::catch_up && c.reason.empty()) c.reason = tx("staff.reason_catch_up");
        }
    }
}

// The time, in steps (no typing on a touchscreen): for "here from" and "left at"; or who a walk-in
// is linked to. Returns the y below it.
float drawTimeOrLink(const KioskView& v, UiState::Correction& c, ImVec2 at, float right, float bh, float gap) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const StaffView& st = *v.staff;
    float y = at.y;
    if (c.effect == CorrectionEffect::set_check_in || c.effect == CorrectionEffect::set_check_out) {
        struct Step {
            const char* id;
            const char* label;
            int delta;
        };
        const Step steps[] = {{"desk.time.minus15", "\xE2\x88\x92" "15", -15}, {"desk.time.minus5", "\xE2\x88\x92" "5", -5},
                              {"desk.time.minus1", "\xE2\x88\x92" "1", -1},    {"desk.time.plus1", "+1", 1},
                              {"desk.time.plus5", "+5", 5},                    {"desk.time.plus15", "+15", 15}};
        const float sw = t.Em(3.6f);
        float x = at.x;
        for (int i = 0; i < 6; ++i) {
            if (i == 3) {
                const std::string time = TimeOfDay{c.minutes}.hhmm();
                drawText(t.fonts.display, ImVec2(x + t.Em(0.4f), y + (bh - t.fonts.display->FontSize) * 0.5f), t.palette.ink, time);
                x += textSize(t.fonts.display, "00:00").x + t.Em(0.8f);
            }
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            if (touchButton({steps[i].id, steps[i].label, ImVec2(sw, bh), ButtonStyle::secondary, {}, Icon::none, t.fonts.title}))
                c.minutes = std::clamp(c.minutes + steps[i].delta, 0, 24 * 60 - 1);
            x += sw + gap;
        }
        // "minuten" where there is room for it (a narrow portrait window has none after +15).
        if (x + t.Em(0.4f) + textSize(t.fonts.body, tx("staff.minutes")).x <= right)
            drawText(t.fonts.body, ImVec2(x + t.Em(0.4f), y + (bh - t.em) * 0.5f), t.palette.muted, tx("staff.minutes"));
        y += bh + gap;
    } else if (c.effect == CorrectionEffect::link_guest) {
        std::string name = c.linkCode;
        for (const auto& r : st.everyRow())
            if (!r.guest && r.participant.code == c.linkCode) name = r.participant.fullName();
        const std::string line = tx.format("staff.link_to", {{"name", name}});
        drawText(t.fonts.bodyBold, ImVec2(at.x, y + (bh - t.em) * 0.5f), t.palette.ink, line);
        ImGui::SetCursorScreenPos(ImVec2(at.x + textSize(t.fonts.bodyBold, line).x + t.Em(1.0f), y));
        if (touchButton({"desk.link.change", tx("staff.link_change"), ImVec2(t.Em(7.0f), bh), ButtonStyle::secondary})) c.linkCode.clear();
        y += bh + gap;
    }
    return y;
}

// Reason and name, then save (the form checked first: a missing reason or name is said, not stored).
Intent drawFormAndSave(const KioskView& v, UiState& s, const PresenceRow& row, ImVec2 at, float right, float fieldH, float gap) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const StaffView& st = *v.staff;
    const Layout& lay = layout();
    auto& c = s.correction;
    const bool guest = !c.guestEventId.empty();
    Intent intent;
    const float saveW = t.Em(8.0f);
    const float reasonW = (right - at.x - saveW - 2 * gap) * 0.62f;
    const float nameW = right - at.x - saveW - 2 * gap - reasonW;
    if (drawTextField("desk.reason", tx("staff.reason"), c.reason, tx("staff.reason_placeholder"), ImVec2(at.x, at.y),
                      ImVec2(at.x + reasonW, at.y + fieldH), c.field == 0)) {
        c.field = 0;
        c.typing = true;
    }
    if (drawTextField("desk.name", tx("staff.name"), s.staffName, tx("staff.name_placeholder"), ImVec2(at.x + reasonW + gap, at.y),
                      ImVec2(at.x + reasonW + gap + nameW, at.y + fieldH), c.field == 1)) {
        c.field = 1;
        c.typing = true;
    }
    const float saveH = std::max(t.Em(2.8f), lay.minTargetPx);
    ImGui::SetCursorScreenPos(ImVec2(right - saveW, at.y + fieldH - saveH));
    if (touchButton({"desk.save", tx("staff.save"), ImVec2(saveW, saveH), ButtonStyle::primary, {}, Icon::check, nullptr,
                     !st.saving})) {
        StaffForm e;
        e.effect = c.effect;
        e.reason = c.reason;
        e.actor = s.staffName;
        if (guest) {
            e.kind = EventKind::guest_registration;
            e.refersTo = c.guestEventId;
            e.participantCode = c.effect == CorrectionEffect::link_guest ? c.linkCode : std::string{};
        } else {
            e.kind = EventKind::correction;
            e.participantCode = c.code;
        }
        if (guest || !v.programme) c.error = checkStaffChange(e);
        else if (c.effect == CorrectionEffect::catch_up) c.error = checkCatchUpForm(v, e, c, row);
        else c.error = checkStaffCorrection(e, *v.programme, row.participant.cohortId, c.day,
                                            correctionMoment(c.effect, c.day, c.minutes), v.now);
        if (c.error.empty()) {
            intent = Intent::staffChange(std::move(e), c.day, c.minutes,
                                         c.effect == CorrectionEffect::catch_up ? c.catchUpOf : std::nullopt);
        } else {
            c.field = c.error == "staff.error.actor" ? 1 : 0;
        }
    }
    return intent;
}

}  // namespace

Intent drawStaffCorrectScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent = drawStaffHeader(v, s);
    if (!v.staff) return intent;
    const StaffView& st = *v.staff;
    auto& c = s.correction;
    const PageArea area = staffPageArea();
    const ImVec2 min = area.min, max = area.max;
    const PresenceRow* row = rowFor(st, c);
    intent = either(drawTitle(v, c, row, min, max), intent);
    if (!row) return intent;

    // A small panel has no room for the form and 9 mm keys at once: the keyboard then opens as a
    // sheet over the whole width (a tap on a field), with the fields above it and the choices out of
    // the way until "Toetsenbord weg".
    const Layout& lay = layout();
    const float keyRowsH = 5.0f * lay.minTargetPx * 1.1f + 4.0f * t.Em(0.3f);
    const float formH = t.Em(3.3f) + 2 * (std::max(t.Em(2.6f), lay.minTargetPx) + t.Em(0.5f)) + t.Em(2.8f) + t.fonts.small->FontSize +
                        t.Em(1.8f);
    const bool compact = max.y - min.y < formH + keyRowsH;
    if (!compact) c.typing = false;
    const bool sheet = compact && c.typing;

    // What is true.
    float y = min.y + t.Em(3.3f);
    const float bh = std::max(t.Em(2.6f), lay.minTargetPx), gap = t.Em(0.5f);
    if (!sheet) {  // the choices and the time (out of the way while the keyboard sheet is open)
        drawChoices(v, c, *row, ImVec2(min.x, y), max.x, bh, gap);
        y += bh + gap;
        if (c.effect == CorrectionEffect::link_guest && c.linkCode.empty()) {
            drawLinkPicker(v, s, ImVec2(min.x, y), max);
            return intent;
        }
        if (c.effect == CorrectionEffect::catch_up) {
            s.staffCohort = row->participant.cohortId;  // the matrix shows the own group's days (staff_catch_up.cpp)
            y = drawCatchUpDays(v, c, *row, ImVec2(min.x, y), max.x, bh, gap);
        } else {
            y = drawTimeOrLink(v, c, ImVec2(min.x, y), max.x, bh, gap);
        }
    }
    const float fieldH = std::max(t.Em(2.8f), lay.minTargetPx) + t.fonts.small->FontSize + t.Em(0.2f);
    intent = either(drawFormAndSave(v, s, *row, ImVec2(min.x, y), max.x, fieldH, gap), intent);
    y += fieldH + t.Em(0.3f);
    if (!c.error.empty()) {
        drawIcon(Icon::warning, ImVec2(min.x + t.Em(0.45f), y + t.em * 0.5f), t.Em(0.9f), t.palette.danger);
        drawText(t.fonts.bodyBold, ImVec2(min.x + t.Em(1.2f), y), t.palette.danger, tx(c.error));
    }
    y += t.em + t.Em(0.3f);
    if (compact && !sheet) return intent;  // the keyboard opens with a tap on a field
    ImVec2 kbMin(min.x, y), kbMax = max;
    if (sheet) {
        // The sheet: the window's whole width, from under the fields to the bottom, and a way to close it.
        const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        kbMin = ImVec2(origin.x + t.Em(0.5f), std::max(y, max.y - keyRowsH));
        kbMax = ImVec2(origin.x + size.x - t.Em(0.5f), max.y);
        const std::string hide = tx("keyboard.hide");
        const float hw = textSize(t.fonts.bodyBold, hide).x + t.Em(2.0f);
        ImGui::SetCursorScreenPos(ImVec2(max.x - hw, min.y));
        if (touchButton({"desk.keyboard.hide", hide, ImVec2(hw, std::max(t.Em(2.4f), lay.minTargetPx)), ButtonStyle::secondary}))
            c.typing = false;
    }
    KeyboardSpec kb{"desk", kbMin, kbMax};
    kb.clearLabel = tx("keyboard.clear");
    kb.spaceLabel = tx("keyboard.space");
    if (drawKeyboard(kb, c.field == 0 ? c.reason : s.staffName)) c.error.clear();
    return intent;
}

}  // namespace kiosk::ui
