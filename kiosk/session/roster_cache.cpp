#include "roster_cache.h"

#include <algorithm>
#include <set>

#include "core/name_labels.h"
#include "core/participant.h"
#include "store/attendance_db.h"

namespace kiosk {

void RosterCache::set(std::vector<Participant> roster) {
    // Who left the roster is a former participant now; who came back is not.
    std::set<std::string> codes;
    for (const auto& p : roster) codes.insert(p.code);
    std::vector<Participant> former;
    for (auto& p : former_)
        if (!codes.count(p.code)) former.push_back(std::move(p));
    for (const auto& p : people_)
        if (!codes.count(p.code)) former.push_back(p);
    former_ = std::move(former);
    std::vector<std::pair<std::string, size_t>> keys;
    for (size_t i = 0; i < roster.size(); ++i) keys.emplace_back(firstNameSortKey(roster[i]), i);
    std::sort(keys.begin(), keys.end());
    people_.clear();
    search_.clear();
    codes_ = {};
    ++version_;
    for (const auto& [key, i] : keys) {
        search_.push_back(searchText(roster[i]));
        codes_.add(roster[i].code, true, people_.size());
        people_.push_back(std::move(roster[i]));
    }
    for (NameDisplay d : {NameDisplay::first_and_initial, NameDisplay::first_only, NameDisplay::full})
        labels_[static_cast<size_t>(d)] = distinctLabels(people_, d);
}

bool RosterCache::reloadFrom(AttendanceDb& db) {
    std::vector<StoredParticipant> stored;
    if (!db.participants(stored).ok()) return false;
    std::vector<Participant> active, former;
    for (auto& sp : stored) (sp.active ? active : former).push_back(std::move(sp.participant));
    set(std::move(active));
    former_ = std::move(former);
    return true;
}

std::string RosterCache::labelOf(const Participant& p, NameDisplay policy) const {
    const auto& all = labels(policy);
    if (&p >= people_.data() && &p < people_.data() + people_.size()) return all[static_cast<size_t>(&p - people_.data())];
    for (size_t i = 0; i < people_.size(); ++i)
        if (people_[i].code == p.code) return all[i];
    return p.displayName(policy);
}

const Participant* RosterCache::find(const std::string& code) const {
    const CodeResolution r = codes_.resolve(code);
    return mayRecordAttendance(r) ? &people_[r.ref] : nullptr;
}

}  // namespace kiosk
