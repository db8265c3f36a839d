#include "name_labels.h"

#include <map>

namespace kiosk {
namespace {

constexpr int kLastStep = 3;

std::string labelAt(const Participant& p, NameDisplay policy, int step) {
    if (step == 0) return p.displayName(policy);
    std::string s = p.fullName();
    if (step >= 2 && !p.department.empty()) s += " \xC2\xB7 " + p.department;
    if (step >= 3) s += " \xC2\xB7 " + p.code;
    return s;
}

}  // namespace

std::vector<std::string> distinctLabels(const std::vector<const Participant*>& people, NameDisplay policy) {
    std::vector<int> step(people.size(), 0);
    std::vector<std::string> labels(people.size());
    for (size_t i = 0; i < people.size(); ++i) labels[i] = labelAt(*people[i], policy, 0);
    // Each round lengthens every colliding label one step; at most kLastStep rounds change anything.
    for (bool changed = true; changed;) {
        changed = false;
        std::map<std::string, std::vector<size_t>> byFolded;
        for (size_t i = 0; i < people.size(); ++i) byFolded[foldForSearch(labels[i])].push_back(i);
        for (const auto& [folded, members] : byFolded) {
            if (members.size() < 2) continue;
            for (size_t i : members) {
                if (step[i] == kLastStep) continue;
                labels[i] = labelAt(*people[i], policy, ++step[i]);
                changed = true;
            }
        }
    }
    return labels;
}

std::vector<std::string> distinctLabels(const std::vector<Participant>& people, NameDisplay policy) {
    std::vector<const Participant*> ptrs;
    ptrs.reserve(people.size());
    for (const auto& p : people) ptrs.push_back(&p);
    return distinctLabels(ptrs, policy);
}

Problems namesakeWarnings(const std::vector<RosterRow>& rows, NameDisplay policy, const std::string& fileName,
                          const Texts& texts) {
    std::map<std::pair<std::string, std::string>, std::vector<size_t>> groups;  // (cohort, folded label) -> rows
    for (size_t i = 0; i < rows.size(); ++i) {
        const Participant& p = rows[i].participant;
        groups[{p.cohortId, foldForSearch(p.displayName(policy))}].push_back(i);
    }
    std::vector<const Participant*> all;
    for (const auto& r : rows) all.push_back(&r.participant);
    const std::vector<std::string> shown = distinctLabels(all, policy);
    Problems out;
    for (const auto& [key, members] : groups) {
        if (members.size() < 2) continue;
        for (size_t i : members) {
            std::string others;
            for (size_t j : members)
                if (j != i) others += (others.empty() ? "" : ", ") + std::to_string(rows[j].line);
            out.push_back({fileName, rows[i].line, 0, Severity::warning,
                           texts.format("problem.roster.namesake", {{"name", rows[i].participant.displayName(policy)},
                                                                    {"cohort", key.first},
                                                                    {"lines", others},
                                                                    {"shown", shown[i]}})});
        }
    }
    return out;
}

}  // namespace kiosk
