#include "central_roster.h"

#include <algorithm>
#include <sstream>

#include "central_erasure.h"
#include "central_sync.h"
#include "core/roster.h"
#include "core/text_checks.h"
#include "pg_connection.h"
#include "store/attendance_db.h"
#include "store/roster_sync.h"
#include "store/meta_keys.h"

namespace kiosk {
namespace {

constexpr int kRosterColumns = 7;
constexpr size_t kRowsPerInsert = 500;

std::map<std::string, std::vector<Participant>> activeByCohort(const std::vector<StoredParticipant>& known) {
    std::map<std::string, std::vector<Participant>> out;
    for (const auto& s : known)
        if (s.active) out[s.participant.cohortId].push_back(s.participant);
    return out;
}

// Adds the cohort's next release and its rows, in one transaction; the version, or 0. The release
// row goes first: the rows' row-level security asks that their release is this kiosk's.
int64_t release(PgConnection& c, const std::string& kioskId, const std::string& cohort,
                const std::vector<Participant>& people, std::string& error) {
    auto fail = [&](const std::string& why) {
        c.exec("ROLLBACK");
        error = why;
        return int64_t{0};
    };
    if (PgResult r = c.exec("BEGIN"); !r.ok()) return fail(r.error());
    // The server numbers the release (central_schema.h, SECURITY MODEL R6): the next version of
    // that cohort, under that cohort's counter row until this transaction ends.
    PgResult rel = c.exec("INSERT INTO roster_release (cohort, origin_kiosk, people) VALUES ($1, $2, $3) RETURNING version",
                          {cohort, kioskId, std::to_string(people.size())});
    if (!rel.ok() || rel.rows() != 1) return fail(rel.ok() ? "no version" : rel.error());
    const int64_t version = rel.integer(0, 0);
    for (size_t from = 0; from < people.size(); from += kRowsPerInsert) {
        const size_t to = std::min(people.size(), from + kRowsPerInsert);
        std::string sql =
            "INSERT INTO roster_release_row (cohort, version, code, first_name, infix, last_name, department) VALUES ";
        std::vector<std::optional<std::string>> params;
        int p = 0;
        for (size_t i = from; i < to; ++i) {
            const Participant& x = people[i];
            sql += i > from ? ",(" : "(";
            for (int k = 0; k < kRosterColumns; ++k) sql += (k ? ",$" : "$") + std::to_string(++p);
            sql += ")";
            const std::string v = std::to_string(version);
            // No e-mail: it stays on the kiosk that imported it (SECURITY MODEL R10).
            for (const std::string* f : {&cohort, &v, &x.code, &x.firstName, &x.infix, &x.lastName, &x.department})
                params.push_back(*f);
        }
        if (PgResult r = c.exec(sql, params); !r.ok()) return fail(r.error());
    }
    if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
    return version;
}

bool validReleasedRow(const Participant& p) {
    const RosterLimits& l = kRosterLimits;
    return !p.code.empty() && normaliseCode(p.code) == p.code && checkText(p.code, l.code, false).ok() &&
           checkText(p.firstName, l.name, false).ok() && checkText(p.infix, l.infix, false).ok() &&
           checkText(p.lastName, l.name, false).ok() && checkText(p.department, l.department, false).ok() &&
           !p.firstName.empty() && !p.lastName.empty();
}

// The cohort's newest release and its rows, read in one snapshot; false with `error` on failure.
bool fetch(PgConnection& c, const std::string& cohort, int64_t& version, std::vector<Participant>& people,
           std::string& error) {
    people.clear();
    auto fail = [&](const std::string& why) {
        c.exec("ROLLBACK");
        error = why;
        return false;
    };
    if (PgResult r = c.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r.ok()) return fail(r.error());
    PgResult v = c.exec("SELECT COALESCE(max(version), 0) FROM roster_release WHERE cohort = $1", {cohort});
    if (!v.ok()) return fail(v.error());
    version = v.integer(0, 0);
    PgResult rows = c.exec("SELECT code, first_name, infix, last_name, department FROM roster_release_row"
                           " WHERE cohort = $1 AND version = $2 ORDER BY code", {cohort, std::to_string(version)});
    if (!rows.ok()) return fail(rows.error());
    for (int i = 0; i < rows.rows(); ++i) {
        Participant p;
        p.code = rows.text(i, 0);
        p.firstName = rows.text(i, 1);
        p.infix = rows.text(i, 2);
        p.lastName = rows.text(i, 3);
        p.department = rows.text(i, 4);
        p.cohortId = cohort;
        if (!validReleasedRow(p)) continue;  // checked like an import (the pull's rule 10)
        people.push_back(std::move(p));
    }
    if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
    return true;
}

}  // namespace

std::map<std::string, AgreedCohort> parseAgreedRoster(const std::string& metaValue) {
    std::map<std::string, AgreedCohort> out;
    std::istringstream in(metaValue);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream l(line);
        std::string cohort, hash;
        long long version = 0;
        // Cohort ids have no spaces (programme.toml validates them); an unreadable line is skipped,
        // which at worst releases that cohort's roster once more.
        if (l >> cohort >> version >> hash) out[cohort] = {version, hash};
    }
    return out;
}

std::string formatAgreedRoster(const std::map<std::string, AgreedCohort>& agreed) {
    std::string out;
    for (const auto& [cohort, a] : agreed) out += cohort + " " + std::to_string(a.version) + " " + a.hash + "\n";
    return out;
}

std::string cohortRosterHash(std::vector<Participant> people) {
    std::sort(people.begin(), people.end(), [](const Participant& a, const Participant& b) { return a.code < b.code; });
    std::string all;
    for (const auto& p : people)
        for (const std::string* v : {&p.code, &p.firstName, &p.infix, &p.lastName, &p.department, &p.cohortId, &p.email})
            all += *v + '\x1f';
    return contentHash(all);
}

namespace {

// One syncRoster run: what it read from the store and the server, and what it decided. Each step
// returns false when the run stops (the report says why); the steps run in the order below.
struct RosterSyncRun {
    PgConnection& c;
    AttendanceDb& db;
    const std::string& kioskId;
    const std::set<std::string>& cohorts;
    Instant now;
    RosterSyncReport& out;
    std::vector<StoredParticipant> known{};
    std::map<std::string, AgreedCohort> agreed{};
    std::map<std::string, std::vector<Participant>> local{};  // the active people here, per cohort
    bool agreedChanged = false;
    std::set<std::string> served{};
    std::map<std::string, int64_t> onServer{};  // the newest release of each cohort on the server
    std::set<std::string> toApply{};

    // A store failure, said in the report; false.
    bool storeFail(const StoreStatus& s) {
        out.storeFailed = true;
        out.error = s.detail;
        return false;
    }
    bool readHere();
    bool readServer();
    bool releaseChanged();
    void chooseTakeOvers();
    bool applyTakeOvers();
};

// The people here and the agreement, after the central erasures (central_erasure.h) are applied.
bool RosterSyncRun::readHere() {
    if (auto s = db.participants(known); !s.ok()) return storeFail(s);
    // Erasures first (central_erasure.h): a person erased on request leaves here before anything is
    // released or applied.
    const CentralErasureReport erasures = applyCentralErasures(c, db, now);
    if (!erasures.ok) {
        out.storeFailed = erasures.storeFailed;
        out.error = erasures.error;
        return false;
    }
    out.erased = erasures.people;
    const auto before = activeByCohort(known);
    if (erasures.people > 0) {
        known.clear();  // participants() appends
        if (auto s = db.participants(known); !s.ok()) return storeFail(s);
    }
    std::string stored;
    if (auto s = db.meta(meta_keys::kCentralRoster, stored); !s.ok()) return storeFail(s);
    agreed = parseAgreedRoster(stored);
    local = activeByCohort(known);
    // The owner took the person out of the server's releases too: a cohort that agreed with the
    // server before agrees after, without a release of its own.
    for (auto& [cohort, a] : agreed)
        if (erasures.people > 0 && before.count(cohort) && local.count(cohort) &&
            a.hash == cohortRosterHash(before.at(cohort))) {
            a.hash = cohortRosterHash(local.at(cohort));
            agreedChanged = true;
        }
    return true;
}

// The cohorts the server serves this kiosk, and the newest release of each cohort there.
bool RosterSyncRun::readServer() {
    std::vector<std::string> servedList;
    if (!centralCohorts(c, servedList, out.error)) return false;
    served = std::set<std::string>(servedList.begin(), servedList.end());
    PgResult versions = c.exec("SELECT cohort, max(version) FROM roster_release GROUP BY cohort");
    if (!versions.ok()) {
        out.error = versions.error();
        return false;
    }
    for (int i = 0; i < versions.rows(); ++i) onServer[versions.text(i, 0)] = versions.integer(i, 1);
    return true;
}

// Release what changed here. A cohort this kiosk never agreed on and the server already has
// is taken from the server instead (a kiosk joining takes the shared roster).
bool RosterSyncRun::releaseChanged() {
    for (const auto& [cohort, people] : local) {
        if (!served.count(cohort)) {  // the server would refuse it: another kiosk's cohort
            out.notServed.insert(cohort);
            continue;
        }
        const std::string hash = cohortRosterHash(people);
        const auto a = agreed.find(cohort);
        const int64_t serverVersion = onServer.count(cohort) ? onServer[cohort] : 0;
        // Unchanged here, and the server still holds what was agreed. A server restored from a dump
        // that lost the release gets it again (as survive's events, central_sync.h rule 5): the
        // server takes a check-in only for someone in a release (central_schema.h, R3).
        if (a != agreed.end() && a->second.hash == hash && serverVersion >= a->second.version) continue;
        if (a == agreed.end() && serverVersion > 0) {
            toApply.insert(cohort);
            continue;
        }
        const int64_t v = release(c, kioskId, cohort, people, out.error);
        if (v == 0) return false;
        agreed[cohort] = {v, hash};
        onServer[cohort] = v;
        out.released[cohort] = v;
        agreedChanged = true;
    }
    return true;
}

// Take over newer releases from elsewhere, for this kiosk's cohorts.
void RosterSyncRun::chooseTakeOvers() {
    for (const auto& [cohort, version] : onServer)
        if (!out.released.count(cohort) && (cohorts.count(cohort) || local.count(cohort)) &&
            (!agreed.count(cohort) || agreed[cohort].version < version))
            toApply.insert(cohort);
}

// The chosen cohorts fetched and imported here with the rest of the roster, in one import that
// also stores the agreement.
bool RosterSyncRun::applyTakeOvers() {
    if (toApply.empty()) return true;
    std::vector<Participant> roster;
    for (const auto& [cohort, people] : local)
        if (!toApply.count(cohort)) roster.insert(roster.end(), people.begin(), people.end());
    std::map<std::string, int64_t> fetched;
    for (const std::string& cohort : toApply) {
        int64_t version = 0;
        std::vector<Participant> people;
        if (!fetch(c, cohort, version, people, out.error)) return false;
        if (people.empty()) continue;  // never empties a cohort (see the header)
        agreed[cohort] = {version, cohortRosterHash(people)};
        fetched[cohort] = version;
        out.people += static_cast<int>(people.size());
        roster.insert(roster.end(), people.begin(), people.end());
    }
    if (fetched.empty()) return true;
    RosterImportResult result;
    if (auto s = db.importRoster(roster, now, result, meta_keys::kCentralRoster, formatAgreedRoster(agreed)); !s.ok())
        return storeFail(s);
    out.applied = fetched;
    agreedChanged = false;
    if (!result.codesRestored.empty()) {
        // Codes kept in their stored form ("0007" for "7"): agree on the rows as stored here.
        known.clear();  // participants() appends
        if (auto s = db.participants(known); !s.ok()) return storeFail(s);
        const auto now_ = activeByCohort(known);
        for (const auto& [cohort, version] : fetched)
            if (now_.count(cohort)) agreed[cohort].hash = cohortRosterHash(now_.at(cohort));
        agreedChanged = true;
    }
    return true;
}

}  // namespace

RosterSyncReport syncRoster(PgConnection& c, AttendanceDb& db, const std::string& kioskId,
                            const std::set<std::string>& cohorts, Instant now) {
    RosterSyncReport out;
    RosterSyncRun run{c, db, kioskId, cohorts, now, out};
    if (!run.readHere() || !run.readServer() || !run.releaseChanged()) return out;
    run.chooseTakeOvers();
    if (!run.applyTakeOvers()) return out;
    if (run.agreedChanged)
        if (auto s = db.setMeta(meta_keys::kCentralRoster, formatAgreedRoster(run.agreed)); !s.ok()) {
            run.storeFail(s);
            return out;
        }
    out.ok = true;
    return out;
}

}  // namespace kiosk
