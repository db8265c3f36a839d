// main.cpp: an empty shell. Parse the command line, hand over to the kiosk or a subcommand.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/command_line.h"
#include "app/run_kiosk.h"
#include "cli/commands.h"
#include "content/central_url.h"
#include "ui/screen_id.h"

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
        std::fputs(kiosk::usageText(kiosk::ui::screenHelp(21)).c_str(), stdout);
        return 0;
    }
    if (cl->version) {
        std::printf("leergang-kiosk %s\n", KIOSK_VERSION);
        return 0;
    }
    // Before any thread: libpq must not take a host, sslmode or service from the environment
    // (content/central_url.h); the owner's central-setup keeps PGPASSWORD/PGPASSFILE, as psql.
    kiosk::ignoreLibpqEnvironment(cl->command == "central-setup");
    const int rc = cl->command.empty() ? kiosk::runKiosk(*cl) : kiosk::runCommand(*cl);
    // What went to standard output must have arrived (`export --out - > /dev/full`, a closed pipe):
    // a write error is never an exit 0.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::fprintf(stderr, "leergang-kiosk: standaarduitvoer / standard output: %s\n", std::strerror(errno ? errno : EIO));
        return rc == 0 ? 1 : rc;
    }
    return rc;
}
