// The corpus of broken configs: tests/content/corpus/<case>/ replaces one file of _base/, and
// expected.txt lists every problem it must produce, one per line: `FILE:LINE[:COL] | words`.
// All of them are reported at once, each where it is, and nothing else is an error.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "content/config_loader.h"
#include "test_support.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(KIOSK_SOURCE_DIR) / "tests/content/corpus";

ConfigFiles caseFiles(const std::string& name) {
    Problems ignored;
    ConfigFiles files = readConfigFolder(kCorpus / "_base", test::texts(), ignored);
    const ConfigFiles over = readConfigFolder(kCorpus / name, test::texts(), ignored);
    for (const auto& [k, v] : over.files) files.files[k] = v;
    return files;
}

struct Expected {
    std::string location, words;
};

std::vector<Expected> expectedOf(const std::string& name) {
    std::vector<Expected> out;
    std::ifstream in(kCorpus / name / "expected.txt");
    std::string line;
    while (std::getline(in, line)) {
        const auto bar = line.find(" | ");
        if (bar != std::string::npos) out.push_back({line.substr(0, bar), line.substr(bar + 3)});
    }
    return out;
}

}  // namespace

TEST_CASE("the base of the corpus is valid", "[config]") {
    const auto cfg = loadConfig(caseFiles("_base"), test::texts());
    for (const auto& p : cfg.problems) FAIL(p.format());
    CHECK(cfg.programme.days.size() == 2);
    CHECK(cfg.roster.rows.size() == 3);
}

TEST_CASE("every broken config names file, line and problem", "[config]") {
    std::vector<std::string> cases;
    for (const auto& e : fs::directory_iterator(kCorpus))
        if (e.is_directory() && e.path().filename() != "_base") cases.push_back(e.path().filename().string());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 20);
    for (const auto& name : cases) {
        const auto cfg = loadConfig(caseFiles(name), test::texts());
        const auto expected = expectedOf(name);
        std::string all;
        int errors = 0;
        for (const auto& p : cfg.problems) {
            all += "  " + p.format() + "\n";
            errors += p.severity == Severity::error;
        }
        INFO("case " << name << ", problems:\n" << all);
        CHECK_FALSE(cfg.ok());
        CHECK(errors == static_cast<int>(expected.size()));
        for (const auto& e : expected) {
            bool found = false;
            for (const auto& p : cfg.problems) {
                const std::string f = p.format();
                found = found || (f.rfind(e.location + ": ", 0) == 0 && f.find(e.words) != std::string::npos);
            }
            INFO("expected " << e.location << " | " << e.words);
            CHECK(found);
        }
    }
}

TEST_CASE("problems are reported in the kiosk's language", "[config]") {
    const auto cfg = loadConfig(caseFiles("unknown-key"), test::texts(Lang::en));
    REQUIRE_FALSE(cfg.ok());
    bool english = false;
    for (const auto& p : cfg.problems) english = english || p.message.find("unknown key `thema`") != std::string::npos;
    CHECK(english);
}

TEST_CASE("an exercise longer than its slot is a warning, not an error", "[config]") {
    auto files = caseFiles("_base");
    auto& prog = files.files["programme.toml"];
    prog.replace(prog.find("end = \"10:30\""), 13, "end = \"09:31\"");
    const auto cfg = loadConfig(files, test::texts());
    CHECK(cfg.ok());
    REQUIRE(cfg.problems.size() == 1);
    CHECK(cfg.problems[0].severity == Severity::warning);
    CHECK(cfg.problems[0].format().rfind("programme.toml:24:12: oefening `kompas` duurt 3 minuten", 0) == 0);
}

TEST_CASE("a missing folder or file is a problem, never a crash", "[config]") {
    Problems problems;
    const auto files = readConfigFolder("/nonexistent/leergang", test::texts(), problems);
    REQUIRE(problems.size() == 1);
    const auto cfg = loadConfig(files, test::texts());
    CHECK_FALSE(cfg.ok());
}

TEST_CASE("a step that would need more than one page at 1280x800 is a warning where its text is", "[config][fit]") {
    ConfigFiles files = caseFiles("_base");
    std::string& ex = files.files["exercises.toml"];
    const std::string shortStep = "text = \"Voel je kompas.\"";
    REQUIRE(ex.find(shortStep) != std::string::npos);
    std::string longText;
    while (longText.size() < 420) longText += "Loop door de ruimte en kies een plek die past bij jouw standpunt. ";
    ex.replace(ex.find(shortStep), shortStep.size(), "text = \"" + longText + "\"");
    const auto cfg = loadConfig(files, test::texts());
    CHECK(cfg.ok());  // a warning, not an error: the kiosk pages it
    REQUIRE(cfg.problems.size() == 1);
    const Problem& p = cfg.problems[0];
    CHECK(p.severity == Severity::warning);
    CHECK(p.format().rfind("exercises.toml:12:8: ", 0) == 0);
    CHECK(p.format().find("stap 2 past niet op één scherm van 1280x800") != std::string::npos);
    // The bundled short step is no warning (the sample test checks every bundled step the same way).
    CHECK(loadConfig(caseFiles("_base"), test::texts()).problems.empty());
}
