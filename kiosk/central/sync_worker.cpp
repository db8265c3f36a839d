#include "sync_worker.h"

#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>

#include "central/central_roster.h"
#include "central/pg_connection.h"
#include "store/attendance_db.h"

// run() and its states: sync_worker_states.cpp.
namespace kiosk {
namespace {

using Steady = std::chrono::steady_clock;

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
        if (!busy_) {
            // Nothing in flight: asleep until a round or a check begins (busy_ is set with a notify)
            // or the worker stops, not every 250 ms (issue 33: 240 wakeups a minute of an idle kiosk).
            watchCv_.wait(lock, [this] { return busy_ || stopping_; });
            seen = watched_ ? watched_->answers() : 0;
            lastAnswer = Steady::now();
            continue;
        }
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
    if (!r.applied.empty()) ++rostersApplied_;
    // The session reloads the roster: a new one, or a person erased here (central_erasure.h).
    if ((!r.applied.empty() || r.erased > 0) && onVisibleChange_) onVisibleChange_();
    if (r.ok) return {};
    if (r.storeFailed) rosterDb.reset();  // opened afresh at the next try
    return r.error.empty() ? "?" : r.error;
}

}  // namespace kiosk
