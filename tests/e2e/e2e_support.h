#pragma once

#include <string>

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

}  // namespace kiosk::test
