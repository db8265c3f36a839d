// intent.h: what the person asked for this frame, one small struct per kind of request. A screen
// returns an Intent; the session applies it (session/kiosk_session.cpp) with std::visit, so every kind
// is handled or the build fails, and no field means two things.
#pragma once

#include <string>
#include <variant>

#include "core/attendance.h"
#include "core/export_kind.h"
#include "core/text_catalogue.h"
#include "ui/screen_id.h"
#include "ui/ui_state.h"

namespace kiosk::ui {

enum class PlayerCommand { next, previous, toggle_pause, plus_minute, minus_minute, stop, resume };  // stop: resumable

namespace intent {
struct Go {                       // open a screen (the check-in screen in `mode`)
    Screen screen = Screen::home;
    CheckMode mode = CheckMode::check_in;
};
struct SetLang {
    Lang lang = Lang::nl;
};
struct Speech {                   // the accessible mode's speech on or off (the home screen's control, a held finger)
    bool on = true;
};
struct Contrast {                 // the high-contrast theme on or off (the home screen's control)
    bool on = true;
};
struct LargerText {               // the larger-text mode on or off (the home screen's control)
    bool on = true;
};
struct Repeat {};                 // say again what was said last ("herhaal": a finger held in speech mode)
struct Focus {                    // speech mode's focus (explore.h): +1 next, -1 previous, 0 choose it (a keypad's keys)
    int step = 0;
    bool byLetter = false;        // on the name list: to the next (+1) or previous (-1) first letter (Page Down, Page Up)
    std::string letter = {};      // ... or to the first name under this letter (a letter typed; upper case)
};
struct MoreTime {};               // "Meer tijd nodig?" answered: the screen stays, the wait starts again
struct CheckIn {                  // a tap on a name
    std::string participantCode;
    bool again = false;           // "weer inchecken": yes, back after a check-out (CheckAction::check_in_again)
};
struct CheckOut {
    std::string participantCode;
};
struct Scan {                     // a badge read at the door (known or not: the session decides)
    std::string code;
};
struct Undo {};                   // the check-in or check-out shown on the confirmation
struct Answer {                   // the day's question answered on the goodbye card (closing_card.h)
    int index = 0;                // 0-based, in the order of programme.toml
};
struct Dismiss {};                // close the confirmation or message, back home
struct RegisterGuest {            // a walk-in
    std::string name, organisation;
};
struct StartExercise {
    std::string exerciseId;
};
struct Player {                   // a command for the running exercise
    PlayerCommand command = PlayerCommand::next;
};
struct UnlockShift {              // the facilitator code typed (checked by the session)
    std::string facilitatorCode;
};
struct SetShift {                 // today's agenda moves by `minutes` from now (0: back on schedule)
    int minutes = 0;
};
struct CloseRoomDisplay {};       // the room display unpinned, back to the agenda
struct UnlockStaff {              // the staff PIN typed (checked by the session, never by a screen)
    std::string pin;
};
struct LockStaff {};
struct StaffDay {                 // show the day `delta` days from the one shown (-1, +1; 0: today)
    int delta = 0;
};
struct FollowGroup {              // behind the facilitator code: the agenda and room display follow this group today
    std::string cohort;
};
struct StaffGroup {               // the staff pages show this group (issue 30: several cohorts)
    std::string cohort;
};
struct StaffChange {              // a correction or guest review from the form
    StaffForm form;
    LocalDate day;                // the day the form was opened for
    int minutes = 0;              // the time of day chosen (set_check_in, set_check_out)
    std::optional<LocalDate> catchUpOf;  // catch_up: the own day made up on `day` (core/catch_up.h)
};
struct StaffExport {
    ExportKind kind = ExportKind::presence;  // core/export_kind.h: presence, matrix, certificates, statements
    ExportFormat format = ExportFormat::csv;  // certificates and statements: PDF
    LocalDate day;                // the day the page showed
    std::string cohort;           // the matrix, certificates, statements: of this group ("" : the day's)
};
}  // namespace intent

struct Intent {
    std::variant<std::monostate, intent::Go, intent::SetLang, intent::Speech, intent::Contrast, intent::LargerText, intent::Repeat, intent::Focus, intent::MoreTime, intent::CheckIn, intent::CheckOut, intent::Scan,
                 intent::Undo, intent::Answer, intent::Dismiss, intent::RegisterGuest, intent::StartExercise, intent::Player,
                 intent::UnlockShift, intent::SetShift, intent::CloseRoomDisplay, intent::UnlockStaff, intent::LockStaff, intent::StaffDay,
                 intent::FollowGroup, intent::StaffGroup, intent::StaffChange, intent::StaffExport>
        action;

    Intent() = default;
    template <class T>
    Intent(T a) : action(std::move(a)) {}

    bool none() const { return std::holds_alternative<std::monostate>(action); }
    template <class T>
    const T* as() const { return std::get_if<T>(&action); }

    static Intent go(Screen s, CheckMode m = CheckMode::check_in) { return intent::Go{s, m}; }
    static Intent setLang(Lang l) { return intent::SetLang{l}; }
    static Intent speech(bool on) { return intent::Speech{on}; }
    static Intent repeat() { return intent::Repeat{}; }
    static Intent contrast(bool on) { return intent::Contrast{on}; }
    static Intent largerText(bool on) { return intent::LargerText{on}; }
    static Intent focus(int step) { return intent::Focus{step}; }
    static Intent letterJump(int step) { return intent::Focus{step, true}; }
    static Intent letterJumpTo(std::string letter) { return intent::Focus{0, true, std::move(letter)}; }
    static Intent moreTime() { return intent::MoreTime{}; }
    static Intent checkIn(std::string code) { return intent::CheckIn{std::move(code)}; }
    static Intent checkInAgain(std::string code) { return intent::CheckIn{std::move(code), true}; }
    static Intent checkOut(std::string code) { return intent::CheckOut{std::move(code)}; }
    static Intent scan(std::string code) { return intent::Scan{std::move(code)}; }
    static Intent undo() { return intent::Undo{}; }
    static Intent answer(int index) { return intent::Answer{index}; }
    static Intent dismiss() { return intent::Dismiss{}; }
    static Intent startExercise(std::string id) { return intent::StartExercise{std::move(id)}; }
    static Intent player(PlayerCommand c) { return intent::Player{c}; }
    static Intent unlockShift(std::string code) { return intent::UnlockShift{std::move(code)}; }
    static Intent setShift(int minutes) { return intent::SetShift{minutes}; }
    static Intent closeRoomDisplay() { return intent::CloseRoomDisplay{}; }
    static Intent unlockStaff(std::string pin) { return intent::UnlockStaff{std::move(pin)}; }
    static Intent lockStaff() { return intent::LockStaff{}; }
    static Intent staffDay(int delta) { return intent::StaffDay{delta}; }
    static Intent followGroup(std::string cohort) { return intent::FollowGroup{std::move(cohort)}; }
    static Intent staffGroup(std::string cohort) { return intent::StaffGroup{std::move(cohort)}; }
    static Intent staffChange(StaffForm form, LocalDate day, int minutes, std::optional<LocalDate> catchUpOf = std::nullopt) {
        return intent::StaffChange{std::move(form), day, minutes, catchUpOf};
    }
    static Intent staffExport(ExportKind kind, ExportFormat format, LocalDate day) {
        return intent::StaffExport{kind, format, day, {}};
    }
    static Intent registerGuest(std::string name, std::string organisation) {
        return intent::RegisterGuest{std::move(name), std::move(organisation)};
    }
};

// The first of two intents that asks for something (a screen's own part wins over its header).
inline Intent either(Intent first, Intent second) { return first.none() ? second : first; }

}  // namespace kiosk::ui
