#include <catch2/catch.hpp>

#include "core/clock.h"
#include "core/pin_lockout.h"

using namespace kiosk;

TEST_CASE("five wrong PINs lock the pad, each next lock-out lasts twice as long", "[pin]") {
    FakeClock clock(Instant{1000000});
    PinLockout p;
    for (int i = 0; i < 4; ++i) p.recordFailure(clock.now());
    CHECK_FALSE(p.locked(clock.now()));
    p.recordFailure(clock.now());
    REQUIRE(p.locked(clock.now()));
    CHECK(p.secondsLeft(clock.now()) == 30);
    clock.advanceSeconds(29);
    CHECK(p.locked(clock.now()));
    p.recordFailure(clock.now());  // refused, not counted
    clock.advanceSeconds(1);
    CHECK_FALSE(p.locked(clock.now()));
    for (int i = 0; i < 5; ++i) p.recordFailure(clock.now());
    CHECK(p.secondsLeft(clock.now()) == 60);
    clock.advanceSeconds(60);
    for (int i = 0; i < 5; ++i) p.recordFailure(clock.now());
    CHECK(p.secondsLeft(clock.now()) == 120);
}

TEST_CASE("the lock-out never exceeds an hour and a right PIN resets it", "[pin]") {
    FakeClock clock(Instant{0});
    PinLockout p;
    for (int round = 0; round < 12; ++round) {
        for (int i = 0; i < 5; ++i) p.recordFailure(clock.now());
        CHECK(p.secondsLeft(clock.now()) <= PinLockout::kMaxLockSeconds);
        clock.advanceSeconds(p.secondsLeft(clock.now()));
    }
    CHECK(p.lockouts == 12);
    p.recordSuccess();
    CHECK(p.lockouts == 0);
    CHECK(p.failures == 0);
}

TEST_CASE("the lock-out survives a restart through its stored form", "[pin]") {
    FakeClock clock(Instant{5000});
    PinLockout p;
    for (int i = 0; i < 5; ++i) p.recordFailure(clock.now());
    const auto back = PinLockout::parse(p.serialise());
    REQUIRE(back);
    CHECK(back->locked(clock.now()));
    CHECK(back->secondsLeft(clock.now()) == 30);
    CHECK_FALSE(PinLockout::parse("drie 1 0"));
    CHECK_FALSE(PinLockout::parse("1 1 0 extra"));
}

TEST_CASE("a clock stepped back never makes a lock-out longer than an hour", "[pin]") {
    PinLockout p;
    const Instant t{1'800'000'000'000};
    for (int i = 0; i < 5; ++i) p.recordFailure(t);
    REQUIRE(p.secondsLeft(t) == 30);
    const Instant back{t.ms - 3 * 3600 * 1000};  // three hours earlier
    p.clamp(back);
    CHECK(p.secondsLeft(back) == PinLockout::kMaxLockSeconds);
    p.clamp(t);  // a clock that is right again keeps the shorter lock-out
    CHECK(p.secondsLeft(t) == 0);
}

// ---- Boundaries (issue #21) ----

TEST_CASE("the 5th wrong PIN locks, the 4th does not, and the lock ends exactly at its last millisecond", "[pin][boundary]") {
    const Instant t{2'000'000'000'000};
    PinLockout p;
    for (int i = 1; i <= 4; ++i) {
        p.recordFailure(t);
        CHECK_FALSE(p.locked(t));
    }
    p.recordFailure(t);  // the 5th
    REQUIRE(p.locked(t));
    CHECK(p.locked(Instant{t.ms + 29'999}));
    CHECK(p.secondsLeft(Instant{t.ms + 29'999}) == 1);
    CHECK_FALSE(p.locked(Instant{t.ms + 30'000}));
    CHECK(p.secondsLeft(Instant{t.ms + 30'000}) == 0);
    CHECK_FALSE(p.locked(Instant{t.ms + 30'001}));
}

TEST_CASE("each lock-out doubles from 30 s and stops at exactly an hour", "[pin][boundary]") {
    Instant t{1'000'000};
    PinLockout p;
    // 30, 60, 120, 240, 480, 960, 1920, then 3840 capped at 3600, and it stays there.
    const int expected[] = {30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600};
    for (const int seconds : expected) {
        for (int i = 0; i < 4; ++i) p.recordFailure(t);
        REQUIRE_FALSE(p.locked(t));
        p.recordFailure(t);
        CHECK(p.secondsLeft(t) == seconds);
        CHECK(p.locked(Instant{t.ms + seconds * 1000LL - 1}));
        t = Instant{t.ms + seconds * 1000LL};
        CHECK_FALSE(p.locked(t));
    }
}

TEST_CASE("a wrong PIN typed during a lock-out is not counted and does not lengthen it", "[pin][boundary]") {
    const Instant t{5'000'000};
    PinLockout p;
    for (int i = 0; i < 5; ++i) p.recordFailure(t);
    REQUIRE(p.secondsLeft(t) == 30);
    const Instant during{t.ms + 10'000};
    for (int i = 0; i < 12; ++i) p.recordFailure(during);  // a passer-by keeps typing
    CHECK(p.failures == 0);
    CHECK(p.lockouts == 1);
    CHECK(p.secondsLeft(during) == 20);                      // not lengthened
    CHECK_FALSE(p.locked(Instant{t.ms + 30'000}));           // ends when the first lock-out ends
    // After it, the count starts afresh: four tries are free, the fifth locks for 60 s (not more).
    const Instant after{t.ms + 30'000};
    for (int i = 0; i < 4; ++i) p.recordFailure(after);
    CHECK_FALSE(p.locked(after));
    p.recordFailure(after);
    CHECK(p.secondsLeft(after) == 60);
}
