// screens.h: one function per screen, each in its own file (screen_<name>.cpp). A screen draws
// inside the persistent root window from the view it is given and returns what the person asked.
#pragma once

#include <imgui.h>

#include "kiosk_view.h"

namespace kiosk::ui {

Intent drawHomeScreen(const KioskView& view, UiState& state);
Intent drawCheckinScreen(const KioskView& view, UiState& state);
Intent drawAgendaScreen(const KioskView& view, UiState& state);
Intent drawWalkinScreen(const KioskView& view, UiState& state);
Intent drawExercisesScreen(const KioskView& view, UiState& state);  // choose an exercise
Intent drawExerciseScreen(const KioskView& view, UiState& state);   // run it full screen
Intent drawShiftScreen(const KioskView& view, UiState& state);      // running late (facilitator code)
// The answer after a tap (welcome, already checked in, error...), drawn in place of the screen's content.
Intent drawFeedback(const KioskView& view, const UiState& state, ImVec2 min, ImVec2 max);

// The root: one full-screen window whose content switches by state.screen.
Intent drawKioskUi(const KioskView& view, UiState& state);

// Shared pieces of several screens.
// A header row: title on the left, a back button (returns true when tapped).
bool drawScreenHeader(const KioskView& view, const std::string& title, const std::string& subtitle);

}  // namespace kiosk::ui
