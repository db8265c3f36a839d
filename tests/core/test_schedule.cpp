#include <catch2/catch.hpp>

#include "core/schedule.h"

using namespace kiosk;

TEST_CASE("now and next follow the clock through the day", "[schedule]") {
    ProgrammeDay d;
    d.date = {2026, 11, 26};
    d.agenda = {{{9 * 60}, {9 * 60 + 30}, "Inloop", "", "", "", ""},
                {{9 * 60 + 30}, {10 * 60}, "Opening", "", "", "", ""},
                {{10 * 60 + 15}, {11 * 60}, "Oefening", "", "", "", ""}};
    auto nn = nowAndNext(d, {8 * 60});
    CHECK(nn.now == nullptr);
    CHECK(nn.next->title == "Inloop");
    CHECK(nn.minutesToNextChange == 60);
    nn = nowAndNext(d, {9 * 60 + 10});
    CHECK(nn.now->title == "Inloop");
    CHECK(nn.next->title == "Opening");
    CHECK(nn.minutesToNextChange == 20);
    nn = nowAndNext(d, {10 * 60 + 5});  // a gap
    CHECK(nn.now == nullptr);
    CHECK(nn.next->title == "Oefening");
    nn = nowAndNext(d, {12 * 60});
    CHECK(nn.now == nullptr);
    CHECK(nn.next == nullptr);
    CHECK(nn.minutesToNextChange == -1);
}

TEST_CASE("dates outside the programme still find the day to show", "[schedule]") {
    Programme p;
    p.days = {{1, {2026, 11, 26}, "Een", "c", {}, ""}, {2, {2026, 12, 10}, "Twee", "c", {}, ""}};
    CHECK(phaseOf(p, {2026, 11, 1}) == DayPhase::before_programme);
    CHECK(phaseOf(p, {2026, 11, 26}) == DayPhase::programme_day);
    CHECK(phaseOf(p, {2026, 12, 1}) == DayPhase::between_days);
    CHECK(phaseOf(p, {2027, 1, 1}) == DayPhase::after_programme);
    CHECK(p.nearestDay({2026, 12, 1})->number == 2);
    CHECK(p.nearestDay({2027, 1, 1})->number == 2);
    CHECK(p.nearestDay({2026, 11, 1})->number == 1);
}
