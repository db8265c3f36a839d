#include "store_worker.h"

#include "backup_rotation.h"
#include "roster_sync.h"

#include <type_traits>

namespace kiosk {

StoreWorker::StoreWorker(std::unique_ptr<AttendanceDb> db, std::function<void()> wake)
    : db_(std::move(db)), wake_(std::move(wake)), thread_([this] { run(); }) {}

StoreWorker::~StoreWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

uint64_t StoreWorker::enqueue(Request r) {
    uint64_t ticket;
    {
        std::lock_guard lock(mutex_);
        ticket = r.ticket = nextTicket_++;
        queue_.push_back(std::move(r));
        ++inFlight_;
    }
    cv_.notify_one();
    return ticket;
}

uint64_t StoreWorker::append(AttendanceEvent e) { return enqueue({0, Append{std::move(e)}}); }

uint64_t StoreWorker::syncConfigRoster(std::vector<Participant> roster, std::string csvContent, Instant now) {
    return enqueue({0, SyncRoster{std::move(roster), std::move(csvContent), now}});
}

uint64_t StoreWorker::dailyBackup(std::string dir, LocalDate today, int keep) {
    return enqueue({0, Backup{std::move(dir), today, keep}});
}

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
    for (;;) {
        Request r;
        {
            std::unique_lock lock(mutex_);
            // Idle for a moment after writing: checkpoint now, outside any commit (attendance_db.h, 6).
            if (dirty_ && !cv_.wait_for(lock, std::chrono::milliseconds(kCheckpointAfterIdleMs),
                                        [&] { return stopping_ || !queue_.empty(); })) {
                lock.unlock();
                db_->checkpoint();
                dirty_ = false;
                continue;
            }
            cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and everything queued is done
            r = std::move(queue_.front());
            queue_.pop_front();
        }
        dirty_ = true;
        StoreCompletion c = perform(r);
        {
            std::lock_guard lock(mutex_);
            done_.push_back(std::move(c));
            --inFlight_;
        }
        if (wake_) wake_();
    }
}

StoreCompletion StoreWorker::perform(Request& r) {
    StoreCompletion c;
    c.ticket = r.ticket;
    std::visit(
        [&](auto& q) {
            using Q = std::decay_t<decltype(q)>;
            if constexpr (std::is_same_v<Q, Append>) {
                c.status = db_->appendEvent(q.event);
                c.result = store_done::Appended{std::move(q.event)};
            } else if constexpr (std::is_same_v<Q, SyncRoster>) {
                store_done::RosterSynced done;
                c.status = kiosk::syncConfigRoster(*db_, q.roster, q.csvContent, q.now, done.imported, done.import);
                if (done.imported) {
                    applyRestored(q.roster, done.import.codesRestored);  // the codes as stored ("7" as "0007")
                    done.roster = std::move(q.roster);
                }
                c.result = std::move(done);
            } else if constexpr (std::is_same_v<Q, Backup>) {
                const DailyBackupResult b = kiosk::dailyBackup(*db_, q.dir, q.today, q.keep);
                c.status = b.status;
                c.result = store_done::BackedUp{b.path, q.dir};
            } else if constexpr (std::is_same_v<Q, Purge>) {
                store_done::Purged done;
                c.status = db_->purge(q.cutoff, done.events);
                c.result = done;
            } else {
                c.status = db_->setMeta(q.key, q.value);
                c.result = store_done::MetaSet{q.key, q.value};
            }
        },
        r.what);
    return c;
}

}  // namespace kiosk
