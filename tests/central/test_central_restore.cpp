// A kiosk restored from an old backup (issue 17, central_sync.h rule 8): its local sequence numbers
// start again from where the backup stood, numbers the server already holds from it. The restore
// gives the kiosk a new origin epoch, so its new events are a new series on the server; and the
// events it made after the backup, on the server but no longer local, are pulled back.
#include <filesystem>

#include "central_kiosk.h"

namespace kiosk::test {

namespace {

const char* const kPeople[][2] = {{"ZU01", "Anna"},  {"ZU02", "Mohamed"}, {"ZU03", "Zoë"},
                                  {"ZU04", "Ĳsbrand"}, {"ZU05", "Çağla"},   {"ZU06", "Maria-Louise"}};

std::string atOf(int i) { return "2026-11-26T09:0" + std::to_string(i + 1); }

}  // namespace

TEST_CASE("a kiosk restored from an old backup pushes its new events and gets back the ones the backup lacked",
          "[central][sync][restore]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    Kiosk b("b", c.addKiosk("b"));
    for (int i = 0; i < 3; ++i) REQUIRE(a.checkIn(kPeople[i][0], atOf(i)).exitCode == 0);
    REQUIRE(a.sync().exitCode == 0);
    const std::string backup = (a.dir / "morning.db").string();
    const RunResult saved = a.cli({"backup", backup});
    INFO(saved.out << saved.err);
    REQUIRE(saved.exitCode == 0);
    for (int i = 3; i < 5; ++i) REQUIRE(a.checkIn(kPeople[i][0], atOf(i)).exitCode == 0);
    REQUIRE(a.sync().exitCode == 0);
    REQUIRE(countEvents(c.owner) == 5);

    const RunResult restored = a.cli({"restore", backup});
    INFO(restored.out << restored.err);
    REQUIRE(restored.exitCode == 0);
    REQUIRE(a.localEvents() == 3);
    // The restored copy carries a new epoch; the backup itself is untouched.
    CHECK(a.sqliteCount("SELECT count(*) FROM meta WHERE key = 'central_epoch' AND CAST(value AS INTEGER) > 0") == 1);

    // Local sequence number 4 again: on the server already (Çağla's check-in before the restore).
    REQUIRE(a.checkIn(kPeople[5][0], atOf(5)).exitCode == 0);
    const RunResult after = a.sync();
    INFO(after.out << after.err);
    CHECK(after.exitCode == 0);
    CHECK(after.out.find("Verzonden: 1 gebeurtenis, waarvan 1 nieuw") != std::string::npos);
    CHECK(after.out.find("0 gebeurtenissen wachten") != std::string::npos);  // nothing keeps waiting
    // Its own two that the backup lacked, pulled back, and said so.
    CHECK(after.out.find("(a, eigen gebeurtenissen uit een eerdere database van deze kiosk (een teruggezette reservekopie"
                         " of een vervangen schijf): 2)") != std::string::npos);

    // The server holds each event once: five from before the restore, one after it, in a new series.
    CHECK(countEvents(c.owner) == 6);
    CHECK(countEvents(c.owner, "origin_kiosk = 'a' AND origin_epoch = (SELECT origin_epoch FROM attendance_event"
                               " WHERE origin_kiosk = 'a' AND origin_seq = 1)") == 5);
    CHECK(countEvents(c.owner, "origin_kiosk = 'a' AND origin_seq = 4") == 2);

    REQUIRE(b.sync().exitCode == 0);
    for (const Kiosk* k : {&a, &b}) {
        const std::string list = k->presenceList();
        INFO(k->id << "\n" << list);
        CHECK(k->localEvents() == 6);
        CHECK(k->sqliteCount("SELECT count(DISTINCT participant_code) FROM attendance_event WHERE kind = 'check_in'") == 6);
        for (int i = 0; i < 6; ++i) CHECK(rowOf(list, kPeople[i][1]).find("09:0" + std::to_string(i + 1)) != std::string::npos);
    }

    SECTION("syncing again moves nothing, on either kiosk") {
        for (const Kiosk* k : {&a, &b}) {
            const RunResult again = k->sync();
            INFO(k->id << "\n" << again.out << again.err);
            CHECK(again.exitCode == 0);
            CHECK(again.out.find("Verzonden: 0") != std::string::npos);
            CHECK(again.out.find("geen nieuwe gebeurtenissen") != std::string::npos);
            CHECK(k->localEvents() == 6);
        }
    }
    SECTION("a second restore of the same backup starts yet another series, and still loses nothing") {
        REQUIRE(a.cli({"restore", backup}).exitCode == 0);
        REQUIRE(a.localEvents() == 3);
        REQUIRE(a.cli({"checkout", "ZU01", "--at", "2026-11-26T12:00"}).exitCode == 0);
        const RunResult again = a.sync();
        INFO(again.out << again.err);
        CHECK(again.exitCode == 0);
        CHECK(again.out.find("0 gebeurtenissen wachten") != std::string::npos);
        CHECK(a.localEvents() == 7);
        CHECK(countEvents(c.owner) == 7);
        CHECK(countEvents(c.owner, "origin_kiosk = 'a' AND origin_seq = 4") == 3);  // three series, one number
        REQUIRE(b.sync().exitCode == 0);
        CHECK(b.localEvents() == 7);
    }
}

TEST_CASE("a database copied back by hand, not by restore, starts a new series at its first refused push",
          "[central][sync][restore]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    Kiosk b("b", c.addKiosk("b"));
    for (int i = 0; i < 3; ++i) REQUIRE(a.checkIn(kPeople[i][0], atOf(i)).exitCode == 0);
    REQUIRE(a.sync().exitCode == 0);
    const auto db = a.dir / "attendance.db";
    const auto copy = a.dir / "copy.db";
    REQUIRE(a.cli({"backup", copy.string()}).exitCode == 0);
    for (int i = 3; i < 5; ++i) REQUIRE(a.checkIn(kPeople[i][0], atOf(i)).exitCode == 0);
    REQUIRE(a.sync().exitCode == 0);
    // The kiosk stopped, the old copy put over the database with cp (no -wal is left by a command).
    REQUIRE_FALSE(std::filesystem::exists(db.string() + "-wal"));
    std::filesystem::copy_file(copy, db, std::filesystem::copy_options::overwrite_existing);
    REQUIRE(a.localEvents() == 3);
    // The copy carries the epoch its database was made with, the one the server holds numbers 4 and 5 of.
    const long long made = a.sqliteCount("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'central_epoch'");
    CHECK(made > 0);

    REQUIRE(a.checkIn(kPeople[5][0], atOf(5)).exitCode == 0);  // number 4 again, in the same epoch again
    const RunResult after = a.sync();
    INFO(after.out << after.err);
    CHECK(after.exitCode == 0);
    CHECK(after.out.find("Verzonden: 1 gebeurtenis, waarvan 1 nieuw") != std::string::npos);
    CHECK(after.out.find("0 gebeurtenissen wachten") != std::string::npos);
    CHECK(a.sqliteCount("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'central_epoch'") != made);
    CHECK(a.localEvents() == 6);
    CHECK(countEvents(c.owner) == 6);
    REQUIRE(b.sync().exitCode == 0);
    CHECK(b.localEvents() == 6);
    const std::string list = a.presenceList();
    for (int i = 0; i < 6; ++i) CHECK(rowOf(list, kPeople[i][1]).find("09:0" + std::to_string(i + 1)) != std::string::npos);
}

}  // namespace kiosk::test
