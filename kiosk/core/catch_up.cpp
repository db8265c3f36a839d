// catch_up.cpp: make-up days (design and rules at the top of catch_up.h).
#include "catch_up.h"

#include <algorithm>
#include <set>

#include "cohort_matrix.h"

namespace kiosk {

const ProgrammeDay* catchUpDay(const Programme& programme, const std::string& ownCohort, LocalDate on,
                               std::optional<TimeOfDay> arrival) {
    if (programme.dayOn(on, ownCohort)) return nullptr;
    const ProgrammeDay* best = nullptr;
    int bestDistance = 0;
    for (const ProgrammeDay* d : programme.daysOn(on)) {
        if (d->cohortId == ownCohort) continue;
        if (!arrival) return d;
        const int start = d->startsAt().minutes, end = d->endsAt().minutes, at = arrival->minutes;
        // Inside the group's hours counts as 0; before its start, the minutes to it; after its end, past it.
        const int distance = at < start ? start - at : at > end ? at - end : 0;
        if (!best || distance < bestDistance) {
            best = d;
            bestDistance = distance;
        }
    }
    return best;
}

std::vector<std::optional<LocalDate>> resolveCatchUps(const Programme& programme, const Participant& p,
                                                      const std::vector<ProgrammeDay>& ownDays, const DayRecords& records,
                                                      int maxCatchUps) {
    std::vector<std::optional<LocalDate>> out(ownDays.size());
    std::set<int64_t> used;
    int counted = 0;
    for (size_t i = 0; i < ownDays.size() && counted < maxCatchUps; ++i) {
        const ProgrammeDay& d = ownDays[i];
        const DayRecord r = records.record(d.date, p.code);
        if (!r.catchUpOn || r.checkIn || !p.enrolledOn(d.date)) continue;  // rule 1
        const LocalDate on = *r.catchUpOn;
        if (!catchUpDay(programme, p.cohortId, on) || !records.record(on, p.code).checkIn) continue;  // rule 2
        if (!used.insert(on.daysSinceEpoch()).second) continue;  // rule 3
        out[i] = on;
        ++counted;
    }
    return out;
}

std::optional<TimeOfDay> arrivalTime(const DayRecord& r) {
    if (!r.checkIn) return std::nullopt;
    return toLocal(*r.checkIn).timeOfDay();
}

Instant catchUpMoment(LocalDate on) { return fromLocal({on, 0, 0, 0}); }

std::string checkCatchUp(const Programme& programme, const CohortMatrix& own, const MatrixRow* row, LocalDate ownDay,
                         LocalDate on, bool checkedInOn, LocalDate today) {
    size_t i = 0;
    while (i < own.days.size() && own.days[i].date != ownDay) ++i;
    if (!row || i == own.days.size() || i >= row->days.size()) return "staff.error.catch_up_own_day";
    const auto& status = row->days[i];
    if (status == DayStatus::not_enrolled) return "staff.error.catch_up_own_day";
    if (today < ownDay) return "staff.error.catch_up_to_come";  // rule 1: not missed yet
    if (row->madeUpOn[i]) return "staff.error.catch_up_done";
    if (status && *status != DayStatus::absent && *status != DayStatus::excused) return "staff.error.catch_up_present";
    if (!catchUpDay(programme, row->participant.cohortId, on)) return "staff.error.catch_up_other_day";
    if (!checkedInOn) return "staff.error.catch_up_no_check_in";
    if (std::find(row->madeUpOn.begin(), row->madeUpOn.end(), std::optional<LocalDate>(on)) != row->madeUpOn.end())
        return "staff.error.catch_up_used";
    const auto counted = std::count_if(row->madeUpOn.begin(), row->madeUpOn.end(), [](const auto& d) { return d.has_value(); });
    if (counted >= own.rule.maxCatchUps) return "staff.error.catch_up_max";
    return "";
}

}  // namespace kiosk
