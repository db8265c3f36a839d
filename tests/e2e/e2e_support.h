#pragma once

#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "process.h"
#include "store_test_support.h"

namespace kiosk::test {

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

}  // namespace kiosk::test
