// programme.h: the Leergang as data: cohorts, the seven days, their agendas and exercises.
// Filled by the content layer from programme.toml / exercises.toml; read by every screen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civil_time.h"

namespace kiosk {

struct Cohort {
    std::string id;    // "zutphen-2026"
    std::string name;  // "Gemeente Zutphen, najaar 2026"
};

struct AgendaItem {
    TimeOfDay start, end;
    std::string title;
    std::string description;  // optional
    std::string room;         // optional
    std::string facilitator;  // optional
    std::string exerciseId;   // optional: an Exercise::id
};

struct ProgrammeDay {
    int number = 0;  // 1..7
    LocalDate date;
    std::string theme;
    std::string cohortId;
    std::vector<AgendaItem> agenda;  // sorted by start, non-overlapping (validated)
    std::string assignment;          // opdracht until the next day (optional on the last day)

    // Official hours used for "late" and "left early": first agenda start, last agenda end.
    TimeOfDay startsAt() const { return agenda.empty() ? TimeOfDay{9 * 60} : agenda.front().start; }
    TimeOfDay endsAt() const { return agenda.empty() ? TimeOfDay{17 * 60} : agenda.back().end; }
};

enum class GroupForm { alone, pairs, groups, whole_group };
enum class Cue { stand, walk, silence, pairs, reflect };

struct ExerciseStep {
    std::string text;  // the instruction, read from 5 m
    int seconds = 0;   // > 0
};

struct Exercise {
    std::string id;
    std::string title;
    std::string purpose;
    GroupForm groupForm = GroupForm::whole_group;
    int groupSize = 0;  // for GroupForm::groups
    std::string space;
    std::string materials;
    std::vector<Cue> cues;
    std::vector<ExerciseStep> steps;
    bool autoAdvance = false;

    int totalSeconds() const {
        int s = 0;
        for (const auto& st : steps) s += st.seconds;
        return s;
    }
};

// What a certificate of participation (bewijs van deelname) says besides the person and the days:
// programme.toml [certificate]; every key optional, absent ones leave the line off the page.
struct CertificateText {
    std::vector<std::string> organisers;  // = {}  the organising partners, in order ("Stichting Beroepseer")
    std::string signatory;                // = ""  the name under the signature line
    std::string signatoryRole;            // = ""  beneath it ("programmaleider")
    std::string place;                    // = ""  where it is signed; "" = the venue's city (kiosk.toml)
};

struct Programme {
    std::string title;     // "Leergang Ambtelijk Vakmanschap"
    std::string subtitle;  // "Balanceren tussen burger en bestuur"
    CertificateText certificate;
    std::vector<Cohort> cohorts;
    std::vector<ProgrammeDay> days;  // by number, dates increasing (validated)
    std::vector<Exercise> exercises;

    const ProgrammeDay* dayOn(LocalDate d) const;
    // The programme day to show on a date that has none: the next one, else the last one.
    const ProgrammeDay* nearestDay(LocalDate d) const;
    const Exercise* exercise(const std::string& id) const;
    const Cohort* cohort(const std::string& id) const;
    int dayCount() const { return static_cast<int>(days.size()); }
};

const char* groupFormKey(GroupForm f);  // "alone", "pairs", ... (file and catalogue key)
const char* cueKey(Cue c);              // "stand", "walk", ...
std::optional<GroupForm> parseGroupForm(const std::string& s);
std::optional<Cue> parseCue(const std::string& s);

}  // namespace kiosk
