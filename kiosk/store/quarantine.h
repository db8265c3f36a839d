// quarantine.h: moving a damaged database aside, and carrying every readable row out of it.
//
// CONTRACT
//   1. Nothing is overwritten: every file moved aside gets a name that did not exist (a timestamp,
//      then -2, -3, ... if needed; the rename itself refuses to replace: renameat2 NOREPLACE).
//   2. The salvage reads table by table and row by row, in the manner of SQLite's `.recover`
//      (which reads raw pages; Debian's libsqlite3 lacks the sqlite_dbpage table, so this reads
//      through the b-trees instead): events are read in key order, and where a damaged page stops
//      the scan, it seeks past the damage (probing ever larger steps, then narrowing back to the
//      first readable key) and reads on. Participants are scanned from both ends. Every row that
//      can be read is carried; an event whose participant row was lost keeps its code (a
//      placeholder participant, inactive, which the next roster import names again).
//   3. It says how many were carried and how many could not be: `eventsNotCarried` counts the
//      keys in skipped ranges (an upper bound: purged rows leave gaps too) plus rows that were
//      readable but refused by the schema (garbage from a damaged page).
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "core/civil_time.h"

namespace kiosk {

struct SalvageResult {
    int eventsCarried = 0;
    int eventsNotCarried = 0;      // upper bound, see contract 3
    int participantsCarried = 0;
    int participantsPlaceholder = 0;  // codes that only events still knew
    bool complete = true;          // no damage met while reading
};

// "<file>.<tag>-YYYYMMDD-HHMMSS", or with "-2", "-3", ... appended: a name no file has.
std::filesystem::path uniqueAsideName(const std::filesystem::path& file, const std::string& tag, Instant now);

// The copies set aside beside `database` (tags "damaged", "before-restore", "before-recovery", with
// their -wal and -shm, a folder for before-recovery) whose stamp is before `cutoff` are removed: they
// hold the same names as the database, so they keep no longer than it does (retention). Returns how
// many files and folders went; a copy being restored ("restoring") is never touched.
int removeAsideCopiesBefore(const std::filesystem::path& database, LocalDate cutoff);

// Renames without ever replacing an existing file. "" on success, else the OS's words.
std::string renameNoReplace(const std::filesystem::path& from, const std::filesystem::path& to);

// Moves `file` and its -wal and -shm to `aside` (+ the same suffixes). "" on success.
std::string moveDatabaseAside(const std::filesystem::path& file, const std::filesystem::path& aside);

// Copies every readable row of the database at `damaged` (opened read-only) into `fresh`, which
// has the current schema and is empty, in one transaction. `now` stamps placeholder participants.
SalvageResult salvageRows(sqlite3* fresh, const std::filesystem::path& damaged, Instant now);

}  // namespace kiosk
