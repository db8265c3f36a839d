// Screens drawn from hand-built views: no session, no SQLite, no store thread. Each test builds the
// KioskView a screen reads, draws a frame or two headless, and checks what a person would see or
// tap, and what the screen asks for (its Intent). This is how a new screen is tested first.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cfloat>
#include <iterator>
#include <set>

#include "content/config_folder.h"
#include "core/exercise_player.h"
#include "core/presence_list.h"
#include "event_support.h"
#include "headless_imgui.h"
#include "test_support.h"
#include "ui/screen_id.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/widgets.h"

using namespace kiosk;

namespace {

// A headless ImGui with the kiosk's fonts, and the sample config read as files (no database).
class ScreenBench {
public:
    ScreenBench(float w = 1280, float h = 800) : texts_(loadEmbeddedTexts(Lang::nl)) {
        ctx_ = test::createHeadlessImGui(w, h);
        Problems problems;
        config_ = loadConfig(readConfigFolder(std::string(KIOSK_SOURCE_DIR) + "/config", texts_, problems), texts_);
        REQUIRE(config_.ok());
        for (const auto& r : config_.roster.rows) roster_.push_back(r.participant);
    }
    ~ScreenBench() { ImGui::DestroyContext(ctx_); }

    // The view at local time `when`, with today's cohort expected (as the session would build it).
    ui::KioskView view(const char* when) {
        ui::KioskView v;
        v.texts = &texts_;
        v.settings = &config_.settings;
        v.programme = &config_.programme;
        v.ledger = &ledger_;
        v.now = fromLocal(*LocalDateTime::parse(when));
        v.local = toLocal(v.now);
        v.today = config_.programme.dayOn(v.local.date);
        v.shownDay = v.today ? v.today : config_.programme.nearestDay(v.local.date);
        search_.clear();
        for (const auto& p : roster_) search_.push_back(searchText(p));
        for (size_t i = 0; i < roster_.size(); ++i)
            if (!v.today || roster_[i].cohortId == v.today->cohortId) {
                v.expected.push_back(&roster_[i]);
                v.expectedSearch.push_back(&search_[i]);
            }
        return v;
    }

    // One frame of the root UI; with `tapId`, the frame a finger lifts from that element.
    ui::Intent draw(const ui::KioskView& v, ui::UiState& s, const std::string& tapId = {}) {
        ImGuiIO& io = ImGui::GetIO();
        if (tapId.empty()) return frame(v, s);
        frame(v, s);  // where it is
        const ui::TapTarget* t = target(tapId);
        REQUIRE(t);
        io.MousePos = ImVec2((t->min.x + t->max.x) * 0.5f, (t->min.y + t->max.y) * 0.5f);
        io.MouseDown[0] = true;
        frame(v, s);
        io.MouseDown[0] = false;
        ui::Intent intent = frame(v, s);
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        return intent;
    }

    const ui::TapTarget* target(const std::string& id) const {
        for (const auto& t : ui::frameTargets())
            if (t.id == id) return &t;
        return nullptr;
    }
    std::string label(const std::string& id) const {
        const ui::TapTarget* t = target(id);
        return t ? t->label : std::string("(not on screen)");
    }

    const LoadedConfig& config() const { return config_; }
    const std::vector<Participant>& roster() const { return roster_; }
    AttendanceLedger& ledger() { return ledger_; }

private:
    ui::Intent frame(const ui::KioskView& v, ui::UiState& s) {
        ImGui::NewFrame();
        ui::Intent intent = ui::drawKioskUi(v, s);
        ImGui::Render();
        return intent;
    }

    test::AmsterdamTime tz_;
    ImGuiContext* ctx_ = nullptr;
    Texts texts_;
    LoadedConfig config_;
    std::vector<Participant> roster_;
    std::vector<std::string> search_;
    AttendanceLedger ledger_;
};

}  // namespace

TEST_CASE("alone: the home screen offers check-in, check-out and the agenda, and opens check-in", "[ui][alone]") {
    ScreenBench bench;
    ui::UiState s;
    const ui::KioskView v = bench.view("2026-11-26T09:10");
    bench.draw(v, s);
    CHECK(bench.label("go.checkin") == "Inchecken");
    CHECK(bench.target("go.checkout"));
    CHECK(bench.target("go.agenda"));
    const ui::Intent tapped = bench.draw(v, s, "go.checkin");
    const auto* go = tapped.as<ui::intent::Go>();
    REQUIRE(go);
    CHECK(go->screen == ui::Screen::checkin);
    CHECK(go->mode == ui::CheckMode::check_in);
}

TEST_CASE("alone: the check-in screen has a tile for everyone expected today, and a tap asks to check that person in", "[ui][alone]") {
    ScreenBench bench;
    ui::UiState s;
    s.screen = ui::Screen::checkin;
    const ui::KioskView v = bench.view("2026-11-26T09:10");
    REQUIRE_FALSE(v.expected.empty());
    bench.draw(v, s);
    for (const Participant* p : v.expected) CHECK(bench.target("tile." + p->code));
    const Participant& first = *v.expected.front();
    const ui::Intent tapped = bench.draw(v, s, "tile." + first.code);
    const auto* in = tapped.as<ui::intent::CheckIn>();
    REQUIRE(in);
    CHECK(in->participantCode == first.code);
}

TEST_CASE("alone: the welcome card greets by first name and offers undo while it may", "[ui][alone]") {
    ScreenBench bench;
    ui::UiState s;
    s.screen = ui::Screen::checkin;
    const ui::KioskView v = bench.view("2026-11-26T09:10");
    s.feedback = {ui::Feedback::Kind::checked_in, "ZU01", "Anna", v.now, v.now, {}};
    s.undoSecondsLeft = 7;
    bench.draw(v, s);
    CHECK(bench.label("feedback.undo") == "Ongedaan maken");
    CHECK(bench.draw(v, s, "feedback.undo").as<ui::intent::Undo>());
    s.undoSecondsLeft = 0;  // the window closed: no undo offered
    bench.draw(v, s);
    CHECK_FALSE(bench.target("feedback.undo"));
    CHECK(bench.target("feedback.done"));
}

TEST_CASE("alone: the exercise screen runs a player and its controls ask for player commands", "[ui][alone]") {
    ScreenBench bench;
    ui::UiState s;
    s.screen = ui::Screen::exercise;
    REQUIRE_FALSE(bench.config().programme.exercises.empty());
    const Exercise& exercise = bench.config().programme.exercises.front();
    ExercisePlayer player(exercise);
    ui::KioskView v = bench.view("2026-11-26T10:00");
    player.start(v.steady);
    v.player = &player;
    bench.draw(v, s);
    CHECK(bench.target("player.next"));
    CHECK(bench.target("player.pause"));
    const ui::Intent next = bench.draw(v, s, "player.next");
    const auto* cmd = next.as<ui::intent::Player>();
    REQUIRE(cmd);
    CHECK(cmd->command == ui::PlayerCommand::next);
}

TEST_CASE("alone: the staff day page lists the day's people with their status and opens a correction", "[ui][alone]") {
    ScreenBench bench;
    ui::UiState s;
    s.screen = ui::Screen::staff_today;
    ui::KioskView v = bench.view("2026-11-26T16:30");
    ui::StaffView st;
    st.date = v.local.date;
    st.day = v.today;
    const AttendanceRules rules = AttendanceRules::from(bench.config().settings);
    st.rows = presenceList(bench.config().programme, bench.roster(), bench.ledger(), v.local.date, rules, v.now);
    REQUIRE(st.rows.size() == v.expected.size());
    // The first on the list (by last name) checked in at 09:02.
    const Participant anna = st.rows.front().participant;
    bench.ledger().apply(test::eventAt(EventKind::check_in, anna.code, "2026-11-26T09:02"));
    st.rows = presenceList(bench.config().programme, bench.roster(), bench.ledger(), v.local.date, rules, v.now);
    st.present = 1;
    st.absent = static_cast<int>(v.expected.size()) - 1;
    st.autoLockSeconds = 60;
    v.staff = &st;
    bench.draw(v, s);
    // The rows in view, in list order, each with its correction button (the rest scroll into view).
    int shown = 0;
    for (const auto& row : st.rows)
        if (bench.target("desk.correct." + row.participant.code)) ++shown;
        else break;
    CHECK(shown >= 5);
    CHECK(bench.target("desk.lock"));
    const ui::Intent tapped = bench.draw(v, s, "desk.correct." + anna.code);
    const auto* go = tapped.as<ui::intent::Go>();
    REQUIRE(go);
    CHECK(go->screen == ui::Screen::staff_correct);
    // Present since 09:02: the likely fix is the check-out, and the form is for her, on this day.
    CHECK(s.correction.code == anna.code);
    CHECK(s.correction.effect == CorrectionEffect::set_check_out);
    CHECK(s.correction.day == v.local.date);
}

TEST_CASE("alone: every screen has a name of its own, and only the staff pages stand behind the PIN", "[ui][alone]") {
    using S = ui::Screen;
    const S all[] = {S::home, S::checkin, S::agenda, S::walkin, S::exercises, S::exercise, S::shift, S::staff_pin,
                     S::staff_today, S::staff_correct, S::staff_matrix, S::staff_history, S::staff_health};
    std::set<std::string> names;
    for (S s : all) {
        const auto back = ui::parseScreen(ui::screenName(s));
        REQUIRE(back);
        CHECK(*back == s);
        names.insert(ui::screenName(s));
    }
    CHECK(names.size() == std::size(all));
    for (S s : all) {
        const std::string name = ui::screenName(s);
        CHECK(ui::isStaffScreen(s) == (name.rfind("staff_", 0) == 0 && s != S::staff_pin));
    }
}

TEST_CASE("every screen --screen accepts has a name of its own and a line in --help's list", "[ui][screens][help]") {
    const std::string help = ui::screenHelp(0);
    std::set<std::string> names;
    // Every value of the enum, in order: a screen added to the enum but not to the table would come
    // back as "home" (a duplicate) and have no line of its own.
    for (int i = 0; i <= static_cast<int>(ui::Screen::out_of_order); ++i) {
        const auto s = static_cast<ui::Screen>(i);
        const std::string name = ui::screenName(s);
        CAPTURE(i, name);
        CHECK(names.insert(name).second);
        CHECK(ui::parseScreen(name) == s);
        CHECK(("\n" + help).find("\n" + name + " ") != std::string::npos);  // listed at the start of a line
    }
    // And nothing is accepted that the enum does not have, or listed that is not accepted.
    const auto accepted = ui::screenNames();
    CHECK(std::set<std::string>(accepted.begin(), accepted.end()) == names);
    CHECK_FALSE(ui::parseScreen("kelder"));
}
