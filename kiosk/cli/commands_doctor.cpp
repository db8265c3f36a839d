// commands_doctor.cpp: `leergang-kiosk doctor`, a health report for staff and for SSH: the config,
// the database's integrity, free disk, backups, the display and the fonts. Exit 0 when healthy,
// 1 when something needs fixing. A missing display alone is reported, not fatal.
#include <sys/statvfs.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>
#include <filesystem>

#include "cli/central_sandbox.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "content/paths.h"
#include "central/central_connect.h"
#include "central/central_kiosk_role.h"
#include "central/central_peer.h"
#include "central/pg_connection.h"
#include "central/sync_status.h"
#include "store/central_outbox.h"
#include "store/backup_rotation.h"
#include "store/store_messages.h"

namespace kiosk {
namespace {

enum class Health { ok, warn, fail };

struct Report {
    const Texts& tx;
    bool failed = false;
    void line(Health h, const std::string& what, const std::string& detail) {
        const char* key = h == Health::ok ? "doctor.ok" : h == Health::warn ? "doctor.warn" : "doctor.fail";
        std::printf("%-8s %-14s %s\n", tx(key).c_str(), what.c_str(), detail.c_str());
        failed = failed || h == Health::fail;
    }
};

std::string mib(unsigned long long bytes) { return std::to_string(bytes / (1024 * 1024)) + " MiB"; }

void checkConfig(const CommandContext& ctx, Report& r) {
    const Texts& tx = ctx.texts;
    // Config.
    const std::string origin = ctx.configDir.empty() ? tx("config.embedded") : ctx.configDir.string();
    int errors = 0, warnings = 0;
    for (const auto& p : ctx.config.problems) (p.severity == Severity::error ? errors : warnings)++;
    if (errors) {
        r.line(Health::fail, tx("doctor.config"), tx.format("config.invalid_summary", {{"origin", origin}, {"n", std::to_string(errors)}}));
        for (const auto& p : ctx.config.problems) std::printf("         %s\n", p.format().c_str());
    } else {
        r.line(warnings ? Health::warn : Health::ok, tx("doctor.config"),
               tx.format("doctor.config_ok", {{"origin", origin}, {"days", std::to_string(ctx.config.programme.days.size())},
                                              {"participants", std::to_string(ctx.config.roster.rows.size())},
                                              {"warnings", std::to_string(warnings)}}));
    }
}

void checkDatabase(const CommandContext& ctx, Report& r) {
    const Texts& tx = ctx.texts;
    // Database: never created, written or moved by the doctor, only read (read-only open: it also
    // works on a read-only database, and a damaged one is left for the kiosk to move aside).
    std::error_code ec;
    if (!std::filesystem::exists(ctx.dbPath, ec)) {
        r.line(Health::warn, tx("doctor.database"), tx.format("doctor.no_database", {{"path", ctx.dbPath.string()}}));
    } else {
        AttendanceDb db;
        db.setRetentionDays(ctx.config.settings.retentionDays);
        const StoreStatus opened = db.openReadOnly(ctx.dbPath);
        std::string check;
        if (!opened.ok()) {
            r.line(Health::fail, tx("doctor.database"), ctx.dbPath.string() + ": " + describe(tx, opened));
        } else if (auto s = db.integrityCheck(check); !s.ok() || check != "ok") {
            r.line(Health::fail, tx("doctor.database"), ctx.dbPath.string() + ": " + (s.ok() ? tx("store_error.damaged") + " (" + check + ")" : describe(tx, s)));
        } else {
            size_t events = 0;
            db.loadEvents([&](const AttendanceEvent&) { ++events; });
            // The schema (SQLite's user_version) as the kiosk last left it (the doctor only reads; the
            // kiosk migrates an older one when it opens the file): what a package upgrade is checked by.
            const std::string schemaText = std::to_string(db.schemaVersion());
            r.line(Health::ok, tx("doctor.database"),
                   tx.format("doctor.database_ok", {{"path", ctx.dbPath.string()}, {"n", std::to_string(events)},
                                                    {"schema", schemaText},
                                                    {"size", mib(std::filesystem::file_size(ctx.dbPath, ec))}}));
        }
        if (!db.readOnlyNote().empty()) r.line(Health::warn, tx("doctor.database"), tx.format("doctor.read_only_note", {{"note", db.readOnlyNote()}}));
        // The clock, judged against the records (store/retention.cpp).
        ClockCheck clock;
        const Instant now = SystemClock{}.now();
        if (opened.ok() && db.checkClock(now, clock).ok())
            r.line(clock.ok() ? Health::ok : Health::fail, tx("doctor.clock"), describeClock(tx, clock, now, db.retentionDays()));
    }
}

void checkUnitSandbox(const CommandContext& ctx, Report& r) {
    const Texts& tx = ctx.texts;
    // The central record against the installed unit's sandbox (issue 19): blocked is a failure, since
    // check-ins would then stay on this kiosk while everyone believes they reach the record.
    if (const std::string& url = ctx.config.settings.centralUrl; url.empty()) {
        r.line(Health::ok, tx("doctor.central"), tx("doctor.central_off"));
    } else if (std::string error; auto target = parseCentralUrl(url, error)) {
        const ResolvedCentral c = resolveCentral(*target);
        std::string hosts;
        for (const auto& s : c.servers) hosts += (hosts.empty() ? "" : ", ") + s.host + ":" + s.port;
        const auto units = installedUnitTexts();
        if (c.socketOnly) r.line(Health::ok, tx("doctor.central"), tx("doctor.central_socket"));
        for (const auto& h : c.unresolved) r.line(Health::warn, tx("doctor.central"), tx.format("doctor.central_unresolved", {{"host", h}}));
        if (!c.socketOnly && units.empty()) {
            r.line(Health::warn, tx("doctor.central"), tx.format("doctor.central_no_unit", {{"hosts", hosts}}));
        } else if (!c.socketOnly) {
            std::string blocked;
            for (const auto& b : blockedAddresses(c, readUnitNetworkPolicy(units))) blocked += (blocked.empty() ? "" : ", ") + b;
            if (!blocked.empty()) r.line(Health::fail, tx("doctor.central"), tx.format("doctor.central_blocked", {{"blocked", blocked}}));
            else if (c.unresolved.empty()) r.line(Health::ok, tx("doctor.central"), tx.format("doctor.central_reachable", {{"hosts", hosts}}));
        }
    }
}

void checkCentral(const CommandContext& ctx, Report& r) {
    const Texts& tx = ctx.texts;
    std::error_code ec;
    // The central record itself (issue 17, item 6): reached or not, what waits here, and every
    // kiosk's last contact and clock offset as the server's kiosk table has them. Offline is a
    // warning, not a failure: the kiosk works on and sends later.
    if (const KioskSettings& k = ctx.config.settings; !k.centralUrl.empty() && validCentralKioskId(k.kioskId)) {
        SyncStatus st;
        st.enabled = true;
        int64_t epoch = -1;  // this database's series; -1: no database yet
        if (CentralOutbox outbox; std::filesystem::exists(ctx.dbPath, ec) && outbox.open(ctx.dbPath, true).ok()) {
            outbox.countWaiting(st.waiting);
            outbox.lastRecovery(st.recoveredMs, st.recoveredN);
            if (std::vector<std::pair<std::string, int64_t>> former; outbox.formerIds(former).ok())
                st.formerIds = formerIdNames(former);
            if (!outbox.epoch(epoch).ok()) epoch = -1;
        }
        PgConnection central;
        const CentralConnectResult c = connectCentral(central, k.centralUrl, k.centralPasswordFile, tx, 5);
        std::string error;
        PeerCheck peer;
        if (c.ok) peer = checkPeer(central, k.kioskId);
        if (!c.ok) {
            st.errorKey = "sync.status_unreachable";
            st.errorDetail = c.message;
        } else if (!peer.ok()) {
            // central_sync.h, rule 6: the kiosk exchanges nothing with this server until it is fixed.
            st.errorKey = "sync.status_peer_refused";
            st.errorDetail = describePeerCheck(peer, tx, k.kioskId, central.user());
            r.failed = true;
        } else if (epoch >= 0 && !stampDatabase(central, k.kioskId, epoch, boxName(ctx.dbPath), true, st.duplicateBoxes, error)) {
            st.errorKey = "sync.status_pull_failed";
            st.errorDetail = error;
        } else if (!readKioskContacts(central, st.kiosks, st.serverNowMs, error)) {
            st.errorKey = "sync.status_pull_failed";
            st.errorDetail = error;
        } else {
            st.connected = true;
            for (const auto& kc : st.kiosks)
                if (kc.id == k.kioskId) st.lastSyncMs = kc.lastSeenMs;  // its last contact, by the server's clock
        }
        for (const auto& l : describeSyncStatus(st, tx, k.kioskId, SystemClock{}.now().ms))
            r.line(l.ok ? Health::ok : Health::warn, tx("doctor.central"), l.label + ": " + l.value);
        if (!st.duplicateBoxes.empty()) r.failed = true;  // two boxes, one id: needs fixing (rule 7)
    }
}

void checkDisk(const CommandContext& ctx, Report& r) {
    const Texts& tx = ctx.texts;
    std::error_code ec;
    // Free disk where the data lives.
    std::filesystem::path dir = ctx.dbPath.parent_path();
    while (!dir.empty() && !std::filesystem::exists(dir, ec)) dir = dir.parent_path();
    struct statvfs fs{};
    if (!dir.empty() && ::statvfs(dir.c_str(), &fs) == 0) {
        const unsigned long long free = static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize;
        // Full is full at any size of disk: less than one MiB left (a check-in's commit and the
        // WAL need a few pages) is named as a full disk, not as "cannot read or write".
        const TextArgs args{{"free", free < 1ull << 20 ? std::to_string(free / 1024) + " KiB" : mib(free)}, {"path", dir.string()}};
        if (free < 1ull << 20) r.line(Health::fail, tx("doctor.disk"), tx.format("doctor.disk_full", args));
        else r.line(free < 100ull << 20 ? Health::fail : free < 1ull << 30 ? Health::warn : Health::ok, tx("doctor.disk"),
                    tx.format("doctor.disk_free", args));
    }
}

void checkBackups(const CommandContext& ctx, Report& r) {
    const Texts& tx = ctx.texts;
    // Backups.
    const std::string newest = newestBackup(backupDir(ctx.dbPath));
    if (newest.empty()) r.line(Health::warn, tx("doctor.backup"), tx.format("doctor.no_backup", {{"path", backupDir(ctx.dbPath).string()}}));
    else r.line(Health::ok, tx("doctor.backup"), newest);
    // People erased on request whom a backup still holds, until it rotates out (issue 31, item 4).
    std::error_code ec;
    AttendanceDb live;
    if (!std::filesystem::exists(ctx.dbPath, ec) || !live.openReadOnly(ctx.dbPath).ok()) return;
    for (const auto& h : backupsHoldingErased(live, backupDir(ctx.dbPath)))
        r.line(Health::warn, tx("doctor.backup"),
               tx.format("doctor.backup_holds_erased", {{"path", h.path}, {"n", std::to_string(h.erasedPeople)},
                                                        {"keep", std::to_string(ctx.config.settings.backupKeep)}}));
    for (const auto& h : asideCopiesHoldingErased(live, ctx.dbPath))
        r.line(Health::warn, tx("doctor.backup"),
               tx.format("doctor.aside_holds_erased", {{"path", h.path}, {"n", std::to_string(h.erasedPeople)},
                                                       {"days", std::to_string(ctx.config.settings.retentionDays)}}));
}

void checkDisplayAndFonts(const CommandContext& ctx, Report& r) {
    const Texts& tx = ctx.texts;
    std::error_code ec;
    // Display (over SSH there is none: reported, not fatal).
    glfwSetErrorCallback([](int, const char*) {});
    if (glfwInit()) {
        r.line(Health::ok, tx("doctor.display"), std::getenv("WAYLAND_DISPLAY") ? std::getenv("WAYLAND_DISPLAY")
                                                                                : std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "");
        glfwTerminate();
    } else {
        r.line(Health::warn, tx("doctor.display"), tx("doctor.no_display"));
    }

    // Fonts.
    const bool inter = std::filesystem::exists("/usr/share/fonts/opentype/inter/Inter-Regular.otf", ec);
    const bool dejavu = std::filesystem::exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", ec);
    r.line(inter ? Health::ok : dejavu ? Health::warn : Health::fail, tx("doctor.fonts"),
           inter ? "Inter (fonts-inter)" : dejavu ? tx("doctor.fonts_fallback") : tx("doctor.no_fonts"));
}

}  // namespace

int cmdDoctor(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx); rc != 0 && ctx.files.files.empty()) return rc;
    const Texts& tx = ctx.texts;
    Report r{tx};
    checkConfig(ctx, r);
    checkDatabase(ctx, r);
    checkUnitSandbox(ctx, r);
    checkCentral(ctx, r);
    checkDisk(ctx, r);
    checkBackups(ctx, r);
    checkDisplayAndFonts(ctx, r);
    std::printf("\n%s\n", tx(r.failed ? "doctor.unhealthy" : "doctor.healthy").c_str());
    return r.failed ? 1 : 0;
}

}  // namespace kiosk
