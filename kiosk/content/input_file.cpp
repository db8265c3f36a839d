#include "input_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

const char* kindKey(mode_t mode) {
    if (S_ISFIFO(mode)) return "file.kind.fifo";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "file.kind.device";
    if (S_ISDIR(mode)) return "file.kind.directory";
    if (S_ISSOCK(mode)) return "file.kind.socket";
    return "file.kind.other";
}

std::string sizeWords(size_t bytes) {
    if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MiB";
    return std::to_string(bytes / 1024) + " KiB";
}

InputFile fault(InputFault f, std::string message) { return {std::nullopt, f, std::move(message)}; }

}  // namespace

InputFile readInputFile(const std::filesystem::path& path, size_t limit, const Texts& texts) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return fault(InputFault::missing, texts("problem.config.missing_file"));
        return fault(InputFault::unreadable, texts("problem.config.unreadable") + " (" + std::strerror(errno) + ")");
    }
    auto notRegular = [&](mode_t mode) {
        return fault(InputFault::not_regular, texts.format("problem.file.not_regular", {{"kind", texts(kindKey(mode))}}));
    };
    auto tooLarge = [&] { return fault(InputFault::too_large, texts.format("problem.file.too_large", {{"max", sizeWords(limit)}})); };
    if (!S_ISREG(st.st_mode)) return notRegular(st.st_mode);
    if (static_cast<unsigned long long>(st.st_size) > limit) return tooLarge();

    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return fault(InputFault::unreadable, texts("problem.config.unreadable") + " (" + std::strerror(errno) + ")");
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const mode_t mode = st.st_mode;
        ::close(fd);
        return notRegular(mode);
    }
    // Room for the size the file has now and one byte more, to see whether it grew while read;
    // more only as it comes, never past limit + 1 (not limit + 1 up front: that is 8 MiB zeroed
    // for the four config files at every start and every look at the config, issue 33).
    std::string content;
    content.resize(std::min(static_cast<size_t>(st.st_size), limit) + 1);
    size_t got = 0;
    while (got < limit + 1) {
        if (got == content.size()) content.resize(std::min(content.size() * 2, limit + 1));
        const ssize_t n = ::read(fd, content.data() + got, content.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string err = std::strerror(errno);
            ::close(fd);
            return fault(InputFault::unreadable, texts("problem.config.unreadable") + " (" + err + ")");
        }
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    if (got > limit) return tooLarge();  // it grew while we read
    content.resize(got);
    return {std::move(content), InputFault::none, {}};
}

}  // namespace kiosk
