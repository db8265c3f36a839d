// health_probe.h: the disk-side facts the staff pages show (database and WAL size, free space,
// the newest backup, where an export would go), sampled on a timer from the frame, never from
// a view being built: stat, statvfs, a folder scan and /proc/self/mounts cost too much for every
// frame of a scrolling list, and a const path that touches the disk surprises every reader.
#pragma once

#include <cstdint>
#include <functional>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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

    // `drives`: how the writable USB sticks are found (empty: currentRemovableTargets()).
    HealthProbe(std::filesystem::path dbPath, std::filesystem::path exportFallback,
                std::function<std::vector<ExportTarget>()> drives = {})
        : dbPath_(std::move(dbPath)), exportFallback_(std::move(exportFallback)), lookDrives_(std::move(drives)) {}

    // Samples what is due at `now`: the disk figures only when `wantHealth` (the Status page is
    // up), the export target only when `wantTarget` (a staff page is up). A clock stepped back
    // samples again.
    void sample(Instant now, bool wantHealth, bool wantTarget);
    // Forget the samples (staff mode locked, or the export folder changed).
    void reset() { healthAt_ = targetAt_ = {}; }
    void setExportFallback(std::filesystem::path folder);

    const DiskHealth& health() const { return health_; }
    // The writable removable drives (export_target.h, rule 2: with more than one, staff choose).
    const std::vector<ExportTarget>& drives() const { return drives_; }
    // Where an export goes when staff chose `chosen` (a drive's mount folder, or ""): that drive
    // if it is still there; else the only drive; else, with several, nothing (`folder` empty: choose
    // first); with none, the export folder.
    ExportTarget exportTarget(const std::string& chosen) const;
    // The same, looked up now rather than from the last sample (what an export is written to).
    ExportTarget exportTargetNow(const std::string& chosen) const;

private:
    std::filesystem::path dbPath_, exportFallback_;
    DiskHealth health_;
    std::vector<ExportTarget> drives_;
    std::function<std::vector<ExportTarget>()> lookDrives_;
    Instant healthAt_, targetAt_;
};

}  // namespace kiosk
