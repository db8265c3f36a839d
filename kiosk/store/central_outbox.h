// central_outbox.h: the kiosk's side of the central record (issue 17) in its own SQLite file: the
// outbox of events waiting for upload, and the events pulled from other kiosks.
//
// DESIGN
//   Schema version 2 of the store (store_schema.cpp, the schema's whole history) adds:
//     central_outbox (seq)   one row per local event not yet on the central server. An AFTER INSERT
//                            trigger on attendance_event fills it, so every event is marked for
//                            upload in the same SQLite transaction that writes it, whoever writes it
//                            (kiosk, staff, command line), with no change to the insert code. The
//                            migration also marks every event already there: a kiosk that joins a
//                            central record uploads its history.
//     central_pulled (event_id, origin_kiosk, origin_seq)
//                            events that came from another kiosk through the central server; the
//                            trigger leaves them out of the outbox (never pushed back), and the
//                            highest origin_seq per origin is that origin's high-water mark.
//   Schema version 3 adds central_pulled.origin_epoch: the high-water mark is per
//   (origin, epoch), and events of this kiosk's own earlier epochs can be pulled back after a
//   restore (central_sync.h, rule 4).
//   This class uses its own connection to the database (WAL: beside the store thread's), so that
//   nothing in attendance_db.cpp changes.
//
// CONTRACT
//   1. waiting() reads the oldest outbox rows with their events, in local sequence order. An outbox
//      row whose event is gone (purged by retention before it was uploaded) is deleted there: there
//      is nothing left to upload.
//   2. markUploaded(seqs) is called only after the central server committed those events; it
//      deletes exactly those outbox rows in one transaction. A crash between the server's commit and
//      this leaves them in the outbox: the next push sends them again, and ON CONFLICT (id) DO
//      NOTHING on the server makes that harmless.
//   3. insertPulled() writes a batch of other kiosks' events in one transaction: central_pulled
//      first (so the trigger skips them), then the event with its own id (ON CONFLICT(id) DO
//      NOTHING: pulling twice stores once). A participant the local roster lacks gets an inactive
//      placeholder row with the code as name (as quarantine's salvage does), so that no event is
//      refused for it; the roster import fills in the name later.
//   4. Failures come back as StoreStatus; nothing throws.
//   5. One thread at a time: the connection is opened without SQLite's per-call mutex (a catch-up
//      of 100,000 events spends a sixth of its time there otherwise); the store thread has its own.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/attendance_db.h"

struct sqlite3;

namespace kiosk {

// An event as it travels between a kiosk and the central record: the store's columns as stored.
struct CentralEventRow {
    int64_t seq = 0;                       // the local sequence number (on the origin kiosk: origin_seq)
    std::string originKiosk;               // for pulled events: the kiosk that recorded it
    int64_t originEpoch = 0;               // for pulled events: its epoch then (central_sync.h, rule 2)
    std::string id;
    std::optional<std::string> participantCode;
    std::string kind;
    int64_t atMs = 0, recordedMs = 0;
    std::string localDate, source, kioskId, reason, actor, refersTo, effect, guestName, guestOrganisation;
};

// What adoptKioskId did (central_outbox_identity.cpp).
struct KioskIdChange {
    bool renamed = false;         // the configured id differs from the one this database pushed under
    std::string oldId;            // that one
    int64_t oldEpoch = 0;         // and its epoch then
    int64_t movedToOldSeries = 0; // acknowledged own events now held as the old id's series
};

// A fresh origin epoch: random, above 0 (0 is "never restored"), so that no two share one.
int64_t randomOriginEpoch();

class CentralOutbox {
public:
    CentralOutbox() = default;
    ~CentralOutbox();
    CentralOutbox(const CentralOutbox&) = delete;
    CentralOutbox& operator=(const CentralOutbox&) = delete;

    // The database must exist at schema version 2 or later (open it with AttendanceDb first).
    // `readOnly`: for `doctor`, which only counts what waits.
    StoreStatus open(const std::filesystem::path& file, bool readOnly = false);
    void close();

    StoreStatus countWaiting(int64_t& n);
    // SQLite's data_version on this connection: it moves when another connection (the store
    // thread, the command line) committed, never for this one's own writes. The sync thread's cheap
    // "was a local event written?" check (central/sync_worker.h).
    StoreStatus dataVersion(int64_t& v);
    StoreStatus waiting(int limit, std::vector<CentralEventRow>& out);
    // Also moves the acknowledged mark (ackedMark) up to `storedTop` (the highest number the server
    // stored of them; -1: the highest of `seqs`), in the same transaction.
    StoreStatus markUploaded(const std::vector<int64_t>& seqs, int64_t storedTop = -1);
    // This kiosk's origin epoch (meta central_epoch; 0 when unset: never restored). `restore` sets a
    // new one (central_sync.h, rule 2).
    StoreStatus epoch(int64_t& out);
    // A new random epoch, stored durably in meta before it is used (one commit). For a push the
    // server refused because it already holds this kiosk's numbers in the current epoch: the
    // database is an older copy put in place some other way than `restore`.
    StoreStatus startNewEpoch(int64_t& epoch);
    // The highest local sequence number the central server confirmed in this database's current
    // epoch: meta central_acked, "EPOCH:SEQ"; 0 when nothing was confirmed in this epoch. Moved by
    // markUploaded in the same transaction as the outbox rows it clears (central_sync.h, rule 3).
    StoreStatus ackedMark(int64_t& seq);
    // `cutoff` below: the central record's retention cut-off ("YYYY-MM-DD", "" = none): events dated
    // before it (and not before kEarliestPlausibleDay) were purged there and are never offered again.
    // This kiosk's own events (not pulled) with a local sequence number above `seq` and at most
    // `upTo` (the acknowledged mark: above it nothing was confirmed, and it waits already), back into
    // the outbox in one transaction: the server lost them (central_sync.h, rule 5). `ids`: theirs.
    StoreStatus requeueOwnAbove(int64_t seq, int64_t upTo, const std::string& cutoff, std::vector<std::string>& ids);
    // The pulled events of one series above `seq` (origin_seq order, at most `limit`), with their
    // origin fields: what this kiosk re-offers to a server that lost them.
    StoreStatus pulledAbove(const std::string& origin, int64_t epoch, int64_t seq, int limit, const std::string& cutoff,
                            std::vector<CentralEventRow>& out);
    // Outbox rows whose event is dated before `cutoff` leave the outbox (the server refuses them:
    // central_retention.h, 3); `dropped`: how many.
    StoreStatus dropOlderThan(const std::string& cutoff, int64_t& dropped);
    // The last recovery: when (this kiosk's clock, UTC ms) the server was found to lack events and
    // how many were sent again (meta central_recovered "MS:N"); ms 0 when never.
    StoreStatus noteRecovery(int64_t ms, int64_t n);
    StoreStatus lastRecovery(int64_t& ms, int64_t& n);
    // (origin kiosk, origin epoch) -> highest origin_seq pulled from it.
    StoreStatus highWaterMarks(std::map<std::pair<std::string, int64_t>, int64_t>& out);
    // A meta value of the sync ("" and `found` false when unset), and setting one (one commit).
    StoreStatus syncMeta(const std::string& key, std::string& value, bool& found);
    StoreStatus setSyncMeta(const std::string& key, const std::string& value);
    // Which id this database's own series is under (central_outbox_identity.cpp: the contract;
    // central_sync.h, rule 13). Called at the start of every push with the configured id.
    // `seriesOnServer`: the server holds this database's current series under `kioskId`.
    StoreStatus adoptKioskId(const std::string& kioskId, bool seriesOnServer, KioskIdChange& out);
    // Every (id, epoch) this database pushed under before its current id, oldest first.
    StoreStatus formerIds(std::vector<std::pair<std::string, int64_t>>& out);
    // The kiosk id of the newest own event the server acknowledged (`found` false: none).
    StoreStatus lastAcknowledgedId(std::string& id, bool& found);
    // `inserted`: events new to this kiosk (a pull that is repeated inserts none).
    StoreStatus insertPulled(const std::vector<CentralEventRow>& events, int64_t nowMs, int& inserted);

private:
    sqlite3* db_ = nullptr;
};

}  // namespace kiosk
