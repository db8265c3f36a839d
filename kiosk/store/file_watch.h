// file_watch.h: tells a waiting thread that some named files may have changed, so that nothing polls
// while nothing changes (issue 33). The store thread and the sync thread watch the database and
// its -wal (a commit by any process writes one of them); the window loop watches the config folder.
//
// DESIGN
//   1. One inotify instance per FileWatch, with one watch per distinct folder (not per file): a
//      folder watch also sees a file that does not exist yet being created (SQLite makes the -wal
//      at the first write after a clean close), one renamed over it (a backup restored by hand, an
//      editor's save) and one removed. Events for other names in the folder are read and ignored.
//      The database counts every write (SQLite keeps its files open); a config file counts once
//      written and closed, so that it is never read half-written.
//   2. fd() is readable when events are waiting: add it to poll() beside other descriptors, then
//      call drain(), which reads everything waiting without blocking and says whether any of it
//      concerned a watched file. A queue overflow (IN_Q_OVERFLOW) counts as a change.
//   3. A change here only means "look again": the reader then asks the file itself (PRAGMA
//      data_version, the config's stat signature), so a spurious wake costs one cheap check and a
//      missed event is impossible while active() holds. A write by the watching process itself is
//      seen too (its own commit wakes its own store thread once; data_version then says "no").
//   4. One look at the moment of the event can be too early: a commit's last write to the -wal
//      comes before its fsync and before the WAL index (in the -shm, written through memory, so
//      no event) makes it visible. LookAgain spaces further looks after each change (50 ms, then
//      doubling) for kSettleMs: a commit is seen however slow its fsync, up to that long, and a
//      change costs a handful of wakeups, idle costs none.
//   5. When inotify is not available (the kernel's limit of instances or watches reached, a
//      filesystem without it), active() is false and fd() is -1: the caller falls back to a slow
//      safety poll (kSafetyPollMs); nothing fails.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <string>
#include <vector>

namespace kiosk {

class FileWatch {
public:
    // = 60 s // how often a thread looks at its files when it cannot be told (4)
    static constexpr int kSafetyPollMs = 60'000;

    FileWatch() = default;
    // Watches `files` (they need not exist yet; their folders must). `enabled` false: never active
    // (tests of the safety poll). `whenClosed`: a file being written counts once it is closed (a
    // config file read half-written would be refused or, worse, half applied); otherwise every
    // write counts (SQLite keeps its files open).
    explicit FileWatch(const std::vector<std::filesystem::path>& files, bool enabled = true, bool whenClosed = false);
    ~FileWatch();
    FileWatch(FileWatch&& other) noexcept;
    FileWatch& operator=(FileWatch&& other) noexcept;
    FileWatch(const FileWatch&) = delete;
    FileWatch& operator=(const FileWatch&) = delete;

    bool active() const { return fd_ >= 0; }
    int fd() const { return fd_; }
    // Reads every waiting event without blocking; true when one concerned a watched file (2).
    bool drain();
    // Blocks up to `ms` (-1: no limit) until a watched file changed or `alsoFd` (when >= 0) became
    // readable; true when a watched file changed. Inactive: sleeps nothing and returns false.
    bool wait(int ms, int alsoFd = -1);
    // A watch for `db`'s files: the database itself and its -wal (1).
    static FileWatch forDatabase(const std::filesystem::path& db, bool enabled = true);

private:
    int fd_ = -1;
    struct Folder {
        int wd = -1;
        std::vector<std::string> names;  // the watched files in it
    };
    std::vector<Folder> folders_;
};

// A thread that sleeps on a FileWatch and calls `onChange` (e.g. the frame loop's wake) when a
// watched file changed: for a waiter that cannot poll() a descriptor itself (the window loop waits
// in glfwWaitEventsTimeout). changed() asks the same question at once from any thread and
// consumes the answer, so the caller never depends on when the thread ran.
class FileWatchThread {
public:
    FileWatchThread(FileWatch watch, std::function<void()> onChange);
    ~FileWatchThread();  // stops and joins
    FileWatchThread(const FileWatchThread&) = delete;
    FileWatchThread& operator=(const FileWatchThread&) = delete;

    bool active() const { return watch_.active(); }
    // True once per change of the watched files since the last call (whichever thread read it).
    bool changed();

private:
    std::mutex mutex_;
    FileWatch watch_;
    bool pending_ = false;  // under mutex_
    std::atomic<bool> stopping_{false};
    int stopFd_ = -1;
    std::thread thread_;
};

// When to look again after the files changed (4). Not thread-safe: one per waiting thread.
class LookAgain {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int kFirstMs = 50;       // = 50 ms // the first look after the one at the event
    static constexpr int kSettleMs = 3'000;   // = 3 s // looks continue this long after the last change

    void changed(Clock::time_point now) {  // an event: look now, then again
        last_ = now;
        gapMs_ = kFirstMs;
        next_ = now;
    }
    // The next look, if one is due (nothing pending: none).
    std::optional<Clock::time_point> due() const { return next_; }
    bool dueBy(Clock::time_point now) const { return next_ && now >= *next_; }
    void looked(Clock::time_point now) {
        if (now - last_ >= std::chrono::milliseconds(kSettleMs)) {
            next_.reset();
            return;
        }
        next_ = now + std::chrono::milliseconds(gapMs_);
        gapMs_ *= 2;
    }

private:
    Clock::time_point last_;
    std::optional<Clock::time_point> next_;
    int gapMs_ = kFirstMs;
};

}  // namespace kiosk
