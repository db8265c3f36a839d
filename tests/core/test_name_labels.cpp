// Namesakes told apart (issue 14 item 5): the one function every screen's names come from.
#include <catch2/catch.hpp>

#include "core/name_labels.h"
#include "test_support.h"

using namespace kiosk;

namespace {
Participant person(const char* code, const char* first, const char* infix, const char* last, const char* dept,
                   const char* cohort = "zutphen-2026") {
    Participant p;
    p.code = code;
    p.firstName = first;
    p.infix = infix;
    p.lastName = last;
    p.department = dept;
    p.cohortId = cohort;
    return p;
}
}  // namespace

TEST_CASE("labels that collide lengthen until distinct, the others stay short", "[names]") {
    const std::vector<Participant> people{
        person("ZU01", "Anna", "de", "Vries", "Beleid"),  person("ZU15", "Anna", "de", "Visser", "HR"),
        person("ZU02", "Mohamed", "", "El Amrani", "Wmo"), person("ZU16", "Anna", "de", "Vries", "HR"),
        person("ZU17", "Anna", "de", "Vries", "HR")};
    const auto labels = distinctLabels(people, NameDisplay::first_and_initial);
    CHECK(labels[1] == "Anna de Visser");                     // full surname is enough
    CHECK(labels[0] == "Anna de Vries \xC2\xB7 Beleid");      // then the department
    CHECK(labels[2] == "Mohamed E.");                         // no namesake: short and private
    CHECK(labels[3] == "Anna de Vries \xC2\xB7 HR \xC2\xB7 ZU16");  // then the code
    CHECK(labels[4] == "Anna de Vries \xC2\xB7 HR \xC2\xB7 ZU17");
    for (size_t i = 0; i < labels.size(); ++i)
        for (size_t j = i + 1; j < labels.size(); ++j) CHECK(foldForSearch(labels[i]) != foldForSearch(labels[j]));
}

TEST_CASE("case and accents do not tell namesakes apart", "[names]") {
    const std::vector<Participant> people{person("A1", "Zoë", "", "Berg", "X"), person("A2", "Zoe", "", "Bakker", "Y")};
    const auto labels = distinctLabels(people, NameDisplay::first_only);
    CHECK(labels[0] == "Zoë Berg");
    CHECK(labels[1] == "Zoe Bakker");
}

TEST_CASE("namesake warnings name both lines within a cohort, not across cohorts", "[names]") {
    std::vector<RosterRow> rows{{2, person("ZU01", "Anna", "de", "Vries", "Beleid")},
                                {16, person("ZU15", "Anna", "de", "Visser", "HR")},
                                {17, person("DV01", "Anna", "de", "Vos", "HR", "deventer-2026")}};
    const auto w = namesakeWarnings(rows, NameDisplay::first_and_initial, "participants.csv", test::texts());
    REQUIRE(w.size() == 2);
    CHECK(w[0].severity == Severity::warning);
    CHECK(w[0].format() == "participants.csv:2: \"Anna de V.\" staat in groep zutphen-2026 ook op regel 16; het scherm toont "
                           "\"Anna de Vries\" om ze uit elkaar te houden (vul de afdeling in als die ontbreekt)");
    CHECK(w[1].line == 16);
    CHECK(namesakeWarnings(rows, NameDisplay::full, "participants.csv", test::texts()).empty());
}
