#include "atomic_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {

std::optional<std::string> readWholeFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return ss.str();
}

namespace {

std::filesystem::path folderOf(const std::filesystem::path& p) {
    return p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
}

std::string failed(const std::filesystem::path& target, const std::filesystem::path& partial, int fd) {
    const std::string err = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    ::unlink(partial.c_str());
    return target.string() + ": " + err;
}

const char* kindWords(mode_t m) {
    if (S_ISFIFO(m)) return "een pipe (FIFO) / a pipe (FIFO)";
    if (S_ISCHR(m) || S_ISBLK(m)) return "een apparaat / a device";
    if (S_ISDIR(m)) return "een map / a folder";
    if (S_ISSOCK(m)) return "een socket / a socket";
    return "geen gewoon bestand / not a regular file";
}

// Mode, owner and group of the file being replaced (contract rule 3), or the new-file mode and ours.
int createPartialFd(const std::filesystem::path& target, std::filesystem::path& partial, std::string& error,
                    const FileWriteOptions& options) {
    std::string templ = (folderOf(target) / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkostemp(templ.data(), O_CLOEXEC);
    if (fd < 0) {
        error = templ + ": " + std::strerror(errno);
        return -1;
    }
    partial = templ;
    struct stat st {};
    const bool replacing = ::stat(target.c_str(), &st) == 0;
    const mode_t mode = options.forceMode ? options.newMode
                        : replacing       ? (st.st_mode & 07777)
                                          : (options.newMode & ~currentUmask() & 07777);
    if (::fchmod(fd, mode) != 0) {
        // A FAT stick cannot store every mode (fchmod gives EPERM there): fine, as long as the file
        // is not more open than the one it replaces.
        struct stat now {};
        if (::fstat(fd, &now) != 0 || (replacing && (now.st_mode & 0777 & ~mode) != 0)) {
            error = failed(target, partial, fd);
            return -1;
        }
    }
    if (replacing && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(fd, st.st_uid, st.st_gid) != 0) {
        error = failed(target, partial, fd);
        return -1;
    }
    return fd;
}

std::string syncAndRename(int fd, const std::filesystem::path& partial, const std::filesystem::path& target) {
    if (::fsync(fd) != 0) return failed(target, partial, fd);
    if (::close(fd) != 0) return failed(target, partial, -1);
    if (::rename(partial.c_str(), target.c_str()) != 0) return failed(target, partial, -1);
    if (const int dfd = ::open(folderOf(target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        const int rc = ::fsync(dfd);
        const int err = errno;
        ::close(dfd);
        if (rc != 0 && err != EINVAL) return target.string() + ": " + std::strerror(err);
    }
    return {};
}

}  // namespace

mode_t currentUmask() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8) & 0777);
    return 022;
}

std::optional<std::filesystem::path> writableTarget(const std::filesystem::path& target, std::string& error,
                                                    const FileWriteOptions& options) {
    std::error_code ec;
    std::filesystem::path resolved = target;
    // Follow symlinks (contract rule 1); a dangling link names the file to create.
    for (int hops = 0; hops < 40; ++hops) {
        struct stat lst {};
        if (::lstat(resolved.c_str(), &lst) != 0) {
            if (errno == ENOENT) return resolved;
            error = target.string() + ": " + std::strerror(errno);
            return std::nullopt;
        }
        if (S_ISREG(lst.st_mode)) return resolved;
        if (S_ISLNK(lst.st_mode) && !options.followLinks) {
            error = target.string() + ": een symbolische koppeling; alleen een gewoon bestand wordt vervangen / "
                                      "a symbolic link; only a regular file is replaced";
            return std::nullopt;
        }
        if (!S_ISLNK(lst.st_mode)) {
            error = target.string() + ": " + kindWords(lst.st_mode) +
                    "; alleen een gewoon bestand wordt vervangen / only a regular file is replaced";
            return std::nullopt;
        }
        const std::filesystem::path link = std::filesystem::read_symlink(resolved, ec);
        if (ec) {
            error = target.string() + ": " + ec.message();
            return std::nullopt;
        }
        resolved = link.is_absolute() ? link : folderOf(resolved) / link;
    }
    error = target.string() + ": " + std::strerror(ELOOP);
    return std::nullopt;
}

std::optional<std::filesystem::path> createPartialFile(const std::filesystem::path& target, std::string& error,
                                                      const FileWriteOptions& options) {
    const auto real = writableTarget(target, error, options);
    if (!real) return std::nullopt;
    std::filesystem::path partial;
    const int fd = createPartialFd(*real, partial, error, options);
    if (fd < 0) return std::nullopt;
    ::close(fd);
    return partial;
}

std::string writeFileAtomically(const std::filesystem::path& target, std::string_view content,
                                const FileWriteOptions& options) {
    std::string error;
    const auto real = writableTarget(target, error, options);
    if (!real) return error;
    std::filesystem::path tmp;
    const int fd = createPartialFd(*real, tmp, error, options);
    if (fd < 0) return error;
    size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return failed(target, tmp, fd);
        }
        written += static_cast<size_t>(n);
    }
    return syncAndRename(fd, tmp, *real);
}

std::string commitFileAtomically(const std::filesystem::path& partial, const std::filesystem::path& target,
                                 const FileWriteOptions& options) {
    std::string error;
    const auto real = writableTarget(target, error, options);
    if (!real) {
        ::unlink(partial.c_str());
        return error;
    }
    const int fd = ::open(partial.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failed(target, partial, -1);
    return syncAndRename(fd, partial, *real);
}

namespace {
std::string writeAll(const std::filesystem::path& file, std::string_view content) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);  // the umask narrows it
    if (fd < 0) return file.string() + ": " + std::strerror(errno);
    size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string err = file.string() + ": " + std::strerror(errno);
            ::close(fd);
            return err;
        }
        written += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) return file.string() + ": " + std::strerror(errno);
    return {};
}
}  // namespace

std::string writeFolderAtomically(const std::filesystem::path& target,
                                  const std::vector<std::pair<std::string, std::string_view>>& files) {
    namespace fs = std::filesystem;
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const fs::path partial = dir / ("." + target.filename().string() + ".tmp");
    const fs::path old = dir / ("." + target.filename().string() + ".old");
    std::error_code ec;
    fs::remove_all(partial, ec);
    fs::create_directories(partial, ec);
    if (ec) return partial.string() + ": " + ec.message();
    auto fail = [&](std::string err) {
        fs::remove_all(partial, ec);
        return err;
    };
    for (const auto& [name, content] : files)
        if (std::string err = writeAll(partial / name, content); !err.empty()) return fail(err);
    const int pfd = ::open(partial.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (pfd < 0 || ::syncfs(pfd) != 0) {
        const std::string err = partial.string() + ": " + std::strerror(errno);
        if (pfd >= 0) ::close(pfd);
        return fail(err);
    }
    ::close(pfd);
    fs::remove_all(old, ec);
    const bool replacing = fs::exists(target);
    if (replacing && ::rename(target.c_str(), old.c_str()) != 0) return fail(target.string() + ": " + std::strerror(errno));
    if (::rename(partial.c_str(), target.c_str()) != 0) {
        const std::string err = target.string() + ": " + std::strerror(errno);
        if (replacing) ::rename(old.c_str(), target.c_str());
        return fail(err);
    }
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    fs::remove_all(old, ec);
    return {};
}

void closeDatabaseToOthers(const std::filesystem::path& database) {
    const int fd = ::open(database.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0640);
    if (fd >= 0) {
        ::close(fd);
        return;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const std::string f = database.string() + suffix;
        struct stat st {};
        if (::lstat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0007) != 0)
            (void)::chmod(f.c_str(), st.st_mode & 07770);
    }
}

}  // namespace kiosk
