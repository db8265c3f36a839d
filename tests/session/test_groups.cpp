// Two groups at one venue on one day (issue 30), tried as staff would: the staff pages show one
// group at a time (Vandaag: the people filed under that group, its own counts, then a page of the
// day's walk-ins; Matrix: that cohort's days), "Andere groep" goes to the next, and the matrix's
// export is of the group shown.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "config_copy.h"
#include "content/config_folder.h"
#include "content/config_loader.h"
#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "ui_harness.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPin = test::kStaffPin;

// The sample config with Lochem's cohort added and a staff PIN set, as `set-pin` leaves it.
struct TwoGroupConfig {
    test::ConfigCopy cfg;
    TwoGroupConfig() {
        cfg.addLochem();
        cfg.withStaffPin(kPin);
    }
    std::string path() const { return cfg.path(); }
};

void unlock(test::UiHarness& ui) { REQUIRE(ui.openStaffDesk(kPin)); }

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
        REQUIRE(st->dayCohorts.size() == 3);  // two groups, then the page of the walk-ins
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

TEST_CASE("Vandaag on a day with two groups files a visitor under the group they came to, the walk-ins on a page of their own",
          "[ui][staff][cohorts][guest]") {
    const std::pair<float, float> sizes[] = {{1280, 800}, {1080, 1920}, {800, 480}};
    for (const auto& [w, h] : sizes) {
        CAPTURE(w, h);
        TwoGroupConfig cfg;
        // A third group, Deventer, that does not meet on 26 November; its Daan comes to the door that day.
        std::ofstream(cfg.cfg.dir / "programme.toml", std::ios::app)
            << "\n[[cohort]]\nid = \"deventer-2027\"\nname = \"Gemeente Deventer\"\n"
               "\n[[day]]\nnumber = 1\ndate = 2026-12-17\ntheme = \"Deventer\"\ncohort = \"deventer-2027\"\n"
               "\n[[day.agenda]]\nstart = \"09:30\"\nend = \"15:00\"\ntitle = \"Hele dag\"\nroom = \"Bakkerij\"\n";
        cfg.cfg.appendRoster("DV01;Daan;;Visser;Wonen;deventer-2027;\n");
        test::UiHarness ui("2026-11-26T09:20", w, h, cfg.path());
        for (const char* code : {"ZU01", "LO02", "DV01"}) {
            ui.session().apply(ui::Intent::checkIn(code));
            ui.settle();
            ui.session().apply(ui::Intent::dismiss());
        }
        ui.session().apply(ui::Intent::registerGuest("Karin Mulder", "Provincie Gelderland"));
        ui.settle();
        ui.session().apply(ui::Intent::dismiss());
        unlock(ui);
        const ui::StaffView* st = ui.session().buildView().staff;
        REQUIRE(st);
        // Zutphen's page: its people and Daan (arrived 09:20, in Zutphen's hours), no walk-in.
        CHECK(st->listCohort == "zutphen-2026");
        CHECK(listedCodes(*st).count("DV01") == 1);
        CHECK(std::none_of(st->rows.begin(), st->rows.end(), [](const PresenceRow& r) { return r.guest; }));
        for (const auto& r : st->rows)
            if (r.participant.code == "DV01") {
                CHECK(r.otherGroup);
                CHECK(r.groupId == "zutphen-2026");
                CHECK(r.ownGroupName == "Gemeente Deventer");
            }
        CHECK(st->guests == 0);
        REQUIRE(st->dayCohorts.size() == 3);  // the two groups, then the walk-ins' page
        // Lochem's page: its people only (Daan is on one list, not on each).
        ui.tap("desk.group.next");
        st = ui.session().buildView().staff;
        CHECK(st->listCohort == "lochem-2027");
        CHECK(listedCodes(*st) == std::set<std::string>{"LO01", "LO02", "LO03"});
        CHECK(std::none_of(st->rows.begin(), st->rows.end(), [](const PresenceRow& r) { return r.guest; }));
        // The next page is the walk-ins': the button says so; there the walk-in, once, and its count.
        const ui::TapTarget* next = ui.target("desk.group.next");
        REQUIRE(next);
        CHECK(next->label == "Gasten");
        ui.tap("desk.group.next");
        st = ui.session().buildView().staff;
        CHECK(st->guestsList);
        REQUIRE(st->rows.size() == 1);
        CHECK(st->rows[0].guest);
        CHECK(st->rows[0].participant.firstName == "Karin Mulder");
        CHECK(st->guests == 1);
        CHECK(st->guestsToReview == 1);
        CHECK(st->present == 0);
        // Linking the walk-in offers the people of both groups without a check-in.
        ui.tap("desk.review." + st->rows[0].guestEventId);
        REQUIRE(ui.state().screen == ui::Screen::staff_correct);
        ui.tap("desk.effect.link");
        CHECK(ui.has("desk.link.ZU02"));
        CHECK(ui.has("desk.link.LO01"));
        CHECK_FALSE(ui.has("desk.link.ZU01"));  // checked in already
        ui.tap("desk.correct.cancel");
        // And round to the first group again.
        ui.tap("desk.group.next");
        st = ui.session().buildView().staff;
        CHECK(st->listCohort == "zutphen-2026");
        CHECK_FALSE(st->guestsList);
    }
}

// ---- The room follows one group (issue 30, item 3) ----

namespace {

// A room kiosk (mode = "room") with a facilitator code; `follow`: its [kiosk] cohort ("" : none).
void roomKiosk(test::ConfigCopy& cfg, const std::string& follow, const char* mode = "room") {
    cfg.addLochem();
    cfg.withFacilitatorCode("2468");
    cfg.edit("kiosk.toml", "mode = \"door\"",
             std::string("mode = \"") + mode + "\"" + (follow.empty() ? std::string{} : "\ncohort = \"" + follow + "\""));
}

void typeCode(test::UiHarness& ui, const std::string& code) {
    for (char c : code) ui.tap(std::string("keypad.") + c);
    ui.tap("keypad.ok");
}

// The exercises screen: `first` is listed above `second` (today's section comes first).
bool listedAbove(test::UiHarness& ui, const std::string& first, const std::string& second) {
    const ui::TapTarget* a = ui.target("exercise." + first);
    const ui::TapTarget* b = ui.target("exercise." + second);
    return a && b && (a->min.y < b->min.y || (a->min.y == b->min.y && a->min.x < b->min.x));
}

}  // namespace

TEST_CASE("a room kiosk set to one group keeps its room display, agenda and exercises on that group all day", "[ui][room][cohorts]") {
    const std::pair<float, float> sizes[] = {{1280, 800}, {1080, 1920}, {800, 480}};
    for (const auto& [w, h] : sizes) {
        CAPTURE(w, h);
        test::ConfigCopy cfg;
        roomKiosk(cfg, "lochem-2027");
        test::UiHarness ui("2026-11-26T09:20", w, h, cfg.path());
        REQUIRE(ui.session().config().ok());
        REQUIRE(ui.state().screen == ui::Screen::room);
        // Through the day (Zutphen's day starts before and ends after Lochem's): Lochem's day throughout.
        for (int step = 0; step < 14; ++step) {
            const auto v = ui.session().buildView();
            REQUIRE(v.today);
            CHECK(v.today->cohortId == "lochem-2027");
            CHECK(v.today->theme == "Vakmanschap in de raad");
            CHECK(v.groupsToday.size() == 2);
            CHECK(ui.state().screen == ui::Screen::room);
            ui.clock().advanceSeconds(30 * 60);
            ui.frame();
        }
        // Its agenda and its exercises: Lochem's day's exercise first, Zutphen's among the rest.
        ui.tap("room.close");
        REQUIRE(ui.state().screen == ui::Screen::agenda);
        CHECK(ui.session().buildView().shownDay->cohortId == "lochem-2027");
        ui.tap("go.exercises");
        REQUIRE(ui.state().screen == ui::Screen::exercises);
        CHECK(listedAbove(ui, "spiegelen", "standpunt-in-de-ruimte"));
    }
}

TEST_CASE("behind the facilitator code the room is set to the other group, and its display stays there", "[ui][room][cohorts]") {
    const std::pair<float, float> sizes[] = {{1280, 800}, {1080, 1920}, {800, 480}};
    for (const auto& [w, h] : sizes) {
        CAPTURE(w, h);
        test::ConfigCopy cfg;
        roomKiosk(cfg, "", "door");
        test::UiHarness ui("2026-11-26T09:40", w, h, cfg.path());
        REQUIRE(ui.session().buildView().today->cohortId == "zutphen-2026");  // the first in the file
        ui.tap("go.agenda");
        ui.tap("go.exercises");
        CHECK(listedAbove(ui, "standpunt-in-de-ruimte", "spiegelen"));
        ui.tap("header.back");
        ui.tap("go.shift");
        CHECK_FALSE(ui.has("follow.lochem-2027"));  // the code first
        typeCode(ui, "2468");
        REQUIRE(ui.state().shiftUnlocked);
        REQUIRE(ui.has("follow.lochem-2027"));
        REQUIRE(ui.has("follow.zutphen-2026"));
        ui.tap("follow.lochem-2027");
        CHECK(ui.session().buildView().today->cohortId == "lochem-2027");
        ui.tap("shiftby.done");
        REQUIRE(ui.state().screen == ui::Screen::agenda);
        ui.tap("go.room");
        typeCode(ui, "2468");
        REQUIRE(ui.state().screen == ui::Screen::room);
        for (int m = 0; m < 6; ++m) {
            ui.clock().advanceSeconds(20 * 60);
            ui.frame();
            CHECK(ui.state().screen == ui::Screen::room);
            CHECK(ui.session().buildView().today->cohortId == "lochem-2027");
        }
        // Without the code nothing changes the group.
        ui.session().apply(ui::Intent::followGroup("zutphen-2026"));
        CHECK(ui.session().buildView().today->cohortId == "lochem-2027");
    }
}

TEST_CASE("the kiosk cohort setting naming no group of the programme is refused at its place in kiosk.toml", "[config][cohorts]") {
    test::ConfigCopy cfg;
    roomKiosk(cfg, "lochem-2072");
    const Texts texts = loadEmbeddedTexts(Lang::nl);
    Problems problems;
    const LoadedConfig lc = loadConfig(readConfigFolder(cfg.dir.path(), texts, problems), texts);
    CHECK_FALSE(lc.ok());
    const auto it = std::find_if(lc.problems.begin(), lc.problems.end(), [](const Problem& p) {
        return p.message.find("lochem-2072") != std::string::npos;
    });
    REQUIRE(it != lc.problems.end());
    CHECK(it->file == "kiosk.toml");
    CHECK(it->line == 14);
    CHECK(it->column == 10);
    CHECK(it->message.find("zutphen-2026, lochem-2027") != std::string::npos);
}
