// command_line.h: leergang-kiosk's command line.
//
//   leergang-kiosk [--config DIR] [--db FILE] [--now YYYY-MM-DDTHH:MM] [--screen NAME] [--size WxH]
//                  [--fullscreen] [--lang nl|en] [--screenshot FILE.png [--frames N]] [--ui-dump FILE]
//   leergang-kiosk COMMAND [options]     (see usageText())
// Exit codes: 0 ok, 1 runtime failure, 2 usage or config error. Errors go to stderr in plain words.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/export_kind.h"

namespace kiosk {

// One scripted touch, in command-line order: --tap LABEL (an element found by its label or id),
// --touch X,Y (press and release at a window pixel, as a finger that does not look) or
// --hold X,Y,S (a finger held still there for S seconds of real time), or --wait S (no finger on
// the screen for S seconds: someone listening before the next touch).
struct ScriptedTouch {
    std::string label;        // --tap: the element's label or id; empty for a touch at a point
    bool wait = false;        // --wait: holdSeconds pass without a touch
    float x = 0, y = 0;       // --touch, --hold: window pixels from the top left
    double holdSeconds = 0;   // --hold: how long the finger stays down; 0: a tap
    bool swipe = false;       // --swipe: from (x, y) to (x2, y2) in kSwipeSeconds, then lifted
    float x2 = 0, y2 = 0;
    static constexpr double kSwipeSeconds = 0.2;  // a quick flick (the kiosk's swipe: at most 0.7 s)
};

struct CommandLine {
    std::string command;                   // "" runs the kiosk
    std::vector<std::string> positional;   // e.g. the CODE of `checkin`
    std::optional<std::string> configDir, dbPath, now, screen, size, lang, screenshot, uiDump;
    std::optional<std::string> at, date, format, out, delimiter;
    std::optional<std::string> url, addKiosk;  // central-setup --url URL [--add-kiosk ID]
    std::optional<std::string> in, reason, actor;  // correct --in HH:MM (--out HH:MM is `out`) --reason --actor
    std::optional<std::string> participant;        // export --participant CODE: that person's statement
    std::optional<std::string> setCohorts, addCohorts;  // central-setup --set-cohorts ID / --add-cohorts ID
    std::optional<std::string> erase;              // central-setup --erase CODE --cohort C --reason TEXT
    std::vector<std::string> cohorts;      // --cohort C (repeatable): with --add-kiosk, --set-cohorts, --add-cohorts
    std::optional<std::string> speechLog, audioDevice;  // --speech-log FILE, --audio-device PCM (speech.h)
    std::optional<std::string> cohort;             // export --cohort ID: that group's day, matrix, certificates (the last --cohort)
    std::optional<int> olderThanDays;
    std::optional<int> day;                // export --blank --day N: programme day N
    std::optional<int> catchUpOf;          // correct --catch-up-of N: --date made up day N of the own group
    std::vector<ScriptedTouch> taps;       // --tap LABEL, --touch X,Y, --hold X,Y,S, --swipe X1,Y1,X2,Y2, --wait S (in order)
    int frames = 2;
    double delaySeconds = 0;                // --delay S (with --screenshot)
    double diagonalInches = 0;              // --diagonal INCHES: the panel's size (tests, screenshots)
    // export --matrix | --blank | --certificates | --participants | --participant CODE (statements) |
    // --feedback; none of them: the presence list. --feedback wins over the others, which the export
    // refuses with it (as it refuses any two): exportKindOptions counts the different ones given.
    ExportKind exportKind = ExportKind::presence;
    int exportKindOptions = 0;
    bool fullscreen = false;
    bool json = false;
    bool excused = false, absent = false;  // correct --excused | --absent
    bool purge = false;                     // central-setup --purge: the retention rule on the central record
    bool allowEmpty = false;                // import-roster --allow-empty: a staff member confirms an empty list
    bool help = false;
    bool version = false;
};

// Parses argv; on a usage error returns nullopt and sets `error`.
std::optional<CommandLine> parseCommandLine(int argc, const char* const* argv, std::string& error);

// `screens`: the lines that list --screen's names (ui::screenHelp(), the screen table's own words):
// the command line library knows no screens, so the help can never list fewer than are accepted.
std::string usageText(const std::string& screens);

class Clock;
// The clock a command or the kiosk runs on: the system's, or with --now one that starts at that
// local moment and runs on (demos, tests of dates to come, a clock that is off). Nullptr, with the
// usage error said on stderr, when --now is not YYYY-MM-DDTHH:MM (the caller exits 2).
std::unique_ptr<Clock> clockFromCommandLine(const CommandLine& cl);

}  // namespace kiosk
