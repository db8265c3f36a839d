// The store thread: submits return at once, completions arrive in order with the stored event or a
// typed error, and nothing queued is lost when the worker stops.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/store_worker.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
using test::checkIn;
using test::localTime;

namespace {

std::vector<StoreCompletion> waitFor(StoreWorker& w, size_t n) {
    std::vector<StoreCompletion> all;
    for (int i = 0; i < 2000 && all.size() < n; ++i) {
        auto c = w.takeCompletions();
        all.insert(all.end(), c.begin(), c.end());
        if (all.size() < n) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return all;
}

std::unique_ptr<AttendanceDb> openDb(const std::filesystem::path& file) {
    auto db = std::make_unique<AttendanceDb>();
    REQUIRE(db->open(file, localTime("2026-11-26T08:00")).status.ok());
    RosterImportResult r;
    std::vector<Participant> roster;
    for (int i = 1; i <= 15; ++i) roster.push_back(test::participant("ZU" + std::to_string(10 + i), "P" + std::to_string(i), "X"));
    REQUIRE(db->importRoster(roster, localTime("2026-11-26T08:00"), r).ok());
    return db;
}

}  // namespace

TEST_CASE("a burst of 15 check-ins is committed in order and each completion is reported", "[store][worker]") {
    test::TempDir dir;
    std::atomic<int> wakes{0};
    std::vector<uint64_t> tickets;
    std::vector<std::string> ids;
    {
        StoreWorker worker(openDb(dir / "a.db"), [&] { ++wakes; });
        for (int i = 1; i <= 15; ++i) {
            auto e = checkIn("ZU" + std::to_string(10 + i), localTime("2026-11-26T09:00"));
            ids.push_back(e.id);
            tickets.push_back(worker.append(std::move(e)));
        }
        const auto done = waitFor(worker, 15);
        REQUIRE(done.size() == 15);
        for (size_t i = 0; i < 15; ++i) {
            CHECK(done[i].ticket == tickets[i]);
            CHECK(done[i].status.ok());
            REQUIRE(done[i].event());
            CHECK(done[i].event()->id == ids[i]);
        }
        CHECK(wakes == 15);
        CHECK(worker.pending() == 0);
    }
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", localTime("2026-11-26T10:00")).status.ok());
    AttendanceLedger ledger;
    REQUIRE(db.loadEvents([&](const AttendanceEvent& e) { ledger.apply(e); }).ok());
    CHECK(ledger.eventCount() == 15);
}

TEST_CASE("an error comes back as a completion, not as a stored check-in", "[store][worker]") {
    test::TempDir dir;
    StoreWorker worker(openDb(dir / "a.db"), {});
    worker.append(checkIn("UNKNOWN", localTime("2026-11-26T09:00")));  // refused by the foreign key
    const auto done = waitFor(worker, 1);
    REQUIRE(done.size() == 1);
    CHECK_FALSE(done[0].status.ok());
}

TEST_CASE("stopping the worker finishes everything already queued", "[store][worker]") {
    test::TempDir dir;
    {
        StoreWorker worker(openDb(dir / "a.db"), {});
        for (int i = 0; i < 50; ++i) worker.append(checkIn("ZU11", localTime("2026-11-26T09:00")));
    }  // destructor: drains the queue
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", localTime("2026-11-26T10:00")).status.ok());
    size_t n = 0;
    REQUIRE(db.loadEvents([&](const AttendanceEvent&) { ++n; }).ok());
    CHECK(n == 50);
}
