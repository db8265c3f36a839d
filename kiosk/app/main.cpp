// main.cpp: an empty shell. Parse the command line, hand over to the kiosk or a subcommand.
#include <cstdio>

#include "app/command_line.h"
#include "app/commands.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
    std::string error;
    const auto cl = kiosk::parseCommandLine(argc, argv, error);
    if (!cl) {
        std::fprintf(stderr, "leergang-kiosk: %s\n(leergang-kiosk --help)\n", error.c_str());
        return 2;
    }
    if (cl->help) {
        std::fputs(kiosk::usageText().c_str(), stdout);
        return 0;
    }
    if (cl->version) {
        std::printf("leergang-kiosk %s\n", KIOSK_VERSION);
        return 0;
    }
    return cl->command.empty() ? kiosk::runKiosk(*cl) : kiosk::runCommand(*cl);
}
