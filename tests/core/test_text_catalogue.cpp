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
        R"re("((?:home|checkin|agenda|common|status|export|store|store_error|app|config|type|problem|show|import|cli|walkin|keyboard|exercise|exercises|shift|keypad|doctor|pin|staff|matrix|erase|privacy|inspection)\.[a-z0-9_.]*[a-z0-9_])")re");
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
    for (auto c : {CertificateState::earned, CertificateState::reachable, CertificateState::at_risk, CertificateState::missed})
        used.insert(std::string("matrix.certificate_short.") + certificateStateKey(c));
    for (auto e : {CorrectionEffect::set_check_in, CorrectionEffect::set_check_out, CorrectionEffect::set_absent,
                   CorrectionEffect::set_excused, CorrectionEffect::confirm_guest, CorrectionEffect::link_guest})
        used.insert(std::string("inspection.effect.") + correctionEffectKey(e));
    for (auto k : {"purpose", "retention", "recipients"}) used.insert(std::string("inspection.") + k + "_head");
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

TEST_CASE("a count chooses its word (1 persoon, 2 personen, 0 rows) and never says \"1 personen\"", "[i18n][plural]") {
    const Texts& nl = test::texts();
    const Texts& en = test::texts(Lang::en);
    CHECK(nl.format("cli.exported", {{"path", "x.csv"}, {"n", "1"}}) == "Export geschreven: x.csv (1 regel)");
    CHECK(nl.format("cli.exported", {{"path", "x.csv"}, {"n", "2"}}) == "Export geschreven: x.csv (2 regels)");
    CHECK(en.format("cli.exported", {{"path", "x.csv"}, {"n", "0"}}) == "Export written: x.csv (0 rows)");
    CHECK(en.format("cli.exported", {{"path", "x.csv"}, {"n", "1"}}) == "Export written: x.csv (1 row)");
    CHECK(nl.format("staff.matrix_summary", {{"earned", "1"}, {"total", "12"}}) ==
          "1 van de 12 deelnemers heeft het certificaat gehaald.");
    CHECK(substitute("{n} {n|stap|stappen}", {{"n", "1"}}) == "1 stap");
    CHECK(substitute("{n} {n|stap}", {{"n", "3"}}) == "3 stap");  // one form given: that one
    // Every text with a count in it: none says "(en)", "(s)" or "(sen)" any more, in either language.
    for (Lang l : {Lang::nl, Lang::en})
        for (const auto& key : test::texts(l).catalogue(l).keys()) {
            const std::string& text = *test::texts(l).catalogue(l).find(key);
            INFO(key << " = " << text);
            CHECK(text.find("(en)") == std::string::npos);
            CHECK(text.find("(s)") == std::string::npos);
            CHECK(text.find("(sen)") == std::string::npos);
            CHECK(text.find("(pen)") == std::string::npos);
        }
}
