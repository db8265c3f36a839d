// Faults: a full disk, a read-only file, a locked database, a damaged file. Each comes back as a
// typed status (never a throw, never a false "stored"), and the store recovers by itself when the
// cause is gone.
#include <catch2/catch.hpp>

#include <fstream>
#include <sqlite3.h>
#include <unistd.h>

#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
using test::checkIn;
using test::localTime;

namespace {

void openWithRoster(AttendanceDb& db, const std::filesystem::path& file) {
    REQUIRE(db.open(file, localTime("2026-11-26T08:00")).status.ok());
    RosterImportResult r;
    REQUIRE(db.importRoster({test::participant("ZU01", "Anna", "Vries", "de")}, localTime("2026-11-26T08:00"), r).ok());
}

size_t eventCount(AttendanceDb& db) {
    size_t n = 0;
    REQUIRE(db.loadEvents([&](const AttendanceEvent&) { ++n; }).ok());
    return n;
}

// Makes a file unwritable even for root (chattr +i), or by permissions for others. False if neither works here.
bool makeReadOnly(const std::filesystem::path& p, bool on) {
    if (geteuid() != 0) {
        std::filesystem::permissions(p, on ? std::filesystem::perms::owner_read
                                           : std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        return true;
    }
    const std::string cmd = std::string("chattr ") + (on ? "+i" : "-i") + " '" + p.string() + "' 2>/dev/null";
    return std::system(cmd.c_str()) == 0;
}

}  // namespace

TEST_CASE("a full disk is reported as such, stores nothing, and passes", "[store][fault]") {
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))).ok());
    // Fill the "disk": no page may be added beyond the current ones.
    REQUIRE(db.setMaxPageCount(1).ok());
    StoreStatus s;
    int attempts = 0;
    do {
        auto e = checkIn("ZU01", localTime("2026-11-26T09:00"));
        e.reason = std::string(3000, 'x');  // large rows fill pages fast
        s = db.appendEvent(e);
    } while (s.ok() && ++attempts < 200);
    REQUIRE_FALSE(s.ok());
    CHECK(s.kind == StoreErrorKind::disk_full);
    const size_t before = eventCount(db);
    // Space again: the next write succeeds without a restart.
    REQUIRE(db.setMaxPageCount(1000000).ok());
    REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:01"))).ok());
    CHECK(eventCount(db) == before + 1);
    std::string check;
    REQUIRE(db.integrityCheck(check).ok());
    CHECK(check == "ok");
}

TEST_CASE("attendance_db rule 5: a read-only database is reported as such and recovers when writable again",
          "[store][fault]") {
    test::TempDir dir;
    const auto file = dir / "a.db";
    {
        AttendanceDb db;
        openWithRoster(db, file);
    }
    if (!makeReadOnly(file, true)) {
        WARN("cannot make a file read-only on this machine (no chattr); skipped");
        return;
    }
    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T08:00"));
    const auto s = report.status.ok() ? db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))) : report.status;
    makeReadOnly(file, false);
    CHECK_FALSE(s.ok());
    CHECK(s.kind == StoreErrorKind::read_only);
    // The cause is gone: the same object writes again (it reopens by itself).
    CHECK(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:01"))).ok());
    CHECK(eventCount(db) == 1);
}

TEST_CASE("a locked database is reported as such and recovers when the lock is released", "[store][fault]") {
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open((dir / "a.db").c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
    const auto s = db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00")));
    CHECK(s.kind == StoreErrorKind::locked);
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    CHECK(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:01"))).ok());
    CHECK(eventCount(db) == 1);
}

TEST_CASE("attendance_db rule 4: a damaged database is moved aside, never deleted, and a fresh one carries over what it can",
          "[store][fault]") {
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    {
        AttendanceDb db;
        openWithRoster(db, file);
        for (int i = 0; i < 20; ++i) REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))).ok());
        int removed = 0;
        REQUIRE(db.purge({2000, 1, 1}, removed).ok());  // checkpoint: everything in the main file
    }
    // Scribble over the middle of the file (the header survives, pages do not).
    const auto size = std::filesystem::file_size(file);
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(size / 2));
        const std::string junk(static_cast<size_t>(size / 4), '\x5A');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T12:34"));
    REQUIRE(report.status.ok());
    REQUIRE_FALSE(report.quarantinedTo.empty());
    CHECK(report.quarantinedTo.find("attendance.db.damaged-20261126-123400") != std::string::npos);
    CHECK(std::filesystem::exists(report.quarantinedTo));
    std::string check;
    REQUIRE(db.integrityCheck(check).ok());
    CHECK(check == "ok");
    // The fresh database works.
    RosterImportResult r;
    REQUIRE(db.importRoster({test::participant("ZU01", "Anna", "Vries", "de")}, localTime("2026-11-26T12:35"), r).ok());
    CHECK(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T12:35"))).ok());
}

TEST_CASE("a file that is not a database at all is moved aside too", "[store][fault]") {
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    std::ofstream(file) << "dit is geen database, maar een boodschappenlijst\n";
    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T12:00"));
    REQUIRE(report.status.ok());
    CHECK_FALSE(report.quarantinedTo.empty());
    CHECK(db.schemaVersion() == AttendanceDb::kSchemaVersion);
}
