// Staff mode, tried as a passer-by and as venue staff would: the hidden way in, the PIN pad and its
// lock-out (which survives a restart), the auto-lock, corrections with reason and name, guest
// reviews, the history, and an export from the screen that says where the file went.
#include <catch2/catch.hpp>

#include <algorithm>

#include <set>

#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "config_copy.h"
#include "ui_harness.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPin = "2580";
const LocalDate kDay1{2026, 11, 26};

// The sample config with a staff PIN set, as `set-pin` leaves it.
struct StaffConfig : test::ConfigCopy {
    fs::path path() const { return dir.path(); }
    StaffConfig() { withStaffPin(kPin); }
};

// A finger resting on the top-left corner of the home screen for `ms`.
void holdCorner(test::UiHarness& ui, int ms) { ui.holdAt(ImVec2(8, 8), ms); }

void typePin(test::UiHarness& ui, const std::string& pin) {
    for (char c : pin) ui.tap(std::string("keypad.") + c);
    ui.tap("keypad.ok");
    ui.session().finishBackgroundWork();
    ui.frame();
}

void unlock(test::UiHarness& ui) {
    holdCorner(ui, 3000);
    REQUIRE(ui.state().screen == ui::Screen::staff_pin);
    typePin(ui, kPin);
    REQUIRE(ui.session().staffUnlocked());
    REQUIRE(ui.state().screen == ui::Screen::staff_today);
}

void type(test::UiHarness& ui, const std::string& keyboard, const std::string& letters) {
    for (char c : letters)
        ui.tap(keyboard + ".key." + (c == ' ' ? std::string("space") : std::string(1, c)));
}

bool anyStaffTarget() {
    for (const auto& t : ui::frameTargets())
        if (t.id.rfind("desk.", 0) == 0 || t.id.rfind("save.", 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("a press held in the corner shows a filling ring after a second, a quick tap shows nothing", "[ui][staff]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T10:00", 1280, 800, cfg.path().string());
    ImGuiIO& io = ImGui::GetIO();
    auto drawnOnTop = [] { return ImGui::GetForegroundDrawList()->VtxBuffer.Size; };
    io.MousePos = ImVec2(8, 8);
    io.MouseDown[0] = true;
    ui.frame();
    CHECK(drawnOnTop() == 0);
    ui.clock().advanceMs(500);
    ui.frame();
    CHECK(drawnOnTop() == 0);  // a tap, or a finger that just landed: nothing yet
    ui.clock().advanceMs(1000);
    ui.frame();
    const int atOneAndAHalf = drawnOnTop();
    CHECK(atOneAndAHalf > 0);  // held: the ring shows
    ui.clock().advanceMs(1000);
    ui.frame();
    CHECK(drawnOnTop() > atOneAndAHalf);  // and fills up
    CHECK(ui.state().screen == ui::Screen::home);
    io.MouseDown[0] = false;
    ui.frame();
    ui.frame();
    CHECK(drawnOnTop() == 0);  // let go: gone
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("the way into staff mode is hidden: no button, a short tap does nothing, a 3 s hold opens the PIN pad",
          "[ui][staff]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    for (const auto& t : ui::frameTargets()) {
        INFO(t.id);
        CHECK(t.id.find("staff") == std::string::npos);
    }
    ui.tapAt(ImVec2(8, 8));
    CHECK(ui.state().screen == ui::Screen::home);
    holdCorner(ui, 2000);
    CHECK(ui.state().screen == ui::Screen::home);  // let go too early
    holdCorner(ui, 3000);
    REQUIRE(ui.state().screen == ui::Screen::staff_pin);
    // The pad never shows the digits typed: no element carries them.
    for (char c : std::string("2580")) ui.tap(std::string("keypad.") + c);
    CHECK(ui.state().pinEntry == "2580");
    for (const auto& t : ui::frameTargets()) CHECK(t.label.find("2580") == std::string::npos);
    CHECK_FALSE(anyStaffTarget());
    ui.tap("header.back");
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK(ui.state().pinEntry.empty());
}

TEST_CASE("the right PIN opens the dashboard, five wrong ones lock the pad, longer each time, also after a restart",
          "[ui][staff][pin]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    holdCorner(ui, 3000);
    for (int i = 0; i < 4; ++i) {
        typePin(ui, "1111");
        CHECK(ui.state().pinWrong);
        CHECK(ui.session().buildView().pin.triesLeft == 4 - i);
    }
    typePin(ui, "1112");
    CHECK(ui.session().buildView().pin.lockedSeconds == 30);
    // Locked: not even the right PIN gets in, and the keys are off.
    CHECK_FALSE(ui.has("keypad.1"));
    ui.session().apply(ui::Intent::unlockStaff(kPin));
    ui.session().finishBackgroundWork();
    CHECK_FALSE(ui.session().staffUnlocked());
    // Wrong PINs sent during the lock-out are refused, not counted (checked below: all five tries
    // are back once it ends, and the lock-out is not lengthened).
    for (int i = 0; i < 3; ++i) {
        ui.session().apply(ui::Intent::unlockStaff("1111"));
        ui.session().finishBackgroundWork();
        ui.frame();
    }
    CHECK(ui.session().buildView().pin.lockedSeconds == 30);

    // A restart on the same database keeps the lock-out.
    ui.settle();
    {
        SessionOptions so;
        so.configDir = cfg.path();
        so.dbPath = ui.dir() / "attendance.db";
        so.watchConfig = false;
        KioskSession again(so, ui.clock(), [] {});
        REQUIRE(again.ready());
        CHECK(again.buildView().pin.lockedSeconds == 30);
    }

    ui.untouchedUntilHome();
    CHECK(ui.state().screen == ui::Screen::home);  // the pad went home after 20 s untouched and the question's 20 s
    CHECK(ui.session().buildView().pin.lockedSeconds == 0);
    holdCorner(ui, 3000);
    CHECK(ui.session().buildView().pin.triesLeft == 5);  // the tries during the lock-out did not count
    for (int i = 0; i < 4; ++i) typePin(ui, "9999");
    CHECK(ui.session().buildView().pin.lockedSeconds == 0);
    typePin(ui, "9999");
    CHECK(ui.session().buildView().pin.lockedSeconds == 60);  // the second lock-out is twice as long
    ui.clock().advanceSeconds(61);
    ui.frame();
    holdCorner(ui, 3000);
    typePin(ui, kPin);
    CHECK(ui.session().staffUnlocked());
    CHECK(ui.state().screen == ui::Screen::staff_today);
    CHECK(anyStaffTarget());
}

TEST_CASE("room mode: the corner hold on the room display opens staff mode, and locking returns to the room display", "[ui][staff][room]") {
    StaffConfig cfg;
    const auto toml = readWholeFile(cfg.path() / "kiosk.toml");
    REQUIRE(toml);
    std::string roomToml = *toml;
    const auto at = roomToml.find("mode = \"door\"");
    REQUIRE(at != std::string::npos);
    roomToml.replace(at, 13, "mode = \"room\"");
    REQUIRE(writeFileAtomically(cfg.path() / "kiosk.toml", roomToml).empty());
    test::UiHarness ui("2026-11-26T10:05", 1920, 1080, cfg.path().string());
    REQUIRE(ui.state().screen == ui::Screen::room);
    holdCorner(ui, 1000);  // a short press is nothing
    CHECK(ui.state().screen == ui::Screen::room);
    unlock(ui);
    CHECK(anyStaffTarget());
    ui.tap("desk.lock");
    CHECK_FALSE(ui.session().staffUnlocked());
    CHECK(ui.state().screen == ui::Screen::room);
    // Pinned again: an hour untouched, still the room display.
    ui.clock().advanceSeconds(3600);
    ui.frame();
    CHECK(ui.state().screen == ui::Screen::room);
}

TEST_CASE("staff mode locks itself after a minute untouched, and every way home locks it", "[ui][staff]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    unlock(ui);
    ui.tap("desk.tab.matrix");
    CHECK(ui.state().screen == ui::Screen::staff_matrix);
    ui.clock().advanceSeconds(50);  // longer than the public screens' 20 s
    ui.frame();
    CHECK(ui.session().staffUnlocked());
    CHECK(ui.session().buildView().staff->autoLockSeconds == 10);
    ui.clock().advanceSeconds(11);
    ui.frame();
    CHECK_FALSE(ui.session().staffUnlocked());
    CHECK(ui.state().screen == ui::Screen::home);
    // Asking for a staff page while locked leads to the PIN pad, never to the page.
    ui.session().apply(ui::Intent::go(ui::Screen::staff_history));
    CHECK(ui.state().screen == ui::Screen::staff_pin);
    unlock(ui);
    ui.tap("desk.lock");
    CHECK_FALSE(ui.session().staffUnlocked());
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("auto-lock: staff mode is open until the last millisecond of the minute and locked exactly at it", "[ui][staff][boundary]") {
    StaffConfig cfg;  // staff_auto_lock_seconds = 60
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    unlock(ui);  // the OK on the PIN pad is the last touch
    ui.clock().advanceMs(59'999);
    ui.frame();
    CHECK(ui.session().staffUnlocked());
    CHECK(ui.state().screen == ui::Screen::staff_today);
    CHECK(ui.session().buildView().staff->autoLockSeconds == 1);
    ui.clock().advanceMs(1);
    ui.frame();
    CHECK_FALSE(ui.session().staffUnlocked());
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("nothing in staff mode is reachable by tapping the public screens", "[ui][staff]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T11:20", 1280, 800, cfg.path().string());
    // Every element of every public screen, one at a time, from a fresh start on that screen.
    std::set<std::string> tried;
    for (auto screen : {ui::Screen::home, ui::Screen::checkin, ui::Screen::agenda, ui::Screen::walkin, ui::Screen::exercises,
                        ui::Screen::shift}) {
        ui.session().apply(ui::Intent::go(ui::Screen::home));
        if (screen != ui::Screen::home) ui.session().apply(ui::Intent::go(screen));
        ui.frame();
        std::vector<std::string> ids;
        for (const auto& t : ui::frameTargets()) ids.push_back(t.id);
        for (const auto& id : ids) {
            ui.session().apply(ui::Intent::go(ui::Screen::home));
            if (screen != ui::Screen::home) ui.session().apply(ui::Intent::go(screen));
            ui.frame();
            if (!ui.has(id)) continue;
            ui.tap(id);
            ui.settle();
            tried.insert(id);
            INFO("tapped " << id << " on " << ui::screenName(screen));
            CHECK_FALSE(ui.session().staffUnlocked());
            CHECK_FALSE(ui::isStaffScreen(ui.state().screen));
            CHECK(ui.state().screen != ui::Screen::staff_pin);
        }
    }
    CHECK(tried.size() > 40);
    // Started on a staff page (--screen staff_today): the PIN pad comes first.
    SessionOptions so;
    so.configDir = cfg.path();
    so.dbPath = ui.dir() / "other.db";
    so.watchConfig = false;
    so.startScreen = ui::Screen::staff_today;
    KioskSession direct(so, ui.clock(), [] {});
    ImGui::NewFrame();
    direct.frame();
    ImGui::Render();
    CHECK(direct.uiState().screen == ui::Screen::staff_pin);
    CHECK(direct.buildView().staff == nullptr);
}

TEST_CASE("a correction of a time still to come is refused on the form and nothing is stored", "[ui][staff][correction][time]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T09:30", 1280, 800, cfg.path().string());
    unlock(ui);
    const auto before = ui.session().ledger().eventCount();
    ui.tap("desk.correct.ZU08");
    REQUIRE(ui.state().correction.minutes == 9 * 60);
    ui.tap("desk.name");
    type(ui, "desk", "MJ");
    for (int i = 0; i < 3; ++i) ui.tap("desk.time.plus15");  // 09:45: a quarter of an hour from now
    ui.tap("desk.reason");
    type(ui, "desk", "TREIN");
    ui.tap("desk.save");
    ui.settle();
    CHECK(ui.state().correction.error == "staff.error.ahead");
    CHECK(ui.state().screen == ui::Screen::staff_correct);
    CHECK(ui.session().ledger().eventCount() == before);
    ui.tap("desk.time.minus15");  // 09:30: now is fine
    ui.tap("desk.save");
    ui.settle();
    CHECK(ui.state().screen == ui::Screen::staff_today);
    CHECK(ui.session().ledger().eventCount() == before + 1);
}

TEST_CASE("a correction needs a reason and a name, is a new event, and shows in the list and the history",
          "[ui][staff][correction]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    unlock(ui);
    const auto before = ui.session().ledger().eventCount();
    ui.tap("desk.correct.ZU08");  // Fatima Bakker, absent: she forgot to check in
    REQUIRE(ui.state().screen == ui::Screen::staff_correct);
    CHECK(ui.state().correction.effect == CorrectionEffect::set_check_in);
    CHECK(ui.state().correction.minutes == 9 * 60);  // the day's start
    ui.tap("desk.time.plus5");
    ui.tap("desk.time.plus5");
    ui.tap("desk.save");
    CHECK(ui.state().correction.error == "staff.error.reason");
    CHECK(ui.session().ledger().eventCount() == before);  // nothing stored half
    type(ui, "desk", "TREIN");
    ui.tap("desk.save");
    CHECK(ui.state().correction.error == "staff.error.actor");
    ui.tap("desk.name");
    type(ui, "desk", "MJ");
    ui.tap("desk.save");
    ui.settle();
    CHECK(ui.state().screen == ui::Screen::staff_today);
    const DayRecord r = ui.session().ledger().record(kDay1, "ZU08");
    REQUIRE(r.checkIn);
    CHECK(toLocal(*r.checkIn).timeOfDay().hhmm() == "09:10");
    CHECK(r.corrected);
    CHECK(ui.session().ledger().eventCount() == before + 1);
    const auto changes = ui.session().ledger().staffChanges(10);
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].reason == "Trein");
    CHECK(changes[0].actor == "Mj");
    CHECK(changes[0].source == EventSource::staff);
    ui.tap("desk.tab.history");
    const auto* st = ui.session().buildView().staff;
    REQUIRE(st);
    REQUIRE(st->history.size() == 1);
    CHECK(st->history[0].who == "Fatima Bakker");
    CHECK(st->history[0].what == "aanwezig vanaf 09:10");
    CHECK(st->history[0].reason == "Trein");

    // Then she is marked absent after all: again a new event, the first one stays in the log. Written
    // later than the first (the fold reads corrections by when they were written, attendance.h).
    ui.clock().advanceSeconds(20);
    ui.tap("desk.tab.today");
    ui.tap("desk.correct.ZU08");
    ui.tap("desk.effect.absent");
    type(ui, "desk", "DUBBEL");
    ui.tap("desk.save");  // the name is kept while staff mode is open
    ui.settle();
    CHECK_FALSE(ui.session().ledger().record(kDay1, "ZU08").checkIn);
    CHECK(ui.session().ledger().staffChanges(10).size() == 2);
    AttendanceDb db;
    REQUIRE(db.open(ui.dir() / "attendance.db", ui.clock().now()).status.ok());
    std::vector<AttendanceEvent> stored;
    REQUIRE(db.loadEventsForDay(kDay1, stored).ok());
    CHECK(stored.size() == before + 2);
}

TEST_CASE("staff excuse next week's day with a reason, Vandaag and the matrix show it, and a tap that day makes it present",
          "[ui][staff][excused]") {
    StaffConfig cfg;
    // Nobody came on days 1 and 2 of this fresh record: with 4 of 7 needed, days 3 to 7 are one more
    // than needed, and one excused day leaves none to miss.
    const auto toml = readWholeFile(cfg.dir / "kiosk.toml");
    REQUIRE(toml);
    std::string t = *toml;
    t.replace(t.find("certificate_min_days = 6"), 24, "certificate_min_days = 4");
    REQUIRE(writeFileAtomically(cfg.dir / "kiosk.toml", t).empty());
    test::UiHarness ui("2027-01-07T10:00", 1280, 800, cfg.path().string());  // a week before day 3
    const LocalDate day3{2027, 1, 14};
    unlock(ui);
    for (int i = 0; i < 7; ++i) ui.tap("desk.day.next");
    ui.settle();
    const ui::StaffView* st = ui.session().buildView().staff;
    REQUIRE(st);
    REQUIRE(st->date == day3);
    ui.tap("desk.correct.ZU08");  // Fatima Bakker calls in sick
    REQUIRE(ui.state().screen == ui::Screen::staff_correct);
    ui.tap("desk.effect.excused");
    CHECK(ui.state().correction.effect == CorrectionEffect::set_excused);
    ui.tap("desk.save");
    CHECK(ui.state().correction.error == "staff.error.reason");  // a reason is required
    ui.tap("desk.reason");
    type(ui, "desk", "ZIEK");
    ui.tap("desk.name");
    type(ui, "desk", "MJ");
    ui.tap("desk.save");
    ui.settle();
    REQUIRE(ui.state().screen == ui::Screen::staff_today);
    st = ui.session().buildView().staff;
    const auto row = std::find_if(st->rows.begin(), st->rows.end(), [](const PresenceRow& r) { return r.participant.code == "ZU08"; });
    REQUIRE(row != st->rows.end());
    CHECK(row->status == DayStatus::excused);
    CHECK(row->excusedReason == "Ziek");
    CHECK(st->excused == 1);
    ui.tap("desk.tab.matrix");
    st = ui.session().buildView().staff;
    const auto m = std::find_if(st->matrix.rows.begin(), st->matrix.rows.end(),
                                [](const MatrixRow& r) { return r.participant.code == "ZU08"; });
    REQUIRE(m != st->matrix.rows.end());
    REQUIRE(m->days[2].has_value());  // a day to come, known: excused
    CHECK(*m->days[2] == DayStatus::excused);
    CHECK(m->certificate == CertificateState::at_risk);  // 4 days to come for 4 needed
    CHECK(std::count_if(st->matrix.rows.begin(), st->matrix.rows.end(),
                        [](const MatrixRow& r) { return r.certificate == CertificateState::reachable; }) ==
          static_cast<long>(st->matrix.rows.size()) - 1);  // everyone else can still miss one
    // The Vandaag page names her among those with no day left to miss.
    ui.tap("desk.tab.today");
    st = ui.session().buildView().staff;
    CHECK(std::find(st->atRisk.begin(), st->atRisk.end(), "Fatima Bakker") != st->atRisk.end());
    ui.tap("desk.lock");

    // On the day she comes after all: one tap at the door, and the day is present.
    ui.clock().advanceSeconds(7 * 24 * 3600 - 3600);  // 2027-01-14 09:00
    ui.frame();
    ui.tap("go.checkin");
    ui.tap("tile.ZU08");
    ui.settle();
    CHECK(ui.state().feedback.kind == ui::Feedback::Kind::checked_in);
    const DayRecord r = ui.session().ledger().record(day3, "ZU08");
    CHECK_FALSE(r.excused);
    CHECK(statusOf(r, nullptr, {}) == DayStatus::present);
}

TEST_CASE("a walk-in is confirmed as a guest, or linked to the participant it was", "[ui][staff][guest]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T09:20", 1280, 800, cfg.path().string());
    auto registerGuest = [&](const std::string& name) {
        ui.tap("go.checkin");
        ui.tap("go.walkin");
        type(ui, "walkin", name);
        ui.tap("walkin.submit");
        ui.settle();
        ui.session().apply(ui::Intent::dismiss());
        ui.frame();
    };
    registerGuest("KARIN");
    registerGuest("JOOST");
    REQUIRE(ui.session().ledger().guests(kDay1).size() == 2);
    unlock(ui);
    const auto guests = ui.session().ledger().guests(kDay1);
    ui.tap("desk.review." + guests[0].eventId);
    REQUIRE(ui.state().screen == ui::Screen::staff_correct);
    ui.tap("desk.name");
    type(ui, "desk", "MJ");
    ui.tap("desk.save");  // confirm, with the reason filled in for it
    ui.settle();
    ui.tap("desk.review." + guests[1].eventId);
    ui.tap("desk.effect.link");
    ui.tap("desk.link.ZU10");  // Joost van Dijk forgot he was on the list
    type(ui, "desk", "STOND OP DE LIJST");
    ui.tap("desk.save");
    ui.settle();
    const auto after = ui.session().ledger().guests(kDay1);
    REQUIRE(after.size() == 1);
    CHECK(after[0].name == "Karin");
    CHECK(after[0].confirmed);
    const DayRecord joost = ui.session().ledger().record(kDay1, "ZU10");
    REQUIRE(joost.checkIn);
    CHECK(*joost.checkIn == guests[1].at);
    const auto* st = ui.session().buildView().staff;
    REQUIRE(st);
    CHECK(st->guests == 1);
    ui.tap("desk.tab.history");
    st = ui.session().buildView().staff;
    REQUIRE(st->history.size() == 2);
    CHECK(st->history[0].what == "gekoppeld aan gast Joost");
    CHECK(st->history[1].what == "gast bevestigd");
}

TEST_CASE("export_target rule 2: the right stick: with two USB sticks in, nothing is written until staff choose one, and it goes there",
          "[ui][staff][export][drive]") {
    StaffConfig cfg;
    test::TempDir media;  // two sticks: a participant's (mounted first) and the staff's own
    fs::create_directories(media / "PLANTED");
    fs::create_directories(media / "STAFF");
    const auto drives = [&] {
        return std::vector<ExportTarget>{{media / "PLANTED", true, "PLANTED", 8'000'000'000}, {media / "STAFF", true, "STAFF KEY", 32'000'000'000}};
    };
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string(), false, {}, drives);
    unlock(ui);
    ui.clock().advanceSeconds(3);  // the probe looks for sticks every two seconds
    ui.frame();
    const auto* st = ui.session().buildView().staff;
    REQUIRE(st);
    CHECK(st->mustChooseDrive);
    REQUIRE(ui.target("save.drive.0"));
    CHECK(ui.target("save.drive.0")->label == "PLANTED \xC2\xB7 8 GB");
    CHECK(ui.target("save.drive.1")->label == "STAFF KEY \xC2\xB7 32 GB");
    CHECK_FALSE(ui.has("save.presence.csv"));  // not chosen yet: the export buttons take no tap
    CHECK_FALSE(ui.has("save.presence.xlsx"));
    ui.session().apply(ui::Intent::staffExport(ExportKind::presence, ExportFormat::csv, kDay1));  // and an export asked anyway writes nothing
    ui.session().finishBackgroundWork();
    ui.frame();
    CHECK(ui.session().buildView().staff->exportMessage == "Kies eerst de USB-stick (er zitten er meerdere in)");
    CHECK(fs::is_empty(media / "PLANTED"));
    CHECK(fs::is_empty(media / "STAFF"));
    ui.tap("save.drive.1");
    CHECK(ui.state().exportDrive == (media / "STAFF").string());
    st = ui.session().buildView().staff;
    CHECK_FALSE(st->mustChooseDrive);
    CHECK(st->exportTarget == "USB-stick STAFF KEY (32 GB)");
    ui.tap("save.presence.csv");
    ui.session().finishBackgroundWork();
    ui.frame();
    CHECK(fs::exists(media / "STAFF" / "presentielijst-2026-11-26.csv"));
    CHECK(fs::is_empty(media / "PLANTED"));
    st = ui.session().buildView().staff;
    CHECK(st->exportMessage.find("STAFF KEY") != std::string::npos);
}

TEST_CASE("an export from the staff screen is written whole and the screen says where it went", "[ui][staff][export]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    ui.session().apply(ui::Intent::checkIn("ZU03"));
    ui.settle();
    ui.session().apply(ui::Intent::dismiss());
    unlock(ui);
    ui.tap("save.presence.xlsx");
    ui.session().finishBackgroundWork();
    ui.frame();
    const fs::path file = ui.dir() / "exports" / "presentielijst-2026-11-26.xlsx";
    CHECK(fs::exists(file));
    const auto* st = ui.session().buildView().staff;
    REQUIRE(st);
    CHECK_FALSE(st->exportFailed);
    CHECK(st->exportPath == file.string());
    CHECK(st->exportMessage == "Opgeslagen in de exportmap (" + std::to_string(ui.session().roster().size()) + " regels).");
    ui.tap("desk.tab.matrix");
    ui.tap("save.matrix.csv");
    ui.session().finishBackgroundWork();
    ui.frame();
    const auto csv = readWholeFile(ui.dir() / "exports" / "matrix-zutphen-2026.csv");
    REQUIRE(csv);
    CHECK(csv->find("Zo\xC3\xAB;van den;Berg") != std::string::npos);
    // No partial file is left beside them.
    for (const auto& e : fs::directory_iterator(ui.dir() / "exports")) CHECK(e.path().filename().string()[0] != '.');
    ui.settle();
    ui.tap("desk.tab.health");
    st = ui.session().buildView().staff;
    REQUIRE(st->health.lastExport);
    CHECK(st->health.lastExportPath == (ui.dir() / "exports" / "matrix-zutphen-2026.csv").string());
    CHECK(st->health.databaseBytes > 0);
    CHECK(st->health.freeBytes > 0);
    CHECK(st->health.configProblems.empty());
}

TEST_CASE("the staff screen saves the presence list as PDF, and certificates only for who met the rule", "[ui][staff][export][pdf]") {
    StaffConfig cfg;
    const auto toml = readWholeFile(cfg.path() / "kiosk.toml");
    REQUIRE(toml);
    std::string oneDay = *toml;
    const size_t at = oneDay.find("certificate_min_days = 6");
    REQUIRE(at != std::string::npos);
    oneDay.replace(at, 24, "certificate_min_days = 1");
    REQUIRE(writeFileAtomically(cfg.path() / "kiosk.toml", oneDay).empty());
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    ui.session().apply(ui::Intent::checkIn("ZU03"));
    ui.settle();
    ui.session().apply(ui::Intent::dismiss());
    unlock(ui);
    ui.tap("save.presence.pdf");
    ui.session().finishBackgroundWork();
    ui.frame();
    const auto pdf = readWholeFile(ui.dir() / "exports" / "presentielijst-2026-11-26.pdf");
    REQUIRE(pdf);
    CHECK(pdf->rfind("%PDF-", 0) == 0);
    CHECK_FALSE(ui.session().buildView().staff->exportFailed);
    ui.tap("desk.tab.matrix");
    ui.tap("save.certificates.pdf");
    ui.session().finishBackgroundWork();
    ui.frame();
    const auto* st = ui.session().buildView().staff;
    REQUIRE(st);
    CHECK_FALSE(st->exportFailed);
    const fs::path folder = ui.dir() / "exports" / "certificaten-zutphen-2026";
    CHECK(st->exportPath == folder.string());
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(folder)) files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    // Only Zoë (ZU03) was there: one certificate, and the combined file.
    CHECK(files == std::vector<std::string>{"alle-certificaten.pdf", "certificaat-zoe-van-den-berg-zu03.pdf"});
}

TEST_CASE("a PIN check that ends after Back opens nothing and counts as no try", "[ui][staff][pin]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    holdCorner(ui, 3000);
    for (char c : std::string(kPin)) ui.tap(std::string("keypad.") + c);
    ui.tap("keypad.ok");
    ui.tap("header.back");  // gone before Argon2id has finished
    ui.session().finishBackgroundWork();
    ui.frame();
    CHECK_FALSE(ui.session().staffUnlocked());
    CHECK(ui.state().screen == ui::Screen::home);
    CHECK(ui.session().buildView().pin.triesLeft == 5);
}

TEST_CASE("a new PIN in kiosk.toml closes an open staff session", "[ui][staff][pin]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string(), true);
    unlock(ui);
    cfg.withStaffPin("13579");
    ui.clock().advanceMs(2100);
    ui.session().noteInput();
    ui.session().pollConfig();
    ui.frame();
    CHECK_FALSE(ui.session().staffUnlocked());
    CHECK(ui.state().screen == ui::Screen::home);
}

TEST_CASE("a badge scanned while staff mode is open locks it and checks the person in", "[ui][staff][badge]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path().string());
    unlock(ui);
    ui.scanBadge("ZU08");
    ui.settle();
    CHECK_FALSE(ui.session().staffUnlocked());
    CHECK(ui.session().ledger().record(kDay1, "ZU08").checkIn.has_value());
}

TEST_CASE("two taps on Save store one correction", "[ui][staff][correction]") {
    StaffConfig cfg;
    test::UiHarness ui("2026-11-26T16:30", 1280, 800, cfg.path().string());
    unlock(ui);
    ui.tap("desk.correct.ZU08");
    type(ui, "desk", "TREIN");
    ui.tap("desk.name");
    type(ui, "desk", "MJ");
    const auto before = ui.session().ledger().eventCount();
    // Both taps before the store has answered.
    StaffForm e;
    e.kind = EventKind::correction;
    e.participantCode = "ZU08";
    e.effect = CorrectionEffect::set_check_in;
    e.reason = "trein";
    e.actor = "MJ";
    ui.session().apply(ui::Intent::staffChange(e, LocalDate{}, 0));
    ui.session().apply(ui::Intent::staffChange(e, LocalDate{}, 0));
    ui.settle();
    CHECK(ui.session().ledger().eventCount() == before + 1);
}
