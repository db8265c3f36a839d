// One person, one code (issue 14 item 4): the resolver every lookup by code goes through.
#include <catch2/catch.hpp>

#include "core/code_resolver.h"
#include "core/roster.h"
#include "test_support.h"

using namespace kiosk;

namespace {
const std::vector<Cohort> kCohorts{{"zutphen-2026", "Zutphen"}};

std::vector<Participant> rosterFrom(const std::string& file) {
    const auto parsed = parseRoster(test::readSourceFile(file), "participants.csv", &kCohorts, test::texts());
    REQUIRE(parsed.ok());
    std::vector<Participant> out;
    for (const auto& r : parsed.rows) out.push_back(r.participant);
    return out;
}
}  // namespace

TEST_CASE("the printed badge 0007 and Excel's 7 find the same stored participant", "[code][case]") {
    const auto withZeros = rosterFrom("tests/cases/roster-codes-with-zeros.csv");
    CodeIndex index;
    for (size_t i = 0; i < withZeros.size(); ++i) index.add(withZeros[i].code, true, i);
    for (const char* typed : {"0007", "7", "007", " 0007\r"}) {
        const auto r = index.resolve(typed);
        INFO(typed);
        CHECK(r.match == CodeMatch::active);
        CHECK(r.storedCode == "0007");
        CHECK(withZeros[r.ref].lastName == "Verhoef");
    }
    CHECK(index.resolve("70").match == CodeMatch::unknown);
    CHECK(index.resolve("00070").match == CodeMatch::unknown);
    CHECK(index.resolve("").match == CodeMatch::unknown);
}

TEST_CASE("re-importing the Excel-stripped roster keeps the stored codes: one person each", "[code][case]") {
    const auto withZeros = rosterFrom("tests/cases/roster-codes-with-zeros.csv");
    auto stripped = rosterFrom("tests/cases/roster-codes-excel-stripped.csv");
    REQUIRE(stripped[0].code == "7");
    CodeIndex index;
    for (size_t i = 0; i < withZeros.size(); ++i) index.add(withZeros[i].code, true, i);
    const auto restored = restoreStoredForms(stripped, index);
    REQUIRE(restored.size() == 2);
    CHECK(restored[0].incoming == "7");
    CHECK(restored[0].stored == "0007");
    CHECK(stripped[0].code == "0007");
    CHECK(stripped[1].code == "0031");
}

TEST_CASE("a first roster without zeros still takes the badge with zeros", "[code][case]") {
    const auto stripped = rosterFrom("tests/cases/roster-codes-excel-stripped.csv");
    CodeIndex index;
    for (size_t i = 0; i < stripped.size(); ++i) index.add(stripped[i].code, true, i);
    const auto r = index.resolve("0007");
    CHECK(r.match == CodeMatch::active);
    CHECK(r.storedCode == "7");
    // And a later list with the zeros typed back is the same people, not new ones.
    auto withZeros = rosterFrom("tests/cases/roster-codes-with-zeros.csv");
    CHECK(restoreStoredForms(withZeros, index).size() == 2);
    CHECK(withZeros[0].code == "7");
}

TEST_CASE("codes with letters keep every character and an exact stored code wins", "[code]") {
    CodeIndex index;
    index.add("ZU01", true, 0);
    index.add("7", true, 1);
    index.add("0007", true, 2);  // an old database that already split someone
    CHECK(index.resolve("zu01").match == CodeMatch::active);
    CHECK(index.resolve("ZU1").match == CodeMatch::unknown);
    CHECK(index.resolve("7").ref == 1);
    CHECK(index.resolve("0007").ref == 2);
    CHECK(index.resolve("007").match == CodeMatch::ambiguous);  // never a guess
    CHECK_FALSE(mayRecordAttendance(index.resolve("007")));
}

TEST_CASE("only an active participant's code may check in, out or undo", "[code]") {
    CodeIndex index;
    index.add("0007", false, 0);
    index.add("0031", true, 1);
    CHECK(index.resolve("7").match == CodeMatch::inactive);
    CHECK_FALSE(mayRecordAttendance(index.resolve("7")));
    CHECK(mayRecordAttendance(index.resolve("31")));
    CHECK_FALSE(mayRecordAttendance(index.resolve("99")));
}

TEST_CASE("a list with 7 and 0007 on two rows is refused as a duplicate code", "[code][roster]") {
    const auto r = parseRoster("code;voornaam;achternaam;groep\n0007;Bram;Verhoef;zutphen-2026\n7;Bram;Verhoef;zutphen-2026\n",
                               "participants.csv", &kCohorts, test::texts());
    CHECK_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].format().find("regel 2") != std::string::npos);
}
