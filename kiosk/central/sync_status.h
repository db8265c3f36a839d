// sync_status.h: what staff see of the central record (issue 17, item 6): on or off, connected or
// not and why, the last successful sync, the events still waiting in the outbox, and every kiosk's
// last contact and clock offset as the server's kiosk table has them.
//
// CONTRACT
//   1. SyncStatus is a plain value: the sync thread fills it, the Status page and `doctor` read a
//      copy. SyncStatusBoard hands it between threads under a mutex; snapshot() never waits on the
//      network or the disk.
//   2. Its version() moves only when something a person would notice changed: connected or not,
//      the reason, the number waiting, the kiosks and their offset warnings. A sync that moved
//      nothing (the slow poll, a stamp of last contact) does not move it, so an idle kiosk is not
//      woken to draw the same page again.
//   3. Two boxes under one kiosk id (central_sync.h, 7) and a server that had lost events (5) are
//      lines of their own: the first needs attention (red) until one box gets its own id.
//   4. A clock offset is a warning above kClockOffsetWarnMs (2 minutes) either way.
//   5. describeSyncStatus() says it in the kiosk's language (text catalogue, Dutch first), one line
//      per fact, the same lines on the Status page and in `doctor`; times in Dutch local time.
//   6. What a push did besides sending is a line too, not only `sync`'s output: events the server
//      refused to take back from this kiosk at a recovery (a group it no longer serves; a warning),
//      rows sent shortened (rule 12) and an earlier kiosk id with the rows sent under the current one
//      (rule 13). The earlier ids are read from the outbox, so they are said after a restart as well.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/text_catalogue.h"

namespace kiosk {

class PgConnection;

constexpr int64_t kClockOffsetWarnMs = 2 * 60 * 1000;  // = 2 min // above this an offset is a warning

struct KioskContact {
    std::string id;                       // [kiosk] id
    std::optional<int64_t> lastSeenMs;    // UTC ms, server clock; none: never in contact
    std::optional<int64_t> clockOffsetMs; // that kiosk's clock minus the server's at its last contact
    bool offsetWarning() const { return clockOffsetMs && (*clockOffsetMs > kClockOffsetWarnMs || *clockOffsetMs < -kClockOffsetWarnMs); }
    bool operator==(const KioskContact& o) const {
        return id == o.id && lastSeenMs == o.lastSeenMs && clockOffsetMs == o.clockOffsetMs;
    }
};

struct SyncStatus {
    bool enabled = false;                 // [central] url is set
    bool connected = false;               // the sync thread has a working connection now
    std::string errorKey;                 // text key of the last failure ("" = none since the last success)
    std::string errorDetail;              // libpq's or SQLite's own words (never a password)
    std::optional<int64_t> lastSyncMs;    // this kiosk's clock (UTC ms) at the last push and pull that both worked
    int64_t waiting = -1;                 // events in the outbox (-1: not known yet)
    std::vector<KioskContact> kiosks;     // the server's kiosk table, at the last successful sync
    int64_t serverNowMs = 0;              // the server's clock when that table was read
    int64_t pushedTotal = 0, pulledTotal = 0;  // events moved since the thread started
    std::vector<std::string> duplicateBoxes;  // other boxes syncing under this kiosk id (central_sync.h, 7)
    int64_t recoveredMs = 0, recoveredN = 0;  // the last time the server had lost events, and how many were sent again
    // The last pull's rows this version does not keep (central_sync.h, rule 11): refused for good,
    // with the fields they failed on ("reason, guest_name"), and the kiosks whose newer rows wait
    // for this kiosk's upgrade ("deur (kind)").
    int64_t refusedRows = 0;
    std::string refusedFields;
    std::string heldBy;
    // What pushes did besides sending (central_sync.h, rules 5, 12, 13), as `sync` also prints it (6):
    int64_t reofferRefused = 0;       // other kiosks' events the server refused to take back at the last recovery
    int64_t fittedTotal = 0;          // rows sent shortened to the server's limits since the thread started (12)
    int64_t relabelledTotal = 0;      // rows recorded under another id, sent as this kiosk's since then (13)
    std::vector<std::string> formerIds;  // the ids this database pushed under before its current one (13)
};

// The outbox's former (id, epoch) pairs (CentralOutbox::formerIds) as the ids, each once, in order (6).
std::vector<std::string> formerIdNames(const std::vector<std::pair<std::string, int64_t>>& former);

// The server's kiosk table (every kiosk, this one too), ordered by id. false with `error` set when
// the statement failed.
bool readKioskContacts(PgConnection& c, std::vector<KioskContact>& out, int64_t& serverNowMs, std::string& error);

class SyncStatusBoard {
public:
    // Replaces the status; true (and the version moves) when a person would see a difference (2).
    bool publish(const SyncStatus& s);
    SyncStatus snapshot() const;
    uint64_t version() const;

private:
    mutable std::mutex mutex_;
    SyncStatus status_;
    uint64_t version_ = 0;
};

struct SyncStatusLine {
    bool ok = true;            // false: needs attention (drawn as a warning)
    std::string label, value;
    bool urgent = false;       // a person must fix it (two boxes, one id): drawn in red (3)
};

// `ownId`: this kiosk's id (its own line says "deze kiosk"); `nowMs`: this kiosk's clock.
std::vector<SyncStatusLine> describeSyncStatus(const SyncStatus& s, const Texts& tx, const std::string& ownId, int64_t nowMs);

}  // namespace kiosk
