// commands_pin.cpp: `leergang-kiosk set-pin`: the staff PIN is read from standard input (never from
// the command line, where it would end up in the shell history and the process list), hashed with
// Argon2id and written into the config folder's kiosk.toml, atomically, then checked. The file keeps
// its owner, group and mode; a kiosk.toml that is a symlink stays one (its target is written).
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "content/staff_pin.h"
#include "content/input_file.h"
#include "store/atomic_file.h"

namespace kiosk {
namespace {

std::string readLine(bool hidden) {
    termios old{};
    const bool tty = hidden && isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::fputs("\n", stderr);
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    return line;
}

}  // namespace

int cmdSetPin(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    const Texts& tx = ctx.texts;
    if (!cl.positional.empty()) {
        std::fprintf(stderr, "%s\n", tx("pin.not_on_command_line").c_str());
        return 2;
    }
    if (ctx.configDir.empty()) {
        std::fprintf(stderr, "%s\n", tx("pin.needs_config_folder").c_str());
        return 2;
    }
    const bool interactive = isatty(STDIN_FILENO);
    if (interactive) std::fprintf(stderr, "%s ", tx("pin.prompt").c_str());
    const std::string pin = readLine(true);
    if (interactive) {
        std::fprintf(stderr, "%s ", tx("pin.prompt_again").c_str());
        if (readLine(true) != pin) {
            std::fprintf(stderr, "%s\n", tx("pin.mismatch").c_str());
            return 2;
        }
    }
    if (!validPin(pin)) {
        std::fprintf(stderr, "%s\n", tx("pin.invalid").c_str());
        return 2;
    }
    const auto hash = hashPin(pin);
    if (!hash) {
        std::fprintf(stderr, "%s\n", tx("pin.hash_failed").c_str());
        return 1;
    }
    const auto file = ctx.configDir / kKioskFile;
    const InputFile read = readInputFile(file, kSettingsFileLimit, tx);
    if (!read.content) {  // never replace a kiosk.toml we could not read
        std::fprintf(stderr, "%s: %s\n", file.c_str(), read.message.c_str());
        return 2;
    }
    // Written through a symlink to its target, keeping the file's mode, owner and group
    // (atomic_file.h): a 0600 kiosk.toml stays 0600.
    const std::string before = *read.content;
    if (const std::string err = writeFileAtomically(file, withPinHash(before, *hash)); !err.empty()) {
        std::fprintf(stderr, "%s\n", err.c_str());
        return 1;
    }
    // The config must still load, with this very hash; otherwise put the file back as it was.
    Problems problems;
    const LoadedConfig after = loadConfig(readConfigFolder(ctx.configDir, tx, problems), tx);
    if (!problems.empty() || !after.ok() || after.settings.staffPinHash != *hash) {
        writeFileAtomically(file, before);
        for (const auto& p : after.problems) std::fprintf(stderr, "%s\n", p.format().c_str());
        return 2;
    }
    std::printf("%s\n", tx.format("pin.set", {{"path", file.string()}}).c_str());
    return 0;
}

}  // namespace kiosk
