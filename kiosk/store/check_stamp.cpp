#include "check_stamp.h"

#include <sys/stat.h>

#include <cstdio>
#include <sstream>
#include <string>

#include "atomic_file.h"

namespace kiosk {
namespace {

constexpr const char* kSuspect = "suspect\n";  // the stamp's content after markSuspect (never a day)

std::filesystem::path stampPath(const std::filesystem::path& db) { return db.string() + ".checked"; }

// "dev ino size mtime_sec mtime_nsec" of the file as it is now ("" when it cannot be read).
std::string fileStat(const std::filesystem::path& db) {
    struct stat st{};
    if (::stat(db.c_str(), &st) != 0) return {};
    std::ostringstream out;
    out << static_cast<unsigned long long>(st.st_dev) << ' ' << static_cast<unsigned long long>(st.st_ino) << ' '
        << static_cast<long long>(st.st_size) << ' ' << static_cast<long long>(st.st_mtim.tv_sec) << ' '
        << static_cast<long long>(st.st_mtim.tv_nsec);
    return out.str();
}

}  // namespace

bool soundSinceCheck(const std::filesystem::path& db, LocalDate today) {
    std::error_code ec;
    const auto wal = std::filesystem::file_size(db.string() + "-wal", ec);
    if (!ec && wal > 0) return false;  // frames to apply: a crash, or another process writing
    const auto stamp = readWholeFile(stampPath(db));
    const std::string now = fileStat(db);
    return stamp && !now.empty() && *stamp == today.iso() + ' ' + now + '\n';
}

void stampCheck(const std::filesystem::path& db, LocalDate checkedOn) {
    const std::string now = fileStat(db);
    if (now.empty()) return;
    writeFileAtomically(stampPath(db), checkedOn.iso() + ' ' + now + '\n');
}

void markSuspect(const std::filesystem::path& db) { writeFileAtomically(stampPath(db), std::string(kSuspect)); }

bool markedSuspect(const std::filesystem::path& db) {
    const auto stamp = readWholeFile(stampPath(db));
    return stamp && *stamp == kSuspect;
}

void forgetCheck(const std::filesystem::path& db) {
    std::error_code ec;
    std::filesystem::remove(stampPath(db), ec);
}

}  // namespace kiosk
