// Larger rosters: search with the on-screen keyboard, accent-insensitive, and a list that scrolls
// under the finger without ever checking in the person the drag started on.
#include <catch2/catch.hpp>

#include <fstream>

#include "ui_harness.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// The sample programme with a roster of `n` generated people plus Zoë and Ĳsbrand.
struct BigRoster {
    test::TempDir dir;
    explicit BigRoster(int n) {
        for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml"})
            fs::copy_file(fs::path(KIOSK_SOURCE_DIR) / "config" / f, dir / f);
        std::ofstream csv(dir / "participants.csv");
        csv << "code;voornaam;tussenvoegsel;achternaam;afdeling;groep\n";
        const char* first[] = {"Anna", "Bram", "Carla", "Dirk", "Eva", "Floor", "Gijs", "Hanna", "Ids", "Jet"};
        const char* last[] = {"Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker"};
        for (int i = 0; i < n; ++i)
            csv << "P" << i << ";" << first[i % 10] << ";;" << last[(i / 10) % 10] << i << ";Beleid;zutphen-2026\n";
        csv << "Z1;Zoë;van den;Berg;Communicatie;zutphen-2026\n";
        csv << "Z2;Ĳsbrand;;Kuipers;HR;zutphen-2026\n";
    }
    std::string path() const { return dir.path().string(); }
};

void type(test::UiHarness& ui, const std::string& keys) {
    for (char c : keys) ui.tap(std::string("search.key.") + c);
}

}  // namespace

TEST_CASE("a large roster searches accent-insensitively with the on-screen keyboard", "[ui][search]") {
    BigRoster roster(250);
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, roster.path());
    ui.tap("go.checkin");
    REQUIRE(ui.has("search.key.Z"));
    type(ui, "ZOE");
    CHECK(ui.state().search == "Zoe");
    REQUIRE(ui.has("tile.Z1"));
    CHECK_FALSE(ui.has("tile.P0"));
    ui.tap("search.key.clear");
    type(ui, "IJSB");  // "ij" alone also finds every Meijer, "ijs" every Gijs
    CHECK(ui.has("tile.Z2"));
    ui.tap("tile.Z2");
    ui.settle();
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::checked_in);
    CHECK(ui.state().feedback.name == "Ĳsbrand");
}

TEST_CASE("a drag scrolls the list and never checks in the row it started on", "[ui][search][scroll]") {
    BigRoster roster(250);
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, roster.path());
    ui.tap("go.checkin");
    const ui::TapTarget* firstRow = nullptr;
    for (const auto& t : ui::frameTargets())
        if (t.id.rfind("tile.", 0) == 0) {
            firstRow = &t;
            break;
        }
    REQUIRE(firstRow);
    const std::string firstId = firstRow->id;
    const ImVec2 start((firstRow->min.x + firstRow->max.x) * 0.5f, firstRow->max.y + 150);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = start;
    io.MouseDown[0] = true;
    ui.frame();
    for (int i = 1; i <= 12; ++i) {  // a swipe upwards of 360 px
        io.MousePos = ImVec2(start.x, start.y - 30.0f * static_cast<float>(i));
        ui.frame();
    }
    io.MouseDown[0] = false;
    ui.frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    ui.frame();
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::none);
    CHECK(ui.session().ledger().eventCount() == 0);
    CHECK_FALSE(ui.has(firstId));  // the first row has scrolled out of view
    // The fling goes on after the finger lifts, then stops.
    CHECK(ui.state().animating);
    for (int i = 0; i < 300 && ui.state().animating; ++i) ui.frame();
    CHECK_FALSE(ui.state().animating);
}
