#include <catch2/catch.hpp>

#include "core/clock.h"
#include "core/exercise_player.h"
#include "core/step_text_fit.h"

using namespace kiosk;
using State = ExercisePlayer::State;
using Phase = ExercisePlayer::Phase;

namespace {

Exercise threeSteps(bool autoAdvance = false) {
    Exercise e;
    e.id = "t";
    e.title = "Standpunt in de ruimte";
    e.steps = {{"Ga in het midden staan.", 120}, {"Kies je plek.", 240}, {"Vertel waarom.", 300}};
    e.autoAdvance = autoAdvance;
    return e;
}

}  // namespace

TEST_CASE("the player runs a step, counts down, and counts overtime upward", "[player]") {
    const Exercise ex = threeSteps();
    FakeClock clock(Instant{1000000});
    ExercisePlayer p(ex);
    CHECK(p.state() == State::ready);
    p.start(clock.steady());
    CHECK(p.state() == State::running);
    CHECK(p.remainingMs(clock.steady()) == 120000);
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "2:00");
    clock.advanceSeconds(100);
    CHECK(p.phase(clock.steady()) == Phase::normal);
    clock.advanceSeconds(7);  // 13 s left of 120: more than 10%
    CHECK(p.phase(clock.steady()) == Phase::normal);
    clock.advanceSeconds(1);  // 12 s left: the last 10%
    CHECK(p.phase(clock.steady()) == Phase::ending);
    clock.advanceSeconds(12);
    CHECK(p.phase(clock.steady()) == Phase::overtime);
    CHECK(p.msSinceTimeUp(clock.steady()) == 0);
    clock.advanceSeconds(90);
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "\xE2\x88\x92" "1:30");
    CHECK(p.state() == State::running);  // overtime does not stop anything by itself
    CHECK(p.stepIndex() == 0);
}

TEST_CASE("pause stops the clock, resume continues where it was", "[player]") {
    const Exercise ex = threeSteps();
    FakeClock clock(Instant{0});
    ExercisePlayer p(ex);
    p.start(clock.steady());
    clock.advanceSeconds(30);
    p.togglePause(clock.steady());
    CHECK(p.state() == State::paused);
    clock.advanceSeconds(600);
    CHECK(p.remainingMs(clock.steady()) == 90000);
    p.togglePause(clock.steady());
    clock.advanceSeconds(10);
    CHECK(p.remainingMs(clock.steady()) == 80000);
}

TEST_CASE("exercise_player time: a second pause keeps the time already run (only Running counts, and it adds up)", "[player]") {
    const Exercise ex = threeSteps();
    FakeClock clock(Instant{0});
    ExercisePlayer p(ex);
    p.start(clock.steady());
    clock.advanceSeconds(30);
    p.pause(clock.steady());
    clock.advanceSeconds(300);
    p.resume(clock.steady());
    clock.advanceSeconds(20);
    p.pause(clock.steady());  // the second pause: 30 + 20 s run, not 20
    CHECK(p.elapsedMs(clock.steady()) == 50000);
    clock.advanceSeconds(300);
    CHECK(p.remainingMs(clock.steady()) == 70000);
    p.resume(clock.steady());
    clock.advanceSeconds(5);
    p.stop(clock.steady());  // a stop after a third run keeps all three
    CHECK(p.elapsedMs(clock.steady()) == 55000);
    p.resume(clock.steady());
    clock.advanceSeconds(5);
    CHECK(p.remainingMs(clock.steady()) == 60000);
}

TEST_CASE("next and previous move between steps and restart their time, next on the last ends", "[player]") {
    const Exercise ex = threeSteps();
    FakeClock clock(Instant{0});
    ExercisePlayer p(ex);
    p.next(clock.steady());  // from ready: starts
    CHECK(p.stepIndex() == 0);
    clock.advanceSeconds(50);
    p.next(clock.steady());
    CHECK(p.stepIndex() == 1);
    CHECK(p.remainingMs(clock.steady()) == 240000);
    CHECK(p.nextStep()->text == "Vertel waarom.");
    p.previous(clock.steady());
    CHECK(p.stepIndex() == 0);
    CHECK(p.remainingMs(clock.steady()) == 120000);
    p.previous(clock.steady());
    CHECK(p.stepIndex() == 0);
    p.next(clock.steady());
    p.next(clock.steady());
    CHECK(p.stepIndex() == 2);
    CHECK(p.nextStep() == nullptr);
    p.next(clock.steady());
    CHECK(p.state() == State::finished);
}

TEST_CASE("minutes can be added and removed, never below half a minute", "[player]") {
    const Exercise ex = threeSteps();
    FakeClock clock(Instant{0});
    ExercisePlayer p(ex);
    p.start(clock.steady());
    p.addMinutes(+1, clock.steady());
    CHECK(p.remainingMs(clock.steady()) == 180000);
    p.addMinutes(-1, clock.steady());
    p.addMinutes(-1, clock.steady());
    CHECK(p.remainingMs(clock.steady()) == 60000);
    p.addMinutes(-5, clock.steady());
    CHECK(p.durationMs() == ExercisePlayer::kMinStepSeconds * 1000);
    p.next(clock.steady());
    CHECK(p.durationMs() == 240000);  // adjustments belong to their step
}

TEST_CASE("auto-advance runs a whole exercise by itself, also across a long gap", "[player]") {
    const Exercise ex = threeSteps(true);
    FakeClock clock(Instant{0});
    ExercisePlayer p(ex);
    p.start(clock.steady());
    clock.advanceSeconds(120);
    p.tick(clock.steady());
    CHECK(p.stepIndex() == 1);
    CHECK(p.remainingMs(clock.steady()) == 240000);
    clock.advanceSeconds(250);  // 10 s into step 3
    p.tick(clock.steady());
    CHECK(p.stepIndex() == 2);
    CHECK(p.remainingMs(clock.steady()) == 290000);
    clock.advanceSeconds(290);
    p.tick(clock.steady());
    CHECK(p.state() == State::finished);
}

TEST_CASE("countdowns read the Dutch way", "[player]") {
    CHECK(formatCountdown(725000) == "12:05");
    CHECK(formatCountdown(400) == "0:01");
    CHECK(formatCountdown(0) == "0:00");
    CHECK(formatCountdown(-400) == "0:00");
    CHECK(formatCountdown(3720000) == "1:02:00");
}

// Issue 14 item 7: a time sync or a hand-set clock steps the wall clock; a running step does not
// jump, and an auto-advancing exercise does not run to its end.
TEST_CASE("stepping the wall clock an hour forward and back does not move a running step", "[player][clock]") {
    const Exercise ex = threeSteps(true);
    FakeClock clock(Instant{1'800'000'000'000});
    ExercisePlayer p(ex);
    p.start(clock.steady());
    clock.advanceSeconds(20);
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "1:40");
    clock.stepWallMs(+3600 * 1000);  // time sync: an hour forward
    p.tick(clock.steady());
    CHECK(p.stepIndex() == 0);
    CHECK(p.state() == State::running);
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "1:40");  // not "+59:40 Tijd is om"
    CHECK(p.phase(clock.steady()) == Phase::normal);
    clock.advanceSeconds(10);
    clock.stepWallMs(-3600 * 1000);  // and back
    p.tick(clock.steady());
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "1:30");
    CHECK(p.stepIndex() == 0);
    // Paused, a step stays paused through a step of the wall clock.
    p.pause(clock.steady());
    clock.stepWallMs(+3600 * 1000);
    p.resume(clock.steady());
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "1:30");
    // Auto-advance still happens when the step's own time is up, and only then.
    clock.advanceSeconds(89);
    p.tick(clock.steady());
    CHECK(p.stepIndex() == 0);
    clock.advanceSeconds(1);
    p.tick(clock.steady());
    CHECK(p.stepIndex() == 1);
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "4:00");
}

TEST_CASE("a step running across midnight keeps counting down at its own pace", "[player][clock]") {
    const Exercise ex = threeSteps(true);
    FakeClock clock(Instant{0});
    clock.set(fromLocal({{2026, 11, 26}, 23, 59, 0}));
    ExercisePlayer p(ex);
    p.start(clock.steady());
    clock.advanceSeconds(90);  // 00:00:30 the next day
    CHECK(toLocal(clock.now()).date == LocalDate{2026, 11, 27});
    p.tick(clock.steady());
    CHECK(p.stepIndex() == 0);
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "0:30");
    clock.stepWallMs(-3600 * 1000);  // a clock fixed back over midnight
    p.tick(clock.steady());
    CHECK(formatCountdown(p.remainingMs(clock.steady())) == "0:30");
    clock.stepWallMs(+2 * 3600 * 1000);
    p.tick(clock.steady());
    CHECK(p.state() == State::running);
    CHECK(p.stepIndex() == 0);
}

TEST_CASE("a stop is not an end: the run resumes at the same step with the time it had", "[player]") {
    const Exercise ex = threeSteps();
    FakeClock clock(Instant{1000000});
    ExercisePlayer p(ex);
    p.start(clock.steady());
    p.next(clock.steady());  // step 2 of 3
    clock.advanceSeconds(40);
    p.stop(clock.steady());
    CHECK(p.state() == State::stopped);
    CHECK(p.stepIndex() == 1);
    CHECK(p.currentStep() != nullptr);  // still there to resume: not "afgerond"
    clock.advanceSeconds(600);          // a stopped run counts no time and moves nowhere
    p.next(clock.steady());
    p.previous(clock.steady());
    p.tick(clock.steady());
    CHECK(p.state() == State::stopped);
    CHECK(p.stepIndex() == 1);
    CHECK(p.remainingMs(clock.steady()) == 200000);
    p.resume(clock.steady());
    CHECK(p.state() == State::running);
    CHECK(p.stepIndex() == 1);
    clock.advanceSeconds(10);
    CHECK(p.remainingMs(clock.steady()) == 190000);
}

TEST_CASE("a paused run can be stopped, and only the last step's end finishes the exercise", "[player]") {
    const Exercise ex = threeSteps(true);
    FakeClock clock(Instant{1000000});
    ExercisePlayer p(ex);
    p.start(clock.steady());
    p.pause(clock.steady());
    p.stop(clock.steady());
    CHECK(p.state() == State::stopped);
    p.resume(clock.steady());
    clock.advanceSeconds(120 + 240 + 299);  // auto-advance to the last second of the last step
    p.tick(clock.steady());
    CHECK(p.state() == State::running);
    CHECK(p.stepIndex() == 2);
    clock.advanceSeconds(1);
    p.tick(clock.steady());
    CHECK(p.state() == State::finished);
    p.stop(clock.steady());  // finished stays finished
    CHECK(p.state() == State::finished);
}

TEST_CASE("step text: the floor keeps capitals at 4 percent of the short side, and long steps need pages", "[player][fit]") {
    const StepTextBox b = stepTextBox(1280, 800, 27);
    CHECK(b.floorPx * kCapHeightRatio == Approx(800 * 0.04f));
    CHECK(b.normalPx > b.floorPx);
    CHECK(b.width > 500);
    CHECK(b.height > 250);
    const StepTextBox p = stepTextBox(1080, 1920, 28);
    CHECK(p.portrait);
    CHECK(p.floorPx * kCapHeightRatio == Approx(1080 * 0.04f));
    CHECK(p.normalPx >= p.floorPx);
    CHECK(p.width > b.width);
    CHECK(estimateStepPages("Ga in het midden staan.", b) == 1);
    std::string step;
    while (step.size() < 400) step += "Loop door de ruimte en kies een plek die past bij jouw standpunt. ";
    const int pages = estimateStepPages(step, b);
    CHECK(pages >= 2);  // about 150 characters a page at the floor (5 lines of about 30)
    CHECK(pages <= 4);
    step += step + step;
    CHECK(estimateStepPages(step, b) >= 2 * pages);
}

TEST_CASE("a stopped run is kept as text and restored at its step with its time, a bad one is refused", "[player][restart]") {
    const Exercise ex = threeSteps();
    FakeClock clock(Instant{1000000});
    ExercisePlayer p(ex);
    p.start(clock.steady());
    p.next(clock.steady());
    p.addMinutes(+1, clock.steady());
    clock.advanceMs(90000);
    CHECK_FALSE(p.stoppedRun({2026, 11, 26}));  // running: nothing to keep
    p.stop(clock.steady());
    const auto run = p.stoppedRun({2026, 11, 26});
    REQUIRE(run);
    const std::string text = run->serialise();
    CHECK(text == "2026-11-26|1|90000|60000|t");
    const auto back = StoppedRun::parse(text);
    REQUIRE(back);

    ExercisePlayer q(ex);  // the kiosk after a restart
    REQUIRE(q.restoreStopped(*back));
    CHECK(q.state() == State::stopped);
    CHECK(q.stepIndex() == 1);
    CHECK(q.remainingMs(clock.steady()) == (240 + 60 - 90) * 1000);  // the step's time, minute added
    clock.advanceMs(3600000);
    CHECK(q.remainingMs(clock.steady()) == (240 + 60 - 90) * 1000);  // a stopped run counts no time
    q.resume(clock.steady());
    clock.advanceMs(10000);
    CHECK(q.state() == State::running);
    CHECK(q.remainingMs(clock.steady()) == (240 + 60 - 100) * 1000);

    // Malformed text, another exercise, a step the file no longer has: not restored.
    for (const char* bad : {"", "2026-11-26|1|90000|60000|", "2026-13-26|1|0|0|t", "2026-11-26|x|0|0|t", "2026-11-26|1|-5|0|t",
                            "2026-11-26|1|0|0"})
        CHECK_FALSE(StoppedRun::parse(bad));
    ExercisePlayer r(ex);
    CHECK_FALSE(r.restoreStopped(*StoppedRun::parse("2026-11-26|3|0|0|t")));
    CHECK_FALSE(r.restoreStopped(*StoppedRun::parse("2026-11-26|0|0|0|other")));
    CHECK_FALSE(r.restoreStopped(*StoppedRun::parse("2026-11-26|0|0|-600000|t")));  // below the half-minute floor
    CHECK(r.state() == State::ready);
    // An id with a bar in it survives the round trip.
    CHECK(StoppedRun::parse("2026-11-26|0|0|0|a|b")->exerciseId == "a|b");
}

TEST_CASE("exercise_player across a restart, bounds: the last step and exactly the half-minute floor restore, one past does not", "[player][restart][boundary]") {
    const Exercise ex = threeSteps();  // 120, 240, 300 s
    for (const char* good : {"2026-11-26|2|0|0|t", "2026-11-26|0|0|-90000|t"}) {
        INFO(good);
        ExercisePlayer p(ex);
        CHECK(p.restoreStopped(*StoppedRun::parse(good)));
        CHECK(p.state() == State::stopped);
    }
    ExercisePlayer last(ex);
    REQUIRE(last.restoreStopped(*StoppedRun::parse("2026-11-26|0|0|-90000|t")));
    CHECK(last.remainingMs(SteadyTime{0}) == ExercisePlayer::kMinStepSeconds * 1000);
    for (const char* bad : {"2026-11-26|3|0|0|t", "2026-11-26|0|0|-90001|t"}) {
        INFO(bad);
        ExercisePlayer p(ex);
        CHECK_FALSE(p.restoreStopped(*StoppedRun::parse(bad)));
        CHECK(p.state() == State::ready);
    }
}
