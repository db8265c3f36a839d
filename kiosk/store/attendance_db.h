// attendance_db.h: the attendance store on SQLite.
//
// DURABILITY CONTRACT
//   1. A check-in is "confirmed" only when appendEvent() returned Ok; only then may a screen say
//      "ingecheckt". appendEvent commits one transaction in WAL mode with synchronous=FULL, so the
//      WAL is fsynced before it returns: the event survives a crash of the kiosk and a power cut.
//   2. The log is append-only: events are inserted, never updated (a trigger refuses UPDATE). Undo
//      and corrections are new events. Rows leave only through purge() (retention), with
//      secure_delete on so that purged data is gone from the file, followed by a checkpoint.
//   3. Every event has a unique id (idempotency key): appending the same event twice stores it once
//      and reports Ok both times, so a retry after an unclear failure can never double-count.
//   4. Nothing is ever deleted because it looked wrong: a database that fails quick_check or cannot
//      be read at open is renamed aside with a timestamp, and a fresh one is started with whatever
//      could be carried over (roster and readable events, through the online backup API).
//   5. Failures come back as a StoreStatus (disk full, read-only, locked, damaged, I/O), never as a
//      throw or a crash; the next call retries from scratch (reopening if needed), so the store
//      recovers by itself when the cause is gone.
//   6. Checkpoints (copying the WAL into the database file, with its own fsyncs) never run inside a
//      commit: automatic checkpoints are off, and the store thread calls checkpoint() when it is
//      idle (store_worker.cpp); closing the last connection checkpoints as well. The WAL stays small.
//   7. This class is not thread-safe; the kiosk owns it on its store thread (store_worker.h), so the
//      UI never waits on a disk write. Command-line subcommands use it directly.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "core/participant.h"

struct sqlite3;

namespace kiosk {

enum class StoreErrorKind { none, disk_full, read_only, locked, damaged, io, too_new, other };

struct StoreStatus {
    StoreErrorKind kind = StoreErrorKind::none;
    std::string detail;  // SQLite's own words, for logs and staff mode
    bool ok() const { return kind == StoreErrorKind::none; }
    static StoreStatus success() { return {}; }
};
const char* storeErrorKey(StoreErrorKind k);  // catalogue key under "store_error."

struct RosterImportResult {
    int added = 0, updated = 0, unchanged = 0, deactivated = 0;
};

struct StoreOpenReport {
    StoreStatus status;
    std::string quarantinedTo;  // non-empty when a damaged file was moved aside
    int eventsCarriedOver = 0;
    int schemaVersionBefore = 0;
};

struct StoredParticipant {
    Participant participant;
    bool active = true;  // false: no longer on the roster, kept for history
};

class AttendanceDb {
public:
    static constexpr int kSchemaVersion = 1;

    AttendanceDb() = default;
    ~AttendanceDb();
    AttendanceDb(const AttendanceDb&) = delete;
    AttendanceDb& operator=(const AttendanceDb&) = delete;

    // Opens (creating folders and the file as needed), checks, migrates. `now` names quarantined files.
    StoreOpenReport open(const std::filesystem::path& file, Instant now);
    // A second connection to a database the kiosk already opened and checked (an export on its own
    // thread, reading while the store thread writes: WAL allows it). No check, no quarantine.
    StoreStatus openExisting(const std::filesystem::path& file);
    void close();
    bool isOpen() const { return db_ != nullptr; }
    const std::filesystem::path& path() const { return path_; }

    StoreStatus appendEvent(const AttendanceEvent& e);  // durable on Ok (see contract)
    StoreStatus loadEvents(const std::function<void(const AttendanceEvent&)>& sink);
    StoreStatus loadEventsForDay(LocalDate day, std::vector<AttendanceEvent>& out);
    // Folds the events of the days from..to (inclusive) into `out`, one person's day at a time
    // (sorted by day, participant, store order through the by-day index): what an export reads.
    // Its memory follows people and days, not events.
    StoreStatus summarise(LocalDate from, LocalDate to, AttendanceSummary& out);

    // All rows or none; rows not in `roster` are marked inactive (history keeps their names).
    // A non-empty `metaKey` is set to `metaValue` in the same transaction (see syncConfigRoster).
    StoreStatus importRoster(const std::vector<Participant>& roster, Instant now, RosterImportResult& result,
                             const std::string& metaKey = {}, const std::string& metaValue = {});
    StoreStatus meta(const std::string& key, std::string& value);  // "" when unset
    StoreStatus setMeta(const std::string& key, const std::string& value);  // one durable commit
    StoreStatus participants(std::vector<StoredParticipant>& out);
    StoreStatus findParticipant(const std::string& code, std::optional<StoredParticipant>& out);

    // Deletes events whose local date is before `cutoff`, then checkpoints so they leave the file.
    StoreStatus purge(LocalDate cutoff, int& removed);
    // Online backup to `target` (overwritten atomically: written beside it, then renamed).
    StoreStatus backupTo(const std::filesystem::path& target);
    StoreStatus integrityCheck(std::string& result);  // "ok" when healthy
    // Copies the WAL into the database file (PASSIVE: never waits for readers). `walFrames`: what
    // was in the WAL. Call when idle.
    StoreStatus checkpoint(int* walFrames = nullptr);
    int schemaVersion();

    // Test hook: SQLite's max_page_count, to simulate a full disk.
    StoreStatus setMaxPageCount(int pages);

private:
    StoreStatus ensureOpen();
    StoreStatus migrate();
    StoreStatus exec(const char* sql);
    StoreStatus statusFrom(int rc) const;
    StoreOpenReport openChecked(Instant now);

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    int versionAtOpen_ = 0;  // user_version found before migrating
};

}  // namespace kiosk
