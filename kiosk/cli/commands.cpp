#include "cli/commands.h"

#include <cstdio>

#include "cli/command_context.h"
#include "cli/subcommands.h"
#include "content/config_folder.h"
#include "content/paths.h"
#include "store/roster_sync.h"
#include "store/store_opening.h"
#include "store/store_messages.h"

namespace kiosk {

int runCommand(const CommandLine& cl) {
    if (const Subcommand* c = findSubcommand(cl.command)) return c->run(cl);
    std::fprintf(stderr, "leergang-kiosk: %s?\n", cl.command.c_str());
    return 2;
}

int prepareCommand(const CommandLine& cl, CommandContext& ctx) {
    ctx.texts = loadEmbeddedTexts(Lang::nl);
    if (cl.lang) {
        Lang l;
        if (!parseLang(*cl.lang, l)) {
            std::fprintf(stderr, "leergang-kiosk: --lang nl|en\n");
            return 2;
        }
        ctx.texts.setLang(l);
    }
    ctx.configDir = resolveConfigDir(cl.configDir);
    ctx.dbPath = resolveDbPath(cl.dbPath);
    Problems readProblems;
    ctx.files = readConfig(ctx.configDir, ctx.texts, cl.lang.has_value(), readProblems);
    if (!readProblems.empty()) {
        for (const auto& p : readProblems) std::fprintf(stderr, "%s\n", p.format().c_str());
        return 2;
    }
    ctx.config = loadConfig(ctx.files, ctx.texts);
    return 0;
}

std::string describe(const Texts& texts, const StoreStatus& s) {
    return texts(storeErrorKey(s.kind)) + (s.detail.empty() ? "" : " (" + s.detail + ")");
}

int openStoreWithRoster(CommandContext& ctx, AttendanceDb& db, Instant now) {
    std::vector<std::string> messages;
    bool rosterFailed = false;
    const StoreStatus s = openStoreWithRoster(db, ctx.dbPath, ctx.config.settings.retentionDays, rosterInput(ctx.files, ctx.config), now,
                                               ctx.texts, messages, rosterFailed);
    for (const auto& m : messages) std::fprintf(stderr, "%s\n", m.c_str());
    return s.ok() && !rosterFailed ? 0 : 1;
}

int openStoreForReading(CommandContext& ctx, AttendanceDb& db) {
    std::error_code ec;
    if (!std::filesystem::exists(ctx.dbPath, ec)) {
        // Nothing to read yet: the first command creates it as the kiosk would (nothing to move).
        return openStoreWithRoster(ctx, db, SystemClock{}.now());
    }
    db.setRetentionDays(ctx.config.settings.retentionDays);
    if (auto s = db.openReadOnly(ctx.dbPath); !s.ok()) {
        std::fprintf(stderr, "%s: %s\n", ctx.dbPath.c_str(), describe(ctx.texts, s).c_str());
        return 1;
    }
    if (!db.readOnlyNote().empty())
        std::fprintf(stderr, "%s\n", ctx.texts.format("doctor.read_only_note", {{"note", db.readOnlyNote()}}).c_str());
    return 0;
}

}  // namespace kiosk
