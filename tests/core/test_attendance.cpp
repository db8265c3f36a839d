#include <catch2/catch.hpp>

#include "core/attendance.h"
#include "core/clock.h"
#include "core/event_builder.h"
#include "test_support.h"

using namespace kiosk;

namespace {

Instant local(const char* s) { return fromLocal(*LocalDateTime::parse(s)); }

AttendanceEvent event(EventKind kind, const std::string& code, Instant at, std::string id = newEventId()) {
    AttendanceEvent e = makeTapEvent(kind, code, EventStamp::kiosk(at, ""));
    e.id = std::move(id);
    return e;
}

ProgrammeDay day1() {
    ProgrammeDay d;
    d.number = 1;
    d.date = {2026, 11, 26};
    d.agenda.push_back({{9 * 60 + 30}, {12 * 60}, "Ochtend", "", "", "", ""});
    d.agenda.push_back({{13 * 60}, {16 * 60 + 30}, "Middag", "", "", "", ""});
    return d;
}

}  // namespace

TEST_CASE("a second check-in on the same day is 'already checked in', not a new record", "[attendance]") {
    test::AmsterdamTime tz;
    AttendanceLedger ledger;
    const LocalDate d{2026, 11, 26};
    CHECK(decideCheckIn(ledger.record(d, "ZU01")) == CheckInDecision::record);
    ledger.apply(event(EventKind::check_in, "ZU01", local("2026-11-26T09:02")));
    const auto r = ledger.record(d, "ZU01");
    CHECK(decideCheckIn(r) == CheckInDecision::already_checked_in);
    CHECK(toLocal(*r.checkIn).timeOfDay().hhmm() == "09:02");
    // The next day starts fresh.
    CHECK(decideCheckIn(ledger.record(d.plusDays(1), "ZU01")) == CheckInDecision::record);
}

TEST_CASE("undo within the window reverses the check-in, after it, it cannot", "[attendance]") {
    test::AmsterdamTime tz;
    FakeClock clock(local("2026-11-26T09:00"));
    const AttendanceRules rules{10, 10, 10};
    AttendanceLedger ledger;
    const auto in = event(EventKind::check_in, "ZU01", clock.now());
    ledger.apply(in);
    const LocalDate d = localDateOf(clock.now());
    clock.advanceSeconds(4);
    CHECK(canUndo(ledger.record(d, "ZU01"), clock.now(), rules));
    CHECK(undoSecondsLeft(ledger.record(d, "ZU01"), clock.now(), rules) == 6);
    clock.advanceSeconds(6);
    CHECK_FALSE(canUndo(ledger.record(d, "ZU01"), clock.now(), rules));

    clock.advanceSeconds(-5);
    auto undo = event(EventKind::undo, "ZU01", clock.now());
    undo.refersTo = in.id;
    ledger.apply(undo);
    CHECK_FALSE(ledger.record(d, "ZU01").checkIn);
    CHECK(decideCheckIn(ledger.record(d, "ZU01")) == CheckInDecision::record);
}

TEST_CASE("check-out needs a check-in first", "[attendance]") {
    test::AmsterdamTime tz;
    AttendanceLedger ledger;
    const LocalDate d{2026, 11, 26};
    CHECK(decideCheckOut(ledger.record(d, "ZU01")) == CheckOutDecision::not_checked_in);
    ledger.apply(event(EventKind::check_out, "ZU01", local("2026-11-26T08:00")));  // ignored: not in yet
    CHECK_FALSE(ledger.record(d, "ZU01").checkOut);
    ledger.apply(event(EventKind::check_in, "ZU01", local("2026-11-26T09:00")));
    CHECK(decideCheckOut(ledger.record(d, "ZU01")) == CheckOutDecision::record);
    ledger.apply(event(EventKind::check_out, "ZU01", local("2026-11-26T16:30")));
    CHECK(decideCheckOut(ledger.record(d, "ZU01")) == CheckOutDecision::already_checked_out);
}

TEST_CASE("late and left early follow the day's agenda", "[attendance]") {
    test::AmsterdamTime tz;
    const ProgrammeDay day = day1();
    const AttendanceRules rules{10, 10, 10};
    auto status = [&](const char* in, const char* out) {
        AttendanceLedger l;
        l.apply(event(EventKind::check_in, "A", local(in)));
        if (out) l.apply(event(EventKind::check_out, "A", local(out)));
        return statusOf(l.record(day.date, "A"), &day, rules);
    };
    CHECK(status("2026-11-26T09:35", nullptr) == DayStatus::present);
    CHECK(status("2026-11-26T09:40", "2026-11-26T16:25") == DayStatus::present);
    CHECK(status("2026-11-26T09:41", nullptr) == DayStatus::late);
    CHECK(status("2026-11-26T09:00", "2026-11-26T15:00") == DayStatus::left_early);
    CHECK(status("2026-11-26T10:00", "2026-11-26T15:00") == DayStatus::late_and_left_early);
    CHECK(statusOf(DayRecord{}, &day, rules) == DayStatus::absent);
    // Without a programme day there is no agenda to be late for.
    AttendanceLedger l;
    l.apply(event(EventKind::check_in, "A", local("2026-11-27T14:00")));
    CHECK(statusOf(l.record({2026, 11, 27}, "A"), nullptr, rules) == DayStatus::present);
}

TEST_CASE("staff corrections reshape the day and close the undo window", "[attendance]") {
    test::AmsterdamTime tz;
    AttendanceLedger ledger;
    const LocalDate d{2026, 11, 26};
    auto fix = event(EventKind::correction, "ZU02", local("2026-11-26T09:30"));
    fix.effect = CorrectionEffect::set_check_in;
    fix.reason = "badge vergeten";
    fix.actor = "balie";
    ledger.apply(fix);
    auto r = ledger.record(d, "ZU02");
    REQUIRE(r.checkIn);
    CHECK(r.corrected);
    CHECK_FALSE(canUndo(r, local("2026-11-26T09:30"), AttendanceRules{}));
    auto absent = event(EventKind::correction, "ZU02", local("2026-11-26T12:00"));
    absent.effect = CorrectionEffect::set_absent;
    absent.reason = "per abuis";
    ledger.apply(absent);
    CHECK_FALSE(ledger.record(d, "ZU02").checkIn);
}

TEST_CASE("check-ins at 23:59 and 00:01 count for their own days, also on DST nights", "[attendance][dst]") {
    test::AmsterdamTime tz;
    for (const auto& [before, after, dayBefore] :
         {std::tuple{"2027-03-27T23:59", "2027-03-28T00:01", LocalDate{2027, 3, 27}},
          std::tuple{"2026-10-24T23:59", "2026-10-25T00:01", LocalDate{2026, 10, 24}},
          std::tuple{"2026-10-25T23:59", "2026-10-26T00:01", LocalDate{2026, 10, 25}}}) {
        AttendanceLedger ledger;
        ledger.apply(event(EventKind::check_in, "A", local(before)));
        ledger.apply(event(EventKind::check_in, "B", local(after)));
        CHECK(ledger.record(dayBefore, "A").checkIn);
        CHECK_FALSE(ledger.record(dayBefore, "B").checkIn);
        CHECK(ledger.record(dayBefore.plusDays(1), "B").checkIn);
    }
}

TEST_CASE("guests are listed per day and counted apart from the roster", "[attendance]") {
    test::AmsterdamTime tz;
    AttendanceLedger ledger;
    auto g = event(EventKind::guest_registration, "", local("2026-11-26T09:10"));
    g.guestName = "Karin Mulder";
    g.guestOrganisation = "Gemeente Lochem";
    ledger.apply(g);
    const auto guests = ledger.guests({2026, 11, 26});
    REQUIRE(guests.size() == 1);
    CHECK(guests[0].name == "Karin Mulder");
    CHECK(ledger.countCheckedIn({2026, 11, 26}, {"ZU01"}) == 0);
}

TEST_CASE("event ids are unique", "[attendance]") {
    std::set<std::string> ids;
    for (int i = 0; i < 1000; ++i) ids.insert(newEventId());
    CHECK(ids.size() == 1000);
}

// ---- Every rule at its boundary (issue #21): exactly at it and one unit either side. ----
// The day is built with the event builder and folded by foldPersonDay, then judged by statusOf;
// only checkIn/checkOut of the folded day are relied on.

namespace {

DayStatus statusFor(const ProgrammeDay& day, Instant in, std::optional<Instant> out, const AttendanceRules& rules) {
    std::vector<AttendanceEvent> events{makeTapEvent(EventKind::check_in, "A", EventStamp::kiosk(in, "t"))};
    if (out) events.push_back(makeTapEvent(EventKind::check_out, "A", EventStamp::kiosk(*out, "t")));
    std::vector<const AttendanceEvent*> ptrs;
    for (const auto& e : events) ptrs.push_back(&e);
    return statusOf(foldPersonDay(ptrs, {}), &day, rules);
}

ProgrammeDay dayOn(LocalDate date) {
    ProgrammeDay d = day1();
    d.date = date;
    return d;
}

}  // namespace

TEST_CASE("late: a check-in at start plus grace is on time, one minute after is late", "[attendance][boundary]") {
    test::AmsterdamTime tz;
    const ProgrammeDay day = day1();  // starts 09:30, grace 10 min: 09:40 is the last minute on time
    const AttendanceRules rules{10, 10, 10};
    CHECK(statusFor(day, local("2026-11-26T09:39"), {}, rules) == DayStatus::present);
    CHECK(statusFor(day, local("2026-11-26T09:40"), {}, rules) == DayStatus::present);
    CHECK(statusFor(day, local("2026-11-26T09:40").plusSeconds(59), {}, rules) == DayStatus::present);
    CHECK(statusFor(day, local("2026-11-26T09:41"), {}, rules) == DayStatus::late);
    // The grace comes from the rules, not from a constant.
    const AttendanceRules strict{10, 0, 10};
    CHECK(statusFor(day, local("2026-11-26T09:30"), {}, strict) == DayStatus::present);
    CHECK(statusFor(day, local("2026-11-26T09:31"), {}, strict) == DayStatus::late);
}

TEST_CASE("left early: a check-out at end minus grace is on time, one minute before is early", "[attendance][boundary]") {
    test::AmsterdamTime tz;
    const ProgrammeDay day = day1();  // ends 16:30, grace 10 min: 16:20 is the first minute on time
    const AttendanceRules rules{10, 10, 10};
    const Instant in = local("2026-11-26T09:00");
    CHECK(statusFor(day, in, local("2026-11-26T16:19"), rules) == DayStatus::left_early);
    CHECK(statusFor(day, in, local("2026-11-26T16:19").plusSeconds(59), rules) == DayStatus::left_early);
    CHECK(statusFor(day, in, local("2026-11-26T16:20"), rules) == DayStatus::present);
    CHECK(statusFor(day, in, local("2026-11-26T16:21"), rules) == DayStatus::present);
    CHECK(statusFor(day, local("2026-11-26T09:41"), local("2026-11-26T16:19"), rules) == DayStatus::late_and_left_early);
    const AttendanceRules strict{10, 10, 0};
    CHECK(statusFor(day, in, local("2026-11-26T16:29"), strict) == DayStatus::left_early);
    CHECK(statusFor(day, in, local("2026-11-26T16:30"), strict) == DayStatus::present);
}

TEST_CASE("late and left early on the DST Sundays are judged in local time", "[attendance][boundary][dst]") {
    test::AmsterdamTime tz;
    const AttendanceRules rules{10, 10, 10};
    // The last Sunday of March (summer time from 02:00) and of October (winter time from 03:00).
    for (const LocalDate date : {LocalDate{2027, 3, 28}, LocalDate{2026, 10, 25}}) {
        CAPTURE(date.iso());
        const ProgrammeDay day = dayOn(date);
        const std::string d = date.iso();
        CHECK(statusFor(day, local((d + "T09:40").c_str()), {}, rules) == DayStatus::present);
        CHECK(statusFor(day, local((d + "T09:41").c_str()), {}, rules) == DayStatus::late);
        CHECK(statusFor(day, local((d + "T09:00").c_str()), local((d + "T16:20").c_str()), rules) == DayStatus::present);
        CHECK(statusFor(day, local((d + "T09:00").c_str()), local((d + "T16:19").c_str()), rules) == DayStatus::left_early);
    }
}

TEST_CASE("midnight: the last millisecond counts for the old day, 00:00:00 for the new one", "[attendance][boundary][dst]") {
    test::AmsterdamTime tz;
    for (const LocalDate newDay : {LocalDate{2026, 11, 27}, LocalDate{2027, 3, 28}, LocalDate{2026, 10, 25}, LocalDate{2026, 10, 26}}) {
        CAPTURE(newDay.iso());
        const Instant midnight = fromLocal({newDay, 0, 0, 0});
        CHECK(makeTapEvent(EventKind::check_in, "A", EventStamp::kiosk(Instant{midnight.ms - 1}, "t")).day == newDay.plusDays(-1));
        CHECK(makeTapEvent(EventKind::check_in, "A", EventStamp::kiosk(midnight, "t")).day == newDay);
        CHECK(makeTapEvent(EventKind::check_in, "A", EventStamp::kiosk(Instant{midnight.ms + 1}, "t")).day == newDay);
        CHECK(localDateOf(Instant{midnight.ms - 1}) == newDay.plusDays(-1));
        CHECK(localDateOf(midnight) == newDay);
    }
    // The DST Sundays are 23 and 25 hours long.
    CHECK(fromLocal({{2027, 3, 29}, 0, 0, 0}).ms - fromLocal({{2027, 3, 28}, 0, 0, 0}).ms == 23LL * 3600 * 1000);
    CHECK(fromLocal({{2026, 10, 26}, 0, 0, 0}).ms - fromLocal({{2026, 10, 25}, 0, 0, 0}).ms == 25LL * 3600 * 1000);
}

TEST_CASE("undo: open until the window's last millisecond, closed exactly at its end", "[attendance][boundary]") {
    test::AmsterdamTime tz;
    const AttendanceRules rules{10, 10, 10};
    const Instant t = local("2026-11-26T09:00");
    const AttendanceEvent in = makeTapEvent(EventKind::check_in, "A", EventStamp::kiosk(t, "t"));
    const DayRecord r = foldPersonDay({&in}, {});
    REQUIRE(r.checkIn);
    CHECK(canUndo(r, t, rules));
    CHECK(undoSecondsLeft(r, t, rules) == 10);
    CHECK(undoSecondsLeft(r, Instant{t.ms + 8999}, rules) == 2);
    CHECK(undoSecondsLeft(r, Instant{t.ms + 9000}, rules) == 1);
    CHECK(canUndo(r, Instant{t.ms + 9999}, rules));
    CHECK(undoSecondsLeft(r, Instant{t.ms + 9999}, rules) == 1);
    CHECK_FALSE(canUndo(r, Instant{t.ms + 10000}, rules));
    CHECK(undoSecondsLeft(r, Instant{t.ms + 10000}, rules) == 0);
    CHECK_FALSE(canUndo(r, Instant{t.ms + 10001}, rules));
    // The window follows the setting.
    const AttendanceRules longer{30, 10, 10};
    CHECK(canUndo(r, Instant{t.ms + 29999}, longer));
    CHECK_FALSE(canUndo(r, Instant{t.ms + 30000}, longer));
}
