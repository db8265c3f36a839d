// sync_worker_states.cpp: SyncWorker::run()'s states (sync_worker.h, STATE MACHINE), one function
// each. Loop holds what the thread keeps between them: the two connections, what is due, the timers.
// Each state function does its state's work and returns the next state; run() only dispatches.
#include "optional/central_api.h"
#include <poll.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "central/central_connect.h"
#include "central/central_peer.h"
#include "central/central_sync.h"
#include "central/pg_connection.h"
#include "central/sync_worker.h"
#include "store/attendance_db.h"
#include "store/central_outbox.h"
#include "store/file_watch.h"

namespace kiosk {
namespace {

using Steady = std::chrono::steady_clock;

int msUntil(Steady::time_point t) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - Steady::now()).count();
    return static_cast<int>(std::clamp<long long>(ms, 0, 24LL * 3600 * 1000));
}

struct Woken {
    bool poked = false;   // the eventfd: poke() or stop()
    bool socket = false;  // the server's connection has something (a NOTIFY, or its end)
    bool files = false;   // the database or its -wal changed (file_watch.h)
};

// Waits up to `ms` on the eventfd and, when `socket` >= 0, the connection's socket and, when
// `watch` is given and active, the database's files.
Woken waitFor(int wakeFd, int socket, int ms, FileWatch* watch = nullptr) {
    const int watchFd = watch ? watch->fd() : -1;
    pollfd fds[3] = {{wakeFd, POLLIN, 0}, {socket, POLLIN, 0}, {watchFd, POLLIN, 0}};
    const int n = ::poll(fds, 3, ms);  // a negative fd is skipped
    Woken w;
    if (n <= 0) return w;
    if (watchFd >= 0 && (fds[2].revents & POLLIN)) w.files = watch->drain();
    if (fds[0].revents & POLLIN) {
        uint64_t count = 0;
        while (::read(wakeFd, &count, sizeof count) == sizeof count) {
        }
        w.poked = true;
    }
    if (socket >= 0 && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) w.socket = true;
    return w;
}

}  // namespace

struct SyncWorker::Loop {
    using State = SyncWorker::State;
    SyncWorker& w;
    SyncStatus st;
    CentralOutbox outbox;
    bool outboxOpen = false;
    PgConnection pg;
    // The roster's connection: opened at the first full sync with cohorts, kept while it works.
    std::unique_ptr<AttendanceDb> rosterDb;
    int backoffMs = 0;  // the last wait after a failure; 0 = the last attempt worked
    bool pushDue = true, pullDue = true;
    int64_t dataVersion = -1;
    // Other local writers (the command line, a script) are seen when the database's files change;
    // only without inotify does a timer ask data_version, every localCheckMs (header, ONLINE).
    FileWatch watch;
    LookAgain again;  // after the files changed (file_watch.h, 4)
    int localCheckMs;
    Steady::time_point nextSlow = Steady::now(), nextLocal = Steady::now();
    Steady::time_point nextAlive, nextNotifyPull = Steady::now();
    bool notified = false;  // a NOTIFY from another kiosk waits for its pull

    explicit Loop(SyncWorker& worker)
        : w(worker), st(worker.board_.snapshot()), watch(FileWatch::forDatabase(worker.options_.dbPath, worker.options_.watchFiles)),
          localCheckMs(watch.active() ? -1 : worker.options_.localCheckMs),
          nextAlive(Steady::now() + std::chrono::milliseconds(worker.options_.livenessMs)) {}

    void publish() {
        if (w.board_.publish(st) && w.onVisibleChange_) w.onVisibleChange_();
    }
    void refreshWaiting() {
        int64_t n = 0;
        if (outboxOpen && outbox.countWaiting(n).ok()) st.waiting = n;
    }
    void readFormerIds() {  // the earlier kiosk ids, kept by the outbox (rule 13)
        std::vector<std::pair<std::string, int64_t>> former;
        if (!outboxOpen || !outbox.formerIds(former).ok()) return;
        st.formerIds = formerIdNames(former);
    }
    void closeServer() {
        std::lock_guard lock(w.socketMutex_);
        w.liveSocket_ = -1;
        w.watched_ = nullptr;
        w.busy_ = false;
        pg.close();
    }
    // Invariant 4: the watchdog counts the server's answers while this thread waits for one.
    void awaiting(bool on) {
        std::lock_guard lock(w.socketMutex_);
        w.busy_ = on;
        if (on) w.watchCv_.notify_all();  // the watchdog sleeps while nothing is in flight
    }
    // A failure: say why, drop the connection (reconnect, LISTEN again), then BACKOFF.
    State fail(const char* key, const std::string& detail) {
        closeServer();
        st.connected = false;
        const bool stalled = w.stalled_.exchange(false);
        st.errorKey = stalled ? "sync.status_unreachable" : key;
        st.errorDetail = stalled ? w.texts_.format("sync.status_no_answer", {{"s", std::to_string((w.options_.answerWithinMs + 999) / 1000)}})
                                 : detail;
        refreshWaiting();
        publish();
        backoffMs = backoffMs == 0 ? w.options_.backoffFirstMs : std::min(backoffMs * 2, w.options_.backoffMaxMs);
        return State::backoff;
    }

    // BACKOFF: waits backoffMs, woken early only by stop(); poke() meanwhile only refreshes the
    // number waiting. Then OFFLINE.
    State backoff() {
        const auto until = Steady::now() + std::chrono::milliseconds(backoffMs);
        while (!w.stopping_ && Steady::now() < until) {
            if (waitFor(w.wakeFd_, -1, std::max(1, msUntil(until))).poked && !w.stopping_) {
                refreshWaiting();
                publish();
            }
        }
        return State::offline;
    }

    // OFFLINE: the local database, then the server (connect, the statement limits, LISTEN, the
    // peer check); then a full sync is due.
    State offline() {
        if (!outboxOpen) {
            if (auto s = outbox.open(w.options_.dbPath); !s.ok()) return fail("sync.status_store_failed", s.detail);
            outboxOpen = true;
            outbox.dataVersion(dataVersion);
            outbox.lastRecovery(st.recoveredMs, st.recoveredN);
            readFormerIds();
            refreshWaiting();
            publish();
        }
        if (pg.isOpen()) return pushDue || pullDue ? State::syncing : State::online;
        const CentralConnectResult c =
            connectCentral(pg, w.options_.url, w.options_.passwordFile, w.texts_, w.options_.connectTimeoutSeconds);
        if (!c.ok && !w.stopping_) return fail("sync.status_unreachable", c.message);
        {
            std::lock_guard lock(w.socketMutex_);
            if (w.stopping_) return State::stopped;
            w.liveSocket_ = PQsocket(pg.raw());
            w.watched_ = &pg;
            w.busy_ = true;  // the statements below are watched too (invariant 4)
            w.watchCv_.notify_all();
        }
        if (PgResult t = pg.exec(kStatementLimits); !t.ok()) return fail("sync.status_unreachable", t.error());
        if (PgResult l = pg.exec("LISTEN attendance_event"); !l.ok()) return fail("sync.status_unreachable", l.error());
        // central_sync.h, rule 6: another schema or no kiosk row: nothing moves, all waits.
        if (const PeerCheck peer = checkPeer(pg, w.options_.kioskId); !peer.ok())
            return fail("sync.status_peer_refused", describePeerCheck(peer, w.texts_, w.options_.kioskId, pg.user()));
        st.connected = true;
        pushDue = pullDue = true;  // whatever was queued while offline, and what others did
        return State::syncing;
    }

    // SYNCING, the events: the push as due (its failure still pulls, on a live connection), then
    // the pull as due. BACKOFF when either failed, else nothing (ONLINE follows).
    std::optional<State> moveEvents() {
        if (pushDue) {
            const PushReport p = pushOutbox(pg, outbox, w.options_.kioskId, w.clock_, w.options_.pushBatch);
            st.pushedTotal += p.sent;
            st.fittedTotal += p.fitted;  // rules 12 and 13 on the Status page (sync_status.h, 6)
            st.relabelledTotal += p.relabelled;
            if (p.idChange.renamed) readFormerIds();
            if (p.recovered.ok && (p.recovered.lost() > 0 || p.recovered.othersRefused > 0))
                st.reofferRefused = p.recovered.othersRefused;
            if (p.droppedOld > 0)  // the journal's line (central_sync.h, rule 5)
                std::fprintf(stderr, "%s\n", droppedOldLine(p.droppedOld, p.recovered.cutoff, w.texts_).c_str());
            if (p.recovered.lost() > 0) {
                st.recoveredMs = w.clock_.now().ms;
                st.recoveredN = p.recovered.lost();
            }
            if (!p.ok) {
                // A batch the server refused on a live connection (a constraint, a restored
                // backup's sequence numbers): the pull still runs, so that this kiosk keeps
                // receiving the other kiosks' check-ins while its own wait and the Status page
                // says why.
                if (!p.storeFailed && pg.isOpen())
                    st.pulledTotal += pullOtherKiosks(pg, outbox, w.options_.kioskId, w.clock_.now().ms).inserted;
                return fail(p.storeFailed ? "sync.status_store_failed" : "sync.status_push_failed", p.error);
            }
            pushDue = false;
        }
        if (pullDue) {
            const PullReport r = pullOtherKiosks(pg, outbox, w.options_.kioskId, w.clock_.now().ms);
            ++w.pullsDone_;
            st.pulledTotal += r.inserted;
            if (!r.ok) return fail(r.storeFailed ? "sync.status_store_failed" : "sync.status_pull_failed", r.error);
            st.refusedRows = r.refused;  // rule 11: what this version does not keep, on the Status page
            st.refusedFields = refusedFieldsText(r);
            st.heldBy = heldSeriesText(r);
            pullDue = false;
        }
        return std::nullopt;
    }

    // SYNCING: the roster (on a full sync), the events, this database's stamp and the kiosks for
    // the Status page. ONLINE when all worked, else BACKOFF.
    State syncing() {
        const bool full = pushDue && pullDue;
        awaiting(true);
        std::string rosterError;
        // The baseline first: a local commit made during the push moves it, and is pushed next.
        outbox.dataVersion(dataVersion);
        // The roster first: a check-in on someone just imported here is refused by the server
        // until the release that names them is there (central_schema.h, SECURITY MODEL R3).
        // Events still go both ways when it fails (a release waiting for its cohort's counter
        // row must not hold up check-ins); the failure is reported after them.
        if (full && !w.options_.cohorts.empty()) rosterError = w.rosterRound(pg, rosterDb);
        if (const auto failed = moveEvents()) return *failed;
        if (!rosterError.empty()) return fail("sync.status_roster_failed", rosterError);
        std::string error;
        int64_t epoch = 0;
        if (full && (!outbox.epoch(epoch).ok() ||
                     !stampDatabase(pg, w.options_.kioskId, epoch, boxName(w.options_.dbPath), false, st.duplicateBoxes, error)))
            return fail("sync.status_pull_failed", error);
        if (!readKioskContacts(pg, st.kiosks, st.serverNowMs, error)) return fail("sync.status_pull_failed", error);
        awaiting(false);
        st.errorKey.clear();
        st.errorDetail.clear();
        st.lastSyncMs = w.clock_.now().ms;
        backoffMs = 0;
        refreshWaiting();
        publish();
        if (full) {
            nextSlow = Steady::now() + std::chrono::milliseconds(w.options_.slowPollMs);
            ++w.syncsDone_;
        }
        return State::online;  // NOTIFYs that came in during the statements are read there
    }

    // ONLINE, NOTIFYs libpq already read: one from another kiosk makes a pull due (debounced).
    void readNotifies() {
        while (PGnotify* n = PQnotifies(pg.raw())) {
            // Payload "origin cohort" (schema v6; "origin" before): not for this kiosk's own.
            const std::string payload = n->extra;
            if (payload.substr(0, payload.find(' ')) != w.options_.kioskId) notified = true;
            PQfreemem(n);
        }
    }

    // ONLINE: NOTIFYs libpq already read (during a statement) first, then one wait for what wakes
    // the thread (header, ONLINE); SYNCING when something became due.
    State online() {
        readNotifies();
        // Debounced: any number of NOTIFYs (a flood from a stolen kiosk's role included) start at
        // most one pull per notifyGapMs.
        if (notified && Steady::now() >= nextNotifyPull) {
            notified = false;
            pullDue = true;
            nextNotifyPull = Steady::now() + std::chrono::milliseconds(w.options_.notifyGapMs);
            return State::syncing;
        }
        const int socket = PQsocket(pg.raw());
        if (socket < 0) return fail("sync.status_unreachable", oneLine(PQerrorMessage(pg.raw())));
        int untilLocal = localCheckMs < 0 ? msUntil(nextSlow) : msUntil(nextLocal);
        if (const auto look = again.due()) untilLocal = std::min(untilLocal, msUntil(*look));
        int waitMs = std::min({msUntil(nextSlow), untilLocal, msUntil(nextAlive)});
        if (notified) waitMs = std::min(waitMs, msUntil(nextNotifyPull));
        const Woken woken = waitFor(w.wakeFd_, socket, std::max(0, waitMs), &watch);
        if (w.stopping_) return State::stopped;
        if (woken.poked) pushDue = true;
        bool lost = false;
        if (woken.socket) {
            if (PQconsumeInput(pg.raw()) == 0) lost = true;
            else readNotifies();
            // A closed connection reads as input with nothing in it: ask libpq.
            if (!lost && PQstatus(pg.raw()) != CONNECTION_OK) lost = true;
        }
        if (lost) return fail("sync.status_unreachable", oneLine(PQerrorMessage(pg.raw())));
        const auto now = Steady::now();
        if (woken.files) again.changed(now);
        if (again.dueBy(now) || (localCheckMs >= 0 && now >= nextLocal)) {
            int64_t v = dataVersion;
            if (outbox.dataVersion(v).ok() && v != dataVersion) pushDue = true;
            again.looked(now);
            if (localCheckMs >= 0) nextLocal = now + std::chrono::milliseconds(localCheckMs);
        }
        if (now >= nextSlow) pushDue = pullDue = true;
        if (now >= nextAlive && !pushDue) {
            awaiting(true);
            PgResult alive = pg.exec("SELECT 1");
            awaiting(false);
            if (!alive.ok()) return fail("sync.status_unreachable", alive.error());
            nextAlive = Steady::now() + std::chrono::milliseconds(w.options_.livenessMs);
        }
        return pushDue || pullDue ? State::syncing : State::online;
    }
};

void SyncWorker::run() {
    ::pthread_setname_np(::pthread_self(), "kiosk-sync");  // by name in top -H and /proc (bench_idle)
    Loop loop(*this);
    State state = State::offline;
    while (!stopping_ && state != State::stopped) {
        // Whatever state: a closed database or server connection is OFFLINE first.
        if ((state == State::online || state == State::syncing) && (!loop.outboxOpen || !loop.pg.isOpen()))
            state = State::offline;
        switch (state) {
            case State::offline: state = loop.offline(); break;
            case State::online: state = loop.online(); break;
            case State::syncing: state = loop.syncing(); break;
            case State::backoff: state = loop.backoff(); break;
            case State::stopped: break;
        }
    }
    loop.closeServer();
    loop.st.connected = false;
    board_.publish(loop.st);
}

}  // namespace kiosk
