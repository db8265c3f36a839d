// A make-up day marked from the staff pages (issue 30 item 4, core/catch_up.h), tried as venue
// staff would at the three panel sizes: Anna of Zutphen, absent on her day 1 (26 November),
// follows Lochem's day 2 (3 December); on Vandaag she is listed as one of another group; the
// correction form offers "Inhaaldag" first with her own group's days, of which only the missed one
// that has taken place can be chosen (days 2-7 are still to come); staff choose day 1, give their
// name and save. Her matrix then says "ingehaald 3 dec.", her row "inhaaldag voor dag 1", the
// history "ingehaald op 3 december".
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "config_copy.h"
#include "content/staff_pin.h"
#include "store/atomic_file.h"
#include "ui_harness.h"

using namespace kiosk;

namespace {

constexpr const char* kPin = test::kStaffPin;
const LocalDate kLochemDay2{2026, 12, 3}, kZutphenDay1{2026, 11, 26};

void unlock(test::UiHarness& ui) { REQUIRE(ui.openStaffDesk(kPin)); }

// The store thread folds the own group's days when the form asks for them: a few frames.
bool waitFor(test::UiHarness& ui, const std::string& id) {
    for (int i = 0; i < 1000 && !ui.target(id); ++i) {
        ui.settle();
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return ui.target(id) != nullptr;
}

// Frames until `shown` holds of the staff view (at most about 5 s): what the store thread folds after a
// write (the matrix, the history) arrives a request after the write's own answer, which settle() awaits.
template <class F>
bool waitUntil(test::UiHarness& ui, F shown) {
    for (int i = 0; i < 2500; ++i) {
        if (const ui::StaffView* st = ui.session().buildView().staff; st && shown(*st)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ui.frame();
    }
    return false;
}

const PresenceRow* rowOf(const ui::StaffView& st, const std::string& code) {
    for (const auto& r : st.rows)
        if (!r.guest && r.participant.code == code) return &r;
    return nullptr;
}

const MatrixRow* matrixRowOf(const ui::StaffView& st, const std::string& code) {
    for (const auto& r : st.matrix.rows)
        if (r.participant.code == code) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("staff mark a check-in with another group as a make-up day of the own group, and the matrix counts it",
          "[ui][staff][cohorts][catchup]") {
    const std::pair<float, float> sizes[] = {{1280, 800}, {1080, 1920}, {800, 480}};
    for (const auto& [w, h] : sizes) {
        CAPTURE(w, h);
        test::ConfigCopy cfg;
        cfg.addLochem();
        cfg.withStaffPin(kPin);
        test::UiHarness ui("2026-12-03T09:20", w, h, cfg.path());
        // Anna's badge at Lochem's door.
        ui.scanBadge("ZU01");
        ui.settle();
        REQUIRE(ui.session().ledger().record(kLochemDay2, "ZU01").checkIn);
        ui.untouchedUntilHome();
        ui.clock().advanceSeconds(6 * 3600);  // 15:20, the day is over
        ui.frame();
        unlock(ui);
        const ui::StaffView* st = ui.session().buildView().staff;
        REQUIRE(st);
        const PresenceRow* anna = rowOf(*st, "ZU01");
        REQUIRE(anna);
        CHECK(anna->otherGroup);
        CHECK(anna->madeUpDay == 0);

        // Her row's button: the make-up day first, the reason preset; her own group's days listed.
        ui.tap("desk.correct.ZU01");
        REQUIRE(ui.state().screen == ui::Screen::staff_correct);
        CHECK(ui.state().correction.effect == CorrectionEffect::catch_up);
        CHECK(ui.state().correction.reason == "inhaaldag");
        REQUIRE(waitFor(ui, "desk.catch_up.day1"));  // the matrix of Zutphen folded on the store thread
        // Days 2-7 are still to come: shown, not offered (no tap target, catch_up.h rule 1).
        for (int d = 2; d <= 7; ++d) CHECK_FALSE(ui.target("desk.catch_up.day" + std::to_string(d)));
        ui.tap("desk.save");
        CHECK(ui.state().correction.error == "staff.error.catch_up_choose");
        ui.tap("desk.catch_up.day1");
        CHECK(ui.state().correction.catchUpOf == kZutphenDay1);
        ui.tap("desk.name");
        for (char c : std::string("MJ")) ui.tap(std::string("desk.key.") + c);
        ui.tap("desk.save");
        CHECK(ui.state().correction.error.empty());
        ui.settle();
        CHECK(ui.state().screen == ui::Screen::staff_today);

        // The matrix (of her group, which the form brought up) counts day 1 as made up on 3 December.
        CHECK(waitUntil(ui, [](const ui::StaffView& v) {
            const MatrixRow* r = matrixRowOf(v, "ZU01");
            return r && r->madeUpOn.size() == 7 && r->madeUpOn[0].has_value();
        }));
        st = ui.session().buildView().staff;
        REQUIRE(st);
        CHECK(st->matrix.cohortId == "zutphen-2026");
        const MatrixRow* m = matrixRowOf(*st, "ZU01");
        REQUIRE(m);
        REQUIRE(m->madeUpOn.size() == 7);
        CHECK(m->madeUpOn[0] == kLochemDay2);
        CHECK(m->daysPresent == 1);
        anna = rowOf(*st, "ZU01");
        REQUIRE(anna);
        CHECK(anna->madeUpDay == 1);
        // Made up: day 1 is no longer offered, the days to come are not either; Save says choose.
        ui.tap("desk.correct.ZU01");
        ui.tap("desk.effect.catch_up");
        CHECK(waitUntil(ui, [](const ui::StaffView& v) { return !v.matrixLoading && v.matrix.cohortId == "zutphen-2026"; }));
        ui.frame();
        for (int d = 1; d <= 7; ++d) CHECK_FALSE(ui.target("desk.catch_up.day" + std::to_string(d)));
        CHECK_FALSE(ui.state().correction.catchUpOf);
        ui.tap("desk.save");
        CHECK(ui.state().correction.error == "staff.error.catch_up_choose");
        ui.tap("desk.correct.cancel");
        // The history says it in words.
        ui.tap("desk.tab.history");
        ui.settle();
        CHECK(waitUntil(ui, [](const ui::StaffView& v) { return !v.history.empty(); }));
        st = ui.session().buildView().staff;
        REQUIRE(st);
        REQUIRE_FALSE(st->history.empty());
        CHECK(st->history[0].what == "ingehaald op 3 december");
        CHECK(st->history[0].who == "Anna de Vries");
        ui.tap("desk.tab.matrix");
        ui.frame();
    }
}
