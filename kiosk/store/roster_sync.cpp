#include "roster_sync.h"

#include <cstdio>

#include "core/roster.h"

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
    if (auto s = db.meta(kConfigRosterHashKey, stored); !s.ok()) return s;
    if (stored == hash) return {};
    // Codes that lost their leading zeros in Excel ("7" for "0007") would make a second person of
    // everyone: not synced (import-roster says why, with the line).
    std::vector<StoredParticipant> known;
    if (auto s = db.participants(known); !s.ok()) return s;
    std::vector<std::string> knownCodes;
    for (const auto& k : known) knownCodes.push_back(k.participant.code);
    std::vector<RosterRow> rows;
    for (const auto& p : roster) rows.push_back({0, p});
    result.lostZeros = codesThatLostZeros(rows, knownCodes);
    if (!result.lostZeros.empty()) return {};
    auto s = db.importRoster(roster, now, result, kConfigRosterHashKey, hash);
    imported = s.ok();
    return s;
}

}  // namespace kiosk
