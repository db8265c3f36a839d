#include "roster_cache.h"

#include <algorithm>

#include "core/participant.h"
#include "store/attendance_db.h"

namespace kiosk {

void RosterCache::set(std::vector<Participant> roster) {
    std::vector<std::pair<std::string, size_t>> keys;
    for (size_t i = 0; i < roster.size(); ++i) keys.emplace_back(firstNameSortKey(roster[i]), i);
    std::sort(keys.begin(), keys.end());
    people_.clear();
    search_.clear();
    ++version_;
    for (const auto& [key, i] : keys) {
        search_.push_back(searchText(roster[i]));
        people_.push_back(std::move(roster[i]));
    }
}

bool RosterCache::reloadFrom(AttendanceDb& db) {
    std::vector<StoredParticipant> stored;
    if (!db.participants(stored).ok()) return false;
    std::vector<Participant> active;
    for (auto& sp : stored)
        if (sp.active) active.push_back(std::move(sp.participant));
    set(std::move(active));
    return true;
}

const Participant* RosterCache::find(const std::string& code) const {
    const std::string norm = normaliseCode(code);
    for (const auto& p : people_)
        if (p.code == norm) return &p;
    return nullptr;
}

}  // namespace kiosk
