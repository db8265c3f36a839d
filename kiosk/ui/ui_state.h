// ui_state.h: what the screens keep between frames. Owned by the session, changed by screens
// only for their own presentation; the card after a tap (Feedback) is set by the check-in flow.
#pragma once

#include <string>

#include "core/attendance.h"
#include "core/checkin_flow.h"
#include "ui/screen_id.h"

namespace kiosk::ui {

enum class CheckMode { check_in, check_out };

// The answer the check-in screen shows after a tap (core/checkin_flow.h).
using Feedback = CheckFeedback;

// Kept between frames; owned by the app, changed by screens only for their own presentation.
struct UiState {
    Screen screen = Screen::home;
    CheckMode mode = CheckMode::check_in;
    Feedback feedback;
    int undoSecondsLeft = 0;  // set by the app each frame while the feedback allows undo
    std::string answeredCard;  // the goodbye card the day's question was answered on (closing_card.h)
    // The walk-in form: edited by the on-screen keyboard, cleared on the way home.
    std::string guestName, guestOrganisation;
    int guestField = 0;  // 0: name, 1: organisation
    // Search on larger rosters: the query typed on the on-screen keyboard, and the list's fling.
    std::string search;
    std::string searchShown;      // the query the list was last drawn for
    float scrollVelocity = 0.0f;  // pixels per second, decaying after the finger lifts
    bool scrollToTop = false;     // set by the app when a list opens afresh; the list clears it
    bool animating = false;       // set by a screen while something moves without input
    // Running late: the code typed on the keypad (never shown), and whether it was right.
    std::string codeEntry;
    bool codeWrong = false;
    bool shiftUnlocked = false;
    Screen afterCode = Screen::shift;  // what the facilitator code opens: the shift screen, or the room display
    // The room display (screen_room.cpp) is pinned: no inactivity timeout on it, and an exercise
    // started meanwhile shows on it; its end returns there.
    bool roomPinned = false;
    // The exercise screen: "Stoppen" asks first; a long step is shown in pages.
    bool confirmStop = false;
    int stepPage = 0;        // the page shown of the current step
    int stepPages = 1;       // how many it has at this size (set by the screen each frame)
    int stepPageFor = -1;    // the step index stepPage belongs to (another step starts at page 0)
    // The agenda: the row opened to show all of it (-1: none; -2: the assignment).
    int agendaOpen = -1;
    // The hidden way into staff mode: when a press began in the corner (0: none).
    int64_t cornerPressMs = 0;
    // The accessible mode (issue 32), reset at home like everything here: speech on (explore.h),
    // and a finger held still anywhere (kAccessHoldMs) that turns it on, or repeats what was said.
    bool speech = false;
    bool highContrast = false;  // the high-contrast theme (theme.h), drawn from the next frame on
    bool largerText = false;    // the larger-text mode (layout.h): fonts rebuilt before the next frame
    int64_t holdPressMs = 0;  // when the held press began (0: none)
    bool holdDone = false;    // the held press has acted; nothing more until the finger lifts
    // "Meer tijd nodig?" (app/navigation.h): seconds left to answer, set by the session each frame (0: not asked).
    int moreTimeSecondsLeft = 0;
    // Staff mode: the PIN typed (never shown), the correction form, the lists' scrolling.
    std::string pinEntry;
    bool pinWrong = false;
    struct Correction {
        std::string code;          // the participant (empty for a guest review)
        std::string guestEventId;  // a guest review: the walk-in
        std::string who;           // name shown in the form's title
        LocalDate day;             // the day the form is for (kept when midnight passes)
        CorrectionEffect effect = CorrectionEffect::set_check_in;
        int minutes = 9 * 60;      // the time of day for set_check_in / set_check_out
        std::string reason;
        int field = 0;             // 0: reason, 1: name
        std::string linkQuery;     // a guest review: search for the participant it was
        std::string linkCode;      // ... and the one chosen
        std::optional<LocalDate> catchUpOf;  // catch_up: the own day chosen (core/catch_up.h)
        std::string error;         // catalogue key of what is missing
        bool typing = false;       // a small panel: the keyboard is open as a full-width sheet
    } correction;
    std::string staffName;         // who is making changes (kept until staff mode locks)
    int staffDayOffset = 0;        // the day shown, in days from today
    std::string staffCohort;       // the group the staff pages show ("": the first meeting that day)
    std::string exportDrive;       // the USB stick staff chose (its mount folder), when several are in
};

}  // namespace kiosk::ui
