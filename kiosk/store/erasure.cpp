// erasure.cpp: one person's data erased on request (AVG art. 17; `leergang-kiosk privacy erase`).
//
// 1. One transaction: every event naming the code (its check-ins, check-outs, undos and the
//    corrections about it), the walk-in registration a link of theirs names, every event referring
//    to one of those, their outbox and pulled rows, and the roster row are deleted. The
//    append-only rule refuses UPDATE, not this: erasure is the one recorded exception besides the
//    retention purge.
// 2. Nothing stays readable: secure_delete is on for every connection (attendance_db.cpp), so the
//    deleted cells are zeroed in the pages written; a TRUNCATE checkpoint then copies those pages
//    into the file and empties the -wal, where the old versions of the pages were; a VACUUM (when
//    no other connection is in the way) rebuilds the b-trees, whose interior pages may hold copies.
// 3. A tombstone instead of the person: the meta row `erased/<hash>` with the day and the reason,
//    where <hash> is BLAKE2b of the code's key (codeKey: "7" and "0007" are one person) under a
//    random key of this database (meta `erasure_key`): the code is not in the file, and a list of
//    all codes cannot be tried against it without that key. No name is kept.
// 4. A roster import (the config's or a hand import) leaves a tombstoned code out and says so
//    (RosterImportResult::erasedLeftOut): the person does not come back by the next import.
// 5. Backups made before keep the person until they rotate out ([backup] keep days).
// 6. With a central record, a tombstone of the server (central schema 8) counts as one of this
//    kiosk's own: isErased also hashes the code with each cohort key the kiosk received
//    (meta central_erasure_key/<cohort>) and looks for central_erased/<cohort>/<hash>
//    (central/central_erasure.h), so that a person this kiosk never held is not brought in either.
#include <sodium.h>
#include <sqlite3.h>

#include <utility>
#include <vector>

#include "attendance_db.h"
#include "core/code_resolver.h"
#include "meta_keys.h"
#include "sqlite_statement.h"

namespace kiosk {

using store_detail::Statement;

namespace {

std::string hex(const unsigned char* b, size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < n; ++i) {
        out += digits[b[i] >> 4];
        out += digits[b[i] & 15];
    }
    return out;
}

bool unhex(const std::string& text, std::vector<unsigned char>& out) {
    out.clear();
    if (text.size() % 2) return false;
    auto nibble = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
    for (size_t i = 0; i < text.size(); i += 2) {
        const int hi = nibble(text[i]), lo = nibble(text[i + 1]);
        if (hi < 0 || lo < 0) return false;
        out.push_back(static_cast<unsigned char>(hi * 16 + lo));
    }
    return true;
}

}  // namespace

std::string centralErasureHash(const std::string& keyHex, const std::string& code) {
    std::vector<unsigned char> key;
    if (!unhex(keyHex, key) || key.size() != crypto_auth_hmacsha256_KEYBYTES) return {};
    if (sodium_init() < 0) return {};
    const std::string k = codeKey(code);
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(k.data()), k.size(), key.data());
    return hex(mac, sizeof mac);
}

StoreStatus AttendanceDb::personCodes(std::vector<std::string>& out) {
    out.clear();
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, "SELECT code FROM participant UNION"
                      " SELECT participant_code FROM attendance_event WHERE participant_code IS NOT NULL");
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) out.push_back(st.text(0));
    return rc == SQLITE_DONE ? StoreStatus{} : statusFrom(rc);
}

StoreStatus AttendanceDb::tombstoneOf(const std::string& code, bool create, std::string& out) {
    out.clear();
    std::string key;
    if (auto s = meta(meta_keys::kErasureKey, key); !s.ok()) return s;
    if (key.empty()) {
        if (!create) return {};  // nobody was ever erased here
        if (sodium_init() < 0) return {StoreErrorKind::io, "libsodium"};
        unsigned char fresh[32];
        randombytes_buf(fresh, sizeof fresh);
        key = hex(fresh, sizeof fresh);
        if (auto s = setMeta(meta_keys::kErasureKey, key); !s.ok()) return s;
    }
    const std::string k = codeKey(code);
    unsigned char h[16];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(k.data()), k.size(),
                       reinterpret_cast<const unsigned char*>(key.data()), key.size() < 64 ? key.size() : 64);
    out = meta_keys::erasedPerson(hex(h, sizeof h));
    return {};
}

StoreStatus AttendanceDb::isErased(const std::string& code, bool& erased) {
    erased = false;
    std::string tomb, value;
    if (auto s = tombstoneOf(code, false, tomb); !s.ok()) return s;
    if (!tomb.empty()) {
        if (auto s = meta(tomb, value); !s.ok()) return s;
        erased = !value.empty();
        if (erased) return {};
    }
    // Rule 6: the central record's tombstones applied here, per cohort key.
    std::vector<std::pair<std::string, std::string>> keys;  // cohort, key
    {
        Statement st(db_, "SELECT substr(key, ?1 + 1), value FROM meta WHERE substr(key, 1, ?1) = ?2");
        const std::string prefix = meta_keys::kCentralErasureKeyPrefix;
        st.bind(1, static_cast<int64_t>(prefix.size()));
        st.bind(2, prefix);
        int rc;
        while ((rc = st.step()) == SQLITE_ROW) keys.emplace_back(st.text(0), st.text(1));
        if (rc != SQLITE_DONE) return statusFrom(rc);
    }
    for (const auto& [cohort, key] : keys) {
        const std::string hash = centralErasureHash(key, code);
        if (hash.empty()) continue;
        if (auto s = meta(meta_keys::centralErased(cohort, hash), value); !s.ok()) return s;
        if (!value.empty()) {
            erased = true;
            return {};
        }
    }
    return {};
}

StoreStatus AttendanceDb::erasePerson(const std::string& code, const std::string& reason, Instant now, ErasureResult& out) {
    out = {};
    if (auto s = beforeWrite(); !s.ok()) return s;
    std::optional<StoredParticipant> found;
    if (auto s = findParticipant(code, found); !s.ok()) return s;
    const std::string stored = found ? found->participant.code : normaliseCode(code);
    std::string tomb;
    if (auto s = tombstoneOf(stored, true, tomb); !s.ok()) return s;
    if (auto s = exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    StoreStatus s;
    auto run = [&](const char* sql, int* count) {
        if (!s.ok()) return;
        Statement st(db_, sql);
        st.bind(1, stored);
        const int rc = st.step();
        if (rc != SQLITE_DONE) s = statusFrom(rc);
        else if (count) *count = sqlite3_changes(db_);
    };
    // The events to go (rule 1): the person's own, the walk-in registration a link of theirs names
    // (they typed their name at the door), and every event referring to one of those that names
    // nobody else (an undo written without a code, a staff review of that walk-in), to any depth.
    // The same closure as an inspection shows (core/personal_record.h).
    int ignored = 0;
    run("CREATE TEMP TABLE IF NOT EXISTS erase_ids (id TEXT PRIMARY KEY) WITHOUT ROWID", nullptr);
    run("DELETE FROM erase_ids", nullptr);
    run("INSERT INTO erase_ids WITH RECURSIVE doomed(id) AS ("
        " SELECT id FROM attendance_event WHERE participant_code = ?1"
        " UNION SELECT refers_to FROM attendance_event"
        "   WHERE participant_code = ?1 AND effect = 'link_guest' AND refers_to <> ''"
        " UNION SELECT e.id FROM attendance_event e JOIN doomed d ON e.refers_to = d.id"
        "   WHERE e.participant_code IS NULL OR e.participant_code = ?1)"
        " SELECT id FROM doomed WHERE id IN (SELECT id FROM attendance_event)",
        nullptr);
    run("DELETE FROM central_outbox WHERE seq IN (SELECT seq FROM attendance_event WHERE id IN (SELECT id FROM erase_ids))",
        &out.outbox);
    run("DELETE FROM central_pulled WHERE event_id IN (SELECT id FROM erase_ids)", &ignored);
    run("DELETE FROM attendance_event WHERE id IN (SELECT id FROM erase_ids)", &out.events);
    run("DELETE FROM erase_ids", nullptr);
    int rows = 0;
    run("DELETE FROM participant WHERE code = ?", &rows);
    out.participant = rows > 0;
    if (s.ok()) {
        Statement st(db_, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        st.bind(1, tomb);
        st.bind(2, localDateOf(now).iso() + " " + reason);
        if (const int rc = st.step(); rc != SQLITE_DONE) s = statusFrom(rc);
    }
    if (s.ok()) s = exec("COMMIT");
    if (!s.ok()) {
        exec("ROLLBACK");
        out = {};
        return s;
    }
    // The zeroed pages into the file, the -wal emptied (rule 2). A WITHOUT ROWID table's interior
    // pages can keep a copy of a deleted row as a divider: VACUUM rebuilds every b-tree (best
    // effort: another connection reading makes it wait its turn, the cells are zeroed already).
    if (auto c = exec("PRAGMA wal_checkpoint(TRUNCATE)"); !c.ok()) return c;
    if (exec("VACUUM").ok()) return exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return {};
}

}  // namespace kiosk
