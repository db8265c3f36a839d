// catch_up.h: make-up days ("inhaaldagen", issue 30 item 4). Someone who missed a day of their own
// cohort follows that day with another cohort; staff mark that check-in as the catch-up of the own
// day (the staff pages, `correct --catch-up-of`). The matrix, the certificate and the statement then
// count it for the own day, shown as "ingehaald op 3 december".
//
// THE EVENT: a correction with effect catch_up, participantCode the person, `day` the OWN day made
// up, `at` local midnight of the catch-up date. It lives with the own day, so the matrix's fold of
// the cohort's days finds it (AttendanceDb::summarise also folds the catch-up dates it names), and
// the fold (attendance.h rule 4) gives DayRecord::catchUpOn. Undone like any correction of that
// day: a set_absent or set_excused written after it sets it aside.
//
// THE RULES (checkCatchUp before it is written; resolveCatchUps whenever it is read, so a record
// changed since, by another kiosk or an undo, is judged as it is now):
//   1. The own day is a programme day of the person's cohort on which they were enrolled, with no
//      check-in: absent or excused (someone who called in sick and made the day up is the usual
//      case). A check-in on the own day after all makes it present; the catch-up then counts nothing.
//      It is marked once the own day has taken place (on or before today, checkCatchUp): a day to
//      come is not missed yet, so a make-up arranged in advance is marked after the own day.
//   2. The catch-up date is a programme day of another cohort and not a date of the own cohort
//      (an extra date of the own cohort is not a catch-up: it is a programme day of its own), and
//      the person has a real check-in that date (an interval; a staff set_check_in counts too).
//   3. Once each way: an own day is made up at most once (the latest catch-up written stands), and
//      one catch-up date counts for at most one own day (the earliest own day naming it).
//   4. At most [attendance] max_catch_ups count, the earliest own days first; one beyond it, or
//      breaking rule 1 or 2, counts nothing and the day keeps its own status.
//   5. The made-up day counts by the catch-up date's record and that cohort's programme hours
//      (day_counts: any check-in, or the share of those hours); its minutes are that day's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attendance.h"
#include "participant.h"
#include "programme.h"

namespace kiosk {

struct CohortMatrix;
struct MatrixRow;

// The programme day on `on` of a cohort other than `ownCohort` (rule 2); null when the own cohort
// meets that date or no other does. With `arrival` (the first check-in's local time) and more than
// one other group that date: the group whose hours hold it, else the one starting nearest to it
// (file order breaks a tie); without, the first other group in file order.
const ProgrammeDay* catchUpDay(const Programme& programme, const std::string& ownCohort, LocalDate on,
                               std::optional<TimeOfDay> arrival = std::nullopt);

// The local time of a day's first check-in (catchUpDay's `arrival`); none without one.
std::optional<TimeOfDay> arrivalTime(const DayRecord& r);

// Per own day of `ownDays` (in order), the catch-up date that counts for it (rules 1-4).
std::vector<std::optional<LocalDate>> resolveCatchUps(const Programme& programme, const Participant& p,
                                                      const std::vector<ProgrammeDay>& ownDays, const DayRecords& records,
                                                      int maxCatchUps);

// The moment of a catch-up event: local midnight of the catch-up date.
Instant catchUpMoment(LocalDate on);

// Before a catch-up is written: "" or the catalogue key of what is wrong. `row` is the person's
// row of their own cohort's matrix (nullptr: none); `checkedInOn`: they have a check-in that date;
// `today`: the writer's local date.
// staff.error.catch_up_own_day   the own day is not a programme day of their cohort (rule 1)
// staff.error.catch_up_to_come   the own day is after today: not missed yet (rule 1)
// staff.error.catch_up_present   they were there that day (rule 1)
// staff.error.catch_up_other_day the catch-up date is not another cohort's day (rule 2)
// staff.error.catch_up_no_check_in  no check-in on the catch-up date (rule 2)
// staff.error.catch_up_done      the own day is made up already (rule 3)
// staff.error.catch_up_used      that check-in counts for another own day already (rule 3)
// staff.error.catch_up_max       max_catch_ups are counted already (rule 4)
std::string checkCatchUp(const Programme& programme, const CohortMatrix& own, const MatrixRow* row, LocalDate ownDay,
                         LocalDate on, bool checkedInOn, LocalDate today);

}  // namespace kiosk
