// attendance_db_days.cpp: one day of the log, as the kiosk holds it (core/attendance.h, WHAT THE
// KIOSK HOLDS): that day's events and the next day's undos, of the cohorts the kiosk shows, read
// through the by-day index (local_date, participant_code), so the time does not grow with the
// length of the record. Also the whole log in order (loadEvents) and the matrix's days summarised
// (summarise): every read of events by day lives here; attendance_db.cpp opens and writes.
#include <sqlite3.h>

#include "attendance_db.h"
#include "sqlite_statement.h"
#include "store_schema.h"

namespace kiosk {

using store_detail::eventFromRow;
using store_detail::kSelectEvents;
using store_detail::Statement;

StoreStatus AttendanceDb::loadDay(LocalDate day, const std::optional<std::vector<std::string>>& cohorts,
                                  std::vector<AttendanceEvent>& out) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    // A guest's walk-in belongs to no cohort: it is the day's. A participant's event counts when
    // their cohort is shown, whether or not they are still on the roster.
    Statement st(db_, (std::string(kSelectEvents) +
                       " WHERE local_date IN (?1, ?2) AND (local_date = ?1 OR kind = 'undo')"
                       " AND (?3 IS NULL OR participant_code IS NULL OR participant_code IN"
                       " (SELECT code FROM participant WHERE cohort IN (SELECT value FROM json_each(?3))))"
                       " ORDER BY seq")
                          .c_str());
    if (st.prepareRc() != SQLITE_OK) return statusFrom(st.prepareRc());
    st.bind(1, day.iso());
    st.bind(2, day.plusDays(1).iso());
    if (cohorts) {
        std::string json = "[";
        for (const auto& c : *cohorts) {
            if (json.size() > 1) json += ',';
            json += '"';
            for (char ch : c) {  // cohort ids are plain words; escape what JSON needs anyway
                if (ch == '"' || ch == '\\') json += '\\';
                json += ch;
            }
            json += '"';
        }
        json += "]";
        st.bind(3, json);
    }
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) out.push_back(eventFromRow(st));
    return statusFrom(rc);
}

StoreStatus AttendanceDb::recentStaffChanges(size_t limit, std::vector<AttendanceEvent>& changes,
                                             std::vector<AttendanceEvent>& walkIns) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    // Newest first from the end of the log: read when the History page opens, on the store thread.
    // The WHERE clause is the partial index's own (store_schema.cpp): SQLite then walks that index backwards.
    Statement st(db_, (std::string(kSelectEvents) + " WHERE " + store_detail::kStaffChangesWhere + " ORDER BY seq DESC LIMIT ?").c_str());
    if (st.prepareRc() != SQLITE_OK) return statusFrom(st.prepareRc());
    st.bind(1, static_cast<int64_t>(limit));
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) changes.push_back(eventFromRow(st));
    if (rc != SQLITE_DONE) return statusFrom(rc);
    // The walk-ins the reviews are about (their names).
    Statement find(db_, (std::string(kSelectEvents) + " WHERE id = ?").c_str());
    for (const auto& e : changes) {
        if (e.refersTo.empty()) continue;
        find.bind(1, e.refersTo);
        if ((rc = find.step()) == SQLITE_ROW) walkIns.push_back(eventFromRow(find));
        else if (rc != SQLITE_DONE) return statusFrom(rc);
        find.reset();
    }
    return {};
}

StoreStatus AttendanceDb::loadEvents(const std::function<void(const AttendanceEvent&)>& sink) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, (std::string(kSelectEvents) + " ORDER BY seq").c_str());
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) sink(eventFromRow(st));
    return statusFrom(rc);
}

StoreStatus AttendanceDb::loadEventsForDay(LocalDate day, std::vector<AttendanceEvent>& out) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, (std::string(kSelectEvents) + " WHERE local_date = ? ORDER BY seq").c_str());
    st.bind(1, day.iso());
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) out.push_back(eventFromRow(st));
    return statusFrom(rc);
}

StoreStatus AttendanceDb::summarise(LocalDate from, LocalDate to, AttendanceSummary& out) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, (std::string(kSelectEvents) +
                       " WHERE local_date BETWEEN ? AND ? ORDER BY local_date, participant_code, seq").c_str());
    st.bind(1, from.iso());
    st.bind(2, to.iso());
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) out.add(eventFromRow(st));
    out.finish();
    if (rc != SQLITE_DONE) return statusFrom(rc);
    // The days the cohort's days were made up on with another cohort (core/catch_up.h), each
    // through the by-day index: a few days more, never the log.
    for (const LocalDate day : out.catchUpDaysOutside(from, to)) {
        Statement more(db_, (std::string(kSelectEvents) + " WHERE local_date = ? ORDER BY participant_code, seq").c_str());
        more.bind(1, day.iso());
        while ((rc = more.step()) == SQLITE_ROW) out.add(eventFromRow(more));
        out.finish();
        if (rc != SQLITE_DONE) return statusFrom(rc);
    }
    return {};
}

}  // namespace kiosk
