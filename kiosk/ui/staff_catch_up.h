// staff_catch_up.h: the make-up day's part of the correction form (core/catch_up.h). For someone of
// another group who checked in on the day shown: their own group's days in one row, each with what
// it is now; a missed or excused day (not made up yet) can be chosen as the day this one makes up.
// The own group's days come from the matrix, which follows that group while the form is open
// (UiState::staffCohort); until it is folded the row says "laden…".
#pragma once

#include <imgui.h>

#include <string>

#include "core/attendance.h"
#include "core/presence_list.h"
#include "kiosk_view.h"

namespace kiosk::ui {

// The row of days at `at`; returns the y below it.
float drawCatchUpDays(const KioskView& v, UiState::Correction& c, const PresenceRow& row, ImVec2 at, float right, float bh, float gap);

// The form's check before Save (the same rules the desk applies again): "" or a catalogue key.
std::string checkCatchUpForm(const KioskView& v, const StaffForm& form, const UiState::Correction& c, const PresenceRow& row);

}  // namespace kiosk::ui
