// Restarts on a database that already holds a history (issue #21): what the purge at start-up
// keeps and removes, seen where staff see it (the presence list of each day) and on disk.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <fstream>
#include <iterator>
#include <set>

#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "config_copy.h"
#include "ui_harness.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPin = "4711";

// The sample config with retention_days = 30 and a staff PIN.
struct RetentionConfig : test::ConfigCopy {
    RetentionConfig() {
        edit("kiosk.toml", "retention_days = 365", "retention_days = 30 ");
        withStaffPin(kPin);
    }
};

// The days that have events in the file, read by the store as a command would.
std::set<std::string> daysOnDisk(const fs::path& db) {
    AttendanceDb store;
    REQUIRE(store.openReadOnly(db).ok());
    std::set<std::string> days;
    REQUIRE(store.loadEvents([&](const AttendanceEvent& e) { days.insert(e.day.iso() + " " + e.participantCode); }).ok());
    return days;
}

// What the staff presence list of `date` says of `code`, as the staff screen shows it.
DayStatus shownStatus(test::UiHarness& ui, LocalDate date, const std::string& code) {
    const LocalDate today = localDateOf(ui.clock().now());
    ui.session().apply(ui::Intent::staffDay(0));
    ui.session().apply(ui::Intent::staffDay(static_cast<int>(date.daysSinceEpoch() - today.daysSinceEpoch())));
    ui.frame();
    // A day other than today is read from the store on its thread (the page says "laden…" meanwhile).
    for (int i = 0; i < 2500 && ui.session().buildView().staff && ui.session().buildView().staff->loading; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ui.frame();
    }
    const auto view = ui.session().buildView();
    REQUIRE(view.staff);
    REQUIRE(view.staff->date == date);
    REQUIRE_FALSE(view.staff->loading);
    for (const auto& r : view.staff->rows)
        if (!r.guest && r.participant.code == code) return r.status;
    FAIL("no row for " + code + " on " + date.iso());
    return DayStatus::absent;
}

void unlock(test::UiHarness& ui) {
    ui.session().apply(ui::Intent::go(ui::Screen::staff_today));  // locked: the PIN pad
    REQUIRE(ui.state().screen == ui::Screen::staff_pin);
    ui.session().apply(ui::Intent::unlockStaff(kPin));
    ui.session().finishBackgroundWork();
    ui.frame();
    REQUIRE(ui.session().staffUnlocked());
}

}  // namespace

TEST_CASE("a restart keeps yesterday and the day at the retention edge, and purges what is older, on screen and on disk",
          "[ui][restart][purge][boundary]") {
    test::AmsterdamTime tz;
    RetentionConfig cfg;
    test::TempDir data;
    const fs::path db = data / "attendance.db";
    // Today is 2027-01-31 and retention 30 days: the cut-off is 2027-01-01 (kept), 2026-12-31 goes.
    {
        AttendanceDb store;
        REQUIRE(store.open(db, test::localTime("2027-01-31T07:00")).status.ok());
        RosterImportResult imported;
        std::vector<Participant> roster;
        for (const auto& code : test::sampleRosterCodes()) roster.push_back(test::participant(code, "Voor", "Naam" + code));
        REQUIRE(store.importRoster(roster, test::localTime("2026-11-01T07:00"), imported).ok());
        const std::pair<const char*, const char*> history[] = {{"ZU04", "2026-06-01T09:00"}, {"ZU03", "2026-12-31T09:00"},
                                                               {"ZU02", "2027-01-01T09:00"}, {"ZU01", "2027-01-30T09:00"},
                                                               {"ZU05", "2027-01-31T08:00"}};
        for (const auto& [code, at] : history) REQUIRE(store.appendEvent(test::checkIn(code, test::localTime(at))).ok());
    }
    const std::set<std::string> kept{"2027-01-01 ZU02", "2027-01-30 ZU01", "2027-01-31 ZU05"};
    for (int start = 0; start < 2; ++start) {  // the first start purges, a restart changes nothing
        CAPTURE(start);
        test::UiHarness ui("2027-01-31T10:00", 1280, 800, cfg.path(), false, db);
        unlock(ui);
        CHECK(shownStatus(ui, {2027, 1, 30}, "ZU01") != DayStatus::absent);  // yesterday
        CHECK(shownStatus(ui, {2027, 1, 1}, "ZU02") != DayStatus::absent);   // exactly at the cut-off
        CHECK(shownStatus(ui, {2026, 12, 31}, "ZU03") == DayStatus::absent); // a day past it: purged
        CHECK(shownStatus(ui, {2026, 6, 1}, "ZU04") == DayStatus::absent);   // well past it
        CHECK(shownStatus(ui, {2027, 1, 31}, "ZU05") != DayStatus::absent);  // today
        ui.session().apply(ui::Intent::go(ui::Screen::home));
        ui.settle();
    }
    CHECK(daysOnDisk(db) == kept);
    // The next morning the clock's cut-off moves to 2027-01-02, but the newest record (2027-01-31)
    // shows 2027-01-01 to be only 30 days old: nothing more goes.
    {
        test::UiHarness ui("2027-02-01T08:30", 1280, 800, cfg.path(), false, db);
        unlock(ui);
        CHECK(shownStatus(ui, {2027, 1, 1}, "ZU02") != DayStatus::absent);
        ui.session().apply(ui::Intent::go(ui::Screen::home));
        ui.settle();
    }
    CHECK(daysOnDisk(db) == kept);
}
