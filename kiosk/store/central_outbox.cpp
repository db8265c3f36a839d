#include "central_outbox.h"

#include <algorithm>
#include <cstdlib>
#include <random>
#include <set>

#include "meta_keys.h"
#include "sqlite_statement.h"
#include "sync_step.h"

namespace kiosk {

using store_detail::execSql;
using store_detail::Statement;
using store_detail::statusOf;

namespace {

constexpr const char* kColumns =
    "id, participant_code, kind, at_ms, recorded_ms, local_date, source, kiosk_id, reason, actor, refers_to, effect,"
    " guest_name, guest_organisation";

// An event `e` the central record keeps: no cut-off (the two ? bound to ""), dated on or after it,
// or dated before kEarliestPlausibleDay (never purged by age: central_retention.h).
constexpr const char* kWithinCutoff = "(? = '' OR e.local_date >= ? OR e.local_date < '2025-01-01')";

// The event columns (kColumns) from column `first` on.
void readEvent(Statement& st, int first, CentralEventRow& r) {
    r.id = st.text(first);
    if (sqlite3_column_type(st.get(), first + 1) != SQLITE_NULL) r.participantCode = st.text(first + 1);
    r.kind = st.text(first + 2);
    r.atMs = st.integer(first + 3);
    r.recordedMs = st.integer(first + 4);
    r.localDate = st.text(first + 5);
    r.source = st.text(first + 6);
    r.kioskId = st.text(first + 7);
    r.reason = st.text(first + 8);
    r.actor = st.text(first + 9);
    r.refersTo = st.text(first + 10);
    r.effect = st.text(first + 11);
    r.guestName = st.text(first + 12);
    r.guestOrganisation = st.text(first + 13);
}

// A meta value "A:B" as two numbers; false when absent or not that shape.
bool metaPair(sqlite3* db, const char* key, int64_t& a, int64_t& b, int& rc) {
    Statement st(db, "SELECT value FROM meta WHERE key = ?");
    st.bind(1, std::string(key));
    rc = st.step();
    if (rc != SQLITE_ROW) return false;
    const std::string v = st.text(0);
    char* end = nullptr;
    a = std::strtoll(v.c_str(), &end, 10);
    if (*end != ':') return false;
    b = std::strtoll(end + 1, &end, 10);
    return *end == '\0';
}

StoreStatus setMeta(sqlite3* db, const char* key, const std::string& value) {
    Statement st(db, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (st.prepareRc() != SQLITE_OK) return statusOf(db, st.prepareRc());
    st.bind(1, std::string(key));
    st.bind(2, value);
    if (const int rc = st.step(); rc != SQLITE_DONE) return statusOf(db, rc);
    return {};
}

}  // namespace

CentralOutbox::~CentralOutbox() { close(); }

void CentralOutbox::close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
}

StoreStatus CentralOutbox::open(const std::filesystem::path& file, bool readOnly) {
    close();
    const int rc = sqlite3_open_v2(file.c_str(), &db_,
                                   (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        StoreStatus s = statusOf(db_, rc);
        close();
        return s;
    }
    sqlite3_busy_timeout(db_, 5000);
    for (const char* pragma : {"PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA secure_delete=ON"}) {
        if (readOnly) break;
        if (auto s = execSql(db_, pragma); !s.ok()) {
            close();
            return s;
        }
    }
    Statement v(db_, "PRAGMA user_version");
    if (v.step() != SQLITE_ROW || v.integer(0) < 2) {
        close();
        return {StoreErrorKind::other, file.string() + ": no central outbox (schema version below 2)"};
    }
    return {};
}

StoreStatus CentralOutbox::dataVersion(int64_t& v) {
    Statement st(db_, "PRAGMA data_version");
    const int rc = st.step();
    if (rc != SQLITE_ROW) return statusOf(db_, rc);
    v = st.integer(0);
    return {};
}

StoreStatus CentralOutbox::countWaiting(int64_t& n) {
    n = 0;
    Statement st(db_, "SELECT count(*) FROM central_outbox o JOIN attendance_event e ON e.seq = o.seq");
    const int rc = st.step();
    if (rc != SQLITE_ROW) return statusOf(db_, rc);
    n = st.integer(0);
    return {};
}

StoreStatus CentralOutbox::waiting(int limit, std::vector<CentralEventRow>& out) {
    out.clear();
    // Rows whose event retention purged before upload: nothing left to send.
    syncStep("outbox.waiting.forget_gone");
    if (auto s = execSql(db_, "DELETE FROM central_outbox WHERE seq NOT IN (SELECT seq FROM attendance_event)"); !s.ok())
        return s;
    Statement st(db_, (std::string("SELECT e.seq, ") + kColumns +
                       " FROM central_outbox o JOIN attendance_event e ON e.seq = o.seq ORDER BY o.seq LIMIT ?").c_str());
    if (st.prepareRc() != SQLITE_OK) return statusOf(db_, st.prepareRc());
    st.bind(1, static_cast<int64_t>(limit));
    syncStep("outbox.waiting.read");
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        CentralEventRow r;
        r.seq = st.integer(0);
        readEvent(st, 1, r);
        out.push_back(std::move(r));
    }
    return rc == SQLITE_DONE ? StoreStatus{} : statusOf(db_, rc);
}

StoreStatus CentralOutbox::markUploaded(const std::vector<int64_t>& seqs, int64_t storedTop) {
    syncStep("outbox.ack.begin");
    if (auto s = execSql(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
    Statement del(db_, "DELETE FROM central_outbox WHERE seq = ?");
    for (int64_t seq : seqs) {
        del.bind(1, seq);
        syncStep("outbox.ack.delete");
        if (const int rc = del.step(); rc != SQLITE_DONE) {
            StoreStatus s = statusOf(db_, rc);
            execSql(db_, "ROLLBACK");
            return s;
        }
        del.reset();
    }
    // The acknowledged mark moves with the rows it clears (contract 2; central_sync.h, rule 3).
    int64_t epochNow = 0, acked = 0;
    StoreStatus s = seqs.empty() ? StoreStatus{} : epoch(epochNow);
    if (s.ok() && !seqs.empty()) s = ackedMark(acked);
    if (s.ok() && !seqs.empty()) {
        const int64_t top = std::max(acked, storedTop >= 0 ? storedTop : *std::max_element(seqs.begin(), seqs.end()));
        syncStep("outbox.ack.mark");
        s = setMeta(db_, meta_keys::kCentralAcked, std::to_string(epochNow) + ":" + std::to_string(top));
    }
    if (s.ok()) {
        syncStep("outbox.ack.commit");
        s = execSql(db_, "COMMIT");
    }
    if (!s.ok()) {
        execSql(db_, "ROLLBACK");
        return s;
    }
    return {};
}

StoreStatus CentralOutbox::ackedMark(int64_t& seq) {
    seq = 0;
    int64_t ackEpoch = 0, current = 0, top = 0;
    if (auto s = epoch(current); !s.ok()) return s;
    int rc = SQLITE_OK;
    syncStep("outbox.acked.read");
    if (metaPair(db_, meta_keys::kCentralAcked, ackEpoch, top, rc) && ackEpoch == current) seq = top;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? StoreStatus{} : statusOf(db_, rc);
}

StoreStatus CentralOutbox::requeueOwnAbove(int64_t seq, int64_t upTo, const std::string& cutoff, std::vector<std::string>& ids) {
    ids.clear();
    syncStep("outbox.requeue.begin");
    if (auto s = execSql(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
    Statement own(db_, (std::string("SELECT e.seq, e.id FROM attendance_event e WHERE e.seq > ? AND e.seq <= ?"
                                     " AND NOT EXISTS (SELECT 1 FROM central_pulled p WHERE p.event_id = e.id) AND ") +
                        kWithinCutoff + " ORDER BY e.seq").c_str());
    Statement add(db_, "INSERT OR IGNORE INTO central_outbox (seq) VALUES (?)");
    int rc = own.prepareRc() != SQLITE_OK ? own.prepareRc() : add.prepareRc();
    if (rc == SQLITE_OK) {
        own.bind(1, seq);
        own.bind(2, upTo);
        own.bind(3, cutoff);
        own.bind(4, cutoff);
        syncStep("outbox.requeue.read");
        while ((rc = own.step()) == SQLITE_ROW) {
            ids.push_back(own.text(1));
            add.bind(1, own.integer(0));
            syncStep("outbox.requeue.add");
            if ((rc = add.step()) != SQLITE_DONE) break;
            add.reset();
        }
    }
    if (rc == SQLITE_DONE || rc == SQLITE_OK) syncStep("outbox.requeue.commit");
    StoreStatus s = rc == SQLITE_DONE || rc == SQLITE_OK ? execSql(db_, "COMMIT") : statusOf(db_, rc);
    if (!s.ok()) {
        execSql(db_, "ROLLBACK");
        ids.clear();
    }
    return s;
}

StoreStatus CentralOutbox::pulledAbove(const std::string& origin, int64_t epochOf, int64_t seq, int limit,
                                       const std::string& cutoff, std::vector<CentralEventRow>& out) {
    out.clear();
    Statement st(db_, (std::string("SELECT p.origin_seq, ") + kColumns +
                       " FROM central_pulled p JOIN attendance_event e ON e.id = p.event_id"
                       " WHERE p.origin_kiosk = ? AND p.origin_epoch = ? AND p.origin_seq > ? AND " + kWithinCutoff +
                       " ORDER BY p.origin_seq LIMIT ?").c_str());
    if (st.prepareRc() != SQLITE_OK) return statusOf(db_, st.prepareRc());
    st.bind(1, origin);
    st.bind(2, epochOf);
    st.bind(3, seq);
    st.bind(4, cutoff);
    st.bind(5, cutoff);
    st.bind(6, static_cast<int64_t>(limit));
    syncStep("outbox.pulled_above.read");
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        CentralEventRow r;
        r.seq = st.integer(0);
        r.originKiosk = origin;
        r.originEpoch = epochOf;
        readEvent(st, 1, r);
        out.push_back(std::move(r));
    }
    return rc == SQLITE_DONE ? StoreStatus{} : statusOf(db_, rc);
}

StoreStatus CentralOutbox::dropOlderThan(const std::string& cutoff, int64_t& dropped) {
    dropped = 0;
    if (cutoff.empty()) return {};
    Statement st(db_, (std::string("DELETE FROM central_outbox WHERE seq IN (SELECT e.seq FROM attendance_event e"
                                   " WHERE NOT ") + kWithinCutoff + ")").c_str());
    if (st.prepareRc() != SQLITE_OK) return statusOf(db_, st.prepareRc());
    st.bind(1, cutoff);
    st.bind(2, cutoff);
    syncStep("outbox.drop_old");
    if (const int rc = st.step(); rc != SQLITE_DONE) return statusOf(db_, rc);
    dropped = sqlite3_changes(db_);
    return {};
}

StoreStatus CentralOutbox::noteRecovery(int64_t ms, int64_t n) {
    syncStep("outbox.note_recovery");
    return setMeta(db_, meta_keys::kCentralRecovered, std::to_string(ms) + ":" + std::to_string(n));
}

StoreStatus CentralOutbox::lastRecovery(int64_t& ms, int64_t& n) {
    ms = n = 0;
    int rc = SQLITE_OK;
    if (!metaPair(db_, meta_keys::kCentralRecovered, ms, n, rc)) ms = n = 0;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? StoreStatus{} : statusOf(db_, rc);
}

StoreStatus CentralOutbox::epoch(int64_t& out) {
    out = 0;
    Statement st(db_, "SELECT value FROM meta WHERE key = 'central_epoch'");
    syncStep("outbox.epoch.read");
    const int rc = st.step();
    if (rc == SQLITE_DONE) return {};
    if (rc != SQLITE_ROW) return statusOf(db_, rc);
    const std::string v = st.text(0);
    char* end = nullptr;
    const long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 0)
        return {StoreErrorKind::damaged, "meta central_epoch: '" + v + "' is not an epoch"};
    out = n;
    return {};
}

int64_t randomOriginEpoch() {
    std::random_device rd;
    const uint64_t r = (static_cast<uint64_t>(rd()) << 32) ^ rd();
    return static_cast<int64_t>(r >> 1) | 1;
}

StoreStatus CentralOutbox::startNewEpoch(int64_t& epoch) {
    const int64_t fresh = randomOriginEpoch();
    if (auto s = setMeta(db_, meta_keys::kCentralEpoch, std::to_string(fresh)); !s.ok()) return s;
    epoch = fresh;
    return {};
}

StoreStatus CentralOutbox::syncMeta(const std::string& key, std::string& value, bool& found) {
    value.clear();
    found = false;
    Statement st(db_, "SELECT value FROM meta WHERE key = ?");
    if (st.prepareRc() != SQLITE_OK) return statusOf(db_, st.prepareRc());
    st.bind(1, key);
    syncStep("outbox.sync_meta.read");
    const int rc = st.step();
    if (rc == SQLITE_DONE) return {};
    if (rc != SQLITE_ROW) return statusOf(db_, rc);
    value = st.text(0);
    found = true;
    return {};
}

StoreStatus CentralOutbox::setSyncMeta(const std::string& key, const std::string& value) {
    Statement st(db_, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (st.prepareRc() != SQLITE_OK) return statusOf(db_, st.prepareRc());
    st.bind(1, key);
    st.bind(2, value);
    syncStep("outbox.sync_meta.write");
    if (const int rc = st.step(); rc != SQLITE_DONE) return statusOf(db_, rc);
    return {};
}

StoreStatus CentralOutbox::highWaterMarks(std::map<std::pair<std::string, int64_t>, int64_t>& out) {
    out.clear();
    Statement st(db_, "SELECT origin_kiosk, origin_epoch, max(origin_seq) FROM central_pulled"
                      " GROUP BY origin_kiosk, origin_epoch");
    syncStep("outbox.marks.read");
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) out[{st.text(0), st.integer(1)}] = st.integer(2);
    return rc == SQLITE_DONE ? StoreStatus{} : statusOf(db_, rc);
}

StoreStatus CentralOutbox::insertPulled(const std::vector<CentralEventRow>& events, int64_t nowMs, int& inserted) {
    inserted = 0;
    if (events.empty()) return {};
    syncStep("outbox.pulled.begin");
    if (auto s = execSql(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
    Statement pulled(db_, "INSERT OR IGNORE INTO central_pulled (event_id, origin_kiosk, origin_epoch, origin_seq)"
                          " VALUES (?,?,?,?)");
    Statement person(db_, "INSERT OR IGNORE INTO participant (code, first_name, last_name, active, updated_ms)"
                          " VALUES (?, ?, '', 0, ?)");
    Statement event(db_, (std::string("INSERT INTO attendance_event (") + kColumns +
                          ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING").c_str());
    auto fail = [&](int rc) {
        StoreStatus s = statusOf(db_, rc);
        execSql(db_, "ROLLBACK");
        inserted = 0;
        return s;
    };
    for (Statement* st : {&pulled, &person, &event})
        if (st->prepareRc() != SQLITE_OK) return fail(st->prepareRc());
    std::set<std::string> known;  // codes whose placeholder row is already ensured in this batch
    for (const auto& e : events) {
        pulled.bind(1, e.id);
        pulled.bind(2, e.originKiosk);
        pulled.bind(3, e.originEpoch);
        pulled.bind(4, e.seq);
        syncStep("outbox.pulled.origin");
        if (int rc = pulled.step(); rc != SQLITE_DONE) return fail(rc);
        pulled.reset();
        if (e.participantCode && known.insert(*e.participantCode).second) {
            person.bind(1, *e.participantCode);
            person.bind(2, *e.participantCode);
            person.bind(3, nowMs);
            syncStep("outbox.pulled.placeholder");
            if (int rc = person.step(); rc != SQLITE_DONE) return fail(rc);
            person.reset();
        }
        event.bind(1, e.id);
        if (e.participantCode) event.bind(2, *e.participantCode);
        event.bind(3, e.kind);
        event.bind(4, e.atMs);
        event.bind(5, e.recordedMs);
        event.bind(6, e.localDate);
        event.bind(7, e.source);
        event.bind(8, e.kioskId);
        event.bind(9, e.reason);
        event.bind(10, e.actor);
        event.bind(11, e.refersTo);
        event.bind(12, e.effect);
        event.bind(13, e.guestName);
        event.bind(14, e.guestOrganisation);
        syncStep("outbox.pulled.event");
        if (int rc = event.step(); rc != SQLITE_DONE) return fail(rc);
        inserted += sqlite3_changes(db_);
        event.reset();
    }
    syncStep("outbox.pulled.commit");
    if (auto s = execSql(db_, "COMMIT"); !s.ok()) {
        execSql(db_, "ROLLBACK");
        inserted = 0;
        return s;
    }
    return {};
}

}  // namespace kiosk
