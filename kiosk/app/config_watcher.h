// config_watcher.h: the config folder, read at start and watched while the kiosk runs, and the
// one routine that opens the store with the roster in sync, shared by the kiosk and every
// command of the command line.
//
// Watching: a thread of the watcher sleeps on the folder's FileWatch (store/file_watch.h) and, when
// one of the four files is written, created, renamed or removed, marks the folder due and calls
// `wake` (the frame loop's); the loop then polls. Where inotify is not available, the folder is
// due every kPollMs instead. A poll compares a stat signature of each file (modification time and
// size: a file copied in with an older time, or removed, still changes it); only a changed
// signature reads and validates the folder. A folder that cannot be read is tried again kPollMs later.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <thread>
#include <optional>
#include <string>
#include <vector>

#include "content/config_loader.h"
#include "core/text_catalogue.h"
#include "store/attendance_db.h"
#include "store/file_watch.h"

namespace kiosk {

// The embedded default config folder.
ConfigFiles embeddedConfig();
// Texts from the embedded catalogues (nl and en), in `lang`.
Texts loadEmbeddedTexts(Lang lang);

// Reads `dir` (empty: the embedded config), and sets `texts` to kiosk.toml's language unless
// `langChosen`. Problems reading the files go to `problems`.
ConfigFiles readConfig(const std::filesystem::path& dir, Texts& texts, bool langChosen, Problems& problems);

// Opens the database at `dbPath` (quarantining a damaged file, said in `messages`) and imports
// the config's participants.csv when it changed since the last import. Returns the store's
// status; a roster that could not be imported is said in `messages` and `rosterFailed`. With
// CheckTiming::deferred, `checkDeferred` says whether the full check is left to the caller
// (attendance_db.h, contract 4c).
StoreStatus openStoreWithRoster(AttendanceDb& db, const std::filesystem::path& dbPath, const ConfigFiles& files,
                                const LoadedConfig& config, Instant now, const Texts& texts,
                                std::vector<std::string>& messages, bool& rosterFailed,
                                CheckTiming timing = CheckTiming::at_open, bool* checkDeferred = nullptr);

class ConfigWatcher {
public:
    static constexpr int64_t kPollMs = 2000;  // = 2 s // without inotify, and after a failed read

    // `wake` (any thread) is called when the folder changed; without it, or without inotify, the
    // folder is polled every kPollMs.
    ConfigWatcher(std::filesystem::path dir, bool watch, Instant now, std::function<void()> wake = {});
    ~ConfigWatcher();
    ConfigWatcher(const ConfigWatcher&) = delete;
    ConfigWatcher& operator=(const ConfigWatcher&) = delete;
    // Milliseconds until the folder should be looked at again (INT64_MAX: not watched).
    int64_t msUntilPoll(Instant now) const;
    // The folder's files when they changed since the last poll and could be read; else nothing.
    // A folder that changed but could not be read (a FIFO, a file too large) says why in
    // `problems` and is read again at the next poll.
    std::optional<ConfigFiles> poll(Instant now, Texts& texts, Problems& problems);

private:
    std::string stamp() const;
    bool told() const { return files_.active() && wakeThread_.joinable(); }  // woken by inotify

    std::filesystem::path dir_;
    bool watch_;
    std::string stamp_;
    Instant lastPoll_;
    FileWatch files_;
    std::atomic<bool> due_{false};       // the folder changed (set by the thread)
    bool retry_ = false;                 // the last read failed: read again kPollMs later
    std::atomic<bool> stopping_{false};
    int stopFd_ = -1;                    // eventfd: the destructor stops the thread
    std::thread wakeThread_;
};

}  // namespace kiosk
