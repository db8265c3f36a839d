// participation.cpp: the statement of participation (design at the top of participation.h).
#include "participation.h"

namespace kiosk {

std::vector<Statement> statements(const CohortMatrix& m, const DayRecords& records, Instant now, int graceMinutes) {
    std::vector<Statement> out;
    out.reserve(m.rows.size());
    for (const MatrixRow& row : m.rows) {
        Statement s;
        s.participant = row.participant;
        s.daysCounted = row.daysPresent;
        s.daysEnrolled = row.daysEnrolled;
        s.minutes = row.minutesPresent;
        s.certificate = row.certificate;
        for (size_t i = 0; i < m.days.size() && i < row.days.size(); ++i) {
            StatementDay d;
            d.day = m.days[i];
            d.status = row.days[i];
            d.excusedReason = row.excusedReasons[i];
            d.minutes = row.minutes[i];
            d.counts = row.counts[i];
            d.madeUpOn = i < row.madeUpOn.size() ? row.madeUpOn[i] : std::nullopt;
            const LocalDate date = d.madeUpOn ? *d.madeUpOn : d.day.date;
            const DayRecord r = records.record(date, row.participant.code);
            if (r.checkIn) d.firstIn = toLocal(*r.checkIn).timeOfDay();
            if (r.checkOut) d.lastOut = toLocal(*r.checkOut).timeOfDay();
            // A made-up day's forgotten check-out is judged by the catch-up date, without its hours.
            d.checkOutForgotten = checkOutForgotten(r, date, d.madeUpOn ? nullptr : &m.days[i], now, graceMinutes);
            s.days.push_back(std::move(d));
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::string ruleText(const CohortMatrix& m, const Texts& tx) {
    std::string s = tx.format("rule.min_days", {{"min", std::to_string(m.minDays)}, {"days", std::to_string(m.days.size())}});
    s += "; " + (m.rule.dayCounts == DayCounts::share ? tx.format("rule.share", {{"percent", std::to_string(m.rule.minSharePercent)}})
                                                      : tx("rule.any_check_in"));
    s += "; " + tx(m.rule.excusedCounts ? "rule.excused_counts" : "rule.excused_not");
    return s;
}

}  // namespace kiosk
