// A long record (issue 20): the kiosk holds the days it shows, a staff page for a day long ago is
// read from the store while it says "laden…", events of cohorts the kiosk does not show are not
// held, and someone removed from the roster while present stays on the staff pages, marked, and
// can be corrected there (the correction reaches the export).
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "content/staff_pin.h"
#include "config_copy.h"
#include "core/event_builder.h"
#include "store/atomic_file.h"
#include "ui_harness.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPin = "2580";
const LocalDate kDay1{2026, 11, 26};

// The sample config with a staff PIN, in a folder the test may edit.
struct PinConfig : test::ConfigCopy {
    PinConfig() { withStaffPin(kPin); }
};

void unlock(test::UiHarness& ui) { REQUIRE(ui.openStaffDesk(kPin)); }

void type(test::UiHarness& ui, const std::string& letters) {
    for (char c : letters) ui.tap("desk.key." + (c == ' ' ? std::string("space") : std::string(1, c)));
}

const PresenceRow* rowOf(const ui::StaffView& st, const std::string& code) {
    for (const auto& r : st.rows)
        if (!r.guest && r.participant.code == code) return &r;
    return nullptr;
}

// Frames (the store thread working meanwhile) until `done`, at most about five seconds.
template <typename F>
bool framesUntil(test::UiHarness& ui, F&& done) {
    for (int i = 0; i < 2500; ++i) {
        ui.frame();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

AttendanceEvent tap(const std::string& code, LocalDate day, int h, int m, EventKind kind) {
    return makeTapEvent(kind, code, EventStamp::kiosk(fromLocal({day, h, m, 0}), "andere-kiosk"));
}

// `store` opened on `db` at `at`, with the sample cohort's people and `others` of another cohort.
void openWithCohort(AttendanceDb& store, const fs::path& db, const char* at, int others = 0) {
    REQUIRE(store.open(db, test::localTime(at)).status.ok());
    std::vector<Participant> people;
    for (const auto& c : test::sampleRosterCodes()) people.push_back({c, "P" + c, "", "X", "Beleid", "zutphen-2026", ""});
    for (int i = 1; i <= others; ++i) people.push_back({"OT" + std::to_string(10 + i), "Ander", "", "Y", "", "andere-groep", ""});
    RosterImportResult r;
    REQUIRE(store.importRoster(people, test::localTime(at), r).ok());
}

}  // namespace

TEST_CASE("ledger_days rule 1: the kiosk holds today only, and a staff page for a day long ago shows that day's people and times from the store",
          "[ui][staff][ledger]") {
    test::AmsterdamTime tz;  // the record is written in the venue's time zone, before the kiosk starts
    PinConfig cfg;
    test::TempDir dbDir;
    const fs::path db = dbDir / "attendance.db";
    const auto sample = test::sampleRosterCodes();
    const LocalDate old = kDay1.plusDays(-100);
    {
        // The record as a central pull leaves it: this cohort and another one, on 200 earlier days.
        AttendanceDb store;
        openWithCohort(store, db, "2026-11-26T07:00", 10);
        for (int d = 1; d <= 200; ++d) {
            const LocalDate day = kDay1.plusDays(-d);
            for (size_t i = 0; i < sample.size(); ++i) {
                REQUIRE(store.appendEvent(tap(sample[i], day, 9, static_cast<int>(i), EventKind::check_in)).ok());
                REQUIRE(store.appendEvent(tap(sample[i], day, 16, static_cast<int>(i), EventKind::check_out)).ok());
            }
            for (int i = 1; i <= 10; ++i) REQUIRE(store.appendEvent(tap("OT" + std::to_string(10 + i), day, 8, i, EventKind::check_in)).ok());
        }
        // A correction long ago: the History page reads it from the store when it opens.
        AttendanceEvent fix = tap("ZU05", old.plusDays(-5), 9, 30, EventKind::correction);
        fix.effect = CorrectionEffect::set_check_in;
        fix.source = EventSource::staff;
        fix.reason = "Trein";
        fix.actor = "Mj";
        REQUIRE(store.appendEvent(fix).ok());
        // Today: one of ours in, and the other cohort too.
        REQUIRE(store.appendEvent(tap("ZU03", kDay1, 8, 55, EventKind::check_in)).ok());
        for (int i = 1; i <= 10; ++i) REQUIRE(store.appendEvent(tap("OT" + std::to_string(10 + i), kDay1, 8, i, EventKind::check_in)).ok());
    }
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), false, db);
    // 200 days and another cohort in the record; held: today's one event of this cohort.
    CHECK(ui.session().ledger().eventCount() == 1);
    CHECK(ui.session().ledger().record(kDay1, "ZU03").isIn());
    CHECK(ui.session().buildView().checkedIn == 1);
    {
        // Another kiosk writes today: one of ours, and one of the cohort this kiosk does not show.
        AttendanceDb other;
        REQUIRE(other.openExisting(db).ok());
        REQUIRE(other.appendEvent(tap("OT11", kDay1, 9, 12, EventKind::check_out)).ok());
        REQUIRE(other.appendEvent(tap("ZU04", kDay1, 9, 12, EventKind::check_in)).ok());
    }
    REQUIRE(framesUntil(ui, [&] { return ui.session().ledger().record(kDay1, "ZU04").isIn(); }));
    CHECK(ui.session().ledger().eventCount() == 2);  // not the other cohort's

    unlock(ui);
    ui.session().apply(ui::Intent::staffDay(-100));
    ui.frame();
    const ui::StaffView* st = ui.session().buildView().staff;
    REQUIRE(st);
    CHECK(st->date == old);
    CHECK(st->loading);  // asked on the store thread: the page says "laden…", the frame did not wait
    REQUIRE(framesUntil(ui, [&] { return !ui.session().buildView().staff->loading; }));
    st = ui.session().buildView().staff;
    CHECK(st->rows.size() == sample.size());  // this cohort only, nobody of the other
    for (size_t i = 0; i < sample.size(); ++i) {
        INFO(sample[i]);
        const PresenceRow* r = rowOf(*st, sample[i]);
        REQUIRE(r);
        REQUIRE(r->checkIn);
        CHECK(r->checkIn->hhmm() == (i < 10 ? "09:0" : "09:") + std::to_string(i));
        REQUIRE(r->checkOut);
        CHECK(r->checkOut->hhmm() == (i < 10 ? "16:0" : "16:") + std::to_string(i));
        CHECK_FALSE(r->formerParticipant);
    }
    CHECK(st->present == static_cast<int>(sample.size()));
    // Held: today and that day of this cohort, not the 200 days nor the other cohort.
    CHECK(ui.session().ledger().eventCount() == 2 + 2 * sample.size());
    // Another day: the first one is let go.
    ui.session().apply(ui::Intent::staffDay(-1));
    REQUIRE(framesUntil(ui, [&] { return !ui.session().buildView().staff->loading; }));
    CHECK(ui.session().buildView().staff->date == old.plusDays(-1));
    CHECK(ui.session().ledger().eventCount() == 2 + 2 * sample.size());
    CHECK_FALSE(ui.session().ledger().holds(old));
    // The History page: the correction of a day not held, read from the store when it opens.
    ui.tap("desk.tab.history");
    REQUIRE(framesUntil(ui, [&] { return !ui.session().buildView().staff->history.empty(); }));
    const auto& history = ui.session().buildView().staff->history;
    REQUIRE(history.size() == 1);
    CHECK(history[0].day == old.plusDays(-5));
    CHECK(history[0].reason == "Trein");
    CHECK(history[0].what == "aanwezig vanaf 09:30");
    ui.tap("desk.tab.today");
    // Back to today: only today is held again, and the door still knows who is in.
    ui.session().apply(ui::Intent::staffDay(0));
    ui.frame();
    CHECK(ui.session().ledger().eventCount() == 2);
    CHECK(ui.session().ledger().record(kDay1, "ZU03").isIn());
}

TEST_CASE("ledger_days rule 2: a staff-page day let go is read again on a second visit, with what was written meanwhile",
          "[ui][staff][ledger]") {
    test::AmsterdamTime tz;
    PinConfig cfg;
    test::TempDir dbDir;
    const fs::path db = dbDir / "attendance.db";
    const auto sample = test::sampleRosterCodes();
    const LocalDate earlier = kDay1.plusDays(-3);
    {
        AttendanceDb store;
        openWithCohort(store, db, "2026-11-26T07:00");
        REQUIRE(store.appendEvent(tap(sample[0], earlier, 9, 0, EventKind::check_in)).ok());
    }
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), false, db);
    unlock(ui);
    auto visit = [&] {
        ui.session().apply(ui::Intent::staffDay(-3));
        ui.frame();
        REQUIRE(ui.session().buildView().staff->date == earlier);
        REQUIRE(framesUntil(ui, [&] { return !ui.session().buildView().staff->loading; }));
    };
    visit();
    CHECK(ui.session().buildView().staff->present == 1);
    // Back to today: the day is let go.
    ui.session().apply(ui::Intent::staffDay(0));
    ui.frame();
    REQUIRE_FALSE(ui.session().ledger().holds(earlier));
    {
        // Meanwhile another kiosk (a late central pull) writes that day: not held, so not taken in.
        AttendanceDb other;
        REQUIRE(other.openExisting(db).ok());
        REQUIRE(other.appendEvent(tap(sample[1], earlier, 9, 5, EventKind::check_in)).ok());
    }
    for (int i = 0; i < 20; ++i) ui.frame();
    // The second visit reads the day again: both check-ins, not "laden…" for ever nor the old reading.
    visit();
    const ui::StaffView* st = ui.session().buildView().staff;
    CHECK(st->present == 2);
    const PresenceRow* second = rowOf(*st, sample[1]);
    REQUIRE(second);
    REQUIRE(second->checkIn);
    CHECK(second->checkIn->hhmm() == "09:05");
}

TEST_CASE("ledger_days rule 3: another writer's check-in on a matrix day the kiosk does not hold folds the matrix again",
          "[ui][staff][ledger][matrix]") {
    test::AmsterdamTime tz;
    PinConfig cfg;
    test::TempDir dbDir;
    const fs::path db = dbDir / "attendance.db";
    const auto sample = test::sampleRosterCodes();
    {
        AttendanceDb store;
        openWithCohort(store, db, "2026-12-10T07:00");
    }
    test::UiHarness ui("2026-12-10T09:10", 1280, 800, cfg.path(), false, db);
    unlock(ui);
    ui.tap("desk.tab.matrix");
    REQUIRE(framesUntil(ui, [&] { return !ui.session().buildView().staff->matrixLoading; }));
    auto day1Of = [&](const std::string& code) -> std::optional<DayStatus> {
        for (const auto& r : ui.session().buildView().staff->matrix.rows)
            if (r.participant.code == code && !r.days.empty()) return r.days[0];
        return std::nullopt;
    };
    REQUIRE(day1Of(sample[4]));
    CHECK(*day1Of(sample[4]) == DayStatus::absent);
    {
        // A late pull from the central record: day 1, which the kiosk does not hold (today is day 2).
        AttendanceDb other;
        REQUIRE(other.openExisting(db).ok());
        REQUIRE(other.appendEvent(tap(sample[4], kDay1, 9, 0, EventKind::check_in)).ok());
        REQUIRE(other.appendEvent(tap(sample[4], kDay1, 16, 30, EventKind::check_out)).ok());
    }
    REQUIRE_FALSE(ui.session().ledger().holds(kDay1));
    CHECK(framesUntil(ui, [&] {
        const auto d = day1Of(sample[4]);
        return d && *d != DayStatus::absent;
    }));
    CHECK_FALSE(ui.session().ledger().holds(kDay1));  // folded on the store thread, not held
}

TEST_CASE("someone removed from the roster while present stays on the staff page, marked, and their correction reaches the export",
          "[ui][staff][former]") {
    PinConfig cfg;
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), true);
    ui.session().apply(ui::Intent::checkIn("ZU08"));  // Fatima Bakker arrives
    ui.settle();
    ui.session().apply(ui::Intent::dismiss());
    REQUIRE(ui.session().ledger().record(kDay1, "ZU08").isIn());

    // At noon someone takes her off participants.csv.
    ui.clock().advanceSeconds(3 * 3600);
    cfg.edit("participants.csv", "ZU08;Fatima;;Bakker;Uitvoering Vergunningen;zutphen-2026;f.bakker@example.nl\n", "");
    CHECK(ui.session().pollConfig());
    for (int i = 0; i < 1000 && ui.session().roster().size() == test::sampleRosterCodes().size(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ui.session().drainStore();
    }
    REQUIRE(test::codesOf(ui.session().roster()).count("ZU08") == 0);

    // She left at the end of the day without checking out; staff see her and correct it.
    ui.clock().advanceSeconds(5 * 3600);  // 17:10
    unlock(ui);
    const ui::StaffView* st = ui.session().buildView().staff;
    REQUIRE(st);
    const PresenceRow* fatima = rowOf(*st, "ZU08");
    REQUIRE(fatima);
    CHECK(fatima->formerParticipant);
    CHECK(fatima->participant.fullName() == "Fatima Bakker");
    REQUIRE(fatima->checkIn);
    CHECK(fatima->checkIn->hhmm() == "09:10");
    CHECK_FALSE(fatima->checkOut);
    CHECK(st->present == 1);  // she counts as present
    ui.tap("desk.correct.ZU08");
    REQUIRE(ui.state().screen == ui::Screen::staff_correct);
    CHECK(ui.state().correction.effect == CorrectionEffect::set_check_out);
    const int minutes = ui.state().correction.minutes;  // the day's end
    const std::string leftAt = TimeOfDay{minutes}.hhmm();
    ui.tap("desk.name");
    type(ui, "MJ");
    ui.tap("desk.reason");
    type(ui, "VERGETEN");
    ui.tap("desk.save");
    ui.settle();
    CHECK(ui.state().screen == ui::Screen::staff_today);
    st = ui.session().buildView().staff;
    fatima = rowOf(*st, "ZU08");
    REQUIRE(fatima);
    REQUIRE(fatima->checkOut);
    CHECK(fatima->checkOut->hhmm() == leftAt);
    CHECK(fatima->corrected);

    // The matrix lists her too, marked, present on day 1.
    ui.tap("desk.tab.matrix");
    REQUIRE(framesUntil(ui, [&] { return !ui.session().buildView().staff->matrixLoading; }));
    const CohortMatrix& m = ui.session().buildView().staff->matrix;
    const MatrixRow* row = nullptr;
    for (const auto& r : m.rows)
        if (r.participant.code == "ZU08") row = &r;
    REQUIRE(row);
    CHECK(row->formerParticipant);
    REQUIRE_FALSE(row->days.empty());
    REQUIRE(row->days[0]);
    CHECK(*row->days[0] != DayStatus::absent);

    // And the day's export has her with the corrected check-out.
    ui.tap("desk.tab.today");
    ui.tap("save.presence.csv");
    ui.session().finishBackgroundWork();
    ui.frame();
    const auto csv = readWholeFile(ui.dir() / "exports" / "presentielijst-2026-11-26.csv");
    REQUIRE(csv);
    const auto at = csv->find("ZU08;Fatima;;Bakker");
    REQUIRE(at != std::string::npos);
    const std::string line = csv->substr(at, csv->find('\n', at) - at);
    CHECK(line.find(";09:10;" + leftAt + ";") != std::string::npos);
}

TEST_CASE("ledger_days rule 4: the History page opened again shows a correction another writer made meanwhile",
          "[ui][staff][ledger][history]") {
    test::AmsterdamTime tz;
    PinConfig cfg;
    test::TempDir dbDir;
    const fs::path db = dbDir / "attendance.db";
    auto correction = [](const std::string& code, int day, const char* reason) {
        AttendanceEvent fix = tap(code, kDay1.plusDays(day), 9, 30, EventKind::correction);
        fix.effect = CorrectionEffect::set_check_in;
        fix.source = EventSource::staff;
        fix.reason = reason;
        fix.actor = "Mj";
        return fix;
    };
    {
        AttendanceDb store;
        openWithCohort(store, db, "2026-11-26T07:00");
        REQUIRE(store.appendEvent(correction("ZU05", -40, "Trein")).ok());
    }
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), false, db);
    unlock(ui);
    ui.tap("desk.tab.history");
    REQUIRE(framesUntil(ui, [&] { return ui.session().buildView().staff->history.size() == 1; }));
    ui.tap("desk.tab.today");
    for (int i = 0; i < 5; ++i) ui.frame();
    {
        // Meanwhile a colleague corrects a day long ago on the command line.
        AttendanceDb other;
        REQUIRE(other.openExisting(db).ok());
        REQUIRE(other.appendEvent(correction("ZU06", -30, "Bus")).ok());
    }
    for (int i = 0; i < 20; ++i) ui.frame();
    ui.tap("desk.tab.history");
    CHECK(framesUntil(ui, [&] { return ui.session().buildView().staff->history.size() == 2; }));
    bool bus = false;
    for (const auto& h : ui.session().buildView().staff->history) bus = bus || h.reason == "Bus";
    CHECK(bus);
}

TEST_CASE("ledger_days rule 5: someone a roster edit moves into the shown group appears with today's check-in",
          "[ui][ledger][roster]") {
    test::AmsterdamTime tz;
    PinConfig cfg;
    test::TempDir dbDir;
    const fs::path db = dbDir / "attendance.db";
    {
        AttendanceDb store;
        openWithCohort(store, db, "2026-11-26T07:00", 1);  // OT11, of another group
        REQUIRE(store.appendEvent(tap("OT11", kDay1, 9, 0, EventKind::check_in)).ok());
    }
    test::UiHarness ui("2026-11-26T09:10", 1280, 800, cfg.path(), true, db);  // watching the config folder
    ui.frame();
    REQUIRE_FALSE(ui.session().ledger().record(kDay1, "OT11").isIn());  // not this kiosk's group: not read
    // Staff move OT11 into this kiosk's group in participants.csv: the held day is read again.
    cfg.edit("participants.csv", "ZU14;", "OT11;Ander;;Y;;zutphen-2026;\nZU14;");
    ui.clock().advanceSeconds(3);
    REQUIRE(ui.session().pollConfig());
    CHECK(framesUntil(ui, [&] { return ui.session().ledger().record(kDay1, "OT11").isIn(); }));
}
