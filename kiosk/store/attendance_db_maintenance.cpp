// attendance_db_maintenance.cpp: keeping the file healthy: a consistent copy through SQLite's
// backup API (never a file copy), WAL checkpoints outside any commit, and a page limit for tests.
#include <sqlite3.h>

#include "atomic_file.h"
#include "attendance_db.h"
#include "check_stamp.h"
#include "sqlite_statement.h"

namespace kiosk {

using store_detail::Statement;

StoreStatus AttendanceDb::backupTo(const std::filesystem::path& target) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    std::error_code ec;
    if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
    // A partial file of this writer's own, 0600, beside a target that is a regular file or nothing
    // (a symlink, FIFO or device there is refused and left as it was); renamed over it whole.
    std::string error;
    const auto partial = createPartialFile(target, error, kPrivateFile);
    if (!partial) return {StoreErrorKind::io, error};
    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(partial->c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_exec(dest, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
        sqlite3_backup* b = sqlite3_backup_init(dest, "main", db_, "main");
        if (!b) rc = sqlite3_errcode(dest);
        else {
            rc = sqlite3_backup_step(b, -1);
            const int frc = sqlite3_backup_finish(b);
            rc = rc == SQLITE_DONE ? frc : rc;
        }
    }
    StoreStatus s;
    if (rc != SQLITE_OK) {
        s = statusFrom(rc);
        if (dest) s.detail = sqlite3_errmsg(dest);
    }
    sqlite3_close_v2(dest);
    if (!s.ok()) {
        std::filesystem::remove(*partial, ec);
        return s;
    }
    if (std::string err = commitFileAtomically(*partial, target, kPrivateFile); !err.empty()) return {StoreErrorKind::io, err};
    return s;
}

StoreStatus AttendanceDb::integrityCheck(std::string& result) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, "PRAGMA quick_check");
    if (st.prepareRc() != SQLITE_OK) return statusFrom(st.prepareRc());
    result.clear();
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) {
        if (!result.empty()) result += "; ";
        result += st.text(0);
    }
    if (rc != SQLITE_DONE) return statusFrom(rc);
    return {};
}

StoreStatus AttendanceDb::checkDeferred(LocalDate today) {
    std::string result;
    StoreStatus s = integrityCheck(result);
    if (s.ok() && result != "ok") s = {StoreErrorKind::damaged, result};
    if (s.ok()) checkedOn_ = today;
    else if (s.kind == StoreErrorKind::damaged || s.kind == StoreErrorKind::io) distrustCheck();
    return s;
}

void AttendanceDb::distrustCheck() {
    checkedOn_.reset();
    if (!readOnly_ && !path_.empty()) markSuspect(path_);
}

StoreStatus AttendanceDb::checkpoint(int* walFrames) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    int log = 0, done = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
    if (walFrames) *walFrames = log;
    return statusFrom(rc);
}

StoreStatus AttendanceDb::setMaxPageCount(int pages) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    return exec(("PRAGMA max_page_count=" + std::to_string(pages)).c_str());
}

// The meta table (store/meta_keys.h names its keys): one row per key, written as one durable commit.
StoreStatus AttendanceDb::meta(const std::string& key, std::string& value) {
    value.clear();
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, "SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    const int rc = st.step();
    if (rc == SQLITE_ROW) value = st.text(0);
    return statusFrom(rc);
}

StoreStatus AttendanceDb::setMeta(const std::string& key, const std::string& value) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    if (sqlite3_get_autocommit(db_) == 0) exec("ROLLBACK");
    Statement st(db_, "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key);
    st.bind(2, value);
    return statusFrom(st.step());
}

}  // namespace kiosk
