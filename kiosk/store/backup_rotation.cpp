#include "backup_rotation.h"

#include <algorithm>
#include <set>
#include <vector>

namespace kiosk {
namespace {

bool isBackupName(const std::string& name) {
    return name.size() == std::string("attendance-YYYY-MM-DD.db").size() && name.rfind("attendance-", 0) == 0 &&
           name.substr(name.size() - 3) == ".db" && LocalDate::parse(name.substr(11, 10)).has_value();
}

std::vector<std::filesystem::path> backups(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.is_regular_file(ec) && isBackupName(entry.path().filename().string())) out.push_back(entry.path());
    std::sort(out.begin(), out.end());  // ISO dates sort by name
    return out;
}

}  // namespace

DailyBackupResult dailyBackup(AttendanceDb& db, const std::filesystem::path& dir, LocalDate today, int keep) {
    DailyBackupResult r;
    const auto target = dir / ("attendance-" + today.iso() + ".db");
    r.path = target.string();
    std::error_code ec;
    if (!std::filesystem::exists(target, ec)) {
        r.status = db.backupTo(target);
        if (!r.status.ok()) return r;
        r.made = true;
    }
    auto all = backups(dir);
    while (static_cast<int>(all.size()) > std::max(1, keep)) {
        if (std::filesystem::remove(all.front(), ec)) ++r.removed;
        all.erase(all.begin());
    }
    return r;
}

namespace {

std::vector<BackupHolding> holdingErased(AttendanceDb& live, const std::vector<std::filesystem::path>& files) {
    std::vector<BackupHolding> out;
    for (const auto& file : files) {
        AttendanceDb copy;
        if (!copy.openReadOnly(file).ok()) continue;  // unreadable: doctor's other lines say so
        std::set<std::string> codes;
        std::vector<StoredParticipant> people;
        if (copy.participants(people).ok())
            for (const auto& p : people) codes.insert(p.participant.code);
        copy.loadEvents([&](const AttendanceEvent& e) {
            if (!e.participantCode.empty()) codes.insert(e.participantCode);
        });
        int erased = 0;
        for (const auto& code : codes)
            if (bool gone = false; live.isErased(code, gone).ok() && gone) ++erased;
        if (erased > 0) out.push_back({file.string(), erased});
    }
    return out;
}

}  // namespace

std::vector<BackupHolding> backupsHoldingErased(AttendanceDb& live, const std::filesystem::path& dir) {
    return holdingErased(live, backups(dir));
}

std::vector<BackupHolding> asideCopiesHoldingErased(AttendanceDb& live, const std::filesystem::path& database) {
    const std::filesystem::path dir = database.has_parent_path() ? database.parent_path() : std::filesystem::path(".");
    const std::string base = database.filename().string() + ".";
    std::vector<std::filesystem::path> copies;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        const bool sidecar = name.size() > 4 && (name.ends_with("-wal") || name.ends_with("-shm"));
        for (const char* tag : {"damaged-", "before-restore-", "before-recovery-"})
            if (name.rfind(base + tag, 0) == 0 && !sidecar && entry.is_regular_file(ec)) copies.push_back(entry.path());
    }
    std::sort(copies.begin(), copies.end());
    return holdingErased(live, copies);
}

std::string newestBackup(const std::filesystem::path& dir) {
    auto all = backups(dir);
    return all.empty() ? std::string{} : all.back().string();
}

}  // namespace kiosk
