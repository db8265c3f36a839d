// kiosk_view.h: what the screens may read (the model, through const pointers), what they may keep
// between frames (UiState), and what they may ask for (Intent). Screens never write to the store
// or the config; the app applies intents (app/kiosk_session.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "core/cohort_matrix.h"
#include "core/presence_list.h"
#include "core/exercise_player.h"
#include "core/kiosk_settings.h"
#include "core/participant.h"
#include "core/programme.h"
#include "core/schedule.h"
#include "core/text_catalogue.h"

namespace kiosk::ui {

enum class Screen {
    home, checkin, agenda, walkin, exercises, exercise, shift,
    // Staff mode: the PIN pad, then (only once unlocked) the dashboard's pages.
    staff_pin, staff_today, staff_correct, staff_matrix, staff_history, staff_health,
};
// The pages behind the PIN (staff_pin itself is public: it is the door).
inline bool isStaffScreen(Screen s) { return s >= Screen::staff_today; }
const char* screenName(Screen s);  // "home", "checkin", ... (--screen, --ui-dump)
std::optional<Screen> parseScreen(const std::string& name);

// Staff mode's data, built by the app only while staff mode is unlocked.
struct StaffHealth {
    std::string databasePath;
    int64_t databaseBytes = 0, walBytes = 0;
    int64_t freeBytes = -1;                   // on the database's disk (-1: unknown)
    std::optional<LocalDateTime> lastBackup;  // newest daily backup
    std::string lastBackupPath;
    std::optional<LocalDateTime> lastExport;
    std::string lastExportPath;
    std::vector<std::string> configProblems;  // the newest config on disk, when it was refused
    std::vector<std::string> startupProblems;
    std::string storeProblem;
    size_t eventCount = 0;
    std::string version;
};

struct StaffHistoryRow {
    LocalDateTime recordedAt;  // when the change was made
    LocalDate day;             // the day it changed
    std::string who;           // the participant or guest it is about
    std::string what;          // in words: "aanwezig vanaf 09:05", "gast bevestigd"
    std::string reason, actor;
};

struct StaffView {
    LocalDate date;                          // the day shown (today unless staff stepped back)
    const ProgrammeDay* day = nullptr;       // its programme day, if any
    std::vector<PresenceRow> rows;           // the cohort (absent ones too), then the guests
    int present = 0, late = 0, leftEarly = 0, absent = 0, guests = 0;
    CohortMatrix matrix;
    std::vector<StaffHistoryRow> history;    // newest first
    StaffHealth health;
    std::string exportTarget;                // where an export would go now, in words ("USB-stick KINGSTON")
    std::string exportFolder;                // ... and that folder's path
    bool exportToDrive = false;
    bool exportBusy = false;
    bool saving = false;                     // a correction is on its way to the disk
    std::string exportMessage;               // the last export's outcome in words, or why it failed
    std::string exportPath;                  // the file it wrote
    bool exportFailed = false;
    int autoLockSeconds = 0;                 // until staff mode locks itself without a touch
};

// The PIN pad's state (public: it is the door to staff mode).
struct PinPadView {
    bool configured = false;   // a PIN hash is set in kiosk.toml
    bool checking = false;     // the hash is being verified (a fraction of a second)
    int lockedSeconds = 0;     // too many wrong tries: no try before this runs out
    int triesLeft = 0;         // before the next lock-out
};

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
    std::vector<const Participant*> expected;  // today's cohort (all active participants on other dates),
                                               // sorted by first name the Dutch way
    std::vector<const std::string*> expectedSearch;  // searchText() of each, same order
    int checkedIn = 0;                          // of `expected`, checked in on this date
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
        register_guest,  // a walk-in: `name`, `organisation`
        start_exercise,  // `code` = exercise id
        exercise,        // a player command: `command`
        unlock_shift,    // the facilitator code typed: `code`
        set_shift,       // today's agenda moves by `minutes` from now (0: back on schedule)
        unlock_staff,    // the staff PIN typed: `code` (checked by the app, never by a screen)
        lock_staff,      // leave staff mode
        staff_day,       // show the day `minutes` days from the one shown (-1, +1; 0: today)
        staff_change,    // a correction or guest review: `change` (the app fills in ids and times)
        staff_export,    // `exportMatrix`, `exportXlsx`, `exportPdf`, `exportCertificates`
    } kind = Kind::none;
    AttendanceEvent change;    // staff_change: kind, participantCode, effect, at, refersTo, reason, actor
    bool exportMatrix = false, exportXlsx = false, exportPdf = false, exportCertificates = false;
    LocalDate day;             // staff_change, staff_export: the day the page showed
    int minutes = 0;
    enum class PlayerCommand { next, previous, toggle_pause, plus_minute, minus_minute, end } command = PlayerCommand::next;
    Screen screen = Screen::home;
    CheckMode mode = CheckMode::check_in;
    Lang lang = Lang::nl;
    std::string code;
    std::string name, organisation;

    static Intent of(Kind k) {
        Intent i;
        i.kind = k;
        return i;
    }
    static Intent go(Screen s, CheckMode m = CheckMode::check_in) {
        Intent i = of(Kind::go);
        i.screen = s;
        i.mode = m;
        return i;
    }
    static Intent setLang(Lang l) {
        Intent i = of(Kind::set_lang);
        i.lang = l;
        return i;
    }
    static Intent checkIn(std::string c) {
        Intent i = of(Kind::check_in);
        i.code = std::move(c);
        return i;
    }
    static Intent checkOut(std::string c) {
        Intent i = of(Kind::check_out);
        i.code = std::move(c);
        return i;
    }
    static Intent undo() { return of(Kind::undo); }
    static Intent dismiss() { return of(Kind::dismiss); }
    static Intent startExercise(std::string id) {
        Intent i = of(Kind::start_exercise);
        i.code = std::move(id);
        return i;
    }
    static Intent player(PlayerCommand c) {
        Intent i = of(Kind::exercise);
        i.command = c;
        return i;
    }
    static Intent unlockShift(std::string c) {
        Intent i = of(Kind::unlock_shift);
        i.code = std::move(c);
        return i;
    }
    static Intent setShift(int m) {
        Intent i = of(Kind::set_shift);
        i.minutes = m;
        return i;
    }
    static Intent unlockStaff(std::string pin) {
        Intent i = of(Kind::unlock_staff);
        i.code = std::move(pin);
        return i;
    }
    static Intent staffDay(int delta) {
        Intent i = of(Kind::staff_day);
        i.minutes = delta;
        return i;
    }
    static Intent staffChange(AttendanceEvent e) {
        Intent i = of(Kind::staff_change);
        i.change = std::move(e);
        return i;
    }
    static Intent staffExport(bool matrix, bool xlsx, LocalDate day, bool pdf = false, bool certificates = false) {
        Intent i = of(Kind::staff_export);
        i.day = day;
        i.exportMatrix = matrix;
        i.exportXlsx = xlsx;
        i.exportPdf = pdf;
        i.exportCertificates = certificates;
        return i;
    }
    static Intent registerGuest(std::string n, std::string org) {
        Intent i = of(Kind::register_guest);
        i.name = std::move(n);
        i.organisation = std::move(org);
        return i;
    }
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
        unknown_code,     // a badge or typed code that is not on the roster
        guest_registered, // a walk-in was stored as a guest
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
    // The hidden way into staff mode: when a press began in the corner (0: none).
    int64_t cornerPressMs = 0;
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
        std::string error;         // catalogue key of what is missing
    } correction;
    std::string staffName;         // who is making changes (kept until staff mode locks)
    int staffDayOffset = 0;        // the day shown, in days from today
};

}  // namespace kiosk::ui
