#include "wal_guard.h"

#include <sqlite3.h>

#include "quarantine.h"
#include "sqlite_statement.h"

namespace kiosk {
namespace {

using store_detail::Statement;

std::string oneText(sqlite3* db, const char* sql, int& rc) {
    Statement st(db, sql);
    rc = st.step();
    std::string out = rc == SQLITE_ROW ? st.text(0) : std::string{};
    if (rc == SQLITE_ROW) rc = SQLITE_OK;
    return out;
}

}  // namespace

WalGuardReport guardAgainstForeignWal(const std::filesystem::path& database, Instant now) {
    WalGuardReport r;
    std::error_code ec;
    const std::filesystem::path wal = database.string() + "-wal";
    if (!std::filesystem::is_regular_file(wal, ec) || std::filesystem::file_size(wal, ec) <= 32 || ec) return r;
    if (!std::filesystem::is_regular_file(database, ec)) return r;
    r.checked = true;

    const std::filesystem::path dir = uniqueAsideName(database, "before-recovery", now);
    const std::filesystem::path name = database.filename();
    std::filesystem::create_directories(dir / "alone", ec);
    if (!ec) std::filesystem::copy_file(database, dir / name, ec);
    if (!ec) std::filesystem::copy_file(wal, dir / (name.string() + "-wal"), ec);
    if (!ec) std::filesystem::copy_file(database, dir / "alone" / name, ec);
    if (ec) {
        r.keptIn = dir;
        r.note = "could not copy the files before recovery: " + ec.message();
        return r;
    }

    // The file alone, out of WAL mode (no -wal beside it, so nothing is applied), to be attached.
    {
        sqlite3* a = nullptr;
        if (sqlite3_open_v2((dir / "alone" / name).c_str(), &a, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK)
            store_detail::execSql(a, "PRAGMA journal_mode=DELETE");
        sqlite3_close_v2(a);
    }
    // The copy with its WAL, opened read-only (a read-only connection never checkpoints, so the
    // kept copy of the WAL stays as it was), with the file alone attached.
    sqlite3* db = nullptr;
    const std::string alone = "file:" + (dir / "alone" / name).string() + "?mode=ro";
    int rc = sqlite3_open_v2((dir / name).c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
    int aloneRc = SQLITE_OK, withRc = SQLITE_OK;
    std::string aloneCheck, withCheck;
    long long missing = 0;
    if (rc == SQLITE_OK) {
        Statement attach(db, "ATTACH ? AS alone");
        attach.bind(1, alone);
        rc = attach.step() == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    if (rc == SQLITE_OK) {
        aloneCheck = oneText(db, "PRAGMA alone.quick_check", aloneRc);
        withCheck = oneText(db, "PRAGMA main.quick_check", withRc);
        int tableRc = SQLITE_OK;
        const bool aloneHasLog = !oneText(db, "SELECT name FROM alone.sqlite_schema WHERE name = 'attendance_event'", tableRc).empty();
        if (aloneHasLog && aloneRc == SQLITE_OK && aloneCheck == "ok") {
            if (withRc != SQLITE_OK || withCheck != "ok") {
                r.foreign = true;
                r.note = "with the WAL the database is damaged (" + (withRc == SQLITE_OK ? withCheck : sqlite3_errstr(withRc)) +
                         "), without it it is healthy";
            } else {
                int n1 = SQLITE_OK, n2 = SQLITE_OK;
                const std::string lostEvents = oneText(db,
                    "SELECT count(*) FROM alone.attendance_event a WHERE NOT EXISTS"
                    " (SELECT 1 FROM main.attendance_event m WHERE m.id = a.id)", n1);
                const std::string lostPeople = oneText(db,
                    "SELECT count(*) FROM alone.participant a WHERE NOT EXISTS"
                    " (SELECT 1 FROM main.participant m WHERE m.code = a.code)", n2);
                if (n1 != SQLITE_OK || n2 != SQLITE_OK) {
                    r.foreign = true;
                    r.note = "the WAL makes the event log unreadable";
                } else {
                    missing = std::stoll(lostEvents.empty() ? "0" : lostEvents) + std::stoll(lostPeople.empty() ? "0" : lostPeople);
                    if (missing > 0) {
                        r.foreign = true;
                        r.note = "the WAL would remove " + lostEvents + " events and " + lostPeople +
                                 " participants that the database holds: it belongs to another database";
                    }
                }
            }
        }
    }
    sqlite3_close_v2(db);
    std::filesystem::remove_all(dir / "alone", ec);

    if (!r.foreign) {
        std::filesystem::remove_all(dir, ec);  // a normal recovery: SQLite applies the WAL
        return r;
    }
    r.keptIn = dir;
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::filesystem::path side = database.string() + suffix;
        if (std::filesystem::exists(side, ec)) {
            if (std::string err = renameNoReplace(side, dir / (name.string() + suffix + ".set-aside")); !err.empty()) {
                r.note += "; could not move " + side.string() + " aside: " + err;
                std::filesystem::remove(side, ec);  // never apply it: the copy is in the folder
            }
        }
    }
    return r;
}

}  // namespace kiosk
