// config_copy.h: the bundled sample config (config/) in a temporary folder of its own, for a UI
// test that edits it: a setting changed, rows added to the roster, or a roster from tests/cases.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "store_test_support.h"

namespace kiosk::test {

struct ConfigCopy {
    TempDir dir;
    ConfigCopy() {
        for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"})
            std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / "config" / f, dir / f);
    }
    std::string path() const { return dir.path().string(); }
    // Replaces the first `from` in `file` by `to` (which must be there), with a later modification
    // time even on file systems with coarse timestamps, so that a watcher sees the change.
    void edit(const char* file, const std::string& from, const std::string& to) {
        std::string s;
        {
            std::ifstream in(dir / file, std::ios::binary);
            s.assign(std::istreambuf_iterator<char>(in), {});
        }
        REQUIRE(s.find(from) != std::string::npos);
        s.replace(s.find(from), from.size(), to);
        std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << s;
        std::filesystem::last_write_time(dir / file, std::filesystem::last_write_time(dir / file) + std::chrono::seconds(2));
    }
    void appendRoster(const std::string& rows) { std::ofstream(dir / "participants.csv", std::ios::app) << rows; }
    // The roster replaced by one of the small inputs in tests/cases/.
    void useRoster(const char* caseFile) {
        std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/cases" / caseFile, dir / "participants.csv",
                                   std::filesystem::copy_options::overwrite_existing);
    }
};

}  // namespace kiosk::test
