// A day with two groups (issue 30) at every size the every-size test knows (tests/e2e), headless:
// the door's name tiles and the staff desk's day line, as a participant at the door and a staff
// member at a 7-inch panel read them. Whole names, namesakes told apart, nothing ending in "…".
#include <catch2/catch.hpp>

#include <string>

#include "config_copy.h"
#include "content/config_folder.h"
#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "ui/layout.h"
#include "ui_harness.h"

using namespace kiosk;

namespace {

constexpr const char* kPin = test::kStaffPin;

struct Panel {
    float w, h, diagonal;
};
// The every-size test's panels (tests/e2e/test_every_size.cpp): 7-inch board twice, 10-inch, the
// monitor both ways, the 65-inch TV.
constexpr Panel kPanels[] = {{800, 480, 7},       {1024, 600, 7},      {1280, 800, 10.1f},
                             {1920, 1080, 21.5f}, {1080, 1920, 21.5f}, {3840, 2160, 65}};

// The sample's first six Zutphen people and Lochem's three (a list short enough for name tiles, not
// the search): Anna de Vries is in both groups, told apart by her department.
struct SmallTwoGroups {
    test::ConfigCopy cfg;
    explicit SmallTwoGroups(bool withPin = false) {
        const auto csv = readWholeFile(cfg.dir / "participants.csv");
        REQUIRE(csv);
        size_t at = 0;
        for (int line = 0; line < 7; ++line) at = csv->find('\n', at) + 1;  // the header and ZU01..ZU06
        REQUIRE(writeFileAtomically(cfg.dir / "participants.csv", csv->substr(0, at)).empty());
        cfg.addLochem();
        if (withPin) cfg.withStaffPin();
    }
    std::string path() const { return cfg.path(); }
};

std::unique_ptr<test::UiHarness> kioskAt(const Panel& p, const std::string& config) {
    return std::make_unique<test::UiHarness>("2026-11-26T09:10", p.w, p.h, config, false, std::filesystem::path{},
                                             std::function<std::vector<ExportTarget>()>{},
                                             std::function<void(SessionOptions&)>{}, p.diagonal);
}

}  // namespace

TEST_CASE("two groups at the door: every name tile whole at every size, namesakes told apart, the room used",
          "[ui][sizes][cohorts][checkin]") {
    SmallTwoGroups cfg;
    for (const Panel& p : kPanels) {
        INFO(p.w << "x" << p.h << " at " << p.diagonal << " inch");
        auto ui = kioskAt(p, cfg.path());
        ui->session().apply(ui::Intent::checkIn("ZU01"));  // a ✓ on one Anna: its room is taken on every tile anyway
        ui->settle();
        ui->session().apply(ui::Intent::dismiss());
        // Home first: both groups named, whole (issue 30, done-when: "the home screen shows both").
        ui::recordFrameTexts(true);
        ui->frame();
        ui::recordFrameTexts(false);
        REQUIRE(ui->state().screen == ui::Screen::home);
        for (const char* group : {"Gemeente Zutphen, 2026\xE2\x80\x93" "2027", "Gemeente Lochem, 2027"}) {
            INFO(group);
            bool whole = false;
            for (const auto& t : ui::frameTexts()) whole = whole || (t.text == group && !t.clipped);
            CHECK(whole);
        }
        // Lochem's next session and its room: where the line is too short for both, the title is
        // cut, never the room ("Kennismaken met… · Bakkerij"); a tall card (portrait) says the room
        // on a line of its own.
        // Lochem starts at 09:30: at 09:10 its card says so, not "Even pauze.".
        for (const auto& t : ui::frameTexts()) CHECK(t.text != "Even pauze.");
        bool roomLine = false;
        for (const auto& t : ui::frameTexts()) roomLine = roomLine || (t.text == "Bakkerij" && !t.clipped);
        for (const auto& t : ui::frameTexts())
            if (t.text.rfind("Kennismaken", 0) == 0) {
                INFO(t.text);
                CHECK((t.text.ends_with("\xC2\xB7 Bakkerij") || (t.text == "Kennismaken met de raad" && roomLine)));
            }
        ui->session().apply(ui::Intent::go(ui::Screen::checkin));
        ui->frame();
        ui->frame();
        REQUIRE(ui->state().screen == ui::Screen::checkin);
        const ui::TapTarget* zu = ui->target("tile.ZU01");
        const ui::TapTarget* lo = ui->target("tile.LO03");
        REQUIRE(zu);  // name tiles, not the search: nine people
        REQUIRE(lo);
        CHECK(zu->label != lo->label);
        CHECK(zu->label.find("Anna de Vries") == 0);
        int tiles = 0;
        float lowest = 0;
        for (const auto& t : ui::frameTargets()) {
            if (t.id.rfind("tile.", 0) != 0) continue;
            ++tiles;
            INFO(t.label);
            CHECK_FALSE(t.clipped);  // whole: every word on its lines, no "…"
            // Readable from the door: the tile's words at least the body font's capitals (the
            // namesakes' longer labels included), never stepped down further.
            CHECK(t.capPx >= ui::capHeightPx(ui::theme().fonts.bodyBold) - 0.01f);
            lowest = std::max(lowest, t.max.y);
        }
        CHECK(tiles == 9);
        // The room used: from the 10-inch panel up the other names keep the tile font (the grid
        // is not narrowed to the namesakes' measure); the namesakes step down to the body font,
        // never further (above), where the height holds no two lines of the tile font.
        if (p.diagonal >= 10.0f)
            for (const auto& t : ui::frameTargets())
                if (t.id.rfind("tile.", 0) == 0 && t.id != "tile.ZU01" && t.id != "tile.LO03") {
                    INFO(t.label);
                    CHECK(t.capPx == Approx(ui::capHeightPx(ui::theme().fonts.title)));
                }
    }
}

namespace {

// The staff desk open on Vandaag (hold the top left corner, the PIN).
void unlock(test::UiHarness& ui) { REQUIRE(ui.openStaffDesk(kPin)); }

// The texts drawn above the list's column heads ("Naam"): the day bar's lines.
std::vector<ui::TextItem> dayBarTexts(test::UiHarness& ui) {
    ui::recordFrameTexts(true);
    ui.frame();
    ui::recordFrameTexts(false);
    float heads = 1e9f;
    for (const auto& t : ui::frameTexts())
        if (t.text == "Naam") heads = t.min.y;
    const ui::TapTarget* prev = ui.target("desk.day.prev");
    REQUIRE(prev);
    std::vector<ui::TextItem> out;
    for (const auto& t : ui::frameTexts())
        if (t.min.y >= prev->min.y - 1.0f && t.max.y <= heads) out.push_back(t);
    REQUIRE(heads < 1e9f);
    return out;
}

}  // namespace

TEST_CASE("staff Vandaag on a day with one or two groups: the group, date, day and counts whole at every size",
          "[ui][sizes][cohorts][staff]") {
    for (const bool twoGroups : {true, false}) {
        SmallTwoGroups two(true);
        test::ConfigCopy one;  // the sample: one group that day
        one.withStaffPin();
        for (const Panel& p : kPanels) {
            // The one-group day at the three sizes of the issue (each unlock is an Argon2id check).
            if (!twoGroups && p.w != 1280 && p.w != 1080 && p.w != 800) continue;
            INFO((twoGroups ? "two groups, " : "one group, ") << p.w << "x" << p.h << " at " << p.diagonal << " inch");
            auto ui = kioskAt(p, twoGroups ? two.path() : one.path());
            unlock(*ui);
            const auto texts = dayBarTexts(*ui);
            std::string all;
            for (const auto& t : texts) {
                INFO(t.text);
                CHECK_FALSE(t.shortened);  // no "…"
                CHECK_FALSE(t.clipped);
                all += t.text + " ";
            }
            // What staff read there, all of it: the group (two groups), the date, the day, the counts.
            if (twoGroups) CHECK(all.find("Gemeente Zutphen, 2026\xE2\x80\x93" "2027") != std::string::npos);
            CHECK(all.find("donderdag 26 november 2026") != std::string::npos);
            CHECK(all.find("Dag 1: Rechtsstatelijk vakmanschap") != std::string::npos);
            CHECK(all.find("aanwezig (waarvan 0 te laat, 0 eerder weg)") != std::string::npos);
            CHECK(all.find("afgemeld") != std::string::npos);
            // Under the list, everyone with no day left to miss (issue 29) by name, none lost to "…".
            std::string page;
            for (const auto& t : ui::frameTexts()) {
                page += t.text + " ";
                if (t.text.find("Geen dag meer te missen") != std::string::npos) CHECK_FALSE(t.shortened);
            }
            const ui::StaffView* st = ui->session().buildView().staff;
            REQUIRE(st);
            for (const auto& name : st->atRisk) {
                INFO(name);
                CHECK(page.find(name) != std::string::npos);
            }
            // Nothing of the bar under the list's first row: the list starts below the lines.
            const ui::TapTarget* first = nullptr;
            for (const auto& t : ui::frameTargets())
                if (t.id.rfind("desk.correct.", 0) == 0 && (!first || t.min.y < first->min.y)) first = &t;
            REQUIRE(first);
            for (const auto& t : texts) CHECK(t.max.y <= first->min.y);
        }
    }
}
