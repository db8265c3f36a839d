// attendance_db_roster.cpp: the roster in the store: import (all or nothing, codes kept, people
// who left the list deactivated, never deleted), and the participants read back.
#include <sqlite3.h>

#include <utility>

#include "attendance_db.h"
#include "sqlite_statement.h"

namespace kiosk {

using store_detail::Statement;

StoreStatus AttendanceDb::importRoster(const std::vector<Participant>& roster, Instant now, RosterImportResult& result,
                                       const std::string& metaKey, const std::string& metaValue) {
    result = {};
    if (auto s = ensureOpen(); !s.ok()) return s;
    if (auto s = exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    StoreStatus s;
    {
        Statement find(db_, "SELECT first_name, infix, last_name, department, cohort, email, active FROM participant WHERE code = ?");
        Statement upsert(db_,
                         "INSERT INTO participant (code, first_name, infix, last_name, department, cohort, email, active, updated_ms)"
                         " VALUES (?,?,?,?,?,?,?,1,?) ON CONFLICT(code) DO UPDATE SET first_name=excluded.first_name,"
                         " infix=excluded.infix, last_name=excluded.last_name, department=excluded.department,"
                         " cohort=excluded.cohort, email=excluded.email, active=1, updated_ms=excluded.updated_ms");
        Statement deactivate(db_, "UPDATE participant SET active = 0, updated_ms = ? WHERE active = 1 AND code NOT IN (SELECT value FROM json_each(?))");
        std::string codesJson = "[";
        for (const auto& p : roster) {
            find.bind(1, p.code);
            int rc = find.step();
            bool same = false;
            const bool exists = rc == SQLITE_ROW;
            if (exists)
                same = find.text(0) == p.firstName && find.text(1) == p.infix && find.text(2) == p.lastName &&
                       find.text(3) == p.department && find.text(4) == p.cohortId && find.text(5) == p.email &&
                       find.integer(6) == 1;
            else if (rc != SQLITE_DONE) {
                s = statusFrom(rc);
                break;
            }
            find.reset();
            if (codesJson.size() > 1) codesJson += ',';
            codesJson += "\"" + p.code + "\"";  // codes are letters and digits only
            if (same) {
                ++result.unchanged;
                continue;
            }
            upsert.bind(1, p.code);
            upsert.bind(2, p.firstName);
            upsert.bind(3, p.infix);
            upsert.bind(4, p.lastName);
            upsert.bind(5, p.department);
            upsert.bind(6, p.cohortId);
            upsert.bind(7, p.email);
            upsert.bind(8, now.ms);
            rc = upsert.step();
            upsert.reset();
            if (rc != SQLITE_DONE) {
                s = statusFrom(rc);
                break;
            }
            ++(exists ? result.updated : result.added);
        }
        codesJson += "]";
        if (s.ok()) {
            deactivate.bind(1, now.ms);
            deactivate.bind(2, codesJson);
            const int rc = deactivate.step();
            if (rc != SQLITE_DONE) s = statusFrom(rc);
            else result.deactivated = sqlite3_changes(db_);
        }
        if (s.ok() && !metaKey.empty()) {
            Statement setMeta(db_, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            setMeta.bind(1, metaKey);
            setMeta.bind(2, metaValue);
            const int rc = setMeta.step();
            if (rc != SQLITE_DONE) s = statusFrom(rc);
        }
    }
    if (s.ok()) s = exec("COMMIT");
    if (!s.ok()) {
        exec("ROLLBACK");
        result = {};
    }
    return s;
}

StoreStatus AttendanceDb::participants(std::vector<StoredParticipant>& out) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, "SELECT code, first_name, infix, last_name, department, cohort, email, active FROM participant ORDER BY code");
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        StoredParticipant sp;
        sp.participant = {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)};
        sp.active = st.integer(7) != 0;
        out.push_back(std::move(sp));
    }
    return statusFrom(rc);
}

StoreStatus AttendanceDb::findParticipant(const std::string& code, std::optional<StoredParticipant>& out) {
    out.reset();
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, "SELECT code, first_name, infix, last_name, department, cohort, email, active FROM participant WHERE code = ?");
    st.bind(1, normaliseCode(code));
    const int rc = st.step();
    if (rc == SQLITE_ROW) {
        StoredParticipant sp;
        sp.participant = {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6)};
        sp.active = st.integer(7) != 0;
        out = std::move(sp);
        return {};
    }
    return statusFrom(rc);
}

}  // namespace kiosk
