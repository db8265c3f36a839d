// paths.h: where the kiosk finds its config and keeps its data.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

// --config, else $LEERGANG_KIOSK_CONFIG, else /etc/leergang-kiosk (when it exists), else "" which
// means the embedded default config (the bundled config/ built into the binary).
std::filesystem::path resolveConfigDir(const std::optional<std::string>& cli);
// --db, else $XDG_DATA_HOME/leergang-kiosk/attendance.db (~/.local/share when unset).
std::filesystem::path resolveDbPath(const std::optional<std::string>& cli);
// Daily backups: `backups/` beside the database.
std::filesystem::path backupDir(const std::filesystem::path& dbPath);
// Exports: kiosk.toml's export folder, else `exports/` beside the database.
std::filesystem::path exportDir(const std::string& configuredFolder, const std::filesystem::path& dbPath);

}  // namespace kiosk
