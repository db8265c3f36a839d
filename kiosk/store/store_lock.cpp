#include "store_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kiosk {

std::filesystem::path StoreLock::lockPathFor(const std::filesystem::path& database) { return database.string() + ".lock"; }

std::string StoreLock::acquireShared(const std::filesystem::path& database) {
    release();
    const std::string lockPath = lockPathFor(database).string();
    fd_ = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd_ < 0) return lockPath + ": " + std::strerror(errno);
    // An exclusive holder (a quarantine or a restore in progress) finishes in moments: wait a little.
    for (int i = 0; i < 100; ++i) {
        if (::flock(fd_, LOCK_SH | LOCK_NB) == 0) return {};
        if (errno != EWOULDBLOCK && errno != EINTR) break;
        ::usleep(50 * 1000);
    }
    const std::string err = lockPath + ": " + std::strerror(errno);
    release();
    return err;
}

bool StoreLock::tryExclusive() {
    if (fd_ < 0) return false;
    if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return true;
    // Linux drops the shared lock before trying the exclusive one (flock(2)): take it back.
    ::flock(fd_, LOCK_SH);
    return false;
}

void StoreLock::downgrade() {
    if (fd_ >= 0) ::flock(fd_, LOCK_SH);
}

void StoreLock::release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

}  // namespace kiosk
