// wal_guard.h: a -wal file that does not belong to the database is never applied silently.
//
// SQLite applies "<db>-wal" to whatever file is named "<db>": a backup copied over attendance.db
// while the old attendance.db-wal stays beside it gets the old database's pages laid over it, and
// the result holds neither. The WAL has no field that names its database (its header carries a
// page size, salts and checksums, all valid for any database of that page size), so this cannot be
// detected from the files' headers. What IS detectable, and checked here before SQLite sees the
// files: the event log is append-only, so applying the database's own WAL never removes an event
// or a participant. The check copies the database and its WAL into a folder beside it
// ("<db>.before-recovery-STAMP"), reads the copy of the database alone and the copy with its WAL,
// and calls the WAL foreign when the result lacks any event id or participant code that the file
// alone has, or is damaged while the file alone is healthy.
//
// Not detectable: a foreign WAL that only adds (restoring a backup that is an exact older prefix
// of the database whose WAL stayed behind: its WAL then re-adds the newer events, which is in fact
// what the user lost); a WAL holding a purge that crashed before its checkpoint (taken as foreign:
// the purge is undone and runs again at the next start, no record is lost).
//
// When foreign: the live -wal and -shm are moved into that folder and the database opens without
// them; the folder is kept. When the WAL belongs: the folder is removed (a normal crash recovery).
// Only called while holding the StoreLock exclusively, and only when a non-empty WAL is present.
#pragma once

#include <filesystem>
#include <string>

#include "core/civil_time.h"

namespace kiosk {

struct WalGuardReport {
    bool checked = false;         // a non-empty WAL was there and was examined
    bool foreign = false;         // ... and did not belong: set aside
    std::filesystem::path keptIn;  // the folder with the copies (foreign or undecided)
    std::string note;             // why, in plain words (for logs and doctor)
};

WalGuardReport guardAgainstForeignWal(const std::filesystem::path& database, Instant now);

}  // namespace kiosk
