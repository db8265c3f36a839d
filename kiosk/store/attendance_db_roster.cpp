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

namespace {

// A date as the participant table keeps it: ISO, or "" for none.
std::string isoOf(const std::optional<LocalDate>& d) { return d ? d->iso() : std::string{}; }

// Each incoming code equal to a stored one but for leading zeros takes the stored form (said in
// `result`); `cohortsKnown`: the cohorts the store had people of before this import.
StoreStatus restoreCodes(AttendanceDb& db, std::vector<Participant>& roster, std::set<std::string>& cohortsKnown,
                         RosterImportResult& result) {
    // Read in the same transaction as the writes: the stored forms cannot change in between.
    std::vector<StoredParticipant> known;
    const StoreStatus s = db.participants(known);
    for (const auto& k : known) cohortsKnown.insert(k.participant.cohortId);
    CodeIndex index;
    for (size_t i = 0; i < known.size(); ++i) index.add(known[i].participant.code, known[i].active, i);
    if (s.ok()) result.codesRestored = restoreStoredForms(roster, index);
    return s;
}

// People erased on request stay erased (erasure.cpp, rule 4): left out, and said.
StoreStatus leaveOutErased(AttendanceDb& db, std::vector<Participant>& roster, RosterImportResult& result) {
    StoreStatus s;
    for (auto it = roster.begin(); s.ok() && it != roster.end();) {
        bool erased = false;
        s = db.isErased(it->code, erased);
        if (erased) {
            result.erasedLeftOut.push_back(it->code);
            it = roster.erase(it);
        } else {
            ++it;
        }
    }
    return s;
}

// The writes of one import, inside its transaction: the statements prepared once, in this order.
class RosterWriter {
public:
    RosterWriter(sqlite3* db, Instant now, RosterImportResult& result)
        : db_(db), now_(now), today_(localDateOf(now)), result_(result) {}

    // Each row added or updated (an unchanged one left alone); `codesJson`: every code, a JSON array.
    StoreStatus upsertAll(const std::vector<Participant>& roster, const std::set<std::string>& cohortsKnown,
                          std::string& codesJson);
    // Everyone active not in `codesJson` deactivated, listed until yesterday.
    StoreStatus deactivateOthers(const std::string& codesJson);

private:
    sqlite3* db_;
    Instant now_;
    LocalDate today_;
    RosterImportResult& result_;
    Statement find_{db_, "SELECT first_name, infix, last_name, department, cohort, email, active, enrolled_from, enrolled_until"
                         " FROM participant WHERE code = ?"};
    Statement upsert_{db_,
                      "INSERT INTO participant (code, first_name, infix, last_name, department, cohort, email, active, updated_ms,"
                      " enrolled_from, enrolled_until, listed_from, listed_until)"
                      " VALUES (?,?,?,?,?,?,?,1,?,?,?,?,'') ON CONFLICT(code) DO UPDATE SET first_name=excluded.first_name,"
                      " infix=excluded.infix, last_name=excluded.last_name, department=excluded.department,"
                      " cohort=excluded.cohort, email=excluded.email, active=1, updated_ms=excluded.updated_ms,"
                      " enrolled_from=excluded.enrolled_from, enrolled_until=excluded.enrolled_until, listed_until=''"};
    Statement deactivate_{db_, "UPDATE participant SET active = 0, updated_ms = ?, listed_until = ?"
                               " WHERE active = 1 AND code NOT IN (SELECT value FROM json_each(?))"};
};

StoreStatus RosterWriter::upsertAll(const std::vector<Participant>& roster, const std::set<std::string>& cohortsKnown,
                                    std::string& codesJson) {
    StoreStatus s;
    codesJson = "[";
    for (const auto& p : roster) {
        find_.bind(1, p.code);
        int rc = find_.step();
        bool same = false;
        const bool exists = rc == SQLITE_ROW;
        if (exists)
            same = find_.text(0) == p.firstName && find_.text(1) == p.infix && find_.text(2) == p.lastName &&
                   find_.text(3) == p.department && find_.text(4) == p.cohortId && find_.text(5) == p.email &&
                   find_.integer(6) == 1 && find_.text(7) == isoOf(p.from) && find_.text(8) == isoOf(p.until);
        else if (rc != SQLITE_DONE) {
            s = store_detail::statusOf(db_, rc);
            break;
        }
        find_.reset();
        if (codesJson.size() > 1) codesJson += ',';
        codesJson += "\"" + p.code + "\"";  // codes are letters and digits only
        if (same) {
            ++result_.unchanged;
            continue;
        }
        upsert_.bind(1, p.code);
        upsert_.bind(2, p.firstName);
        upsert_.bind(3, p.infix);
        upsert_.bind(4, p.lastName);
        upsert_.bind(5, p.department);
        upsert_.bind(6, p.cohortId);
        upsert_.bind(7, p.email);
        upsert_.bind(8, now_.ms);
        upsert_.bind(9, isoOf(p.from));
        upsert_.bind(10, isoOf(p.until));
        // New to a cohort the store already knew: a late joiner, listed from today.
        upsert_.bind(11, !exists && cohortsKnown.count(p.cohortId) ? today_.iso() : std::string{});
        rc = upsert_.step();
        upsert_.reset();
        if (rc != SQLITE_DONE) {
            s = store_detail::statusOf(db_, rc);
            break;
        }
        ++(exists ? result_.updated : result_.added);
    }
    codesJson += "]";
    return s;
}

StoreStatus RosterWriter::deactivateOthers(const std::string& codesJson) {
    deactivate_.bind(1, now_.ms);
    deactivate_.bind(2, today_.plusDays(-1).iso());  // left: enrolled up to yesterday
    deactivate_.bind(3, codesJson);
    const int rc = deactivate_.step();
    if (rc != SQLITE_DONE) return store_detail::statusOf(db_, rc);
    result_.deactivated = sqlite3_changes(db_);
    return {};
}

// The meta row `key` set to `value`, in the import's transaction.
StoreStatus storeMeta(sqlite3* db, const std::string& key, const std::string& value) {
    Statement setMeta(db, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    setMeta.bind(1, key);
    setMeta.bind(2, value);
    const int rc = setMeta.step();
    if (rc != SQLITE_DONE) return store_detail::statusOf(db, rc);
    return {};
}

// Every write of the import after the codes are settled: rows, leavers, e-mail, the caller's meta.
StoreStatus writeRoster(sqlite3* db, const std::vector<Participant>& roster, const std::set<std::string>& cohortsKnown,
                        Instant now, const std::string& metaKey, const std::string& metaValue, RosterImportResult& result) {
    RosterWriter writer(db, now, result);
    std::string codesJson;
    StoreStatus s = writer.upsertAll(roster, cohortsKnown, codesJson);
    if (s.ok()) s = writer.deactivateOthers(codesJson);
    // A roster with no e-mail (the default: privacy_settings.h) leaves none stored, not even of
    // those taken off the list before.
    const bool anyEmail = std::any_of(roster.begin(), roster.end(), [](const Participant& p) { return !p.email.empty(); });
    if (s.ok() && !anyEmail) s = store_detail::execSql(db, "UPDATE participant SET email = '' WHERE email <> ''");
    if (s.ok() && !metaKey.empty()) s = storeMeta(db, metaKey, metaValue);
    return s;
}

}  // namespace

StoreStatus AttendanceDb::importRoster(const std::vector<Participant>& incoming, Instant now, RosterImportResult& result,
                                       const std::string& metaKey, const std::string& metaValue) {
    result = {};
    if (auto s = ensureOpen(); !s.ok()) return s;
    if (auto s = exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    std::vector<Participant> roster = incoming;
    std::set<std::string> cohortsKnown;  // cohorts the store had people of before this import
    StoreStatus s = restoreCodes(*this, roster, cohortsKnown, result);
    if (s.ok()) s = leaveOutErased(*this, roster, result);
    if (s.ok()) s = writeRoster(db_, roster, cohortsKnown, now, metaKey, metaValue, result);
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
