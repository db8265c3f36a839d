#include "store_worker.h"

#include "backup_rotation.h"
#include "roster_sync.h"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <type_traits>

namespace kiosk {

StoreWorker::StoreWorker(std::unique_ptr<AttendanceDb> db, std::function<void()> wake, StoreWatching watching)
    : db_(std::move(db)),
      wake_(std::move(wake)),
      watching_(watching),
      watch_(FileWatch::forDatabase(db_->path(), watching.inotify)),
      wakeFd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)),
      thread_([this] { run(); }) {}

StoreWorker::~StoreWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    nudge();
    thread_.join();
    if (wakeFd_ >= 0) ::close(wakeFd_);
}

void StoreWorker::nudge() {
    const uint64_t one = 1;
    // The eventfd stays readable until the thread reads it: a request queued just before the
    // thread waits is never missed (WAITING, 2).
    if (wakeFd_ >= 0 && ::write(wakeFd_, &one, sizeof one) < 0) {
    }
}

uint64_t StoreWorker::enqueue(Request r) {
    uint64_t ticket;
    {
        std::lock_guard lock(mutex_);
        ticket = r.ticket = nextTicket_++;
        queue_.push_back(std::move(r));
        ++inFlight_;
    }
    nudge();
    return ticket;
}

uint64_t StoreWorker::append(AttendanceEvent e) { return enqueue({0, Append{std::move(e)}}); }

uint64_t StoreWorker::syncConfigRoster(std::vector<Participant> roster, std::string csvContent, Instant now) {
    return enqueue({0, SyncRoster{std::move(roster), std::move(csvContent), now}});
}

uint64_t StoreWorker::reloadRoster() { return enqueue({0, ReloadRoster{}}); }

uint64_t StoreWorker::dailyBackup(std::string dir, LocalDate today, int keep) {
    return enqueue({0, Backup{std::move(dir), today, keep}});
}

uint64_t StoreWorker::decide(GuardedWrite w) { return enqueue({0, Decide{std::move(w)}}); }

uint64_t StoreWorker::follow(int64_t seenUpTo) { return enqueue({0, Follow{seenUpTo}}); }

uint64_t StoreWorker::loadDay(LocalDate day, std::optional<std::vector<std::string>> cohorts) {
    return enqueue({0, LoadDay{day, std::move(cohorts)}});
}

uint64_t StoreWorker::summarise(LocalDate from, LocalDate to) { return enqueue({0, Summarise{from, to}}); }

uint64_t StoreWorker::staffHistory(size_t limit) { return enqueue({0, History{limit}}); }

uint64_t StoreWorker::countAnswer(FeedbackCount answer) { return enqueue({0, CountAnswer{std::move(answer)}}); }

uint64_t StoreWorker::checkDeferred(LocalDate today) { return enqueue({0, Check{today}}); }

uint64_t StoreWorker::purge(LocalDate cutoff) { return enqueue({0, Purge{cutoff}}); }

uint64_t StoreWorker::setMeta(std::string key, std::string value) {
    return enqueue({0, SetMeta{std::move(key), std::move(value)}});
}

std::vector<StoreCompletion> StoreWorker::takeCompletions() {
    std::lock_guard lock(mutex_);
    std::vector<StoreCompletion> out;
    out.swap(done_);
    return out;
}

size_t StoreWorker::pending() const {
    std::lock_guard lock(mutex_);
    return inFlight_;
}

void StoreWorker::run() {
    ::pthread_setname_np(::pthread_self(), "kiosk-store");  // by name in top -H and /proc (bench_idle)
    using Steady = std::chrono::steady_clock;
    const auto checkpointAfter = std::chrono::milliseconds(kCheckpointAfterIdleMs);
    auto lastRequest = Steady::now();
    auto nextLook = Steady::now();  // the safety poll, or the retry of a change not read (WAITING, 3)
    for (;;) {
        Request r;
        bool have = false;
        {
            std::lock_guard lock(mutex_);
            if (!queue_.empty()) {
                r = std::move(queue_.front());
                queue_.pop_front();
                have = true;
            } else if (stopping_) {
                return;  // everything queued is done
            }
        }
        if (have) {
            StoreCompletion c = perform(r);
            dirty_ = refusing_.ok();  // a file found damaged is left alone (START, 2)
            post(std::move(c), true);
            lastRequest = Steady::now();
            continue;
        }
        // Idle (WAITING): a request, a change of the database's files, or a timer that is due.
        const bool timed = following_ && (missedChange_ || !watch_.active());
        std::optional<Steady::time_point> until;
        auto sooner = [&](std::optional<Steady::time_point> t) {
            if (t) until = until ? std::min(*until, *t) : *t;
        };
        if (dirty_) sooner(lastRequest + checkpointAfter);
        if (timed) sooner(nextLook);
        if (following_) sooner(again_.due());
        if (waitIdle(until)) again_.changed(Steady::now());
        const auto now = Steady::now();
        if (dirty_ && now >= lastRequest + checkpointAfter) {
            db_->checkpoint();  // outside any commit (attendance_db.h, 6)
            dirty_ = false;
        }
        if (following_ && refusing_.ok() && (again_.dueBy(now) || (timed && now >= nextLook))) {
            poll();
            again_.looked(Steady::now());
            const int ms = missedChange_ ? kRetryMs : watching_.safetyPollMs;
            nextLook = Steady::now() + std::chrono::milliseconds(ms);
        }
    }
}

bool StoreWorker::waitIdle(std::optional<std::chrono::steady_clock::time_point> until) {
    int ms = -1;
    if (until) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*until - std::chrono::steady_clock::now());
        ms = static_cast<int>(std::clamp<long long>(left.count() + 1, 0, 24LL * 3600 * 1000));
    }
    pollfd fds[2] = {{wakeFd_, POLLIN, 0}, {watch_.fd(), POLLIN, 0}};
    const int n = ::poll(fds, watch_.active() ? 2 : 1, ms);
    if (n <= 0) return false;
    if (fds[0].revents & POLLIN) {
        uint64_t count = 0;
        while (::read(wakeFd_, &count, sizeof count) == sizeof count) {
        }
    }
    return watch_.active() && (fds[1].revents & POLLIN) && watch_.drain();
}

// After a check that found damage (START, 2): the request's own kind of completion, with the
// check's status, and nothing read or written.
StoreCompletion StoreWorker::refused(Request& r) {
    StoreCompletion c;
    c.ticket = r.ticket;
    c.status = refusing_;
    std::visit(
        [&](auto& q) {
            using Q = std::decay_t<decltype(q)>;
            if constexpr (std::is_same_v<Q, Append>) c.result = store_done::Appended{std::move(q.event)};
            else if constexpr (std::is_same_v<Q, Decide>) c.result = store_done::Decided{};
            else if constexpr (std::is_same_v<Q, Follow>) c.result = store_done::Arrived{};
            else if constexpr (std::is_same_v<Q, LoadDay>) c.result = store_done::DayLoaded{q.day, {}};
            else if constexpr (std::is_same_v<Q, Summarise>) c.result = store_done::Summarised{q.from, q.to, {}};
            else if constexpr (std::is_same_v<Q, History>) c.result = store_done::HistoryLoaded{};
            else if constexpr (std::is_same_v<Q, SyncRoster> || std::is_same_v<Q, ReloadRoster>) c.result = store_done::RosterSynced{};
            else if constexpr (std::is_same_v<Q, Backup>) c.result = store_done::BackedUp{{}, q.dir};
            else if constexpr (std::is_same_v<Q, Purge>) c.result = store_done::Purged{};
            else if constexpr (std::is_same_v<Q, Check>) c.result = store_done::Checked{q.today};
            else if constexpr (std::is_same_v<Q, CountAnswer>) c.result = store_done::AnswerCounted{};
            else {
                static_assert(std::is_same_v<Q, SetMeta>, "every request is refused alike");
                c.result = store_done::MetaSet{q.key, q.value};
            }
        },
        r.what);
    return c;
}

void StoreWorker::post(StoreCompletion c, bool fromQueue) {
    {
        std::lock_guard lock(mutex_);
        done_.push_back(std::move(c));
        if (fromQueue) --inFlight_;
    }
    if (wake_) wake_();
}

void StoreWorker::delivered(int64_t seq) {
    if (seq > highWater_) delivered_.insert(seq);
    while (!delivered_.empty() && *delivered_.begin() <= highWater_ + 1) {
        highWater_ = std::max(highWater_, *delivered_.begin());
        delivered_.erase(delivered_.begin());
    }
}

std::vector<AttendanceEvent> StoreWorker::unseen(std::vector<AttendanceEvent> events) {
    std::vector<AttendanceEvent> fresh;
    for (auto& e : events) {
        if (e.seq <= highWater_ || delivered_.count(e.seq)) continue;
        delivered(e.seq);
        fresh.push_back(std::move(e));
    }
    return fresh;
}

void StoreWorker::poll() {
    bool changed = false;
    if (!db_->changedElsewhere(changed).ok() || (!changed && !missedChange_)) return;
    std::vector<AttendanceEvent> events;
    if (!db_->loadEventsAfter(highWater_, events).ok()) {
        missedChange_ = true;  // read again at the next poll
        return;
    }
    missedChange_ = false;
    // Everything above the mark is read: the mark moves past the last one, gaps and all.
    const int64_t last = events.empty() ? highWater_ : events.back().seq;
    std::vector<AttendanceEvent> fresh = unseen(std::move(events));
    highWater_ = std::max(highWater_, last);
    delivered_.erase(delivered_.begin(), delivered_.upper_bound(highWater_));
    if (fresh.empty()) return;  // nothing new for the UI: no completion, no wake, no frame
    StoreCompletion c;
    c.result = store_done::Arrived{std::move(fresh)};
    post(std::move(c), false);
}

StoreCompletion StoreWorker::perform(Request& r) {
    StoreCompletion c;
    c.ticket = r.ticket;
    if (!refusing_.ok()) return refused(r);
    std::visit(
        [&](auto& q) {
            using Q = std::decay_t<decltype(q)>;
            if constexpr (std::is_same_v<Q, Append>) {
                c.status = db_->appendEvent(q.event, &q.event.seq);
                if (c.status.ok() && following_) delivered(q.event.seq);
                c.result = store_done::Appended{std::move(q.event)};
            } else if constexpr (std::is_same_v<Q, Decide>) {
                store_done::Decided done;
                c.status = db_->decideAndAppend(q.write, done.outcome);
                if (c.status.ok()) {
                    done.unseen = following_ ? unseen(std::move(done.outcome.read)) : std::move(done.outcome.read);
                    if (done.outcome.written && following_) delivered(done.outcome.event.seq);
                }
                done.outcome.read.clear();
                c.result = std::move(done);
            } else if constexpr (std::is_same_v<Q, Follow>) {
                // Where the UI's ledger stands; what came since (between loading it and now) at once.
                following_ = true;
                highWater_ = q.seenUpTo;
                delivered_.clear();
                bool changed = false;
                c.status = db_->changedElsewhere(changed);  // the baseline for the polls
                std::vector<AttendanceEvent> events;
                if (c.status.ok()) c.status = db_->loadEventsAfter(highWater_, events);
                if (!c.status.ok()) missedChange_ = true;
                if (!events.empty()) highWater_ = events.back().seq;
                c.result = store_done::Arrived{std::move(events)};
            } else if constexpr (std::is_same_v<Q, LoadDay>) {
                store_done::DayLoaded done;
                done.day = q.day;
                c.status = db_->loadDay(q.day, q.cohorts, done.events);
                c.result = std::move(done);
            } else if constexpr (std::is_same_v<Q, Summarise>) {
                store_done::Summarised done;
                done.from = q.from;
                done.to = q.to;
                c.status = db_->summarise(q.from, q.to, done.summary);
                c.result = std::move(done);
            } else if constexpr (std::is_same_v<Q, History>) {
                store_done::HistoryLoaded done;
                c.status = db_->recentStaffChanges(q.limit, done.changes, done.walkIns);
                c.result = std::move(done);
            } else if constexpr (std::is_same_v<Q, SyncRoster>) {
                store_done::RosterSynced done;
                c.status = kiosk::syncConfigRoster(*db_, q.roster, q.csvContent, q.now, done.imported, done.import);
                if (done.imported) {
                    applyRestored(q.roster, done.import.codesRestored);  // the codes as stored ("7" as "0007")
                    done.roster = std::move(q.roster);
                }
                c.result = std::move(done);
            } else if constexpr (std::is_same_v<Q, ReloadRoster>) {
                store_done::RosterSynced done;
                std::vector<StoredParticipant> stored;
                c.status = db_->participants(stored);
                if (c.status.ok()) {
                    done.imported = true;
                    for (auto& sp : stored)
                        if (sp.active) done.roster.push_back(std::move(sp.participant));
                }
                c.result = std::move(done);
            } else if constexpr (std::is_same_v<Q, Check>) {
                c.status = db_->checkDeferred(q.today);  // marks the file suspect when it fails
                if (c.status.kind == StoreErrorKind::damaged || c.status.kind == StoreErrorKind::io) refusing_ = c.status;
                c.result = store_done::Checked{q.today};
            } else if constexpr (std::is_same_v<Q, Backup>) {
                const DailyBackupResult b = kiosk::dailyBackup(*db_, q.dir, q.today, q.keep);
                c.status = b.status;
                c.result = store_done::BackedUp{b.path, q.dir};
            } else if constexpr (std::is_same_v<Q, CountAnswer>) {
                c.status = db_->countAnswer(q.answer);
                c.result = store_done::AnswerCounted{};
            } else if constexpr (std::is_same_v<Q, Purge>) {
                store_done::Purged done;
                c.status = db_->purge(q.cutoff, done.events);
                c.result = done;
            } else {
                static_assert(std::is_same_v<Q, SetMeta>, "every request is performed");
                c.status = db_->setMeta(q.key, q.value);
                c.result = store_done::MetaSet{q.key, q.value};
            }
        },
        r.what);
    // A damaged page or an I/O error seen now: the next start checks the whole file (contract 4c).
    if (c.status.kind == StoreErrorKind::damaged || c.status.kind == StoreErrorKind::io) db_->distrustCheck();
    return c;
}

}  // namespace kiosk
