// day_feedback_store.cpp: the day's question at check-out, counted (core/day_feedback.h, rules 1 and 4).
//
// Schema version 5 (store_schema.cpp, where the table and its reasons are written) adds one table of
// counts: no participant code, no time, no row per answer. Retention (retention.cpp) removes them by
// the same cut-off as the events.
#include <sqlite3.h>

#include "attendance_db.h"
#include "sqlite_statement.h"

namespace kiosk {

using store_detail::Statement;

StoreStatus AttendanceDb::countAnswer(const FeedbackCount& a) {
    if (auto s = beforeWrite(); !s.ok()) return s;
    Statement st(db_,
                 "INSERT INTO day_feedback_count (local_date, cohort, question, answer_index, answer, answers)"
                 " VALUES (?,?,?,?,?,1) ON CONFLICT(local_date, cohort, question, answer_index)"
                 " DO UPDATE SET answers = answers + 1, answer = excluded.answer");
    if (st.prepareRc() != SQLITE_OK) return statusFrom(st.prepareRc());
    st.bind(1, a.day.iso());
    st.bind(2, a.cohortId);
    st.bind(3, a.question);
    st.bind(4, static_cast<int64_t>(a.answerIndex));
    st.bind(5, a.answer);
    const int rc = st.step();
    return rc == SQLITE_DONE ? StoreStatus{} : statusFrom(rc);
}

StoreStatus AttendanceDb::feedbackCounts(LocalDate from, LocalDate to, std::vector<FeedbackCount>& out) {
    out.clear();
    if (auto s = ensureOpen(); !s.ok()) return s;
    if (schemaVersion() < 5) return {};  // a read-only open of an older file: no answers yet
    Statement st(db_,
                 "SELECT local_date, cohort, question, answer_index, answer, answers FROM day_feedback_count"
                 " WHERE local_date >= ? AND local_date <= ? ORDER BY local_date, cohort, question, answer_index");
    if (st.prepareRc() != SQLITE_OK) return statusFrom(st.prepareRc());
    st.bind(1, from.iso());
    st.bind(2, to.iso());
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        FeedbackCount c;
        c.day = LocalDate::parse(st.text(0)).value_or(from);
        c.cohortId = st.text(1);
        c.question = st.text(2);
        c.answerIndex = static_cast<int>(st.integer(3));
        c.answer = st.text(4);
        c.count = static_cast<int>(st.integer(5));
        out.push_back(std::move(c));
    }
    return rc == SQLITE_DONE ? StoreStatus{} : statusFrom(rc);
}

}  // namespace kiosk
