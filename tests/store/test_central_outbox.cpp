// The central outbox (store/central_outbox.h): every event is marked for upload in the transaction
// that writes it, pulled events are not, and a pull repeated stores nothing twice.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "event_support.h"
#include "raw_sqlite.h"
#include "store/central_outbox.h"
#include "store/meta_keys.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {

CentralEventRow pulledFrom(const std::string& origin, int64_t seq, const std::string& id, const std::string& code) {
    CentralEventRow r;
    r.originKiosk = origin;
    r.seq = seq;
    r.id = id;
    r.participantCode = code;
    r.kind = "check_in";
    r.atMs = test::localTime("2026-11-26T09:05").ms;
    r.recordedMs = r.atMs;
    r.localDate = "2026-11-26";
    r.source = "kiosk";
    r.kioskId = origin;
    return r;
}

}  // namespace

TEST_CASE("central_outbox rule 2: every event written is waiting for upload until the server has it",
          "[store][outbox]") {
    test::TempDir dir;
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", test::localTime("2026-11-26T08:00")).status.ok());
    RosterImportResult imported;
    REQUIRE(db.importRoster({test::participant("ZU01", "Anna", "Vries", "de"), test::participant("ZU02", "Zoë", "Berg")},
                            test::localTime("2026-11-26T08:00"), imported).ok());
    REQUIRE(db.appendEvent(test::eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:01")).ok());
    const AttendanceEvent second = test::eventAt(EventKind::check_in, "ZU02", "2026-11-26T09:02");
    REQUIRE(db.appendEvent(second).ok());
    REQUIRE(db.appendEvent(second).ok());  // the same event again: stored once, waiting once

    CentralOutbox outbox;
    REQUIRE(outbox.open(dir / "a.db").ok());
    int64_t n = 0;
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == 2);
    std::vector<CentralEventRow> rows;
    REQUIRE(outbox.waiting(10, rows).ok());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].participantCode == std::optional<std::string>("ZU01"));
    CHECK(rows[1].id == second.id);
    CHECK(rows[0].seq < rows[1].seq);

    REQUIRE(outbox.markUploaded({rows[0].seq}).ok());
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == 1);
    REQUIRE(outbox.waiting(10, rows).ok());
    CHECK(rows.size() == 1);
    CHECK(rows[0].id == second.id);
}

TEST_CASE("central_outbox rule 3: pulled events are stored once, never sent back, and set the high-water mark",
          "[store][outbox]") {
    test::TempDir dir;
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", test::localTime("2026-11-26T08:00")).status.ok());
    CentralOutbox outbox;
    REQUIRE(outbox.open(dir / "a.db").ok());
    const std::vector<CentralEventRow> batch{pulledFrom("zaal", 1, "z-1", "ZU01"), pulledFrom("zaal", 2, "z-2", "ZU09"),
                                             pulledFrom("bar", 7, "b-7", "ZU01")};
    int inserted = 0;
    REQUIRE(outbox.insertPulled(batch, test::localTime("2026-11-26T10:00").ms, inserted).ok());
    CHECK(inserted == 3);
    REQUIRE(outbox.insertPulled(batch, test::localTime("2026-11-26T10:00").ms, inserted).ok());
    CHECK(inserted == 0);

    int64_t n = -1;
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == 0);
    using Marks = std::map<std::pair<std::string, int64_t>, int64_t>;
    Marks marks;
    REQUIRE(outbox.highWaterMarks(marks).ok());
    CHECK(marks == Marks{{{"bar", 0}, 7}, {{"zaal", 0}, 2}});
    // zaal restored from a backup: its sequence numbers start again under a new epoch. Number 1
    // again is a new event, stored and never sent back, with a mark of its own.
    CentralEventRow again = pulledFrom("zaal", 1, "z2-1", "ZU02");
    again.originEpoch = 77;
    REQUIRE(outbox.insertPulled({again}, test::localTime("2026-11-26T10:00").ms, inserted).ok());
    CHECK(inserted == 1);
    REQUIRE(outbox.highWaterMarks(marks).ok());
    CHECK(marks == Marks{{{"bar", 0}, 7}, {{"zaal", 0}, 2}, {{"zaal", 77}, 1}});
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == 0);

    // The day as the kiosk reads it: Anna checked in (at another kiosk), and ZU09, whom this kiosk's
    // roster lacks, is kept under an inactive placeholder rather than refused.
    std::vector<AttendanceEvent> day;
    REQUIRE(db.loadEventsForDay(*LocalDate::parse("2026-11-26"), day).ok());
    CHECK(day.size() == 4);
    std::optional<StoredParticipant> unknown;
    REQUIRE(db.findParticipant("ZU09", unknown).ok());
    REQUIRE(unknown);
    CHECK_FALSE(unknown->active);
    // A local event written after the pull still goes into the outbox.
    REQUIRE(db.appendEvent(test::eventAt(EventKind::check_out, "ZU01", "2026-11-26T16:00")).ok());
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == 1);
}

TEST_CASE("a database from before the outbox marks its history for upload when it migrates", "[store][outbox]") {
    test::TempDir dir;
    std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/store/fixtures/schema-v1.db", dir / "a.db");
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", test::localTime("2026-11-26T08:00")).status.ok());
    CentralOutbox outbox;
    REQUIRE(outbox.open(dir / "a.db").ok());
    int64_t n = 0;
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == 3);  // the fixture's three events
}

TEST_CASE("a database from before the origin epoch keeps its pulled events and marks when it migrates", "[store][outbox]") {
    test::TempDir dir;
    std::filesystem::copy_file(std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/store/fixtures/schema-v2.db", dir / "a.db");
    {
        // One event pulled from zaal the way a version-2 kiosk stored it.
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open((dir / "a.db").c_str(), &raw) == SQLITE_OK);
        CHECK(sqlite3_exec(raw,
                           "INSERT INTO central_pulled (event_id, origin_kiosk, origin_seq) VALUES ('z-9', 'zaal', 9);"
                           "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date,"
                           " source, kiosk_id) SELECT 'z-9', participant_code, kind, at_ms, recorded_ms, local_date,"
                           " source, 'zaal' FROM attendance_event LIMIT 1",
                           nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    int64_t before = -1;
    {
        CentralOutbox outbox;
        REQUIRE(outbox.open(dir / "a.db").ok());
        REQUIRE(outbox.countWaiting(before).ok());
    }
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", test::localTime("2026-11-26T08:00")).status.ok());
    CHECK(db.schemaVersion() == AttendanceDb::kSchemaVersion);
    CentralOutbox outbox;
    REQUIRE(outbox.open(dir / "a.db").ok());
    std::map<std::pair<std::string, int64_t>, int64_t> marks;
    REQUIRE(outbox.highWaterMarks(marks).ok());
    CHECK(marks == std::map<std::pair<std::string, int64_t>, int64_t>{{{"zaal", 0}, 9}});
    int64_t epoch = -1;
    REQUIRE(outbox.epoch(epoch).ok());
    CHECK(epoch == 0);  // never restored
    int64_t n = -1;
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == before);  // what waited still waits, the pulled event still does not
    // The trigger came back with the table: a local event waits, a pulled one does not.
    REQUIRE(db.appendEvent(test::eventAt(EventKind::check_out, "ZU01", "2026-11-26T16:00")).ok());
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == before + 1);
    int inserted = 0;
    REQUIRE(outbox.insertPulled({pulledFrom("zaal", 10, "z-10", "ZU01")}, test::localTime("2026-11-26T17:00").ms, inserted).ok());
    CHECK(inserted == 1);
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == before + 1);
}

TEST_CASE("a database gets its own origin epoch when it is made, and remembers what the server confirmed",
          "[store][outbox]") {
    test::TempDir dir;
    int64_t epochs[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        AttendanceDb db;
        REQUIRE(db.open(dir / ("k" + std::to_string(i) + ".db"), test::localTime("2026-11-26T08:00")).status.ok());
        CentralOutbox outbox;
        REQUIRE(outbox.open(dir / ("k" + std::to_string(i) + ".db")).ok());
        REQUIRE(outbox.epoch(epochs[i]).ok());
        CHECK(epochs[i] > 0);
    }
    CHECK(epochs[0] != epochs[1]);  // a replaced box's empty database is never taken for its predecessor

    AttendanceDb db;
    REQUIRE(db.open(dir / "k0.db", test::localTime("2026-11-26T08:00")).status.ok());
    RosterImportResult imported;
    REQUIRE(db.importRoster({test::participant("ZU01", "Anna", "Vries", "de")}, test::localTime("2026-11-26T08:00"), imported).ok());
    for (const char* at : {"2026-11-26T09:01", "2026-11-26T12:00", "2026-11-26T13:00"})
        REQUIRE(db.appendEvent(test::eventAt(EventKind::check_in, "ZU01", at)).ok());
    CentralOutbox outbox;
    REQUIRE(outbox.open(dir / "k0.db").ok());
    int inserted = 0;
    REQUIRE(outbox.insertPulled({pulledFrom("zaal", 7, "z-7", "ZU01")}, 0, inserted).ok());
    std::vector<CentralEventRow> rows;
    REQUIRE(outbox.waiting(10, rows).ok());
    REQUIRE(rows.size() == 3);
    int64_t acked = -1;
    REQUIRE(outbox.ackedMark(acked).ok());
    CHECK(acked == 0);
    REQUIRE(outbox.markUploaded({rows[0].seq, rows[1].seq, rows[2].seq}).ok());
    REQUIRE(outbox.ackedMark(acked).ok());
    CHECK(acked == rows[2].seq);

    // The server lost everything above the first: the own events above it wait again, the pulled one does not.
    std::vector<std::string> ids;
    REQUIRE(outbox.requeueOwnAbove(rows[0].seq, acked, "", ids).ok());
    CHECK(ids == std::vector<std::string>{rows[1].id, rows[2].id});
    int64_t n = -1;
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == 2);
    std::vector<CentralEventRow> offered;
    REQUIRE(outbox.pulledAbove("zaal", 0, 0, 10, "", offered).ok());
    REQUIRE(offered.size() == 1);
    CHECK(offered[0].id == "z-7");
    CHECK(offered[0].seq == 7);

    // A new epoch starts with nothing confirmed in it.
    int64_t fresh = 0;
    REQUIRE(outbox.startNewEpoch(fresh).ok());
    REQUIRE(outbox.ackedMark(acked).ok());
    CHECK(acked == 0);
}

TEST_CASE("the cohorts of the last pull are kept in meta, unset until the first, and survive a reopen", "[store][outbox]") {
    test::TempDir dir;
    {
        AttendanceDb db;
        REQUIRE(db.open(dir / "a.db", test::localTime("2026-11-26T08:00")).status.ok());
    }
    std::string value = "stale";
    bool found = true;
    {
        CentralOutbox outbox;
        REQUIRE(outbox.open(dir / "a.db").ok());
        REQUIRE(outbox.syncMeta(meta_keys::kCentralPulledCohorts, value, found).ok());
        CHECK_FALSE(found);  // pulled before central schema 6, or never: every cohort from the start
        CHECK(value.empty());
        REQUIRE(outbox.setSyncMeta(meta_keys::kCentralPulledCohorts, "zutphen-2026\n").ok());
        REQUIRE(outbox.setSyncMeta(meta_keys::kCentralPulledCohorts, "deventer-2026\nzutphen-2026\n").ok());
    }
    CentralOutbox again;
    REQUIRE(again.open(dir / "a.db").ok());
    REQUIRE(again.syncMeta(meta_keys::kCentralPulledCohorts, value, found).ok());
    CHECK(found);
    CHECK(value == "deventer-2026\nzutphen-2026\n");  // replaced, not appended
}

TEST_CASE("central_outbox rule 1: an event purged before its upload leaves no outbox row, and only what is left is sent",
          "[store][outbox][purge]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", test::localTime("2027-01-31T10:00")).status.ok());
    RosterImportResult imported;
    REQUIRE(db.importRoster({test::participant("ZU01", "Anna", "Vries", "de")}, test::localTime("2027-01-31T10:00"),
                            imported).ok());
    const AttendanceEvent old = test::eventAt(EventKind::check_in, "ZU01", "2026-12-31T09:00");
    const AttendanceEvent recent = test::eventAt(EventKind::check_in, "ZU01", "2027-01-31T09:00");
    for (const auto& e : {old, recent}) {
        const StoreStatus s = db.appendEvent(e);
        INFO(s.detail);
        REQUIRE(s.ok());
    }
    const auto file = dir / "a.db";
    REQUIRE(test::rawInt(file, "SELECT count(*) FROM central_outbox") == 2);
    db.setRetentionDays(30);
    int removed = 0;
    REQUIRE(db.purge({2027, 1, 1}, removed).ok());  // the server was down all month: nothing uploaded
    REQUIRE(removed == 1);

    CentralOutbox outbox;
    REQUIRE(outbox.open(file).ok());
    std::vector<CentralEventRow> rows;
    REQUIRE(outbox.waiting(10, rows).ok());
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].id == recent.id);
    int64_t n = 0;
    REQUIRE(outbox.countWaiting(n).ok());
    CHECK(n == 1);
    // The purged event's row is deleted, not merely skipped: nothing of it stays in the file.
    CHECK(test::rawInt(file, "SELECT count(*) FROM central_outbox") == 1);
}

TEST_CASE("central_outbox rule 4: a missing file or a database from before the outbox is said as a status, nothing throws",
          "[store][outbox][fault]") {
    test::TempDir dir;
    CentralOutbox outbox;
    StoreStatus s;
    REQUIRE_NOTHROW(s = outbox.open(dir / "none.db"));
    CHECK_FALSE(s.ok());
    CHECK_FALSE(std::filesystem::exists(dir / "none.db"));  // not made by opening it
    // A database of schema version 1: no central_outbox table yet.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open((dir / "old.db").c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "CREATE TABLE t(x); PRAGMA user_version=1", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    REQUIRE_NOTHROW(s = outbox.open(dir / "old.db"));
    CHECK_FALSE(s.ok());
    CHECK(s.detail.find("schema version below 2") != std::string::npos);
}
