// config_copy.h: the bundled sample config (config/) in a temporary folder of its own, for a UI
// test that edits it: a setting changed, rows added to the roster, or a roster from tests/cases.
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "store_test_support.h"

namespace kiosk::test {

inline constexpr const char* kStaffPin = "258046";  // the tests' staff PIN

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
    // The facilitator code set (the bundled sample ships none: check-config warns).
    ConfigCopy& withFacilitatorCode(const std::string& code) {
        edit("kiosk.toml", "facilitator_code = \"\"", "facilitator_code = \"" + code + "\"");
        return *this;
    }
    // kiosk.toml with a staff PIN set (or replaced), as `set-pin` leaves it. Argon2id takes a
    // while: the tests' own PIN is hashed once per test program.
    ConfigCopy& withStaffPin(const std::string& pin = kStaffPin) {
        static const std::string ours = hashPin(kStaffPin).value_or("");
        const std::string hash = pin == kStaffPin ? ours : hashPin(pin).value_or("");
        const auto toml = readWholeFile(dir / "kiosk.toml");
        REQUIRE(toml);
        REQUIRE_FALSE(hash.empty());
        REQUIRE(writeFileAtomically(dir / "kiosk.toml", withPinHash(*toml, hash)).empty());
        return *this;
    }
    void appendRoster(const std::string& rows) { std::ofstream(dir / "participants.csv", std::ios::app) << rows; }
    // A second cohort (issue 30), Lochem, whose day 1 falls on the sample's day 1 (2026-11-26) in
    // rooms of its own (an exercise of its own on that day), and three people of it on the roster.
    void addLochem() {
        std::ofstream(dir / "programme.toml", std::ios::app)
            << "\n[[cohort]]\nid = \"lochem-2027\"\nname = \"Gemeente Lochem, 2027\"\n"
               "\n[[day]]\nnumber = 1\ndate = 2026-11-26\ntheme = \"Vakmanschap in de raad\"\ncohort = \"lochem-2027\"\n"
               "\n[[day.agenda]]\nstart = \"09:30\"\nend = \"12:00\"\ntitle = \"Kennismaken met de raad\"\nroom = \"Bakkerij\"\n"
               "exercise = \"spiegelen\"\n"
               "\n[[day.agenda]]\nstart = \"12:00\"\nend = \"15:00\"\ntitle = \"Casus Lochem\"\nroom = \"Bakkerij\"\n"
               "\n[[day]]\nnumber = 2\ndate = 2026-12-03\ntheme = \"Tweede dag\"\ncohort = \"lochem-2027\"\n"
               "\n[[day.agenda]]\nstart = \"09:30\"\nend = \"15:00\"\ntitle = \"Hele dag\"\nroom = \"Bakkerij\"\n";
        appendRoster("LO01;Lotte;;Bakker;Burgerzaken;lochem-2027;\nLO02;Bram;;Smit;Financi\xC3\xABn;lochem-2027;\n"
                     "LO03;Anna;de;Vries;Griffie;lochem-2027;\n");
    }
    // The roster replaced by one of the small inputs in tests/cases/.
    void useRoster(const char* caseFile) {
        std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/cases" / caseFile, dir / "participants.csv",
                                   std::filesystem::copy_options::overwrite_existing);
    }
};

}  // namespace kiosk::test
