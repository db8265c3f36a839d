// kiosk_view.h: what the screens may read (the model, through const pointers). Screens never
// write to the store or the config: they keep their own presentation in UiState (ui_state.h)
// and report what the person asked for as an Intent (intent.h); the session applies it.
#pragma once

#include <string>
#include <vector>

#include "core/attendance.h"
#include "core/exercise_player.h"
#include "core/kiosk_settings.h"
#include "core/participant.h"
#include "core/programme.h"
#include "core/schedule.h"
#include "core/text_catalogue.h"
#include "ui/intent.h"
#include "ui/screen_id.h"
#include "ui/staff_view.h"
#include "ui/ui_state.h"

namespace kiosk::ui {

// The model as a frame sees it. Built by the app each frame from data already in memory.
struct KioskView {
    const Texts* texts = nullptr;
    const KioskSettings* settings = nullptr;
    const Programme* programme = nullptr;
    const AttendanceLedger* ledger = nullptr;
    Instant now;                            // the wall clock: time of day, dates
    SteadyTime steady;                      // the steady clock: the exercise's timers (core/clock.h)
    LocalDateTime local;                    // now, in local civil time
    const ProgrammeDay* today = nullptr;    // the programme day on this date, if any
    const ProgrammeDay* shownDay = nullptr; // today, else the next (or last) programme day
    const ProgrammeDay* closingDay = nullptr;  // the goodbye card's person's day today (their cohort's), else `today`
    std::vector<const Participant*> expected;  // today's cohort (all active participants on other dates),
                                               // sorted by first name the Dutch way
    std::vector<const std::string*> expectedSearch;  // searchText() of each, same order
    std::vector<const std::string*> expectedLabels;  // the name shown for each (namesakes told apart), same order
    int checkedIn = 0;                          // of `expected`, checked in on this date
    // Every group meeting today (issue 30: two cohorts may share a date), in the programme's
    // order; the one followed (running_late.h) is `today`. Per group, how many of its people are expected and checked in.
    struct GroupToday {
        const ProgrammeDay* day = nullptr;
        std::string name;  // the cohort's name
        int expected = 0, checkedIn = 0;
    };
    std::vector<GroupToday> groupsToday;
    std::string storeProblem;                   // non-empty: the store cannot write (shown as such)
    bool dimmed = false;                        // outside programme hours and untouched: spare the panel
    const ExercisePlayer* player = nullptr;     // the exercise being run, if any
    AgendaShift shift;                          // today's running late (already applied to `today`)
    bool shiftAvailable = false;                // a facilitator code is configured
    int64_t msSinceInput = 0;                   // for controls that fade when not touched
    int configProblemCount = 0;
    PinPadView pin;                              // the staff PIN pad
    int shiftLockedSeconds = 0;                  // the facilitator keypad is locked after wrong tries
    const StaffView* staff = nullptr;            // set only while staff mode is unlocked
    // The kiosk could not start: the title and the message in Dutch and in English, and why.
    struct OutOfOrder {
        std::string titleNl, bodyNl, titleEn, bodyEn, reasonsHeading;
        std::vector<std::string> reasons;
    };
    const OutOfOrder* outOfOrder = nullptr;      // set only when the kiosk could not start
};

}  // namespace kiosk::ui
