// Two groups at one venue on one day (issue 30), tried as staff would: the staff pages show one
// group at a time (Vandaag: that group's people and the day's walk-ins, its own counts; Matrix:
// that cohort's days), "Andere groep" goes to the next, and the matrix's export is of the group shown.
#include <catch2/catch.hpp>

#include <set>

#include "config_copy.h"
#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "ui_harness.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPin = "258046";

// The sample config with Lochem's cohort added and a staff PIN set, as `set-pin` leaves it.
struct TwoGroupConfig {
    test::ConfigCopy cfg;
    TwoGroupConfig() {
        cfg.addLochem();
        const auto toml = readWholeFile(cfg.dir / "kiosk.toml");
        const auto hash = hashPin(kPin);
        REQUIRE(toml);
        REQUIRE(hash);
        REQUIRE(writeFileAtomically(cfg.dir / "kiosk.toml", withPinHash(*toml, *hash)).empty());
    }
    std::string path() const { return cfg.path(); }
};

void unlock(test::UiHarness& ui) {
    ui.holdAt(ImVec2(8, 8), 3000);
    REQUIRE(ui.state().screen == ui::Screen::staff_pin);
    for (const char* c = kPin; *c; ++c) ui.tap(std::string("keypad.") + *c);
    ui.tap("keypad.ok");
    ui.session().finishBackgroundWork();
    ui.frame();
    REQUIRE(ui.state().screen == ui::Screen::staff_today);
}

std::set<std::string> listedCodes(const ui::StaffView& st) {
    std::set<std::string> codes;
    for (const auto& r : st.rows)
        if (!r.guest) codes.insert(r.participant.code);
    return codes;
}

}  // namespace

TEST_CASE("staff pages on a day with two groups: one group at a time, the other a tap away", "[ui][staff][cohorts]") {
    const std::pair<float, float> sizes[] = {{1280, 800}, {1080, 1920}, {800, 480}};
    for (const auto& [w, h] : sizes) {
        CAPTURE(w, h);
        TwoGroupConfig cfg;
        test::UiHarness ui("2026-11-26T11:00", w, h, cfg.path());
        for (const char* code : {"ZU01", "LO01", "LO02"}) {
            ui.session().apply(ui::Intent::checkIn(code));
            ui.settle();
            ui.session().apply(ui::Intent::dismiss());
        }
        unlock(ui);
        const ui::StaffView* st = ui.session().buildView().staff;
        REQUIRE(st);
        REQUIRE(st->dayCohorts.size() == 2);
        CHECK(st->listCohort == "zutphen-2026");
        CHECK(listedCodes(*st).count("ZU01") == 1);
        CHECK(listedCodes(*st).count("LO01") == 0);
        CHECK(st->present == 1);
        REQUIRE(ui.has("desk.group.next"));
        ui.tap("desk.group.next");
        st = ui.session().buildView().staff;
        CHECK(st->listCohort == "lochem-2027");
        CHECK(st->listGroupName == "Gemeente Lochem, 2027");
        CHECK(listedCodes(*st) == std::set<std::string>{"LO01", "LO02", "LO03"});
        CHECK(st->present == 2);
        CHECK(st->absent == 1);
        REQUIRE(st->day);
        CHECK(st->day->theme == "Vakmanschap in de raad");

        // The matrix follows the group chosen; the next tap goes round to the first again.
        ui.tap("desk.tab.matrix");
        REQUIRE(ui.state().screen == ui::Screen::staff_matrix);
        ui.session().finishBackgroundWork();
        ui.frame();
        st = ui.session().buildView().staff;
        CHECK(st->matrix.cohortId == "lochem-2027");
        CHECK(st->matrix.days.size() == 2);
        CHECK(st->matrix.rows.size() == 3);
        ui.tap("save.matrix.csv");
        ui.session().finishBackgroundWork();
        ui.frame();
        CHECK(fs::exists(ui.dir() / "exports" / "matrix-lochem-2027.csv"));
        ui.tap("desk.group.next");
        ui.session().finishBackgroundWork();
        ui.frame();
        st = ui.session().buildView().staff;
        CHECK(st->matrix.cohortId == "zutphen-2026");
        CHECK(st->matrix.days.size() == 7);
    }
}

TEST_CASE("a day with one group offers no other group on Vandaag, the matrix still does", "[ui][staff][cohorts]") {
    TwoGroupConfig cfg;
    test::UiHarness ui("2026-12-10T11:00", 1280, 800, cfg.path());  // Zutphen's day 2 only
    unlock(ui);
    const ui::StaffView* st = ui.session().buildView().staff;
    REQUIRE(st);
    CHECK(st->dayCohorts.size() == 1);
    CHECK_FALSE(ui.has("desk.group.next"));
    ui.tap("desk.tab.matrix");
    CHECK(ui.has("desk.group.next"));
}
