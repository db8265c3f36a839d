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
    if (c == "restore") return cmdRestore(cl);
    if (c == "confirm-clock") return cmdConfirmClock(cl);
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
    ctx.files = ctx.configDir.empty() ? embeddedConfig() : readConfigFolder(ctx.configDir, ctx.texts, readProblems);
    if (!cl.lang) {
        Problems ignored;
        ctx.texts.setLang(loadSettingsOnly(ctx.files, ctx.texts, ignored).lang);
    }
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
    db.setRetentionDays(ctx.config.settings.retentionDays);
    const StoreOpenReport report = db.open(ctx.dbPath, now);
    for (const auto& line : describeOpenReport(ctx.texts, report)) std::fprintf(stderr, "%s\n", line.c_str());
    if (!report.status.ok()) {
        std::fprintf(stderr, "%s: %s\n", ctx.dbPath.c_str(), describe(ctx.texts, report.status).c_str());
        return 1;
    }
    if (auto it = ctx.files.files.find(kRosterFile); it != ctx.files.files.end() && ctx.config.ok()) {
        std::vector<Participant> rows;
        for (const auto& r : ctx.config.roster.rows) rows.push_back(r.participant);
        RosterImportResult result;
        bool imported = false;
        if (auto s = syncConfigRoster(db, rows, it->second, now, imported, result); !s.ok()) {
            std::fprintf(stderr, "%s: %s\n", ctx.dbPath.c_str(), describe(ctx.texts, s).c_str());
            return 1;
        }
    }
    return 0;
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
