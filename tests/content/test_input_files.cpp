// Files that hang or flood, and text that is not text (issue 15, items 5 and 6): a FIFO, a device
// or a folder where a config file should be is refused at once; every file has a size limit; every
// byte 0x00-0xFF in a TOML text value either is refused where it is or arrives as valid text.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "content/config_loader.h"
#include "content/input_file.h"
#include "core/text_checks.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const fs::path kBase = fs::path(KIOSK_SOURCE_DIR) / "tests/content/corpus/_base";

fs::path copyBase(const test::TempDir& dir) {
    const fs::path out = dir / "config";
    fs::create_directories(out);
    for (const auto& e : fs::directory_iterator(kBase)) fs::copy_file(e.path(), out / e.path().filename());
    return out;
}

std::string problemsText(const Problems& ps) {
    std::string s;
    for (const auto& p : ps) s += p.format() + "\n";
    return s;
}

}  // namespace

TEST_CASE("a FIFO, a device or a folder in the config folder is refused at once, by name", "[config][files]") {
    test::TempDir dir;
    const fs::path cfg = copyBase(dir);
    fs::remove(cfg / "programme.toml");
    REQUIRE(::mkfifo((cfg / "programme.toml").c_str(), 0600) == 0);  // nobody ever writes to it
    fs::remove(cfg / "participants.csv");
    fs::create_symlink("/dev/zero", cfg / "participants.csv");      // endless bytes
    fs::remove(cfg / "exercises.toml");
    fs::create_directory(cfg / "exercises.toml");
    const auto t0 = std::chrono::steady_clock::now();
    Problems problems;
    const ConfigFiles files = readConfigFolder(cfg, test::texts(), problems);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    INFO(problemsText(problems));
    CHECK(ms < 1000.0);
    REQUIRE(problems.size() == 3);
    const std::string all = problemsText(problems);
    CHECK(all.find("programme.toml: is geen gewoon bestand maar een pipe (FIFO)") != std::string::npos);
    CHECK(all.find("participants.csv: is geen gewoon bestand maar een apparaat") != std::string::npos);
    CHECK(all.find("exercises.toml: is geen gewoon bestand maar een map") != std::string::npos);
    CHECK(files.files.count("kiosk.toml") == 1);
    CHECK(files.files.count("programme.toml") == 0);
}

TEST_CASE("each config file has a size limit, a larger one is refused before it is read", "[config][files]") {
    test::TempDir dir;
    const fs::path cfg = copyBase(dir);
    {
        std::ofstream out(cfg / "kiosk.toml", std::ios::app);
        out << "# " << std::string(kSettingsFileLimit, 'x') << "\n";
    }
    Problems problems;
    readConfigFolder(cfg, test::texts(), problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].format() == "kiosk.toml: is groter dan 64 KiB (de grens voor dit bestand); is dit het goede bestand?");
    // Just under the limit is read.
    const InputFile small = readInputFile(kBase / "programme.toml", kProgrammeFileLimit, test::texts());
    CHECK(small.content.has_value());
}

TEST_CASE("every byte 0x00-0xFF in a TOML title, raw and as an escape, is refused where it is or arrives as text",
          "[config][utf8][bytes]") {
    Problems ignored;
    const ConfigFiles base = readConfigFolder(kBase, test::texts(), ignored);
    const std::string prog = base.files.at("programme.toml");
    const std::string needle = "title = \"Inloop en koffie\"";
    REQUIRE(prog.find(needle) != std::string::npos);
    int acceptedRaw = 0, acceptedEscaped = 0;
    for (int b = 0; b < 256; ++b) {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\u%04X", b);
        for (const std::string& value : {std::string("Inloop") + static_cast<char>(b) + "koffie", "Inloop" + std::string(esc) + "koffie"}) {
            ConfigFiles files = base;
            std::string& p = files.files["programme.toml"];
            p.replace(p.find(needle), needle.size(), "title = \"" + value + "\"");
            const LoadedConfig cfg = loadConfig(files, test::texts());
            INFO("byte " << b << " as " << (value.size() == 13 ? "raw" : "escape") << "\n" << problemsText(cfg.problems));
            if (!cfg.ok()) {
                // Refused with a position in programme.toml.
                bool placed = false;
                for (const auto& pr : cfg.problems) placed = placed || (pr.file == "programme.toml" && pr.line > 0);
                CHECK(placed);
                CHECK(firstInvalidUtf8(problemsText(cfg.problems)) == kTextOk);
                continue;
            }
            const std::string& title = cfg.programme.days.at(0).agenda.at(0).title;
            CHECK(checkText(title, 1000, false).ok());
            (value.size() == 13 ? acceptedRaw : acceptedEscaped)++;
        }
    }
    // Printable ASCII (0x20-0x7E) minus '"' and '\' raw; escaped, every printable code point up to U+00FF
    // except the C1 controls: 0x20-0x7E and 0xA0-0xFF.
    CHECK(acceptedRaw == 95 - 2);
    CHECK(acceptedEscaped == 95 + 96);
}

TEST_CASE("a file is read whole at the limit and byte for byte, also where its size says nothing (/proc)", "[config][files]") {
    test::TempDir dir;
    // Exactly at the limit: read, every byte; one more: refused. No buffer of the limit's size is
    // made up front (issue 33); the bytes must still all arrive.
    std::string exact(kSettingsFileLimit, 'a');
    for (size_t i = 0; i < exact.size(); i += 997) exact[i] = static_cast<char>('0' + i % 10);
    { std::ofstream(dir / "exact.toml", std::ios::binary) << exact; }
    const InputFile atLimit = readInputFile(dir / "exact.toml", kSettingsFileLimit, test::texts());
    REQUIRE(atLimit.content.has_value());
    CHECK(*atLimit.content == exact);
    { std::ofstream(dir / "over.toml", std::ios::binary) << exact << 'x'; }
    CHECK_FALSE(readInputFile(dir / "over.toml", kSettingsFileLimit, test::texts()).content.has_value());
    { std::ofstream(dir / "empty.toml", std::ios::binary); }
    const InputFile empty = readInputFile(dir / "empty.toml", kSettingsFileLimit, test::texts());
    REQUIRE(empty.content.has_value());
    CHECK(empty.content->empty());
    // A regular file whose size says 0 but which has text (the kernel's files): the buffer grows.
    std::ifstream maps("/proc/self/maps");
    if (maps) {
        const InputFile proc = readInputFile("/proc/self/maps", kRosterFileLimit, test::texts());
        REQUIRE(proc.content.has_value());
        CHECK(proc.content->size() > 100);
        CHECK(proc.content->find("\n") != std::string::npos);
    }
}
