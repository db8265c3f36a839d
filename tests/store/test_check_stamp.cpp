// Contract 4c (attendance_db.h, check_stamp.h): the full check at open is skipped only for the file
// a check found sound the same day and that closed cleanly since; a file touched since, or the
// next day, is checked in full (and a damaged one quarantined).
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <chrono>
#include <memory>
#include <thread>

#include "raw_sqlite.h"
#include "store/check_stamp.h"
#include "store/store_worker.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
using test::checkIn;
using test::localTime;
using test::rawInt;
namespace fs = std::filesystem;

namespace {

// A record closed cleanly after its check: 300 check-ins on 2026-11-26.
void makeRecord(const fs::path& file) {
    AttendanceDb db;
    REQUIRE(db.open(file, localTime("2026-11-26T08:00")).status.ok());
    RosterImportResult r;
    REQUIRE(db.importRoster({test::participant("ZU01", "Anna", "Vries", "de")}, localTime("2026-11-26T08:00"), r).ok());
    for (int i = 0; i < 300; ++i) REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))).ok());
}  // the clean close stamps it

// A bad sector in the event log, the file's size kept; `keepTime`: its modification time put back.
void damageEvents(const fs::path& file, bool keepTime) {
    const auto before = fs::last_write_time(file);
    const int64_t page = rawInt(file, "SELECT pageno FROM dbstat WHERE name = 'attendance_event' AND pagetype = 'leaf' LIMIT 1");
    const int64_t size = rawInt(file, "PRAGMA page_size");
    REQUIRE(page > 1);
    test::damagePage(file, page, size);
    if (keepTime) fs::last_write_time(file, before);
}

}  // namespace

TEST_CASE("a file changed since its clean close is checked in full at the next open, the same day too", "[store][fault][quarantine][stamp]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const fs::path file = dir / "attendance.db";
    makeRecord(file);
    REQUIRE(fs::exists(file.string() + ".checked"));
    damageEvents(file, false);
    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T12:00"));
    CHECK_FALSE(report.quarantinedTo.empty());
}

TEST_CASE("the same file the same day opens without the full check, the next day it is checked again", "[store][fault][quarantine][stamp]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const fs::path file = dir / "attendance.db";
    makeRecord(file);
    // Damage that leaves size and time as they were (a bad sector under an unchanged file): the
    // same day's restart trusts the morning's check, by design; the next day's first start does not.
    damageEvents(file, true);
    {
        AttendanceDb db;
        const auto report = db.open(file, localTime("2026-11-26T12:00"));
        CHECK(report.status.ok());
        CHECK(report.quarantinedTo.empty());
    }
    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-27T08:00"));
    CHECK_FALSE(report.quarantinedTo.empty());
    // A crash leaves no stamp that could match: the open forgot it before anything could change.
    CHECK_FALSE(fs::exists(file.string() + ".checked"));
}

TEST_CASE("a connection that saw trouble, or was reopened, leaves no stamp: the next start checks in full", "[store][fault][stamp]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const fs::path file = dir / "attendance.db";
    makeRecord(file);
    REQUIRE(fs::exists(file.string() + ".checked"));
    SECTION("a damaged page or an I/O error at runtime (the store thread distrusts the check)") {
        {
            AttendanceDb db;
            REQUIRE(db.open(file, localTime("2026-11-26T12:00")).status.ok());
            db.distrustCheck();
        }
        // No stamp that says sound: the file is marked suspect, checked first even by a deferred open.
        CHECK_FALSE(soundSinceCheck(file, LocalDate::parse("2026-11-26").value()));
        CHECK(markedSuspect(file));
    }
    SECTION("a connection closed and opened again (a replaced file, a recovery) is not the one checked") {
        {
            AttendanceDb db;
            REQUIRE(db.open(file, localTime("2026-11-26T12:00")).status.ok());
            db.close();
            REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T12:01"))).ok());  // reopens
        }
        CHECK_FALSE(fs::exists(file.string() + ".checked"));
    }
    SECTION("an untroubled connection stamps again at its clean close") {
        {
            AttendanceDb db;
            REQUIRE(db.open(file, localTime("2026-11-26T12:00")).status.ok());
            REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T12:01"))).ok());
        }
        CHECK(fs::exists(file.string() + ".checked"));
    }
}

TEST_CASE("attendance_db contract 4c: an I/O error seen by the store thread leaves no 'checked today' stamp", "[store][fault][stamp]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const fs::path file = dir / "attendance.db";
    makeRecord(file);
    REQUIRE(fs::exists(file.string() + ".checked"));
    { std::ofstream(dir / "afile") << "not a folder"; }
    auto db = std::make_unique<AttendanceDb>();
    REQUIRE(db->open(file, localTime("2026-11-26T12:00")).status.ok());
    {
        StoreWorker worker(std::move(db), [] {});
        // The day's backup into a "folder" that is a file: the copy cannot be opened, an I/O error.
        const uint64_t ticket = worker.dailyBackup((dir / "afile" / "backups").string(), LocalDate{2026, 11, 26}, 7);
        std::vector<StoreCompletion> done;
        for (int i = 0; i < 2000 && done.empty(); ++i) {
            done = worker.takeCompletions();
            if (done.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        REQUIRE(done.size() == 1);
        CHECK(done[0].ticket == ticket);
        CHECK(done[0].status.kind == StoreErrorKind::io);
    }  // the worker stops and the connection closes cleanly
    // The stamp now says "suspect" (distrustCheck), not "checked today": the next open, even the
    // same day after this clean close, runs the full check first.
    CHECK(markedSuspect(file));
    CHECK_FALSE(soundSinceCheck(file, LocalDate{2026, 11, 26}));
    AttendanceDb next;
    const StoreOpenReport report = next.open(file, localTime("2026-11-26T12:05"), CheckTiming::deferred);
    REQUIRE(report.status.ok());
    CHECK_FALSE(report.checkDeferred);  // checked before anything else
}
