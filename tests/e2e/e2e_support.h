#pragma once

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "process.h"
#include "store_test_support.h"

namespace kiosk::test {

// How many events a database file holds, opened read-only (the file is left as it was). A file that
// cannot be opened or read fails the test instead of counting as empty.
inline size_t eventsIn(const std::filesystem::path& file) {
    AttendanceDb db;
    REQUIRE(db.openReadOnly(file).ok());
    size_t n = 0;
    REQUIRE(db.loadEvents([&](const AttendanceEvent&) { ++n; }).ok());
    return n;
}

inline const std::string kBinary = KIOSK_BINARY;
inline const std::string kSource = KIOSK_SOURCE_DIR;

// The kiosk with a private database and data folder; config from `config` (default: the bundled sample).
inline RunResult runKiosk(const TempDir& dir, std::vector<std::string> args, const std::string& config = kSource + "/config",
                       std::map<std::string, std::string> env = {}, const std::string& stdinText = {}) {
    std::vector<std::string> argv{kBinary};
    argv.insert(argv.end(), args.begin(), args.end());
    if (!config.empty()) {
        argv.push_back("--config");
        argv.push_back(config);
    }
    argv.push_back("--db");
    argv.push_back((dir / "attendance.db").string());
    env.emplace("TZ", "Europe/Amsterdam");
    return run(argv, env, stdinText);
}

// The ms stamps (CLOCK_MONOTONIC, as the kiosk's --ui-dump writes them) of the frames in a dump.
inline std::vector<long long> frameTimes(const std::string& dump) {
    std::vector<long long> out;
    std::istringstream in(readFile(dump));
    std::string line;
    while (std::getline(in, line)) {
        const auto at = line.find("\"ms\": ");
        if (at != std::string::npos) out.push_back(std::stoll(line.substr(at + 6)));
    }
    return out;
}

// The same clock, now.
inline long long monotonicMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A config folder copied from the bundled sample, in `dir`/cfg.
inline std::filesystem::path sampleConfig(const TempDir& dir) {
    const std::filesystem::path cfg = dir / "cfg";
    std::filesystem::create_directories(cfg);
    for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"})
        std::filesystem::copy_file(std::filesystem::path(kSource) / "config" / f, cfg / f);
    return cfg;
}

// A FIFO named `stem`-pipe.`ext` in `dir`, and (as root) a character device (/dev/null's numbers)
// named `stem`-null.`ext`: targets that a writer of regular files must refuse and leave alone.
inline std::vector<std::filesystem::path> specialFiles(const TempDir& dir, const std::string& ext) {
    std::vector<std::filesystem::path> out{dir / ("pipe." + ext)};
    REQUIRE(::mkfifo(out[0].c_str(), 0600) == 0);
    const std::filesystem::path device = dir / ("null." + ext);
    if (::geteuid() == 0 && ::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) out.push_back(device);
    return out;
}

}  // namespace kiosk::test
