// The speech mode's linear navigation (ui/explore.h, session/narrator.h), as someone who cannot see
// the screen uses it: swipe right and left through the screen hearing each control, double tap
// anywhere to choose the one heard; keys do the same; a tap on nothing is never silent; the
// introduction says how, and where check-in is. (Swiping through the PIN pad: test_accessible.cpp.) The trial by ear (docs/trial-by-ear.md) failed in
// portrait, so the way through is tried on the 21.5" portrait stand, 1080x1920.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "core/spoken_text.h"
#include "speaking_kiosk.h"
#include "ui/explore.h"

using namespace kiosk;
using kiosk::test::contains;
using kiosk::test::SpeakingKiosk;
using kiosk::test::spoken;

namespace {

const LocalDate kDay1{2026, 11, 26};
const std::string kConfig = std::string(KIOSK_SOURCE_DIR) + "/config";

ImVec2 centreOf(test::UiHarness& ui, const std::string& id) {
    const ui::TapTarget* t = ui.target(id);
    if (!t) throw std::runtime_error("no " + id);
    return ImVec2((t->min.x + t->max.x) * 0.5f, (t->min.y + t->max.y) * 0.5f);
}

bool startsWith(const std::string& s, const std::string& prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

bool checkedIn(test::UiHarness& ui, const std::string& code) { return ui.session().ledger().record(kDay1, code).checkIn.has_value(); }

}  // namespace

TEST_CASE("explore rule 3: in portrait, swipes go through the names in the list's order, a double tap elsewhere checks in the "
          "name heard, and the welcome says how to undo",
          "[accessible][swipe]") {
    SpeakingKiosk k(kConfig, 1080, 1920);
    test::UiHarness& ui = k.ui;
    k.speechOn();
    const std::string intro = k.last();
    INFO(intro);
    CHECK(contains(intro, "Veeg naar rechts of links"));
    CHECK(contains(intro, "tik twee keer om te kiezen"));
    // Built from the screen drawn: Inchecken is the first control; no place words (it is at the bottom).
    CHECK(contains(intro, "Startscherm. Inchecken: veeg \xC3\xA9\xC3\xA9n keer naar rechts."));
    const int toCheckin = SpeakingKiosk::timesIn(intro);
    REQUIRE(toCheckin >= 1);
    for (int i = 0; i < toCheckin; ++i) k.swipe(true);
    CHECK(k.last() == "Inchecken. Tik twee keer voor de lijst met namen.");
    REQUIRE(ui.state().screen == ui::Screen::home);  // a swipe chooses nothing
    // A double tap anywhere chooses the focus: here it lands on Programma, which is not opened.
    k.doubleTapAt(centreOf(ui, "go.agenda"));
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    const std::string list = k.last();
    INFO(list);
    const ui::KioskView view = ui.session().buildView();
    const size_t n = view.expected.size();
    CHECK(startsWith(list, "Inchecken. " + std::to_string(n) + " namen, op voornaam."));
    const int toFirst = SpeakingKiosk::timesIn(list);
    CHECK(toFirst == 1);  // the names before Terug (touch_gesture.h rule 6)
    REQUIRE(toFirst >= 1);
    for (int i = 0; i < toFirst - 1; ++i) k.swipe(true);
    // Every name in turn, in the list's own order (by first name), as the screen shows it.
    size_t fatima = n;
    for (size_t i = 0; i < n; ++i) {
        k.swipe(true);
        const std::string label = i < view.expectedLabels.size() && view.expectedLabels[i] ? *view.expectedLabels[i]
                                                                                             : view.expected[i]->displayName(view.settings->nameDisplay);
        INFO("name " << i << ": " << label);
        CHECK(startsWith(k.last(), speakable(label, Lang::nl) + ", "));  // the name (ĳ said as ij), then the department
        if (view.expected[i]->code == "ZU08") fatima = i;
    }
    REQUIRE(fatima < n);
    // Back to Fatima with swipes left; nobody was checked in on the way.
    for (size_t i = n - 1; i > fatima; --i) k.swipe(false);
    CHECK(k.last() == "Fatima B., Uitvoering Vergunningen");
    ui.settle();
    for (const Participant* p : view.expected) CHECK_FALSE(checkedIn(ui, p->code));
    // The double tap lands on Anna's tile: Fatima, the name heard, is checked in; Anna is not.
    k.doubleTapAt(centreOf(ui, "tile.ZU01"));
    ui.settle();
    CHECK(checkedIn(ui, "ZU08"));
    CHECK_FALSE(checkedIn(ui, "ZU01"));
    const std::string welcome = k.last();
    INFO(welcome);
    CHECK(startsWith(welcome, "Welkom, Fatima! Ingecheckt om tien over negen. Fijne dag! Verkeerd? Ongedaan maken: veeg "));
    // The hint is true: that many swipes reach Ongedaan maken, a double tap undoes.
    const int toUndo = SpeakingKiosk::timesIn(welcome);
    REQUIRE(toUndo >= 1);
    for (int i = 0; i < toUndo; ++i) k.swipe(true);
    CHECK(startsWith(k.last(), "Ongedaan maken"));
    k.doubleTapAt(ImVec2(540, 300));
    ui.settle();
    CHECK_FALSE(checkedIn(ui, "ZU08"));
    CHECK(contains(k.last(), "Ongedaan gemaakt"));
}

TEST_CASE("explore rule 3: a swipe across one wide name tile, a slow drag and a scroll choose nothing", "[accessible][swipe]") {
    SpeakingKiosk k;
    test::UiHarness& ui = k.ui;
    k.speechOn();
    k.touch("go.checkin");
    k.touch("go.checkin");  // the second tap, a second later, on the same spot: chosen
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    const ui::TapTarget* t = ui.target("tile.ZU04");
    REQUIRE(t);
    const float y = (t->min.y + t->max.y) * 0.5f;
    const ImVec2 left(t->min.x + (t->max.x - t->min.x) * 0.1f, y), right(t->max.x - (t->max.x - t->min.x) * 0.1f, y);
    REQUIRE(ui::layout().mm(right.x - left.x) >= kSwipeMinMm);
    for (int i = 0; i < 3; ++i) {  // pressed and lifted on the same tile: a swipe, not a tap on IJsbrand
        k.fingerPath(left, right, 150);
        CHECK_FALSE(startsWith(k.last(), "IJsbrand"));
    }
    const std::string focus = ui::explore().armed;
    CHECK_FALSE(focus.empty());
    const size_t said = k.count();
    k.fingerPath(left, right, 1500);  // slowly: a finger moving across, not a flick
    k.fingerPath(ImVec2(left.x, y), ImVec2(left.x + 5, y + 200), 1200);  // slowly up and down: a scroll (a flick jumps, rule 9)
    CHECK(k.count() == said);
    CHECK(ui::explore().armed == focus);
    ui.settle();
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::none);
    CHECK_FALSE(checkedIn(ui, "ZU04"));
}

TEST_CASE("narrator rule 8: a tap on nothing is said, the whole hint at most every ten seconds", "[accessible][swipe]") {
    SpeakingKiosk k;
    k.speechOn();
    const ImVec2 nothing(640, 300);  // above the home screen's controls
    REQUIRE(std::none_of(ui::frameTargets().begin(), ui::frameTargets().end(), [&](const ui::TapTarget& t) {
        return nothing.x >= t.min.x && nothing.x <= t.max.x && nothing.y >= t.min.y && nothing.y <= t.max.y;
    }));
    k.touchAt(nothing);
    CHECK(k.last() == "Hier staat niets. Veeg naar rechts of links om door het scherm te gaan.");
    k.touchAt(ImVec2(nothing.x + 100, nothing.y));
    CHECK(k.last() == "Niets.");  // a second miss within ten seconds: short
    k.ui.clock().advanceMs(10'000);
    k.touchAt(nothing);
    CHECK(k.last() == "Hier staat niets. Veeg naar rechts of links om door het scherm te gaan.");
    CHECK(k.ui.state().screen == ui::Screen::home);
}

TEST_CASE("explore rule 6: the first tap of a double tap on nothing says nothing, a single one is said when the window "
          "has passed, at the moment the session wakes for",
          "[accessible][swipe]") {
    SpeakingKiosk k;
    test::UiHarness& ui = k.ui;
    k.speechOn();
    const ImVec2 nothing = SpeakingKiosk::nothingPoint();
    const size_t before = k.count();
    ui.tapAt(nothing);  // one tap on nothing: not yet said, the double tap's window is open
    CHECK(k.count() == before);
    // The frame loop sleeps until the session's next change (app/window_app.cpp): that is when it is due.
    const int64_t wake = ui.session().msUntilNextChange();
    CHECK(wake > 0);
    CHECK(wake <= kDoubleTapMs);
    ui.clock().advanceMs(wake - 1);
    ui.frame();
    CHECK(k.count() == before);
    ui.clock().advanceMs(1);
    ui.frame();  // the one frame that wake draws says it
    CHECK(k.last() == "Hier staat niets. Veeg naar rechts of links om door het scherm te gaan.");
    CHECK(ui.session().msUntilNextChange() > kDoubleTapMs);  // nothing more pending
    // Now the trial's way: swipe to Inchecken, double tap on empty space. Nothing is said of the first tap.
    k.swipe(true);
    REQUIRE(k.last() == "Inchecken. Tik twee keer voor de lijst met namen.");
    const size_t chosenFrom = k.count();
    k.ui.clock().advanceMs(11'000);  // the whole hint would be due again: it must not come
    k.doubleTapAt(nothing);
    k.listen();
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    const auto said = spoken(k.log);
    REQUIRE(said.size() > chosenFrom);
    for (size_t i = chosenFrom; i < said.size(); ++i) {
        INFO(said[i]);
        CHECK_FALSE(contains(said[i], "Hier staat niets"));
        CHECK_FALSE(contains(said[i], "Niets."));
    }
    CHECK(startsWith(said.back(), "Inchecken. 14 namen"));
    // A double tap on nothing with no focus to choose (the screen is new): said once, after it.
    const size_t then = k.count();
    k.doubleTapAt(SpeakingKiosk::nothingPoint());
    k.listen();
    CHECK(k.count() == then + 1);
    CHECK(k.last() == "Hier staat niets. Veeg naar rechts of links om door het scherm te gaan.");
}

TEST_CASE("explore rule 3: the first swipe on the check-in screen is the first name, Terug is one swipe left, the hints count "
          "true",
          "[accessible][swipe]") {
    SpeakingKiosk k;  // landscape, 1280x800
    test::UiHarness& ui = k.ui;
    k.openNameList();
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    const std::string list = k.last();
    INFO(list);
    CHECK(contains(list, "Veeg \xC3\xA9\xC3\xA9n keer naar rechts voor de eerste naam. Omlaag vegen springt per beginletter vooruit vanaf de A, omhoog terug vanaf de Z."));
    REQUIRE(SpeakingKiosk::timesIn(list) == 1);
    k.swipe(false);  // no focus yet: a swipe left reaches the last, Terug
    CHECK(k.last() == "Terug");
    k.swipe(true);  // past the last: the first name
    CHECK(k.last() == "Weer bij het begin. Anna de V., Beleid Sociaal Domein");
    k.swipe(false);
    CHECK(k.last() == "Weer bij het eind. Terug");
    k.swipe(false);
    CHECK(k.last() == "Ik sta niet op de lijst");
    k.doubleTapAt(SpeakingKiosk::nothingPoint());  // chooses it
    REQUIRE(ui.state().screen == ui::Screen::walkin);
    const std::string walkin = k.last();
    INFO(walkin);
    const int toKey = SpeakingKiosk::timesIn(walkin);
    REQUIRE(toKey >= 1);
    for (int i = 0; i < toKey; ++i) k.swipe(true);
    CHECK(ui::explore().armed.rfind("walkin.key.", 0) == 0);  // the hint's count reaches the first key
}

TEST_CASE("narrator rule 2: nothing spoken says where on the screen a control is, only how to reach it", "[accessible][swipe]") {
    // The catalogue's speech texts, both languages: no place words (the second trial by ear).
    for (const char* file : {"nl.txt", "en.txt"}) {
        std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/assets/text/" + file);
        REQUIRE(in);
        int speechKeys = 0;
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("speech.", 0) != 0) continue;
            ++speechKeys;
            INFO(file << ": " << line);
            for (const char* place : {"linksboven", "linksonder", "rechtsboven", "rechtsonder", "in het midden", "onderaan",
                                      "bovenaan", "at the top", "at the bottom", "in the middle", "on the left", "on the right"})
                CHECK_FALSE(contains(line, place));
        }
        CHECK(speechKeys > 20);
    }
}

TEST_CASE("explore rule 5: Tab and Shift+Tab and the arrows move the focus and Enter chooses it - on the PIN pad only as keys",
          "[accessible][swipe][keys]") {
    constexpr int kTab = 400, kRight = 401, kLeft = 402, kDown = 403;
    SpeakingKiosk k;
    test::UiHarness& ui = k.ui;
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = kTab;
    io.KeyMap[ImGuiKey_RightArrow] = kRight;
    io.KeyMap[ImGuiKey_LeftArrow] = kLeft;
    io.KeyMap[ImGuiKey_DownArrow] = kDown;
    auto press = [&](int key, bool shift = false) {
        ui.session().noteInput();
        io.KeyShift = shift;
        io.KeysDown[key] = true;
        ui.frame();
        io.KeysDown[key] = false;
        io.KeyShift = false;
        ui.frame();
    };
    auto enter = [&] {
        ui.keys("", true);  // Enter with nothing typed before it, as the window delivers it
        ui.frame();
        ui.frame();
        ui.frame();
    };
    k.speechOn();
    press(kTab);
    CHECK(k.last() == "Inchecken. Tik twee keer voor de lijst met namen.");
    press(kRight);
    CHECK(k.last() == "Uitchecken. Einde van de dag");
    press(kTab, true);
    CHECK(k.last() == "Inchecken. Tik twee keer voor de lijst met namen.");
    enter();
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    INFO(k.last());
    const int toFirst = SpeakingKiosk::timesIn(k.last());
    REQUIRE(toFirst >= 1);
    for (int i = 0; i < toFirst; ++i) press(kDown);
    CHECK(startsWith(k.last(), "Anna de V."));
    press(kLeft);  // before the first name: round to the last, Terug
    CHECK(k.last() == "Weer bij het eind. Terug");
    press(kRight);
    CHECK(k.last() == "Weer bij het begin. Anna de V., Beleid Sociaal Domein");
    enter();
    ui.settle();
    CHECK(checkedIn(ui, "ZU01"));
    CHECK(startsWith(k.last(), "Welkom, Anna!"));
}

TEST_CASE("explore rule 4: after a swipe, a slow double tap on another name checks in the name heard, a tap after the "
          "slow window chooses the name touched",
          "[accessible][swipe]") {
    // The third trial by ear: swiped to Sanne, a hand 0.7 s between its two taps on Maria-Louise's tile.
    for (const int gapMs : {700, 1500}) {
        SpeakingKiosk k;  // landscape, 1280x800
        test::UiHarness& ui = k.ui;
        k.openNameList();
        REQUIRE(ui.state().screen == ui::Screen::checkin);
        k.swipe(true);
        REQUIRE(startsWith(k.last(), "Anna de V."));
        const ImVec2 fatima = centreOf(ui, "tile.ZU08");
        ui.tapAt(fatima);  // the first tap lands on Fatima: her name begins
        CHECK(startsWith(k.last(), "Fatima B."));
        ui.clock().advanceMs(gapMs);
        ui.frame();
        ui.tapAt(fatima);
        ui.settle();
        INFO("gap " << gapMs << " ms: " << k.last());
        if (gapMs < kSlowDoubleTapMs) {  // a slow double tap: the name heard by swiping
            CHECK(checkedIn(ui, "ZU01"));
            CHECK_FALSE(checkedIn(ui, "ZU08"));
            CHECK(startsWith(k.last(), "Welkom, Anna!"));
        } else {  // two taps, the name between them said: the name touched (rule 2)
            CHECK(checkedIn(ui, "ZU08"));
            CHECK_FALSE(checkedIn(ui, "ZU01"));
        }
    }
}

TEST_CASE("speech mode: after an undo, Klaar goes back to the list of names with speech on, and home turns speech off "
          "with a word",
          "[accessible][swipe]") {
    SpeakingKiosk k;
    test::UiHarness& ui = k.ui;
    k.openNameList();
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    k.swipe(true);
    k.doubleTapAt(SpeakingKiosk::nothingPoint());  // Anna, the first name
    ui.settle();
    REQUIRE(checkedIn(ui, "ZU01"));
    const int toUndo = SpeakingKiosk::timesIn(k.last());
    REQUIRE(toUndo >= 1);
    for (int i = 0; i < toUndo; ++i) k.swipe(true);
    k.doubleTapAt(SpeakingKiosk::nothingPoint());
    ui.settle();
    REQUIRE_FALSE(checkedIn(ui, "ZU01"));
    REQUIRE(contains(k.last(), "Ongedaan gemaakt"));
    // Klaar, reached by swiping: the list again, speech on, and the list is said.
    bool listed = false;
    for (int i = 0; i < 4 && !listed; ++i) {
        k.swipe(true);
        if (startsWith(k.last(), "Klaar")) {
            k.doubleTapAt(SpeakingKiosk::nothingPoint());
            listed = true;
        }
    }
    REQUIRE(listed);
    k.listen();
    CHECK(ui.state().screen == ui::Screen::checkin);
    CHECK(ui.state().speech);
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::none);
    const std::string list = k.last();
    CHECK(startsWith(list, "Inchecken. 14 namen"));
    CHECK(SpeakingKiosk::timesIn(list) == 1);  // counted on the list drawn, not on the card before it
    // Terug from the list: home, where speech goes off for the next person, and that is said.
    k.swipe(false);  // no focus on a new screen: a swipe left is the last, Terug
    REQUIRE(startsWith(k.last(), "Terug"));
    k.doubleTapAt(SpeakingKiosk::nothingPoint());
    k.listen();
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK_FALSE(ui.state().speech);
    CHECK(startsWith(k.last(), "Spraak staat uit. Houd een vinger twee seconden stil"));
}
