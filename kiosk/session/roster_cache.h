// roster_cache.h: the active participants as the screens list them (by first name, the Dutch
// way), with their search texts and their labels (namesakes told apart, core/name_labels.h)
// computed once per change, and a version that tells the staff lists when to rebuild.
#pragma once

#include <cstdint>
#include <cstddef>
#include <string>
#include <vector>

#include "core/code_resolver.h"
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
    // People no longer on the roster (kept in the store for history): the staff pages show them on
    // the days they were there. reloadFrom() reads them; set() adds whoever left the roster.
    const std::vector<Participant>& former() const { return former_; }
    const std::vector<std::string>& searchTexts() const { return search_; }  // searchText() of each
    // The label each is shown by under a display policy, same order (distinctLabels over all).
    const std::vector<std::string>& labels(NameDisplay policy) const { return labels_[static_cast<size_t>(policy)]; }
    // The label of a participant in people(), or its display name when not one of them.
    std::string labelOf(const Participant& p, NameDisplay policy) const;
    // The participant this code means (core/code_resolver.h: "7" finds "0007"), or nullptr when
    // mayRecordAttendance() says no (unknown, or ambiguous among stored forms).
    const Participant* find(const std::string& code) const;
    uint64_t version() const { return version_; }

private:
    std::vector<Participant> people_;
    std::vector<Participant> former_;
    std::vector<std::string> search_;
    CodeIndex codes_;  // over people_
    std::vector<std::string> labels_[3];  // per NameDisplay value
    uint64_t version_ = 0;
};

}  // namespace kiosk
