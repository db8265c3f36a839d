#include <catch2/catch.hpp>

#include <atomic>
#include <set>
#include <thread>

#include <fstream>
#include <iterator>
#include <sqlite3.h>

#include "store/backup_rotation.h"
#include "store/roster_sync.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
using test::checkIn;
using test::localTime;
using test::participant;

namespace {

std::vector<AttendanceEvent> allEvents(AttendanceDb& db) {
    std::vector<AttendanceEvent> out;
    REQUIRE(db.loadEvents([&](const AttendanceEvent& e) { out.push_back(e); }).ok());
    return out;
}

std::string fileBytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void openWithRoster(AttendanceDb& db, const std::filesystem::path& file) {
    REQUIRE(db.open(file, localTime("2026-11-26T08:00")).status.ok());
    RosterImportResult r;
    REQUIRE(db.importRoster({participant("ZU01", "Anna", "Vries", "de"), participant("ZU02", "Zoë", "Berg", "van den")},
                            localTime("2026-11-26T08:00"), r)
                .ok());
}

}  // namespace

TEST_CASE("a new database gets the current schema, WAL and FULL sync", "[store]") {
    test::TempDir dir;
    AttendanceDb db;
    const auto report = db.open(dir / "sub/folder/attendance.db", localTime("2026-11-26T08:00"));
    REQUIRE(report.status.ok());
    CHECK(report.schemaVersionBefore == 0);  // a new file
    CHECK(db.schemaVersion() == AttendanceDb::kSchemaVersion);
    CHECK(std::filesystem::exists(dir / "sub/folder/attendance.db"));
    std::string check;
    REQUIRE(db.integrityCheck(check).ok());
    CHECK(check == "ok");
}

TEST_CASE("attendance_db rule 3: events are stored exactly once per id and read back in order", "[store]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    auto e = checkIn("ZU01", localTime("2026-11-26T09:02"));
    e.reason = "";
    REQUIRE(db.appendEvent(e).ok());
    REQUIRE(db.appendEvent(e).ok());  // a retry after an unclear failure: no double count
    auto out = checkIn("ZU01", localTime("2026-11-26T16:30"), EventKind::check_out);
    REQUIRE(db.appendEvent(out).ok());
    const auto events = allEvents(db);
    REQUIRE(events.size() == 2);
    CHECK(events[0].id == e.id);
    CHECK(events[0].day == LocalDate{2026, 11, 26});
    CHECK(events[0].at == e.at);
    CHECK(events[1].kind == EventKind::check_out);

    // Reopen: still there (a new connection, the same file).
    db.close();
    AttendanceDb again;
    REQUIRE(again.open(dir / "a.db", localTime("2026-11-26T17:00")).status.ok());
    CHECK(allEvents(again).size() == 2);
}

TEST_CASE("attendance_db rule 2: the log is append-only and corrections need a reason", "[store]") {
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:02"))).ok());
    db.close();
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open((dir / "a.db").c_str(), &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "UPDATE attendance_event SET at_ms = 0", nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_close(raw);

    AttendanceDb db2;
    REQUIRE(db2.open(dir / "a.db", localTime("2026-11-26T09:00")).status.ok());
    auto fix = checkIn("ZU02", localTime("2026-11-26T09:30"), EventKind::correction);
    fix.effect = CorrectionEffect::set_check_in;
    CHECK_FALSE(db2.appendEvent(fix).ok());  // no reason
    fix.reason = "badge vergeten";
    fix.actor = "balie";
    CHECK(db2.appendEvent(fix).ok());
    // An unknown participant is refused by the foreign key, never stored half.
    CHECK_FALSE(db2.appendEvent(checkIn("NOPE", localTime("2026-11-26T09:30"))).ok());
}

TEST_CASE("roster import is all rows or none and keeps names of people who left", "[store]") {
    test::TempDir dir;
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", localTime("2026-11-26T08:00")).status.ok());
    RosterImportResult r;
    REQUIRE(db.importRoster({participant("ZU01", "Anna", "Vries", "de"), participant("ZU02", "Zoë", "Berg")},
                            localTime("2026-11-26T08:00"), r).ok());
    CHECK((r.added == 2 && r.updated == 0 && r.unchanged == 0));
    REQUIRE(db.importRoster({participant("ZU01", "Anna", "Vries", "de"), participant("ZU02", "Zoë", "Berg")},
                            localTime("2026-11-26T08:00"), r).ok());
    CHECK((r.added == 0 && r.updated == 0 && r.unchanged == 2 && r.deactivated == 0));
    REQUIRE(db.importRoster({participant("ZU01", "Anna", "Vries-Jansen", "de"), participant("ZU03", "Ĳsbrand", "Kuipers")},
                            localTime("2026-11-27T08:00"), r).ok());
    CHECK((r.added == 1 && r.updated == 1 && r.unchanged == 0 && r.deactivated == 1));
    std::vector<StoredParticipant> all;
    REQUIRE(db.participants(all).ok());
    REQUIRE(all.size() == 3);
    CHECK(all[1].participant.firstName == "Zoë");
    CHECK_FALSE(all[1].active);
    CHECK(all[2].participant.firstName == "Ĳsbrand");

    // A row the database refuses halfway through rolls the whole import back.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open((dir / "a.db").c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw, "CREATE TRIGGER refuse_boom BEFORE INSERT ON participant WHEN NEW.code = 'BOOM' "
                              "BEGIN SELECT RAISE(ABORT, 'boom'); END;", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    const auto s = db.importRoster({participant("ZU04", "Nieuw", "Persoon"), participant("BOOM", "Kapot", "Rij")},
                                   localTime("2026-11-28T08:00"), r);
    CHECK_FALSE(s.ok());
    std::vector<StoredParticipant> after;
    REQUIRE(db.participants(after).ok());
    CHECK(after.size() == 3);  // ZU04 did not land either
    CHECK(after[1].participant.code == "ZU02");
    CHECK_FALSE(after[1].active);  // and the deactivation of the earlier import still stands
}

TEST_CASE("the store keeps the enrolment of late joiners and leavers, and dates in the roster win", "[store][enrolment]") {
    test::TempDir dir;
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", localTime("2026-11-20T08:00")).status.ok());
    RosterImportResult r;
    // The first roster of a cohort lists nobody "from": installed on any day, nobody's earlier days go.
    REQUIRE(db.importRoster({participant("ZU01", "Anna", "Vries"), participant("ZU02", "Zoë", "Berg")},
                            localTime("2026-12-11T08:00"), r).ok());
    // A day later: one added (a late joiner), one left off (a leaver), one with a date in the roster.
    Participant dated = participant("ZU04", "Daan", "Datum");
    dated.from = LocalDate{2026, 11, 26};
    REQUIRE(db.importRoster({participant("ZU01", "Anna", "Vries"), participant("ZU03", "Ĳsbrand", "Kuipers"), dated},
                            localTime("2026-12-12T08:00"), r).ok());
    std::vector<StoredParticipant> all;
    REQUIRE(db.participants(all).ok());
    REQUIRE(all.size() == 4);
    CHECK_FALSE(all[0].participant.from);                               // ZU01: on the first roster
    CHECK_FALSE(all[0].participant.until);
    CHECK(all[1].participant.until == LocalDate{2026, 12, 11});         // ZU02: left off, up to yesterday
    CHECK(all[2].participant.from == LocalDate{2026, 12, 12});          // ZU03: first listed today
    CHECK(all[3].participant.from == LocalDate{2026, 11, 26});          // ZU04: the roster's date wins
    // Back on the roster: no longer "until"; a changed date is an update, the same one is not.
    dated.until = LocalDate{2027, 3, 11};
    REQUIRE(db.importRoster({participant("ZU01", "Anna", "Vries"), participant("ZU02", "Zoë", "Berg"),
                             participant("ZU03", "Ĳsbrand", "Kuipers"), dated},
                            localTime("2026-12-13T08:00"), r).ok());
    CHECK((r.updated == 2 && r.unchanged == 2));
    all.clear();
    REQUIRE(db.participants(all).ok());
    CHECK(all[1].active);
    CHECK_FALSE(all[1].participant.until);
    CHECK_FALSE(all[1].participant.from);  // not new: keeps no "from"
    CHECK(all[3].participant.until == LocalDate{2027, 3, 11});
}

TEST_CASE("the config roster is imported only when the file changed", "[store]") {
    test::TempDir dir;
    AttendanceDb db;
    REQUIRE(db.open(dir / "a.db", localTime("2026-11-26T08:00")).status.ok());
    const std::vector<Participant> roster{participant("ZU01", "Anna", "Vries", "de")};
    bool imported = false;
    RosterImportResult r;
    REQUIRE(syncConfigRoster(db, roster, "code;voornaam\nZU01;Anna\n", localTime("2026-11-26T08:00"), imported, r).ok());
    CHECK(imported);
    // A roster imported by hand since then is not overwritten by an unchanged config file.
    REQUIRE(db.importRoster({participant("ZU09", "Bert", "Bos")}, localTime("2026-11-26T08:00"), r).ok());
    REQUIRE(syncConfigRoster(db, roster, "code;voornaam\nZU01;Anna\n", localTime("2026-11-26T08:00"), imported, r).ok());
    CHECK_FALSE(imported);
    REQUIRE(syncConfigRoster(db, roster, "code;voornaam\r\nZU01;Anna\r\n", localTime("2026-11-26T08:00"), imported, r).ok());
    CHECK(imported);
}

TEST_CASE("purged rows are gone from the file, not merely hidden", "[store]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    // The recent one first: an event more than the retention period after the newest is refused as
    // a wrong clock (store/retention.cpp), one before it is not.
    auto recent = checkIn("ZU01", localTime("2026-11-26T09:00"), EventKind::correction);
    recent.effect = CorrectionEffect::set_check_in;
    recent.reason = "UNIEKE-REDEN-NIEUW-2b8c1";
    REQUIRE(db.appendEvent(recent).ok());
    auto old = checkIn("ZU01", localTime("2025-01-10T09:00"), EventKind::correction);
    old.effect = CorrectionEffect::set_check_in;
    old.reason = "UNIEKE-REDEN-OUD-7f3a9";
    REQUIRE(db.appendEvent(old).ok());
    int removed = 0;
    REQUIRE(db.purge({2026, 1, 1}, removed).ok());
    CHECK(removed == 1);
    const auto events = allEvents(db);
    REQUIRE(events.size() == 1);
    CHECK(events[0].reason == "UNIEKE-REDEN-NIEUW-2b8c1");
    const std::string bytes = fileBytes(dir / "a.db") + fileBytes(dir / "a.db-wal");
    CHECK(bytes.find("UNIEKE-REDEN-OUD-7f3a9") == std::string::npos);
    CHECK(bytes.find("UNIEKE-REDEN-NIEUW-2b8c1") != std::string::npos);
}

TEST_CASE("purge cut-off: a day before it goes, the day itself and the day after stay", "[store][boundary][purge]") {
    test::AmsterdamTime tz;
    // Retention 30 days, today 2027-01-31 (with a check-in: the newest evidence): the cut-off is
    // 2027-01-01. Whether the clock or the records set it, the boundary is the same day.
    for (const LocalDate clockCutoff : {LocalDate{2027, 1, 1}, LocalDate{2027, 12, 1}}) {
        CAPTURE(clockCutoff.iso());
        test::TempDir dir;
        AttendanceDb db;
        openWithRoster(db, dir / "a.db");
        db.setRetentionDays(30);
        const char* times[] = {"2026-12-31T23:59", "2027-01-01T00:00", "2027-01-01T09:00", "2027-01-02T09:00",
                               "2027-01-31T09:00"};
        for (const char* t : times) REQUIRE(db.appendEvent(checkIn("ZU01", localTime(t))).ok());
        int removed = 0;
        LocalDate applied;
        REQUIRE(db.purge(clockCutoff, removed, &applied).ok());
        CHECK(applied == LocalDate{2027, 1, 1});
        CHECK(removed == 1);
        std::set<std::string> days;
        for (const auto& e : allEvents(db)) days.insert(e.day.iso());
        CHECK(days == std::set<std::string>{"2027-01-01", "2027-01-02", "2027-01-31"});
        CHECK(allEvents(db).size() == 4);
    }
}

TEST_CASE("two writers on one file: every roster import and every check-in goes through", "[store][concurrency]") {
    // A roster import reads, then writes: it must take the write lock when it begins (BEGIN
    // IMMEDIATE), or a check-in committed by the other connection in between makes its first
    // write fail (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out).
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb kiosk, staff;
    openWithRoster(kiosk, dir / "a.db");
    REQUIRE(staff.openExisting(dir / "a.db").ok());
    std::atomic<int> importFailures{0}, appendFailures{0};
    std::string firstFailure;
    std::thread importer([&] {
        for (int i = 0; i < 60; ++i) {
            RosterImportResult r;
            const std::string name = i % 2 ? "Anna" : "Anne";  // a real change every time
            const auto st = staff.importRoster({participant("ZU01", name, "Vries", "de"), participant("ZU02", "Zoë", "Berg", "van den")},
                                               localTime("2026-11-26T08:00"), r);
            if (!st.ok() && importFailures++ == 0) firstFailure = st.detail;
        }
    });
    for (int i = 0; i < 150; ++i)
        if (!kiosk.appendEvent(checkIn(i % 2 ? "ZU01" : "ZU02", localTime("2026-11-26T09:00").plusSeconds(i))).ok()) ++appendFailures;
    importer.join();
    INFO(firstFailure);
    CHECK(importFailures == 0);
    CHECK(appendFailures == 0);
    CHECK(allEvents(kiosk).size() == 150);
}

TEST_CASE("backups are complete databases, one a day, rotated", "[store]") {
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:02"))).ok());
    for (int i = 0; i < 5; ++i) {
        const auto r = dailyBackup(db, dir / "backups", LocalDate{2026, 11, 20 + i}, 3);
        REQUIRE(r.status.ok());
        CHECK(r.made);
    }
    const auto again = dailyBackup(db, dir / "backups", LocalDate{2026, 11, 24}, 3);
    CHECK_FALSE(again.made);
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir / "backups")) files += e.is_regular_file();
    CHECK(files == 3);
    CHECK(newestBackup(dir / "backups").find("attendance-2026-11-24.db") != std::string::npos);

    // A backup opens as a kiosk database with the events in it (restoring = copying it back).
    AttendanceDb restored;
    REQUIRE(restored.open(newestBackup(dir / "backups"), localTime("2026-11-26T10:00")).status.ok());
    CHECK(allEvents(restored).size() == 1);
}

TEST_CASE("attendance_db loadDay (what the kiosk holds): a walk-in has no cohort and is the day's, whatever cohorts are shown", "[store][ledger][walkin]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const auto file = dir / "a.db";
    const LocalDate day{2026, 11, 26};
    {
        AttendanceDb db;
        REQUIRE(db.open(file, localTime("2026-11-26T08:00")).status.ok());
        Participant other = participant("OT01", "Ander", "Groep");
        other.cohortId = "andere-groep";
        RosterImportResult r;
        REQUIRE(db.importRoster({participant("ZU01", "Anna", "Vries", "de"), other}, localTime("2026-11-26T08:00"), r).ok());
        REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))).ok());
        REQUIRE(db.appendEvent(checkIn("OT01", localTime("2026-11-26T09:01"))).ok());
        REQUIRE(db.appendEvent(makeWalkInEvent("Gerrit Gast", "Gemeente Deventer", EventStamp::kiosk(localTime("2026-11-26T09:02"), "test"))).ok());
    }
    // After a restart, the day read back for this kiosk's cohort: Anna and the walk-in, not the other cohort.
    AttendanceDb db;
    REQUIRE(db.open(file, localTime("2026-11-26T12:00")).status.ok());
    std::vector<AttendanceEvent> events;
    REQUIRE(db.loadDay(day, std::vector<std::string>{"zutphen"}, events).ok());
    int walkIns = 0, anna = 0, others = 0;
    for (const auto& e : events) {
        if (e.participantCode.empty()) walkIns += e.kind == EventKind::guest_registration && e.guestName == "Gerrit Gast";
        else if (e.participantCode == "ZU01") ++anna;
        else ++others;
    }
    CHECK(walkIns == 1);
    CHECK(anna == 1);
    CHECK(others == 0);
    // No cohort shown at all (a kiosk without a programme yet): still the walk-in.
    events.clear();
    REQUIRE(db.loadDay(day, std::vector<std::string>{}, events).ok());
    REQUIRE(events.size() == 1);
    CHECK(events[0].guestName == "Gerrit Gast");
}
