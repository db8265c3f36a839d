#include "app/commands.h"

#include <cstdio>

#include "app/command_context.h"
#include "app/kiosk_session.h"
#include "app/paths.h"
#include "store/roster_sync.h"
#include "store/store_messages.h"

namespace kiosk {

int runCommand(const CommandLine& cl) {
    const std::string& c = cl.command;
    if (c == "check-config") return cmdCheckConfig(cl);
    if (c == "show") return cmdShow(cl);
    if (c == "import-roster") return cmdImportRoster(cl);
    if (c == "checkin" || c == "checkout") return cmdCheckInOut(cl);
    if (c == "export") return cmdExport(cl);
    if (c == "backup") return cmdBackup(cl);
    if (c == "purge") return cmdPurge(cl);
    if (c == "doctor") return cmdDoctor(cl);
    if (c == "set-pin") return cmdSetPin(cl);
    if (c == "central-dropin") return cmdCentralDropIn(cl);
    if (c == "central-setup") return cmdCentralSetup(cl);
    if (c == "sync") return cmdSync(cl);
    if (c == "restore") return cmdRestore(cl);
    if (c == "confirm-clock") return cmdConfirmClock(cl);
    if (c == "privacy") return cmdPrivacy(cl);
    std::fprintf(stderr, "leergang-kiosk: %s?\n", c.c_str());
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
    const StoreStatus s = openStoreWithRoster(db, ctx.dbPath, ctx.files, ctx.config, now, ctx.texts, messages, rosterFailed);
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
