#include "sqlite_statement.h"

#include <cerrno>
#include <cstring>

namespace kiosk::store_detail {

StoreErrorKind classifyStoreError(int rc, int systemErrno) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return StoreErrorKind::none;
    // For an I/O failure the operating system's reason wins: "disk full" at any fill level. (Only
    // there: sqlite3_system_errno keeps the last failed call's errno, which may be stale for others.)
    const int primary = rc & 0xFF;
    const bool ioFailure = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL;
    if (ioFailure && (systemErrno == ENOSPC || systemErrno == EDQUOT)) return StoreErrorKind::disk_full;
    switch (primary) {
        case SQLITE_FULL: return StoreErrorKind::disk_full;
        case SQLITE_READONLY: return StoreErrorKind::read_only;
        case SQLITE_BUSY:
        case SQLITE_LOCKED: return StoreErrorKind::locked;
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return StoreErrorKind::damaged;
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
        case SQLITE_PERM:
            if (systemErrno == EROFS || systemErrno == EACCES || systemErrno == EPERM) return StoreErrorKind::read_only;
            return StoreErrorKind::io;
        default: return StoreErrorKind::other;
    }
}

StoreStatus statusOf(sqlite3* db, int rc) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return {};
    StoreStatus s;
    const int sysErr = db ? sqlite3_system_errno(db) : 0;
    s.kind = classifyStoreError(rc, sysErr);
    s.detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    const int primary = rc & 0xFF;
    if (sysErr != 0 && (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL)) s.detail += std::string(" (") + std::strerror(sysErr) + ")";
    return s;
}

StoreStatus execSql(sqlite3* db, const char* sql) {
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    StoreStatus s = statusOf(db, rc);
    if (err) {
        if (!s.ok()) s.detail = err;
        sqlite3_free(err);
    }
    return s;
}

}  // namespace kiosk::store_detail
