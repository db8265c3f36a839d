// Migrations (store/store_schema.h): every schema version the kiosk ever shipped opens, migrates and
// keeps its data. tests/store/fixtures/schema-vN.db are databases as version N wrote them (kept in
// git, never regenerated). A database from a newer kiosk is refused, untouched. The history is in
// version order, and every way to the current version ends with the same schema.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <sqlite3.h>
#include <string>
#include <vector>

#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {

// The SQL without its comments ("-- ..." to the end of a line) and with each run of white space one
// space: the schema, not how its text was laid out.
std::string withoutComments(const std::string& sql) {
    std::string out;
    bool space = false;
    for (size_t i = 0; i < sql.size(); ++i) {
        if (sql.compare(i, 2, "--") == 0) {
            i = sql.find('\n', i);
            if (i == std::string::npos) break;
        }
        if (std::isspace(static_cast<unsigned char>(sql[i]))) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += sql[i];
    }
    return out;
}

// Every table, index and trigger of the file with its SQL as stored (sqlite_master), in name order;
// `bare`: the SQL without comments and layout (withoutComments).
std::vector<std::string> schemaOf(const std::filesystem::path& file, bool bare = false) {
    sqlite3* raw = nullptr;
    std::vector<std::string> out;
    if (sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(raw, "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name", -1, &st,
                           nullptr);
        while (st && sqlite3_step(st) == SQLITE_ROW) {
            std::string row;
            for (int c = 0; c < 4; ++c) row += std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, c))) + " | ";
            out.push_back(bare ? withoutComments(row) : row);
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(raw);
    return out;
}

int userVersion(sqlite3* raw) {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr);
    const int v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

}  // namespace

TEST_CASE("the schema history is in strict version order with no gaps", "[store][migration]") {
    const auto steps = storeSchemaSteps();
    REQUIRE(steps.size() == static_cast<size_t>(kStoreSchemaVersion));
    CHECK(AttendanceDb::kSchemaVersion == kStoreSchemaVersion);
    for (size_t i = 0; i < steps.size(); ++i) {
        INFO("step " << i);
        CHECK(steps[i].version == static_cast<int>(i) + 1);
        CHECK(std::string(steps[i].sql).find_first_not_of(" \n") != std::string::npos);
        CHECK_FALSE(std::string(steps[i].why).empty());
    }
}

TEST_CASE("a fresh database, one upgraded step by step and each old version end with the same schema",
          "[store][migration]") {
    test::TempDir dir;
    const auto now = test::localTime("2026-11-26T08:00");
    {
        AttendanceDb fresh;
        REQUIRE(fresh.open(dir / "fresh.db", now).status.ok());
    }
    const auto expected = schemaOf(dir / "fresh.db");
    REQUIRE(expected.size() > 5);
    // One version at a time, each on a connection of its own (as kiosks of each version in turn).
    for (int v = 1; v <= kStoreSchemaVersion; ++v) {
        INFO("step to v" << v);
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((dir / "stepped.db").c_str(), &raw) == SQLITE_OK);
        CHECK(migrateStoreSchema(raw, v).ok());
        CHECK(userVersion(raw) == v);
        sqlite3_close(raw);
    }
    CHECK(schemaOf(dir / "stepped.db") == expected);
    // A released step never changes (store_schema.h, contract 2): the files versions 1 to N wrote,
    // opened today, end with the schema a fresh file gets. Compared without SQL comments: the
    // fixture of version 5 was made with the step's table but not its column comments.
    for (int v = 1; v <= kStoreSchemaVersion; ++v) {
        INFO("fixture schema-v" << v);
        const auto name = "v" + std::to_string(v) + ".db";
        std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / ("tests/store/fixtures/schema-v" + std::to_string(v) + ".db"),
                                   dir / name);
        {
            AttendanceDb db;
            REQUIRE(db.open(dir / name, now).status.ok());
        }
        CHECK(schemaOf(dir / name, true) == schemaOf(dir / "fresh.db", true));
    }
}

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
