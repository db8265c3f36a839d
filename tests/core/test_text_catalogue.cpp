#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>

#include "core/attendance.h"
#include "core/cohort_matrix.h"
#include "core/programme.h"
#include "test_support.h"

using namespace kiosk;

namespace {

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex re(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}

}  // namespace

TEST_CASE("both catalogues parse cleanly and have exactly the same keys", "[i18n]") {
    Problems problems;
    const auto nl = Catalogue::parse(test::readSourceFile("assets/text/nl.txt"), "nl.txt", problems);
    const auto en = Catalogue::parse(test::readSourceFile("assets/text/en.txt"), "en.txt", problems);
    for (const auto& p : problems) FAIL(p.format());
    const auto nlKeys = nl.keys(), enKeys = en.keys();
    for (const auto& k : nlKeys) {
        INFO("key " << k);
        REQUIRE(en.find(k));
        CHECK_FALSE(nl.find(k)->empty());
        CHECK_FALSE(en.find(k)->empty());
        // The same placeholders, or a text would lose a name or a time in one language.
        CHECK(placeholders(*nl.find(k)) == placeholders(*en.find(k)));
    }
    for (const auto& k : enKeys) {
        INFO("key " << k);
        CHECK(nl.find(k));
    }
}

TEST_CASE("every text the code asks for exists in the catalogue", "[i18n]") {
    const Texts& tx = test::texts();
    static const std::regex keyRe(
        R"re("((?:home|checkin|agenda|common|status|export|store|store_error|app|config|type|problem|show|import|cli|walkin|keyboard|exercise|exercises|shift|keypad|doctor|pin|staff|matrix)\.[a-z0-9_.]*[a-z0-9_])")re");
    std::set<std::string> used;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(KIOSK_SOURCE_DIR) + "/kiosk")) {
        if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
        const std::string src = test::readSourceFile(std::filesystem::relative(entry.path(), KIOSK_SOURCE_DIR).string());
        for (auto it = std::sregex_iterator(src.begin(), src.end(), keyRe); it != std::sregex_iterator(); ++it)
            used.insert((*it)[1]);
    }
    // Keys built at run time from enumerations.
    for (auto s : {DayStatus::absent, DayStatus::present, DayStatus::late, DayStatus::left_early, DayStatus::late_and_left_early})
        used.insert(std::string("status.") + dayStatusKey(s));
    for (auto f : {GroupForm::alone, GroupForm::pairs, GroupForm::groups, GroupForm::whole_group})
        used.insert(std::string("exercise.form.") + groupFormKey(f));
    for (auto c : {Cue::stand, Cue::walk, Cue::silence, Cue::pairs, Cue::reflect})
        used.insert(std::string("exercise.cue.") + cueKey(c));
    for (auto s : {DayStatus::absent, DayStatus::present, DayStatus::late, DayStatus::left_early, DayStatus::late_and_left_early})
        used.insert(std::string("matrix.short.") + dayStatusKey(s));
    for (auto c : {CertificateState::earned, CertificateState::reachable, CertificateState::missed})
        used.insert(std::string("matrix.certificate.") + certificateStateKey(c));
    REQUIRE(used.size() > 50);
    for (const auto& k : used) {
        if (k.size() > 2 && k.substr(k.size() - 2) == ".h") continue;  // an #include, not a text
        if (k == "exercises.toml") continue;                            // a file name
        INFO("key " << k);
        CHECK(tx.catalogue(Lang::nl).find(k));
    }
}

TEST_CASE("placeholders are filled in, missing keys show themselves", "[i18n]") {
    const Texts& tx = test::texts();
    CHECK(tx.format("checkin.welcome", {{"name", "Anna"}}) == "Welkom, Anna!");
    CHECK(test::texts(Lang::en).format("checkin.welcome", {{"name", "Anna"}}) == "Welcome, Anna!");
    CHECK(tx("no.such.key") == "[no.such.key]");
}
