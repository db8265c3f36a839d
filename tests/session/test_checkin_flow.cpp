// Every check-in flow, tapped through ImGui's io on the real screens with the real store thread.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "session/scan_queue.h"
#include "ui_harness.h"

using namespace kiosk;
using Kind = ui::Feedback::Kind;

namespace {

const LocalDate kDay1{2026, 11, 26};

void checkIn(test::UiHarness& ui, const std::string& code) {
    ui.tap("go.checkin");
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    ui.tap("tile." + code);
    ui.settle();
}

}  // namespace

TEST_CASE("one tap on a name checks in, after the commit, and says welcome", "[ui][checkin]") {
    test::UiHarness ui;
    REQUIRE(ui.has("go.checkin"));
    checkIn(ui, "ZU01");
    CHECK(ui.state().feedback.kind == Kind::checked_in);
    CHECK(ui.state().feedback.name == "Anna");
    CHECK(ui.session().ledger().record(kDay1, "ZU01").checkIn.has_value());
    CHECK(ui.has("feedback.undo"));
    // The record is on disk, not just in memory: a second connection sees it.
    AttendanceDb db;
    REQUIRE(db.open(ui.dir() / "attendance.db", ui.clock().now()).status.ok());
    std::vector<AttendanceEvent> events;
    REQUIRE(db.loadEventsForDay(kDay1, events).ok());
    REQUIRE(events.size() == 1);
    CHECK(events[0].participantCode == "ZU01");
    CHECK(events[0].source == EventSource::kiosk);
    // "Klaar" goes home, where the count (never a name) has gone up.
    ui.tap("feedback.done");
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK(ui.session().buildView().checkedIn == 1);
}

TEST_CASE("undo within the window reverses the check-in", "[ui][checkin]") {
    test::UiHarness ui;
    checkIn(ui, "ZU03");
    ui.clock().advanceSeconds(4);
    ui.frame();
    CHECK(ui.state().undoSecondsLeft == 6);
    ui.tap("feedback.undo");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::undone);
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU03").checkIn.has_value());
}

TEST_CASE("the undo button is gone once the window has passed", "[ui][checkin]") {
    test::UiHarness ui;
    checkIn(ui, "ZU03");
    ui.session().noteInput();
    ui.clock().advanceSeconds(9);
    ui.frame();
    CHECK(ui.has("feedback.undo"));
    // Untouched since: the window (counted from the last touch, issue 32; test_undo_touch.cpp) has passed.
    ui.clock().advanceSeconds(2);
    ui.frame();
    CHECK(ui.state().undoSecondsLeft == 0);
    CHECK_FALSE(ui.has("feedback.undo"));
}

TEST_CASE("tapping a name already checked in is friendly and offers check-out", "[ui][checkin]") {
    test::UiHarness ui;
    checkIn(ui, "ZU02");
    ui.tap("feedback.done");
    checkIn(ui, "ZU02");
    CHECK(ui.state().feedback.kind == Kind::already_in);
    CHECK(ui.session().ledger().eventCount() == 1);  // no second record
    ui.clock().advanceSeconds(60 * 60 * 7);
    ui.tap("feedback.checkout");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::checked_out);
    CHECK(ui.session().ledger().record(kDay1, "ZU02").checkOut.has_value());
}

TEST_CASE("the goodbye has an undo, and after a check-out a tap says when they left and checks in again on request", "[ui][checkout][intervals]") {
    test::UiHarness ui;
    checkIn(ui, "ZU02");
    ui.tap("feedback.done");
    ui.clock().advanceSeconds(60 * 60 * 3);
    auto checkOut = [&] {
        ui.tap("go.checkout");
        ui.tap("tile.ZU02");
        ui.settle();
    };
    checkOut();
    REQUIRE(ui.state().feedback.kind == Kind::checked_out);
    REQUIRE(ui.has("feedback.undo"));  // "Tot ziens" can be undone like "Welkom"
    ui.tap("feedback.undo");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::undone_out);
    CHECK(ui.session().ledger().record(kDay1, "ZU02").isIn());
    ui.tap("feedback.done");

    checkOut();
    REQUIRE(ui.state().feedback.kind == Kind::checked_out);
    const Instant leftAt = ui.state().feedback.at;
    ui.tap("feedback.done");
    ui.clock().advanceSeconds(60 * 60);
    const size_t events = ui.session().ledger().eventCount();
    checkIn(ui, "ZU02");
    CHECK(ui.state().feedback.kind == Kind::already_out);
    CHECK(ui.state().feedback.at == leftAt);  // "je bent om 12:03 vertrokken"
    CHECK(ui.session().ledger().eventCount() == events);  // asked, nothing written yet
    REQUIRE(ui.has("feedback.checkin_again"));
    ui.tap("feedback.checkin_again");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::checked_in);
    const DayRecord r = ui.session().ledger().record(kDay1, "ZU02");
    CHECK(r.intervals.size() == 2);
    CHECK(r.isIn());
}

TEST_CASE("check-out through the same flow, and not before a check-in", "[ui][checkout]") {
    test::UiHarness ui;
    ui.tap("go.checkout");
    REQUIRE(ui.state().mode == ui::CheckMode::check_out);
    ui.tap("tile.ZU05");
    CHECK(ui.state().feedback.kind == Kind::not_checked_in);
    ui.tap("feedback.checkin");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::checked_in);
    ui.tap("feedback.done");
    ui.clock().advanceSeconds(60 * 60 * 7);
    ui.tap("go.checkout");
    ui.tap("tile.ZU05");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::checked_out);
}

TEST_CASE("every screen returns home after the inactivity timeout", "[ui][timeout]") {
    test::UiHarness ui;
    ui.tap("go.agenda");
    CHECK(ui.state().screen == ui::Screen::agenda);
    ui.clock().advanceSeconds(19);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::agenda);
    ui.clock().advanceSeconds(2);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::agenda);  // "Meer tijd nodig?" first (issue 32)
    CHECK(ui.state().moreTimeSecondsLeft > 0);
    ui.clock().advanceSeconds(Navigation::kMoreTimeSeconds);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::home);

    ui.tap("go.checkin");
    ui.untouchedUntilHome();  // the timeout and the question's 20 s
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("inactivity: the question comes at the timeout's last millisecond, home 20 s after it", "[ui][timeout][boundary]") {
    test::UiHarness ui;  // the sample config: return_home_seconds = 20
    ui.tap("go.agenda");  // the tap is the last touch: the 20 s count from here
    REQUIRE(ui.state().screen == ui::Screen::agenda);
    ui.clock().advanceMs(19'999);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::agenda);
    CHECK(ui.state().moreTimeSecondsLeft == 0);
    ui.clock().advanceMs(1);  // exactly 20 s: "Meer tijd nodig?", 20 s to answer
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::agenda);
    CHECK(ui.state().moreTimeSecondsLeft == 20);
    CHECK(ui.has("more_time"));
    ui.clock().advanceMs(19'999);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::agenda);
    CHECK(ui.state().moreTimeSecondsLeft == 1);
    ui.clock().advanceMs(1);  // exactly 40 s: home
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::home);
    // A touch one millisecond before the question starts the count again.
    ui.tap("go.agenda");
    ui.clock().advanceMs(19'999);
    ui.session().noteInput();
    ui.clock().advanceMs(19'999);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::agenda);
    CHECK(ui.state().moreTimeSecondsLeft == 0);
    ui.clock().advanceMs(20'002);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("a store that cannot write says so and never shows a check-in", "[ui][fault]") {
    test::UiHarness ui;
    auto other = ui.holdWriteLock();
    checkIn(ui, "ZU04");
    other->release();
    CHECK(ui.state().feedback.kind == Kind::error);
    CHECK(ui.state().feedback.detail.find("bezet") != std::string::npos);
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU04").checkIn.has_value());
    CHECK_FALSE(ui.session().buildView().storeProblem.empty());
    // The lock is gone: the next tap works and the warning clears.
    ui.tap("feedback.done");
    checkIn(ui, "ZU04");
    CHECK(ui.state().feedback.kind == Kind::checked_in);
    CHECK(ui.session().buildView().storeProblem.empty());
}

TEST_CASE("a cohort of 15 fits one screen at 1280x800 without scrolling, long names too", "[ui][layout]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    std::set<std::string> tiles;
    for (const auto& t : ui::frameTargets()) {
        if (t.id.rfind("tile.", 0) != 0) continue;
        tiles.insert(t.id.substr(5));
        INFO(t.label);
        CHECK(t.min.x >= 0);
        CHECK(t.min.y >= 0);
        CHECK(t.max.x <= 1280);
        CHECK(t.max.y <= 800);
        CHECK(t.max.y - t.min.y >= ui::theme().Em(2.9f));  // a finger-sized target
    }
    CHECK(tiles == test::codesOf(ui.session().roster()));  // a tile for each person of the roster, by code
    CHECK(ui.target("tile.ZU06")->label == "Maria-Louise van den H.");
}

TEST_CASE("the language switch changes every text and comes back to Dutch at home", "[ui][i18n]") {
    test::UiHarness ui;
    ui.tap("lang.en");
    CHECK(ui.session().texts().lang() == Lang::en);
    CHECK(ui.target("go.checkin")->label == "Check in");
    ui.tap("go.checkin");
    ui.untouchedUntilHome();
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK(ui.session().texts().lang() == Lang::nl);
}

TEST_CASE("a badge scanner's code and Enter check in from the home screen", "[ui][badge]") {
    test::UiHarness ui;
    ui.scanBadge("zu08");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::checked_in);
    CHECK(ui.state().feedback.name == "Fatima");
    CHECK(ui.session().ledger().record(kDay1, "ZU08").checkIn.has_value());

    // An unknown code says so and stores nothing.
    ui.tap("feedback.done");
    ui.scanBadge("XX99");
    CHECK(ui.state().feedback.kind == Kind::unknown_code);
    CHECK(ui.session().ledger().eventCount() == 1);
}

TEST_CASE("someone not on the list registers as a guest with the on-screen keyboard", "[ui][walkin]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    ui.tap("go.walkin");
    REQUIRE(ui.state().screen == ui::Screen::walkin);
    CHECK_FALSE(ui.has("walkin.submit"));  // nothing to submit without a name
    for (const char* k : {"K", "A", "R", "I", "N", "space", "M", "U", "L", "D", "E", "R", "R", "backspace"})
        ui.tap(std::string("walkin.key.") + k);
    CHECK(ui.state().guestName == "Karin Mulder");
    ui.tap("walkin.organisation");
    for (const char* k : {"L", "O", "C", "H", "E", "M"}) ui.tap(std::string("walkin.key.") + k);
    CHECK(ui.state().guestOrganisation == "Lochem");
    ui.tap("walkin.submit");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::guest_registered);
    const auto guests = ui.session().ledger().guests(kDay1);
    REQUIRE(guests.size() == 1);
    CHECK(guests[0].name == "Karin Mulder");
    CHECK(guests[0].organisation == "Lochem");
    // Home again, the form is empty for the next person.
    ui.tap("feedback.done");
    CHECK(ui.state().guestName.empty());
}

TEST_CASE("a half-typed walk-in form is cleared when the screen times out", "[ui][walkin][timeout]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    ui.tap("go.walkin");
    ui.tap("walkin.key.A");
    CHECK(ui.state().guestName == "A");
    ui.untouchedUntilHome();
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK(ui.state().guestName.empty());
}

TEST_CASE("while a check-in is still on its way to the disk, the same person cannot be written twice", "[ui][checkin]") {
    test::UiHarness ui;
    auto other = ui.holdWriteLock();  // a slow disk: the first write waits on a lock
    ui.tap("go.checkin");
    ui.tap("tile.ZU09");
    REQUIRE(ui.state().feedback.kind == Kind::pending);
    // Back, and the same name again (or a badge scan) before the first write returned.
    ui.tap("header.back");
    ui.tap("go.checkin");
    ui.tap("tile.ZU09");
    CHECK(ui.state().feedback.kind == Kind::pending);
    other->release();
    ui.settle();
    AttendanceDb db;
    REQUIRE(db.open(ui.dir() / "attendance.db", ui.clock().now()).status.ok());
    std::vector<AttendanceEvent> events;
    REQUIRE(db.loadEventsForDay(kDay1, events).ok());
    CHECK(events.size() == 1);  // written once, after the lock went
}

TEST_CASE("scan queue rule: several scans waiting are taken oldest first, each once, none lost", "[ui][scan][queue]") {
    ScanQueue q;
    CHECK_FALSE(q.take());
    for (const char* code : {"ZU01", "ZU02", "ZU03", "ZU04"}) q.push(code);
    REQUIRE(q.size() == 4);
    CHECK(q.take() == std::optional<std::string>("ZU01"));
    CHECK(q.size() == 3);
    q.push("ZU05");  // a scan while the others wait goes behind them
    for (const char* code : {"ZU02", "ZU03", "ZU04", "ZU05"}) CHECK(q.take() == std::optional<std::string>(code));
    CHECK(q.empty());
    CHECK_FALSE(q.take());
}
