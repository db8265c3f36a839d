// Live changes: the running kiosk notices edits to its config folder. A valid change applies
// without a restart, an invalid one keeps the last good config and says what is wrong.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "config_copy.h"
#include "ui_harness.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

using test::ConfigCopy;

}  // namespace

TEST_CASE("a valid edit applies without a restart, a broken one keeps the last good config", "[ui][config][live]") {
    ConfigCopy cfg;
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), true);
    REQUIRE(ui.session().buildView().today->theme == "Rechtsstatelijk vakmanschap");

    cfg.edit("programme.toml", "theme = \"Rechtsstatelijk vakmanschap\"", "theme = \"Rechtsstatelijk vakmanschap (herzien)\"");
    ui.clock().advanceSeconds(3);
    CHECK(ui.session().pollConfig());
    CHECK(ui.session().buildView().today->theme == "Rechtsstatelijk vakmanschap (herzien)");
    CHECK(ui.session().configProblems().empty());

    cfg.edit("programme.toml", "end = \"09:30\"", "end = \"09:3O\"");  // a letter O for a zero
    ui.clock().advanceSeconds(3);
    CHECK_FALSE(ui.session().pollConfig());
    CHECK(ui.session().buildView().today->theme == "Rechtsstatelijk vakmanschap (herzien)");
    REQUIRE(ui.session().configProblems().size() == 1);
    CHECK(ui.session().configProblems()[0].find("programme.toml:39:7: `end` = \"09:3O\" is geen geldige tijd") == 0);
    ui.frame();  // and the kiosk goes on drawing
}

TEST_CASE("a participant added to participants.csv appears on the tiles", "[ui][config][live]") {
    ConfigCopy cfg;
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), true);
    const auto before = test::codesOf(ui.session().roster());
    const auto sample = test::sampleRosterCodes();
    REQUIRE(before == std::set<std::string>(sample.begin(), sample.end()));
    cfg.edit("participants.csv", "ZU14;", "ZU15;Bas;;Mulder;Uitvoering Wmo;zutphen-2026;b.mulder@example.nl\nZU14;");
    ui.clock().advanceSeconds(3);
    CHECK(ui.session().pollConfig());
    for (int i = 0; i < 500 && ui.session().roster().size() != before.size() + 1; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ui.session().drainStore();
    }
    auto after = before;
    after.insert("ZU15");
    CHECK(test::codesOf(ui.session().roster()) == after);  // everyone still there, and the new one
    ui.tap("go.checkin");
    CHECK(ui.has("tile.ZU15"));
}

TEST_CASE("a participants.csv with only its header, or saved as Windows-1252, is refused live: nobody disappears",
          "[ui][config][live][case]") {
    ConfigCopy cfg;
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), true);
    const auto before = test::codesOf(ui.session().roster());
    REQUIRE(before.size() == test::sampleRosterCodes().size());
    for (const char* name : {"roster-header-only.csv", "roster-excel-windows-1252.csv"}) {
        INFO(name);
        fs::copy_file(fs::path(KIOSK_SOURCE_DIR) / "tests/cases" / name, cfg.dir / "participants.csv",
                      fs::copy_options::overwrite_existing);
        fs::last_write_time(cfg.dir / "participants.csv", fs::last_write_time(cfg.dir / "participants.csv") + std::chrono::seconds(4));
        ui.clock().advanceSeconds(3);
        CHECK_FALSE(ui.session().pollConfig());
        REQUIRE_FALSE(ui.session().configProblems().empty());
        CHECK(ui.session().configProblems()[0].rfind("participants.csv:", 0) == 0);
        for (int i = 0; i < 50; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            ui.session().drainStore();
        }
        CHECK(test::codesOf(ui.session().roster()) == before);  // the same people, not just as many
        ui.frame();
    }
    ui.tap("go.checkin");
    CHECK(ui.has("tile.ZU01"));
}

TEST_CASE("a FIFO or a device put in the config folder while the kiosk runs is refused at once, the kiosk goes on",
          "[ui][config][live][files]") {
    ConfigCopy cfg;
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), true);
    fs::remove(cfg.dir / "programme.toml");
    REQUIRE(::mkfifo((cfg.dir / "programme.toml").c_str(), 0600) == 0);  // nobody writes to it: a read would block
    fs::remove(cfg.dir / "exercises.toml");
    fs::create_symlink("/dev/zero", cfg.dir / "exercises.toml");       // a read would never end
    ui.clock().advanceSeconds(3);
    const auto t0 = std::chrono::steady_clock::now();
    CHECK_FALSE(ui.session().pollConfig());
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));
    const auto& problems = ui.session().configProblems();
    REQUIRE(problems.size() >= 2);
    CHECK(problems[0].find("programme.toml: is geen gewoon bestand maar een pipe (FIFO)") == 0);
    CHECK(problems[1].find("exercises.toml: is geen gewoon bestand maar een apparaat") == 0);
    REQUIRE(ui.session().buildView().today);
    CHECK(ui.session().buildView().today->theme == "Rechtsstatelijk vakmanschap");  // the last good config
    ui.frame();
}
