// health_probe.h: the disk-side facts the staff pages show (database and WAL size, free space,
// the newest backup, where an export would go), sampled on a timer from the frame, never from
// a view being built: stat, statvfs, a folder scan and /proc/self/mounts cost too much for every
// frame of a scrolling list, and a const path that touches the disk surprises every reader.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/civil_time.h"
#include "export/export_target.h"

namespace kiosk {

struct DiskHealth {
    int64_t databaseBytes = 0, walBytes = 0;
    int64_t freeBytes = -1;                   // on the database's disk (-1: unknown)
    std::optional<LocalDateTime> lastBackup;  // newest daily backup
    std::string lastBackupPath;
};

class HealthProbe {
public:
    static constexpr int64_t kHealthEveryMs = 5000;  // the Status page's figures
    static constexpr int64_t kTargetEveryMs = 2000;  // a USB stick put in shows soon enough

    HealthProbe(std::filesystem::path dbPath, std::filesystem::path exportFallback)
        : dbPath_(std::move(dbPath)), exportFallback_(std::move(exportFallback)) {}

    // Samples what is due at `now`: the disk figures only when `wantHealth` (the Status page is
    // up), the export target only when `wantTarget` (a staff page is up). A clock stepped back
    // samples again.
    void sample(Instant now, bool wantHealth, bool wantTarget);
    // Forget the samples (staff mode locked, or the export folder changed).
    void reset() { healthAt_ = targetAt_ = {}; }
    void setExportFallback(std::filesystem::path folder);

    const DiskHealth& health() const { return health_; }
    const ExportTarget& exportTarget() const { return target_; }

private:
    std::filesystem::path dbPath_, exportFallback_;
    DiskHealth health_;
    ExportTarget target_;
    Instant healthAt_, targetAt_;
};

}  // namespace kiosk
