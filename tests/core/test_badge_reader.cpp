#include <catch2/catch.hpp>

#include "core/badge_reader.h"

using namespace kiosk;

TEST_CASE("a scanned code followed by Enter is handed over, case-insensitive", "[badge]") {
    BadgeReader r;
    SteadyTime t{1000};
    for (char c : std::string("zu01")) r.type(static_cast<uint32_t>(c), t = t.plusMs(0));
    const auto code = r.enter(t);
    REQUIRE(code);
    CHECK(*code == "ZU01");
    CHECK_FALSE(r.enter(t));  // Enter again: nothing left
}

TEST_CASE("a partial code followed by a long pause is discarded", "[badge]") {
    BadgeReader r(1500);
    r.type('Z', {1000});
    r.type('U', {1100});
    CHECK(r.pending({2000}) == "ZU");
    CHECK(r.pending({3000}).empty());
    CHECK_FALSE(r.enter({3000}));
    // And it does not glue onto the next scan.
    r.type('Z', {1000000});
    r.type('U', {1000010});
    r.type('0', {1000020});
    r.type('2', {1000030});
    r.type('-', {1000040});  // separators from some badge formats are ignored
    CHECK(*r.enter({1000050}) == "ZU02");
}
