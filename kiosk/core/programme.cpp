#include "programme.h"

namespace kiosk {

const ProgrammeDay* Programme::dayOn(LocalDate d) const {
    for (const auto& day : days)
        if (day.date == d) return &day;
    return nullptr;
}

const ProgrammeDay* Programme::dayOn(LocalDate d, const std::string& cohortId) const {
    for (const auto& day : days)
        if (day.date == d && day.cohortId == cohortId) return &day;
    return nullptr;
}

std::vector<const ProgrammeDay*> Programme::daysOn(LocalDate d) const {
    std::vector<const ProgrammeDay*> out;
    for (const auto& day : days)
        if (day.date == d) out.push_back(&day);
    return out;
}

const ProgrammeDay* Programme::nearestDay(LocalDate d) const {
    if (days.empty()) return nullptr;
    for (const auto& day : days)
        if (day.date >= d) return &day;
    return &days.back();
}

const ProgrammeDay* Programme::nearestDay(LocalDate d, const std::string& cohortId) const {
    const ProgrammeDay* last = nullptr;
    for (const auto& day : days) {
        if (day.cohortId != cohortId) continue;
        if (day.date >= d) return &day;
        last = &day;
    }
    return last;
}

const ProgrammeDay* Programme::groupDay(LocalDate d, const std::string& cohortId) const {
    if (!cohortId.empty() && cohort(cohortId)) {
        const ProgrammeDay* day = dayOn(d, cohortId);
        return day ? day : nearestDay(d, cohortId);
    }
    const ProgrammeDay* day = dayOn(d);
    return day ? day : nearestDay(d);
}

std::vector<const ProgrammeDay*> Programme::cohortDays(const std::string& cohortId) const {
    std::vector<const ProgrammeDay*> out;
    for (const auto& day : days)
        if (day.cohortId == cohortId) out.push_back(&day);
    return out;
}

int Programme::dayCount(const std::string& cohortId) const {
    int n = 0;
    for (const auto& day : days) n += day.cohortId == cohortId ? 1 : 0;
    return n;
}

const Exercise* Programme::exercise(const std::string& id) const {
    for (const auto& e : exercises)
        if (e.id == id) return &e;
    return nullptr;
}

const Cohort* Programme::cohort(const std::string& id) const {
    for (const auto& c : cohorts)
        if (c.id == id) return &c;
    return nullptr;
}

const char* groupFormKey(GroupForm f) {
    switch (f) {
        case GroupForm::alone: return "alone";
        case GroupForm::pairs: return "pairs";
        case GroupForm::groups: return "groups";
        case GroupForm::whole_group: return "whole_group";
    }
    return "whole_group";
}

const char* cueKey(Cue c) {
    switch (c) {
        case Cue::stand: return "stand";
        case Cue::walk: return "walk";
        case Cue::silence: return "silence";
        case Cue::pairs: return "pairs";
        case Cue::reflect: return "reflect";
    }
    return "stand";
}

std::optional<GroupForm> parseGroupForm(const std::string& s) {
    for (auto f : {GroupForm::alone, GroupForm::pairs, GroupForm::groups, GroupForm::whole_group})
        if (s == groupFormKey(f)) return f;
    return std::nullopt;
}

std::optional<Cue> parseCue(const std::string& s) {
    for (auto c : {Cue::stand, Cue::walk, Cue::silence, Cue::pairs, Cue::reflect})
        if (s == cueKey(c)) return c;
    return std::nullopt;
}

}  // namespace kiosk
