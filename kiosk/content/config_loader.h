// config_loader.h: the config folder (kiosk.toml, programme.toml, exercises.toml, participants.csv)
// read into the core's types, with every problem reported at once as FILE:LINE[:COL]: message.
//
// A typo must never take the kiosk down: loading never throws, unknown keys are errors (a
// misspelled key must not pass silently), and a caller keeps its last good config when a new one
// has errors. Warnings (an exercise longer than its agenda slot) do not refuse a config.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/display_settings.h"
#include "core/diagnostics.h"
#include "core/kiosk_settings.h"
#include "core/programme.h"
#include "core/roster.h"
#include "core/text_catalogue.h"

namespace kiosk {

// The files of one config folder, by name, with where they came from.
struct ConfigFiles {
    std::string origin;                         // folder path, or "(ingebouwd)" for the embedded default
    std::map<std::string, std::string> files;   // "kiosk.toml" -> content; missing files are absent
};

inline constexpr const char* kKioskFile = "kiosk.toml";
inline constexpr const char* kProgrammeFile = "programme.toml";
inline constexpr const char* kExercisesFile = "exercises.toml";
inline constexpr const char* kRosterFile = "participants.csv";

struct LoadedConfig {
    KioskSettings settings;
    DisplaySettings display;  // [display]: the panel (ui/layout.h)
    Programme programme;
    RosterParse roster;  // rows + the roster's own problems (also merged into problems)
    Problems problems;   // everything, in file order
    bool ok() const { return !hasErrors(problems); }
};

// Reads the known files of a folder. A missing folder or unreadable file is a problem, not a throw.
ConfigFiles readConfigFolder(const std::filesystem::path& dir, const Texts& texts, Problems& problems);

// Parses and validates everything. Never throws.
LoadedConfig loadConfig(const ConfigFiles& files, const Texts& texts);

// Only kiosk.toml (to learn the language before the rest is read).
KioskSettings loadSettingsOnly(const ConfigFiles& files, const Texts& texts, Problems& problems,
                               DisplaySettings* display = nullptr);

}  // namespace kiosk
