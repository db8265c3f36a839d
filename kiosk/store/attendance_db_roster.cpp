// attendance_db_roster.cpp: the roster in the store: import (all or nothing, codes kept, people
// who left the list deactivated, deleted only by the purge or an erasure), and the participants read
// back. A code erased on request is left out (erasure.cpp).
// Codes: an incoming code equal to a stored one but for leading zeros takes the stored form, and a
// lookup finds a participant by any such form (core/code_resolver.h, the one resolver).
// Enrolment (issue 30, core/day_counting.h rule 4): the roster's vanaf/from and tot/until are kept
// as written. Besides, a person a later roster adds to a cohort the store already had people of is
// "listed from" that day (a late joiner, without anyone typing a date), and a person a roster leaves
// off is "listed until" the day before (a leaver); back on a roster, that end is gone. A first
// roster of a cohort lists nobody "from": a kiosk installed on day 3 must not make days 1 and 2 n.v.t.
// for everyone. A date in the roster wins over what the store saw.
#include <algorithm>

#include <sqlite3.h>

#include <set>
#include <utility>

#include "attendance_db.h"
#include "sqlite_statement.h"

namespace kiosk {

using store_detail::Statement;

StoreStatus AttendanceDb::importRoster(const std::vector<Participant>& incoming, Instant now, RosterImportResult& result,
                                       const std::string& metaKey, const std::string& metaValue) {
    result = {};
    if (auto s = ensureOpen(); !s.ok()) return s;
    if (auto s = exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    StoreStatus s;
    std::vector<Participant> roster = incoming;
    std::set<std::string> cohortsKnown;  // cohorts the store had people of before this import
    {
        // Read in the same transaction as the writes: the stored forms cannot change in between.
        std::vector<StoredParticipant> known;
        s = participants(known);
        for (const auto& k : known) cohortsKnown.insert(k.participant.cohortId);
        CodeIndex index;
        for (size_t i = 0; i < known.size(); ++i) index.add(known[i].participant.code, known[i].active, i);
        if (s.ok()) result.codesRestored = restoreStoredForms(roster, index);
    }
    // People erased on request stay erased (erasure.cpp, rule 4): left out, and said.
    for (auto it = roster.begin(); s.ok() && it != roster.end();) {
        bool erased = false;
        s = isErased(it->code, erased);
        if (erased) {
            result.erasedLeftOut.push_back(it->code);
            it = roster.erase(it);
        } else {
            ++it;
        }
    }
    if (s.ok()) {
        Statement find(db_, "SELECT first_name, infix, last_name, department, cohort, email, active, enrolled_from, enrolled_until"
                            " FROM participant WHERE code = ?");
        Statement upsert(db_,
                         "INSERT INTO participant (code, first_name, infix, last_name, department, cohort, email, active, updated_ms,"
                         " enrolled_from, enrolled_until, listed_from, listed_until)"
                         " VALUES (?,?,?,?,?,?,?,1,?,?,?,?,'') ON CONFLICT(code) DO UPDATE SET first_name=excluded.first_name,"
                         " infix=excluded.infix, last_name=excluded.last_name, department=excluded.department,"
                         " cohort=excluded.cohort, email=excluded.email, active=1, updated_ms=excluded.updated_ms,"
                         " enrolled_from=excluded.enrolled_from, enrolled_until=excluded.enrolled_until, listed_until=''");
        Statement deactivate(db_, "UPDATE participant SET active = 0, updated_ms = ?, listed_until = ?"
                                  " WHERE active = 1 AND code NOT IN (SELECT value FROM json_each(?))");
        const LocalDate today = localDateOf(now);
        auto iso = [](const std::optional<LocalDate>& d) { return d ? d->iso() : std::string{}; };
        std::string codesJson = "[";
        for (const auto& p : roster) {
            find.bind(1, p.code);
            int rc = find.step();
            bool same = false;
            const bool exists = rc == SQLITE_ROW;
            if (exists)
                same = find.text(0) == p.firstName && find.text(1) == p.infix && find.text(2) == p.lastName &&
                       find.text(3) == p.department && find.text(4) == p.cohortId && find.text(5) == p.email &&
                       find.integer(6) == 1 && find.text(7) == iso(p.from) && find.text(8) == iso(p.until);
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
            upsert.bind(9, iso(p.from));
            upsert.bind(10, iso(p.until));
            // New to a cohort the store already knew: a late joiner, listed from today.
            upsert.bind(11, !exists && cohortsKnown.count(p.cohortId) ? today.iso() : std::string{});
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
            deactivate.bind(2, today.plusDays(-1).iso());  // left: enrolled up to yesterday
            deactivate.bind(3, codesJson);
            const int rc = deactivate.step();
            if (rc != SQLITE_DONE) s = statusFrom(rc);
            else result.deactivated = sqlite3_changes(db_);
        }
        // A roster with no e-mail (the default: privacy_settings.h) leaves none stored, not even of
        // those taken off the list before.
        const bool anyEmail = std::any_of(roster.begin(), roster.end(), [](const Participant& p) { return !p.email.empty(); });
        if (s.ok() && !anyEmail) s = exec("UPDATE participant SET email = '' WHERE email <> ''");
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
    Statement st(db_, "SELECT code, first_name, infix, last_name, department, cohort, email, active,"
                      " enrolled_from, enrolled_until, listed_from, listed_until FROM participant ORDER BY code");
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        StoredParticipant sp;
        sp.participant = {st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), {}, {}};
        sp.active = st.integer(7) != 0;
        // The roster's dates win over what the store saw (see the top).
        sp.participant.from = LocalDate::parse(st.text(8).empty() ? st.text(10) : st.text(8));
        sp.participant.until = LocalDate::parse(st.text(9).empty() ? st.text(11) : st.text(9));
        out.push_back(std::move(sp));
    }
    return statusFrom(rc);
}

StoreStatus AttendanceDb::findParticipant(const std::string& code, std::optional<StoredParticipant>& out,
                                          CodeMatch* match) {
    out.reset();
    if (match) *match = CodeMatch::unknown;
    std::vector<StoredParticipant> all;  // a roster is tens to hundreds of rows
    if (auto s = participants(all); !s.ok()) return s;
    CodeIndex index;
    for (size_t i = 0; i < all.size(); ++i) index.add(all[i].participant.code, all[i].active, i);
    const CodeResolution r = index.resolve(code);
    if (match) *match = r.match;
    if (r.match == CodeMatch::active || r.match == CodeMatch::inactive) out = std::move(all[r.ref]);
    return {};
}

}  // namespace kiosk
