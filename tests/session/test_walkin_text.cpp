// The guest name typed on screen (issue 15, item 6): the walk-in form takes text only from the
// on-screen keys, so arbitrary bytes cannot reach it; every key, up to the length limit and with
// backspace over two-byte letters, leaves valid UTF-8 without control characters, and so does what
// the ledger keeps.
#include <catch2/catch.hpp>

#include "core/text_checks.h"
#include "ui_harness.h"

using namespace kiosk;

TEST_CASE("every key of the walk-in keyboard, past the length limit and with backspace, gives valid text", "[ui][walkin][utf8]") {
    test::UiHarness ui;
    ui.tap("go.checkin");
    ui.tap("go.walkin");
    REQUIRE(ui.state().screen == ui::Screen::walkin);
    std::vector<std::string> keys;
    for (const auto& t : ui::frameTargets())
        if (t.id.rfind("walkin.key.", 0) == 0 && t.id != "walkin.key.clear") keys.push_back(t.id);
    REQUIRE(keys.size() >= 36);  // 26 letters, the accents row, space, backspace
    size_t longest = 0;
    for (int round = 0; round < 3; ++round) {
        for (const auto& k : keys) {
            ui.tap(k);
            const std::string& name = ui.state().guestName;
            INFO("after " << k << ": " << name);
            REQUIRE(checkText(name, 1000, false).ok());
            longest = std::max(longest, name.size());
        }
    }
    CHECK(longest <= 80);  // the keyboard's limit, never half a letter past it
    for (int i = 0; i < 5; ++i) {
        ui.tap("walkin.key.\xC3\xAB");  // ë, then taken away again byte-safely
        ui.tap("walkin.key.backspace");
        CHECK(checkText(ui.state().guestName, 1000, false).ok());
    }
    ui.tap("walkin.key.clear");
    for (const char* k : {"L", "\xC3\xAF", "S", "space", "B", "R", "O", "U", "W", "E", "R"}) ui.tap(std::string("walkin.key.") + k);
    CHECK(ui.state().guestName == "L\xC3\xAFs Brouwer");
    ui.tap("walkin.submit");
    ui.settle();
    const auto guests = ui.session().ledger().guests(LocalDate{2026, 11, 26});
    REQUIRE(guests.size() == 1);
    CHECK(guests[0].name == "L\xC3\xAFs Brouwer");
}
