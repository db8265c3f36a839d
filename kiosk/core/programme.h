// programme.h: the Leergang as data: cohorts, each with its own days, their agendas and exercises.
// Filled by the content layer from programme.toml / exercises.toml; read by every screen.
//
// COHORTS AND THEIR DAYS (issue 30). A programme holds one or more cohorts (a municipality's group);
// every day belongs to exactly one cohort and is numbered within it ("dag 1" to "dag 7" of that
// cohort). Two cohorts may meet on the same date, each in its own rooms. `days` holds all of them
// ordered by date, and on one date by the cohorts' order in the file; within a cohort numbers and
// dates strictly increase (validated). So a single-cohort programme reads exactly as before:
// `days` is that cohort's days in order and dayOn(date) its day. Code that shows "today" for one
// group asks dayOn(date, cohort); code that must see every group of a date asks daysOn(date).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "civil_time.h"

namespace kiosk {

struct Cohort {
    std::string id;    // "zutphen-2026"
    std::string name;  // "Gemeente Zutphen, najaar 2026"
    // [[cohort]] certificate_min_days: this cohort's minimum (a 2-day cohort cannot need 6); unset:
    // [attendance] certificate_min_days (CertificateRule::forCohort).
    std::optional<int> certificateMinDays = std::nullopt;
};

struct AgendaItem {
    TimeOfDay start, end;
    std::string title;
    std::string description;  // optional
    std::string room;         // optional
    std::string facilitator;  // optional
    std::string exerciseId;   // optional: an Exercise::id
};

// The day's one-tap question at check-out (issue 29, 6): optional, programme.toml [day.question].
// Answers are counted per day without any participant code (core/day_feedback.h).
struct DayQuestion {
    std::string text;                  // "Hoe was deze dag voor je?"
    std::vector<std::string> answers;  // 3 to 5 (validated), in the order they are shown
};

struct ProgrammeDay {
    int number = 0;  // 1..7
    LocalDate date;
    std::string theme;
    std::string cohortId;
    std::vector<AgendaItem> agenda;  // sorted by start, non-overlapping (validated)
    std::string assignment;          // opdracht until the next day (optional on the last day)
    std::optional<DayQuestion> question = std::nullopt;  // asked on the goodbye card (none: no question that day)

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
    // The room's cues for this exercise (exercises.toml `flash`, `chime`); unset = kiosk.toml [room].
    std::optional<bool> flash;  // the whole screen flashes at "tijd is om"
    std::optional<bool> chime;  // a soft chime at "bijna klaar", "tijd is om" and a step's end (core/room_chime.h)

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
    std::vector<ProgrammeDay> days;  // by date, then by cohort in file order (see the top)
    std::vector<Exercise> exercises;

    // The first day on `d` (of the first cohort that meets then), or nullptr.
    const ProgrammeDay* dayOn(LocalDate d) const;
    // The day of `cohortId` on `d`, or nullptr.
    const ProgrammeDay* dayOn(LocalDate d, const std::string& cohortId) const;
    // Every cohort's day on `d`, in the cohorts' file order (empty on a date without a programme).
    std::vector<const ProgrammeDay*> daysOn(LocalDate d) const;
    // The programme day to show on a date that has none: the next one, else the last one; with a
    // cohort, only that cohort's days count.
    const ProgrammeDay* nearestDay(LocalDate d) const;
    const ProgrammeDay* nearestDay(LocalDate d, const std::string& cohortId) const;
    // The day a page that follows one group shows on `d` (issue 30: the staff pages, the room):
    // that group's day on `d`, else its nearest; with no group (or one not in the programme), the
    // first group's day on `d`, else the nearest of any.
    const ProgrammeDay* groupDay(LocalDate d, const std::string& cohortId) const;
    // A cohort's days, in order.
    std::vector<const ProgrammeDay*> cohortDays(const std::string& cohortId) const;
    const Exercise* exercise(const std::string& id) const;
    const Cohort* cohort(const std::string& id) const;
    // How many days the cohort has (the "7" of "dag 2 van 7").
    int dayCount(const std::string& cohortId) const;
};

const char* groupFormKey(GroupForm f);  // "alone", "pairs", ... (file and catalogue key)
const char* cueKey(Cue c);              // "stand", "walk", ...
std::optional<GroupForm> parseGroupForm(const std::string& s);
std::optional<Cue> parseCue(const std::string& s);

}  // namespace kiosk
