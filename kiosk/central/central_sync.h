// central_sync.h: one push and one pull between a kiosk's SQLite outbox and the central record
// (issues 17 and 27). What `leergang-kiosk sync` and the sync thread run. The record is the union
// of what every kiosk and the server ever confirmed, within retention; every party converges to it
// by itself, whatever happened to any one of them. As CouchDB's replication does, each side keeps
// its own checkpoint of what the other confirmed and compares them before trusting either.
//
// CONTRACT
//   1. An event is its id, everywhere: the server stores it once (INSERT ... ON CONFLICT (id) DO
//      NOTHING), a kiosk stores it once (ON CONFLICT(id) DO NOTHING): every retry, every re-send,
//      on either side, is harmless (pretix's nonce). Sync never changes or deletes an event;
//      retention and erasure on request (14) are the only deletes (central_retention.h, store/retention.cpp).
//   2. A series is (origin kiosk, origin epoch); on the server (origin_kiosk, origin_epoch,
//      origin_seq) is unique, origin_seq the kiosk's local sequence number. The epoch is the
//      database's identity (meta central_epoch): random, made with the database (store/store_schema.cpp,
//      step 1), replaced by `restore` (cli/commands_store.cpp) and by rule 3. A replaced box's empty
//      database is a new series: it never collides with its predecessor's numbers and pulls its
//      predecessor's events like any other kiosk's. Databases made before issue 27 keep epoch 0.
//   3. Push: the oldest outbox rows first, `batch` at a time, each batch in one server transaction
//      that also stamps the kiosk row's last_seen and clock offset. The outbox rows are cleared
//      after that commit, and in the same SQLite transaction the acknowledged mark (meta
//      central_acked: the highest number the server confirmed in this epoch) moves: what the server
//      stored, and of a batch sent again what it already held in this series (a push cut between
//      the server's commit and this one; else rule 5 would not see those events lost by a later
//      restore). A push killed anywhere loses nothing and doubles nothing (1): a test cuts it at
//      every step (store/sync_step.h). A number the server refuses (unique series
//      key, another event under it) proves a fork (a database copied back by hand): the push starts
//      a new epoch, once, stored first, and sends the batch again.
//   4. Pull: every series the server has except this database's own, each above this kiosk's
//      high-water mark for it, in origin_seq order (ordered push: no gap below a visible event),
//      stored per batch in one SQLite transaction with its central_pulled rows, so the mark moves
//      only with the events. This kiosk's own events of an earlier epoch (before a restore, a
//      predecessor's) come back this way. Pulled events are never pushed (the outbox trigger).
//   5. Recovery, at the start of every push (before new events could hide a gap): the server's
//      highest number of each series this kiosk knows (its own, and every series it pulled from) is
//      compared with this kiosk's checkpoint of it (acknowledged mark, high-water mark). Less on the
//      server means the server lost events (restored from a dump, a failed disk): this kiosk's own
//      events above the server's number go back into the outbox, and the pulled events it holds
//      above it are offered again (the server takes another kiosk's event only above its highest
//      number of that series, and marked as offered by this kiosk: central_schema.cpp, version 5).
//      A kiosk that died meanwhile is thus not needed. What the server lacked is counted by id,
//      noted (meta central_recovered) and said by `sync`, `doctor` and the Status page (the
//      acknowledged mark counts only what the server stored in this series, RETURNING origin_seq,
//      so an event it held under an earlier series is no gap). Retention is one rule: an event dated before the
//      central cut-off (the last `central-setup --purge`, central_retention.h) is never offered
//      again, and the push drops it from the outbox with a line in the log; the server refuses it
//      too (a trigger), and what it purged is never pulled back. Only what the kiosk holds is sent.
//   6. Before anything moves the kiosk checks its peer (central_peer.h): the server's schema version
//      equals this kiosk's, and the server has a kiosk row for this id and login. Otherwise nothing
//      is sent or fetched, everything waits, and `sync` exits 1 saying which.
//   7. Two boxes with one kiosk id (a copied config folder) write two series (2): nothing is lost or
//      hidden, every kiosk pulls both. Each round stamps this database in kiosk_database; another
//      database of the same id in contact after this one first was is the conflict, named (its box
//      and last contact) by `sync` (exit 1), `doctor` and the Status page, until one box gets its own id.
//   8. A day's record is a pure function of the SET of events (core/attendance.h, foldPersonDay),
//      whatever order they arrive in and whichever kiosk wrote them: one timeline per person by the
//      moment each is about (ties by id); an undo names its target by id and waits for it; a later
//      "absent" correction sets aside what was written before it; kiosk clocks are recorded
//      (kiosk.clock_offset_ms), never used to rewrite an event.
//   9. A pulled event for a code the local roster lacks gets an inactive placeholder (no event is
//      refused); the roster travels separately, per cohort (central_roster.h).
//  10. Cohorts (central schema v6, central_schema.h SECURITY MODEL): a kiosk reads and stores only
//      the events of the cohorts the server says it serves (centralCohorts); the pull asks for
//      those explicitly, row-level security would refuse the rest anyway. The high-water marks stay
//      per series: within one series the rows of a kiosk's cohorts keep the ordered visibility of
//      rule 3, gaps being other cohorts' rows; the recovery of rule 5 compares what this kiosk can
//      see of a series with what it pulled of it, so another cohort's rows never look lost. A cohort
//      added to the kiosk (central-setup --set-cohorts) is read once from the start of every series
//      at the next pull: the cohorts of the last pull are the meta key meta_keys::kCentralPulledCohorts.
//  11. Pulled rows are checked like an import (central_event_checks.h): a row a newer version wrote
//      holds its series' mark until this kiosk is upgraded (`held`); any other row that fails is
//      not stored and is counted in `refused` (`refusedFields` says why). Both reach the status.
//  12. What goes up fits the server's limits (central_event_checks.h, 4): an outbox row an older
//      version wrote with a free text over its limit is sent with that text shortened ("…"), never
//      refused at every push (which would hold every event behind it); `fitted` counts such rows,
//      and `sync` says so. The kiosk keeps its own full text.
//  13. One box, its current id: the series a database writes is always the configured kiosk id's.
//      An event recorded under another id (a kiosk used on its own before it joined the central
//      record, as "entree"; a copied box that synced under the first box's id and was then given
//      its own) goes up as this kiosk's, kiosk_id set to the current id (the server accepts an
//      event only as its writer's own, central_schema.h R2); the kiosk keeps its own record as
//      written; `relabelled` counts them and `sync` says so. A change of id is adopted at the start
//      of the push (CentralOutbox::adoptKioskId): what the server acknowledged under the old id
//      stays the old id's series (re-offered if a server loses it, rule 5), a new epoch starts for
//      the new id, and at every push the server is told of each former id again (idempotent:
//      leergang_database_renamed, central schema 7) so that the old id no longer counts this
//      database as a second box (rule 7), also after a server restored from a dump. A recovery
//      re-offer (rule 5) sends an event with kiosk_id = its series' origin, as the server held it.
//  14. Erasure on request (central schema 8, issue 31): the one delete besides retention, by the
//      owner only (central-setup --erase). Each sync applies the server's tombstones first
//      (central_erasure.h, from syncRoster); the server skips an erased person's events at insert,
//      so a push or a re-offer (rules 3, 5) of them stores nothing and still clears the outbox.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "central/central_recovery.h"
#include "central/pg_connection.h"
#include "store/central_outbox.h"

namespace kiosk {

class PgConnection;
class CentralOutbox;
class Clock;

struct PushReport {
    bool ok = false;
    RecoveryReport recovered;  // rule 5, before this push
    int64_t droppedOld = 0;    // outbox rows dated before the central cut-off, dropped unsent (rule 5)
    bool storeFailed = false;  // the local database failed (not the server)
    int64_t sent = 0;          // events sent and committed
    int64_t newOnServer = 0;   // of which the server did not have yet
    int64_t fitted = 0;        // rows sent with a free text shortened to the server's limit (rule 12)
    int64_t relabelled = 0;    // rows recorded under another kiosk id, sent as this kiosk's (rule 13)
    KioskIdChange idChange;    // a change of kiosk id adopted by this push (rule 13)
    std::string error;
};

struct PullReport {
    bool ok = false;
    bool storeFailed = false;
    int64_t received = 0;                 // events read from the server
    int64_t inserted = 0;                 // of which new on this kiosk
    int64_t refused = 0;                  // of which not kept: they failed the checks (rule 11)
    std::map<std::string, int64_t> refusedFields;  // the field each refused row failed on -> rows
    struct Held {
        std::string origin;
        int64_t epoch = 0, seq = 0;  // the series and the first row this version cannot read
        std::string field;           // kind, source or effect
    };
    std::vector<Held> held;               // series whose mark stays at a newer version's row (rule 11)
    std::map<std::string, int64_t> perOrigin;  // origin kiosk -> inserted
    std::string error;
};

// Rule 11 in words for the status and the command line: the refused rows' fields ("reason,
// guest_name") and the series held for a newer version ("deur (kind)"); "" when none.
std::string refusedFieldsText(const PullReport& r);
std::string heldSeriesText(const PullReport& r);

// `clock`: this kiosk's clock, read at the moment of each server transaction, so that the offset
// stored in the kiosk row (its clock minus the server's) is not skewed by a long push. The kiosk row's
// last_seen and clock offset are stamped also when there is nothing to send.
PushReport pushOutbox(PgConnection& central, CentralOutbox& outbox, const std::string& kioskId, const Clock& clock,
                      int batch = 1000);
// The cohorts the server says this kiosk serves (rule 10), sorted; false with `error`.
bool centralCohorts(PgConnection& central, std::vector<std::string>& cohorts, std::string& error);
// Despite the name, also this kiosk's own events of its earlier epochs (rule 4); `perOrigin` then
// holds this kiosk's own id.
PullReport pullOtherKiosks(PgConnection& central, CentralOutbox& outbox, const std::string& kioskId, int64_t nowMs,
                           int batch = 5000);

// One INSERT ... ON CONFLICT (id) DO NOTHING of `rows`, each under its own originKiosk, originEpoch
// and seq; the result's affected() is how many were new on the server. `offeredBy`: this kiosk's id
// when it re-offers events it pulled (rule 5; "" for its own).
PgResult insertCentralEvents(PgConnection& central, const std::vector<CentralEventRow>& rows,
                             const std::string& offeredBy = {});

}  // namespace kiosk
