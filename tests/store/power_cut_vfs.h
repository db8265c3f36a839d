// power_cut_vfs.h: a power cut in SQLite's manner (its test6.c crash tests), for the store tests.
//
// CONTRACT
//   A VFS shim over the default one. Every write and truncate passes straight through to the real
//   file, so SQLite runs as usual; beside that, each file's content as of its last xSync is kept
//   in memory, and what came after is kept as a list of pending writes.
//   cutPower() makes a copy of the files in a folder as a disk would hold them after the power
//   went: the synced content, plus (by the chosen loss) none of the pending writes, or each one
//   lost, kept whole or torn after a random number of 512-byte sectors. The -shm is not copied
//   (it is rebuilt from the WAL when the copy is opened, as after a reboot).
//   The shim registers itself as the default VFS while it lives, so code that opens SQLite with
//   no VFS name (the store) goes through it; a crash can also be armed for the Nth write, so that
//   the power goes in the middle of a commit.
//   Not thread-safe: for tests that drive AttendanceDb on one thread.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace kiosk::test {

class PowerCutVfs {
public:
    enum class Loss {
        all_pending,  // every write since the file's last sync is lost
        random,       // each pending write is lost, kept, or torn (kept up to a random sector)
    };

    explicit PowerCutVfs(unsigned seed = 1);
    ~PowerCutVfs();
    PowerCutVfs(const PowerCutVfs&) = delete;
    PowerCutVfs& operator=(const PowerCutVfs&) = delete;

    // Copies every recorded file (but the -shm) into `folder` as the disk holds it after a power cut.
    void cutPower(const std::filesystem::path& folder, Loss loss);
    // Cuts the power (into `folder`) just before the `n`th write from now reaches the disk.
    void armCrashAtWrite(long n, std::filesystem::path folder, Loss loss);
    bool crashed() const { return crashed_; }
    long writes() const { return writes_; }
    long syncs() const { return syncs_; }

    struct File;  // the shim's sqlite3_file, with the default VFS's file behind it

private:
    struct Pending {
        bool truncate = false;
        sqlite3_int64 offset = 0;  // a write's offset, or a truncate's new size
        std::string bytes;
    };
    struct Record {
        std::string synced;            // the file as of its last xSync
        std::vector<Pending> pending;  // since then, in order
        bool gone = false;             // deleted (a WAL after its last checkpoint)
    };
    static int xOpen(sqlite3_vfs*, sqlite3_filename, sqlite3_file*, int, int*);
    static int xDelete(sqlite3_vfs*, const char*, int);
    static int xWrite(sqlite3_file*, const void*, int, sqlite3_int64);
    static int xTruncate(sqlite3_file*, sqlite3_int64);
    static int xSync(sqlite3_file*, int);
    static void apply(std::string& image, const Pending& p, size_t keepBytes);

    sqlite3_vfs vfs_{};
    sqlite3_vfs* real_ = nullptr;
    std::map<std::string, Record> files_;  // by full path
    std::mt19937 rng_;
    long writes_ = 0;
    long syncs_ = 0;
    long crashAt_ = -1;
    std::filesystem::path crashFolder_;
    Loss crashLoss_ = Loss::all_pending;
    bool crashed_ = false;
};

}  // namespace kiosk::test
