// backup_rotation.h: one backup a day, the newest `keep` kept. Files are named
// attendance-YYYY-MM-DD.db in the backup folder, made with SQLite's online backup API.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "attendance_db.h"

namespace kiosk {

struct DailyBackupResult {
    StoreStatus status;
    std::string path;   // the backup for `today` (made now or earlier)
    bool made = false;  // false when today's backup already existed
    int removed = 0;    // old backups deleted by rotation
};

DailyBackupResult dailyBackup(AttendanceDb& db, const std::filesystem::path& dir, LocalDate today, int keep);

// The backups in `dir` that still hold people erased from `live` since (privacy erase: a backup
// keeps them until it rotates out), with how many each holds; read-only. For `doctor`.
struct BackupHolding {
    std::string path;
    int erasedPeople = 0;
};
std::vector<BackupHolding> backupsHoldingErased(AttendanceDb& live, const std::filesystem::path& dir);
// The same for the copies put aside beside `database` (damaged-, before-restore-, before-recovery-:
// store/quarantine.h), which the purge removes only after the retention period.
std::vector<BackupHolding> asideCopiesHoldingErased(AttendanceDb& live, const std::filesystem::path& database);

// The newest backup file in `dir`, or "".
std::string newestBackup(const std::filesystem::path& dir);

}  // namespace kiosk
