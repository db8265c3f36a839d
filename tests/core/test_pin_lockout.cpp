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
