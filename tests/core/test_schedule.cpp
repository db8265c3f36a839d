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

TEST_CASE("nothing on: before the first item the day has not begun - a gap is a break - after the last it is over",
          "[schedule]") {
    // The home screen said "Even pauze." before the day began: a next item exists then too.
    ProgrammeDay d;
    d.date = {2026, 11, 26};
    d.agenda = {{{9 * 60 + 30}, {10 * 60}, "Opening", "", "", "", ""}, {{10 * 60 + 15}, {11 * 60}, "Oefening", "", "", "", ""}};
    auto at = [&](int minutes) { return nothingOn(d, {minutes}, nowAndNext(d, {minutes})); };
    CHECK(at(9 * 60 + 10) == NothingOn::not_started);
    CHECK(at(10 * 60 + 5) == NothingOn::between_items);
    CHECK(at(11 * 60) == NothingOn::day_over);
    CHECK(std::string(nothingOnKey(NothingOn::not_started)) == "home.not_started");
    CHECK(std::string(nothingOnKey(NothingOn::between_items)) == "home.between_items");
    CHECK(std::string(nothingOnKey(NothingOn::day_over)) == "home.day_over");
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

TEST_CASE("running late moves the rest of the day, the item in progress runs over", "[schedule][shift]") {
    ProgrammeDay d;
    d.agenda = {{{9 * 60}, {10 * 60}, "Ochtend", "", "", "", ""},
                {{10 * 60}, {11 * 60}, "Oefening", "", "", "", ""},
                {{11 * 60}, {12 * 60}, "Casus", "", "", "", ""}};
    const AgendaShift shift{{10 * 60 + 30}, 15};
    const ProgrammeDay s = applyShift(d, shift);
    CHECK(s.agenda[0].start.hhmm() == "09:00");
    CHECK(s.agenda[0].end.hhmm() == "10:00");
    CHECK(s.agenda[1].start.hhmm() == "10:00");
    CHECK(s.agenda[1].end.hhmm() == "11:15");  // in progress at 10:30: runs over
    CHECK(s.agenda[2].start.hhmm() == "11:15");
    CHECK(s.agenda[2].end.hhmm() == "12:15");
    CHECK(nowAndNext(s, {11 * 60 + 5}).now->title == "Oefening");
    // Stored and read back; undone by a shift of zero.
    CHECK(AgendaShift::parse(shift.serialise())->minutes == 15);
    CHECK_FALSE(AgendaShift::parse("11:05 tien"));
    CHECK(applyShift(d, {{10 * 60 + 30}, 0}).agenda[2].start.hhmm() == "11:00");
}
