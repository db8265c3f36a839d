// store_worker.h: the store thread. The UI never waits on the disk.
//
// Screens submit writes (an event, a roster import, a backup) and get a ticket back at once. The
// worker owns the AttendanceDb, performs each request in order on its own thread (each append is
// one durable commit), and posts a completion: success with the stored event, or a typed error.
// The UI drains completions once per frame and only then says "ingecheckt"; `wake` (for example
// glfwPostEmptyEvent) makes the frame loop look at them promptly.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

#include "attendance_db.h"

namespace kiosk {

// What the store thread did, one struct per kind of request (the compiler checks every case).
namespace store_done {
struct Appended {
    AttendanceEvent event;  // the event as stored
};
struct RosterSynced {
    bool imported = false;             // the file had changed and was imported
    RosterImportResult import;
    std::vector<Participant> roster;   // the rows imported (only when imported)
};
struct BackedUp {
    std::string path;  // the backup made (or found) for today
    std::string dir;   // where it was asked for
};
struct Purged {
    int events = 0;
};
struct MetaSet {
    std::string key, value;
};
}  // namespace store_done

struct StoreCompletion {
    uint64_t ticket = 0;
    StoreStatus status;
    std::variant<store_done::Appended, store_done::RosterSynced, store_done::BackedUp, store_done::Purged,
                 store_done::MetaSet>
        result;
    // The appended event (append only; the tests and the kiosk read it often).
    const AttendanceEvent* event() const {
        const auto* a = std::get_if<store_done::Appended>(&result);
        return a ? &a->event : nullptr;
    }
};

class StoreWorker {
public:
    // Takes over an open database. `wake` is called from the store thread after each completion.
    StoreWorker(std::unique_ptr<AttendanceDb> db, std::function<void()> wake);
    ~StoreWorker();  // finishes every queued request, then stops
    StoreWorker(const StoreWorker&) = delete;
    StoreWorker& operator=(const StoreWorker&) = delete;

    uint64_t append(AttendanceEvent e);
    // The config's participants.csv changed: import it (roster_sync.h).
    uint64_t syncConfigRoster(std::vector<Participant> roster, std::string csvContent, Instant now);
    // One backup a day into `dir`, keeping the newest `keep` (backup_rotation.h).
    uint64_t dailyBackup(std::string dir, LocalDate today, int keep);
    uint64_t purge(LocalDate cutoff);
    uint64_t setMeta(std::string key, std::string value);

    std::vector<StoreCompletion> takeCompletions();
    size_t pending() const;

private:
    // One struct per kind of request.
    struct Append {
        AttendanceEvent event;
    };
    struct SyncRoster {
        std::vector<Participant> roster;
        std::string csvContent;
        Instant now;
    };
    struct Backup {
        std::string dir;
        LocalDate today;
        int keep = 0;
    };
    struct Purge {
        LocalDate cutoff;
    };
    struct SetMeta {
        std::string key, value;
    };
    struct Request {
        uint64_t ticket = 0;
        std::variant<Append, SyncRoster, Backup, Purge, SetMeta> what;
    };
    StoreCompletion perform(Request& r);
    uint64_t enqueue(Request r);
    void run();

    std::unique_ptr<AttendanceDb> db_;
    std::function<void()> wake_;
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<Request> queue_;
    std::vector<StoreCompletion> done_;
    uint64_t nextTicket_ = 1;
    size_t inFlight_ = 0;
    bool stopping_ = false;
    bool dirty_ = false;  // written since the last checkpoint (store thread only)
    static constexpr int kCheckpointAfterIdleMs = 1000;
    std::thread thread_;
};

}  // namespace kiosk
