#include "cohort_matrix.h"

#include <algorithm>

#include "catch_up.h"

namespace kiosk {

int CohortMatrix::earned() const {
    return static_cast<int>(std::count_if(rows.begin(), rows.end(),
                                          [](const MatrixRow& r) { return r.certificate == CertificateState::earned; }));
}

int CohortMatrix::atRisk() const {
    return static_cast<int>(std::count_if(rows.begin(), rows.end(),
                                          [](const MatrixRow& r) { return r.certificate == CertificateState::at_risk; }));
}

CohortMatrix cohortMatrix(const Programme& programme, const std::vector<Participant>& roster, const DayRecords& records,
                          LocalDate shown, LocalDate today, const CertificateRule& rule) {
    const ProgrammeDay* day = programme.dayOn(shown);
    if (!day) day = programme.nearestDay(shown);
    return cohortMatrix(programme, roster, records, day ? day->cohortId : std::string{}, today, rule);
}

namespace {

// One column of a row: the day's own record, or the catch-up date's when it was made up there.
void addColumn(MatrixRow& row, const ProgrammeDay& d, const DayRecord& r, const ProgrammeDay* madeUpDay,
               const DayRecord* madeUpRecord, LocalDate today, const CertificateRule& rule, int& open) {
    const AttendanceRules rules;  // status words only; late / left early do not change the count
    if (madeUpDay) {  // catch_up.h rule 5: counted by that day's record and hours
        row.days.push_back(DayStatus::present);
        row.excusedReasons.emplace_back();
        row.minutes.push_back(minutesCounted(*madeUpRecord, madeUpDay));
        row.counts.push_back(dayCounts(*madeUpRecord, madeUpDay, rule));
        row.madeUpOn.push_back(madeUpDay->date);
    } else {
        // A day to come is open unless something is known of it: a check-in, or an excusal
        // (which, when it does not count, makes the day a known miss).
        const bool toCome = d.date > today && !r.checkIn && !r.excused;
        row.days.push_back(toCome ? std::nullopt : std::optional<DayStatus>(statusOf(r, &d, rules)));
        row.excusedReasons.push_back(r.excused ? r.excusedReason : std::string{});
        row.minutes.push_back(minutesCounted(r, &d));
        row.counts.push_back(dayCounts(r, &d, rule));
        row.madeUpOn.emplace_back();
        if (toCome) {
            ++open;
            row.minutesPresent += row.minutes.back();
            return;
        }
    }
    row.minutesPresent += row.minutes.back();
    if (row.counts.back()) ++row.daysPresent;
}

}  // namespace

CohortMatrix cohortMatrix(const Programme& programme, const std::vector<Participant>& roster, const DayRecords& records,
                          const std::string& cohortId, LocalDate today, const CertificateRule& rule) {
    CohortMatrix m;
    m.cohortId = cohortId;
    const Cohort* cohort = programme.cohort(cohortId);
    if (cohort) m.cohortName = cohort->name;
    m.rule = rule.forCohort(cohort);
    m.minDays = m.rule.minDays;
    for (const auto& d : programme.days)
        if (d.cohortId == cohortId) m.days.push_back(d);
    for (const auto& p : roster) {
        if (p.cohortId != cohortId) continue;
        MatrixRow row;
        row.participant = p;
        int open = 0, notEnrolled = 0;
        const auto madeUp = resolveCatchUps(programme, p, m.days, records, m.rule.maxCatchUps);
        for (size_t i = 0; i < m.days.size(); ++i) {
            const ProgrammeDay& d = m.days[i];
            const DayRecord r = records.record(d.date, p.code);
            if (!p.enrolledOn(d.date) && !r.checkIn) {  // joined later or left before: "n.v.t." (rule 4)
                row.days.push_back(DayStatus::not_enrolled);
                row.excusedReasons.emplace_back();
                row.minutes.push_back(0);
                row.counts.push_back(false);
                row.madeUpOn.emplace_back();
                ++notEnrolled;
                continue;
            }
            // The group visited that date: the one whose hours hold the arrival (catch_up.h), as the presence list files it.
            const DayRecord madeUpRecord = madeUp[i] ? records.record(*madeUp[i], p.code) : DayRecord{};
            const ProgrammeDay* madeUpDay =
                madeUp[i] ? catchUpDay(programme, p.cohortId, *madeUp[i], arrivalTime(madeUpRecord)) : nullptr;
            addColumn(row, d, r, madeUpDay, &madeUpRecord, today, m.rule, open);
        }
        row.daysEnrolled = static_cast<int>(m.days.size()) - notEnrolled;
        row.daysNeeded = daysNeeded(m.minDays, notEnrolled, row.daysEnrolled);
        row.certificate = certificateState(row.daysPresent, open, row.daysNeeded);
        m.rows.push_back(std::move(row));
    }
    std::sort(m.rows.begin(), m.rows.end(), [](const MatrixRow& a, const MatrixRow& b) {
        return lastNameSortKey(a.participant) < lastNameSortKey(b.participant);
    });
    return m;
}

std::string matrixCellText(const MatrixRow& r, size_t i, const Texts& tx) {
    if (i >= r.days.size() || !r.days[i]) return {};
    if (r.madeUpOn[i]) return tx.format("matrix.made_up_on", {{"date", dayAndMonth(*r.madeUpOn[i], tx.lang())}});
    std::string cell = tx(std::string("status.") + dayStatusKey(*r.days[i]));
    if (!r.excusedReasons[i].empty()) cell += ": " + r.excusedReasons[i];
    return cell;
}

ExportTable matrixTable(const CohortMatrix& m, const Texts& tx) {
    ExportTable t;
    t.sheetName = tx("export.sheet.matrix");
    t.title = tx.format("export.title.matrix", {{"cohort", m.cohortName.empty() ? m.cohortId : m.cohortName},
                                                {"min", std::to_string(m.minDays)},
                                                {"days", std::to_string(m.days.size())}});
    t.header = {tx("export.col.code"), tx("export.col.first_name"), tx("export.col.infix"), tx("export.col.last_name"),
                tx("export.col.department")};
    t.widths = {10, 16, 12, 20, 28};
    for (const auto& d : m.days) {
        t.header.push_back(tx.format("export.col.day", {{"n", std::to_string(d.number)}, {"date", d.date.iso()}}));
        t.widths.push_back(20);
    }
    t.header.push_back(tx("export.col.days_present"));
    t.widths.push_back(12);
    t.header.push_back(tx("export.col.hours_present"));
    t.widths.push_back(12);
    t.header.push_back(tx("export.col.certificate"));
    t.widths.push_back(16);
    t.numeric.assign(t.header.size(), false);
    t.numeric[t.header.size() - 3] = true;
    for (const auto& r : m.rows) {
        const Participant& p = r.participant;
        std::vector<std::string> cells = {p.code, p.firstName, p.infix, p.lastName, p.department};
        for (size_t i = 0; i < r.days.size(); ++i) cells.push_back(matrixCellText(r, i, tx));
        cells.push_back(std::to_string(r.daysPresent));
        cells.push_back(hoursText(r.minutesPresent));
        cells.push_back(tx(std::string("matrix.certificate.") + certificateStateKey(r.certificate)));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

}  // namespace kiosk
