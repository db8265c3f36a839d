// Test helpers that reach under the store: read one number with plain SQLite, and damage one page of
// the file the way a bad sector would (junk over the whole page, the file's size kept).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace kiosk::test {

// The first column of the first row of `sql` on `file`, opened read-only; -1 when there is none.
inline int64_t rawInt(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_stmt* st = nullptr;
    int64_t v = -1;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

// Page `page` (1-based) of `file`, `pageSize` bytes, overwritten with junk.
inline void damagePage(const std::filesystem::path& file, int64_t page, int64_t pageSize) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>((page - 1) * pageSize));
    const std::string junk(static_cast<size_t>(pageSize), '\x5A');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

}  // namespace kiosk::test
