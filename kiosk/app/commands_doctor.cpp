// commands_doctor.cpp: `leergang-kiosk doctor`, a health report for staff and for SSH: the config,
// the database's integrity, free disk, backups, the display and the fonts. Exit 0 when healthy,
// 1 when something needs fixing. A missing display alone is reported, not fatal.
#include <sys/statvfs.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>
#include <filesystem>

#include "app/central_sandbox.h"
#include "app/command_context.h"
#include "app/commands.h"
#include "app/paths.h"
#include "store/backup_rotation.h"

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

}  // namespace

int cmdDoctor(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx); rc != 0 && ctx.files.files.empty()) return rc;
    const Texts& tx = ctx.texts;
    Report r{tx};

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

    // Database: never created by the doctor, only examined.
    std::error_code ec;
    if (!std::filesystem::exists(ctx.dbPath, ec)) {
        r.line(Health::warn, tx("doctor.database"), tx.format("doctor.no_database", {{"path", ctx.dbPath.string()}}));
    } else {
        AttendanceDb db;
        const StoreOpenReport report = db.open(ctx.dbPath, SystemClock{}.now());
        std::string check;
        if (!report.quarantinedTo.empty())
            r.line(Health::fail, tx("doctor.database"), tx.format("store.quarantined", {{"path", report.quarantinedTo},
                                                                                        {"n", std::to_string(report.eventsCarriedOver)}}));
        if (!report.status.ok()) {
            r.line(Health::fail, tx("doctor.database"), ctx.dbPath.string() + ": " + describe(tx, report.status));
        } else if (auto s = db.integrityCheck(check); !s.ok() || check != "ok") {
            r.line(Health::fail, tx("doctor.database"), ctx.dbPath.string() + ": " + (s.ok() ? check : describe(tx, s)));
        } else {
            size_t events = 0;
            db.loadEvents([&](const AttendanceEvent&) { ++events; });
            // The schema (SQLite's user_version) after opening, which migrates an older one: what a
            // package upgrade is checked by ("1", or "0 → 1" when this run migrated it).
            const int schema = db.schemaVersion();
            std::string schemaText = std::to_string(schema);
            if (report.schemaVersionBefore != schema)
                schemaText = std::to_string(report.schemaVersionBefore) + " \u2192 " + schemaText;
            r.line(Health::ok, tx("doctor.database"),
                   tx.format("doctor.database_ok", {{"path", ctx.dbPath.string()}, {"n", std::to_string(events)},
                                                    {"schema", schemaText},
                                                    {"size", mib(std::filesystem::file_size(ctx.dbPath, ec))}}));
        }
    }

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

    // Free disk where the data lives.
    std::filesystem::path dir = ctx.dbPath.parent_path();
    while (!dir.empty() && !std::filesystem::exists(dir, ec)) dir = dir.parent_path();
    struct statvfs fs{};
    if (!dir.empty() && ::statvfs(dir.c_str(), &fs) == 0) {
        const unsigned long long free = static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize;
        const Health h = free < 100ull << 20 ? Health::fail : free < 1ull << 30 ? Health::warn : Health::ok;
        r.line(h, tx("doctor.disk"), tx.format("doctor.disk_free", {{"free", mib(free)}, {"path", dir.string()}}));
    }

    // Backups.
    const std::string newest = newestBackup(backupDir(ctx.dbPath));
    if (newest.empty()) r.line(Health::warn, tx("doctor.backup"), tx.format("doctor.no_backup", {{"path", backupDir(ctx.dbPath).string()}}));
    else r.line(Health::ok, tx("doctor.backup"), newest);

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

    std::printf("\n%s\n", tx(r.failed ? "doctor.unhealthy" : "doctor.healthy").c_str());
    return r.failed ? 1 : 0;
}

}  // namespace kiosk
