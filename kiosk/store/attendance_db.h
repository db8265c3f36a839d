// attendance_db.h: the attendance store on SQLite.
//
// DURABILITY CONTRACT
//   1. A check-in is "confirmed" only when appendEvent() returned Ok; only then may a screen say
//      "ingecheckt". appendEvent commits one transaction in WAL mode with synchronous=FULL, so the
//      WAL is fsynced before it returns: the event survives a crash of the kiosk and a power cut.
//   2. The log is append-only: events are inserted, never updated (a trigger refuses UPDATE). Undo
//      and corrections are new events. Rows leave only through purge() (retention: events, and
//      then participants off the roster whom no event names), with secure_delete on so that
//      purged data is gone from the file, followed by a checkpoint.
//   3. Every event has a unique id (idempotency key): appending the same event twice stores it once
//      and reports Ok both times, so a retry after an unclear failure can never double-count.
//   4. Nothing is ever deleted because it looked wrong: a database that fails quick_check or cannot
//      be read at open is renamed aside under a name no file has (quarantine.h), and a fresh one
//      is started with every row that could still be read, table by table and row by row. Only a
//      process that holds the database alone may move it (store_lock.h): a damaged file that
//      another process has open is reported, not moved. A -wal that does not belong to the
//      database is set aside, never applied (wal_guard.h).
//   4a. Read-only opens (openReadOnly: export, backup, show, doctor) never write, never move,
//      never quarantine, and work on a read-only file or folder.
//   4b. The clock is checked against the records (core/clock_evidence.h): an event stamped
//      outside the plausible window is refused (clock_implausible), and purge() never deletes
//      what the records themselves do not show to be older than the retention period.
//   4c. The full check (PRAGMA quick_check, which reads the whole file) runs once a day and
//      whenever the file is not, by its stat, the one a check found sound today and closed cleanly
//      since (check_stamp.h): a restart the same day opens a large record as fast as an empty one,
//      and anything that touched the file meanwhile, a crash included, brings the check back.
//      The command line runs it inside open(). The kiosk opens with CheckTiming::deferred: open()
//      then skips it (report.checkDeferred), the kiosk draws its first frame, and its store thread
//      runs checkDeferred() as its first request, before any tap's write and before the day's
//      backup (store_worker.h, START). A check that finds damage, and a damaged page or an I/O
//      error met at runtime, mark the file suspect (distrustCheck): the next open checks it before
//      anything else, deferred or not, and quarantines it (4) when it is damaged.
//   5. Failures come back as a StoreStatus (disk full, read-only, locked, damaged, I/O), never as a
//      throw or a crash; the next call retries from scratch (reopening if needed), so the store
//      recovers by itself when the cause is gone.
//   6. Checkpoints (copying the WAL into the database file, with its own fsyncs) never run inside a
//      commit: automatic checkpoints are off, and the store thread calls checkpoint() when it is
//      idle (store_worker.cpp); closing the last connection checkpoints as well. The WAL stays small.
//   7. This class is not thread-safe; the kiosk owns it on its store thread (store_worker.h), so the
//      UI never waits on a disk write. Command-line subcommands use it directly.
//   8. Several processes may write to one database (kiosks, the command line, scripts). A check-in,
//      check-out or undo from a tap, a scan or the command line goes through decideAndAppend(): in
//      one BEGIN IMMEDIATE transaction it reads that person's events of that day, folds them
//      (core foldPersonDay), asks the core's decideTap again and inserts only if the answer still
//      says write. So each fact is written once, however many writers race (attendance_db_guarded.cpp).
//      A reader learns that another connection committed through changedElsewhere() (PRAGMA
//      data_version, cheap) and reads what is new with loadEventsAfter(its high-water mark).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/attendance.h"
#include "core/day_feedback.h"
#include "core/checkin_flow.h"
#include "core/clock_evidence.h"
#include "core/code_resolver.h"
#include "core/participant.h"
#include "core/roster.h"
#include "store/store_lock.h"
#include "store/store_schema.h"
#include "store/store_status.h"

struct sqlite3;

namespace kiosk {

struct RosterImportResult {
    int added = 0, updated = 0, unchanged = 0, deactivated = 0;
    // Incoming codes stored in the form the roster already had ("7" kept as "0007": Excel stripped the
    // zeros), core/code_resolver.h; `row` indexes the list given to importRoster.
    std::vector<CodeRestored> codesRestored;
    // Incoming codes of people erased on request (erasure.cpp): left out, not brought back.
    std::vector<std::string> erasedLeftOut;
};

// The central record's keyed hash of a code (central_schema_v8.cpp, contract 1): HMAC-SHA256 of
// codeKey(code) under the cohort's 32-byte key (`keyHex`, 64 hex digits), 64 lower-case hex
// digits; "" when the key is not 32 bytes of hex.
std::string centralErasureHash(const std::string& keyHex, const std::string& code);

// What `erasePerson` removed (erasure.cpp).
struct ErasureResult {
    int events = 0;            // check-ins, check-outs, undos and corrections naming the person
    int outbox = 0;            // of those, still waiting for the central record
    bool participant = false;  // the roster row
};

struct StoreOpenReport {
    StoreStatus status;
    std::string quarantinedTo;  // non-empty when a damaged file was moved aside
    int eventsCarriedOver = 0;
    int eventsNotCarried = 0;     // when quarantined: at most this many could not be read (quarantine.h)
    bool damagedButHeld = false;  // damaged, but another process has it open: nothing was moved
    std::string foreignWalKeptIn;  // non-empty when a -wal that did not belong was set aside (wal_guard.h)
    std::string walNote;           // why
    int schemaVersionBefore = 0;
    bool checkDeferred = false;    // CheckTiming::deferred: the full check is left to checkDeferred() (4c)
};

// When open() runs the full check it finds due (contract 4c).
enum class CheckTiming {
    at_open,   // inside open(), before it returns (the command line)
    deferred,  // by checkDeferred() after open() (the kiosk's store thread), unless the file is suspect
};

// What the records say of the clock (core/clock_evidence.h): for doctor and the staff Status page.
struct ClockCheck {
    ClockVerdict verdict = ClockVerdict::plausible;
    std::optional<LocalDate> newestEvidence;  // the newest day recorded (or confirmed by staff)
    bool ok() const { return verdict == ClockVerdict::plausible; }
};

// A check-in, check-out or undo to be decided again inside the write transaction (contract, 8).
struct GuardedWrite {
    CheckAction action = CheckAction::check_in;
    AttendanceEvent event;  // what the caller proposes; for undo, refersTo = the check-in it saw
    AttendanceRules rules;
    Instant now;            // the moment of the tap (the undo window is judged at it)
};

// What decideAndAppend found and did.
struct GuardedOutcome {
    bool written = false;
    AttendanceEvent event;  // as stored, seq set (when written)
    // When nothing was written: what is true now (already_in, not_checked_in, already_out) and the
    // time the card names.
    CheckFeedback::Kind show = CheckFeedback::Kind::none;
    Instant shownTime;
    TimeCheck refusal = TimeCheck::ok;  // show == refused: why (an impossible time)
    // The person's events the decision read (that day, and undo events of the next day), store
    // order, before the insert: the caller folds in those it had not seen.
    std::vector<AttendanceEvent> read;
};

struct StoredParticipant {
    Participant participant;
    bool active = true;  // false: no longer on the roster, kept for history
};

class AttendanceDb {
public:
    static constexpr int kSchemaVersion = kStoreSchemaVersion;  // the schema's history: store_schema.h

    AttendanceDb() = default;
    ~AttendanceDb();
    AttendanceDb(const AttendanceDb&) = delete;
    AttendanceDb& operator=(const AttendanceDb&) = delete;

    // Opens (creating folders and the file as needed), checks (contract 4c), migrates. `now` names
    // quarantined files and says which day a check counts for.
    StoreOpenReport open(const std::filesystem::path& file, Instant now, CheckTiming timing = CheckTiming::at_open);
    // The full check open() left (report.checkDeferred): Ok when sound (the file is then stamped at
    // a clean close); damaged or io mark the file suspect for the next open (contract 4c).
    StoreStatus checkDeferred(LocalDate today);
    // A second connection to a database the kiosk already opened and checked (an export on its own
    // thread, reading while the store thread writes: WAL allows it). No check, no quarantine.
    StoreStatus openExisting(const std::filesystem::path& file);
    // For commands that only read (export, backup, show, doctor): read-only, no lock, no check, no
    // quarantine, no migration; works when the file or its folder is read-only (falling back to
    // SQLite's immutable mode when the -shm cannot be made; `readOnlyNote()` then says so).
    StoreStatus openReadOnly(const std::filesystem::path& file);
    bool isReadOnly() const { return readOnly_; }
    const std::string& readOnlyNote() const { return readOnlyNote_; }
    void close();
    // Something at runtime (a damaged page, an I/O error, a deferred check that failed) makes this
    // file suspect: the next open runs the full check first, even after a clean close (contract 4c).
    void distrustCheck();
    bool isOpen() const { return db_ != nullptr; }
    const std::filesystem::path& path() const { return path_; }

    // Durable on Ok (see contract). `seq`: where it is in the store (also when it was there already).
    StoreStatus appendEvent(const AttendanceEvent& e, int64_t* seq = nullptr);
    // A tap, scan or command-line check-in/out/undo, decided and written as one (contract, 8).
    // Ok with written=false: nothing was written, because the fresh state says no.
    StoreStatus decideAndAppend(const GuardedWrite& w, GuardedOutcome& out);
    // Events with seq above `seq`, in store order (what other connections committed since).
    StoreStatus loadEventsAfter(int64_t seq, std::vector<AttendanceEvent>& out);
    // The highest seq stored (0 when empty).
    StoreStatus lastSeq(int64_t& seq);
    // Whether another connection committed since the last call (PRAGMA data_version; true on the
    // first call and after a reopen, when there is nothing to compare with).
    StoreStatus changedElsewhere(bool& changed);
    StoreStatus loadEvents(const std::function<void(const AttendanceEvent&)>& sink);
    StoreStatus loadEventsForDay(LocalDate day, std::vector<AttendanceEvent>& out);
    // What the kiosk holds of a day (core/attendance.h, WHAT THE KIOSK HOLDS): its events and the
    // next day's undos, store order, through the by-day index; with `cohorts`, only guests and
    // participants (on the roster or not any more) of those cohorts (attendance_db_days.cpp).
    StoreStatus loadDay(LocalDate day, const std::optional<std::vector<std::string>>& cohorts,
                        std::vector<AttendanceEvent>& out);
    // The newest `limit` corrections and guest reviews (newest first), and the walk-ins those
    // reviews name: the staff History page, read when it opens.
    StoreStatus recentStaffChanges(size_t limit, std::vector<AttendanceEvent>& changes, std::vector<AttendanceEvent>& walkIns);
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
    // By any form of the code (core/code_resolver.h: "7" finds "0007"), active or not; `match` says
    // which (ambiguous and unknown leave `out` empty). Whether it may be used at the door is
    // mayRecordAttendance()'s call, the kiosk's rule too.
    StoreStatus findParticipant(const std::string& code, std::optional<StoredParticipant>& out, CodeMatch* match = nullptr);

    // Deletes events whose local date is before `cutoff` AND before the newest evidence minus the
    // retention period (retention.cpp: the rule), then the participants no longer on the roster
    // with no event left (names outlive nothing), then checkpoints so they leave the file.
    // `applied`: the cut-off actually used; `removedPeople`: participants deleted.
    StoreStatus purge(LocalDate cutoff, int& removed, LocalDate* applied = nullptr, int* removedPeople = nullptr);
    // The retention period the evidence rule and the plausible window use (default 365 days, the
    // kiosk.toml default; the kiosk sets its configured value).
    void setRetentionDays(int days) { retentionDays_ = days; }
    int retentionDays() const { return retentionDays_; }
    // The newest day the records show (events, or a day staff confirmed the clock on).
    StoreStatus newestEvidence(std::optional<LocalDate>& out);
    // The clock's today judged against the records.
    StoreStatus checkClock(Instant now, ClockCheck& out);
    // Staff confirm that the clock is right (after a pause longer than the retention period, when
    // check-ins are refused as too far ahead): today becomes evidence.
    StoreStatus confirmClock(Instant now);
    // One person erased on request (erasure.cpp: the rules): events, roster row, outbox rows, gone
    // from the file and its -wal; a tombstone without a name keeps imports from bringing them back.
    StoreStatus erasePerson(const std::string& code, const std::string& reason, Instant now, ErasureResult& out);
    // Erased here, or by a central tombstone applied here (central/central_erasure.h).
    StoreStatus isErased(const std::string& code, bool& erased);
    // Every code the kiosk holds: the roster's and those the events name (distinct).
    StoreStatus personCodes(std::vector<std::string>& out);
    // Online backup to `target` (overwritten atomically: written beside it, then renamed).
    StoreStatus backupTo(const std::filesystem::path& target);
    StoreStatus integrityCheck(std::string& result);  // "ok" when healthy
    // Copies the WAL into the database file (PASSIVE: never waits for readers). `walFrames`: what
    // was in the WAL. Call when idle.
    StoreStatus checkpoint(int* walFrames = nullptr);
    int schemaVersion();

    // The day's question (core/day_feedback.h): one answer counted, in one durable commit, with no
    // participant code and no time (rule 1); and the counts of the days from..to (day_feedback_store.cpp).
    StoreStatus countAnswer(const FeedbackCount& answer);
    StoreStatus feedbackCounts(LocalDate from, LocalDate to, std::vector<FeedbackCount>& out);

    // Test hook: SQLite's max_page_count, to simulate a full disk.
    StoreStatus setMaxPageCount(int pages);

private:
    StoreStatus ensureOpen();
    StoreStatus migrate();
    StoreStatus exec(const char* sql);
    StoreStatus statusFrom(int rc) const;
    StoreOpenReport openChecked(Instant now, CheckTiming timing);
    StoreStatus checkPlausible(const AttendanceEvent& e);
    // Before any write: open, no transaction left over, still the same file (appendEvent's checks).
    StoreStatus beforeWrite();
    // The INSERT itself (inside whatever transaction the caller holds); `seq` of the row.
    StoreStatus insertEvent(const AttendanceEvent& e, int64_t& seq);
    // The tombstone's meta key for `code` ("" when no key exists and !create).
    StoreStatus tombstoneOf(const std::string& code, bool create, std::string& out);
    StoreStatus readPersonDay(const std::string& code, LocalDate day, std::vector<AttendanceEvent>& out);

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    StoreLock lock_;            // shared while open for writing (store_lock.h)
    bool readOnly_ = false;
    std::string readOnlyNote_;
    int retentionDays_ = 365;
    int versionAtOpen_ = 0;  // user_version found before migrating
    unsigned long long openedDev_ = 0, openedIno_ = 0;  // the file this connection writes to
    int64_t dataVersion_ = -1;  // PRAGMA data_version last seen on this connection (-1: none yet)
    std::optional<LocalDate> checkedOn_;  // open() found (or knew) the file sound that day (contract 4c)
    bool stillTheDatabase();  // the file at path_ is still the one opened (not moved or replaced)
};

}  // namespace kiosk
