#include "store_worker.h"

#include "backup_rotation.h"
#include "roster_sync.h"

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

uint64_t StoreWorker::append(AttendanceEvent e) {
    Request r{};
    r.kind = StoreRequestKind::append_event;
    r.event = std::move(e);
    return enqueue(std::move(r));
}

uint64_t StoreWorker::syncConfigRoster(std::vector<Participant> roster, std::string csvContent, Instant now) {
    Request r{};
    r.kind = StoreRequestKind::import_roster;
    r.roster = std::move(roster);
    r.path = std::move(csvContent);
    r.now = now;
    return enqueue(std::move(r));
}

uint64_t StoreWorker::dailyBackup(std::string dir, LocalDate today, int keep) {
    Request r{};
    r.kind = StoreRequestKind::backup;
    r.path = std::move(dir);
    r.cutoff = today;
    r.keep = keep;
    return enqueue(std::move(r));
}

uint64_t StoreWorker::purge(LocalDate cutoff) {
    Request r{};
    r.kind = StoreRequestKind::purge;
    r.cutoff = cutoff;
    return enqueue(std::move(r));
}

uint64_t StoreWorker::setMeta(std::string key, std::string value) {
    Request r{};
    r.kind = StoreRequestKind::set_meta;
    r.path = std::move(key);
    r.value = std::move(value);
    return enqueue(std::move(r));
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
        StoreCompletion c;
        c.ticket = r.ticket;
        c.kind = r.kind;
        switch (r.kind) {
            case StoreRequestKind::append_event:
                c.status = db_->appendEvent(r.event);
                c.event = std::move(r.event);
                break;
            case StoreRequestKind::import_roster:
                c.status = kiosk::syncConfigRoster(*db_, r.roster, r.path, r.now, c.imported, c.import);
                if (c.imported) c.roster = std::move(r.roster);
                break;
            case StoreRequestKind::backup:
                {
                    const DailyBackupResult b = kiosk::dailyBackup(*db_, r.path, r.cutoff, r.keep);
                    c.status = b.status;
                    c.path = b.path;
                }
                break;
            case StoreRequestKind::purge:
                c.status = db_->purge(r.cutoff, c.purged);
                break;
            case StoreRequestKind::set_meta:
                c.status = db_->setMeta(r.path, r.value);
                c.path = r.path;
                c.value = r.value;
                break;
        }
        {
            std::lock_guard lock(mutex_);
            done_.push_back(std::move(c));
            --inFlight_;
        }
        if (wake_) wake_();
    }
}

}  // namespace kiosk
