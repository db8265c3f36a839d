// roster_cache.h: the active participants as the screens list them (by first name, the Dutch
// way), with their search texts computed once per change, and a version that tells the staff
// lists when to rebuild.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/participant.h"

namespace kiosk {

class AttendanceDb;

class RosterCache {
public:
    // Replaces the roster (active participants only).
    void set(std::vector<Participant> active);
    // Reads the active participants from the store; false when it could not.
    bool reloadFrom(AttendanceDb& db);
    // Something the staff lists show changed without the roster changing (a config reload).
    void touch() { ++version_; }

    const std::vector<Participant>& people() const { return people_; }
    const std::vector<std::string>& searchTexts() const { return search_; }  // searchText() of each
    // The participant with this code (normalised as at import), or nullptr.
    const Participant* find(const std::string& code) const;
    uint64_t version() const { return version_; }

private:
    std::vector<Participant> people_;
    std::vector<std::string> search_;
    uint64_t version_ = 0;
};

}  // namespace kiosk
