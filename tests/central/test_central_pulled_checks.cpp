// Pulled rows the local side refuses (issue 34, item 2; central_sync.h, rule 11;
// central_event_checks.h): a row a newer version wrote holds its series' high-water mark until this
// kiosk can read it; a row that can never pass is refused and the series goes on; a code the roster
// lacks is stored under a placeholder (rule 9). Each is said on the command line and the Status page.
#include "central/central_event_checks.h"
#include "central/sync_status.h"
#include "central_kiosk.h"
#include "core/text_catalogue.h"
#include "store/central_outbox.h"

namespace kiosk::test {
namespace {

// The server as an owner's hand, an older server or a newer kiosk left it: rows of a series of
// kiosk deur's (its own epoch, so they do not collide with what deur pushes itself) written by the
// owner past the constraints a kiosk's insert meets.
struct Series {
    CentralDb c;
    PrintedKiosk pZaal = c.addKiosk("zaal");
    Kiosk deur{"deur", c.addKiosk("deur")};
    Kiosk zaal{"zaal", pZaal};

    Series() {
        REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);
        REQUIRE(deur.sync().exitCode == 0);  // the roster released, deur's series on the server
        REQUIRE(c.owner.exec("ALTER TABLE attendance_event DROP CONSTRAINT attendance_event_kind_check").ok());
        REQUIRE(c.owner.exec("ALTER TABLE attendance_event DROP CONSTRAINT attendance_event_text_limits").ok());
    }
    void row(int seq, const std::string& code, const std::string& kind, const std::string& reason = "") {
        const PgResult r = c.owner.exec(
            "INSERT INTO attendance_event (id, origin_kiosk, origin_epoch, origin_seq, participant_code, kind, at_ms,"
            " recorded_ms, local_date, source, kiosk_id, reason, actor, cohort) VALUES ($1, 'deur', 424242, $2::bigint, $3,"
            " $4, 1795680300000 + $2::bigint * 60000, 1795680300000, '2026-11-26', 'kiosk', 'deur', $5, '', 'zutphen-2026')",
            {"oud-" + std::to_string(seq), std::to_string(seq), code, kind, reason});
        INFO(r.error());
        REQUIRE(r.ok());
    }
    long long held(const std::string& id) const {
        return zaal.sqliteCount("SELECT count(*) FROM attendance_event WHERE id = '" + id + "'");
    }
};

}  // namespace

TEST_CASE("central_sync rule 11: a row of a newer version holds the series' mark, and it and the rows after it arrive once readable",
          "[central][pulledchecks]") {
    Series s;
    s.row(1, "ZU02", "check_in");
    s.row(2, "ZU03", "partial_day");  // a kind this version does not know: a newer kiosk wrote it
    s.row(3, "ZU04", "check_in");
    RunResult r = s.zaal.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(s.held("oud-1") == 1);
    CHECK(s.held("oud-2") == 0);
    CHECK(s.held("oud-3") == 0);  // held behind the row it cannot read, not skipped past it
    CHECK(r.err.find("Registraties van kiosk deur (kind) zijn van een nieuwere versie") != std::string::npos);
    // Again: still held (the mark did not move), said again.
    r = s.zaal.sync();
    CHECK(s.held("oud-3") == 0);
    CHECK(r.err.find("nieuwere versie") != std::string::npos);
    // This kiosk can read it now (as after an upgrade; here the row becomes a kind it knows).
    // (The owner's hand past the append-only rule, as central-setup itself does for its migrations.)
    for (const char* sql : {"ALTER TABLE attendance_event DISABLE TRIGGER attendance_event_append_only",
                            "UPDATE attendance_event SET kind = 'check_in' WHERE id = 'oud-2'",
                            "ALTER TABLE attendance_event ENABLE TRIGGER attendance_event_append_only"}) {
        const PgResult done = s.c.owner.exec(sql);
        INFO(sql << ": " << done.error());
        REQUIRE(done.ok());
    }
    r = s.zaal.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(s.held("oud-2") == 1);
    CHECK(s.held("oud-3") == 1);
    CHECK(r.err.find("nieuwere versie") == std::string::npos);
}

TEST_CASE("central_sync rule 11: a held row in a full batch holds the batches behind it as well", "[central][pulledchecks]") {
    Series s;
    s.row(1, "ZU02", "check_in");
    s.row(2, "ZU03", "partial_day");  // a newer version's row, in the first batch of a pull (5,000 rows)
    // 6,000 readable rows behind it: the pull asks for the next batch before it has checked this one.
    const PgResult more = s.c.owner.exec(
        "INSERT INTO attendance_event (id, origin_kiosk, origin_epoch, origin_seq, participant_code, kind, at_ms, recorded_ms,"
        " local_date, source, kiosk_id, reason, actor, cohort) SELECT 'oud-' || g, 'deur', 424242, g, 'ZU04', 'check_in',"
        " 1795680300000 + g * 1000, 1795680300000, '2026-11-26', 'kiosk', 'deur', '', '', 'zutphen-2026'"
        " FROM generate_series(3, 6002) g");
    INFO(more.error());
    REQUIRE(more.ok());
    const RunResult r = s.zaal.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(s.held("oud-1") == 1);
    CHECK(s.held("oud-2") == 0);
    CHECK(s.held("oud-5003") == 0);  // in the batch asked ahead: not read past the held row
    CHECK(s.zaal.sqliteCount("SELECT count(*) FROM attendance_event WHERE id LIKE 'oud-%'") == 1);
}

TEST_CASE("central_sync rule 11: a row that can never pass is refused with its field named, and the series goes on",
          "[central][pulledchecks]") {
    Series s;
    s.row(1, "ZU02", "check_in");
    s.row(2, "ZU03", "correction", std::string(5000, 'x'));  // a reason over its limit: an older server's row
    s.row(3, "ZU04", "check_in");
    const RunResult r = s.zaal.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(s.held("oud-1") == 1);
    CHECK(s.held("oud-2") == 0);
    CHECK(s.held("oud-3") == 1);
    CHECK(r.err.find("1 opgehaalde gebeurtenis niet bewaard") != std::string::npos);
    CHECK(r.err.find("(reason:") != std::string::npos);
}

TEST_CASE("central_sync rule 9: a pulled row for a code the roster lacks is stored under an inactive placeholder",
          "[central][pulledchecks]") {
    Series s;
    s.row(1, "ZU77", "check_in");  // not on the sample roster
    const RunResult r = s.zaal.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(s.held("oud-1") == 1);
    CHECK(s.zaal.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU77' AND active = 0") == 1);
    CHECK(r.err.find("niet bewaard") == std::string::npos);
}

TEST_CASE("sync_status rule 6: the Status page says what a push did besides sending as central_sync rules 5 12 13 have it", "[central][pulledchecks]") {
    Problems p;
    const Texts tx(Catalogue::parse(readFile(kSource + "/assets/text/nl.txt"), "nl.txt", p),
                   Catalogue::parse(readFile(kSource + "/assets/text/en.txt"), "en.txt", p), Lang::nl);
    SyncStatus st;
    st.enabled = true;
    st.connected = true;
    auto lines = [&] {
        std::string text;
        for (const auto& l : describeSyncStatus(st, tx, "hal", 0)) text += (l.ok ? "" : "! ") + l.label + ": " + l.value + "\n";
        return text;
    };
    const std::string quiet = lines();
    CHECK(quiet.find("Ingekort") == std::string::npos);
    CHECK(quiet.find("Eerdere kiosk-id") == std::string::npos);
    CHECK(quiet.find("Niet teruggegeven") == std::string::npos);
    st.reofferRefused = 3;
    st.fittedTotal = 1;
    st.relabelledTotal = 2;
    st.formerIds = formerIdNames({{"entree", 5}, {"deur", 7}, {"entree", 9}});
    const std::string text = lines();
    INFO(text);
    CHECK(text.find("! Niet teruggegeven: 3 gebeurtenissen van een groep die deze kiosk niet meer bedient") != std::string::npos);
    CHECK(text.find("Ingekort verstuurd: 1 gebeurtenis met een tekst langer") != std::string::npos);
    CHECK(text.find("Eerdere kiosk-id: deze kast heette eerder 'entree', 'deur'; ") != std::string::npos);
    CHECK(text.find("Als deze kiosk verstuurd: 2 gebeurtenissen geregistreerd onder een eerdere kiosk-id, sinds de start verstuurd als van 'hal'") != std::string::npos);
    SyncStatusBoard board;
    board.publish(st);
    const uint64_t v = board.version();
    st.fittedTotal = 2;  // a person would see the count change: the page is drawn again
    CHECK(board.publish(st));
    CHECK(board.version() == v + 1);
}

TEST_CASE("central_sync rule 11: the Status page says which rows were not taken over and which wait for an upgrade",
          "[central][pulledchecks]") {
    Problems p;
    const Texts tx(Catalogue::parse(readFile(kSource + "/assets/text/nl.txt"), "nl.txt", p),
                   Catalogue::parse(readFile(kSource + "/assets/text/en.txt"), "en.txt", p), Lang::nl);
    SyncStatus st;
    st.enabled = true;
    st.connected = true;
    st.refusedRows = 2;
    st.refusedFields = "reason";
    st.heldBy = "deur (kind)";
    std::string text;
    bool warned = false;
    for (const auto& l : describeSyncStatus(st, tx, "zaal", 0)) {
        text += l.label + ": " + l.value + "\n";
        if (l.label == "Nieuwere versie") warned = !l.ok;
    }
    INFO(text);
    CHECK(text.find("Niet overgenomen: 2 registraties van andere kiosks (reason: te lang of ongeldig)") != std::string::npos);
    CHECK(text.find("Nieuwere versie: registraties van deur (kind) wachten tot deze kiosk is bijgewerkt") != std::string::npos);
    CHECK(warned);
    // The words this version reads; the others mean a newer version.
    for (const char* f : {"kind", "source", "effect"}) CHECK(faultFromNewerVersion(f));
    for (const char* f : {"reason", "guest_name", "local_date", "participant_code", "id"}) CHECK_FALSE(faultFromNewerVersion(f));
    CentralEventRow e;
    e.id = "x";
    e.kind = "correction";
    e.source = "staff";
    e.localDate = "2026-11-26";
    e.participantCode = "ZU01";
    e.reason = "ziek";
    e.effect = "set_partial";  // an effect of a newer version
    CHECK(pulledEventFault(e) == "effect");
    e.effect = "set_excused";
    CHECK(pulledEventFault(e).empty());
    e.effect = "catch_up";  // a make-up day (core/catch_up.h): this version keeps it
    CHECK(pulledEventFault(e).empty());
}

TEST_CASE("central_sync rule 12: a text an older version stored over its limit is sent shortened, and nothing behind it waits",
          "[central][pulledchecks]") {
    // The pure part: characters, not bytes; exactly at the limit unchanged; one over is cut.
    CHECK(fittedToLimit("abcdefg", 5) == "abcd\u2026");
    CHECK(fittedToLimit("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9", 5) == "\u00e9\u00e9\u00e9\u00e9\u2026");
    CHECK(fittedToLimit("abcde", 5) == "abcde");
    CHECK(fittedToLimit(std::string(502, 'x'), 500) == std::string(499, 'x') + "\u2026");  // 502 bytes either way: compared by content
    CentralEventRow e;
    e.reason = std::string(501, 'r');
    e.guestName = std::string(100, 'n');
    CHECK(fitToServerLimits(e) == 1);
    CHECK(e.guestName.size() == 100);
    e.guestOrganisation = "Gemeente \xff Zutphen";  // a stray byte an old version let through
    CHECK(fitToServerLimits(e) == 1);
    CHECK(e.guestOrganisation == "Gemeente \uFFFD Zutphen");

    // On a kiosk: a staff correction an older version stored with a 600-character reason (before
    // the input check and the server's limits existed), then a check-in behind it.
    CentralDb c;
    Kiosk deur{"deur", c.addKiosk("deur")};
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((deur.dir / "attendance.db").c_str(), &db) == SQLITE_OK);
    const std::string insert =
        "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date, source, kiosk_id, reason,"
        " actor, effect) VALUES ('oud-lang', 'ZU02', 'correction', 1795680300000, 1795680300000, '2026-11-26', 'staff',"
        " 'deur', '" + std::string(600, 'z') + "', 'Beheer', 'set_absent')";
    REQUIRE(sqlite3_exec(db, insert.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    REQUIRE(deur.checkIn("ZU03", "2026-11-26T09:07").exitCode == 0);
    const RunResult r = deur.sync();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("1 gebeurtenis van een oudere versie met een tekst langer dan de centrale registratie toestaat") !=
          std::string::npos);
    CHECK(deur.sqliteCount("SELECT count(*) FROM central_outbox") == 0);  // nothing waits behind it
    PgResult held = c.owner.exec("SELECT char_length(reason), right(reason, 1) FROM attendance_event WHERE id = 'oud-lang'");
    REQUIRE(held.ok());
    REQUIRE(held.rows() == 1);
    CHECK(held.integer(0, 0) == 500);
    CHECK(held.text(0, 1) == "\u2026");
    CHECK(c.owner.exec("SELECT count(*) FROM attendance_event WHERE participant_code = 'ZU03'").integer(0, 0) == 1);
    CHECK(deur.sqliteCount("SELECT length(reason) FROM attendance_event WHERE id = 'oud-lang'") == 600);  // kept whole here
    // A second sync sends nothing again and says nothing of it.
    const RunResult again = deur.sync();
    CHECK(again.exitCode == 0);
    CHECK(again.out.find("oudere versie") == std::string::npos);
}

}  // namespace kiosk::test
