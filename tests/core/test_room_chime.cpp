// The room's chime (core/room_chime.h): which cue a run gives when, and the sound itself.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "core/clock.h"
#include "core/room_chime.h"

using namespace kiosk;

namespace {

Exercise twoSteps(bool autoAdvance) {
    Exercise e;
    e.id = "t";
    e.title = "Standpunt in de ruimte";
    e.steps = {{"Ga in het midden staan.", 100}, {"Kies je plek.", 200}};
    e.autoAdvance = autoAdvance;
    return e;
}

// Every cue of a run, second by second, as "almost@90" (seconds since the start).
struct Run {
    FakeClock clock{Instant{1000000}};
    RoomCueWatch watch;
    std::vector<std::string> cues;
    int t = 0;
    void look(const ExercisePlayer& p) {
        if (auto c = watch.observe(p, clock.steady()))
            cues.push_back(std::string(*c == RoomCue::almost ? "almost" : *c == RoomCue::time_up ? "time_up" : "step_end") + "@" + std::to_string(t));
    }
    void seconds(const ExercisePlayer& p, int n) {
        for (int i = 0; i < n; ++i) {
            clock.advanceSeconds(1);
            ++t;
            look(p);
        }
    }
};

}  // namespace

TEST_CASE("room chime rule 1: almost, time up and the end of a step, each once, with 1, 2 and 3 strokes", "[chime]") {
    const Exercise ex = twoSteps(false);
    ExercisePlayer p(ex);
    Run r;
    r.look(p);  // a new run: silent
    p.start(r.clock.steady());
    r.look(p);
    r.seconds(p, 120);  // 90 s: the last 10 % of 100; 100 s: time up; then 20 s of overtime
    p.next(r.clock.steady());
    r.look(p);
    r.seconds(p, 200);
    p.next(r.clock.steady());  // the last step: finished
    r.look(p);
    CHECK(r.cues == std::vector<std::string>{"almost@90", "time_up@100", "step_end@120", "almost@300", "time_up@320", "step_end@320"});
    CHECK(chimeStrokes(RoomCue::almost) == 1);
    CHECK(chimeStrokes(RoomCue::time_up) == 2);
    CHECK(chimeStrokes(RoomCue::step_end) == 3);
}

TEST_CASE("room chime rule 2: a paused run is silent, and minutes added in overtime give time up again", "[chime]") {
    const Exercise ex = twoSteps(false);
    ExercisePlayer p(ex);
    Run r;
    p.start(r.clock.steady());
    r.look(p);
    r.seconds(p, 50);
    p.pause(r.clock.steady());
    r.seconds(p, 500);  // paused: no time passes for the step, nothing sounds
    CHECK(r.cues.empty());
    p.next(r.clock.steady());  // moved on while paused: the facilitator did it, the room was not running
    r.look(p);
    CHECK(r.cues.empty());
    p.resume(r.clock.steady());
    r.seconds(p, 200);  // step 2 (200 s): almost at 180, time up at 200
    CHECK(r.cues == std::vector<std::string>{"almost@730", "time_up@750"});
    p.addMinutes(1, r.clock.steady());  // back to 60 s left of 260: before the last 10 % again
    r.look(p);
    r.seconds(p, 60);
    CHECK(r.cues == std::vector<std::string>{"almost@730", "time_up@750", "almost@784", "time_up@810"});
}

TEST_CASE("room chime rule 2: a new run starts silently, whatever the watch saw of the run before", "[chime]") {
    const Exercise ex = twoSteps(false);
    ExercisePlayer first(ex);
    Run r;
    first.start(r.clock.steady());
    r.look(first);
    r.seconds(first, 50);
    first.next(r.clock.steady());
    r.look(first);
    r.seconds(first, 10);  // running in its second step
    REQUIRE(r.cues == std::vector<std::string>{"step_end@50"});
    // The facilitator opens the exercise again: another run, at its first step, running.
    ExercisePlayer second(ex);
    second.start(r.clock.steady());
    r.look(second);
    r.seconds(second, 5);
    CHECK(r.cues == std::vector<std::string>{"step_end@50"});
    r.seconds(second, 90);  // its own marks still sound: 90 s into its 100 s step, at 150
    CHECK(r.cues == std::vector<std::string>{"step_end@50", "almost@150"});
}

TEST_CASE("room chime rule 3: an auto-advance over several steps after a long gap is one cue", "[chime]") {
    const Exercise ex = twoSteps(true);
    ExercisePlayer p(ex);
    Run r;
    p.start(r.clock.steady());
    r.look(p);
    r.clock.advanceSeconds(1000);  // the frame loop was away (a suspended box): past both steps
    p.tick(r.clock.steady());
    r.t += 1000;
    r.look(p);
    CHECK(r.cues == std::vector<std::string>{"step_end@1000"});
}

TEST_CASE("room chime rule 2: whatever the clicks and the clock do, a mark sounds once unless minutes were added", "[chime][property]") {
    std::mt19937 rng(20261207);
    for (int run = 0; run < 300; ++run) {
        const Exercise ex = twoSteps(run % 2 == 0);
        ExercisePlayer p(ex);
        FakeClock clock(Instant{1000000});
        RoomCueWatch watch;
        watch.observe(p, clock.steady());
        p.start(clock.steady());
        watch.observe(p, clock.steady());
        int step = 0, added = 0, almost = 0, timeUp = 0;
        for (int i = 0; i < 200 && p.state() != ExercisePlayer::State::finished; ++i) {
            const bool wasRunning = p.state() == ExercisePlayer::State::running;
            switch (rng() % 8) {
                case 0: p.next(clock.steady()); break;
                case 1: p.togglePause(clock.steady()); break;
                case 2: {
                    const int m = rng() % 2 ? 1 : -1;
                    p.addMinutes(m, clock.steady());
                    if (m > 0) ++added;
                    break;
                }
                case 3: p.previous(clock.steady()); break;
                default: clock.advanceMs(static_cast<int64_t>(rng() % 30000)); p.tick(clock.steady()); break;
            }
            const auto cue = watch.observe(p, clock.steady());
            if (p.state() == ExercisePlayer::State::finished) {
                CHECK((cue == RoomCue::step_end) == wasRunning);
                break;
            }
            if (p.stepIndex() != step) {
                CHECK((cue == RoomCue::step_end) == wasRunning);  // a move while running, and only then
                step = p.stepIndex();
                added = almost = timeUp = 0;
                continue;
            }
            if (!cue) continue;
            CHECK(p.state() == ExercisePlayer::State::running);  // nothing sounds for a paused run
            if (*cue == RoomCue::almost) CHECK(++almost <= 1 + added);
            if (*cue == RoomCue::time_up) CHECK(++timeUp <= 1 + added);
        }
    }
}

TEST_CASE("room chime rule 4: a soft tone of 1 to 3 strokes that does not click", "[chime]") {
    for (int strokes = 1; strokes <= 3; ++strokes) {
        const std::vector<int16_t> s = chimeSamples(strokes, 22050);
        REQUIRE(s.size() == static_cast<size_t>((0.6 * (strokes - 1) + 1.4) * 22050));
        int peak = 0;
        for (int16_t v : s) peak = std::max(peak, std::abs(static_cast<int>(v)));
        CHECK(peak <= 32767 / 4 + 1);  // a quarter of full scale at most
        CHECK(peak > 32767 / 8);       // and audible
        CHECK(std::abs(s.front()) < 200);  // a 5 ms attack: no click
        // One loud onset per stroke: windows of 50 ms whose energy jumps above the one before.
        int onsets = 0;
        double before = 0;
        for (size_t w = 0; w + 1102 < s.size(); w += 1102) {
            double e = 0;
            for (size_t i = w; i < w + 1102; ++i) e += std::fabs(static_cast<double>(s[i]));
            if (e > 1.5 * before && e > 1102.0 * 1000) ++onsets;
            before = e;
        }
        CHECK(onsets == strokes);
        CHECK(std::abs(s.back()) < 32767 / 40);  // rung out at the end
    }
    CHECK(chimeSamples(7, 22050).size() == chimeSamples(3, 22050).size());  // clamped to 3
}
