// Issue 14 items 4 to 7, tried through the real screens, the real store thread and the real input
// path: one person per code, namesakes told apart, every scan counts, durations on the steady clock.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "config_copy.h"
#include "ui_harness.h"

using namespace kiosk;
using Kind = ui::Feedback::Kind;
namespace fs = std::filesystem;

namespace {

using test::ConfigCopy;

const LocalDate kDay1{2026, 11, 26};

std::vector<AttendanceEvent> eventsOnDay1(test::UiHarness& ui) {
    AttendanceDb db;
    REQUIRE(db.open(ui.dir() / "attendance.db", ui.clock().now()).status.ok());
    std::vector<AttendanceEvent> events;
    REQUIRE(db.loadEventsForDay(kDay1, events).ok());
    return events;
}

std::string labelOf(test::UiHarness& ui, const std::string& id) {
    const ui::TapTarget* t = ui.target(id);
    return t ? t->label : std::string();
}

}  // namespace

// ---- 4. One person, one code ----------------------------------------------------------------

TEST_CASE("people: badge 0007 and Excel's 7 check Bram in to the same record, before and after the stripped re-import",
          "[ui][people][code][case]") {
    ConfigCopy cfg;
    cfg.useRoster("roster-codes-with-zeros.csv");
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), true);
    REQUIRE(ui.session().roster().size() == 2);
    ui.scanBadge("7");  // typed without the zeros
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::checked_in);
    CHECK(ui.state().feedback.code == "0007");
    ui.tap("feedback.done");
    // Excel saves the list without the zeros; the kiosk reads it live as the same two people.
    cfg.useRoster("roster-codes-excel-stripped.csv");
    fs::last_write_time(cfg.dir / "participants.csv", fs::last_write_time(cfg.dir / "participants.csv") + std::chrono::seconds(4));
    ui.clock().advanceSeconds(3);
    ui.session().pollConfig();
    for (int i = 0; i < 500 && ui.session().configProblems().empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ui.session().drainStore();
    }
    REQUIRE_FALSE(ui.session().configProblems().empty());  // said on the Status page: read as 0007
    std::string said;
    for (const auto& problem : ui.session().configProblems()) said += problem + "\n";
    INFO(said);
    CHECK(ui.session().configProblems().front().find("code 7 is gelezen als 0007") != std::string::npos);
    REQUIRE(ui.session().roster().size() == 2);
    for (const auto& p : ui.session().roster()) CHECK(p.code.size() == 4);  // the badges' codes
    // The printed badge still scans, and it is the same person: already checked in.
    ui.scanBadge("0007");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::already_in);
    const auto events = eventsOnDay1(ui);
    REQUIRE(events.size() == 1);
    CHECK(events[0].participantCode == "0007");
    // One history: nobody was deactivated, nobody added.
    AttendanceDb db;
    REQUIRE(db.open(ui.dir() / "attendance.db", ui.clock().now()).status.ok());
    std::vector<StoredParticipant> stored;
    REQUIRE(db.participants(stored).ok());
    CHECK(stored.size() == 2);
    for (const auto& sp : stored) CHECK(sp.active);
}

// ---- 5. Namesakes told apart ------------------------------------------------------------------

TEST_CASE("people: two Anna de V. get distinct tiles on the check-in screen, everybody else stays short",
          "[ui][people][namesake]") {
    ConfigCopy cfg;
    cfg.appendRoster("ZU15;Anna;de;Visser;HR;zutphen-2026;\n");  // next to ZU01 Anna de Vries
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path());
    ui.tap("go.checkin");
    REQUIRE(ui.has("tile.ZU01"));
    REQUIRE(ui.has("tile.ZU15"));
    const std::string a = labelOf(ui, "tile.ZU01"), b = labelOf(ui, "tile.ZU15");
    CHECK(a != b);
    CHECK(a == "Anna de Vries");
    CHECK(b == "Anna de Visser");
    CHECK(labelOf(ui, "tile.ZU02") == "Mohamed E.");  // no namesake: the private short form
    // The card after the tap names the one tapped, not a look-alike.
    ui.tap("tile.ZU15");
    ui.settle();
    CHECK(ui.state().feedback.code == "ZU15");
    CHECK(ui.session().ledger().record(kDay1, "ZU15").checkIn.has_value());
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU01").checkIn.has_value());
}

TEST_CASE("people: namesakes with the same full name are told apart by department", "[ui][people][namesake]") {
    ConfigCopy cfg;
    cfg.appendRoster("ZU15;Anna;de;Vries;HR;zutphen-2026;\n");
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path());
    ui.tap("go.checkin");
    const std::string a = labelOf(ui, "tile.ZU01"), b = labelOf(ui, "tile.ZU15");
    CHECK(a != b);
    CHECK(a.find("Beleid Sociaal Domein") != std::string::npos);
    CHECK(b.find("HR") != std::string::npos);
}

// ---- 6. Every scan counts ----------------------------------------------------------------------

TEST_CASE("people: two scans delivered within one frame are two check-ins, not one glued code", "[ui][people][badge]") {
    test::UiHarness ui;
    ui.keys("ZU08", true);
    ui.keys("ZU09", true);
    ui.frame();
    ui.settle();
    ui.settle();
    CHECK(ui.session().ledger().record(kDay1, "ZU08").checkIn.has_value());
    CHECK(ui.session().ledger().record(kDay1, "ZU09").checkIn.has_value());
    CHECK(eventsOnDay1(ui).size() == 2);
}

TEST_CASE("people: a scan made while a write is pending waits its turn and is written", "[ui][people][badge]") {
    test::UiHarness ui;
    auto other = ui.holdWriteLock();  // a slow disk: the first write waits on a lock
    ui.scanBadge("ZU08");
    REQUIRE(ui.state().feedback.kind == Kind::pending);
    ui.scanBadge("ZU09");
    CHECK(ui.session().waitingScans() == 1);
    CHECK(ui.state().feedback.kind == Kind::pending);  // still the first one's card
    other->release();
    ui.settle();
    ui.settle();
    CHECK(ui.session().waitingScans() == 0);
    CHECK(ui.session().ledger().record(kDay1, "ZU08").checkIn.has_value());
    CHECK(ui.session().ledger().record(kDay1, "ZU09").checkIn.has_value());
    CHECK(ui.state().feedback.code == "ZU09");
    CHECK(eventsOnDay1(ui).size() == 2);
}

TEST_CASE("scan queue rule: after an unknown badge the next waiting scan is taken at once, the idle kiosk does not sleep on it",
          "[ui][people][badge][queue]") {
    test::UiHarness ui;
    auto other = ui.holdWriteLock();  // a slow disk: the first write waits on a lock
    ui.scanBadge("ZU08");
    REQUIRE(ui.state().feedback.kind == Kind::pending);
    ui.scanBadge("XX99");  // not on the roster: answered at once, nothing written
    ui.scanBadge("ZU09");
    REQUIRE(ui.session().waitingScans() == 2);
    other->release();
    // Frame by frame, as the frame loop runs: ZU08's answer, then the unknown badge's card.
    for (int i = 0; i < 2500 && ui.session().waitingScans() == 2; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ui.frame();
    }
    REQUIRE(ui.session().waitingScans() == 1);
    CHECK(ui.state().feedback.kind == Kind::unknown_code);
    // ZU09 waits with nothing in flight: the frame loop must not sleep until a touch or the minute.
    CHECK(ui.session().msUntilNextChange() == 0);
    ui.frame();
    CHECK(ui.session().waitingScans() == 0);
    ui.settle();
    CHECK(ui.session().ledger().record(kDay1, "ZU09").checkIn.has_value());
}

TEST_CASE("people: a code without its Enter expires and does not glue onto the next scan", "[ui][people][badge]") {
    test::UiHarness ui;
    ui.keys("ZU0", false);  // half a read, no Enter
    ui.frame();
    ui.clock().advanceSeconds(2);
    ui.frame();
    ui.scanBadge("ZU08");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::checked_in);
    CHECK(ui.state().feedback.code == "ZU08");
    CHECK(eventsOnDay1(ui).size() == 1);
}

TEST_CASE("people: an unknown code is shown as such and writes nothing", "[ui][people][badge]") {
    test::UiHarness ui;
    ui.scanBadge("XX99");
    CHECK(ui.state().screen == ui::Screen::checkin);
    CHECK(ui.state().feedback.kind == Kind::unknown_code);
    CHECK(ui.state().feedback.code == "XX99");
    CHECK(ui.has("feedback.done"));
    CHECK(ui.session().ledger().eventCount() == 0);
}

// ---- 7. A steady clock for durations -----------------------------------------------------------

TEST_CASE("people: a stepped wall clock neither sends the check-in screen home at once nor keeps it up",
          "[ui][people][clock]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    ui.clock().stepWallMs(3600 * 1000);  // time sync: an hour forward
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::checkin);
    ui.clock().advanceSeconds(10);
    ui.clock().stepWallMs(-2 * 3600 * 1000);  // and two hours back
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::checkin);
    ui.clock().advanceSeconds(11);  // 21 s untouched: return_home_seconds = 20, then "Meer tijd nodig?"
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::checkin);
    CHECK(ui.state().moreTimeSecondsLeft > 0);
    ui.clock().advanceSeconds(Navigation::kMoreTimeSeconds);  // 41 s: the question's 20 s are over too
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("people: a running exercise step does not jump when the wall clock is stepped or passes midnight",
          "[ui][people][clock][exercise]") {
    test::UiHarness ui("2026-11-26T23:59");
    ui.clock().advanceSeconds(45);
    ui.session().apply(ui::Intent::startExercise("kompas-in-je-lijf"));  // auto-advancing, a first step of 60 s
    ui.frame();
    REQUIRE(ui.session().player());
    const ExercisePlayer& p = *ui.session().player();
    const int64_t before = p.remainingMs(ui.clock().steady());
    ui.clock().stepWallMs(3600 * 1000);
    ui.frame();
    CHECK(p.stepIndex() == 0);
    CHECK(p.remainingMs(ui.clock().steady()) == before);
    ui.clock().stepWallMs(-3600 * 1000);
    ui.clock().advanceSeconds(30);  // across midnight
    REQUIRE(toLocal(ui.clock().now()).date == LocalDate{2026, 11, 27});
    ui.frame();
    CHECK(p.stepIndex() == 0);
    CHECK(p.remainingMs(ui.clock().steady()) == before - 30000);
    CHECK(p.state() == ExercisePlayer::State::running);
    ui.clock().advanceSeconds(before / 1000 - 30);  // its own time is up: on to the next step, not beyond
    ui.frame();
    CHECK(p.stepIndex() == 1);
    CHECK(p.state() == ExercisePlayer::State::running);
}

TEST_CASE("people: staff mode's auto-lock runs on the steady clock", "[ui][people][clock][staff]") {
    ConfigCopy cfg;
    cfg.withStaffPin("2580");
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path());
    ui.holdAt(ImVec2(8, 8), 3000);
    REQUIRE(ui.state().screen == ui::Screen::staff_pin);
    for (char c : std::string("2580")) ui.tap(std::string("keypad.") + c);
    ui.tap("keypad.ok");
    ui.session().finishBackgroundWork();
    ui.frame();
    REQUIRE(ui.session().staffUnlocked());
    ui.clock().stepWallMs(3600 * 1000);  // an hour forward: no instant lock
    ui.frame();
    CHECK(ui.session().staffUnlocked());
    ui.clock().stepWallMs(-3 * 3600 * 1000);  // back: the lock still comes on time
    ui.clock().advanceSeconds(61);
    ui.frame();
    CHECK_FALSE(ui.session().staffUnlocked());
}

TEST_CASE("people: the undo window runs on the steady clock, whatever the wall clock does within it",
          "[ui][people][clock][undo]") {
    test::UiHarness ui;
    const auto checkIn = [&](const std::string& code) {
        ui.tap("go.checkin");
        ui.tap("tile." + code);
        ui.settle();
        REQUIRE(ui.state().feedback.kind == ui::Feedback::Kind::checked_in);
    };
    // An hour forward just after the check-in (a time sync): the undo stays, and works.
    checkIn("ZU01");
    ui.clock().advanceSeconds(2);
    ui.clock().stepWallMs(3600 * 1000);
    ui.frame();
    REQUIRE(ui.has("feedback.undo"));
    CHECK(ui.state().undoSecondsLeft == 8);
    ui.tap("feedback.undo");
    ui.settle();
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::undone);
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU01").checkIn);
    ui.tap("feedback.done");
    // An hour back: the window does not grow by an hour; it closes after its own ten seconds.
    checkIn("ZU02");
    ui.clock().stepWallMs(-3600 * 1000);
    ui.clock().advanceSeconds(9);
    ui.frame();
    CHECK(ui.state().undoSecondsLeft == 1);
    ui.clock().advanceSeconds(1);
    ui.frame();
    CHECK(ui.state().undoSecondsLeft == 0);
    CHECK_FALSE(ui.has("feedback.undo"));
}
