// subcommands.h: the table of leergang-kiosk's subcommands, named once. The parser accepts exactly
// these names (command_line.cpp), runCommand dispatches through the table (commands.cpp), and
// --help prints their usage from it (usageText), so a new subcommand is one row here and its
// function in a commands_*.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "cli/command_line.h"

namespace kiosk {

struct Subcommand {
    std::string_view name;                 // as typed: "check-config"
    int (*run)(const CommandLine&);        // the command; its exit code (command_line.h)
    std::string_view synopsis;             // after the name: "[--json]"; "" when it takes nothing
    std::string_view description;          // Dutch / English; '\n' starts a continuation line
};

// Every subcommand, in the order --help lists them.
const std::vector<Subcommand>& subcommands();
// The row for `name`; nullptr when there is none.
const Subcommand* findSubcommand(std::string_view name);
// The usage lines of every subcommand, as --help prints them.
std::string subcommandUsage();

}  // namespace kiosk
