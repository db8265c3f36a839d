// process.h: run the real binary and capture what a user would see.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kiosk::test {

struct RunResult {
    int exitCode = -1;
    std::string out, err;
};

// Runs argv[0] with the given arguments; `env` entries are set ("" value: unset) on top of ours.
RunResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
              const std::string& stdinText = {});

// Starts a process in the background; returns its pid.
int spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});
int stop(int pid);  // SIGTERM, then wait; returns the exit status

std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& content);

}  // namespace kiosk::test
