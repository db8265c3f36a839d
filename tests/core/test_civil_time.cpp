#include <catch2/catch.hpp>

#include "core/civil_time.h"
#include "test_support.h"

using namespace kiosk;

TEST_CASE("dates parse strictly and round-trip", "[civil_time]") {
    REQUIRE(LocalDate::parse("2026-11-26")->iso() == "2026-11-26");
    CHECK_FALSE(LocalDate::parse("2026-02-29"));
    CHECK(LocalDate::parse("2028-02-29"));
    CHECK_FALSE(LocalDate::parse("2026-13-01"));
    CHECK_FALSE(LocalDate::parse("26-11-2026"));
    CHECK_FALSE(LocalDate::parse("2026-11-2x"));
    CHECK(LocalDate::parse("2026-11-26")->weekday() == 3);  // Thursday
    const LocalDate d{2026, 12, 31};
    CHECK(d.plusDays(1) == LocalDate{2027, 1, 1});
    CHECK(LocalDate::fromDaysSinceEpoch(d.daysSinceEpoch()) == d);
}

TEST_CASE("times of day parse and print the Dutch way", "[civil_time]") {
    CHECK(TimeOfDay::parse("09:05")->hhmm() == "09:05");
    CHECK(TimeOfDay::parse("9:05")->hhmm() == "09:05");
    CHECK_FALSE(TimeOfDay::parse("24:00"));
    CHECK_FALSE(TimeOfDay::parse("12:60"));
    CHECK_FALSE(TimeOfDay::parse("1205"));
    CHECK(LocalDateTime::parse("2026-11-26T09:10")->timeOfDay().hhmm() == "09:10");
    CHECK_FALSE(LocalDateTime::parse("2026-11-26 9:10x"));
}

TEST_CASE("long dates read as people write them", "[civil_time]") {
    CHECK(longDate({2026, 11, 26}, Lang::nl) == "donderdag 26 november 2026");
    CHECK(longDate({2026, 11, 26}, Lang::en) == "Thursday 26 November 2026");
    CHECK(shortDate({2027, 3, 11}, Lang::nl) == "11 maa.");
}

TEST_CASE("the local day turns over at midnight, also when the clocks change", "[civil_time][dst]") {
    test::AmsterdamTime tz;
    auto at = [](const char* s) { return fromLocal(*LocalDateTime::parse(s)); };
    // An ordinary night.
    CHECK(localDateOf(at("2026-11-26T23:59")) == LocalDate{2026, 11, 26});
    CHECK(localDateOf(at("2026-11-27T00:01")) == LocalDate{2026, 11, 27});
    // Spring forward (2027-03-28 02:00 -> 03:00): the day before has 23 hours.
    CHECK(localDateOf(at("2027-03-27T23:59")) == LocalDate{2027, 3, 27});
    CHECK(localDateOf(at("2027-03-28T00:01")) == LocalDate{2027, 3, 28});
    CHECK(at("2027-03-28T03:00").ms - at("2027-03-28T01:00").ms == 3600 * 1000);
    // Fall back (2026-10-25 03:00 -> 02:00).
    CHECK(localDateOf(at("2026-10-24T23:59")) == LocalDate{2026, 10, 24});
    CHECK(localDateOf(at("2026-10-25T00:01")) == LocalDate{2026, 10, 25});
    CHECK(localDateOf(at("2026-10-25T23:59")) == LocalDate{2026, 10, 25});
    CHECK(at("2026-10-26T00:00").ms - at("2026-10-25T00:00").ms == 25LL * 3600 * 1000);
    // Round trip of a wall time.
    const auto t = toLocal(at("2027-03-11T09:10"));
    CHECK(t.hour == 9);
    CHECK(t.minute == 10);
}
