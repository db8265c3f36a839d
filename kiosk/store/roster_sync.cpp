#include "roster_sync.h"
#include "store/meta_keys.h"

#include <cstdio>


namespace kiosk {

std::string contentHash(std::string_view content) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : content) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

StoreStatus syncConfigRoster(AttendanceDb& db, const std::vector<Participant>& roster, std::string_view csvContent,
                             Instant now, bool& imported, RosterImportResult& result) {
    imported = false;
    result = {};
    if (roster.empty()) return {};  // refused: see roster_sync.h
    const std::string hash = contentHash(csvContent);
    std::string stored;
    if (auto s = db.meta(meta_keys::kConfigRosterHash, stored); !s.ok()) return s;
    if (stored == hash) return {};
    // Codes that lost their leading zeros in Excel ("7" for "0007") keep the stored form inside
    // importRoster (core/code_resolver.h); result.codesRestored says which.
    auto s = db.importRoster(roster, now, result, meta_keys::kConfigRosterHash, hash);
    imported = s.ok();
    return s;
}

}  // namespace kiosk
