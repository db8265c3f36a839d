// staff_catch_up.cpp: the make-up day's part of the correction form (design in staff_catch_up.h).
#include "staff_catch_up.h"

#include <algorithm>

#include "core/catch_up.h"
#include "layout.h"
#include "theme.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

// The person's row of their own group's matrix, when the matrix shows that group and is folded.
const MatrixRow* ownRow(const StaffView& st, const PresenceRow& row) {
    if (st.matrixLoading || st.matrix.cohortId != row.participant.cohortId) return nullptr;
    for (const auto& r : st.matrix.rows)
        if (r.participant.code == row.participant.code) return &r;
    return nullptr;
}

// What a day is now, under its number: the status, "ingehaald 21 jan.", or "komt nog" (to come).
std::string dayNote(const MatrixRow& r, size_t i, const Texts& tx) {
    if (r.madeUpOn[i]) return tx.format("matrix.short.made_up", {{"date", shortDate(*r.madeUpOn[i], tx.lang())}});
    if (!r.days[i]) return tx("staff.catch_up_to_come");
    return tx(std::string("matrix.short.") + dayStatusKey(*r.days[i]));
}

}  // namespace

float drawCatchUpDays(const KioskView& v, UiState::Correction& c, const PresenceRow& row, ImVec2 at, float right, float bh, float gap) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const StaffView& st = *v.staff;
    const MatrixRow* r = ownRow(st, row);
    if (!r) {
        drawText(t.fonts.body, ImVec2(at.x, at.y + (bh - t.em) * 0.5f), t.palette.muted, tx("staff.catch_up_loading"));
        return at.y + bh + gap;
    }
    const auto& days = st.matrix.days;
    const size_t n = std::max<size_t>(days.size(), 1);
    const float w = (right - at.x - static_cast<float>(n - 1) * gap * 0.5f) / static_cast<float>(n);
    for (size_t i = 0; i < days.size(); ++i) {
        const auto& status = r->days[i];
        // A day missed or excused that has taken place (today included) and is not made up yet can be
        // chosen (catch_up.h rule 1); a day to come is not missed yet: shown, "komt nog", not offered.
        const bool open = !r->madeUpOn[i] && !(v.local.date < days[i].date) && status &&
                          (*status == DayStatus::absent || *status == DayStatus::excused);
        const bool on = c.catchUpOf == days[i].date;
        const std::string id = "desk.catch_up.day" + std::to_string(days[i].number);
        ButtonSpec b{id.c_str(), tx.format("pdf.matrix.day", {{"n", std::to_string(days[i].number)}}), ImVec2(w, bh),
                     on ? ButtonStyle::primary : ButtonStyle::secondary};
        // The date and what the day is now; on a narrow button what it is now (that is what staff choose by).
        const std::string note = dayNote(*r, i, tx), dated = shortDate(days[i].date, tx.lang()) + " \xC2\xB7 " + note;
        b.sublabel = textSize(t.fonts.small, dated).x <= w - t.Em(on ? 3.2f : 2.0f) ? dated : note;
        b.icon = on ? Icon::check : Icon::none;
        b.enabled = open;
        b.font = t.fonts.bodyBold;
        ImGui::SetCursorScreenPos(ImVec2(at.x + static_cast<float>(i) * (w + gap * 0.5f), at.y));
        if (touchButton(b)) {
            c.catchUpOf = days[i].date;
            c.error.clear();
        }
    }
    return at.y + bh + gap;
}

std::string checkCatchUpForm(const KioskView& v, const StaffForm& form, const UiState::Correction& c, const PresenceRow& row) {
    if (!c.catchUpOf) return "staff.error.catch_up_choose";  // the row above the reason and the name: said first
    if (std::string e = checkStaffChange(form); !e.empty()) return e;
    if (!v.programme || !v.staff) return "staff.error.kind";
    return checkCatchUp(*v.programme, v.staff->matrix, ownRow(*v.staff, row), *c.catchUpOf, c.day, row.checkIn.has_value(),
                        v.local.date);
}

}  // namespace kiosk::ui
