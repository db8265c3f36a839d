// staff_correction.h: the rules of a staff correction of one person's day, the same for the form on
// the staff pages and for `leergang-kiosk correct` (issue 29). In order:
//   1. reason and actor are required, and the effect fits the kind (checkStaffChange);
//   2. excused ("afgemeld") only for a programme day of the person's cohort, past or to come;
//   3. a time (here from / left at) never still to come (checkStaffTime); absent and excused carry
//      no time and may be about a day to come.
//   4. the day within kCorrectionDaysAround of today (the staff pages step no further).
// The moment of the event: the time given on that day, or the day's start for absent / excused.
#pragma once

#include <string>

#include "attendance.h"
#include "programme.h"

namespace kiosk {

constexpr int kCorrectionDaysAround = 400;  // a correction's day is this far from today at most

// The moment a correction of `effect` on `day` is about (`minutes`: the time of day given).
Instant correctionMoment(CorrectionEffect effect, LocalDate day, int minutes);

// Rules 1-3 for a correction of `cohortId`'s participant on `day` at `at`; "" or the catalogue key of
// what is wrong.
std::string checkStaffCorrection(const StaffForm& form, const Programme& programme, const std::string& cohortId,
                                 LocalDate day, Instant at, Instant now);

}  // namespace kiosk
