// kiosk_view.h: what the screens may read (the model, through const pointers), what they may keep
// between frames (UiState), and what they may ask for (Intent). Screens never write to the store
// or the config; the app applies intents (app/kiosk_session.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "core/kiosk_settings.h"
#include "core/participant.h"
#include "core/programme.h"
#include "core/schedule.h"
#include "core/text_catalogue.h"

namespace kiosk::ui {

enum class Screen { home, checkin, agenda };  // exercise and staff: issues 6 and 7
const char* screenName(Screen s);  // "home", "checkin", ... (--screen, --ui-dump)
std::optional<Screen> parseScreen(const std::string& name);

// The model as a frame sees it. Built by the app each frame from data already in memory.
struct KioskView {
    const Texts* texts = nullptr;
    const KioskSettings* settings = nullptr;
    const Programme* programme = nullptr;
    const AttendanceLedger* ledger = nullptr;
    Instant now;
    LocalDateTime local;                    // now, in local civil time
    const ProgrammeDay* today = nullptr;    // the programme day on this date, if any
    const ProgrammeDay* shownDay = nullptr; // today, else the next (or last) programme day
    DayPhase phase = DayPhase::no_programme;
    std::vector<const Participant*> expected;  // today's cohort (all active participants on other dates)
    int checkedIn = 0;                          // of `expected`, checked in on this date
    std::string storeProblem;                   // non-empty: the store cannot write (shown as such)
    int configProblemCount = 0;
};

enum class CheckMode { check_in, check_out };

// What the person asked for this frame.
struct Intent {
    enum class Kind {
        none,
        go,          // open `screen` (check-in screen in `mode`)
        set_lang,
        check_in,    // participant `code`
        check_out,   // participant `code`
        undo,        // the check-in shown on the confirmation
        dismiss,     // close the confirmation / message, back home
    } kind = Kind::none;
    Screen screen = Screen::home;
    CheckMode mode = CheckMode::check_in;
    Lang lang = Lang::nl;
    std::string code;

    static Intent go(Screen s, CheckMode m = CheckMode::check_in) { return {Kind::go, s, m, Lang::nl, {}}; }
    static Intent setLang(Lang l) { return {Kind::set_lang, Screen::home, CheckMode::check_in, l, {}}; }
    static Intent checkIn(std::string c) { return {Kind::check_in, Screen::checkin, CheckMode::check_in, Lang::nl, std::move(c)}; }
    static Intent checkOut(std::string c) { return {Kind::check_out, Screen::checkin, CheckMode::check_out, Lang::nl, std::move(c)}; }
    static Intent undo() { return {Kind::undo, Screen::checkin, CheckMode::check_in, Lang::nl, {}}; }
    static Intent dismiss() { return {Kind::dismiss, Screen::home, CheckMode::check_in, Lang::nl, {}}; }
};

// The answer the check-in screen shows after a tap. Set by the app, never by the screen.
struct Feedback {
    enum class Kind {
        none,
        pending,          // written to the store, waiting for the commit (no "ingecheckt" yet)
        checked_in,       // committed: "Welkom, Anna!" with undo
        checked_out,      // committed: "Tot ziens, Anna!"
        undone,           // the check-in was reversed
        already_in,       // tapped again: friendly, with the choice to check out
        not_checked_in,   // check-out without check-in
        already_out,
        error,            // the store could not write: said as such, never as a check-in
    } kind = Kind::none;
    std::string code;
    std::string name;     // as the display policy shows it
    Instant at;           // the moment of the check-in / check-out
    Instant shownAt;      // when the feedback appeared (for the return home)
    std::string detail;   // error text
};

// Kept between frames; owned by the app, changed by screens only for their own presentation.
struct UiState {
    Screen screen = Screen::home;
    CheckMode mode = CheckMode::check_in;
    Feedback feedback;
    int undoSecondsLeft = 0;  // set by the app each frame while the feedback allows undo
};

}  // namespace kiosk::ui
