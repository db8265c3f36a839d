#include <catch2/catch.hpp>

#include "core/clock.h"
#include "core/pin_lockout.h"

using namespace kiosk;

TEST_CASE("pin_lockout rule 1: five wrong PINs lock the pad, each next lock-out lasts twice as long", "[pin]") {
    FakeClock clock(Instant{1000000});
    PinLockout p;
    for (int i = 0; i < 4; ++i) p.recordFailure(clock.steady());
    CHECK_FALSE(p.locked(clock.steady()));
    p.recordFailure(clock.steady());
    REQUIRE(p.locked(clock.steady()));
    CHECK(p.secondsLeft(clock.steady()) == 30);
    clock.advanceSeconds(29);
    CHECK(p.locked(clock.steady()));
    p.recordFailure(clock.steady());  // refused, not counted
    clock.advanceSeconds(1);
    CHECK_FALSE(p.locked(clock.steady()));
    for (int i = 0; i < 5; ++i) p.recordFailure(clock.steady());
    CHECK(p.secondsLeft(clock.steady()) == 60);
    clock.advanceSeconds(60);
    for (int i = 0; i < 5; ++i) p.recordFailure(clock.steady());
    CHECK(p.secondsLeft(clock.steady()) == 120);
}

TEST_CASE("the lock-out never exceeds an hour and a right PIN resets it", "[pin]") {
    FakeClock clock(Instant{0});
    PinLockout p;
    for (int round = 0; round < 12; ++round) {
        for (int i = 0; i < 5; ++i) p.recordFailure(clock.steady());
        CHECK(p.secondsLeft(clock.steady()) <= PinLockout::kMaxLockSeconds);
        clock.advanceSeconds(p.secondsLeft(clock.steady()));
    }
    CHECK(p.lockouts == 12);
    p.recordSuccess();
    CHECK(p.lockouts == 0);
    CHECK(p.failures == 0);
}

TEST_CASE("the lock-out survives a restart through its stored form", "[pin]") {
    FakeClock clock(Instant{1'800'000'000'000});
    PinLockout p;
    for (int i = 0; i < 5; ++i) p.recordFailure(clock.steady());
    clock.advanceSeconds(10);
    const std::string stored = p.serialise(clock.now(), clock.steady());
    // A restart: the steady clock starts from another zero, the wall clock runs on.
    FakeClock after(Instant{clock.now().ms + 5000});
    const auto back = PinLockout::parse(stored, after.now(), after.steady());
    REQUIRE(back);
    CHECK(back->locked(after.steady()));
    CHECK(back->secondsLeft(after.steady()) == 15);
    CHECK(back->lockouts == 1);
    CHECK_FALSE(PinLockout::parse("drie 1 0", after.now(), after.steady()));
    CHECK_FALSE(PinLockout::parse("1 1 0 extra", after.now(), after.steady()));
}

TEST_CASE("pin_lockout rule 3: within a run a stepped wall clock neither lifts nor stretches a lock-out",
          "[pin][clock]") {
    FakeClock clock(Instant{1'800'000'000'000});
    PinLockout p;
    for (int i = 0; i < 5; ++i) p.recordFailure(clock.steady());
    clock.stepWallMs(+3600 * 1000);
    CHECK(p.secondsLeft(clock.steady()) == 30);
    clock.stepWallMs(-3 * 3600 * 1000);
    clock.advanceSeconds(20);
    CHECK(p.secondsLeft(clock.steady()) == 10);
    clock.advanceSeconds(10);
    CHECK_FALSE(p.locked(clock.steady()));
}

TEST_CASE("a wall clock wrong at start never brings back a lock-out longer than an hour", "[pin][clock]") {
    FakeClock clock(Instant{1'800'000'000'000});
    PinLockout p;
    for (int i = 0; i < 5; ++i) p.recordFailure(clock.steady());
    const std::string stored = p.serialise(clock.now(), clock.steady());
    FakeClock early(Instant{clock.now().ms - 3 * 3600 * 1000});  // booted three hours behind
    const auto back = PinLockout::parse(stored, early.now(), early.steady());
    REQUIRE(back);
    CHECK(back->secondsLeft(early.steady()) == PinLockout::kMaxLockSeconds);
    FakeClock late(Instant{clock.now().ms + 3 * 3600 * 1000});  // or ahead: over
    CHECK_FALSE(PinLockout::parse(stored, late.now(), late.steady())->locked(late.steady()));
}

// ---- Boundaries (issue #21) ----

TEST_CASE("the 5th wrong PIN locks, the 4th does not, and the lock ends exactly at its last millisecond", "[pin][boundary]") {
    const SteadyTime t{2'000'000'000'000};
    PinLockout p;
    for (int i = 1; i <= 4; ++i) {
        p.recordFailure(t);
        CHECK_FALSE(p.locked(t));
    }
    p.recordFailure(t);  // the 5th
    REQUIRE(p.locked(t));
    CHECK(p.locked(SteadyTime{t.ms + 29'999}));
    CHECK(p.secondsLeft(SteadyTime{t.ms + 29'999}) == 1);
    CHECK_FALSE(p.locked(SteadyTime{t.ms + 30'000}));
    CHECK(p.secondsLeft(SteadyTime{t.ms + 30'000}) == 0);
    CHECK_FALSE(p.locked(SteadyTime{t.ms + 30'001}));
}

TEST_CASE("each lock-out doubles from 30 s and stops at exactly an hour", "[pin][boundary]") {
    SteadyTime t{1'000'000};
    PinLockout p;
    // 30, 60, 120, 240, 480, 960, 1920, then 3840 capped at 3600, and it stays there.
    const int expected[] = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600};
    for (const int seconds : expected) {
        for (int i = 0; i < 4; ++i) p.recordFailure(t);
        REQUIRE_FALSE(p.locked(t));
        p.recordFailure(t);
        CHECK(p.secondsLeft(t) == seconds);
        CHECK(p.locked(SteadyTime{t.ms + seconds * 1000LL - 1}));
        t = SteadyTime{t.ms + seconds * 1000LL};
        CHECK_FALSE(p.locked(t));
    }
}

TEST_CASE("a wrong PIN typed during a lock-out is not counted and does not lengthen it", "[pin][boundary]") {
    const SteadyTime t{5'000'000};
    PinLockout p;
    for (int i = 0; i < 5; ++i) p.recordFailure(t);
    REQUIRE(p.secondsLeft(t) == 30);
    const SteadyTime during{t.ms + 10'000};
    for (int i = 0; i < 12; ++i) p.recordFailure(during);  // a passer-by keeps typing
    CHECK(p.failures == 0);
    CHECK(p.lockouts == 1);
    CHECK(p.secondsLeft(during) == 20);                      // not lengthened
    CHECK_FALSE(p.locked(SteadyTime{t.ms + 30'000}));           // ends when the first lock-out ends
    // After it, the count starts afresh: four tries are free, the fifth locks for 60 s (not more).
    const SteadyTime after{t.ms + 30'000};
    for (int i = 0; i < 4; ++i) p.recordFailure(after);
    CHECK_FALSE(p.locked(after));
    p.recordFailure(after);
    CHECK(p.secondsLeft(after) == 60);
}

namespace {
// Wrong tries as an attacker makes them: one after another, waiting out every timed lock-out.
int failUntilFinal(PinLockout& p, FakeClock& clock, int maxTries) {
    int tries = 0;
    while (tries < maxTries && !p.finalLock()) {
        clock.advanceSeconds(p.secondsLeft(clock.steady()));
        p.recordFailure(clock.steady());
        ++tries;
    }
    return tries;
}
}  // namespace

TEST_CASE("pin_lockout rule 2: after 100 wrong tries in a row the pad stays locked, whatever the clock does", "[pin]") {
    FakeClock clock(Instant{1'800'000'000'000});
    PinLockout p;
    p.key = "abc123";
    CHECK(failUntilFinal(p, clock, 1000) == PinLockout::kFinalLockTries);
    REQUIRE(p.finalLock());
    clock.advanceSeconds(365 * 24 * 3600);  // a year later, still locked
    CHECK(p.locked(clock.steady()));
    CHECK(p.secondsLeft(clock.steady()) == 0);
    p.recordFailure(clock.steady());
    CHECK(p.consecutive == PinLockout::kFinalLockTries);
    // It survives a restart, with its key; a wall clock set far ahead does not lift it either.
    FakeClock after(Instant{clock.now().ms + 10LL * 365 * 24 * 3600 * 1000});
    const auto back = PinLockout::parse(p.serialise(clock.now(), clock.steady()), after.now(), after.steady());
    REQUIRE(back);
    CHECK(back->locked(after.steady()));
    CHECK(back->key == "abc123");
}

TEST_CASE("99 wrong tries and a right one: the count starts again", "[pin]") {
    FakeClock clock(Instant{0});
    PinLockout p;
    CHECK(failUntilFinal(p, clock, 99) == 99);
    CHECK_FALSE(p.finalLock());
    clock.advanceSeconds(p.secondsLeft(clock.steady()));
    CHECK_FALSE(p.locked(clock.steady()));
    p.recordSuccess();
    CHECK(p.consecutive == 0);
    CHECK(failUntilFinal(p, clock, 99) == 99);
    CHECK_FALSE(p.finalLock());
}

TEST_CASE("pin_lockout rule 4: a stored lock-out with absurd counts is bounded: no overflow, no lock longer than an hour",
          "[pin]") {
    FakeClock clock(Instant{1'800'000'000'000});
    const auto p = PinLockout::parse("2147483647 2147483647 0 99999999999999 -", clock.now(), clock.steady());
    REQUIRE(p);
    CHECK(p->failures <= PinLockout::kTriesBeforeLock);
    CHECK(p->consecutive == PinLockout::kFinalLockTries);
    CHECK(p->key.empty());
    PinLockout q = *PinLockout::parse("2147483647 2147483647 0", clock.now(), clock.steady());  // the older form
    q.recordFailure(clock.steady());
    CHECK(q.secondsLeft(clock.steady()) == PinLockout::kMaxLockSeconds);
    CHECK(q.lockouts <= PinLockout::kFinalLockTries);
    CHECK_FALSE(PinLockout::parse("1 1 0 x k", clock.now(), clock.steady()));
    CHECK_FALSE(PinLockout::parse("1 1 0 3", clock.now(), clock.steady()));
    CHECK_FALSE(PinLockout::parse("1 1 0 3 k extra", clock.now(), clock.steady()));
}

TEST_CASE("a new secret lifts the final lock and the same secret keeps it", "[pin]") {
    FakeClock clock(Instant{0});
    PinLockout p;
    p.belongTo("oud");
    failUntilFinal(p, clock, 1000);
    REQUIRE(p.finalLock());
    p.belongTo("oud");  // a config reload with the same PIN
    CHECK(p.locked(clock.steady()));
    p.belongTo("nieuw");  // set-pin
    CHECK_FALSE(p.locked(clock.steady()));
    CHECK(p.consecutive == 0);
    CHECK(p.key == "nieuw");
    PinLockout older = *PinLockout::parse("3 2 0", clock.now(), clock.steady());
    older.belongTo("nieuw");  // stored before keys: kept, as this PIN's
    CHECK(older.failures == 3);
    CHECK(older.lockouts == 2);
// ---- Bound: many lock-outs (issue 34) ----
}

TEST_CASE("pin lock-out bound: every lock-out up to the final lock lasts at most an hour (the doubling never overflows)", "[pin][boundary]") {
    SteadyTime t{1'000'000};
    PinLockout p;
    const int lockoutsBeforeFinal = PinLockout::kFinalLockTries / PinLockout::kTriesBeforeLock - 1;  // 19: 95 wrong tries
    for (int n = 1; n <= lockoutsBeforeFinal; ++n) {
        for (int i = 0; i < PinLockout::kTriesBeforeLock; ++i) p.recordFailure(t);
        INFO("lock-out " << n);
        REQUIRE(p.locked(t));
        REQUIRE_FALSE(p.finalLock());
        if (n >= 8) REQUIRE(p.secondsLeft(t) == PinLockout::kMaxLockSeconds);
        REQUIRE(p.locked(SteadyTime{t.ms + p.secondsLeft(t) * 1000LL - 1}));
        t = SteadyTime{t.ms + p.secondsLeft(t) * 1000LL};
    }
    CHECK(p.lockouts == lockoutsBeforeFinal);
    for (int i = 0; i < PinLockout::kTriesBeforeLock; ++i) p.recordFailure(t);  // the 100th wrong try
    CHECK(p.finalLock());
    // A count of lock-outs brought back from the database after a long siege: still an hour.
    const auto back = PinLockout::parse("4 5000 0", Instant{1'800'000'000'000}, t);
    REQUIRE(back);
    PinLockout q = *back;
    q.recordFailure(t);
    CHECK(q.secondsLeft(t) == PinLockout::kMaxLockSeconds);
}

TEST_CASE("pin_lockout rule 4, bound: the 29th, 30th and 31st lock-out each last exactly an hour, never less",
          "[pin][boundary]") {
    // Only a stored form brings a count this high (a right PIN or a new secret resets it in a run),
    // and 30 s doubled 29 times no longer fits an int: the lock-out must still be the hour.
    const Instant wall{1'800'000'000'000};
    const SteadyTime t{1'000'000};
    for (const int before : {28, 29, 30}) {
        INFO("lock-out " << before + 1);
        auto back = PinLockout::parse("4 " + std::to_string(before) + " 0 0 k", wall, t);
        REQUIRE(back);
        PinLockout p = *back;
        REQUIRE_FALSE(p.locked(t));
        p.recordFailure(t);  // the 5th wrong try of this round
        CHECK(p.secondsLeft(t) == PinLockout::kMaxLockSeconds);
        CHECK(p.locked(SteadyTime{t.ms + PinLockout::kMaxLockSeconds * 1000LL - 1}));
        CHECK_FALSE(p.locked(SteadyTime{t.ms + PinLockout::kMaxLockSeconds * 1000LL}));
        CHECK(p.lockouts == before + 1);
    }
}
