// command_context.h: what every subcommand starts from: texts in the kiosk's language, the config
// (validated), and the database path, resolved the same way as the kiosk itself does.
#pragma once

#include <filesystem>
#include <string>

#include "cli/command_line.h"
#include "core/clock.h"
#include "content/config_loader.h"
#include "core/text_catalogue.h"
#include "store/attendance_db.h"

namespace kiosk {

struct CommandContext {
    Texts texts;
    std::filesystem::path configDir;  // empty: embedded
    ConfigFiles files;
    LoadedConfig config;
    std::filesystem::path dbPath;
};

// Loads texts and config. Prints problems to stderr. Returns 0, or the exit code to stop with
// (2 for a usage or config error).
int prepareCommand(const CommandLine& cl, CommandContext& ctx);

// Opens the database and brings its roster up to date with the config's participants.csv (the
// same import the kiosk does at start). Returns 0 or an exit code (1: the store failed).
int openStoreWithRoster(CommandContext& ctx, AttendanceDb& db, Instant now);

// For commands that only read (export, backup, show): the database opened read-only, never
// checked, moved or quarantined (only the kiosk and commands that write may do that), working on a
// read-only file or folder. A database that does not exist yet is created as openStoreWithRoster
// does. Returns 0 or 1.
int openStoreForReading(CommandContext& ctx, AttendanceDb& db);

// "Fout / error" lines for a store status, in plain words.
std::string describe(const Texts& texts, const StoreStatus& s);

}  // namespace kiosk
