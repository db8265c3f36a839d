// What a venue's IT does to servers and boxes, and the central record coming through it (issue 27,
// central_sync.h rules 2, 5, 6 and 7): a server restored from last night's dump, a box whose disk
// was replaced, a config folder copied to a second box, a server on another schema version, a
// kiosk row that is missing. Each asserts the counts on every kiosk and on the server, the exit
// codes and the words shown, through the real binary against a real PostgreSQL.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "central/central_schema.h"
#include "central_kiosk.h"

namespace kiosk::test {
namespace {

const char* const kPeople[][2] = {{"ZU01", "Anna"},   {"ZU02", "Mohamed"},      {"ZU03", "Zoë"},   {"ZU04", "Ĳsbrand"},
                                  {"ZU05", "Çağla"}, {"ZU06", "Maria-Louise"}, {"ZU07", "Pieter"}};

std::string atOf(int i) { return "2026-11-26T09:" + std::string(i < 10 ? "0" : "") + std::to_string(i + 1); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A check-in at the door (the command line's), and how long it took; REQUIREs it was confirmed.
long long timedCheckIn(const Kiosk& k, int person) {
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = k.checkIn(kPeople[person][0], atOf(person));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    return ms;
}

void requireSync(const Kiosk& k) {
    const RunResult r = k.sync();
    INFO(k.id << ": " << r.out << r.err);
    REQUIRE(r.exitCode == 0);
}

}  // namespace

TEST_CASE("central_sync rule 5: a server restored from last night's dump gets back what it had confirmed since, from the kiosks",
          "[central][survive][restoreserver]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    Kiosk b("b", c.addKiosk("b"));
    timedCheckIn(a, 0);
    timedCheckIn(a, 1);
    timedCheckIn(b, 2);
    requireSync(a);
    requireSync(b);
    requireSync(a);
    const std::string night = (a.dir / "night.dump").string();
    dump(c, night);

    // The next morning: three more check-ins, confirmed by the server, pulled by the other kiosk.
    timedCheckIn(a, 3);
    timedCheckIn(a, 4);
    timedCheckIn(b, 5);
    requireSync(a);
    requireSync(b);
    REQUIRE(countEvents(c.owner) == 6);
    REQUIRE(b.localEvents() == 6);

    // The DBA restores last night's dump: the server holds three.
    dropAndRestore(c, night);
    REQUIRE(countEvents(c.owner) == 3);

    // Kiosk a is switched off meanwhile; b alone sends its own lost event and offers a's two again.
    long long worst = timedCheckIn(b, 6);
    const auto start = std::chrono::steady_clock::now();
    const RunResult r = b.sync();
    const auto converged = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(has(r.out, "De centrale registratie miste 3 gebeurtenissen die ze al eens had bevestigd (van deze kiosk: 1, "
                     "van andere kiosks: 2); ze zijn opnieuw verstuurd."));
    CHECK(has(r.out, "0 gebeurtenissen wachten"));
    CHECK(countEvents(c.owner) == 7);
    CHECK(countEvents(c.owner, "origin_kiosk = 'a'") == 4);
    CHECK(countEvents(c.owner, "origin_kiosk = 'a' AND offered_by = 'b'") == 2);  // who re-sent them stays on record

    // The doctor says it too; a later sync finds nothing lacking.
    const RunResult doc = b.cli({"doctor"});
    INFO(doc.out);
    CHECK(has(doc.out, "Hersteld: "));
    CHECK(has(doc.out, "de centrale registratie miste 3 gebeurtenissen; opnieuw verstuurd"));
    const RunResult again = b.sync();
    CHECK(again.exitCode == 0);
    CHECK_FALSE(has(again.out, "miste"));

    // Kiosk a comes back: nothing is missing any more, nothing doubles.
    const RunResult back = a.sync();
    INFO(back.out << back.err);
    CHECK(back.exitCode == 0);
    CHECK_FALSE(has(back.out, "miste"));
    CHECK(countEvents(c.owner) == 7);

    // A kiosk that joins now gets the whole record, and every kiosk shows every person.
    Kiosk n("n", c.addKiosk("n"));
    requireSync(n);
    for (const Kiosk* k : {&a, &b, &n}) {
        INFO(k->id);
        CHECK(k->localEvents() == 7);
        const std::string list = k->presenceList();
        for (int i = 0; i < 7; ++i) CHECK(has(rowOf(list, kPeople[i][1]), atOf(i).substr(11)));
    }
    const auto t = std::chrono::steady_clock::now();
    REQUIRE(a.cli({"checkout", kPeople[0][0], "--at", "2026-11-26T12:00"}).exitCode == 0);
    worst = std::max(worst, static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - t).count()));
    std::printf("[restoreserver] events lost before 3, after 0; door check-in worst %lld ms; converged in %lld ms\n",
                worst, static_cast<long long>(converged));
}

TEST_CASE("a server restored to before a kiosk's own new series gets it back, and a kiosk that ran ahead of the "
          "dump re-sends when it comes back first",
          "[central][survive][restoreserver]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    Kiosk b("b", c.addKiosk("b"));
    const std::string empty = (a.dir / "empty.dump").string();
    dump(c, empty);  // the schema and kiosks, no events yet
    for (int i = 0; i < 4; ++i) timedCheckIn(a, i);
    requireSync(a);
    requireSync(b);
    dropAndRestore(c, empty);
    REQUIRE(countEvents(c.owner) == 0);
    // a syncs first this time: its four go up again, and b's copy adds nothing.
    const RunResult r = a.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(has(r.out, "miste 4 gebeurtenissen"));
    CHECK(countEvents(c.owner) == 4);
    const RunResult rb = b.sync();
    CHECK(rb.exitCode == 0);
    CHECK_FALSE(has(rb.out, "miste"));
    CHECK(countEvents(c.owner) == 4);
    CHECK(b.localEvents() == 4);
}

TEST_CASE("central_sync rule 2: a box whose disk was replaced gets its predecessor's events on its first sync and never reuses their numbers",
          "[central][survive][replacebox]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    Kiosk b("b", c.addKiosk("b"));
    for (int i = 0; i < 3; ++i) timedCheckIn(a, i);
    timedCheckIn(b, 3);
    requireSync(a);
    requireSync(b);
    requireSync(a);

    // The disk is replaced: the same config folder, no database.
    for (const char* f : {"attendance.db", "attendance.db-wal", "attendance.db-shm"}) std::filesystem::remove(a.dir / f);
    std::filesystem::remove_all(a.dir / "backups");
    const auto start = std::chrono::steady_clock::now();
    const RunResult first = a.sync();
    const auto converged = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    INFO(first.out << first.err);
    CHECK(first.exitCode == 0);
    CHECK(has(first.out, "a, eigen gebeurtenissen uit een eerdere database van deze kiosk"));
    CHECK(a.localEvents() == 4);

    // Its first own event after the repair: a new series, no refusal, no warning about two boxes.
    const long long door = timedCheckIn(a, 4);
    const RunResult next = a.sync();
    INFO(next.out << next.err);
    CHECK(next.exitCode == 0);
    CHECK(has(next.out, "Verzonden: 1 gebeurtenis, waarvan 1 nieuw"));
    CHECK_FALSE(has(next.err, "Een andere kast"));
    CHECK(countEvents(c.owner) == 5);
    CHECK(countEvents(c.owner, "origin_kiosk = 'a'") == 4);
    PgResult series = c.owner.exec("SELECT count(DISTINCT origin_epoch) FROM attendance_event WHERE origin_kiosk = 'a'");
    CHECK(series.integer(0, 0) == 2);
    requireSync(b);
    for (const Kiosk* k : {&a, &b}) {
        INFO(k->id);
        CHECK(k->localEvents() == 5);
        const std::string list = k->presenceList();
        for (int i = 0; i < 5; ++i) CHECK(has(rowOf(list, kPeople[i][1]), atOf(i).substr(11)));
    }
    std::printf("[replacebox] predecessor's events lost before 3, after 0; door check-in %lld ms; converged in %lld ms\n",
                door, static_cast<long long>(converged));
}

TEST_CASE("central_sync rule 7: two boxes with one kiosk id lose and hide nothing, and both are named until one gets its own id",
          "[central][survive][duplicateid]") {
    CentralDb c;
    const PrintedKiosk printed = c.addKiosk("a");
    Kiosk first("a", printed);
    Kiosk copy("a", printed);  // the config folder copied to a second box
    Kiosk b("b", c.addKiosk("b"));
    timedCheckIn(first, 0);
    timedCheckIn(first, 1);
    timedCheckIn(copy, 2);
    timedCheckIn(copy, 3);
    timedCheckIn(b, 4);
    requireSync(first);
    // The copy's first sync cannot yet be told from a box whose disk was replaced: no word yet.
    const RunResult second = copy.sync();
    INFO(second.out << second.err);
    CHECK(second.exitCode == 0);
    // Then the first box syncs again: two databases of one id in contact at once.
    const RunResult again = first.sync();
    INFO(again.out << again.err);
    CHECK(again.exitCode == 1);
    CHECK(has(again.err, "Een andere kast gebruikt ook kiosk-id 'a': "));
    CHECK(has(again.err, (copy.dir / "attendance.db").string()));
    CHECK(has(again.err, "Deze kast: "));
    CHECK(has(again.err, (first.dir / "attendance.db").string()));
    REQUIRE(b.sync().exitCode == 0);
    for (const Kiosk* k : {&copy, &first}) {
        const RunResult r = k->sync();
        INFO(r.out << r.err);
        CHECK(r.exitCode == 1);
        CHECK(has(r.err, "Een andere kast gebruikt ook kiosk-id 'a': "));
        CHECK(has(r.err, ((k == &copy ? first : copy).dir / "attendance.db").string()));
    }

    // Nothing lost or hidden: the server, both boxes and b hold all five.
    CHECK(countEvents(c.owner) == 5);
    for (const Kiosk* k : {&first, &copy, &b}) {
        INFO(k->dir.path().string());
        CHECK(k->localEvents() == 5);
        const std::string list = k->presenceList();
        for (int i = 0; i < 5; ++i) CHECK(has(rowOf(list, kPeople[i][1]), atOf(i).substr(11)));
    }
    const RunResult doc = copy.cli({"doctor"});
    INFO(doc.out);
    CHECK(doc.exitCode == 1);
    CHECK(has(doc.out, "Kiosk-id: ook in gebruik op "));
    CHECK(has(doc.out, (first.dir / "attendance.db").string()));
}

TEST_CASE("central_sync rule 6: a kiosk and a server on different schema versions say so and keep everything waiting",
          "[central][survive][versions]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    timedCheckIn(a, 0);
    const std::string mine = std::to_string(kCentralSchemaVersion);

    REQUIRE(c.owner.exec("INSERT INTO schema_version (version, description) VALUES (99, 'from a newer kiosk')").ok());
    RunResult r = a.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK(has(r.err, "De centrale registratie heeft schemaversie 99, nieuwer dan deze kiosk kent (" + mine + "): werk deze kiosk bij."));
    CHECK(has(r.err, "1 gebeurtenis wacht"));
    CHECK(countEvents(c.owner) == 0);
    RunResult doc = a.cli({"doctor"});
    CHECK(doc.exitCode == 1);
    CHECK(has(doc.out, "schemaversie 99"));

    REQUIRE(c.owner.exec("DELETE FROM schema_version WHERE version >= " + mine).ok());
    r = a.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK(has(r.err, "heeft schemaversie " + std::to_string(kCentralSchemaVersion - 1) + ", ouder dan die van deze kiosk (" + mine +
                         "): laat de beheerder de server bijwerken met leergang-kiosk central-setup."));
    CHECK(countEvents(c.owner) == 0);

    // The administrator runs central-setup (the migration is there already: only its row was gone).
    REQUIRE(c.owner.exec("INSERT INTO schema_version (version, description) VALUES (" + mine + ", 'back')").ok());
    r = a.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(countEvents(c.owner) == 1);
}

TEST_CASE("a kiosk whose row is missing on the server is refused with a clear message, never success",
          "[central][survive][versions]") {
    CentralDb c;
    Kiosk b("b", c.addKiosk("b"));
    timedCheckIn(b, 0);
    REQUIRE(c.owner.exec("DELETE FROM kiosk WHERE id = 'b'").ok());
    const RunResult r = b.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK(has(r.err, "De centrale registratie kent geen kiosk 'b' voor de login "));
    CHECK(has(r.err, "voeg hem toe met leergang-kiosk central-setup --add-kiosk b"));
    CHECK(has(r.err, "1 gebeurtenis wacht"));
    CHECK_FALSE(has(r.out, "Verzonden"));
}

TEST_CASE("the door's facts stand: a check-out of a check-in not yet pulled, and a return before the check-out was pulled",
          "[central][survive][doorfacts]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    Kiosk b("b", c.addKiosk("b"));
    REQUIRE(a.checkIn("ZU01", "2026-11-26T09:00").exitCode == 0);
    requireSync(a);
    // Anna leaves through b, which has not pulled her check-in yet: recorded, not "niet ingecheckt".
    RunResult out = b.cli({"checkout", "ZU01", "--at", "2026-11-26T12:00"});
    INFO(out.out << out.err);
    CHECK(out.exitCode == 0);
    requireSync(b);
    // She comes back through a, which has not pulled the check-out yet: recorded, not "al ingecheckt".
    RunResult back = a.checkIn("ZU01", "2026-11-26T13:00");
    INFO(back.out << back.err);
    CHECK(back.exitCode == 0);
    requireSync(a);
    requireSync(b);
    // Impossible in any view stays refused: a check-out before a's own check-in of 13:00.
    RunResult early = a.cli({"checkout", "ZU01", "--at", "2026-11-26T12:30"});
    CHECK(early.exitCode == 4);
    CHECK(countEvents(c.owner) == 3);
    const std::string listA = a.presenceList(), listB = b.presenceList();
    INFO(listA << "\n" << listB);
    CHECK(listA == listB);
    CHECK(has(rowOf(listA, "Anna"), "09:00"));
    CHECK(a.localEvents() == 3);
    CHECK(b.localEvents() == 3);
}

TEST_CASE("a purge on the server is not undone by a kiosk restored from an older backup",
          "[central][survive][retention]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    Kiosk b("b", c.addKiosk("b"));
    REQUIRE(a.checkIn("ZU01", "2026-11-02T09:01").exitCode == 0);
    const std::string old = (a.dir / "old.db").string();
    REQUIRE(a.cli({"backup", old}).exitCode == 0);  // taken before that check-in was sent
    requireSync(a);
    REQUIRE(a.checkIn("ZU02", "2026-11-26T09:02").exitCode == 0);
    requireSync(a);
    requireSync(b);
    REQUIRE(b.localEvents() == 2);

    // The organiser purges (10 days: the 2 November check-in goes, the newest stays); kiosk a is off.
    const RunResult purge = centralSetup(c.server.ownerUrl(c.db), {"--purge", "--older-than", "10"});
    INFO(purge.out << purge.err);
    REQUIRE(purge.exitCode == 0);
    REQUIRE(countEvents(c.owner) == 1);

    // Kiosk a is restored from the older backup: its outbox holds the purged check-in again.
    REQUIRE(a.cli({"restore", old}).exitCode == 0);
    const RunResult r = a.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(has(r.err, "1 gebeurtenis van vóór "));
    CHECK(has(r.err, "uit de outbox gehaald zonder ze te versturen"));
    CHECK(has(r.out, "0 gebeurtenissen wachten"));
    CHECK(countEvents(c.owner) == 1);
    CHECK(countEvents(c.owner, "local_date < '2026-11-16'") == 0);

    // b, which holds the purged check-in, offers nothing of it; the server refuses it when offered anyway.
    const RunResult rb = b.sync();
    CHECK(rb.exitCode == 0);
    CHECK_FALSE(has(rb.out, "miste"));
    PgConnection asB;
    c.connectAs(asB, c.addKiosk("b"));
    PgResult direct = asB.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms,"
                               " recorded_ms, local_date, source, kiosk_id) VALUES ('old-1', 'b', 999, 'ZU01', 'check_in',"
                               " 1793606460000, 1793606460000, '2026-11-02', 'kiosk', 'b')");
    INFO(direct.error());
    CHECK(direct.ok());
    CHECK(direct.affected() == 0);
    CHECK(countEvents(c.owner) == 1);

    // A kiosk that joins never pulls it back.
    Kiosk n("n", c.addKiosk("n"));
    requireSync(n);
    CHECK(n.localEvents() == 1);
}


TEST_CASE("central_retention rule, bound: a check-in of the cut-off day itself, still in a kiosk's outbox, is sent and kept after the purge",
          "[central][survive][retention][boundary]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    Kiosk b("b", c.addKiosk("b"));
    REQUIRE(a.checkIn("ZU01", "2026-11-26T09:01").exitCode == 0);
    requireSync(a);
    // Kiosk b was off the network: its check-ins of 15 and 16 November wait in its outbox.
    REQUIRE(b.checkIn("ZU02", "2026-11-15T09:00").exitCode == 0);
    REQUIRE(b.checkIn("ZU03", "2026-11-16T09:00").exitCode == 0);
    // 10 days, by the clock and by the records alike: the cut-off is 16 November, the day before goes.
    const RunResult purge = centralSetup(c.server.ownerUrl(c.db), {"--purge", "--older-than", "10", "--now", "2026-11-26T10:00"});
    INFO(purge.out << purge.err);
    REQUIRE(purge.exitCode == 0);
    REQUIRE(c.owner.exec("SELECT cutoff::text FROM central_cutoff").text(0, 0) == "2026-11-16");

    const RunResult r = b.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(has(r.err, "1 gebeurtenis van vóór "));  // the 15th's, taken out of the outbox unsent
    CHECK(has(r.out, "0 gebeurtenissen wachten"));
    CHECK(countEvents(c.owner, "local_date = '2026-11-16'") == 1);  // the cut-off day itself stays
    CHECK(countEvents(c.owner, "local_date = '2026-11-15'") == 0);
    CHECK(countEvents(c.owner) == 2);
    requireSync(a);
    CHECK(a.sqliteCount("SELECT count(*) FROM attendance_event WHERE participant_code = 'ZU03'") == 1);
}


TEST_CASE("central_sync rule 5: purged stays purged: a kiosk whose newest pushed event the purge deleted reports nothing lost and offers nothing",
          "[central][survive][retention]") {
    CentralDb c;
    Kiosk a("a", c.addKiosk("a"));
    REQUIRE(a.checkIn("ZU01", "2026-11-26T09:01").exitCode == 0);
    REQUIRE(a.checkIn("ZU02", "2026-11-02T09:00").exitCode == 0);  // typed in late: the series' highest number
    requireSync(a);
    REQUIRE(countEvents(c.owner) == 2);
    const RunResult purge = centralSetup(c.server.ownerUrl(c.db), {"--purge", "--older-than", "10", "--now", "2026-11-26T10:00"});
    INFO(purge.out << purge.err);
    REQUIRE(purge.exitCode == 0);
    REQUIRE(countEvents(c.owner) == 1);
    // The server's top of a's series is now below what it confirmed: that is the purge, not a loss.
    const RunResult r = a.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK_FALSE(has(r.out + r.err, "miste"));
    CHECK(has(r.out, "0 gebeurtenissen wachten"));
    CHECK(countEvents(c.owner) == 1);
}

}  // namespace kiosk::test
