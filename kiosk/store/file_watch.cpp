#include "file_watch.h"

#include <poll.h>
#include <pthread.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace kiosk {
namespace {

// What a folder watch reports about its files (1): written, created, renamed in or out, removed,
// and the folder itself going away (then the watch ends, and the change is reported).
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB |
                           IN_DELETE_SELF | IN_MOVE_SELF;

}  // namespace

FileWatch::FileWatch(const std::vector<std::filesystem::path>& files, bool enabled, bool whenClosed) {
    if (!enabled) return;
    // When closed: not at IN_CREATE either (an empty file, its content still to come).
    const uint32_t mask = whenClosed ? kMask & ~static_cast<uint32_t>(IN_CREATE) : kMask | IN_MODIFY;
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) return;
    for (const auto& file : files) {
        std::filesystem::path dir = file.parent_path();
        if (dir.empty()) dir = ".";
        const int wd = ::inotify_add_watch(fd_, dir.c_str(), mask);
        if (wd < 0) {  // (4): no watch, no promise; the caller polls slowly instead
            ::close(fd_);
            fd_ = -1;
            folders_.clear();
            return;
        }
        auto it = std::find_if(folders_.begin(), folders_.end(), [&](const Folder& f) { return f.wd == wd; });
        if (it == folders_.end()) it = folders_.insert(folders_.end(), Folder{wd, {}});
        it->names.push_back(file.filename().string());
    }
}

FileWatch FileWatch::forDatabase(const std::filesystem::path& db, bool enabled) {
    return FileWatch({db, std::filesystem::path(db.string() + "-wal")}, enabled);
}

FileWatch::~FileWatch() {
    if (fd_ >= 0) ::close(fd_);
}

FileWatch::FileWatch(FileWatch&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), folders_(std::move(other.folders_)) {}

FileWatch& FileWatch::operator=(FileWatch&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
        folders_ = std::move(other.folders_);
    }
    return *this;
}

bool FileWatch::drain() {
    if (fd_ < 0) return false;
    bool changed = false;
    alignas(inotify_event) char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EAGAIN: nothing more waiting
        for (ssize_t at = 0; at + static_cast<ssize_t>(sizeof(inotify_event)) <= n;) {
            inotify_event ev;
            std::memcpy(&ev, buf + at, sizeof ev);
            const char* name = buf + at + static_cast<ssize_t>(sizeof(inotify_event));
            at += static_cast<ssize_t>(sizeof(inotify_event) + ev.len);
            if (ev.mask & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                changed = true;  // events lost, or the folder itself went: look again (2)
                continue;
            }
            if (ev.len == 0) continue;
            for (const Folder& f : folders_)
                if (f.wd == ev.wd && std::find(f.names.begin(), f.names.end(), std::string(name)) != f.names.end())
                    changed = true;
        }
    }
    return changed;
}

bool FileWatch::wait(int ms, int alsoFd) {
    if (fd_ < 0) return false;
    pollfd fds[2] = {{fd_, POLLIN, 0}, {alsoFd, POLLIN, 0}};
    const int n = ::poll(fds, alsoFd >= 0 ? 2 : 1, ms);
    return n > 0 && (fds[0].revents & POLLIN) && drain();
}

FileWatchThread::FileWatchThread(FileWatch watch, std::function<void()> onChange)
    : watch_(std::move(watch)), stopFd_(::eventfd(0, EFD_CLOEXEC)) {
    if (!watch_.active() || stopFd_ < 0) return;
    thread_ = std::thread([this, onChange = std::move(onChange)] {
        ::pthread_setname_np(::pthread_self(), "kiosk-watch");
        for (;;) {
            pollfd fds[2] = {{watch_.fd(), POLLIN, 0}, {stopFd_, POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0 && errno != EINTR) return;
            if (stopping_) return;
            bool tell = false;
            {
                std::lock_guard lock(mutex_);
                if (watch_.drain()) tell = pending_ = true;
            }
            if (tell && onChange) onChange();
        }
    });
}

FileWatchThread::~FileWatchThread() {
    if (thread_.joinable()) {
        stopping_ = true;
        const uint64_t one = 1;
        if (::write(stopFd_, &one, sizeof one) < 0) {
        }
        thread_.join();
    }
    if (stopFd_ >= 0) ::close(stopFd_);
}

bool FileWatchThread::changed() {
    std::lock_guard lock(mutex_);
    if (watch_.drain()) pending_ = true;
    return std::exchange(pending_, false);
}

}  // namespace kiosk
