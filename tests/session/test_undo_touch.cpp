// Issue 32, 3: the undo window counts from the last touch on the card, not from the write alone.
#include <catch2/catch.hpp>

#include "ui_harness.h"

using namespace kiosk;
using Kind = ui::Feedback::Kind;

TEST_CASE("undo: a touch on the card gives the whole window again, untouched it closes after its own time",
          "[ui][undo][access]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    ui.tap("tile.ZU01");
    ui.settle();
    REQUIRE(ui.state().feedback.kind == Kind::checked_in);
    ui.clock().advanceSeconds(8);
    ui.frame();
    CHECK(ui.state().undoSecondsLeft == 2);
    // A touch on the card, not on a control (above the undo button): read, thought, touched.
    const ui::TapTarget* undo = ui.target("feedback.undo");
    REQUIRE(undo);
    ui.tapAt(ImVec2(undo->min.x + 4.0f, undo->min.y - 40.0f));
    CHECK(ui.state().feedback.kind == Kind::checked_in);  // nothing happened but the touch
    CHECK(ui.state().undoSecondsLeft == 10);
    ui.clock().advanceSeconds(8);  // 16 s after the check-in, 8 s after the touch
    ui.frame();
    CHECK(ui.state().undoSecondsLeft == 2);
    REQUIRE(ui.has("feedback.undo"));
    ui.tap("feedback.undo");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::undone);  // the store agreed: decided again with the same window
    CHECK_FALSE(ui.session().ledger().record(LocalDate{2026, 11, 26}, "ZU01").checkIn);
    ui.tap("feedback.done");

    // Untouched: closed after its ten seconds.
    ui.tap("go.checkin");
    ui.tap("tile.ZU02");
    ui.settle();
    ui.clock().advanceSeconds(10);
    ui.frame();
    CHECK(ui.state().undoSecondsLeft == 0);
    CHECK_FALSE(ui.has("feedback.undo"));
}
