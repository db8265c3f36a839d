#include "paths.h"

#include <cstdlib>

namespace kiosk {

std::filesystem::path resolveConfigDir(const std::optional<std::string>& cli) {
    if (cli) return *cli;
    if (const char* env = std::getenv("LEERGANG_KIOSK_CONFIG"); env && *env) return env;
    std::error_code ec;
    if (std::filesystem::is_directory("/etc/leergang-kiosk", ec)) return "/etc/leergang-kiosk";
    return {};
}

std::filesystem::path resolveDbPath(const std::optional<std::string>& cli) {
    if (cli) return *cli;
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = std::filesystem::path(home) / ".local/share";
    else base = ".";
    return base / "leergang-kiosk" / "attendance.db";
}

namespace {
std::filesystem::path folderOf(const std::filesystem::path& dbPath) {
    return dbPath.has_parent_path() ? dbPath.parent_path() : std::filesystem::path(".");
}
}  // namespace

std::filesystem::path backupDir(const std::filesystem::path& dbPath) { return folderOf(dbPath) / "backups"; }

std::filesystem::path exportDir(const std::string& configuredFolder, const std::filesystem::path& dbPath) {
    if (!configuredFolder.empty()) return configuredFolder;
    return folderOf(dbPath) / "exports";
}

}  // namespace kiosk
