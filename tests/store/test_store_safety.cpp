// Records that survive a wrong clock, a hand-made restore and a damaged file (issue #15): purge by
// evidence, implausible timestamps refused, quarantine that carries every readable row under a
// name of its own, a foreign -wal never applied, and only a process alone with the database may
// move it. Real files in a temporary folder.
#include <catch2/catch.hpp>

#include <sqlite3.h>
#include <sys/wait.h>
#include <cerrno>
#include <unistd.h>

#include <fstream>
#include <map>
#include <set>

#include "core/catch_up.h"
#include "core/event_builder.h"
#include "store/central_outbox.h"
#include "store/quarantine.h"
#include "store/sqlite_statement.h"
#include "store/store_messages.h"
#include "raw_sqlite.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;
using test::damagePage;
using test::rawInt;
using test::checkIn;
using test::localTime;

namespace {

void openWithRoster(AttendanceDb& db, const std::filesystem::path& file, int people = 1) {
    REQUIRE(db.open(file, localTime("2026-11-26T08:00")).status.ok());
    std::vector<Participant> roster;
    for (int i = 1; i <= people; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "ZU%02d", i);
        roster.push_back(test::participant(code, "Anna" + std::to_string(i), "Vries", "de"));
    }
    RosterImportResult r;
    REQUIRE(db.importRoster(roster, localTime("2026-11-26T08:00"), r).ok());
}

std::set<std::string> eventIds(AttendanceDb& db) {
    std::set<std::string> ids;
    REQUIRE(db.loadEvents([&](const AttendanceEvent& e) { ids.insert(e.id); }).ok());
    return ids;
}

int rawExec(const std::filesystem::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open(file.c_str(), &db);
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc;
}

void checkpointAndClose(AttendanceDb& db) {
    int removed = 0;
    REQUIRE(db.purge({2000, 1, 1}, removed).ok());  // deletes nothing; TRUNCATE checkpoint: all in the main file
    db.close();
}

}  // namespace

TEST_CASE("a clock a year ahead purges nothing that the records do not show to be old", "[store][clock]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    for (int i = 0; i < 5; ++i) REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))).ok());
    auto old = checkIn("ZU01", localTime("2025-10-01T09:00"));  // really older than 365 days before the newest
    REQUIRE(db.appendEvent(old).ok());
    // A year-2000 stamp from before this rule (written straight into the file): its age is unknown.
    REQUIRE(rawExec(dir / "a.db", "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date, source, kiosk_id)"
                                  " VALUES ('y2k', 'ZU01', 'check_in', 946713600000, 946713600000, '2000-01-01', 'kiosk', 't')") == SQLITE_OK);

    // The kiosk starts with its clock on 2027-12-01 (more than a year ahead): the clock alone
    // would cut at 2026-12-01 and delete everything.
    int removed = 0;
    LocalDate applied;
    REQUIRE(db.purge(LocalDate{2027, 12, 1}.plusDays(-365), removed, &applied).ok());
    CHECK(applied == LocalDate{2025, 11, 26});  // newest record (2026-11-26) - 365 days
    CHECK(removed == 1);                        // only the event that really is that old
    const auto ids = eventIds(db);
    CHECK(ids.size() == 6);
    CHECK(ids.count(old.id) == 0);
    CHECK(ids.count("y2k") == 1);

    // A forward jump of ten years while running: the day's check-ins stay.
    REQUIRE(db.purge(LocalDate{2036, 11, 26}.plusDays(-365), removed).ok());
    CHECK(removed == 0);
    CHECK(eventIds(db).size() == 6);
}

TEST_CASE("attendance_db rule 4b: events stamped on an implausible clock are refused, never stored", "[store][clock]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    // An empty store: only the lower bound applies.
    auto y2k = checkIn("ZU01", localTime("2000-01-01T09:00"));
    auto s = db.appendEvent(y2k);
    CHECK(s.kind == StoreErrorKind::clock_implausible);
    REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))).ok());
    // More than the retention period after the newest record: refused; within it: stored.
    s = db.appendEvent(checkIn("ZU01", localTime("2027-12-01T09:00")));
    CHECK(s.kind == StoreErrorKind::clock_implausible);
    CHECK(s.detail.find("2027-12-01") != std::string::npos);
    CHECK(eventIds(db).size() == 1);
    REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2027-04-01T09:00"))).ok());
    CHECK(eventIds(db).size() == 2);

    // The clock check says so, for doctor and the staff Status page.
    ClockCheck c;
    REQUIRE(db.checkClock(localTime("2028-06-01T09:00"), c).ok());
    CHECK(c.verdict == ClockVerdict::too_far_ahead);
    REQUIRE(db.checkClock(localTime("2000-01-01T09:00"), c).ok());
    CHECK(c.verdict == ClockVerdict::before_kiosk_existed);
    REQUIRE(db.checkClock(localTime("2026-12-01T09:00"), c).ok());
    CHECK(c.verdict == ClockVerdict::behind_records);
    REQUIRE(db.checkClock(localTime("2027-04-01T12:00"), c).ok());
    CHECK(c.ok());
    // After a real pause longer than the retention period, staff confirm the clock: accepted again.
    REQUIRE(db.confirmClock(localTime("2028-06-01T09:00")).ok());
    CHECK(db.appendEvent(checkIn("ZU01", localTime("2028-06-01T09:05"))).ok());
}

TEST_CASE("a day made up before it came is no evidence of the clock, as an excusal to come is not", "[store][clock][catchup]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db");
    REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-12-03T09:00"))).ok());
    // On 3 December staff mark that check-in as the catch-up of her day of 10 December (core/catch_up.h):
    // the event is written on that own day, a week ahead.
    StaffForm f{EventKind::correction, "ZU01", CorrectionEffect::catch_up, "", "inhaal", "MJ"};
    REQUIRE(db.appendEvent(makeStaffEvent(f, {2026, 12, 10}, catchUpMoment({2026, 12, 3}),
                                          EventStamp::staff(localTime("2026-12-03T15:00"), "entree")))
                .ok());
    ClockCheck c;
    REQUIRE(db.checkClock(localTime("2026-12-03T15:05"), c).ok());
    CHECK(c.ok());  // not "behind the records"
    // A real event of that day would be: the check is not blind.
    REQUIRE(db.appendEvent(checkIn("ZU01", localTime("2026-12-10T09:00"))).ok());
    REQUIRE(db.checkClock(localTime("2026-12-03T15:05"), c).ok());
    CHECK(c.verdict == ClockVerdict::behind_records);
}

TEST_CASE("one damaged page of the participant table loses no event", "[store][fault][quarantine]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    {
        AttendanceDb db;
        openWithRoster(db, file, 20);
        for (int i = 0; i < 703; ++i) {
            char code[16];
            std::snprintf(code, sizeof code, "ZU%02d", i % 20 + 1);
            REQUIRE(db.appendEvent(checkIn(code, localTime("2026-11-26T09:00"))).ok());
        }
        checkpointAndClose(db);
    }
    const int64_t root = rawInt(file, "SELECT rootpage FROM sqlite_schema WHERE name = 'participant'");
    const int64_t pageSize = rawInt(file, "PRAGMA page_size");
    REQUIRE(root > 1);
    damagePage(file, root, pageSize);

    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T12:34"));
    REQUIRE(report.status.ok());
    REQUIRE_FALSE(report.quarantinedTo.empty());
    CHECK(report.eventsCarriedOver == 703);
    CHECK(report.eventsNotCarried == 0);
    CHECK(eventIds(db).size() == 703);
    // Every participant code the events know is there (as a placeholder until the roster names it again).
    std::vector<StoredParticipant> people;
    REQUIRE(db.participants(people).ok());
    CHECK(people.size() == 20);
    // The message says so, in both languages' words.
    const auto lines = describeOpenReport(test::texts(), report);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("703 overgenomen") != std::string::npos);
    CHECK(lines[0].find("Alles wat erin stond is overgenomen") != std::string::npos);
}

TEST_CASE("a quarantine carries which events came from other kiosks: they stay out of the outbox", "[store][fault][quarantine]") {
    // Found with central rule 13 (session 8): the salvage carried the events without central_pulled,
    // so the outbox trigger marked every other kiosk's event as this kiosk's own, to be pushed under
    // its id.
    test::AmsterdamTime tz;
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    {
        AttendanceDb db;
        openWithRoster(db, file, 20);
        for (int i = 0; i < 300; ++i) {
            char code[16];
            std::snprintf(code, sizeof code, "ZU%02d", i % 20 + 1);
            REQUIRE(db.appendEvent(checkIn(code, localTime("2026-11-26T09:00"))).ok());
        }
        CentralOutbox outbox;
        REQUIRE(outbox.open(file).ok());
        REQUIRE(outbox.markUploaded({1, 2, 3}).ok());
        std::vector<CentralEventRow> pulled;
        for (int i = 1; i <= 40; ++i) {
            CentralEventRow r;
            r.originKiosk = "zaal";
            r.originEpoch = 77;
            r.seq = i;
            r.id = "zaal-" + std::to_string(i);
            r.participantCode = "ZU01";
            r.kind = "check_in";
            r.atMs = r.recordedMs = localTime("2026-11-26T09:05").ms;
            r.localDate = "2026-11-26";
            r.source = "kiosk";
            r.kioskId = "zaal";
            pulled.push_back(r);
        }
        int inserted = 0;
        REQUIRE(outbox.insertPulled(pulled, localTime("2026-11-26T10:00").ms, inserted).ok());
        REQUIRE(inserted == 40);
        outbox.close();
        checkpointAndClose(db);
    }
    const int64_t root = rawInt(file, "SELECT rootpage FROM sqlite_schema WHERE name = 'participant'");
    damagePage(file, root, rawInt(file, "PRAGMA page_size"));

    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T12:34"));
    REQUIRE(report.status.ok());
    REQUIRE_FALSE(report.quarantinedTo.empty());
    CHECK(report.eventsCarriedOver == 340);
    CentralOutbox outbox;
    REQUIRE(outbox.open(file).ok());
    std::map<std::pair<std::string, int64_t>, int64_t> marks;
    REQUIRE(outbox.highWaterMarks(marks).ok());
    CHECK(marks == std::map<std::pair<std::string, int64_t>, int64_t>{{{"zaal", 77}, 40}});
    int64_t waiting = -1;
    REQUIRE(outbox.countWaiting(waiting).ok());
    CHECK(waiting == 300);  // this kiosk's own (sent again: the server keeps each once), none of zaal's
    CHECK(rawInt(file, "SELECT count(*) FROM central_outbox o JOIN attendance_event e ON e.seq = o.seq"
                       " WHERE e.kiosk_id = 'zaal'") == 0);
}

TEST_CASE("damaged pages in the event log: every readable event is carried past them, and the rest counted", "[store][fault][quarantine]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    std::set<std::string> written;
    {
        AttendanceDb db;
        openWithRoster(db, file);
        for (int i = 0; i < 2000; ++i) {
            auto e = checkIn("ZU01", localTime("2026-11-26T09:00"));
            e.reason = std::string(200, 'r');  // about 15 events a page: 130 leaf pages
            REQUIRE(db.appendEvent(e).ok());
            written.insert(e.id);
        }
        checkpointAndClose(db);
    }
    const int64_t pageSize = rawInt(file, "PRAGMA page_size");
    // Two leaf pages of the log itself (SQLite's dbstat table says which), far apart in the middle.
    const int64_t leaves = rawInt(file, "SELECT count(*) FROM dbstat WHERE name = 'attendance_event' AND pagetype = 'leaf'");
    REQUIRE(leaves > 60);
    for (const int64_t nth : {leaves / 2, leaves / 2 + 20})
        damagePage(file, rawInt(file, "SELECT pageno FROM dbstat WHERE name = 'attendance_event' AND pagetype = 'leaf' ORDER BY path LIMIT 1 OFFSET " + std::to_string(nth)), pageSize);

    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T12:34"));
    REQUIRE(report.status.ok());
    REQUIRE_FALSE(report.quarantinedTo.empty());
    const auto carried = eventIds(db);
    INFO("carried " << report.eventsCarriedOver << ", not carried " << report.eventsNotCarried);
    CHECK(static_cast<int>(carried.size()) == report.eventsCarriedOver);
    CHECK(report.eventsCarriedOver >= 2000 - 2 * 40);  // at most the damaged pages' rows are lost
    CHECK(report.eventsNotCarried > 0);
    CHECK(report.eventsCarriedOver + report.eventsNotCarried >= 2000);
    for (const auto& id : carried) CHECK(written.count(id) == 1);  // nothing invented
    const auto lines = describeOpenReport(test::texts(), report);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("Hoogstens " + std::to_string(report.eventsNotCarried)) != std::string::npos);
}

namespace {

// The rowids (seq) of the cells on table-leaf page `page`, read from the file's bytes.
std::set<int64_t> leafRowids(const std::filesystem::path& file, int64_t page, int64_t pageSize) {
    std::ifstream f(file, std::ios::binary);
    std::string bytes(static_cast<size_t>(pageSize), '\0');
    f.seekg(static_cast<std::streamoff>((page - 1) * pageSize));
    f.read(bytes.data(), static_cast<std::streamsize>(pageSize));
    auto u8 = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
    auto varint = [&](size_t& i) {
        int64_t v = 0;
        for (int n = 0; n < 9; ++n) {
            const unsigned char b = u8(i++);
            if (n == 8) return (v << 8) | b;
            v = (v << 7) | (b & 0x7F);
            if (!(b & 0x80)) break;
        }
        return v;
    };
    std::set<int64_t> out;
    REQUIRE(u8(0) == 0x0D);  // a table b-tree leaf
    const size_t cells = (u8(3) << 8) | u8(4);
    for (size_t c = 0; c < cells; ++c) {
        size_t at = (u8(8 + 2 * c) << 8) | u8(9 + 2 * c);
        varint(at);  // the payload's size
        out.insert(varint(at));
    }
    return out;
}

}  // namespace

TEST_CASE("quarantine contract 2, exactly: the events of the damaged pages are lost, and not one good event after each stretch",
          "[store][fault][quarantine]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    {
        AttendanceDb db;
        openWithRoster(db, file);
        for (int i = 0; i < 600; ++i) {
            auto e = checkIn("ZU01", localTime("2026-11-26T09:00"));
            e.reason = std::string(200, 'r');
            REQUIRE(db.appendEvent(e).ok());
        }
        checkpointAndClose(db);
    }
    std::map<int64_t, std::string> idOf;  // seq -> id, before the damage
    {
        sqlite3* raw = nullptr;
        sqlite3_stmt* st = nullptr;
        REQUIRE(sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_prepare_v2(raw, "SELECT seq, id FROM attendance_event", -1, &st, nullptr) == SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW)
            idOf[sqlite3_column_int64(st, 0)] = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        sqlite3_finalize(st);
        sqlite3_close(raw);
    }
    REQUIRE(idOf.size() == 600);
    const int64_t pageSize = rawInt(file, "PRAGMA page_size");
    const int64_t leaves = rawInt(file, "SELECT count(*) FROM dbstat WHERE name = 'attendance_event' AND pagetype = 'leaf'");
    REQUIRE(leaves > 20);
    // Three stretches: one page, two pages side by side, and one more page further on.
    std::vector<int64_t> pages;  // found before any damage: dbstat reads through the tree
    for (const int64_t nth : {leaves / 4, leaves / 2, leaves / 2 + 1, 3 * leaves / 4})
        pages.push_back(rawInt(file, "SELECT pageno FROM dbstat WHERE name = 'attendance_event' AND pagetype = 'leaf' ORDER BY path LIMIT 1 OFFSET " +
                                         std::to_string(nth)));
    std::set<int64_t> lost;
    for (const int64_t page : pages) {
        REQUIRE(page > 1);
        for (int64_t seq : leafRowids(file, page, pageSize)) lost.insert(seq);
    }
    for (const int64_t page : pages) damagePage(file, page, pageSize);
    REQUIRE_FALSE(lost.empty());

    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T12:34"));
    REQUIRE(report.status.ok());
    REQUIRE_FALSE(report.quarantinedTo.empty());
    const auto carried = eventIds(db);
    std::set<std::string> expected;
    for (const auto& [seq, id] : idOf)
        if (!lost.count(seq)) expected.insert(id);
    CHECK(carried.size() == expected.size());
    CHECK(carried == expected);
    CHECK(report.eventsNotCarried == static_cast<int>(lost.size()));
}

TEST_CASE("two quarantines in the same second keep both damaged files", "[store][fault][quarantine]") {
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    std::set<std::string> asides;
    for (int round = 0; round < 3; ++round) {
        std::ofstream(file, std::ios::trunc) << "beschadigd " << round << "\n";
        AttendanceDb db;
        const auto report = db.open(file, localTime("2026-11-26T12:00"));
        REQUIRE(report.status.ok());
        REQUIRE_FALSE(report.quarantinedTo.empty());
        asides.insert(report.quarantinedTo);
    }
    REQUIRE(asides.size() == 3);
    int round = 0;
    for (const auto& a : asides) {
        CHECK(test::readFileText(a).find("beschadigd") != std::string::npos);
        ++round;
    }
}

TEST_CASE("a damaged database that another process has open is reported and left where it is", "[store][fault][quarantine]") {
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    AttendanceDb kiosk;  // holds the database, as the running kiosk does
    openWithRoster(kiosk, file);
    REQUIRE(kiosk.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))).ok());
    int removed = 0;
    REQUIRE(kiosk.purge({2000, 1, 1}, removed).ok());  // checkpoint: the damage below is what a reader sees
    // A child process (a command run from SSH) finds the file damaged.
    const pid_t pid = fork();
    if (pid == 0) {
        damagePage(file, 2, rawInt(file, "PRAGMA page_size"));
        AttendanceDb other;
        const auto r = other.open(file, localTime("2026-11-26T12:00"));
        const bool ok = !r.status.ok() && r.damagedButHeld && r.quarantinedTo.empty() && std::filesystem::exists(file);
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    // Nothing was moved: no quarantined file beside it.
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find("damaged") == std::string::npos);
}

TEST_CASE("a -wal left beside a database copied over by hand is set aside, never applied", "[store][wal]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    std::set<std::string> backedUp;
    {
        AttendanceDb db;
        openWithRoster(db, file, 3);
        for (int i = 0; i < 50; ++i) REQUIRE(db.appendEvent(checkIn("ZU02", localTime("2026-11-26T09:00"))).ok());
        REQUIRE(db.backupTo(dir / "backup.db").ok());
        backedUp = eventIds(db);
    }
    // The kiosk then started on a new, empty database and crashed with its work in the WAL.
    std::filesystem::remove(file);
    std::filesystem::remove(file.string() + ".lock");
    const pid_t pid = fork();
    if (pid == 0) {
        AttendanceDb db;
        if (!db.open(file, localTime("2026-11-27T08:00")).status.ok()) _exit(2);
        RosterImportResult r;
        db.importRoster({test::participant("ZU09", "Bram", "Verhoef")}, localTime("2026-11-27T08:00"), r);
        db.appendEvent(checkIn("ZU09", localTime("2026-11-27T09:00")));
        _exit(0);  // no close: the WAL stays, as after a power cut
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE(std::filesystem::file_size(file.string() + "-wal") > 32);
    // Staff restore by hand: the backup copied over the database, the -wal left beside it.
    std::filesystem::copy_file(dir / "backup.db", file, std::filesystem::copy_options::overwrite_existing);

    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-27T10:00"));
    REQUIRE(report.status.ok());
    CHECK_FALSE(report.foreignWalKeptIn.empty());
    CHECK(eventIds(db) == backedUp);  // all 50, none lost
    CHECK(std::filesystem::exists(std::filesystem::path(report.foreignWalKeptIn) / "attendance.db-wal"));
    CHECK(std::filesystem::exists(std::filesystem::path(report.foreignWalKeptIn) / "attendance.db"));
    const auto lines = describeOpenReport(test::texts(), report);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].find("-wal") != std::string::npos);
}

TEST_CASE("a -wal of the database's own (a crash) is applied as always, and no copy is left behind", "[store][wal]") {
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    std::set<std::string> written;
    const pid_t pid = fork();
    if (pid == 0) {
        AttendanceDb db;
        if (!db.open(file, localTime("2026-11-26T08:00")).status.ok()) _exit(2);
        RosterImportResult r;
        db.importRoster({test::participant("ZU01", "Anna", "Vries")}, localTime("2026-11-26T08:00"), r);
        for (int i = 0; i < 10; ++i) db.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00")));
        _exit(0);  // crash: everything in the WAL
    }
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    AttendanceDb db;
    const auto report = db.open(file, localTime("2026-11-26T10:00"));
    REQUIRE(report.status.ok());
    CHECK(report.foreignWalKeptIn.empty());
    CHECK(eventIds(db).size() == 10);
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find("before-recovery") == std::string::npos);
}

TEST_CASE("a full disk is named as such whatever SQLite calls it, and a read-only folder likewise", "[store][fault]") {
    using store_detail::classifyStoreError;
    // A nearly full disk fails while growing the -shm or the WAL: SQLite says I/O error, errno says ENOSPC.
    CHECK(classifyStoreError(SQLITE_IOERR_WRITE, ENOSPC) == StoreErrorKind::disk_full);
    CHECK(classifyStoreError(SQLITE_IOERR_SHMSIZE, ENOSPC) == StoreErrorKind::disk_full);
    CHECK(classifyStoreError(SQLITE_IOERR_FSYNC, EDQUOT) == StoreErrorKind::disk_full);
    CHECK(classifyStoreError(SQLITE_CANTOPEN, ENOSPC) == StoreErrorKind::disk_full);
    CHECK(classifyStoreError(SQLITE_FULL, 0) == StoreErrorKind::disk_full);
    CHECK(classifyStoreError(SQLITE_CANTOPEN, EROFS) == StoreErrorKind::read_only);
    CHECK(classifyStoreError(SQLITE_IOERR_WRITE, EIO) == StoreErrorKind::io);
    // A stale errno does not turn a lock or damage into a full disk.
    CHECK(classifyStoreError(SQLITE_BUSY, ENOSPC) == StoreErrorKind::locked);
    CHECK(classifyStoreError(SQLITE_CORRUPT, ENOSPC) == StoreErrorKind::damaged);
    // And the words staff read say "vol" / "full".
    CHECK(test::texts()(storeErrorKey(StoreErrorKind::disk_full)).find("vol") != std::string::npos);
    CHECK(test::texts(Lang::en)(storeErrorKey(StoreErrorKind::disk_full)).find("full") != std::string::npos);
}

TEST_CASE("a database moved away under a running kiosk: the next check-in is not confirmed into the moved file", "[store][fault]") {
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    AttendanceDb kiosk;
    openWithRoster(kiosk, file);
    REQUIRE(kiosk.appendEvent(checkIn("ZU01", localTime("2026-11-26T09:00"))).ok());
    // Someone moves it aside by hand (with its -wal) and puts a copy with the same content back.
    {
        AttendanceDb reader;
        REQUIRE(reader.openExisting(file).ok());
        REQUIRE(reader.backupTo(dir / "copy.db").ok());
    }
    std::filesystem::rename(file, dir / "moved.db");
    std::filesystem::rename(file.string() + "-wal", dir / "moved.db-wal");
    std::filesystem::rename(dir / "copy.db", file);
    const auto e = checkIn("ZU01", localTime("2026-11-26T10:00"));
    const auto s = kiosk.appendEvent(e);
    CHECK(s.kind == StoreErrorKind::io);  // not "ingecheckt"
    // The retry goes to the database at the path, not to the moved file.
    REQUIRE(kiosk.appendEvent(e).ok());
    CHECK(eventIds(kiosk).count(e.id) == 1);
    AttendanceDb at;
    REQUIRE(at.openReadOnly(file).ok());
    CHECK(eventIds(at).count(e.id) == 1);
}
