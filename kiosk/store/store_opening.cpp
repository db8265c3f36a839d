#include "store/store_opening.h"

#include "store/roster_sync.h"
#include "store/store_messages.h"

namespace kiosk {

StoreStatus openStoreWithRoster(AttendanceDb& db, const std::filesystem::path& dbPath, int retentionDays,
                                const std::optional<RosterInput>& roster, Instant now, const Texts& texts,
                                std::vector<std::string>& messages, bool& rosterFailed) {
    rosterFailed = false;
    db.setRetentionDays(retentionDays);  // purge by evidence, the plausible window (retention.cpp)
    const StoreOpenReport report = db.open(dbPath, now);
    for (const auto& line : describeOpenReport(texts, report)) messages.push_back(line);
    if (!report.status.ok()) {
        messages.push_back(dbPath.string() + ": " + texts(storeErrorKey(report.status.kind)) + " (" + report.status.detail + ")");
        return report.status;
    }
    if (roster) {
        RosterImportResult result;
        bool imported = false;
        if (auto s = syncConfigRoster(db, roster->rows, roster->csvText, now, imported, result); !s.ok()) {
            messages.push_back(dbPath.string() + ": " + texts(storeErrorKey(s.kind)) + " (" + s.detail + ")");
            rosterFailed = true;
        }
    }
    return report.status;
}

}  // namespace kiosk
