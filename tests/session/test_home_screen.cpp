#include <catch2/catch.hpp>

#include <fstream>
#include <set>

#include "config_copy.h"
#include "ui_harness.h"

using namespace kiosk;

TEST_CASE("the idle home screen shows counts, never names", "[ui][home][privacy]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    ui.tap("tile.ZU01");
    ui.settle();
    ui.tap("feedback.done");
    REQUIRE(ui.state().screen == ui::Screen::home);
    // Everything tappable on the home screen, and its words: no participant's name among them.
    for (const auto& t : ui::frameTargets()) {
        CHECK(t.label.find("Anna") == std::string::npos);
        CHECK(t.id.rfind("tile.", 0) != 0);
    }
    const auto v = ui.session().buildView();
    CHECK(v.checkedIn == 1);
    std::set<std::string> expected;
    for (const Participant* p : v.expected) expected.insert(p->code);
    CHECK(expected == test::codesOf(ui.session().roster()));  // today's cohort: the whole sample roster
    REQUIRE(v.today);
    CHECK(v.today->number == 1);
}

TEST_CASE("a date without a programme day still checks in and shows the next day", "[ui][home]") {
    test::UiHarness ui("2026-12-05T10:00");
    const auto v = ui.session().buildView();
    CHECK(v.today == nullptr);
    REQUIRE(v.shownDay);
    CHECK(v.shownDay->number == 2);
    ui.tap("go.checkin");
    ui.tap("tile.ZU07");
    ui.settle();
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::checked_in);
    CHECK(ui.session().ledger().record({2026, 12, 5}, "ZU07").checkIn.has_value());
}

TEST_CASE("the theme keeps text at 7:1 contrast or better", "[ui][theme]") {
    const ui::Palette p;
    CHECK(ui::contrastRatio(p.ink, p.background) >= 7.0);
    CHECK(ui::contrastRatio(p.muted, p.background) >= 7.0);
    CHECK(ui::contrastRatio(p.muted, p.surface) >= 7.0);
    CHECK(ui::contrastRatio(p.ink, p.secondary) >= 7.0);
    CHECK(ui::contrastRatio(p.onPrimary, p.primary) >= 7.0);
    CHECK(ui::contrastRatio(p.onPrimary, p.success) >= 7.0);
    CHECK(ui::contrastRatio(p.onPrimary, p.warning) >= 7.0);
    CHECK(ui::contrastRatio(p.onPrimary, p.danger) >= 7.0);
    CHECK(ui::contrastRatio(p.primary, p.surface) >= 7.0);
}

TEST_CASE("touch targets are at least 2.5 cm on a 24-inch 1080p panel", "[ui][theme]") {
    // A 24-inch 16:9 panel is 29.9 cm high: 1080 px -> 36.1 px per cm.
    const float pxPerCm = 1080.0f / 29.9f;
    test::UiHarness ui("2026-11-26T09:10", 1920, 1080);
    for (const auto& t : ui::frameTargets()) {
        INFO(t.id);
        CHECK((t.max.y - t.min.y) / pxPerCm >= 2.5f);
        CHECK((t.max.x - t.min.x) / pxPerCm >= 2.5f);
    }
}

TEST_CASE("Dutch letters render from the font, not as missing-glyph boxes", "[ui][theme]") {
    test::UiHarness ui;
    ImFont* f = ui::theme().fonts.body;
    REQUIRE(!ui::theme().fonts.sourceFile.empty());
    for (ImWchar c : {ImWchar(0x00EB), ImWchar(0x00E9), ImWchar(0x0132), ImWchar(0x0133), ImWchar(0x011F),
                      ImWchar(0x2013), ImWchar(0x201C), ImWchar(0x20AC), ImWchar(0x2026)}) {
        INFO("U+" << std::hex << c);
        const ImFontGlyph* g = f->FindGlyphNoFallback(c);
        CHECK(g != nullptr);
    }
}

TEST_CASE("outside programme hours the untouched screen dims, the first touch only wakes it", "[ui][home][dim]") {
    test::UiHarness ui("2026-11-26T07:00");  // the day starts at 09:00: bright from 08:00
    ui.frame();
    CHECK_FALSE(ui.session().buildView().dimmed);  // just started: counts as touched
    ui.clock().advanceSeconds(61);
    ui.frame();
    REQUIRE(ui.session().buildView().dimmed);
    ui.tap("go.checkin");  // lands on the dimmed screen
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK_FALSE(ui.session().buildView().dimmed);
    ui.tap("go.checkin");  // now it works
    CHECK(ui.state().screen == ui::Screen::checkin);

    test::UiHarness during("2026-11-26T10:00");
    during.clock().advanceSeconds(3600);
    during.frame();
    CHECK_FALSE(during.session().buildView().dimmed);  // during the programme it stays bright
}

TEST_CASE("the home screen draws at the moment it may dim only when it dims then", "[ui][home][dim]") {
    // Touched at :30: the minute's frame at 10:01:00, and the dim moment at 10:01:30, which in
    // programme hours would draw the same screen again (issue 33): the next frame is 10:02.
    test::UiHarness during("2026-11-26T10:00");
    during.clock().advanceSeconds(30);
    during.session().noteInput();
    during.frame();
    during.clock().advanceSeconds(31);
    during.frame();
    CHECK(during.session().msUntilNextChange() == 59000);
    // Outside programme hours that moment is due: it dims then.
    test::UiHarness early("2026-11-26T07:00");
    early.clock().advanceSeconds(30);
    early.session().noteInput();
    early.frame();
    early.clock().advanceSeconds(31);
    early.frame();
    CHECK(early.session().msUntilNextChange() == 29000);
    early.clock().advanceSeconds(29);
    early.frame();
    CHECK(early.session().buildView().dimmed);
}

TEST_CASE("the home screen drifts slowly so that nothing burns in", "[ui][home][drift]") {
    test::UiHarness ui("2026-11-26T09:00");
    const ImVec2 first = ui.target("go.checkin")->min;
    std::set<std::pair<int, int>> positions;
    for (int minute = 0; minute < 120; ++minute) {
        ui.clock().advanceSeconds(60);
        ui.session().noteInput();
        ui.frame();
        const auto* t = ui.target("go.checkin");
        REQUIRE(t);
        positions.insert({static_cast<int>(t->min.x), static_cast<int>(t->min.y)});
        CHECK(std::abs(t->min.x - first.x) <= ui::theme().Em(1.0f));
        CHECK(std::abs(t->min.y - first.y) <= ui::theme().Em(1.0f));
        CHECK(t->max.y <= 800);
    }
    CHECK(positions.size() > 20);
}

TEST_CASE("an exercise step is readable from 5 m: capital height at least 4% of the screen", "[ui][theme]") {
    for (float height : {800.0f, 1080.0f}) {
        test::UiHarness ui("2026-11-26T09:10", height * 1.6f, height);
        // Inter's capital height is 0.727 of its font size.
        CHECK(ui::theme().fonts.large->FontSize * 0.727f >= 0.04f * height);
    }
}

// ---- Two groups on one day (issue 30) ----

namespace {
// The sample programme with a second cohort whose day 1 falls on the sample's day 1 (2026-11-26),
// in rooms of its own, and three people of that cohort on the roster.
void addLochem(test::ConfigCopy& cfg) {
    std::ofstream(cfg.dir / "programme.toml", std::ios::app)
        << "\n[[cohort]]\nid = \"lochem-2027\"\nname = \"Gemeente Lochem, 2027\"\n"
           "\n[[day]]\nnumber = 1\ndate = 2026-11-26\ntheme = \"Vakmanschap in de raad\"\ncohort = \"lochem-2027\"\n"
           "\n[[day.agenda]]\nstart = \"09:30\"\nend = \"12:00\"\ntitle = \"Kennismaken met de raad\"\nroom = \"Bakkerij\"\n"
           "\n[[day.agenda]]\nstart = \"12:00\"\nend = \"15:00\"\ntitle = \"Casus Lochem\"\nroom = \"Bakkerij\"\n"
           "\n[[day]]\nnumber = 2\ndate = 2026-12-03\ntheme = \"Tweede dag\"\ncohort = \"lochem-2027\"\n"
           "\n[[day.agenda]]\nstart = \"09:30\"\nend = \"15:00\"\ntitle = \"Hele dag\"\nroom = \"Bakkerij\"\n";
    cfg.appendRoster("LO01;Lotte;;Bakker;Burgerzaken;lochem-2027;\nLO02;Bram;;Smit;Financiën;lochem-2027;\n"
                     "LO03;Anna;de;Vries;Griffie;lochem-2027;\n");
}
}  // namespace

TEST_CASE("a day with two groups: the home screen shows both, check-in offers the people of both groups", "[ui][home][cohorts]") {
    const std::pair<float, float> sizes[] = {{1280, 800}, {1080, 1920}, {800, 480}};
    for (const auto& [w, h] : sizes) {
        CAPTURE(w, h);
        test::ConfigCopy cfg;
        addLochem(cfg);
        test::UiHarness ui("2026-11-26T09:40", w, h, cfg.path());
        REQUIRE(ui.session().config().ok());
        auto v = ui.session().buildView();
        REQUIRE(v.groupsToday.size() == 2);
        CHECK(v.groupsToday[0].name == "Gemeente Zutphen, 2026–2027");
        CHECK(v.groupsToday[1].name == "Gemeente Lochem, 2027");
        CHECK(v.groupsToday[1].day->number == 1);
        CHECK(v.groupsToday[1].expected == 3);
        std::set<std::string> codes;
        for (const Participant* p : v.expected) codes.insert(p->code);
        CHECK(codes.count("ZU01") == 1);
        CHECK(codes.count("LO01") == 1);
        // The home screen draws at this size with both groups (looked at in screenshots: see the report).
        ui.frame();
        CHECK(ui.state().screen == ui::Screen::home);
        // A tap on a person of each group, then a badge of each.
        for (const auto& [code, name] : {std::pair{"ZU02", "MOHAMED"}, std::pair{"LO01", "LOTTE"}}) {
            ui.tap("go.checkin");
            // Both groups' people on the one list; on a small screen found with the keyboard.
            if (!ui.has(std::string("tile.") + code))
                for (const char* c = name; *c; ++c) ui.tap(std::string("search.key.") + *c);
            ui.tap(std::string("tile.") + code);
            ui.settle();
            CHECK(ui.state().feedback.kind == ui::Feedback::Kind::checked_in);
            ui.tap("feedback.done");
        }
        for (const char* code : {"ZU03", "LO02"}) {
            ui.scanBadge(code);
            ui.settle();
            CHECK(ui.session().ledger().record({2026, 11, 26}, code).checkIn.has_value());
            ui.tap("feedback.done");
        }
        v = ui.session().buildView();
        CHECK(v.checkedIn == 4);
        CHECK(v.groupsToday[0].checkedIn == 2);
        CHECK(v.groupsToday[1].checkedIn == 2);
    }
}
