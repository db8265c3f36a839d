// Running late: behind the facilitator code, the rest of today's agenda moves; the shift is stored,
// shown, survives a restart, and is undone the same way.
#include <catch2/catch.hpp>

#include "ui_harness.h"

using namespace kiosk;

namespace {

void typeCode(test::UiHarness& ui, const std::string& code) {
    for (char c : code) ui.tap(std::string("keypad.") + c);
    ui.tap("keypad.ok");
}

void waitForShift(test::UiHarness& ui, int minutes) {
    for (int i = 0; i < 500 && ui.session().buildView().shift.minutes != minutes; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ui.frame();
    }
}

}  // namespace

TEST_CASE("a facilitator shifts the rest of today's agenda and undoes it", "[ui][agenda][shift]") {
    test::UiHarness ui("2026-11-26T11:20");
    ui.tap("go.agenda");
    ui.tap("go.shift");
    REQUIRE(ui.state().screen == ui::Screen::shift);
    CHECK_FALSE(ui.has("shiftby.plus10"));  // nothing without the code
    typeCode(ui, "1111");
    CHECK(ui.state().codeWrong);
    CHECK_FALSE(ui.state().shiftUnlocked);
    typeCode(ui, "2468");
    REQUIRE(ui.state().shiftUnlocked);
    ui.tap("shiftby.plus10");
    waitForShift(ui, 10);
    auto v = ui.session().buildView();
    CHECK(v.shift.minutes == 10);
    CHECK(v.shift.from.hhmm() == "11:20");
    // The exercise 11:00-11:45 is in progress: it now ends at 11:55; the case moves to 11:55-12:40.
    const NowNext nn = nowAndNext(*v.today, {11 * 60 + 50});
    REQUIRE(nn.now);
    CHECK(nn.now->title == "Oefening: Standpunt in de ruimte");
    CHECK(nn.next->start.hhmm() == "11:55");
    ui.tap("shiftby.plus5");
    waitForShift(ui, 15);
    CHECK(ui.session().buildView().shift.from.hhmm() == "11:20");  // the same starting point

    // Leaving locks it again.
    ui.tap("shiftby.done");
    ui.tap("go.shift");
    CHECK_FALSE(ui.state().shiftUnlocked);

    // Stored: a restart of the kiosk on the same database shows the same shift.
    {
        SessionOptions so;
        so.configDir = std::string(KIOSK_SOURCE_DIR) + "/config";
        so.dbPath = ui.dir() / "attendance.db";
        so.watchConfig = false;
        KioskSession again(so, ui.clock(), [] {});
        REQUIRE(again.ready());
        CHECK(again.buildView().shift.minutes == 15);
    }

    // Undone the same way.
    typeCode(ui, "2468");
    ui.tap("shiftby.reset");
    waitForShift(ui, 0);
    CHECK_FALSE(ui.session().buildView().shift.active());
    CHECK(nowAndNext(*ui.session().buildView().today, {11 * 60 + 50}).now->start.hhmm() == "11:45");
}

TEST_CASE("wrong facilitator codes lock the keypad for a while, also after a restart", "[ui][agenda][shift]") {
    test::UiHarness ui("2026-11-26T11:20");
    ui.tap("go.agenda");
    ui.tap("go.shift");
    for (int i = 0; i < 5; ++i) typeCode(ui, "1111");
    CHECK(ui.session().buildView().shiftLockedSeconds == 30);
    CHECK_FALSE(ui.has("keypad.2"));  // the keys are off
    ui.session().apply(ui::Intent::unlockShift("2468"));  // not even the right code gets in now
    CHECK_FALSE(ui.state().shiftUnlocked);
    ui.settle();
    {
        SessionOptions so;
        so.configDir = std::string(KIOSK_SOURCE_DIR) + "/config";
        so.dbPath = ui.dir() / "attendance.db";
        so.watchConfig = false;
        KioskSession again(so, ui.clock(), [] {});
        CHECK(again.buildView().shiftLockedSeconds == 30);
    }
    ui.clock().advanceSeconds(31);
    ui.session().noteInput();
    ui.session().apply(ui::Intent::go(ui::Screen::shift));
    ui.frame();
    typeCode(ui, "2468");
    CHECK(ui.state().shiftUnlocked);
}
