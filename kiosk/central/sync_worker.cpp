#include "sync_worker.h"

#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>

#include "central/central_connect.h"
#include "central/central_peer.h"
#include "central/central_roster.h"
#include "central/central_sync.h"
#include "central/pg_connection.h"
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

SyncWorker::SyncWorker(SyncWorkerOptions options, const Clock& clock, Texts texts, std::function<void()> onVisibleChange)
    : options_(std::move(options)), clock_(clock), texts_(std::move(texts)), onVisibleChange_(std::move(onVisibleChange)) {
    wakeFd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    SyncStatus first;
    first.enabled = true;
    board_.publish(first);
    thread_ = std::thread([this] { run(); });
    watchdog_ = std::thread([this] { watch(); });
}

void SyncWorker::watch() {
    std::unique_lock lock(socketMutex_);
    uint64_t seen = 0;
    auto lastAnswer = Steady::now();
    while (!stopping_) {
        watchCv_.wait_for(lock, std::chrono::milliseconds(250));
        const uint64_t answers = watched_ ? watched_->answers() : 0;
        if (!busy_ || answers != seen) {
            seen = answers;
            lastAnswer = Steady::now();
            continue;
        }
        if (Steady::now() - lastAnswer > std::chrono::milliseconds(options_.answerWithinMs) && liveSocket_ >= 0) {
            ::shutdown(liveSocket_, SHUT_RDWR);  // the statement in flight fails at once
            stalled_ = true;
            busy_ = false;
        }
    }
}

SyncWorker::~SyncWorker() {
    stopping_ = true;
    poke();
    {
        // Invariant 3: a statement in flight fails now instead of when the server answers.
        std::lock_guard lock(socketMutex_);
        if (liveSocket_ >= 0) ::shutdown(liveSocket_, SHUT_RDWR);
    }
    watchCv_.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
    if (thread_.joinable()) thread_.join();
    if (wakeFd_ >= 0) ::close(wakeFd_);
}

void SyncWorker::poke() {
    const uint64_t one = 1;
    if (wakeFd_ < 0) return;
    // Full only after 2^64 - 1 unread pokes; a failed write then still leaves the thread woken.
    const ssize_t n = ::write(wakeFd_, &one, sizeof one);
    (void)n;
}

std::string SyncWorker::rosterRound(PgConnection& pg, std::unique_ptr<AttendanceDb>& rosterDb) {
    RosterSyncReport r;
    if (!rosterDb) {
        auto db = std::make_unique<AttendanceDb>();
        if (auto s = db->openExisting(options_.dbPath); !s.ok()) {
            r.storeFailed = true;
            r.error = s.detail;
        } else {
            rosterDb = std::move(db);
        }
    }
    if (rosterDb) r = syncRoster(pg, *rosterDb, options_.kioskId, options_.cohorts, clock_.now());
    if (!r.applied.empty()) {
        ++rostersApplied_;
        if (onVisibleChange_) onVisibleChange_();  // the session reloads the roster
    }
    if (r.ok) return {};
    if (r.storeFailed) rosterDb.reset();  // opened afresh at the next try
    return r.error.empty() ? "?" : r.error;
}

void SyncWorker::run() {
    ::pthread_setname_np(::pthread_self(), "kiosk-sync");  // by name in top -H and /proc (bench_idle)
    SyncStatus st = board_.snapshot();
    auto publish = [&] {
        if (board_.publish(st) && onVisibleChange_) onVisibleChange_();
    };
    CentralOutbox outbox;
    bool outboxOpen = false;
    PgConnection pg;
    // The roster's connection: opened at the first full sync with cohorts, kept while it works.
    std::unique_ptr<AttendanceDb> rosterDb;
    auto refreshWaiting = [&] {
        int64_t n = 0;
        if (outboxOpen && outbox.countWaiting(n).ok()) st.waiting = n;
    };

    int backoffMs = 0;  // the last wait after a failure; 0 = the last attempt worked
    // A failure: say why, drop the connection (reconnect, LISTEN again), wait. poke() while
    // waiting only refreshes the number waiting (BACKOFF in the header).
    auto closeServer = [&] {
        std::lock_guard lock(socketMutex_);
        liveSocket_ = -1;
        watched_ = nullptr;
        busy_ = false;
        pg.close();
    };
    // Invariant 4: the watchdog counts the server's answers while this thread waits for one.
    auto awaiting = [&](bool on) {
        std::lock_guard lock(socketMutex_);
        busy_ = on;
    };
    auto fail = [&](const char* key, const std::string& detail) {
        closeServer();
        st.connected = false;
        const bool stalled = stalled_.exchange(false);
        st.errorKey = stalled ? "sync.status_unreachable" : key;
        st.errorDetail = stalled ? texts_.format("sync.status_no_answer", {{"s", std::to_string((options_.answerWithinMs + 999) / 1000)}})
                                 : detail;
        refreshWaiting();
        publish();
        backoffMs = backoffMs == 0 ? options_.backoffFirstMs : std::min(backoffMs * 2, options_.backoffMaxMs);
        const auto until = Steady::now() + std::chrono::milliseconds(backoffMs);
        while (!stopping_ && Steady::now() < until) {
            if (waitFor(wakeFd_, -1, std::max(1, msUntil(until))).poked && !stopping_) {
                refreshWaiting();
                publish();
            }
        }
    };

    bool pushDue = true, pullDue = true;
    int64_t dataVersion = -1;
    // Other local writers (the command line, a script) are seen when the database's files change;
    // only without inotify does a timer ask data_version, every localCheckMs (header, ONLINE).
    FileWatch watch = FileWatch::forDatabase(options_.dbPath, options_.watchFiles);
    LookAgain again;  // after the files changed (file_watch.h, 4)
    const int localCheckMs = watch.active() ? -1 : options_.localCheckMs;
    auto nextSlow = Steady::now();
    auto nextLocal = Steady::now();
    auto nextAlive = Steady::now() + std::chrono::milliseconds(options_.livenessMs);
    bool notified = false;  // a NOTIFY from another kiosk waits for its pull
    auto nextNotifyPull = Steady::now();
    while (!stopping_) {
        // OFFLINE: the local database, then the server.
        if (!outboxOpen) {
            if (auto s = outbox.open(options_.dbPath); !s.ok()) {
                fail("sync.status_store_failed", s.detail);
                continue;
            }
            outboxOpen = true;
            outbox.dataVersion(dataVersion);
            outbox.lastRecovery(st.recoveredMs, st.recoveredN);
            refreshWaiting();
            publish();
        }
        if (!pg.isOpen()) {
            const CentralConnectResult c =
                connectCentral(pg, options_.url, options_.passwordFile, texts_, options_.connectTimeoutSeconds);
            if (!c.ok && !stopping_) {
                fail("sync.status_unreachable", c.message);
                continue;
            }
            {
                std::lock_guard lock(socketMutex_);
                if (stopping_) break;
                liveSocket_ = PQsocket(pg.raw());
                watched_ = &pg;
                busy_ = true;  // the statements below are watched too (invariant 4)
            }
            if (PgResult t = pg.exec(kStatementLimits); !t.ok()) {
                fail("sync.status_unreachable", t.error());
                continue;
            }
            if (PgResult l = pg.exec("LISTEN attendance_event"); !l.ok()) {
                fail("sync.status_unreachable", l.error());
                continue;
            }
            // central_sync.h, rule 6: another schema or no kiosk row: nothing moves, all waits.
            if (const PeerCheck peer = checkPeer(pg, options_.kioskId); !peer.ok()) {
                fail("sync.status_peer_refused", describePeerCheck(peer, texts_, options_.kioskId, pg.user()));
                continue;
            }
            st.connected = true;
            pushDue = pullDue = true;  // whatever was queued while offline, and what others did
        }

        // SYNCING.
        if (pushDue || pullDue) {
            const bool full = pushDue && pullDue;
            awaiting(true);
            std::string rosterError;
            // The baseline first: a local commit made during the push moves it, and is pushed next.
            outbox.dataVersion(dataVersion);
            // The roster first: a check-in on someone just imported here is refused by the server
            // until the release that names them is there (central_schema.h, SECURITY MODEL R3).
            // Events still go both ways when it fails (a release waiting for its cohort's counter
            // row must not hold up check-ins); the failure is reported after them.
            if (full && !options_.cohorts.empty()) rosterError = rosterRound(pg, rosterDb);
            if (pushDue) {
                const PushReport p = pushOutbox(pg, outbox, options_.kioskId, clock_, options_.pushBatch);
                st.pushedTotal += p.sent;
                if (p.droppedOld > 0)  // the journal's line (central_sync.h, rule 5)
                    std::fprintf(stderr, "%s\n", droppedOldLine(p.droppedOld, p.recovered.cutoff, texts_).c_str());
                if (p.recovered.lost() > 0) {
                    st.recoveredMs = clock_.now().ms;
                    st.recoveredN = p.recovered.lost();
                }
                if (!p.ok) {
                    // A batch the server refused on a live connection (a constraint, a restored
                    // backup's sequence numbers): the pull still runs, so that this kiosk keeps
                    // receiving the other kiosks' check-ins while its own wait and the Status page
                    // says why.
                    if (!p.storeFailed && pg.isOpen()) st.pulledTotal += pullOtherKiosks(pg, outbox, options_.kioskId, clock_.now().ms).inserted;
                    fail(p.storeFailed ? "sync.status_store_failed" : "sync.status_push_failed", p.error);
                    continue;
                }
                pushDue = false;
            }
            if (pullDue) {
                const PullReport r = pullOtherKiosks(pg, outbox, options_.kioskId, clock_.now().ms);
                ++pullsDone_;
                st.pulledTotal += r.inserted;
                if (r.ok) {  // rule 11: what this version does not keep, on the Status page
                    st.refusedRows = r.refused;
                    st.refusedFields = refusedFieldsText(r);
                    st.heldBy = heldSeriesText(r);
                }
                if (!r.ok) {
                    fail(r.storeFailed ? "sync.status_store_failed" : "sync.status_pull_failed", r.error);
                    continue;
                }
                pullDue = false;
            }
            if (!rosterError.empty()) {
                fail("sync.status_roster_failed", rosterError);
                continue;
            }
            std::string error;
            int64_t epoch = 0;
            if (full && (!outbox.epoch(epoch).ok() ||
                         !stampDatabase(pg, options_.kioskId, epoch, boxName(options_.dbPath), false, st.duplicateBoxes, error))) {
                fail("sync.status_pull_failed", error);
                continue;
            }
            if (!readKioskContacts(pg, st.kiosks, st.serverNowMs, error)) {
                fail("sync.status_pull_failed", error);
                continue;
            }
            awaiting(false);
            st.errorKey.clear();
            st.errorDetail.clear();
            st.lastSyncMs = clock_.now().ms;
            backoffMs = 0;
            refreshWaiting();
            publish();
            if (full) {
                nextSlow = Steady::now() + std::chrono::milliseconds(options_.slowPollMs);
                ++syncsDone_;
            }
            continue;  // NOTIFYs that came in during the statements are read below
        }

        // ONLINE: NOTIFYs libpq already read (during a statement) first, then wait.
        bool lost = false;
        auto readNotifies = [&] {
            while (PGnotify* n = PQnotifies(pg.raw())) {
                // Payload "origin cohort" (schema v6; "origin" before): not for this kiosk's own.
                const std::string payload = n->extra;
                if (payload.substr(0, payload.find(' ')) != options_.kioskId) notified = true;
                PQfreemem(n);
            }
        };
        readNotifies();
        // Debounced: any number of NOTIFYs (a flood from a stolen kiosk's role included) start at
        // most one pull per notifyGapMs.
        if (notified && Steady::now() >= nextNotifyPull) {
            notified = false;
            pullDue = true;
            nextNotifyPull = Steady::now() + std::chrono::milliseconds(options_.notifyGapMs);
            continue;
        }
        const int socket = PQsocket(pg.raw());
        if (socket < 0) {
            fail("sync.status_unreachable", oneLine(PQerrorMessage(pg.raw())));
            continue;
        }
        int untilLocal = localCheckMs < 0 ? msUntil(nextSlow) : msUntil(nextLocal);
        if (const auto look = again.due()) untilLocal = std::min(untilLocal, msUntil(*look));
        int waitMs = std::min({msUntil(nextSlow), untilLocal, msUntil(nextAlive)});
        if (notified) waitMs = std::min(waitMs, msUntil(nextNotifyPull));
        const Woken w = waitFor(wakeFd_, socket, std::max(0, waitMs), &watch);
        if (stopping_) break;
        if (w.poked) pushDue = true;
        if (w.socket) {
            if (PQconsumeInput(pg.raw()) == 0) lost = true;
            else readNotifies();
            // A closed connection reads as input with nothing in it: ask libpq.
            if (!lost && PQstatus(pg.raw()) != CONNECTION_OK) lost = true;
        }
        if (lost) {
            fail("sync.status_unreachable", oneLine(PQerrorMessage(pg.raw())));
            continue;
        }
        const auto now = Steady::now();
        if (w.files) again.changed(now);
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
            if (!alive.ok()) {
                fail("sync.status_unreachable", alive.error());
                continue;
            }
            nextAlive = Steady::now() + std::chrono::milliseconds(options_.livenessMs);
        }
    }
    closeServer();
    st.connected = false;
    board_.publish(st);
}

}  // namespace kiosk
