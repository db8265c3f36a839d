// A running kiosk and a second writer on its database (issue #14, item 3): the real session, tapped
// through ImGui's io, with the real command-line binary as the other process.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

#include "process.h"
#include "ui_harness.h"

using namespace kiosk;
using Kind = ui::Feedback::Kind;

namespace {

const LocalDate kDay1{2026, 11, 26};

// `leergang-kiosk checkin|checkout CODE --at ...` on the kiosk's own database, as staff or a script would.
test::RunResult cli(test::UiHarness& ui, const std::string& command, const std::string& code, const std::string& at) {
    return test::run({KIOSK_BINARY, command, code, "--at", at, "--config", std::string(KIOSK_SOURCE_DIR) + "/config", "--db",
                      (ui.dir() / "attendance.db").string()},
                     {{"TZ", "Europe/Amsterdam"}, {"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
}

size_t eventsOnDisk(test::UiHarness& ui, EventKind kind, const std::string& code) {
    AttendanceDb db;
    REQUIRE(db.openReadOnly(ui.dir() / "attendance.db").ok());
    size_t n = 0;
    REQUIRE(db.loadEvents([&](const AttendanceEvent& e) { n += e.kind == kind && e.participantCode == code; }).ok());
    return n;
}

// Draws frames (real time passing, as the kiosk would) until the ledger has a check-in for `code`.
double msUntilLedgerHas(test::UiHarness& ui, const std::string& code, int limitMs) {
    const auto from = std::chrono::steady_clock::now();
    for (;;) {
        ui.frame();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - from).count();
        if (ui.session().ledger().record(kDay1, code).checkIn || ms > limitMs) return ms;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

}  // namespace

TEST_CASE("a running kiosk shows a check-in made on the command line within 2 s", "[ui][writers]") {
    test::UiHarness ui;
    const int before = ui.session().buildView().checkedIn;
    const auto r = cli(ui, "checkin", "ZU01", "2026-11-26T09:05");
    REQUIRE(r.exitCode == 0);
    const double ms = msUntilLedgerHas(ui, "ZU01", 2000);
    std::printf("command-line check-in in the running kiosk's ledger %.0f ms after the process ended\n", ms);
    CHECK(ms < 2000);
    CHECK(ui.session().ledger().record(kDay1, "ZU01").checkIn == test::localTime("2026-11-26T09:05"));
    CHECK(ui.session().buildView().checkedIn == before + 1);  // the home screen's count went up
}

TEST_CASE("after a command-line check-in a tap says al ingecheckt and writes nothing, and check-out works", "[ui][writers]") {
    test::UiHarness ui;
    REQUIRE(cli(ui, "checkin", "ZU02", "2026-11-26T09:02").exitCode == 0);
    // At once, before the kiosk may have noticed: the store decides again on the fresh state.
    ui.tap("go.checkin");
    ui.tap("tile.ZU02");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::already_in);
    CHECK(ui.session().texts().format("checkin.already_in", {{"name", ui.state().feedback.name}}) == "Je bent al ingecheckt, Mohamed");
    CHECK(toLocal(ui.state().feedback.at).timeOfDay().hhmm() == "09:02");  // "Sinds 09:02"
    CHECK(eventsOnDisk(ui, EventKind::check_in, "ZU02") == 1);
    CHECK(ui.session().ledger().record(kDay1, "ZU02").checkIn == test::localTime("2026-11-26T09:02"));
    REQUIRE(ui.has("feedback.checkout"));
    ui.clock().advanceSeconds(60 * 60 * 7);
    ui.tap("feedback.checkout");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::checked_out);
    CHECK(eventsOnDisk(ui, EventKind::check_out, "ZU02") == 1);
    CHECK(ui.session().ledger().record(kDay1, "ZU02").checkOut.has_value());
}

TEST_CASE("a check-out made on the command line turns the kiosk's check-out into already out", "[ui][writers]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    ui.tap("tile.ZU03");
    ui.settle();
    REQUIRE(ui.state().feedback.kind == Kind::checked_in);
    ui.tap("feedback.done");
    ui.clock().advanceSeconds(60);
    REQUIRE(cli(ui, "checkout", "ZU03", "2026-11-26T09:11").exitCode == 0);
    ui.tap("go.checkin");
    ui.tap("tile.ZU03");  // the kiosk's ledger may not have the check-out yet: "already in, check out?"
    ui.settle();
    if (ui.state().feedback.kind == Kind::already_in) {
        ui.tap("feedback.checkout");
        ui.settle();
    }
    CHECK(ui.state().feedback.kind == Kind::already_out);  // never a second check-out
    CHECK(eventsOnDisk(ui, EventKind::check_out, "ZU03") == 1);
}

TEST_CASE("undo of the kiosk's own check-in leaves the person absent while another process writes", "[ui][writers]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    ui.tap("tile.ZU04");
    ui.settle();
    REQUIRE(ui.state().feedback.kind == Kind::checked_in);
    REQUIRE(cli(ui, "checkin", "ZU05", "2026-11-26T09:06").exitCode == 0);  // someone else, meanwhile
    ui.clock().advanceSeconds(3);
    ui.tap("feedback.undo");
    ui.settle();
    CHECK(ui.state().feedback.kind == Kind::undone);
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU04").checkIn.has_value());
    // Restarted on the same file (what the database says, folded afresh): still absent.
    AttendanceDb db;
    REQUIRE(db.openReadOnly(ui.dir() / "attendance.db").ok());
    AttendanceLedger fresh;
    REQUIRE(db.loadEvents([&](const AttendanceEvent& e) { fresh.apply(e); }).ok());
    CHECK_FALSE(fresh.record(kDay1, "ZU04").checkIn.has_value());
    CHECK(fresh.record(kDay1, "ZU05").checkIn.has_value());
    // The kiosk's own events were folded once, not again when the other writer's commit was read.
    CHECK(msUntilLedgerHas(ui, "ZU05", 2000) < 2000);
    CHECK(ui.session().ledger().eventCount() == fresh.eventCount());
}
