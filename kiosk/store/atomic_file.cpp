#include "atomic_file.h"

#include <cerrno>
#include <fstream>
#include <sstream>
#include <cstring>
#include <fcntl.h>
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

std::filesystem::path partialPathFor(const std::filesystem::path& target) {
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    return dir / ("." + target.filename().string() + ".tmp");
}

namespace {

std::string failed(const std::filesystem::path& target, const std::filesystem::path& partial, int fd) {
    const std::string err = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    ::unlink(partial.c_str());
    return target.string() + ": " + err;
}

std::string syncAndRename(int fd, const std::filesystem::path& partial, const std::filesystem::path& target) {
    if (::fsync(fd) != 0) return failed(target, partial, fd);
    if (::close(fd) != 0) return failed(target, partial, -1);
    if (::rename(partial.c_str(), target.c_str()) != 0) return failed(target, partial, -1);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return {};
}

}  // namespace

std::string writeFileAtomically(const std::filesystem::path& target, std::string_view content) {
    const std::filesystem::path tmp = partialPathFor(target);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return tmp.string() + ": " + std::strerror(errno);
    size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return failed(target, tmp, fd);
        }
        written += static_cast<size_t>(n);
    }
    return syncAndRename(fd, tmp, target);
}

std::string commitFileAtomically(const std::filesystem::path& partial, const std::filesystem::path& target) {
    const int fd = ::open(partial.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failed(target, partial, -1);
    return syncAndRename(fd, partial, target);
}

namespace {
std::string writeAll(const std::filesystem::path& file, std::string_view content) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
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

}  // namespace kiosk
