// store_lock.h: which process may move the database file.
//
// Every writable AttendanceDb (the kiosk, and command-line commands that write) holds a shared
// flock(2) on "<database>.lock" beside the database for as long as it is open. Moving the
// database (quarantine, setting a foreign WAL aside, restore) needs the lock exclusively, taken
// without waiting: if any other process has the database open, the move is refused and nothing
// changes. Read-only opens take no lock (they may run on a read-only folder) and never move
// anything. flock belongs to the open file, not the process, and is released by the kernel when
// the process dies, so a crashed kiosk never leaves a stale lock.
#pragma once

#include <filesystem>
#include <string>

namespace kiosk {

class StoreLock {
public:
    StoreLock() = default;
    ~StoreLock() { release(); }
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;

    static std::filesystem::path lockPathFor(const std::filesystem::path& database);

    // Opens (creating) the lock file and takes it shared, waiting up to a few seconds for an
    // exclusive holder. "" on success, else the OS's words.
    std::string acquireShared(const std::filesystem::path& database);
    // Shared -> exclusive without waiting: true when no other process holds the database.
    bool tryExclusive();
    // Exclusive -> shared again.
    void downgrade();
    void release();
    bool held() const { return fd_ >= 0; }

private:
    int fd_ = -1;
};

}  // namespace kiosk
