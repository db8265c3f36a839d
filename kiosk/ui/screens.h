// screens.h: one function per screen, each in its own file (screen_<name>.cpp). A screen draws
// inside the persistent root window from the view it is given and returns what the person asked.
#pragma once

#include <imgui.h>

#include "kiosk_view.h"
#include "touch_list.h"

namespace kiosk::ui {

Intent drawHomeScreen(const KioskView& view, UiState& state);
Intent drawCheckinScreen(const KioskView& view, UiState& state);
Intent drawAgendaScreen(const KioskView& view, UiState& state);
Intent drawWalkinScreen(const KioskView& view, UiState& state);
Intent drawExercisesScreen(const KioskView& view, UiState& state);  // choose an exercise
Intent drawExerciseScreen(const KioskView& view, UiState& state);   // run it full screen
Intent drawShiftScreen(const KioskView& view, UiState& state);      // running late (facilitator code)
Intent drawRoomScreen(const KioskView& view, UiState& state);       // the room display (pinned)
Intent drawStaffPinScreen(const KioskView& view, UiState& state);   // the door to staff mode
Intent drawStaffTodayScreen(const KioskView& view, UiState& state); // staff: the day, corrections, export
Intent drawStaffCorrectScreen(const KioskView& view, UiState& state);  // staff: one correction / guest review
Intent drawStaffMatrixScreen(const KioskView& view, UiState& state);   // staff: the cohort matrix
Intent drawStaffHistoryScreen(const KioskView& view, UiState& state);  // staff: what was corrected
Intent drawStaffHealthScreen(const KioskView& view, UiState& state);   // staff: the kiosk's health
Intent drawOutOfOrderScreen(const KioskView& view, UiState& state);    // the kiosk could not start
// The clicker on a paged exercise step: next/previous turn the page first (true when they did).
bool pageStep(UiState& state, PlayerCommand command);
// The card's words: its title and line, with `time`, `name` and `code` as they are to be shown (09:10)
// or said (tien over negen; the speech mode builds them from the data, core/spoken_text.h).
struct FeedbackWords {
    std::string title, line;
};
FeedbackWords feedbackWords(const Texts& tx, const Feedback& f, const std::string& time, const std::string& name,
                            const std::string& code);
// The answer after a tap (welcome, already checked in, error...), drawn in place of the screen's content.
Intent drawFeedback(const KioskView& view, const UiState& state, ImVec2 min, ImVec2 max);

// The screen `state.screen`, from the table in screen_table.cpp.
Intent drawScreen(const KioskView& view, UiState& state);
// The root: one full-screen window whose content switches by state.screen.
Intent drawKioskUi(const KioskView& view, UiState& state);

// The home screen on a day with more than one group: a card per group (its name, its day and theme,
// now and next, its count), stacked in [min, max] (screen_home_groups.cpp).
void drawGroupsToday(const KioskView& view, ImVec2 min, ImVec2 max);

// Shared pieces of several screens.
// A header row: title on the left, a back button (returns true when tapped).
bool drawScreenHeader(const KioskView& view, const std::string& title, const std::string& subtitle);
// Staff pages: the title, the pages as tabs, the auto-lock countdown and the lock button.
Intent drawStaffHeader(const KioskView& view, const UiState& state);
// Staff pages: "export to <where>" with CSV and Excel buttons, and the last export's outcome.
// The words go beside the buttons where they are whole there, else above them (and the bar is taller):
// exportBarHeight says how tall it is at `width`; drawExportBar draws it in [min, max] of that height.
Intent drawExportBar(const KioskView& view, UiState& s, bool matrix, ImVec2 min, ImVec2 max);
float exportBarHeight(const KioskView& view, bool matrix, float width);
// Several cohorts (issue 30): "Andere groep", the next of `cohorts` after `current` (round), drawn
// at `at` with height `h`; returns its width in `width` (0: not drawn, fewer than two groups).
Intent drawGroupButton(const KioskView& view, const std::vector<std::string>& cohorts, const std::string& current, ImVec2 at,
                       float h, float& width);

// Staff pages: the area under the header, with the usual margins.
struct PageArea {
    ImVec2 min, max;
};
PageArea staffPageArea();
// The hidden way into staff mode: a press held this long in the home screen's top-left corner.
inline constexpr int64_t kStaffCornerHoldMs = 3000;
// From this long on the held corner shows a filling ring (a quick tap shows nothing).
inline constexpr int64_t kStaffCornerFeedbackMs = 1000;
// The corner's size in em (a square at the top left; no visible button).
inline constexpr float kStaffCornerEm = 3.0f;
// The accessible mode's way in without sight: a finger held still this long anywhere else (kiosk_ui.cpp).
inline constexpr int64_t kAccessHoldMs = 2000;

}  // namespace kiosk::ui
