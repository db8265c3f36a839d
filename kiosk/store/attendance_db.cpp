#include "attendance_db.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "central_outbox.h"
#include "check_stamp.h"
#include "quarantine.h"
#include "sqlite_statement.h"
#include "store_schema.h"
#include "wal_guard.h"

#include <cstdio>
#include <system_error>
#include <utility>

namespace kiosk {

using store_detail::Statement;

namespace store_detail {

const char* const kSelectEvents =
    "SELECT seq, id, COALESCE(participant_code,''), kind, at_ms, recorded_ms, local_date, source, kiosk_id,"
    " reason, actor, refers_to, effect, guest_name, guest_organisation FROM attendance_event";

AttendanceEvent eventFromRow(Statement& st) {
    AttendanceEvent e;
    e.seq = st.integer(0);
    e.id = st.text(1);
    e.participantCode = st.text(2);
    e.kind = parseEventKind(st.text(3)).value_or(EventKind::check_in);
    e.at = {st.integer(4)};
    e.recordedAt = {st.integer(5)};
    e.day = LocalDate::parse(st.text(6)).value_or(localDateOf(e.at));
    e.source = parseEventSource(st.text(7)).value_or(EventSource::kiosk);
    e.kioskId = st.text(8);
    e.reason = st.text(9);
    e.actor = st.text(10);
    e.refersTo = st.text(11);
    e.effect = parseCorrectionEffect(st.text(12)).value_or(CorrectionEffect::none);
    e.guestName = st.text(13);
    e.guestOrganisation = st.text(14);
    return e;
}

}  // namespace store_detail

using store_detail::eventFromRow;
using store_detail::kSelectEvents;

AttendanceDb::~AttendanceDb() {
    // A clean close after a check that passed today: remembered, so that a restart the same day
    // need not read the whole file again (check_stamp.h). The last connection's close checkpoints
    // first, so the stamp names the file as it stays.
    const bool stamp = db_ && checkedOn_ && !readOnly_ && sqlite3_close_v2(db_) == SQLITE_OK;
    if (stamp) {
        db_ = nullptr;
        dataVersion_ = -1;
        std::error_code ec;
        const auto wal = std::filesystem::file_size(path_.string() + "-wal", ec);
        if (ec || wal == 0) stampCheck(path_, *checkedOn_);
    }
    close();
    lock_.release();
}

void AttendanceDb::close() {
    if (db_) sqlite3_close_v2(db_);
    db_ = nullptr;
    checkedOn_.reset();  // a reopened connection is not the one checked (contract 4c)
    dataVersion_ = -1;
}

StoreStatus AttendanceDb::statusFrom(int rc) const { return store_detail::statusOf(db_, rc); }

StoreStatus AttendanceDb::exec(const char* sql) { return store_detail::execSql(db_, sql); }

int AttendanceDb::schemaVersion() { return db_ ? storeSchemaVersion(db_) : -1; }

StoreStatus AttendanceDb::ensureOpen() {
    if (db_) return {};
    if (readOnly_) {
        // Read-only: never create anything the kiosk would not. If SQLite cannot map the -shm (a
        // read-only folder, a WAL database closed cleanly), read the file as immutable instead.
        int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr);
        if (rc == SQLITE_OK) {
            Statement probe(db_, "SELECT count(*) FROM sqlite_schema");
            rc = probe.step() == SQLITE_ROW ? SQLITE_OK : sqlite3_errcode(db_);
        }
        if (rc != SQLITE_OK) {
            close();
            const std::string uri = "file:" + path_.string() + "?immutable=1";
            rc = sqlite3_open_v2(uri.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
            std::error_code ec;
            const auto walSize = std::filesystem::file_size(path_.string() + "-wal", ec);
            readOnlyNote_ = !ec && walSize > 32
                                ? path_.string() + "-wal could not be read (read-only folder): the newest events may be missing"
                                : std::string{};
        }
        if (rc != SQLITE_OK) {
            StoreStatus s = statusFrom(rc);
            close();
            return s;
        }
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, 2000);
        versionAtOpen_ = schemaVersion();
        if (versionAtOpen_ > kSchemaVersion) {
            close();
            return {StoreErrorKind::too_new, "schema version " + std::to_string(versionAtOpen_)};
        }
        return {};
    }
    std::error_code ec;
    if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ec);
    if (!lock_.held()) {
        if (std::string err = lock_.acquireShared(path_); !err.empty()) {
            const bool ro = err.find("Read-only") != std::string::npos || err.find("Permission") != std::string::npos;
            const bool full = err.find("No space") != std::string::npos;
            return {full ? StoreErrorKind::disk_full : ro ? StoreErrorKind::read_only : StoreErrorKind::io, err};
        }
    }
    closeDatabaseToOthers(path_);  // issue 31, item 7 (atomic_file.h)
    const int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) {
        StoreStatus s = statusFrom(rc);
        close();
        return s;
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 2000);
    if (sqlite3_db_readonly(db_, "main") == 1) {
        StoreStatus s{StoreErrorKind::read_only, "database file is read-only"};
        close();
        return s;
    }
    if (struct stat st{}; ::stat(path_.c_str(), &st) == 0) {
        openedDev_ = st.st_dev;
        openedIno_ = st.st_ino;
    }
    // WAL + FULL: durable at commit (toolchain.md); secure_delete: purged rows leave the file.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA secure_delete=ON", "PRAGMA wal_autocheckpoint=0"}) {
        if (auto s = exec(pragma); !s.ok()) {
            close();
            return s;
        }
    }
    versionAtOpen_ = schemaVersion();
    if (auto s = migrate(); !s.ok()) {
        close();
        return s;
    }
    return {};
}

StoreStatus AttendanceDb::migrate() { return migrateStoreSchema(db_); }  // store_schema.h

StoreStatus AttendanceDb::openExisting(const std::filesystem::path& file) {
    close();
    lock_.release();
    readOnly_ = false;
    path_ = file;
    if (!std::filesystem::exists(file)) return {StoreErrorKind::io, file.string() + ": not found"};
    return ensureOpen();
}

StoreStatus AttendanceDb::openReadOnly(const std::filesystem::path& file) {
    close();
    lock_.release();
    readOnly_ = true;
    readOnlyNote_.clear();
    path_ = file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return {StoreErrorKind::io, file.string() + ": not found"};
    return ensureOpen();
}

StoreOpenReport AttendanceDb::open(const std::filesystem::path& file, Instant now, CheckTiming timing) {
    close();
    lock_.release();
    readOnly_ = false;
    path_ = file;
    return openChecked(now, timing);
}

StoreOpenReport AttendanceDb::openChecked(Instant now, CheckTiming timing) {
    StoreOpenReport report;
    std::error_code ec;
    const bool existed = std::filesystem::exists(path_, ec);
    if (path_.has_parent_path()) std::filesystem::create_directories(path_.parent_path(), ec);
    if (std::string err = lock_.acquireShared(path_); !err.empty()) {
        report.status = ensureOpen();  // says why (read-only, disk full, ...)
        return report;
    }
    // Alone with the database (no other process has it open): the files may be examined and moved.
    const bool alone = lock_.tryExclusive();
    if (alone && existed) {
        const WalGuardReport wal = guardAgainstForeignWal(path_, now);
        if (wal.foreign) report.foreignWalKeptIn = wal.keptIn.string();
        report.walNote = wal.note;
    }
    // Contract 4c: the full check, unless this is the file a check found sound today (by its stat,
    // taken before opening can change anything) and nobody else has it open; or left to
    // checkDeferred() when the caller may, unless the file was found suspect while it ran.
    const LocalDate today = localDateOf(now);
    const bool sound = alone && existed && soundSinceCheck(path_, today);
    const bool defer = !sound && existed && timing == CheckTiming::deferred && !markedSuspect(path_);
    forgetCheck(path_);  // from here on the file may change; a clean close stamps it again
    checkedOn_.reset();
    StoreStatus s = ensureOpen();
    std::string check;
    if (s.ok()) {
        report.schemaVersionBefore = versionAtOpen_;
        if (sound) {
            checkedOn_ = today;
        } else if (defer) {
            report.checkDeferred = true;
        } else {
            s = integrityCheck(check);
            if (s.ok() && check != "ok") s = {StoreErrorKind::damaged, check};
            if (s.ok()) checkedOn_ = today;
        }
    }
    if (s.ok() || !existed || s.kind != StoreErrorKind::damaged) {
        if (alone) lock_.downgrade();
        report.status = s;
        return report;
    }
    if (!alone) {
        // Another process (the running kiosk) has it open: moving it would leave that process
        // confirming check-ins into a file that is no longer the database. Say so, change nothing.
        close();
        report.damagedButHeld = true;
        report.status = {StoreErrorKind::damaged, s.detail + "; another process has the database open, nothing was moved"};
        return report;
    }

    // Damaged: move aside under a new name (never delete, never overwrite), start fresh, carry
    // over every row that can be read (quarantine.h).
    close();
    const std::filesystem::path aside = uniqueAsideName(path_, "damaged", now);
    if (std::string err = moveDatabaseAside(path_, aside); !err.empty()) {
        lock_.downgrade();
        report.status = {StoreErrorKind::damaged, s.detail + "; could not move aside: " + err};
        return report;
    }
    report.quarantinedTo = aside.string();
    report.status = ensureOpen();
    if (report.status.ok()) {
        const SalvageResult salvage = salvageRows(db_, aside, now);
        report.eventsCarriedOver = salvage.eventsCarried;
        report.eventsNotCarried = salvage.eventsNotCarried;
    }
    lock_.downgrade();
    return report;
}

StoreStatus AttendanceDb::beforeWrite() {
    if (auto s = ensureOpen(); !s.ok()) return s;
    // Each event is its own transaction (durability contract, 1). A transaction left open by a
    // failure elsewhere would swallow this commit: end it first.
    if (sqlite3_get_autocommit(db_) == 0) exec("ROLLBACK");
    // A database moved or replaced under us (by hand, or an older tool): never confirm a check-in
    // into a file that is no longer the database. Reopened from the path on the next call.
    if (!stillTheDatabase()) {
        close();
        return {StoreErrorKind::io, path_.string() + " was moved or replaced while open; reopening"};
    }
    return {};
}

StoreStatus AttendanceDb::appendEvent(const AttendanceEvent& e, int64_t* seq) {
    if (auto s = beforeWrite(); !s.ok()) return s;
    if (auto s = checkPlausible(e); !s.ok()) return s;  // a wrong clock writes nothing (retention.cpp)
    int64_t stored = 0;
    StoreStatus s = insertEvent(e, stored);
    if (s.ok() && seq) *seq = stored;
    return s;
}

StoreStatus AttendanceDb::insertEvent(const AttendanceEvent& e, int64_t& seq) {
    Statement st(db_,
                 "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date, source,"
                 " kiosk_id, reason, actor, refers_to, effect, guest_name, guest_organisation)"
                 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING");
    if (st.prepareRc() != SQLITE_OK) {
        auto s = statusFrom(st.prepareRc());
        if (s.kind == StoreErrorKind::read_only || s.kind == StoreErrorKind::io) close();
        return s;
    }
    st.bind(1, e.id);
    st.bindNullable(2, e.participantCode);
    st.bind(3, std::string(eventKindKey(e.kind)));
    st.bind(4, e.at.ms);
    st.bind(5, e.recordedAt.ms);
    st.bind(6, e.day.iso());
    st.bind(7, std::string(eventSourceKey(e.source)));
    st.bind(8, e.kioskId);
    st.bind(9, e.reason);
    st.bind(10, e.actor);
    st.bind(11, e.refersTo);
    st.bind(12, std::string(correctionEffectKey(e.effect)));
    st.bind(13, e.guestName);
    st.bind(14, e.guestOrganisation);
    const int rc = st.step();
    if (rc == SQLITE_DONE) {
        if (sqlite3_changes(db_) == 1) {
            seq = sqlite3_last_insert_rowid(db_);
        } else {  // stored before (a retry): where it is
            Statement find(db_, "SELECT seq FROM attendance_event WHERE id = ?");
            find.bind(1, e.id);
            seq = find.step() == SQLITE_ROW ? find.integer(0) : 0;
        }
        return {};
    }
    StoreStatus s = statusFrom(rc);
    // A connection that lost its write access or its file is reopened on the next call.
    if (s.kind == StoreErrorKind::read_only || s.kind == StoreErrorKind::io) close();
    return s;
}

bool AttendanceDb::stillTheDatabase() {
    struct stat st{};
    if (::stat(path_.c_str(), &st) != 0) return false;
    return static_cast<unsigned long long>(st.st_dev) == openedDev_ && static_cast<unsigned long long>(st.st_ino) == openedIno_;
}

}  // namespace kiosk
