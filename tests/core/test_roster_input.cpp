// The roster as people really save it: encodings, control characters, lengths, an empty list,
// and every byte 0x00-0xFF in a name (issue 15, items 6 and 9; the cases in tests/cases).
#include <catch2/catch.hpp>

#include "core/roster.h"
#include "core/text_checks.h"
#include "test_support.h"

using namespace kiosk;
using namespace std::string_literals;

namespace {
const std::vector<Cohort> kCohorts{{"zutphen-2026", "Zutphen"}};
RosterParse parse(std::string_view text, bool allowEmpty = false) {
    return parseRoster(text, "participants.csv", &kCohorts, test::texts(), allowEmpty);
}
std::string firstError(const RosterParse& r) {
    for (const auto& p : r.problems)
        if (p.severity == Severity::error) return p.format();
    return {};
}
const char* kHeader = "code;voornaam;tussenvoegsel;achternaam;afdeling;groep\n";
}  // namespace

TEST_CASE("a Windows-1252 roster from Dutch Excel is refused at its first such byte, with the advice to save as CSV UTF-8",
          "[roster][utf8][case]") {
    const std::string csv = test::readSourceFile("tests/cases/roster-excel-windows-1252.csv");
    REQUIRE(!csv.empty());
    const auto r = parse(csv);
    CHECK_FALSE(r.ok());
    CHECK(r.rows.empty());
    // Line 2 is "ZU21;Loïs;…": the ï (0xEF) is character 8.
    CHECK(firstError(r).rfind("participants.csv:2:8: ", 0) == 0);
    CHECK(firstError(r).find("Windows-1252") != std::string::npos);
    CHECK(firstError(r).find("CSV UTF-8") != std::string::npos);
    CHECK(firstError(r).find("0xEF") != std::string::npos);
    const auto en = parseRoster(csv, "participants.csv", &kCohorts, test::texts(Lang::en));
    CHECK(en.problems.front().message.find("CSV UTF-8 (Comma delimited)") != std::string::npos);
    // The same names saved as UTF-8 are read as written.
    const auto utf8 = parse(std::string(kHeader) + "ZU21;Lo\xC3\xAFs;;Brouwer;Publiekszaken;zutphen-2026\n");
    REQUIRE(utf8.ok());
    CHECK(utf8.rows[0].participant.firstName == "Lo\xC3\xAFs");
}

TEST_CASE("bytes that are neither UTF-8 nor Windows-1252 are refused without naming an encoding", "[roster][utf8]") {
    const auto r = parse(std::string(kHeader) + "ZU21;An\x81na;;Jansen;;zutphen-2026\n");
    CHECK_FALSE(r.ok());
    CHECK(firstError(r).rfind("participants.csv:2:8: ", 0) == 0);
    CHECK(firstError(r).find("Windows-1252") == std::string::npos);
    CHECK(firstError(r).find("CSV UTF-8") != std::string::npos);
}

TEST_CASE("a roster with only a header is refused unless a staff member allows it", "[roster][case]") {
    const std::string csv = test::readSourceFile("tests/cases/roster-header-only.csv");
    REQUIRE(!csv.empty());
    const auto r = parse(csv);
    CHECK_FALSE(r.ok());
    CHECK(firstError(r).rfind("participants.csv:1: ", 0) == 0);
    CHECK(firstError(r).find("--allow-empty") != std::string::npos);
    const auto allowed = parse(csv, true);
    CHECK(allowed.ok());
    CHECK(allowed.rows.empty());
}

TEST_CASE("a line break, tab or no-break space inside a cell becomes a space, with a warning, and the list is imported",
          "[roster][case]") {
    const std::string csv = test::readSourceFile("tests/cases/roster-line-break-in-cell.csv");
    REQUIRE(!csv.empty());
    const auto r = parse(csv);
    CHECK(r.ok());
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0].participant.department == "Sociaal Domein Jeugd en Wmo");
    CHECK(r.rows[1].participant.code == "ZU22");
    CHECK(r.rows[1].line == 4);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].severity == Severity::warning);
    CHECK(r.problems[0].format().substr(0, 33) == "participants.csv:2:33: `afdeling`");
    // A tab and a no-break space (Excel's, in "van\u00A0der") are spaces too; CRLF inside a cell is one space.
    const auto t = parse(std::string(kHeader) + "ZU01;Anna;van\xC2\xA0" "der;Berg;\"Beleid\r\nSociaal\";zutphen-2026\nZU02;Bo;;Tab\tman;;zutphen-2026\n");
    CHECK(t.ok());
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].participant.infix == "van der");
    CHECK(t.rows[0].participant.department == "Beleid Sociaal");
    CHECK(t.rows[1].participant.lastName == "Tab man");
    CHECK(t.problems.size() == 3);
    CHECK(t.problems[2].format().substr(0, 35) == "participants.csv:4:13: `achternaam`");
}

TEST_CASE("NUL and other control characters in a name are refused at their line and column", "[roster][control]") {
    const auto nul = parse(std::string(kHeader) + "ZU01;An\0na;;Jansen;;zutphen-2026\n"s);
    CHECK_FALSE(nul.ok());
    CHECK(firstError(nul).rfind("participants.csv:2:8: `voornaam`", 0) == 0);
    const auto c1 = parse(std::string(kHeader) + "ZU01;Anna;;Jan\xC2\x85sen;;zutphen-2026\n");
    CHECK_FALSE(c1.ok());
    CHECK(firstError(c1).rfind("participants.csv:2:15: `achternaam`", 0) == 0);
    const auto quoted = parse(std::string(kHeader) + "ZU01;\"An\x01na\";;Jansen;;zutphen-2026\n");
    CHECK_FALSE(quoted.ok());
    CHECK(firstError(quoted).rfind("participants.csv:2:6: ", 0) == 0);
}

TEST_CASE("every field has a length limit, checked in characters", "[roster][limits]") {
    const std::string ok100(100, 'a');
    CHECK(parse(std::string(kHeader) + "ZU01;" + ok100 + ";;Jansen;;zutphen-2026\n").ok());
    const auto r = parse(std::string(kHeader) + "ZU01;" + ok100 + "\xC3\xAB;;Jansen;;zutphen-2026\n");
    CHECK_FALSE(r.ok());
    CHECK(firstError(r).rfind("participants.csv:2:106: `voornaam` is langer dan 100 tekens", 0) == 0);
    const auto dep = parse(std::string(kHeader) + "ZU01;Anna;;Jansen;" + std::string(201, 'x') + ";zutphen-2026\n");
    CHECK_FALSE(dep.ok());
    CHECK(firstError(dep).find("`afdeling`") != std::string::npos);
}

TEST_CASE("every byte 0x00-0xFF in a name: accepted names are always valid UTF-8 without control characters",
          "[roster][utf8][bytes]") {
    int accepted = 0;
    for (int b = 0; b < 256; ++b) {
        INFO("byte " << b);
        const std::string csv = std::string(kHeader) + "ZU01;An" + static_cast<char>(b) + "na;;Jansen;;zutphen-2026\n";
        const auto r = parse(csv);
        if (!r.ok()) {
            CHECK(r.rows.empty());
            CHECK(!firstError(r).empty());
            continue;
        }
        REQUIRE(r.rows.size() == 1);
        const auto& p = r.rows[0].participant;
        for (const auto* f : {&p.code, &p.firstName, &p.infix, &p.lastName, &p.department, &p.cohortId})
            CHECK(checkText(*f, 1000, false).ok());
        ++accepted;
        // Printable ASCII other than the delimiter is kept as written (a quote inside a field too);
        // a tab is a space, said in a warning.
        CHECK(p.firstName == std::string("An") + (b == '\t' ? ' ' : static_cast<char>(b)) + "na");
    }
    // 0x20-0x7E except ';' (94 bytes) and the tab. Other control characters, a line break outside
    // quotes (a new row, one field short) and 0x80-0xFF alone are refused.
    CHECK(accepted == 95);
}
