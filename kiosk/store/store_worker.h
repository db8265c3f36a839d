// store_worker.h: the store thread. The UI never waits on the disk.
//
// Screens submit writes (an event, a roster import, a backup) and get a ticket back at once. The
// worker owns the AttendanceDb, performs each request in order on its own thread (each append is
// one durable commit), and posts a completion: success with the stored event, or a typed error.
// The UI drains completions once per frame and only then says "ingecheckt"; `wake` (for example
// glfwPostEmptyEvent) makes the frame loop look at them promptly.
//
// START (issue 33: the door at once on every start; attendance_db.h, contract 4c)
//   1. The kiosk opens its database with the daily full check deferred, reads what the first
//      frame needs (the roster, today), starts this thread and queues checkDeferred() first, then
//      retention and the day's backup. The window opens and draws meanwhile: the first frame
//      never waits for the check or the backup.
//   2. Requests run in order, so a tap made during the check is written after it and confirmed
//      when it is done (the screen says "bezig" meanwhile, never "ingecheckt" before the commit).
//      When the check finds damage (or cannot read the file), every request after it, the tap's
//      write and the backup included, completes with that status and touches nothing: the kiosk
//      shows the out-of-order screen and ends, and the next start checks the file (now marked
//      suspect) before its first frame and quarantines it (attendance_db.h, 4).
//
// OTHER WRITERS (attendance_db.h, 8)
//   A tap's check-in, check-out or undo goes as decide(): the store decides again inside its write
//   transaction, and the completion (Decided) says what was written, or what is true now, with the
//   events of that person the kiosk had not seen.
//   Once follow(seenUpTo) is called, the thread, when the database's files change (WAITING), asks
//   whether another connection committed (PRAGMA data_version). Only when one did, it reads the
//   events above the high-water mark and posts them as one completion (Arrived, ticket 0), then
//   wakes the UI. When nothing changed it posts nothing and wakes nobody: an idle kiosk draws no
//   frame for it.
//   HIGH-WATER MARK: every event with seq <= highWater_ has been handed to the UI (loaded at start,
//   or in a completion); delivered_ holds those above it handed over already (the kiosk's own
//   writes, the events a Decided carried). No event is handed over twice, and the ledger also
//   ignores an id it has (core/attendance.h).
//
// WAITING (issue 33: an idle kiosk's store thread does not wake while nothing changes)
//   1. Idle, the thread sleeps in poll() on an eventfd (a request was queued, or the destructor)
//      and the FileWatch of the database and its -wal (file_watch.h): every commit, by any process,
//      writes one of them. A change then costs a few PRAGMA data_version, at once and spaced
//      over the next seconds (LookAgain, file_watch.h, 4: a commit becomes visible after its
//      last write), each a look for what other connections committed (OTHER WRITERS).
//   2. enqueue() writes the eventfd after queueing; it stays readable until the thread reads it,
//      so a request queued while the thread was about to wait is never missed.
//   3. Timers only while they have a purpose: the checkpoint kCheckpointAfterIdleMs after the
//      last request (attendance_db.h, 6); a change that could not be read (the file locked) read
//      again after kRetryMs; and, only where inotify is not available, the safety poll every
//      StoreWatching::safetyPollMs (a minute). With nothing written and nothing changing, the
//      thread wakes never.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <variant>
#include <vector>

#include "attendance_db.h"
#include "file_watch.h"

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
struct Decided {
    GuardedOutcome outcome;               // written (outcome.event, seq set), or what is true now
    std::vector<AttendanceEvent> unseen;  // that person's events the kiosk had not been handed yet
};
struct Arrived {
    std::vector<AttendanceEvent> events;  // committed by other connections, store order
};
struct DayLoaded {
    LocalDate day;
    std::vector<AttendanceEvent> events;  // AttendanceDb::loadDay: what the kiosk holds of that day
};
struct HistoryLoaded {
    std::vector<AttendanceEvent> changes;  // corrections and guest reviews, newest first
    std::vector<AttendanceEvent> walkIns;  // the walk-ins the reviews name
};
struct Checked {
    LocalDate day;  // the check counts for this day (status: Ok, or damaged / io: START, 2)
};
struct AnswerCounted {};  // the day's question: one answer counted (no code, no time: core/day_feedback.h)
struct Summarised {
    LocalDate from, to;
    AttendanceSummary summary;  // the days from..to folded (the matrix), one person's day at a time
};
}  // namespace store_done

struct StoreCompletion {
    uint64_t ticket = 0;
    StoreStatus status;
    std::variant<store_done::Appended, store_done::RosterSynced, store_done::BackedUp, store_done::Purged,
                 store_done::MetaSet, store_done::Decided, store_done::Arrived, store_done::DayLoaded,
                 store_done::Summarised, store_done::HistoryLoaded, store_done::Checked,
                 store_done::AnswerCounted>
        result;
    // The event written (an append, or a decided write that was written; the tests and the kiosk
    // read it often).
    const AttendanceEvent* event() const {
        if (const auto* a = std::get_if<store_done::Appended>(&result)) return &a->event;
        const auto* d = std::get_if<store_done::Decided>(&result);
        return d && d->outcome.written ? &d->outcome.event : nullptr;
    }
};

// How the idle store thread learns of other writers (WAITING).
struct StoreWatching {
    bool inotify = true;                            // false: never told, only the safety poll (tests)
    int safetyPollMs = FileWatch::kSafetyPollMs;    // = 60 s // without inotify: data_version this often
};

class StoreWorker {
public:
    // Takes over an open database. `wake` is called from the store thread after each completion.
    StoreWorker(std::unique_ptr<AttendanceDb> db, std::function<void()> wake, StoreWatching watching = {});
    ~StoreWorker();  // finishes every queued request, then stops
    StoreWorker(const StoreWorker&) = delete;
    StoreWorker& operator=(const StoreWorker&) = delete;

    uint64_t append(AttendanceEvent e);
    // A tap's check-in, check-out or undo: decided again and written as one (attendance_db.h, 8).
    uint64_t decide(GuardedWrite w);
    // From now on, fold in what other connections commit: `seenUpTo` is the highest seq the UI
    // has (loaded at start). Reads at once what came after it, then looks again when the files change.
    uint64_t follow(int64_t seenUpTo);
    // The config's participants.csv changed: import it (roster_sync.h).
    uint64_t syncConfigRoster(std::vector<Participant> roster, std::string csvContent, Instant now);
    // Another connection changed the roster (the sync thread applied a release, central_roster.h):
    // read the active participants again; posted as RosterSynced with imported = true, as an import.
    uint64_t reloadRoster();
    // The full check open() left to this thread (START): queue it first, before anything else.
    uint64_t checkDeferred(LocalDate today);
    // One backup a day into `dir`, keeping the newest `keep` (backup_rotation.h).
    uint64_t dailyBackup(std::string dir, LocalDate today, int keep);
    uint64_t purge(LocalDate cutoff);
    uint64_t setMeta(std::string key, std::string value);
    // A day the kiosk holds from now on (core/attendance.h, WHAT THE KIOSK HOLDS): its events, of
    // these cohorts (all when unset). Read on this thread; the UI says "laden…" meanwhile.
    uint64_t loadDay(LocalDate day, std::optional<std::vector<std::string>> cohorts);
    // The days from..to folded for the matrix (AttendanceDb::summarise), never held as events.
    uint64_t summarise(LocalDate from, LocalDate to);
    // The newest staff changes (AttendanceDb::recentStaffChanges): the History page, when it opens.
    uint64_t staffHistory(size_t limit);

    // The day's question answered on the goodbye card: counted (AttendanceDb::countAnswer).
    uint64_t countAnswer(FeedbackCount answer);

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
    struct Decide {
        GuardedWrite write;
    };
    struct Follow {
        int64_t seenUpTo = 0;
    };
    struct LoadDay {
        LocalDate day;
        std::optional<std::vector<std::string>> cohorts;
    };
    struct Summarise {
        LocalDate from, to;
    };
    struct History {
        size_t limit = 0;
    };
    struct ReloadRoster {};
    struct CountAnswer {
        FeedbackCount answer;
    };
    struct Check {
        LocalDate today;
    };
    struct Request {
        uint64_t ticket = 0;
        std::variant<Append, SyncRoster, Backup, Purge, SetMeta, Decide, Follow, LoadDay, Summarise, History, ReloadRoster, Check,
                     CountAnswer>
            what;
    };
    StoreCompletion perform(Request& r);
    StoreCompletion refused(Request& r);
    uint64_t enqueue(Request r);
    void run();
    void nudge();  // wakes the thread (the eventfd)
    // Sleeps until a request, a change of the files (true), or `until`.
    bool waitIdle(std::optional<std::chrono::steady_clock::time_point> until);
    void post(StoreCompletion c, bool fromQueue);
    // Store thread only: the high-water mark (see OTHER WRITERS).
    void delivered(int64_t seq);
    std::vector<AttendanceEvent> unseen(std::vector<AttendanceEvent> events);
    void poll();  // another connection committed? then post what is new

    std::unique_ptr<AttendanceDb> db_;
    std::function<void()> wake_;
    StoreWatching watching_;
    FileWatch watch_;
    LookAgain again_;  // store thread only: looks after a change of the files (file_watch.h, 4)
    int wakeFd_ = -1;  // eventfd: a request was queued, or stop (WAITING, 2)
    mutable std::mutex mutex_;
    std::deque<Request> queue_;
    std::vector<StoreCompletion> done_;
    uint64_t nextTicket_ = 1;
    size_t inFlight_ = 0;
    bool stopping_ = false;
    bool dirty_ = false;  // written since the last checkpoint (store thread only)
    bool following_ = false;      // store thread only: follow() was asked
    bool missedChange_ = false;   // a change was seen but could not be read: read again after kRetryMs
    int64_t highWater_ = 0;       // store thread only (see OTHER WRITERS)
    StoreStatus refusing_;        // store thread only: not ok once the check found damage (START, 2)
    std::set<int64_t> delivered_;  // seqs above highWater_ already handed over
    static constexpr int kCheckpointAfterIdleMs = 1000;
    static constexpr int kRetryMs = 1000;  // = 1 s // a change that could not be read is read again
    std::thread thread_;
};

}  // namespace kiosk
