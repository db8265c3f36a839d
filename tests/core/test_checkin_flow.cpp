// The door's decisions without SQLite, a thread or a screen: what a tap, a scan, an undo or a
// walk-in shows, and which event it writes (core/checkin_flow.h).
#include <catch2/catch.hpp>

#include "core/checkin_flow.h"
#include "event_support.h"
#include "test_support.h"

using namespace kiosk;
using Kind = CheckFeedback::Kind;

namespace {

Instant at(const char* s) { return fromLocal(*LocalDateTime::parse(s)); }

const CheckinFlow::Who kAnna{"ZU01", "Anna de V.", "Anna"};

// Anna's day after these events, as the ledger folds it.
DayRecord dayOf(const std::vector<AttendanceEvent>& events) {
    AttendanceLedger ledger;
    for (const auto& e : events) ledger.apply(e);
    return ledger.record({2026, 11, 26}, "ZU01");
}

}  // namespace

TEST_CASE("decideTap: a first tap writes a check-in, a second offers the check-out", "[checkin_flow]") {
    const Instant now = at("2026-11-26T09:10");
    const TapDecision first = decideTap(CheckAction::check_in, {DayRecord{}, false, now, {}});
    CHECK(first.show == Kind::pending);
    REQUIRE(first.write);
    CHECK(*first.write == EventKind::check_in);
    CHECK(first.onCommit == Kind::checked_in);

    const DayRecord in = dayOf({test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:02")});
    const TapDecision again = decideTap(CheckAction::check_in, {in, false, now, {}});
    CHECK(again.show == Kind::already_in);
    CHECK_FALSE(again.write);
    CHECK(again.shownTime == at("2026-11-26T09:02"));  // "je bent al ingecheckt om 09:02"
}

TEST_CASE("checkin_flow rule 6: decideTap with a central record: what is impossible only in this kiosk's view is recorded",
          "[checkin_flow]") {
    AttendanceRules shared;
    shared.sharedRecord = true;
    const Instant now = at("2026-11-26T13:05");
    // Checked in here at 09:02, checked out at the other kiosk at 12:00 (not pulled yet), back now.
    const DayRecord in = dayOf({test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:02")});
    const TapDecision back = decideTap(CheckAction::check_in, {in, false, now, shared});
    REQUIRE(back.write);
    CHECK(*back.write == EventKind::check_in);
    CHECK(back.onCommit == Kind::checked_in);
    // Checked in at the other kiosk only (not pulled yet), leaving through this one.
    const TapDecision out = decideTap(CheckAction::check_out, {DayRecord{}, false, now, shared});
    REQUIRE(out.write);
    CHECK(*out.write == EventKind::check_out);
    CHECK(out.onCommit == Kind::checked_out);
    // Impossible in any view stays refused: a check-out before this kiosk's own check-in, the future.
    const TapDecision early = decideTap(CheckAction::check_out, {in, false, now, shared, at("2026-11-26T08:00")});
    CHECK(early.show == Kind::refused);
    CHECK(early.refusal == TimeCheck::out_before_in);
    const TapDecision ahead = decideTap(CheckAction::check_in, {DayRecord{}, false, now, shared, at("2026-11-26T15:00")});
    CHECK(ahead.show == Kind::refused);
    // Folded once the other kiosk's events arrive: 09:02-12:00 and 13:05 on, nothing counted twice.
    const DayRecord all = dayOf({test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:02"),
                                 test::eventAt(EventKind::check_out, "ZU01", "2026-11-26T12:00"),
                                 test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T13:05")});
    REQUIRE(all.intervals.size() == 2);
    CHECK(all.intervals[0].out == at("2026-11-26T12:00"));
    CHECK(all.intervals[1].in == at("2026-11-26T13:05"));
    // A redundant check-in (they never left) adds nothing.
    const DayRecord twice = dayOf({test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:02"),
                                   test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T13:05")});
    CHECK(twice.intervals.size() == 1);
    CHECK(twice.intervals[0].in == at("2026-11-26T09:02"));
}

TEST_CASE("decideTap: check-out needs a check-in and happens once", "[checkin_flow]") {
    const Instant now = at("2026-11-26T16:40");
    CHECK(decideTap(CheckAction::check_out, {DayRecord{}, false, now, {}}).show == Kind::not_checked_in);
    const auto in = test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:02");
    const TapDecision out = decideTap(CheckAction::check_out, {dayOf({in}), false, now, {}});
    REQUIRE(out.write);
    CHECK(*out.write == EventKind::check_out);
    CHECK(out.onCommit == Kind::checked_out);
    const auto left = test::eventAt(EventKind::check_out, "ZU01", "2026-11-26T16:31");
    const TapDecision twice = decideTap(CheckAction::check_out, {dayOf({in, left}), false, now, {}});
    CHECK(twice.show == Kind::already_out);
    CHECK_FALSE(twice.write);
    CHECK(twice.shownTime == at("2026-11-26T16:31"));
}

TEST_CASE("checkin_flow rule 2: decideTap: a write still on its way is never doubled", "[checkin_flow]") {
    const Instant now = at("2026-11-26T09:10");
    for (auto action : {CheckAction::check_in, CheckAction::check_out}) {
        const TapDecision d = decideTap(action, {DayRecord{}, true, now, {}});
        CHECK(d.show == Kind::pending);
        CHECK_FALSE(d.write);
    }
    CHECK(decideTap(CheckAction::undo, {DayRecord{}, true, now, {}}).ignored);
}

TEST_CASE("decideTap: undo inside its window, at its boundary, and after", "[checkin_flow]") {
    const auto in = test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:10");
    const DayRecord rec = dayOf({in});
    AttendanceRules rules;
    rules.undoSeconds = 10;
    const TapDecision inside = decideTap(CheckAction::undo, {rec, false, in.recordedAt.plusSeconds(9), rules});
    REQUIRE(inside.write);
    CHECK(*inside.write == EventKind::undo);
    CHECK(inside.onCommit == Kind::undone);
    CHECK(decideTap(CheckAction::undo, {rec, false, in.recordedAt.plusSeconds(10), rules}).ignored);
    CHECK(decideTap(CheckAction::undo, {rec, false, in.recordedAt.plusSeconds(11), rules}).ignored);
}

TEST_CASE("checkin_flow rule 1: CheckinFlow: pending until the commit, then the greeting, and a failure is said as such",
          "[checkin_flow]") {
    CheckinFlow flow;
    CheckFeedback card;
    const Instant now = at("2026-11-26T09:10");
    auto w = flow.tap(card, CheckAction::check_in, kAnna, DayRecord{}, {}, EventStamp::kiosk(now, "entree"));
    REQUIRE(w);
    CHECK(card.kind == Kind::pending);
    CHECK(card.name == "Anna de V.");
    CHECK(w->event.kind == EventKind::check_in);
    CHECK(w->event.participantCode == "ZU01");
    CHECK(w->event.kioskId == "entree");
    CHECK(w->event.day == LocalDate{2026, 11, 26});
    CHECK(w->event.id.size() == 32);
    flow.submitted(7, *w);
    CHECK(flow.writing("ZU01"));

    // A second tap while the first is on its way writes nothing.
    CHECK_FALSE(flow.tap(card, CheckAction::check_in, kAnna, DayRecord{}, {}, EventStamp::kiosk(now, "entree")));
    CHECK(card.kind == Kind::pending);

    CHECK_FALSE(flow.committed(card, 8, now));  // not the flow's ticket
    CHECK(flow.committed(card, 7, now.plusSeconds(1)));
    CHECK(card.kind == Kind::checked_in);
    CHECK(card.name == "Anna");
    CHECK_FALSE(flow.writing("ZU01"));

    CheckFeedback other;
    auto w2 = flow.tap(other, CheckAction::check_out, kAnna, dayOf({w->event}), {}, EventStamp::kiosk(now.plusSeconds(60), "entree"));
    REQUIRE(w2);
    flow.submitted(9, *w2);
    CHECK(flow.failed(other, 9, "schijf vol", now));
    CHECK(other.kind == Kind::error);
    CHECK(other.detail == "schijf vol");
}

TEST_CASE("CheckinFlow: a commit for a card no longer shown leaves the card alone", "[checkin_flow]") {
    CheckinFlow flow;
    CheckFeedback card;
    const Instant now = at("2026-11-26T09:10");
    auto w = flow.tap(card, CheckAction::check_in, kAnna, DayRecord{}, {}, EventStamp::kiosk(now, ""));
    REQUIRE(w);
    flow.submitted(1, *w);
    card = {};  // the card closed (back home) before the disk answered
    CHECK(flow.committed(card, 1, now));
    CHECK(card.kind == Kind::none);
}

TEST_CASE("checkin_flow rule 4: a commit or refusal for Anna leaves Bram's card alone, a failure for Anna always takes it", "[checkin_flow]") {
    const CheckinFlow::Who bram{"ZU02", "Bram V.", "Bram"};
    const Instant now = at("2026-11-26T09:10");
    for (const char* answer : {"committed", "refused", "failed"}) {
        INFO(answer);
        CheckinFlow flow;
        CheckFeedback card;
        auto anna = flow.tap(card, CheckAction::check_in, kAnna, DayRecord{}, {}, EventStamp::kiosk(now, "entree"));
        REQUIRE(anna);
        flow.submitted(1, *anna);
        // Bram taps before the disk answered for Anna: his card is the one shown now.
        auto b = flow.tap(card, CheckAction::check_in, bram, DayRecord{}, {}, EventStamp::kiosk(now.plusSeconds(1), "entree"));
        REQUIRE(b);
        flow.submitted(2, *b);
        REQUIRE(card.code == "ZU02");
        const std::string a = answer;
        if (a == "committed") {
            CHECK(flow.committed(card, 1, now.plusSeconds(2)));
            CHECK(card.kind == Kind::pending);  // Bram still waits; no "Welkom, Anna" over his card
            CHECK(card.code == "ZU02");
            CHECK(flow.committed(card, 2, now.plusSeconds(2)));
            CHECK(card.kind == Kind::checked_in);
            CHECK(card.name == "Bram");
        } else if (a == "refused") {
            CHECK(flow.refused(card, 1, Kind::already_in, now, now.plusSeconds(2)));
            CHECK(card.kind == Kind::pending);
            CHECK(card.code == "ZU02");
        } else {
            CHECK(flow.failed(card, 1, "schijf vol", now.plusSeconds(2)));
            CHECK(card.kind == Kind::error);  // a write that did not happen is said, whoever stands there
            CHECK(card.code == "ZU01");
            CHECK(card.detail == "schijf vol");
        }
        CHECK_FALSE(flow.writing("ZU01"));
    }
}

TEST_CASE("CheckinFlow: undo only from Anna's own greeting, naming her check-in", "[checkin_flow]") {
    CheckinFlow flow;
    const auto in = test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:10");
    const DayRecord rec = dayOf({in});
    CheckFeedback card{Kind::already_in, "ZU01", "Anna", in.at, in.at, {}};
    CHECK_FALSE(flow.tap(card, CheckAction::undo, kAnna, rec, {}, EventStamp::kiosk(in.at.plusSeconds(2), "")));
    card.kind = Kind::checked_in;
    auto w = flow.tap(card, CheckAction::undo, kAnna, rec, {}, EventStamp::kiosk(in.at.plusSeconds(2), ""));
    REQUIRE(w);
    CHECK(w->event.kind == EventKind::undo);
    CHECK(w->event.refersTo == in.id);
    CHECK(w->onCommit == Kind::undone);
}

TEST_CASE("CheckinFlow: a walk-in needs a name, trailing spaces go", "[checkin_flow]") {
    CheckinFlow flow;
    CheckFeedback card;
    const EventStamp stamp = EventStamp::kiosk(at("2026-11-26T09:10"), "");
    CHECK_FALSE(flow.walkIn(card, "   ", "Gemeente Lochem", stamp));
    CHECK(card.kind == Kind::none);
    auto w = flow.walkIn(card, "Karin Mulder  ", "Gemeente Lochem ", stamp);
    REQUIRE(w);
    CHECK(w->event.kind == EventKind::guest_registration);
    CHECK(w->event.guestName == "Karin Mulder");
    CHECK(w->event.guestOrganisation == "Gemeente Lochem");
    CHECK(card.kind == Kind::pending);
    flow.submitted(3, *w);
    CHECK_FALSE(flow.walkIn(card, "Nog iemand", "", stamp));  // one at a time
    CHECK(flow.committed(card, 3, stamp.recordedAt));
    CHECK(card.kind == Kind::guest_registered);
    CHECK(card.name == "Karin Mulder");
}

TEST_CASE("CheckinFlow: an unknown code is shown as such", "[checkin_flow]") {
    CheckFeedback card;
    CheckinFlow::unknownCode(card, "9999", at("2026-11-26T09:10"));
    CHECK(card.kind == Kind::unknown_code);
    CHECK(card.code == "9999");
}

TEST_CASE("CheckinFlow: a write the store refused on its fresh state says what is true now, never welcome", "[checkin_flow]") {
    CheckinFlow flow;
    CheckFeedback card;
    const Instant now = at("2026-11-26T09:10");
    auto w = flow.tap(card, CheckAction::check_in, kAnna, DayRecord{}, {}, EventStamp::kiosk(now, "entree"));
    REQUIRE(w);
    flow.submitted(4, *w);
    CHECK_FALSE(flow.refused(card, 5, Kind::already_in, at("2026-11-26T09:02"), now));  // not the flow's ticket
    CHECK(card.kind == Kind::pending);
    CHECK(flow.refused(card, 4, Kind::already_in, at("2026-11-26T09:02"), now.plusSeconds(1)));
    CHECK(card.kind == Kind::already_in);  // "Je bent al ingecheckt, Anna" / "Sinds 09:02"
    CHECK(card.name == "Anna");
    CHECK(card.at == at("2026-11-26T09:02"));
    CHECK_FALSE(flow.writing("ZU01"));
    CHECK_FALSE(flow.committed(card, 4, now));  // answered once
}

TEST_CASE("AttendanceLedger: the same event folded twice counts once", "[checkin_flow]") {
    AttendanceLedger ledger;
    const AttendanceEvent in = test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:02");
    const AttendanceEvent out = test::eventAt(EventKind::check_out, "ZU01", "2026-11-26T12:00");
    AttendanceEvent undo = test::eventAt(EventKind::undo, "ZU01", "2026-11-26T09:03");
    undo.refersTo = in.id;
    for (const auto* e : {&in, &out, &in, &out}) ledger.apply(*e);  // its own write, then what the database holds
    CHECK(ledger.eventCount() == 2);
    const DayRecord r = ledger.record({2026, 11, 26}, "ZU01");
    CHECK(r.checkIn == at("2026-11-26T09:02"));
    CHECK(r.checkOut == at("2026-11-26T12:00"));
    ledger.apply(undo);
    ledger.apply(undo);
    CHECK(ledger.eventCount() == 3);
    CHECK_FALSE(ledger.record({2026, 11, 26}, "ZU01").checkIn);
}

TEST_CASE("decideTap: a tap after a check-out says when they left and asks, the answer checks in again", "[checkin_flow][intervals]") {
    const auto in = test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:02");
    const auto out = test::eventAt(EventKind::check_out, "ZU01", "2026-11-26T12:03");
    const DayRecord left = dayOf({in, out});
    const Instant now = at("2026-11-26T13:10");
    const TapDecision ask = decideTap(CheckAction::check_in, {left, false, now, {}});
    CHECK(ask.show == Kind::already_out);
    CHECK_FALSE(ask.write);
    CHECK(ask.shownTime == at("2026-11-26T12:03"));  // "je bent om 12:03 vertrokken"
    const TapDecision again = decideTap(CheckAction::check_in_again, {left, false, now, {}});
    REQUIRE(again.write);
    CHECK(*again.write == EventKind::check_in);
    CHECK(again.onCommit == Kind::checked_in);
    // Back in: the day has a second interval, and a second check-out is possible.
    const auto back = test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T13:10");
    const DayRecord r = dayOf({in, out, back});
    CHECK(r.intervals.size() == 2);
    CHECK(decideTap(CheckAction::check_out, {r, false, at("2026-11-26T16:30"), {}}).write == EventKind::check_out);
}

TEST_CASE("decideTap: a check-out earlier than the open check-in is refused, naming the check-in", "[checkin_flow][time]") {
    const DayRecord r = dayOf({test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T13:00")});
    TapFacts f{r, false, at("2026-11-26T14:00"), {}};
    f.at = at("2026-11-26T12:30");
    const TapDecision d = decideTap(CheckAction::check_out, f);
    CHECK_FALSE(d.write);
    CHECK(d.show == Kind::refused);
    CHECK(d.refusal == TimeCheck::out_before_in);
    CHECK(d.shownTime == at("2026-11-26T13:00"));
}

TEST_CASE("decideTap: a check-in an hour ahead of the clock is refused", "[checkin_flow][time]") {
    TapFacts f{DayRecord{}, false, at("2026-11-26T09:00"), {}};
    f.at = at("2026-11-26T10:00");
    const TapDecision d = decideTap(CheckAction::check_in, f);
    CHECK_FALSE(d.write);
    CHECK(d.show == Kind::refused);
    CHECK(d.refusal == TimeCheck::ahead_of_clock);
    f.at = at("2026-11-26T09:05");  // within kMaxAheadMinutes: two clocks a little apart
    CHECK(decideTap(CheckAction::check_in, f).write == EventKind::check_in);
}

TEST_CASE("CheckinFlow: the goodbye has an undo that reopens the day", "[checkin_flow][intervals]") {
    CheckinFlow flow;
    const auto in = test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:00");
    const auto out = test::eventAt(EventKind::check_out, "ZU01", "2026-11-26T12:03");
    const DayRecord left = dayOf({in, out});
    CheckFeedback card{Kind::checked_out, "ZU01", "Anna", out.at, out.at, {}};
    auto w = flow.tap(card, CheckAction::undo, kAnna, left, {}, EventStamp::kiosk(out.recordedAt.plusSeconds(3), ""));
    REQUIRE(w);
    CHECK(w->event.kind == EventKind::undo);
    CHECK(w->event.refersTo == out.id);
    CHECK(w->onCommit == Kind::undone_out);
    flow.submitted(4, *w);
    CHECK(flow.committed(card, 4, out.recordedAt.plusSeconds(4)));
    CHECK(card.kind == Kind::undone_out);
    const DayRecord after = dayOf({in, out, w->event});
    CHECK(after.isIn());
    CHECK_FALSE(after.checkOut);
    // After the window the goodbye stays.
    CheckFeedback late{Kind::checked_out, "ZU01", "Anna", out.at, out.at, {}};
    CHECK_FALSE(flow.tap(late, CheckAction::undo, kAnna, left, {}, EventStamp::kiosk(out.recordedAt.plusSeconds(11), "")));
}
