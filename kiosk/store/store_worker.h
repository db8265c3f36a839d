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
#include <vector>

#include "attendance_db.h"

namespace kiosk {

enum class StoreRequestKind { append_event, import_roster, backup, purge, set_meta };

struct StoreCompletion {
    uint64_t ticket = 0;
    StoreRequestKind kind = StoreRequestKind::append_event;
    StoreStatus status;
    AttendanceEvent event;        // append_event: the event as stored
    RosterImportResult import;    // import_roster
    bool imported = false;        // import_roster: the file had changed and was imported
    std::vector<Participant> roster;  // import_roster: the rows imported
    int purged = 0;               // purge
    std::string path;             // backup made (or found) for today; set_meta: the key
    std::string value;            // set_meta
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
    struct Request {
        uint64_t ticket;
        StoreRequestKind kind;
        AttendanceEvent event;
        std::vector<Participant> roster;
        Instant now;
        std::string path;
        LocalDate cutoff;
        int keep = 0;
        std::string value;
    };
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
