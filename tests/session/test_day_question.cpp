// The day's close at check-out (issue 29, 6; ui/closing_card.h, core/day_feedback.h): the goodbye
// card shows the assignment and, once the check-out is committed, the day's question; a tap on an
// answer is counted without any participant code; ignoring it holds nobody up.
#include <catch2/catch.hpp>

#include "raw_sqlite.h"
#include "ui_harness.h"

using namespace kiosk;
using Kind = ui::Feedback::Kind;

namespace {

const LocalDate kDay1{2026, 11, 26};

void checkIn(test::UiHarness& ui, const std::string& code) {
    ui.tap("go.checkin");
    ui.tap("tile." + code);
    ui.settle();
    ui.tap("feedback.done");
}

std::vector<FeedbackCount> counts(test::UiHarness& ui) {
    AttendanceDb db;
    REQUIRE(db.openReadOnly(ui.dir() / "attendance.db").ok());
    std::vector<FeedbackCount> out;
    REQUIRE(db.feedbackCounts(kDay1, kDay1, out).ok());
    return out;
}

}  // namespace

TEST_CASE("goodbye card: the question appears only after the check-out is committed, one tap counts it without the code",
          "[ui][feedback][checkout]") {
    test::UiHarness ui;  // the sample config: day 1 asks "Hoe was deze dag voor je?" with four answers
    checkIn(ui, "ZU02");
    ui.clock().advanceSeconds(7 * 60 * 60);
    ui.tap("go.checkout");
    {
        auto lock = ui.holdWriteLock();  // the store cannot commit yet
        ui.tap("tile.ZU02");
        for (int i = 0; i < 20; ++i) ui.frame();
        CHECK(ui.state().feedback.kind == Kind::pending);
        CHECK_FALSE(ui.has("feedback.answer.1"));  // no question before the check-out is written
        lock->release();
    }
    ui.settle();
    REQUIRE(ui.state().feedback.kind == Kind::checked_out);
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU02").isIn());  // committed
    REQUIRE(ui.has("feedback.answer.1"));
    REQUIRE(ui.has("feedback.answer.4"));
    CHECK_FALSE(ui.has("feedback.answer.5"));
    CHECK(ui.target("feedback.answer.3")->label == "Matig");
    CHECK(ui.has("feedback.undo"));
    CHECK(ui.has("feedback.done"));

    ui.tap("feedback.answer.3");
    CHECK_FALSE(ui.has("feedback.answer.1"));  // answered: the thanks instead, once per card
    CHECK(ui.state().feedback.kind == Kind::checked_out);  // the card stays as it was
    CHECK(ui.has("feedback.done"));
    for (int i = 0; i < 500 && ui.session().storeBusy(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ui.frame();
    }
    const auto c = counts(ui);
    REQUIRE(c.size() == 1);
    CHECK(c[0].answer == "Matig");
    CHECK(c[0].answerIndex == 2);
    CHECK(c[0].count == 1);
    CHECK(c[0].cohortId == "zutphen-2026");
    const auto file = ui.dir() / "attendance.db";
    // What the table can hold at all: the day, the group, the question, the answer and a count.
    CHECK(test::rawInt(file, "SELECT count(*) FROM pragma_table_info('day_feedback_count')") == 6);
    CHECK(test::rawInt(file, "SELECT count(*) FROM pragma_table_info('day_feedback_count') WHERE name NOT IN"
                              " ('local_date', 'cohort', 'question', 'answer_index', 'answer', 'answers')") == 0);
    ui.tap("feedback.done");
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("day_feedback rule 2: goodbye card: a participant who ignores the question goes home as before, nothing counted",
          "[ui][feedback][checkout]") {
    test::UiHarness ui;
    checkIn(ui, "ZU01");
    ui.clock().advanceSeconds(7 * 60 * 60);
    ui.tap("go.checkout");
    ui.tap("tile.ZU01");
    ui.settle();
    REQUIRE(ui.state().feedback.kind == Kind::checked_out);
    REQUIRE(ui.has("feedback.answer.1"));
    ui.untouchedUntilHome();
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK(ui.state().feedback.kind == Kind::none);
    CHECK(counts(ui).empty());
    // "Klaar" right away goes home too, without answering.
    checkIn(ui, "ZU03");
    ui.clock().advanceSeconds(30 * 60);
    ui.tap("go.checkout");
    ui.tap("tile.ZU03");
    ui.settle();
    INFO("card " << static_cast<int>(ui.state().feedback.kind) << " screen " << ui::screenName(ui.state().screen));
    REQUIRE(ui.state().feedback.kind == Kind::checked_out);
    REQUIRE(ui.has("feedback.answer.1"));
    ui.tap("feedback.done");
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK(counts(ui).empty());
}

TEST_CASE("goodbye card: one answer a person a day, also after an undo and a second check-out", "[ui][feedback][checkout]") {
    test::UiHarness ui;
    checkIn(ui, "ZU02");
    ui.clock().advanceSeconds(7 * 60 * 60);
    auto checkOutAndAnswer = [&](const char* answer) {
        ui.tap("go.checkout");
        ui.tap("tile.ZU02");
        ui.settle();
        REQUIRE(ui.state().feedback.kind == Kind::checked_out);
        REQUIRE(ui.has(answer));
        ui.tap(answer);
        for (int i = 0; i < 500 && ui.session().storeBusy(); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            ui.frame();
        }
    };
    checkOutAndAnswer("feedback.answer.1");
    REQUIRE(ui.has("feedback.undo"));
    ui.tap("feedback.undo");  // the check-out undone: still in
    ui.settle();
    REQUIRE(ui.state().feedback.kind == Kind::undone_out);
    ui.tap("feedback.done");
    ui.clock().advanceSeconds(60);
    checkOutAndAnswer("feedback.answer.4");  // the thanks again, but nothing counted twice
    int total = 0;
    for (const auto& c : counts(ui)) total += c.count;
    CHECK(total == 1);
}
