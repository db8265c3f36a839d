// What the kiosk holds (core/attendance.h, WHAT THE KIOSK HOLDS): only the days it is told to, a
// day loaded from the store replaces what it had, and an undo just after midnight stays with the
// tap it reverses.
#include <catch2/catch.hpp>

#include "core/attendance.h"
#include "core/event_builder.h"
#include "test_support.h"

using namespace kiosk;

namespace {

const LocalDate kToday{2026, 11, 26};

AttendanceEvent tapOn(const std::string& code, LocalDate day, int h, int m, EventKind kind = EventKind::check_in) {
    return makeTapEvent(kind, code, EventStamp::kiosk(fromLocal({day, h, m, 0}), "k"));
}

}  // namespace

TEST_CASE("a ledger told to hold today passes other days by, however many there are", "[attendance][ledger]") {
    test::AmsterdamTime tz;
    AttendanceLedger ledger;
    ledger.hold(kToday, std::nullopt);
    for (int d = 1; d <= 1000; ++d) CHECK_FALSE(ledger.apply(tapOn("ZU01", kToday.plusDays(-d), 9, 0)));
    CHECK(ledger.eventCount() == 0);
    CHECK(ledger.apply(tapOn("ZU01", kToday, 9, 5)));
    CHECK(ledger.eventCount() == 1);
    CHECK(ledger.record(kToday, "ZU01").isIn());
    CHECK_FALSE(ledger.record(kToday.plusDays(-3), "ZU01").checkIn);
}

TEST_CASE("a day asked for waits for the store, its events replace what was there, and it is let go after", "[attendance][ledger]") {
    test::AmsterdamTime tz;
    AttendanceLedger ledger;
    ledger.hold(kToday, std::nullopt);
    REQUIRE(ledger.apply(tapOn("ZU01", kToday, 9, 5)));
    const LocalDate old = kToday.plusDays(-365);
    const uint64_t before = ledger.version();
    ledger.hold(kToday, old);
    CHECK(ledger.version() != before);
    CHECK(ledger.holds(old));
    CHECK_FALSE(ledger.loaded(old));
    REQUIRE(ledger.waiting() == std::vector<LocalDate>{old});
    CHECK(ledger.loaded(kToday));  // today stays as it was
    // What the store has of that day; a check-in of it that arrived meanwhile is not doubled.
    const auto in = tapOn("ZU02", old, 9, 20), out = tapOn("ZU02", old, 16, 40, EventKind::check_out);
    ledger.apply(in);
    ledger.loadDay(old, {in, out});
    CHECK(ledger.loaded(old));
    CHECK(ledger.waiting().empty());
    CHECK(ledger.eventCount() == 3);
    const DayRecord r = ledger.record(old, "ZU02");
    REQUIRE(r.checkOut);
    CHECK(toLocal(*r.checkIn).timeOfDay().hhmm() == "09:20");
    CHECK(toLocal(*r.checkOut).timeOfDay().hhmm() == "16:40");
    CHECK(ledger.codesOn(old) == std::set<std::string>{"ZU02"});
    // Back to today only: the old day is gone, today is untouched; a late answer for it is dropped.
    ledger.hold(kToday, std::nullopt);
    CHECK(ledger.eventCount() == 1);
    CHECK_FALSE(ledger.record(old, "ZU02").checkIn);
    ledger.loadDay(old, {in, out});
    CHECK(ledger.eventCount() == 1);
    CHECK(ledger.record(kToday, "ZU01").isIn());
}

TEST_CASE("a tap undone just after midnight is undone in the held day it belongs to", "[attendance][ledger]") {
    test::AmsterdamTime tz;
    AttendanceLedger ledger;
    const LocalDate yesterday = kToday.plusDays(-1);
    ledger.hold(kToday, yesterday);
    const auto late = tapOn("ZU01", yesterday, 23, 59);
    ledger.loadDay(yesterday, {late});
    REQUIRE(ledger.record(yesterday, "ZU01").isIn());
    AttendanceEvent undo = makeTapEvent(EventKind::undo, "ZU01", EventStamp::kiosk(fromLocal({kToday, 0, 0, 5}), "k"));
    undo.refersTo = late.id;
    // The store hands the next day's undos with a day (AttendanceDb::loadDay); held day or not, it counts.
    ledger.hold(kToday.plusDays(1), yesterday);
    CHECK(ledger.apply(undo));
    CHECK_FALSE(ledger.record(yesterday, "ZU01").checkIn);
}

TEST_CASE("after a roster came in, a held day is read again: someone the first reading left out appears", "[attendance][ledger]") {
    test::AmsterdamTime tz;
    AttendanceLedger ledger;
    ledger.hold(kToday, std::nullopt);
    // The first reading, for the old roster's cohorts: Anna only (Piet's check-in at another kiosk was
    // of someone this kiosk did not show yet).
    ledger.loadDay(kToday, {tapOn("ZU01", kToday, 8, 55)});
    REQUIRE(ledger.loaded(kToday));
    CHECK_FALSE(ledger.record(kToday, "ZU99").checkIn);
    const uint64_t before = ledger.version();
    ledger.reloadHeld();
    CHECK(ledger.version() != before);
    CHECK_FALSE(ledger.loaded(kToday));  // the staff page says "laden…" meanwhile
    REQUIRE(ledger.waiting() == std::vector<LocalDate>{kToday});
    CHECK(ledger.record(kToday, "ZU01").isIn());  // and answers from what it had
    ledger.loadDay(kToday, {tapOn("ZU01", kToday, 8, 55), tapOn("ZU99", kToday, 8, 30)});
    CHECK(ledger.loaded(kToday));
    CHECK(ledger.record(kToday, "ZU99").isIn());
    CHECK(ledger.record(kToday, "ZU01").isIn());
    CHECK(ledger.eventCount() == 2);
}
