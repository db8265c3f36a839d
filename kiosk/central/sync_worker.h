// sync_worker.h: the sync thread (issue 17, item 3). While the kiosk runs with a [central] url, it
// pushes this kiosk's outbox to the central record and pulls the other kiosks' events into the
// SQLite file, where the store thread folds them in like any other writer's (store_worker.h, OTHER
// WRITERS). At each full sync it also syncs the roster of this kiosk's cohorts (central_roster.h,
// issue 17 item 4): a roster imported here goes out, a newer one from another kiosk comes in. It
// has its own SQLite connections (CentralOutbox; an AttendanceDb for the roster, opened at the first
// full sync) and its own PgConnection; the UI never waits on it and it never waits on the UI.
//
// STATE MACHINE (run(), one thread; State in the class, a function per state in sync_worker_states.cpp)
//
//        start ──► OFFLINE ──connect ok, LISTEN──► ONLINE ──(due)──► SYNCING ──ok──► ONLINE
//                   ▲  │                             │                  │
//                   │  └─connect failed─► BACKOFF ◄──┴─connection lost──┘ (server error)
//                   └──────── backoff elapsed ─────────┘
//        any state ──stop()──► STOPPED (the thread ends; a push in flight finishes its statement
//                                       or fails, the outbox keeps what was not confirmed)
//
//   OFFLINE  connectCentral() (connect_timeout 3 s), the statement limits (kStatementLimits), LISTEN
//            attendance_event, then the peer check (central_peer.h: the same schema version, a kiosk
//            row for this id; otherwise BACKOFF saying which, and nothing moves). On success a full
//            sync is due at once (whatever was queued while offline goes up first).
//   ONLINE   waits in poll() on the connection's socket and an eventfd, with a timeout:
//              - poke() (the session, after the store thread committed a local event) → push;
//              - a NOTIFY attendance_event whose payload's origin kiosk is not this kiosk → pull,
//                at most one per notifyGapMs however many arrive (a flood is debounced);
//              - the database or its -wal changed (file_watch.h; without inotify: every
//                localCheckMs) and the outbox connection's data_version moved (a check-in from
//                the command line or a script) → push;
//              - every slowPollMs (30 s) → push and pull (a NOTIFY lost with a dropped connection);
//              - every livenessMs (5 s) → SELECT 1 (invariant 4).
//   SYNCING  on a full sync (after connecting, and every slowPollMs) syncRoster() for `cohorts`
//            first (central_roster.h; the server accepts a check-in only for someone in a release),
//            then pushOutbox() (which first recovers what a restored server lost, central_sync.h
//            rule 5) and pullOtherKiosks() as due (central_sync.h has the rules). When the roster
//            sync applied a release, rostersApplied() moves and
//            `onVisibleChange` is called, and the session has the store thread read the roster
//            again (the screens show the new people without a restart). Then this database's stamp
//            and the other boxes under this id (rule 7), and the kiosk table, for the Status page. A failure that closed the connection → BACKOFF; a
//            failure on a live connection (a statement refused) also → BACKOFF, so that a bad
//            event cannot spin the thread.
//   BACKOFF  waits backoffMs (1 s, doubling per failure up to 5 s; reset by a successful sync),
//            woken early only by stop(). poke() meanwhile only refreshes the number waiting.
//
// INVARIANTS
//   1. Nothing is lost or doubled by this thread: it only calls pushOutbox / pullOtherKiosks, whose
//      retries are harmless (ON CONFLICT DO NOTHING on both sides, outbox rows cleared after the
//      server's commit), and syncRoster, whose apply is all or nothing and whose repeated release
//      is harmless (central_roster.h, CONTRACT). A roster failure (a refused release, a database
//      held by another writer) goes to BACKOFF like any other, with "sync.status_roster_failed".
//   2. Idle costs nearly nothing: no local poll while the database's files do not change (one
//      PRAGMA data_version per localCheckMs only without inotify), and one push, pull and roster
//      check (one small query per cohort, no write when nothing changed) per slowPollMs;
//      `onVisibleChange` (the frame loop's wake) is called only when the status changed in a way
//      a person would see (sync_status.h, 2), never for an idle poll.
//   3. Stop means stop: the destructor shuts the server connection's socket down (shutdown(2)), so
//      that a statement waiting on a hanging server or on a lock another session holds fails at once,
//      then joins the thread; it waits at most for one connect attempt (connect_timeout). What the
//      server had not confirmed stays in the outbox (central_sync.h, 3). Every session also runs
//      with statement_timeout and lock_timeout (kStatementTimeout), so no statement blocks the
//      thread for longer than a few seconds.
//   4. The status tells the truth about a server that stops answering without a reset (a hung
//      host, a proxy or NAT that drops the traffic): an idle connection is asked SELECT 1 every
//      livenessMs, and a watchdog thread cuts the connection (shutdown(2)) when a round or that
//      check got no answer for answerWithinMs. The thread then goes to BACKOFF with "not reachable"
//      and the number waiting: within about livenessMs + answerWithinMs (17 s) of the last answer.
//      The watchdog looks every 250 ms while a round or a check is in flight, and sleeps otherwise
//      (woken when one begins): an idle kiosk's watchdog does not wake (issue 33).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "central/sync_status.h"
#include "core/clock.h"
#include "core/text_catalogue.h"

namespace kiosk {

class PgConnection;
class AttendanceDb;

struct SyncWorkerOptions {
    std::string url;                    // [central] url (a libpq connection string or URI)
    std::string passwordFile;           // [central] password_file ("" = none)
    std::string kioskId;                // [kiosk] id: the origin of this kiosk's events
    std::filesystem::path dbPath;       // the kiosk's SQLite file (schema version 2 or later)
    int slowPollMs = 30'000;            // = 30 s // full push and pull when nothing woke the thread
    bool watchFiles = true;             // = true // wake on the database's files changing (inotify)
    int localCheckMs = 60'000;          // = 60 s // without inotify: data_version check for other local writers
    int backoffFirstMs = 1'000;         // = 1 s // the first wait after a failure
    int backoffMaxMs = 5'000;           // = 5 s // the longest wait while the server is unreachable: a
                                        // returning server gets the queue within 10 s (issue 17)
    int connectTimeoutSeconds = 3;      // = 3 s // libpq connect_timeout; also the longest a stop waits (3)
    int livenessMs = 5'000;             // = 5 s // an idle connection is asked SELECT 1 this often
    int answerWithinMs = 12'000;        // = 12 s // a server that gives no answer for this long, during a round
                                        // or a liveness check, has stopped answering (4): above the
                                        // statement_timeout, so a slow statement gets the server's own error
    int pushBatch = 1000;               // events per server transaction
    int notifyGapMs = 500;              // = 0.5 s // NOTIFY-woken pulls at most this often: a flood of
                                        // NOTIFYs costs at most 2 pulls a second (issue 28)
    std::set<std::string> cohorts;      // the cohorts whose roster this kiosk syncs (its programme's);
                                        // empty = no roster sync
};

class SyncWorker {
public:
    // Starts the thread. `clock`: this kiosk's (its offset goes to the server); must outlive this.
    // `onVisibleChange` is called from the sync thread (e.g. glfwPostEmptyEvent).
    SyncWorker(SyncWorkerOptions options, const Clock& clock, Texts texts, std::function<void()> onVisibleChange);
    ~SyncWorker();  // stops and joins (3)
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    // A local event was committed: push soon. Cheap (one write to an eventfd); any thread.
    void poke();
    SyncStatus status() const { return board_.snapshot(); }
    uint64_t statusVersion() const { return board_.version(); }
    // Full syncs that completed (tests and the benchmark wait on it).
    uint64_t syncsDone() const { return syncsDone_.load(); }
    // Roster releases from other kiosks this thread applied to the SQLite file (central_roster.h).
    // When it moves, the session asks the store thread for the roster (any thread may read it).
    uint64_t rostersApplied() const { return rostersApplied_.load(); }
    // Pulls made (every pullOtherKiosks call): what a flood of NOTIFYs costs (tests).
    uint64_t pullsDone() const { return pullsDone_.load(); }

private:
    // The states of run(), as the STATE MACHINE above draws them; one function each in
    // sync_worker_states.cpp (Loop: what the thread keeps between them), run() only dispatches.
    enum class State { offline, online, syncing, backoff, stopped };
    struct Loop;
    void run();

    SyncWorkerOptions options_;
    const Clock& clock_;
    Texts texts_;
    std::function<void()> onVisibleChange_;
    SyncStatusBoard board_;
    std::atomic<uint64_t> syncsDone_{0};
    std::atomic<uint64_t> rostersApplied_{0};
    std::atomic<uint64_t> pullsDone_{0};
    std::atomic<bool> stopping_{false};
    int wakeFd_ = -1;  // eventfd: poke() and stop()
    void watch();  // the watchdog thread (4)
    // One roster sync for options_.cohorts (SYNCING); "" when it succeeded, else what failed.
    std::string rosterRound(PgConnection& pg, std::unique_ptr<AttendanceDb>& rosterDb);

    std::mutex socketMutex_;  // guards the three below against the thread closing the connection
    int liveSocket_ = -1;     // the server connection's socket while open: stop() shuts it down (3)
    const PgConnection* watched_ = nullptr;  // the connection whose answers the watchdog counts (4)
    bool busy_ = false;       // a round or a liveness check is waiting for the server
    std::atomic<bool> stalled_{false};  // the watchdog cut the connection: the server stopped answering
    std::condition_variable watchCv_;
    std::thread watchdog_;
    std::thread thread_;
};

}  // namespace kiosk
