#include "central_erasure.h"

#include <sodium.h>

#include <vector>

#include "pg_connection.h"
#include "store/attendance_db.h"
#include "store/meta_keys.h"

namespace kiosk {

CentralErasureReport applyCentralErasures(PgConnection& c, AttendanceDb& db, Instant now) {
    CentralErasureReport out;
    auto storeFail = [&](const StoreStatus& s) {
        out.storeFailed = true;
        out.error = s.detail.empty() ? "store" : s.detail;
        return out;
    };
    // Row-level security gives only this kiosk's cohorts (central_schema.h, R16).
    PgResult r = c.exec("SELECT x.cohort, encode(k.key, 'hex'), x.person, x.erased_on::text, x.reason"
                        " FROM erasure x JOIN erasure_key k ON k.cohort = x.cohort ORDER BY x.erased_at, x.cohort, x.person");
    if (!r.ok()) {
        out.error = r.error();
        return out;
    }
    std::vector<std::string> codes;
    bool codesRead = false;
    for (int i = 0; i < r.rows(); ++i) {
        const std::string cohort = r.text(i, 0), key = r.text(i, 1), person = r.text(i, 2);
        const std::string stamp = r.text(i, 3) + " " + r.text(i, 4);
        std::string applied;
        if (auto s = db.meta(meta_keys::centralErased(cohort, person), applied); !s.ok()) return storeFail(s);
        if (!applied.empty()) continue;
        if (!codesRead) {
            if (auto s = db.personCodes(codes); !s.ok()) return storeFail(s);
            codesRead = true;
        }
        for (const std::string& code : codes) {
            if (centralErasureHash(key, code) != person) continue;
            ErasureResult erased;
            if (auto s = db.erasePerson(code, "centraal gewist " + stamp, now, erased); !s.ok()) return storeFail(s);
            ++out.people;
            out.events += erased.events;
        }
        // Contract 2: the key first (isErased needs it), then the tombstone that marks it applied.
        std::string known;
        if (auto s = db.meta(meta_keys::centralErasureKey(cohort), known); !s.ok()) return storeFail(s);
        if (known != key)
            if (auto s = db.setMeta(meta_keys::centralErasureKey(cohort), key); !s.ok()) return storeFail(s);
        if (auto s = db.setMeta(meta_keys::centralErased(cohort, person), stamp); !s.ok()) return storeFail(s);
        ++out.tombstonesNew;
    }
    out.ok = true;
    return out;
}

CentralEraseResult eraseFromCentral(PgConnection& c, const std::string& cohort, const std::string& code,
                                    const std::string& reason) {
    CentralEraseResult out;
    PgResult known = c.exec("SELECT EXISTS (SELECT 1 FROM kiosk_cohort WHERE cohort = $1)"
                            " OR EXISTS (SELECT 1 FROM roster_release WHERE cohort = $1)"
                            " OR EXISTS (SELECT 1 FROM attendance_event WHERE cohort = $1)"
                            " OR EXISTS (SELECT 1 FROM erasure_key WHERE cohort = $1)",
                            {cohort});
    if (!known.ok()) {
        out.error = known.error();
        return out;
    }
    if (known.text(0, 0) != "t") {
        out.unknownCohort = true;
        return out;
    }
    if (sodium_init() < 0) {
        out.error = "libsodium";
        return out;
    }
    unsigned char key[32];
    randombytes_buf(key, sizeof key);
    std::string keyHex(sizeof key * 2 + 1, '\0');
    sodium_bin2hex(keyHex.data(), keyHex.size(), key, sizeof key);
    keyHex.resize(sizeof key * 2);
    PgResult r = c.exec("SELECT events_removed, roster_rows_removed, already_erased"
                        " FROM leergang_erase_person($1, $2, $3, decode($4, 'hex'))",
                        {cohort, code, reason, keyHex});
    if (!r.ok()) {
        out.error = r.error();
        return out;
    }
    out.events = static_cast<int>(r.integer(0, 0));
    out.rosterRows = static_cast<int>(r.integer(0, 1));
    out.alreadyErased = r.text(0, 2) == "t";
    out.ok = true;
    // Contract 5 of the schema step; best effort. ANALYZE too: the planner's statistics (pg_statistic,
    // the owner's pg_stats) keep the most common names and codes of the two tables, the person's
    // among them, until the next ANALYZE (found in the hand trial of issue 31).
    c.exec("VACUUM (ANALYZE) attendance_event, roster_release_row");
    return out;
}

}  // namespace kiosk
