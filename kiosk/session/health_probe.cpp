#include "health_probe.h"

#include <sys/stat.h>
#include <sys/statvfs.h>

#include "content/paths.h"
#include "store/backup_rotation.h"

namespace kiosk {
namespace {

std::optional<LocalDateTime> fileTime(const std::filesystem::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return std::nullopt;
    return toLocal({static_cast<int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000});
}

int64_t fileBytes(const std::filesystem::path& p) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(p, ec);
    return ec ? 0 : static_cast<int64_t>(n);
}

bool due(Instant at, Instant now, int64_t everyMs) { return at.ms == 0 || now.ms - at.ms >= everyMs || now < at; }

}  // namespace

void HealthProbe::setExportFallback(std::filesystem::path folder) {
    if (folder == exportFallback_) return;
    exportFallback_ = std::move(folder);
    targetAt_ = {};
}

void HealthProbe::sample(Instant now, bool wantHealth, bool wantTarget) {
    if (wantHealth && due(healthAt_, now, kHealthEveryMs)) {
        healthAt_ = now;
        health_.databaseBytes = fileBytes(dbPath_);
        health_.walBytes = fileBytes(dbPath_.string() + "-wal");
        struct statvfs vfs {};
        const std::filesystem::path dir = dbPath_.has_parent_path() ? dbPath_.parent_path() : ".";
        health_.freeBytes =
            statvfs(dir.c_str(), &vfs) == 0 ? static_cast<int64_t>(vfs.f_bavail) * static_cast<int64_t>(vfs.f_frsize) : -1;
        health_.lastBackupPath = newestBackup(backupDir(dbPath_));
        health_.lastBackup = health_.lastBackupPath.empty() ? std::nullopt : fileTime(health_.lastBackupPath);
    }
    if (wantTarget && due(targetAt_, now, kTargetEveryMs)) {
        targetAt_ = now;
        drives_ = lookDrives_ ? lookDrives_() : currentRemovableTargets();
    }
}

ExportTarget HealthProbe::exportTarget(const std::string& chosen) const { return pickExportTarget(drives_, chosen, exportFallback_); }

ExportTarget HealthProbe::exportTargetNow(const std::string& chosen) const {
    return pickExportTarget(lookDrives_ ? lookDrives_() : currentRemovableTargets(), chosen, exportFallback_);
}

}  // namespace kiosk
