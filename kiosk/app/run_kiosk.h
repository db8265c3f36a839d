// run_kiosk.h: the kiosk itself, in its window (run_kiosk.cpp): what main() runs when no subcommand is given.
#pragma once

#include "cli/command_line.h"

namespace kiosk {

int runKiosk(const CommandLine& cl);

}  // namespace kiosk
