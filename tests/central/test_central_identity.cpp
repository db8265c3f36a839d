// One box, its current id (central_sync.h, rule 13; central_outbox_identity.cpp; central schema 7):
// a kiosk that checked people in on its own before it joined the central record, and a copied box
// that synced under the first box's id and was then given its own (the README's "Als er iets
// misgaat"). Found by hand (session 8): both left every later push refused by the server's
// row-level security (R2: an event only as its writer's own), for good, exit 1 at every sync; and
// the first box kept warning of a second box after the copy had its own id.
#include <chrono>

#include "central_kiosk.h"

namespace kiosk::test {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

RunResult checkIn(const Kiosk& k, const std::string& code, const std::string& hhmm) {
    const RunResult r = k.checkIn(code, "2026-11-26T" + hhmm);
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    return r;
}

long long serverCount(CentralDb& c, const std::string& where) { return countEvents(c.owner, where); }

}  // namespace

TEST_CASE("central_sync rule 13: a kiosk that checked people in on its own before it joined the central record sends them as its central id's",
          "[central][identity]") {
    CentralDb c;
    const PrintedKiosk hal = c.addKiosk("hal");
    Kiosk k("hal", hal);
    Kiosk zaal("zaal", c.addKiosk("zaal"));
    k.becomes("entree", PrintedKiosk{});  // the sample config as shipped: on its own, id "entree"
    checkIn(k, "ZU01", "09:01");
    checkIn(k, "ZU02", "09:02");
    k.becomes("hal", hal);  // then it joins the central record
    checkIn(k, "ZU03", "09:03");
    const RunResult r = k.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(has(r.out, "2 gebeurtenissen geregistreerd onder een eerdere kiosk-id"));
    CHECK(k.sqliteCount("SELECT count(*) FROM central_outbox") == 0);
    CHECK(serverCount(c, "origin_kiosk = 'hal' AND kiosk_id = 'hal'") == 3);
    CHECK(k.sqliteCount("SELECT count(*) FROM attendance_event WHERE kiosk_id = 'entree'") == 2);  // kept as recorded
    const RunResult again = k.sync();
    CHECK(again.exitCode == 0);
    CHECK_FALSE(has(again.out, "eerdere kiosk-id"));
    REQUIRE(zaal.sync().exitCode == 0);
    CHECK(zaal.localEvents() == 3);
    for (const char* name : {"Anna", "Mohamed", "Zoë"}) CHECK_FALSE(rowOf(zaal.presenceList(), name).empty());
}

TEST_CASE("a copied box given its own id after it synced: nothing waits, nothing is lost, neither box warns any more",
          "[central][identity]") {
    CentralDb c;
    const PrintedKiosk a = c.addKiosk("a");
    const PrintedKiosk a2 = c.addKiosk("a2");  // on the server before last night's dump
    Kiosk first("a", a);
    Kiosk copy("a", a);  // the config folder copied to a second box, which syncs before anyone notices
    const std::string dumpFile = (first.dir / "voor.dump").string();
    checkIn(first, "ZU01", "09:01");
    REQUIRE(first.sync().exitCode == 0);
    dump(c, dumpFile);  // last night's dump: only Anna
    checkIn(copy, "ZU02", "09:02");
    REQUIRE(copy.sync().exitCode == 0);
    RunResult warned = first.sync();
    CHECK(warned.exitCode == 1);
    CHECK(has(warned.err, "Een andere kast gebruikt ook kiosk-id 'a'"));
    checkIn(copy, "ZU03", "09:03");  // recorded as 'a', still waiting when the id changes

    // The README's step: the copy gets its own id; then a check-in under it.
    copy.becomes("a2", a2);
    SECTION("the copy synced with this version") {}
    SECTION("the copy synced with the version before, which kept no record of the id it pushed under") {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((copy.dir / "attendance.db").c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "DELETE FROM meta WHERE key = 'central_kiosk_id'", nullptr, nullptr, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_changes(db) == 1);
        sqlite3_close(db);
    }
    checkIn(copy, "ZU04", "09:04");
    const RunResult renamed = copy.sync();
    INFO(renamed.out << renamed.err);
    CHECK(renamed.exitCode == 0);
    CHECK(has(renamed.out, "Deze kast heette eerder kiosk 'a' en heet nu 'a2'"));
    CHECK(has(renamed.out, "1 gebeurtenis geregistreerd onder een eerdere kiosk-id"));
    CHECK(copy.sqliteCount("SELECT count(*) FROM central_outbox") == 0);
    // The earlier id is on the Status page and in `doctor` too, read from the outbox (sync_status.h, 6).
    const RunResult doctor = copy.cli({"doctor"});
    INFO(doctor.out << doctor.err);
    CHECK(has(doctor.out + doctor.err, "Eerdere kiosk-id: deze kast heette eerder 'a'; wat daaronder bevestigd is blijft van 'a'"));
    const RunResult quiet = first.sync();
    INFO(quiet.out << quiet.err);
    CHECK(quiet.exitCode == 0);
    CHECK_FALSE(has(quiet.err, "Een andere kast"));
    CHECK(copy.sync().exitCode == 0);
    CHECK(serverCount(c, "true") == 4);
    CHECK(serverCount(c, "kiosk_id = 'a2'") == 2);  // Zoë (waiting when renamed) and Ĳsbrand
    for (const Kiosk* k : {&first, &copy}) CHECK(k->localEvents() == 4);

    // A server restored from last night's dump gets everything back: Mohamed, acknowledged under
    // 'a' by the copy, is re-offered from the old id's series; Zoë and Ĳsbrand are the copy's own.
    dropAndRestore(c, dumpFile);
    for (const Kiosk* k : {&first, &copy, &first}) {
        const RunResult r = k->sync();
        INFO(k->id << ": " << r.out << r.err);
        CHECK(r.exitCode == 0);
    }
    CHECK(serverCount(c, "true") == 4);
    CHECK(serverCount(c, "participant_code = 'ZU02' AND origin_kiosk = 'a'") == 1);
    for (const Kiosk* k : {&first, &copy}) CHECK(k->localEvents() == 4);
}

TEST_CASE("the events of a former id are re-offered with that id when a restored server lost them, and a database of the version before is not taken for a renamed one",
          "[central][identity]") {
    CentralDb c;
    const PrintedKiosk hal = c.addKiosk("hal");
    const PrintedKiosk hal2 = c.addKiosk("hal2");
    Kiosk k("hal", hal);
    Kiosk zaal("zaal", c.addKiosk("zaal"));
    const std::string empty = (k.dir / "leeg.dump").string();
    dump(c, empty);  // before anything was sent
    k.becomes("entree", PrintedKiosk{});
    checkIn(k, "ZU01", "09:01");  // recorded as "entree", on its own
    k.becomes("hal", hal);
    REQUIRE(k.sync().exitCode == 0);  // sent as hal's

    // A database of the version before (no record of the id it pushed under), whose newest
    // acknowledged event was recorded as "entree": the server holds its series as hal's, so it is
    // no rename from "entree".
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((k.dir / "attendance.db").c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "DELETE FROM meta WHERE key = 'central_kiosk_id'", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    RunResult r = k.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK_FALSE(has(r.out, "heette eerder"));
    CHECK(k.sqliteCount("SELECT count(*) FROM central_pulled") == 0);

    // Then the box does get another id, and the server is restored from before anything was sent:
    // ZU01, acknowledged under hal (recorded as "entree"), comes back as hal's; ZU02 as hal2's.
    k.becomes("hal2", hal2);
    checkIn(k, "ZU02", "09:02");
    r = k.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(has(r.out, "Deze kast heette eerder kiosk 'hal' en heet nu 'hal2'"));
    dropAndRestore(c, empty);
    r = k.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK_FALSE(has(r.out, "niet opnieuw aanbieden"));
    CHECK(serverCount(c, "participant_code = 'ZU01' AND origin_kiosk = 'hal' AND kiosk_id = 'hal'") == 1);
    CHECK(serverCount(c, "participant_code = 'ZU02' AND origin_kiosk = 'hal2' AND kiosk_id = 'hal2'") == 1);
    REQUIRE(zaal.sync().exitCode == 0);
    CHECK(zaal.localEvents() == 2);
}

TEST_CASE("a server restored from a dump made before it heard of the new id hears it again, and the first box stops warning",
          "[central][identity]") {
    CentralDb c;
    const PrintedKiosk a = c.addKiosk("a");
    const PrintedKiosk a2 = c.addKiosk("a2");
    Kiosk first("a", a);
    Kiosk copy("a", a);
    checkIn(first, "ZU01", "09:01");
    REQUIRE(first.sync().exitCode == 0);
    checkIn(copy, "ZU02", "09:02");
    REQUIRE(copy.sync().exitCode == 0);
    const std::string dumpFile = (first.dir / "na-de-kopie.dump").string();
    dump(c, dumpFile);  // the server knows both databases of 'a', not yet the new id
    Kiosk rogue("a", a);
    for (const char* f : {"attendance.db", "attendance.db-wal"})
        if (std::filesystem::exists(copy.dir / f)) std::filesystem::copy_file(copy.dir / f, rogue.dir / f);
    copy.becomes("a2", a2);
    REQUIRE(copy.sync().exitCode == 0);
    REQUIRE(first.sync().exitCode == 0);
    dropAndRestore(c, dumpFile);
    RunResult r = first.sync();
    CHECK(r.exitCode == 1);  // the restored server has the copy's old row again, unmarked
    CHECK(has(r.err, "Een andere kast gebruikt ook kiosk-id 'a'"));
    REQUIRE(copy.sync().exitCode == 0);  // tells it again
    r = first.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK_FALSE(has(r.err, "Een andere kast"));
    // A box that goes on syncing under the marked id is a second box again: the mark hides no box
    // that still syncs (central_schema.h, R15). The copy's database as it was before its new id,
    // on a box that still says id = "a".
    const RunResult again = rogue.sync();
    INFO(again.out << again.err);
    CHECK(has(again.err, "Een andere kast gebruikt ook kiosk-id 'a'"));
    r = first.sync();
    CHECK(r.exitCode == 1);
    CHECK(has(r.err, (rogue.dir / "attendance.db").string()));
}

}  // namespace kiosk::test
