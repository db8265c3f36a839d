#include <catch2/catch.hpp>

#include "core/roster.h"
#include "test_support.h"

using namespace kiosk;

namespace {
const std::vector<Cohort> kCohorts{{"zutphen-2026", "Zutphen"}};
RosterParse parse(std::string_view text) { return parseRoster(text, "participants.csv", &kCohorts, test::texts()); }
}  // namespace

TEST_CASE("Dutch Excel and LibreOffice exports of the same roster read the same", "[roster]") {
    const std::string excel =
        "\xEF\xBB\xBF" "code;voornaam;tussenvoegsel;achternaam;afdeling;groep\r\n"
        "zu01;Zoë;van den;Berg;Communicatie;zutphen-2026\r\n"
        "ZU02;Ĳsbrand;;Kuipers;\"Beleid; Ruimte\";zutphen-2026\r\n";
    const std::string libre =
        "First_Name,Last_Name,Infix,Code,Department,Cohort\n"
        "Zoë,Berg,van den,ZU01,Communicatie,zutphen-2026\n"
        "Ĳsbrand,Kuipers,,zu02,\"Beleid; Ruimte\",zutphen-2026\n";
    const auto a = parse(excel), b = parse(libre);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(a.rows.size() == 2);
    REQUIRE(b.rows.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        const auto& p = a.rows[i].participant;
        const auto& q = b.rows[i].participant;
        CHECK(p.code == q.code);
        CHECK(p.firstName == q.firstName);
        CHECK(p.infix == q.infix);
        CHECK(p.lastName == q.lastName);
        CHECK(p.department == q.department);
        CHECK(p.cohortId == q.cohortId);
    }
    CHECK(a.rows[0].participant.code == "ZU01");
    CHECK(a.rows[0].participant.firstName == "Zoë");
    CHECK(a.rows[1].participant.department == "Beleid; Ruimte");
}

TEST_CASE("every bad row is reported with its line, and the roster refused", "[roster]") {
    const auto r = parse(
        "code;voornaam;achternaam;groep\n"
        "A1;Anna;Vries;zutphen-2026\n"
        "A1;Bert;Bos;zutphen-2026\n"
        ";Carla;Claes;zutphen-2026\n"
        "D-4;Dirk;Dam;zutphen-2026\n"
        "E5;Eva;Eck;amsterdam\n"
        "F6;Fleur\n");
    CHECK_FALSE(r.ok());
    std::vector<int> lines;
    for (const auto& p : r.problems) lines.push_back(p.line);
    CHECK(lines == std::vector<int>{3, 4, 5, 6, 7});
    CHECK(r.problems[0].message.find("A1") != std::string::npos);
}

TEST_CASE("a missing required column is named", "[roster]") {
    const auto r = parse("code;voornaam;groep\nA1;Anna;zutphen-2026\n");
    REQUIRE_FALSE(r.ok());
    CHECK(r.problems[0].message.find("achternaam") != std::string::npos);
    CHECK(r.problems[0].line == 1);
}

TEST_CASE("an unknown column is a warning, not a refusal", "[roster]") {
    const auto r = parse("code;voornaam;achternaam;groep;notitie\nA1;Anna;Vries;zutphen-2026;x\n");
    CHECK(r.ok());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].severity == Severity::warning);
}
