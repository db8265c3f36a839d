// Speech mode's jump by first letter on the name list (ui/explore.h rule 9, core/touch_gesture.h
// rule 7): a flick down or Page Down to the next letter's first name, up or Page Up to the previous
// letter's, a letter typed to its first name; said as the letter and the name. Letters as the list
// sorts them (Çağla under C, Özlem under O, Ĳsbrand under I), namesakes under one letter. The grid of
// the sample (plus a namesake and two accented initials), and a roster of 200+ in the search list
// on the portrait stand, where the list scrolls to the name.
#include <catch2/catch.hpp>

#include "config_copy.h"
#include "speaking_kiosk.h"
#include "ui/explore.h"

using namespace kiosk;
using kiosk::test::contains;
using kiosk::test::SpeakingKiosk;

namespace {

const LocalDate kDay1{2026, 11, 26};

bool checkedIn(test::UiHarness& ui, const std::string& code) { return ui.session().ledger().record(kDay1, code).checkIn.has_value(); }

// Speech on, the check-in screen opened by a swipe to Inchecken and a double tap.
void openList(SpeakingKiosk& k) {
    k.openNameList();
    REQUIRE(k.ui.state().screen == ui::Screen::checkin);
}

// Page Down / Page Up, as a keyboard's key press over two frames.
void pageKey(test::UiHarness& ui, bool down) {
    constexpr int kPageUp = 410, kPageDown = 411;
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_PageUp] = kPageUp;
    io.KeyMap[ImGuiKey_PageDown] = kPageDown;
    const int key = down ? kPageDown : kPageUp;
    ui.session().noteInput();
    io.KeysDown[key] = true;
    ui.frame();
    io.KeysDown[key] = false;
    ui.frame();
}

}  // namespace

TEST_CASE("explore rule 9: flicks down and up jump by first letter in the grid, accented initials where the list sorts them, "
          "namesakes one swipe apart",
          "[accessible][swipe][letters]") {
    test::ConfigCopy cfg;
    cfg.appendRoster("ZU15;Fatima;;Yilmaz;Griffie;zutphen-2026;\n"
                     "ZU16;\xC3\x96zlem;;Arslan;HR;zutphen-2026;\n"
                     "ZU17;\xC3\x89mile;;Martin;Griffie;zutphen-2026;\n");
    SpeakingKiosk k(cfg.path());
    test::UiHarness& ui = k.ui;
    openList(k);
    REQUIRE(ui.target("tile.ZU16"));  // the grid: every name on the screen
    CHECK(contains(k.last(), "Omlaag vegen springt per beginletter vooruit vanaf de A, omhoog terug vanaf de Z."));
    // From no name: the first letter, then each next one, the accented names under their base letter.
    const std::vector<std::string> heard = {"A. Anna de V., Beleid Sociaal Domein", "C. \xC3\x87" "a\xC4\x9F" "la \xC3\x96., HR",
                                            "D. Daan S., Uitvoering Burgerzaken", "E. \xC3\x89mile M., Griffie",
                                            "F. Fatima B., Uitvoering Vergunningen"};
    for (const std::string& h : heard) {
        k.flick(true);
        CHECK(k.last() == h);
    }
    k.swipe(true);  // the namesake is the next name, under the same letter
    CHECK(k.last() == "Fatima Y., Griffie");
    k.flick(true);
    CHECK(k.last() == "I. IJsbrand K., Bestuursadvisering");  // Ĳsbrand under I, as the list sorts him (said as ij)
    k.flick(false);
    CHECK(k.last() == "F. Fatima B., Uitvoering Vergunningen");
    pageKey(ui, true);
    pageKey(ui, true);
    CHECK(k.last() == "J. Joost van D., Bestuursadvisering");
    ui.keys("o", false);  // a letter typed: its first name
    ui.frame();
    CHECK(k.last() == "O. \xC3\x96zlem A., HR");
    ui.clock().advanceMs(2000);  // past the badge reader's pause: a new letter, not a code
    ui.keys("q", false);  // no Q: the next letter there is
    ui.frame();
    CHECK(k.last() == "S. Sanne V., Beleid Economie");
    ui.clock().advanceMs(2000);
    ui.keys("a", false);
    ui.frame();
    k.flick(false);  // before A: round to the last letter
    CHECK(k.last() == "Weer bij het eind. Z. Zo\xC3\xAB van den B., Communicatie");
    // Nothing was chosen on the way; a double tap checks in the name heard.
    ui.settle();
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::none);
    const ui::TapTarget* anna = ui.target("tile.ZU01");
    REQUIRE(anna);
    k.doubleTapAt(ImVec2((anna->min.x + anna->max.x) * 0.5f, (anna->min.y + anna->max.y) * 0.5f));
    ui.settle();
    CHECK(checkedIn(ui, "ZU03"));
    CHECK_FALSE(checkedIn(ui, "ZU01"));
}

TEST_CASE("explore rule 9: with 200+ names the search list scrolls to the letter jumped to, on the portrait stand",
          "[accessible][swipe][letters]") {
    test::ConfigCopy cfg;
    // 209 more people, first names under letters the sample does not use (and Bas before Fatima).
    const char* first[] = {"Bas", "Eva", "Gijs", "Hanna", "Kim", "Olaf", "Roos", "Uri", "Vera", "Wim", "Yara"};
    std::string rows;
    for (int i = 0; i < 209; ++i)
        rows += "XX" + std::to_string(100 + i) + ";" + first[i % 11] + ";;Lid" + std::to_string(100 + i) + ";Team " +
                std::to_string(i) + ";zutphen-2026;\n";
    cfg.appendRoster(rows);
    SpeakingKiosk k(cfg.path(), 1080, 1920);
    test::UiHarness& ui = k.ui;
    openList(k);
    CHECK(contains(k.last(), "223 namen"));
    REQUIRE_FALSE(ui.target("tile.ZU08"));  // Fatima is far down the list, not on the screen
    std::vector<std::string> letters;
    for (int i = 0; i < 8 && ui::explore().armed != "tile.ZU08"; ++i) {
        k.flick(true);
        letters.push_back(k.last().substr(0, 2));
    }
    CHECK(letters == std::vector<std::string>{"A.", "B.", "C.", "D.", "E.", "F."});
    CHECK(k.last() == "F. Fatima B., Uitvoering Vergunningen");
    CHECK(ui.target("tile.ZU08"));  // scrolled to her
    ui.keys("z", false);
    ui.frame();
    ui.frame();
    CHECK(k.last() == "Z. Zo\xC3\xAB van den B., Communicatie");
    CHECK(ui.target("tile.ZU03"));
    pageKey(ui, false);
    CHECK(k.last().substr(0, 9) == "Y. Yara L");
    ui.frame();
    CHECK(ui.target(ui::explore().armed));
    // Enter chooses the name heard.
    const std::string code = ui::explore().armed.substr(5);
    ui.keys("", true);
    ui.frame();
    ui.settle();
    CHECK(checkedIn(ui, code));
}
