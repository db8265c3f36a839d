// Issue 33 in the store: the database's files tell the store thread of another writer's commit
// (file_watch.h; a slow safety poll where inotify is not there), and the daily full check can be
// left to the store thread (attendance_db.h, contract 4c; store_worker.h, START).
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "raw_sqlite.h"
#include "store/check_stamp.h"
#include "store/file_watch.h"
#include "store/store_worker.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
using test::checkIn;
using test::localTime;
namespace fs = std::filesystem;

namespace {

std::vector<StoreCompletion> waitFor(StoreWorker& w, size_t n, int ms = 4000) {
    std::vector<StoreCompletion> all;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (all.size() < n && std::chrono::steady_clock::now() < until) {
        auto c = w.takeCompletions();
        all.insert(all.end(), c.begin(), c.end());
        if (all.size() < n) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return all;
}

std::unique_ptr<AttendanceDb> openDb(const fs::path& file, const char* now = "2026-11-26T08:00") {
    auto db = std::make_unique<AttendanceDb>();
    REQUIRE(db->open(file, localTime(now)).status.ok());
    RosterImportResult r;
    REQUIRE(db->importRoster({test::participant("ZU01", "Anna", "X"), test::participant("ZU02", "Bram", "Y")}, localTime(now), r).ok());
    return db;
}

}  // namespace

TEST_CASE("a file watch tells of its files being written, created or replaced, and of nothing else", "[store][watch]") {
    test::TempDir dir;
    const fs::path db = dir / "a.db";
    std::ofstream(db) << "x";
    FileWatch watch = FileWatch::forDatabase(db);
    REQUIRE(watch.active());
    CHECK_FALSE(watch.drain());                         // nothing yet
    std::ofstream(dir / "other.txt") << "y";            // another file in the folder
    CHECK_FALSE(watch.wait(200));
    std::ofstream(db.string() + "-wal") << "frames";    // the -wal made by a first write
    CHECK(watch.wait(2000));
    std::ofstream(db, std::ios::app) << "more";         // the database written
    CHECK(watch.wait(2000));
    std::ofstream(dir / "restored.db") << "backup";
    fs::rename(dir / "restored.db", db);                // a backup put back by hand
    CHECK(watch.wait(2000));
    CHECK_FALSE(FileWatch::forDatabase(db, false).active());  // switched off: the caller polls slowly
}

TEST_CASE("the store thread takes in another connection's commit when the files change, and without inotify at its safety poll",
          "[store][watch][writers]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const fs::path file = dir / "a.db";
    auto db = openDb(file);
    int64_t seen = 0;
    REQUIRE(db->lastSeq(seen).ok());
    const bool inotify = GENERATE(true, false);
    // Without inotify the safety poll is set short here (the kiosk's is a minute).
    StoreWorker worker(std::move(db), {}, StoreWatching{inotify, 400});
    worker.follow(seen);
    REQUIRE(waitFor(worker, 1).size() == 1);
    AttendanceDb other;
    REQUIRE(other.openExisting(file).ok());
    const AttendanceEvent theirs = checkIn("ZU01", localTime("2026-11-26T09:00"));
    const auto committed = std::chrono::steady_clock::now();
    REQUIRE(other.appendEvent(theirs).ok());
    const auto got = waitFor(worker, 1, 2000);
    const auto took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - committed).count();
    REQUIRE(got.size() == 1);
    const auto* arrived = std::get_if<store_done::Arrived>(&got[0].result);
    REQUIRE(arrived);
    REQUIRE(arrived->events.size() == 1);
    CHECK(arrived->events[0].id == theirs.id);
    std::printf("%s: another connection's commit taken in after %.0f ms\n", inotify ? "inotify" : "safety poll (400 ms)", took);
    CHECK(took < 2000);
}

TEST_CASE("a deferred full check: open leaves it, the store thread runs it first, a sound file is stamped at the clean close",
          "[store][start][stamp]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const fs::path file = dir / "a.db";
    openDb(file, "2026-11-25T08:00");  // checked and stamped yesterday
    AttendanceDb today;
    const StoreOpenReport report = today.open(file, localTime("2026-11-26T08:00"), CheckTiming::deferred);
    REQUIRE(report.status.ok());
    CHECK(report.checkDeferred);       // a new day: the check is due, and left to the caller
    CHECK(today.checkDeferred(LocalDate{2026, 11, 26}).ok());
    today.close();
    {
        // The worker runs the check first, then the write queued behind it.
        auto db = std::make_unique<AttendanceDb>();
        REQUIRE(db->open(file, localTime("2026-11-27T08:00"), CheckTiming::deferred).checkDeferred);
        StoreWorker worker(std::move(db), {});
        const uint64_t check = worker.checkDeferred(LocalDate{2026, 11, 27});
        const uint64_t write = worker.append(checkIn("ZU01", localTime("2026-11-27T09:00")));
        const auto done = waitFor(worker, 2);
        REQUIRE(done.size() == 2);
        CHECK(done[0].ticket == check);
        CHECK(std::holds_alternative<store_done::Checked>(done[0].result));
        CHECK(done[0].status.ok());
        CHECK(done[1].ticket == write);
        CHECK(done[1].status.ok());
    }
    CHECK(soundSinceCheck(file, LocalDate{2026, 11, 27}));  // the clean close stamped what the check found sound
}

TEST_CASE("a deferred check that finds damage refuses everything queued after it and marks the file for a check at the next open",
          "[store][start][fault]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const fs::path file = dir / "a.db";
    openDb(file, "2026-11-25T08:00");
    sqlite3* raw = nullptr;  // 20,000 old events, written by another tool
    REQUIRE(sqlite3_open(file.c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw,
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)"
                         " INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date, source, kiosk_id)"
                         " SELECT printf('old-%08d', i), 'ZU01', 'check_in', 1700000000000 + i, 1700000000000 + i, '2025-11-01',"
                         " 'kiosk', 'oud' FROM n; PRAGMA wal_checkpoint(TRUNCATE);",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    const int64_t page = test::rawInt(file, "SELECT pageno FROM dbstat WHERE name = 'attendance_event' AND pagetype = 'leaf'"
                                            " ORDER BY pageno LIMIT 1 OFFSET 5");
    REQUIRE(page > 0);
    test::damagePage(file, page, test::rawInt(file, "PRAGMA page_size"));
    auto db = std::make_unique<AttendanceDb>();
    REQUIRE(db->open(file, localTime("2026-11-26T08:00"), CheckTiming::deferred).checkDeferred);
    {
        StoreWorker worker(std::move(db), {});
        worker.checkDeferred(LocalDate{2026, 11, 26});
        worker.decide({CheckAction::check_in, checkIn("ZU01", localTime("2026-11-26T09:00")), {}, localTime("2026-11-26T09:00")});
        worker.dailyBackup((dir / "backups").string(), LocalDate{2026, 11, 26}, 7);
        const auto done = waitFor(worker, 3);
        REQUIRE(done.size() == 3);
        for (const auto& c : done) CHECK(c.status.kind == StoreErrorKind::damaged);
        CHECK_FALSE(done[1].event());  // the tap was not written
    }
    CHECK(markedSuspect(file));
    CHECK_FALSE(fs::exists(dir / "backups" / "attendance-2026-11-26.db"));
    AttendanceDb next;
    const StoreOpenReport report = next.open(file, localTime("2026-11-26T08:05"), CheckTiming::deferred);
    CHECK_FALSE(report.checkDeferred);  // suspect: checked at open
    CHECK_FALSE(report.quarantinedTo.empty());
}
