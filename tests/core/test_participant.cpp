#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "core/participant.h"

using namespace kiosk;

namespace {
Participant person(std::string first, std::string infix, std::string last, std::string code = "X1") {
    Participant p;
    p.code = std::move(code);
    p.firstName = std::move(first);
    p.infix = std::move(infix);
    p.lastName = std::move(last);
    return p;
}
}  // namespace

TEST_CASE("names are shown per the public display policy", "[participant]") {
    const auto anna = person("Anna", "de", "Vries");
    CHECK(anna.fullName() == "Anna de Vries");
    CHECK(anna.displayName(NameDisplay::first_and_initial) == "Anna de V.");
    CHECK(anna.displayName(NameDisplay::first_only) == "Anna");
    CHECK(anna.displayName(NameDisplay::full) == "Anna de Vries");
    // The initial of a name that starts with a non-ASCII letter is one whole character.
    CHECK(person("Çağla", "", "Öztürk").displayName(NameDisplay::first_and_initial) == "Çağla Ö.");
    CHECK(person("Ĳsbrand", "", "Ĳzerman").displayName(NameDisplay::first_and_initial) == "Ĳsbrand Ĳ.");
    CHECK(listName(anna) == "Vries, Anna de");
}

TEST_CASE("search folds case and diacritics", "[participant]") {
    CHECK(foldForSearch("Zoë") == "zoe");
    CHECK(foldForSearch("Ĳsbrand") == "ijsbrand");
    CHECK(foldForSearch("Çağla Öztürk") == "cagla ozturk");
    CHECK(foldForSearch("Straße") == "strasse");
    CHECK(matchesQuery(person("Zoë", "van den", "Berg"), foldForSearch("zoe")));
    CHECK(matchesQuery(person("Ĳsbrand", "", "Kuipers"), foldForSearch("ij")));
    CHECK(matchesQuery(person("Anna", "de", "Vries"), foldForSearch("de v")));
    CHECK_FALSE(matchesQuery(person("Anna", "de", "Vries"), foldForSearch("jansen")));
}

TEST_CASE("sorting by last name ignores the tussenvoegsel, the Dutch way", "[participant]") {
    std::vector<Participant> ps{person("Joost", "van", "Dijk", "A"), person("Anna", "de", "Vries", "B"),
                                person("Pieter", "", "Jansen", "C"), person("Zoë", "van den", "Berg", "D"),
                                person("Çağla", "", "Öztürk", "E")};
    std::sort(ps.begin(), ps.end(), [](const auto& a, const auto& b) { return lastNameSortKey(a) < lastNameSortKey(b); });
    std::vector<std::string> order;
    for (const auto& p : ps) order.push_back(p.lastName);
    CHECK(order == std::vector<std::string>{"Berg", "Dijk", "Jansen", "Öztürk", "Vries"});
}

TEST_CASE("badge codes are case-insensitive letters and digits", "[participant]") {
    CHECK(normaliseCode("zu01") == "ZU01");
    CHECK(normaliseCode(" Zu-01\r") == "ZU01");
}
