#include "cohort_matrix.h"

#include <algorithm>

namespace kiosk {

const char* certificateStateKey(CertificateState s) {
    switch (s) {
        case CertificateState::earned: return "earned";
        case CertificateState::reachable: return "reachable";
        case CertificateState::missed: return "missed";
    }
    return "missed";
}

int CohortMatrix::earned() const {
    return static_cast<int>(std::count_if(rows.begin(), rows.end(),
                                          [](const MatrixRow& r) { return r.certificate == CertificateState::earned; }));
}

CohortMatrix cohortMatrix(const Programme& programme, const std::vector<Participant>& roster, const DayRecords& records,
                          LocalDate shown, LocalDate today, int certificateMinDays) {
    const ProgrammeDay* day = programme.dayOn(shown);
    if (!day) day = programme.nearestDay(shown);
    return cohortMatrix(programme, roster, records, day ? day->cohortId : std::string{}, today, certificateMinDays);
}

CohortMatrix cohortMatrix(const Programme& programme, const std::vector<Participant>& roster, const DayRecords& records,
                          const std::string& cohortId, LocalDate today, int certificateMinDays) {
    CohortMatrix m;
    m.cohortId = cohortId;
    if (const Cohort* c = programme.cohort(cohortId)) m.cohortName = c->name;
    m.minDays = certificateMinDays;
    for (const auto& d : programme.days)
        if (d.cohortId == cohortId) m.days.push_back(d);
    const AttendanceRules rules;  // status words only; late / left early do not change the count
    for (const auto& p : roster) {
        if (p.cohortId != cohortId) continue;
        MatrixRow row;
        row.participant = p;
        int open = 0;
        for (const auto& d : m.days) {
            const DayRecord r = records.record(d.date, p.code);
            if (d.date > today && !r.checkIn) {
                row.days.push_back(std::nullopt);
                ++open;
                continue;
            }
            const DayStatus s = statusOf(r, &d, rules);
            row.days.push_back(s);
            if (s != DayStatus::absent) ++row.daysPresent;
        }
        row.certificate = row.daysPresent >= m.minDays        ? CertificateState::earned
                          : row.daysPresent + open >= m.minDays ? CertificateState::reachable
                                                                : CertificateState::missed;
        m.rows.push_back(std::move(row));
    }
    std::sort(m.rows.begin(), m.rows.end(), [](const MatrixRow& a, const MatrixRow& b) {
        return lastNameSortKey(a.participant) < lastNameSortKey(b.participant);
    });
    return m;
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
    t.header.push_back(tx("export.col.certificate"));
    t.widths.push_back(16);
    t.numeric.assign(t.header.size(), false);
    t.numeric[t.header.size() - 2] = true;
    for (const auto& r : m.rows) {
        const Participant& p = r.participant;
        std::vector<std::string> cells = {p.code, p.firstName, p.infix, p.lastName, p.department};
        for (const auto& s : r.days) cells.push_back(s ? tx(std::string("status.") + dayStatusKey(*s)) : std::string{});
        cells.push_back(std::to_string(r.daysPresent));
        cells.push_back(tx(std::string("matrix.certificate.") + certificateStateKey(r.certificate)));
        t.rows.push_back(std::move(cells));
    }
    return t;
}

}  // namespace kiosk
