// Migrations: every schema version the kiosk ever shipped opens, migrates and keeps its data.
// tests/store/fixtures/schema-vN.db are databases as version N wrote them (kept in git, never
// regenerated). A database from a newer kiosk is refused, untouched.
#include <catch2/catch.hpp>

#include <fstream>
#include <sqlite3.h>

#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;

TEST_CASE("every earlier schema version migrates to the current one with its data", "[store][migration]") {
    for (int v = 1; v <= AttendanceDb::kSchemaVersion; ++v) {
        INFO("schema v" << v);
        test::TempDir dir;
        const auto fixture = std::filesystem::path(KIOSK_SOURCE_DIR) / ("tests/store/fixtures/schema-v" + std::to_string(v) + ".db");
        REQUIRE(std::filesystem::exists(fixture));
        std::filesystem::copy_file(fixture, dir / "a.db");
        AttendanceDb db;
        const auto report = db.open(dir / "a.db", test::localTime("2026-11-26T08:00"));
        REQUIRE(report.status.ok());
        CHECK(report.schemaVersionBefore == v);
        CHECK(db.schemaVersion() == AttendanceDb::kSchemaVersion);
        size_t events = 0;
        REQUIRE(db.loadEvents([&](const AttendanceEvent&) { ++events; }).ok());
        CHECK(events == 3);  // what the fixture holds
        std::vector<StoredParticipant> people;
        REQUIRE(db.participants(people).ok());
        CHECK(people.size() == 2);
        // Version 4 keeps a participant's enrolment (issue 30): the fixture's ZU02 joined on day 2.
        if (v >= 4) {
            REQUIRE(people.size() == 2);
            CHECK(people[1].participant.from == LocalDate{2026, 12, 10});
            CHECK_FALSE(people[0].participant.from);
        }
        // Version 5 counts the day's question (day_feedback_store.cpp): the fixture's two answers.
        std::vector<FeedbackCount> counts;
        REQUIRE(db.feedbackCounts(LocalDate{2026, 11, 1}, LocalDate{2026, 12, 31}, counts).ok());
        CHECK(counts.size() == (v >= 5 ? 1u : 0u));
        if (v >= 5 && counts.size() == 1) CHECK(counts[0].count == 2);
        REQUIRE(db.countAnswer({LocalDate{2026, 11, 26}, "zutphen", "Hoe was deze dag voor je?", 1, "Goed", 0}).ok());
    }
}

TEST_CASE("an empty file (version 0) becomes the current schema", "[store][migration]") {
    test::TempDir dir;
    { std::ofstream touch(dir / "a.db"); }
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", test::localTime("2026-11-26T08:00")).status.ok());
    CHECK(db.schemaVersion() == AttendanceDb::kSchemaVersion);
}

TEST_CASE("a database from a newer kiosk is refused and left alone", "[store][migration]") {
    test::TempDir dir;
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open((dir / "a.db").c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "CREATE TABLE future(x); PRAGMA user_version = 99;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    AttendanceDb db;
    const auto report = db.open(dir / "a.db", test::localTime("2026-11-26T08:00"));
    CHECK(report.status.kind == StoreErrorKind::too_new);
    CHECK(report.quarantinedTo.empty());
    REQUIRE(sqlite3_open((dir / "a.db").c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == 99);
    sqlite3_finalize(st);
    sqlite3_close(raw);
}
