// sqlite_statement.h: the store's internal helpers around SQLite's C API (not for use outside
// kiosk/store): a prepared statement that finalises itself, and the one place that turns SQLite's
// result codes (plus the operating system's errno) into a StoreStatus.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "core/attendance.h"
#include "store/store_status.h"

namespace kiosk::store_detail {

class Statement {
public:
    Statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    int prepareRc() const { return rc_; }
    sqlite3_stmt* get() { return stmt_; }
    void bind(int i, const std::string& s) { sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT); }
    void bindNullable(int i, const std::string& s) {
        if (s.empty()) sqlite3_bind_null(stmt_, i);
        else bind(i, s);
    }
    void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
    int step() { return stmt_ ? sqlite3_step(stmt_) : rc_; }
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int col) {
        const auto* p = sqlite3_column_text(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string{};
    }
    int64_t integer(int col) { return sqlite3_column_int64(stmt_, col); }

private:
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
};

// The kind of a failure, from SQLite's result code and the errno of the system call that failed
// (sqlite3_system_errno). ENOSPC/EDQUOT is a full disk whatever SQLite's code says (a nearly full
// disk often fails as an I/O error while growing the -shm or the WAL, not as SQLITE_FULL);
// EROFS/EACCES/EPERM is a read-only file or folder.
StoreErrorKind classifyStoreError(int rc, int systemErrno);

// A StoreStatus for `rc` on `db` (which may be null), with SQLite's own words as the detail.
StoreStatus statusOf(sqlite3* db, int rc);

// The columns of an event (SELECT ... FROM attendance_event, no WHERE), and one row of them as an event.
extern const char* const kSelectEvents;
AttendanceEvent eventFromRow(Statement& st);

// sqlite3_exec with a StoreStatus.
StoreStatus execSql(sqlite3* db, const char* sql);

}  // namespace kiosk::store_detail
