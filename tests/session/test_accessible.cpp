// The accessible mode (issue 32), tried as a participant who cannot see the screen would: a finger
// held on the home screen turns speech on, a first touch says what a control is, a second one acts;
// the welcome, a badge's answer and errors are said from the data; the PIN pad never says a digit.
// What is said is read back from the speech log (--speech-log), one JSON line per utterance.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>

#include <fstream>
#include <regex>
#include <thread>

#include "config_copy.h"
#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "ui/explore.h"
#include "ui/layout.h"
#include "speaking_kiosk.h"

using namespace kiosk;
using kiosk::test::SpeakingKiosk;
using kiosk::test::spoken;
using kiosk::test::contains;
namespace fs = std::filesystem;

namespace {

const LocalDate kDay1{2026, 11, 26};

}  // namespace

TEST_CASE("speech mode: a held finger turns it on, a name is said on the first touch and nothing is checked in",
          "[accessible]") {
    SpeakingKiosk k;
    test::UiHarness& ui = k.ui;
    CHECK(spoken(k.log).empty());  // silent until asked
    k.speechOn();
    REQUIRE(ui.state().speech);
    CHECK(ui.state().screen == ui::Screen::home);  // the held finger activated nothing under it
    CHECK(contains(k.last(), "Spraak staat aan"));
    CHECK(contains(k.last(), "Startscherm"));
    CHECK(contains(k.last(), "Startscherm. Inchecken: veeg \xC3\xA9\xC3\xA9n keer naar rechts."));  // how to reach it

    ui.tap("go.checkin");  // first touch: said, not opened
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK(k.last() == "Inchecken. Tik twee keer voor de lijst met namen.");
    ui.tap("go.checkin");  // second: opens
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    CHECK(contains(k.last(), "Inchecken. 14 namen, op voornaam."));

    ui.tap("tile.ZU04");
    CHECK(k.last() == "IJsbrand K., Bestuursadvisering");  // ĳ said as ij, the department that tells namesakes apart
    ui.settle();
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU04").checkIn.has_value());  // nothing checked in
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::none);

    ui.tap("tile.ZU01");  // another name: said, and now that one is armed
    CHECK(contains(k.last(), "Anna"));
    ui.tap("tile.ZU04");
    ui.settle();
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU04").checkIn.has_value());
    for (const auto& s : spoken(k.log)) {
        CHECK_FALSE(contains(s, "\xC4\xB3"));  // never the ĳ ligature
        CHECK_FALSE(contains(s, "09:10"));
    }
}

TEST_CASE("speech mode: the second tap on a name checks in and the welcome is said", "[accessible]") {
    SpeakingKiosk k;
    test::UiHarness& ui = k.ui;
    k.speechOn();
    ui.tap("go.checkin");
    ui.tap("go.checkin");
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    ui.tap("tile.ZU04");
    ui.tap("tile.ZU04");  // the second tap on the same name
    ui.settle();
    CHECK(ui.session().ledger().record(kDay1, "ZU04").checkIn.has_value());
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::checked_in);
    CHECK(k.last() == "Welkom, IJsbrand! Ingecheckt om tien over negen. Fijne dag! Verkeerd? Ongedaan maken: veeg "
                      "\xC3\xA9\xC3\xA9n keer naar rechts.");
}

TEST_CASE("speech mode: a second touch on the same name far from the first says it again, a double tap on one spot chooses",
          "[accessible]") {
    // The trial by ear (README, Toegankelijkheid): exploring a row of the list finger by finger
    // touched one wide tile twice, 75 mm apart, and checked that person in.
    SpeakingKiosk k;
    test::UiHarness& ui = k.ui;
    k.speechOn();
    ui.tap("go.checkin");
    ui.tap("go.checkin");
    REQUIRE(ui.state().screen == ui::Screen::checkin);
    const ui::TapTarget* t = ui.target("tile.ZU04");
    REQUIRE(t);
    const float y = (t->min.y + t->max.y) * 0.5f;
    const float left = t->min.x + (t->max.x - t->min.x) * 0.15f, right = t->max.x - (t->max.x - t->min.x) * 0.15f;
    REQUIRE(ui::layout().mm(right - left) > ui::kExploreNearMm);  // the tile is wide enough to explore across
    ui.tapAt(ImVec2(left, y));
    CHECK(k.last() == "IJsbrand K., Bestuursadvisering");
    const size_t said = spoken(k.log).size();
    ui.tapAt(ImVec2(right, y));  // the same tile, a hand's width on: said again, not chosen
    ui.settle();
    CHECK(spoken(k.log).size() == said + 1);
    CHECK(k.last() == "IJsbrand K., Bestuursadvisering");
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU04").checkIn.has_value());
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::none);
    // A double tap lands a few millimetres from where the name was last said: chosen.
    ui.tapAt(ImVec2(right - 3.0f / ui::layout().mmPerPx, y + 2.0f / ui::layout().mmPerPx));
    ui.settle();
    CHECK(ui.session().ledger().record(kDay1, "ZU04").checkIn.has_value());
    CHECK(k.last() == "Welkom, IJsbrand! Ingecheckt om tien over negen. Fijne dag! Verkeerd? Ongedaan maken: veeg "
                      "\xC3\xA9\xC3\xA9n keer naar rechts.");
}

TEST_CASE("speech mode: a badge's answer is said, a known one and an unknown one", "[accessible]") {
    SpeakingKiosk k;
    k.speechOn();
    k.ui.scanBadge("ZU02");
    k.ui.settle();
    CHECK(k.ui.session().ledger().record(kDay1, "ZU02").checkIn.has_value());
    CHECK(contains(k.last(), "Welkom, Mohamed! Ingecheckt om tien over negen. Fijne dag! Verkeerd?"));
    k.ui.tap("feedback.done");
    k.ui.tap("feedback.done");
    k.speechOn();  // home turned speech off for the next person; on again
    k.ui.scanBadge("9912");
    k.ui.settle();
    CHECK(contains(k.last(), "Deze badge kennen we niet"));
    CHECK(contains(k.last(), "Code 9 9 1 2 staat niet op de lijst"));  // spelt, not "negenennegentig twaalf"
}

TEST_CASE("speech mode: the PIN pad says a key is a key and never a digit, touched or swiped to", "[accessible]") {
    test::ConfigCopy cfg;
    cfg.withStaffPin();
    SpeakingKiosk k(cfg.path());
    k.speechOn();
    const size_t before = spoken(k.log).size();
    k.ui.holdAt(ImVec2(8, 8), 3000);  // the staff corner: the PIN pad, not the held-finger repeat
    REQUIRE(k.ui.state().screen == ui::Screen::staff_pin);
    CHECK(contains(k.last(), "pincode"));
    for (char c : std::string("123456")) {  // a wrong PIN of six digits
        const std::string key = std::string("keypad.") + c;
        k.touch(key);  // said; a second later,
        CHECK(k.last() == "Toets");
        k.touch(key);  // the second tap on it types it
    }
    CHECK(k.ui.state().pinEntry == "123456");  // typed, each key with a second tap
    k.touch("keypad.ok");
    k.touch("keypad.ok");
    k.ui.session().finishBackgroundWork();
    for (int i = 0; i < 5; ++i) k.ui.frame();
    CHECK(k.ui.state().pinWrong);
    CHECK(contains(k.last(), "Deze code klopt niet"));
    for (int i = 0; i < 14; ++i) k.swipe(true);  // through the pad by swipes (explore.h rule 3): keys, never digits
    const auto all = spoken(k.log);
    REQUIRE(all.size() >= 14);
    CHECK(std::count_if(all.end() - 14, all.end(), [](const std::string& l) {
              return l.size() >= 5 && l.compare(l.size() - 5, 5, "Toets") == 0;
          }) >= 10);  // the ten digits at least, each as a key
    REQUIRE(all.size() >= before + 8 + 14);  // six keys, OK, the wrong code, the swipes
    for (size_t i = before; i < all.size(); ++i) {
        INFO(all[i]);
        CHECK(std::none_of(all[i].begin(), all[i].end(), [](char c) { return c >= '0' && c <= '9'; }));
    }
}

TEST_CASE("narrator rule 5: a wrong PIN is said once however many frames its message stands, again only for a new try",
          "[accessible]") {
    test::ConfigCopy cfg;
    cfg.withStaffPin();
    SpeakingKiosk k(cfg.path());
    k.speechOn();
    k.ui.holdAt(ImVec2(8, 8), 3000);
    REQUIRE(k.ui.state().screen == ui::Screen::staff_pin);
    auto wrongTry = [&](const std::string& digits) {
        for (char c : digits) {
            k.touch(std::string("keypad.") + c);
            k.touch(std::string("keypad.") + c);
        }
        k.touch("keypad.ok");
        k.touch("keypad.ok");
        k.ui.session().finishBackgroundWork();
        for (int i = 0; i < 30; ++i) k.ui.frame();
        REQUIRE(k.ui.state().pinWrong);
    };
    auto saidWrong = [&] {
        const auto all = spoken(k.log);
        return std::count_if(all.begin(), all.end(), [](const std::string& l) { return contains(l, "Deze code klopt niet"); });
    };
    wrongTry("123456");
    CHECK(saidWrong() == 1);
    // The message still stands while the pad waits: nothing more is said of it.
    for (int i = 0; i < 30; ++i) k.ui.frame();
    CHECK(saidWrong() == 1);
    // A new try (the pad was emptied; the first key takes the message away), wrong again: said once more.
    REQUIRE(k.ui.state().pinEntry.empty());
    wrongTry("654321");
    CHECK(saidWrong() == 2);
}

TEST_CASE("speech mode: home turns it off, and the control in the footer turns it on with one tap", "[accessible]") {
    SpeakingKiosk k;
    k.ui.tap("access");  // a sighted helper, or a finger that found the bottom left: on at once
    REQUIRE(k.ui.state().speech);
    CHECK(contains(k.last(), "Spraak staat aan"));
    k.ui.tap("go.agenda");
    k.ui.tap("go.agenda");
    REQUIRE(k.ui.state().screen == ui::Screen::agenda);
    k.ui.clock().advanceMs(3 * 60 * 1000);
    k.ui.frame();
    k.ui.frame();
    CHECK(k.ui.state().screen == ui::Screen::home);
    CHECK_FALSE(k.ui.state().speech);  // the next person finds it silent
}

TEST_CASE("speech reaches an audio sink, and the kiosk runs without any audio device", "[accessible][sound]") {
    SECTION("ALSA's null device takes the samples") {
        SpeakingKiosk k;
        k.speechOn();
        REQUIRE(k.ui.session().speech().waitIdle(20000));
        const auto st = k.ui.session().speech().stats();
        CHECK(st.audioOpen);
        CHECK(st.spoken >= 1);
        CHECK(st.samples > 22050);  // the introduction lasts seconds at 22 kHz
        CHECK(st.framesPlayed == st.samples);
    }
    SECTION("no device at all: logged, silent, the kiosk goes on") {
        test::TempDir logs;
        const fs::path log = logs / "speech.jsonl";
        test::UiHarness ui("2026-11-26T09:10", 1280, 800, std::string(KIOSK_SOURCE_DIR) + "/config", false, {}, {},
                           [&](SessionOptions& o) {
                               o.speechLog = log.string();
                               o.audioDevice = "hw:97,0";  // no such card: what a box without sound gets
                           });
        ui.tap("access");
        REQUIRE(ui.session().speech().waitIdle(20000));
        CHECK_FALSE(ui.session().speech().stats().audioOpen);
        CHECK(ui.session().speech().stats().samples > 0);  // synthesised all the same
        ui.tap("go.checkin");
        ui.tap("go.checkin");
        ui.tap("tile.ZU01");
        ui.scanBadge("ZU01");  // and the check-in itself by badge, answered in words
        ui.settle();
        CHECK(ui.session().ledger().record(kDay1, "ZU01").checkIn.has_value());
        CHECK(spoken(log).size() >= 4);
    }
}

TEST_CASE("more time: the question comes before the walk-in form goes home, and one tap keeps the typed name",
          "[accessible][timeout]") {
    test::UiHarness ui;  // return_home_seconds = 20
    ui.tap("go.checkin");
    ui.tap("go.walkin");
    REQUIRE(ui.state().screen == ui::Screen::walkin);
    for (char c : std::string("SANNE"))
        ui.tap(std::string("walkin.key.") + c);
    REQUIRE(ui.state().guestName == "Sanne");
    ui.clock().advanceSeconds(20);  // no touch for the timeout
    ui.frame();
    REQUIRE(ui.state().moreTimeSecondsLeft == 20);
    REQUIRE(ui.has("more_time"));
    CHECK(ui.state().screen == ui::Screen::walkin);
    CHECK(ui.state().guestName == "Sanne");  // nothing typed is lost while the question is up
    ui.clock().advanceSeconds(12);
    ui.frame();
    CHECK(ui.state().moreTimeSecondsLeft == 8);
    // One tap anywhere: here on a key of the keyboard, which must not type.
    ui.tap("walkin.key.X");
    CHECK(ui.state().moreTimeSecondsLeft == 0);
    CHECK(ui.state().screen == ui::Screen::walkin);
    CHECK(ui.state().guestName == "Sanne");
    ui.clock().advanceSeconds(19);  // the wait starts again from that tap
    ui.frame();
    CHECK(ui.state().moreTimeSecondsLeft == 0);
    ui.tap("walkin.key.K");
    CHECK(ui.state().guestName == "Sannek");
}

TEST_CASE("more time: in speech mode the waits are three times longer and the question is said", "[accessible][timeout]") {
    SpeakingKiosk k;
    k.speechOn();
    k.ui.tap("go.agenda");
    k.ui.tap("go.agenda");
    REQUIRE(k.ui.state().screen == ui::Screen::agenda);
    k.ui.clock().advanceSeconds(59);
    k.ui.frame();
    CHECK(k.ui.state().moreTimeSecondsLeft == 0);  // 60 s, not 20
    k.ui.clock().advanceSeconds(1);
    k.ui.frame();
    CHECK(k.ui.state().moreTimeSecondsLeft == 20);
    CHECK(contains(k.last(), "Meer tijd nodig?"));
    k.ui.tap("more_time");  // one tap, even in speech mode
    CHECK(k.ui.state().moreTimeSecondsLeft == 0);
    CHECK(k.ui.state().screen == ui::Screen::agenda);
}

TEST_CASE("speech: the UI, store and sync threads may speak at once, every line of the log stays whole",
          "[accessible][sound][threads]") {
    test::TempDir logs;
    const fs::path log = logs / "speech.jsonl";
    FakeClock clock(Instant{1'795'000'000'000});
    {
        Speech speech(SpeechOptions{log.string(), "null"}, clock);
        std::vector<std::thread> threads;
        std::atomic<int> emptyLast{0};  // counted here, asserted on this thread (Catch2's macros are not thread-safe)
        for (int t = 0; t < 3; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 40; ++i) {
                    speech.say("Draad " + std::to_string(t) + ", zin " + std::to_string(i) + ". \"Welkom\", IJsbrand!",
                               t == 1 ? Lang::en : Lang::nl);
                    if (i % 7 == 0) speech.stop();
                    if (i % 11 == 0) speech.repeat();
                    if (speech.lastText().empty()) ++emptyLast;
                }
            });
        for (auto& th : threads) th.join();
        CHECK(emptyLast == 0);
        CHECK(speech.waitIdle(20000));
        CHECK(speech.stats().spoken >= 1);
    }  // the speech thread ends with its owner
    const auto lines = spoken(log);  // each line matched whole (REQUIRE inside)
    CHECK(lines.size() == 3 * 40 + 3 * 4);  // every say() and every repeat(): i = 0, 11, 22, 33
}
