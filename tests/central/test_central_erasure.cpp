// One person erased on request from the central record (issue 31, items 3 and 4): the owner's
// `central-setup --erase`, every kiosk of the cohort at its next sync, a kiosk that had not heard
// yet, the other cohort's kiosks and a stolen kiosk's role (mallory). The model: central_schema.h
// (R16) and central_schema_v8.cpp; the kiosk's side central/central_erasure.h.
#include <filesystem>

#include "central/central_erasure.h"
#include "central/central_sync.h"
#include "core/clock.h"
#include "central_kiosk.h"
#include "store/attendance_db.h"
#include "store/central_outbox.h"

namespace kiosk::test {
namespace {

const std::string kCohort = "zutphen-2026";
// ZU05 in the sample roster (config/participants.csv).
const std::vector<std::string> kHerName{"Çağla", "Öztürk"};

RunResult eraseOnServer(CentralDb& c, const std::string& code, const std::string& cohort = kCohort) {
    return centralSetup(c.server.ownerUrl(c.db), {"--erase", code, "--cohort", cohort, "--reason", "verzoek art. 17, 1 december"});
}

void syncOk(const Kiosk& k) {
    const RunResult r = k.sync();
    INFO(k.id << "\n" << r.out << r.err);
    REQUIRE(r.exitCode == 0);
}

// Every row of every table of the central schema as text, `needle` searched in it: 0 when nowhere.
// `except`: a table left out (erased_event holds the ids of erased events: random, no content).
long long serverRowsHolding(CentralDb& c, const std::string& needle, const std::string& except = "") {
    PgResult tables = c.owner.exec("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                                   " AND table_type = 'BASE TABLE' ORDER BY 1");
    REQUIRE(tables.ok());
    REQUIRE(tables.rows() > 10);
    long long n = 0;
    for (int i = 0; i < tables.rows(); ++i) {
        if (tables.text(i, 0) == except) continue;
        PgResult r = c.owner.exec("SELECT count(*) FROM " + tables.text(i, 0) + " t WHERE strpos(t::text, $1) > 0", {needle});
        REQUIRE(r.ok());
        INFO(tables.text(i, 0) << " holds " << needle);
        CHECK(r.integer(0, 0) == 0);
        n += r.integer(0, 0);
    }
    return n;
}

// The kiosk's database file and its -wal as bytes.
std::string fileBytes(const Kiosk& k) {
    const std::filesystem::path db = k.dir / "attendance.db";
    std::string bytes = readFileText(db);
    if (std::filesystem::exists(db.string() + "-wal")) bytes += readFileText(db.string() + "-wal");
    return bytes;
}

}  // namespace

TEST_CASE("the owner erases a person: gone from the server and from every kiosk of the cohort, and nothing brings them back",
          "[central][erasure]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur")), zaal("zaal", c.addKiosk("zaal"));
    const PrintedKiosk pLaat = c.addKiosk("laat");
    Kiosk laat("laat", pLaat);
    REQUIRE(deur.checkIn("ZU05", "2026-11-26T09:05").exitCode == 0);
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:06").exitCode == 0);
    syncOk(deur);
    syncOk(zaal);
    syncOk(laat);
    REQUIRE(zaal.localEvents() == 2);
    const std::string herEvent = c.owner.exec("SELECT id FROM attendance_event WHERE participant_code = 'ZU05'").text(0, 0);
    REQUIRE(herEvent.size() > 10);
    // `laat` checks her in again but does not sync before the erasure: its outbox holds her.
    REQUIRE(laat.checkIn("ZU05", "2026-11-26T13:30").exitCode == 0);
    REQUIRE(laat.sqliteCount("SELECT count(*) FROM central_outbox") == 1);
    const long long releases = c.owner.exec("SELECT count(*) FROM roster_release").integer(0, 0);
    // The planner's statistics, as autovacuum's ANALYZE leaves them: the most common first and last
    // names of the roster rows, her among them (pg_statistic; the owner reads it in pg_stats).
    REQUIRE(c.owner.exec("ANALYZE roster_release_row, attendance_event").ok());
    const std::string inStats = "SELECT count(*) FROM pg_stats WHERE schemaname = 'public'"
                                " AND (most_common_vals::text LIKE '%' || $1 || '%' OR histogram_bounds::text LIKE '%' || $1 || '%')";
    REQUIRE(c.owner.exec(inStats, {kHerName[1]}).integer(0, 0) > 0);

    const RunResult erased = eraseOnServer(c, "ZU05");
    INFO(erased.err);
    REQUIRE(erased.exitCode == 0);
    CHECK(erased.err.find("ZU05 gewist uit groep zutphen-2026") != std::string::npos);
    CHECK(c.owner.exec("SELECT count(*) FROM erasure WHERE cohort = $1", {kCohort}).integer(0, 0) == 1);
    CHECK(countEvents(c.owner) == 1);  // ZU01's
    for (const std::string& needle : {kHerName[0], kHerName[1], std::string("ZU05")}) {
        CHECK(serverRowsHolding(c, needle) == 0);
        INFO("pg_stats still names " << needle);
        CHECK(c.owner.exec(inStats, {needle}).integer(0, 0) == 0);  // found in the DPO's hand trial
    }
    CHECK(serverRowsHolding(c, herEvent, "erased_event") == 0);
    CHECK(c.owner.exec("SELECT count(*) FROM erased_event WHERE id = $1", {herEvent}).integer(0, 0) == 1);

    // Every kiosk of the cohort at its next sync.
    for (const Kiosk* k : {&deur, &zaal}) {
        const RunResult r = k->sync();
        INFO(k->id << "\n" << r.out << r.err);
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.find("1 persoon op verzoek gewist") != std::string::npos);
        CHECK(r.out.find("gestuurd als versie") == std::string::npos);  // no release of its own (central_roster.h, 4)
        CHECK(k->sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU05'") == 0);
        CHECK(k->sqliteCount("SELECT count(*) FROM attendance_event WHERE participant_code = 'ZU05'") == 0);
        CHECK(k->localEvents() == 1);
        CHECK(k->sqliteCount("SELECT count(*) FROM meta WHERE key LIKE 'central_erased/zutphen-2026/%'") == 1);
        // The next command reads the config's roster again, which still names her: left out, and said.
        const RunResult again = k->sync();
        INFO(again.out << again.err);
        CHECK(again.exitCode == 0);
        CHECK(again.out.find("gewist") == std::string::npos);  // nothing new to erase
        CHECK(again.out.find("gestuurd als versie") == std::string::npos);
        CHECK(k->sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU05'") == 0);
        const std::string bytes = fileBytes(*k);
        for (const std::string& needle : {kHerName[0], kHerName[1], herEvent}) {
            INFO(k->id << " still holds " << needle);
            CHECK(bytes.find(needle) == std::string::npos);
        }
        CHECK(bytes.find("Mohamed") != std::string::npos);  // the others are still there
    }
    // The erasure made no release of its own: both kiosks agreed with the server before and after.
    INFO(c.owner.exec("SELECT string_agg(version || ' ' || origin_kiosk || ' ' || people, '; ') FROM roster_release").text(0, 0));
    CHECK(c.owner.exec("SELECT count(*) FROM roster_release").integer(0, 0) == releases);

    // `laat` pushes its old outbox before it hears (the sync thread's push without the roster round):
    // the server skips her event, the push succeeds, the outbox is empty, nothing comes back.
    {
        CentralOutbox outbox;
        REQUIRE(outbox.open(laat.dir / "attendance.db").ok());
        PgConnection pg;
        c.connectAs(pg, pLaat);
        const PushReport p = pushOutbox(pg, outbox, "laat", SystemClock{});
        INFO(p.error);
        REQUIRE(p.ok);
        CHECK(p.sent == 1);
        CHECK(p.newOnServer == 0);
        int64_t waiting = -1;
        REQUIRE(outbox.countWaiting(waiting).ok());
        CHECK(waiting == 0);
        // Deur's own old event again, under its id, as a kiosk restored from a backup would send it.
        PgConnection d;
        c.connectAs(d, c.addKiosk("deur"));
        PgResult again = insertEvent(d, herEvent, "deur", 1, "ZU05", true);
        INFO(again.error());
        CHECK(again.ok());
        CHECK(again.affected() == 0);
    }
    CHECK(countEvents(c.owner, "participant_code = 'ZU05'") == 0);
    CHECK(serverRowsHolding(c, kHerName[1]) == 0);
    // And then it hears: her check-in leaves `laat` too, its push has nothing of her left.
    const RunResult l = laat.sync();
    INFO(l.out << l.err);
    REQUIRE(l.exitCode == 0);
    CHECK(l.out.find("1 persoon op verzoek gewist") != std::string::npos);
    CHECK(laat.sqliteCount("SELECT count(*) FROM attendance_event WHERE participant_code = 'ZU05'") == 0);
    CHECK(laat.sqliteCount("SELECT count(*) FROM central_outbox") == 0);
    CHECK(fileBytes(laat).find(kHerName[1]) == std::string::npos);
    CHECK(countEvents(c.owner) == 1);
}

TEST_CASE("a kiosk that never held the person keeps them out of a later roster", "[central][erasure]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    syncOk(deur);
    REQUIRE(eraseOnServer(c, "ZU05").exitCode == 0);
    // A kiosk that joins later: it never held her; the config's roster names her.
    Kiosk nieuw("nieuw", c.addKiosk("nieuw"));
    const RunResult r = nieuw.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(nieuw.sqliteCount("SELECT count(*) FROM meta WHERE key LIKE 'central_erased/%'") == 1);
    const RunResult again = nieuw.cli({"import-roster", kSource + "/config/participants.csv"});
    INFO(again.out << again.err);
    CHECK(again.exitCode == 0);
    CHECK(again.err.find("ZU05: op verzoek gewist") != std::string::npos);  // left out, and said
    CHECK(nieuw.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU05'") == 0);
    CHECK(nieuw.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU04'") == 1);
    // A roster release naming her is refused with the reason, whoever sends it.
    PgResult row = c.owner.exec("INSERT INTO roster_release (cohort, version, origin_kiosk, people) VALUES ($1, 99, 'deur', 1)",
                                {kCohort});
    REQUIRE(row.ok());
    PgResult her = c.owner.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name)"
                                " VALUES ($1, 99, 'ZU05', 'Çağla', 'Öztürk')", {kCohort});
    CHECK_FALSE(her.ok());
    CHECK(her.error().find("erased on request") != std::string::npos);
}

TEST_CASE("central_sync rule 14: a kiosk whose roster never named the person still keeps the tombstone, and a later roster with her is refused",
          "[central][erasure]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    syncOk(deur);
    REQUIRE(eraseOnServer(c, "ZU05").exitCode == 0);
    // A kiosk whose own roster leaves her out: at its first sync it holds nothing of her to erase.
    Kiosk nieuw("nieuw", c.addKiosk("nieuw"));
    const auto csv = nieuw.dir / "config" / "participants.csv";
    std::string roster = readFile(csv.string()), without;
    for (size_t at = 0; at < roster.size();) {
        const size_t end = roster.find('\n', at);
        const std::string line = roster.substr(at, end == std::string::npos ? std::string::npos : end + 1 - at);
        if (line.find("ZU05") == std::string::npos) without += line;
        at = end == std::string::npos ? roster.size() : end + 1;
    }
    REQUIRE(without.size() < roster.size());
    writeFile(csv.string(), without);
    const RunResult r = nieuw.sync();
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(nieuw.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU05'") == 0);
    CHECK(nieuw.sqliteCount("SELECT count(*) FROM meta WHERE key LIKE 'central_erased/%'") == 1);
    // The full roster, with her, comes later: she stays out, and the import says why.
    const RunResult full = nieuw.cli({"import-roster", kSource + "/config/participants.csv"});
    INFO(full.out << full.err);
    CHECK(full.exitCode == 0);
    CHECK(full.err.find("ZU05: op verzoek gewist") != std::string::npos);
    CHECK(nieuw.sqliteCount("SELECT count(*) FROM participant WHERE code = 'ZU05'") == 0);
}

TEST_CASE("a walk-in linked to the person goes with them: by the owner's erasure, and when a late kiosk pushes both",
          "[central][erasure]") {
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur");
    Kiosk deur("deur", pDeur);
    syncOk(deur);  // releases the sample roster
    PgConnection d;
    c.connectAs(d, pDeur);
    // A walk-in (their typed name, no code) and staff's link of it to a participant, as deur pushes them.
    auto walkInAndLink = [&](const std::string& tag, long long seq, const std::string& code, const std::string& name) {
        return d.exec("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind, at_ms, recorded_ms,"
                      " local_date, source, kiosk_id, reason, actor, refers_to, effect, guest_name, guest_organisation) VALUES"
                      " ($1 || '-walkin', 'deur', $2, NULL, 'guest_registration', 1795680300000, 1795680300000, '2026-11-26',"
                      "  'kiosk', 'deur', '', '', '', '', $4, 'Gemeente Zutphen'),"
                      " ($1 || '-link', 'deur', $2 + 1, $3, 'guest_registration', 1795680400000, 1795680400000, '2026-11-26',"
                      "  'staff', 'deur', 'gezien', 'Marieke', $1 || '-walkin', 'link_guest', '', '')"
                      " ON CONFLICT (id) DO NOTHING RETURNING origin_seq",
                      {tag, std::to_string(seq), code, name});
    };
    PgResult first = walkInAndLink("a", 100, "ZU05", "Çağla Öztürk");
    INFO(first.error());
    REQUIRE(first.ok());
    REQUIRE(walkInAndLink("b", 200, "ZU01", "Anna de Vries").ok());
    REQUIRE(countEvents(c.owner) == 4);
    const RunResult erased = eraseOnServer(c, "ZU05");
    INFO(erased.err);
    REQUIRE(erased.exitCode == 0);
    CHECK(erased.err.find("2 registraties") != std::string::npos);  // the link and the walk-in it names
    CHECK(countEvents(c.owner) == 2);                                  // Anna's walk-in and link stay
    CHECK(serverRowsHolding(c, "Öztürk") == 0);
    // A kiosk that had not heard pushes another walk-in of hers with its link in one batch.
    PgResult late = walkInAndLink("c", 300, "ZU05", "Ç. Öztürk");
    INFO(late.error());
    REQUIRE(late.ok());
    CHECK(countEvents(c.owner) == 2);
    CHECK(serverRowsHolding(c, "Öztürk") == 0);
    // And the same rows sent again later, one by one: skipped by their ids.
    REQUIRE(walkInAndLink("a", 100, "ZU05", "Çağla Öztürk").ok());
    CHECK(countEvents(c.owner) == 2);
}

TEST_CASE("the kiosk's keyed hash of a code is the server's", "[central][erasure]") {
    CentralDb c;
    REQUIRE(centralSetup(c.server.ownerUrl(c.db)).exitCode == 0);
    const std::string key = "00112233445566778899aabbccddeeff0123456789abcdef0f1e2d3c4b5a6978";
    for (const std::string code : {"ZU05", "zu-05", "0007", "7", "000", "AB 12", "Ĳ7"}) {
        INFO(code);
        PgResult r = c.owner.exec("SELECT leergang_erasure_hash(decode($1, 'hex'), $2)", {key, code});
        REQUIRE(r.ok());
        CHECK(r.text(0, 0) == centralErasureHash(key, code));
        CHECK(r.text(0, 0).size() == 64);
    }
    CHECK(centralErasureHash(key, "7") == centralErasureHash(key, "0007"));  // one person (codeKey)
    CHECK(centralErasureHash(key, "7") != centralErasureHash(key, "8"));
    CHECK(centralErasureHash("0011", "7").empty());  // not a 32-byte key
    // RFC 4231 test case 2 is for keys of other lengths; HMAC itself: libsodium against PostgreSQL above.
}

TEST_CASE("central-setup --erase: usage, an unknown group, nobody with the code, a second time", "[central][erasure]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur"));
    syncOk(deur);
    const std::string url = c.server.ownerUrl(c.db);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--erase", "ZU05", "--reason", "verzoek"},
          {"--erase", "ZU05", "--cohort", kCohort},
          {"--erase", "ZU05", "--cohort", kCohort, "--cohort", "deventer-2026", "--reason", "verzoek"},
          {"--erase", "ZU05", "--cohort", kCohort, "--reason", "  "},
          {"--erase", "--", "--cohort", kCohort, "--reason", "verzoek"},
          {"--erase", "ZU05", "--cohort", kCohort, "--reason", "verzoek", "--add-kiosk", "x"}}) {
        const RunResult r = centralSetup(url, args);
        INFO(r.err);
        CHECK(r.exitCode == 2);
    }
    const RunResult unknown = eraseOnServer(c, "ZU05", "zutfen-2026");
    INFO(unknown.err);
    CHECK(unknown.exitCode == 2);
    CHECK(c.owner.exec("SELECT count(*) FROM erasure").integer(0, 0) == 0);
    const RunResult nobody = eraseOnServer(c, "ZU99");
    INFO(nobody.err);
    CHECK(nobody.exitCode == 3);
    CHECK(nobody.err.find("Niemand met code ZU99") != std::string::npos);
    CHECK(c.owner.exec("SELECT count(*) FROM erasure").integer(0, 0) == 1);  // recorded even so
    REQUIRE(eraseOnServer(c, "zu05").exitCode == 0);                            // the code's key: ZU05
    CHECK(c.owner.exec("SELECT count(*) FROM roster_release_row WHERE code = 'ZU05'").integer(0, 0) == 0);
    const RunResult twice = eraseOnServer(c, "ZU05");
    INFO(twice.err);
    CHECK(twice.exitCode == 0);
    CHECK(twice.err.find("al gewist") != std::string::npos);
    CHECK(c.owner.exec("SELECT count(*) FROM erasure").integer(0, 0) == 2);
    // The tombstone is append-only for everyone, the owner included.
    CHECK_FALSE(c.owner.exec("UPDATE erasure SET reason = 'anders'").ok());
}

TEST_CASE("tombstones stay in their cohort, and a stolen kiosk role can neither write nor delete them nor erase anyone",
          "[central][erasure][attacks]") {
    CentralDb c;
    const PrintedKiosk pDeur = c.addKiosk("deur"), pDv = c.addKiosk("dv1", {"deventer-2026"});
    const PrintedKiosk pMallory = c.addKiosk("mallory");  // a Zutphen kiosk's stolen credentials
    Kiosk deur("deur", pDeur), dv1("dv1", pDv, "deventer-2026");
    REQUIRE(deur.checkIn("ZU02", "2026-11-26T09:00").exitCode == 0);
    syncOk(deur);
    syncOk(dv1);
    REQUIRE(eraseOnServer(c, "ZU05").exitCode == 0);
    PgConnection other, m;
    c.connectAs(other, pDv);
    c.connectAs(m, pMallory);
    CHECK(other.exec("SELECT count(*) FROM erasure").integer(0, 0) == 0);
    CHECK(other.exec("SELECT count(*) FROM erasure_key").integer(0, 0) == 0);
    CHECK(m.exec("SELECT count(*) FROM erasure").integer(0, 0) == 1);  // its own cohort's: to find her
    CHECK(m.exec("SELECT count(*) FROM erasure_key").integer(0, 0) == 1);
    const std::string person = c.owner.exec("SELECT person FROM erasure").text(0, 0);
    for (const std::string& sql :
         {std::string("DELETE FROM erasure"), std::string("UPDATE erasure SET reason = 'x'"),
          "INSERT INTO erasure (cohort, person, reason) VALUES ('zutphen-2026', '" + std::string(64, 'a') + "', 'x')",
          std::string("DELETE FROM erasure_key"), std::string("UPDATE erasure_key SET key = key"),
          std::string("INSERT INTO erasure_key (cohort, key) VALUES ('nieuw', decode(repeat('00', 32), 'hex'))"),
          std::string("SELECT count(*) FROM erased_event"), std::string("DELETE FROM erased_event"),
          std::string("SELECT * FROM leergang_erase_person('zutphen-2026', 'ZU02', 'x', decode(repeat('00', 32), 'hex'))"),
          std::string("DELETE FROM attendance_event"), std::string("DELETE FROM roster_release_row"),
          std::string("TRUNCATE erasure")}) {
        PgResult r = m.exec(sql);
        INFO(sql);
        CHECK_FALSE(r.ok());
    }
    CHECK(c.owner.exec("SELECT count(*) FROM erasure WHERE person = $1", {person}).integer(0, 0) == 1);
    CHECK(c.owner.exec("SELECT count(*) FROM erasure").integer(0, 0) == 1);
    CHECK(countEvents(c.owner, "participant_code = 'ZU02'") == 1);
    // The other cohort's kiosk learns nothing by pushing the code: refused as any stranger's code is.
    PgResult probe = insertEvent(other, "probe-1", "dv1", 1, "ZU05");
    CHECK_FALSE(probe.ok());
    CHECK(probe.sqlState() == "42501");
}

// The text of an inspection PDF (pdftotext, poppler-utils: packaging/build-deps) and the part of it
// from the server's section on ("Op de centrale server"; empty when there is none), lines joined.
struct PdfText {
    std::string all, server;
};
PdfText inspectionPdf(const std::filesystem::path& dir) {
    PdfText t;
    for (const auto& f : std::filesystem::directory_iterator(dir))
        if (f.path().extension() == ".pdf") {
            const RunResult r = run({"/usr/bin/pdftotext", "-enc", "UTF-8", f.path().string(), "-"});
            REQUIRE(r.exitCode == 0);
            t.all = r.out;
            for (char& ch : t.all)
                if (ch == '\n') ch = ' ';  // a paragraph wraps where the page wants it
        }
    REQUIRE(!t.all.empty());
    if (size_t at = t.all.find("Op de centrale server"); at != std::string::npos) t.server = t.all.substr(at);
    return t;
}

std::string serverJsonIn(const std::filesystem::path& dir) {
    for (const auto& f : std::filesystem::directory_iterator(dir))
        if (f.path().string().find("-server.json") != std::string::npos) return readFileText(f.path());
    return {};
}

TEST_CASE("privacy on a kiosk with a central record: erase names the owner's command, export adds the server's part",
          "[central][erasure][inspection]") {
    CentralDb c;
    Kiosk deur("deur", c.addKiosk("deur")), zaal("zaal", c.addKiosk("zaal"));
    REQUIRE(deur.checkIn("ZU01", "2026-11-26T09:05").exitCode == 0);
    REQUIRE(deur.checkIn("ZU02", "2026-11-26T09:06").exitCode == 0);
    const RunResult corrected = deur.cli({"correct", "ZU01", "--date", "2026-11-26", "--excused", "--reason",
                                          "tandarts, vooraf gemeld", "--actor", "Marieke"});
    INFO(corrected.out << corrected.err);
    REQUIRE(corrected.exitCode == 0);
    syncOk(deur);
    syncOk(zaal);
    const std::filesystem::path out = zaal.dir / "inzage";
    const RunResult ex = zaal.cli({"privacy", "export", "ZU01", "--out", out.string()});
    INFO(ex.out << ex.err);
    REQUIRE(ex.exitCode == 0);
    CHECK(ex.out.find("centrale server") != std::string::npos);
    const std::string serverJson = serverJsonIn(out);
    REQUIRE(!serverJson.empty());
    CHECK(serverJson.find("\"Anna\"") != std::string::npos);
    CHECK(serverJson.find("09:05") == std::string::npos);  // times as stored (ms), not formatted
    CHECK(serverJson.find("\"check_in\"") != std::string::npos);
    CHECK(serverJson.find("\"wissingen\": [\n  ]") != std::string::npos);
    CHECK(serverJson.find("ZU02") == std::string::npos);
    CHECK(serverJson.find("Mohamed") == std::string::npos);
    // The readable answer holds the server's part too: its roster row, the check-in and the
    // correction with its reason (the staff member unnamed), not erased, and when it was read.
    const PdfText pdf = inspectionPdf(out);
    INFO(pdf.all);
    REQUIRE(!pdf.server.empty());
    CHECK(pdf.server.find("Groep zutphen-2026, versie") != std::string::npos);
    CHECK(pdf.server.find("Anna de Vries (ZU01)") != std::string::npos);
    CHECK(pdf.server.find("Registraties en correcties op de server (2)") != std::string::npos);
    CHECK(pdf.server.find("Ingecheckt") != std::string::npos);
    CHECK(pdf.server.find("tandarts, vooraf gemeld") != std::string::npos);
    CHECK(pdf.server.find("Niet gewist op de server.") != std::string::npos);
    CHECK(pdf.server.find("Gelezen van de server op") != std::string::npos);
    CHECK(pdf.server.find("(zutphen-2026)") != std::string::npos);
    for (const char* other : {"ZU02", "Mohamed", "Marieke"}) {
        INFO(other);
        CHECK(pdf.all.find(other) == std::string::npos);
    }

    const RunResult er = zaal.cli({"privacy", "erase", "ZU02", "--reason", "verzoek"});
    INFO(er.out << er.err);
    CHECK(er.exitCode == 0);
    CHECK(er.out.find("central-setup --url URL --erase ZU02") != std::string::npos);
    CHECK(countEvents(c.owner, "participant_code = 'ZU02'") == 1);  // the kiosk deletes nothing there

    // The owner erases ZU01: a later inspection (the kiosk has synced, so holds nothing) still
    // answers, with the server's tombstone: the date and the counts, no name.
    REQUIRE(eraseOnServer(c, "ZU01").exitCode == 0);
    syncOk(zaal);
    const std::filesystem::path after = zaal.dir / "inzage-na";
    const RunResult ex2 = zaal.cli({"privacy", "export", "ZU01", "--out", after.string()});
    INFO(ex2.out << ex2.err);
    REQUIRE(ex2.exitCode == 0);
    const PdfText gone = inspectionPdf(after);
    INFO(gone.all);
    CHECK(gone.all.find("Anna") == std::string::npos);
    CHECK(gone.server.find("Geen regel in een deelnemerslijst op de server.") != std::string::npos);
    CHECK(gone.server.find("op de server (0)") != std::string::npos);
    CHECK(gone.server.find("Groep zutphen-2026: gewist op") != std::string::npos);
    CHECK(gone.server.find("2 registraties en ") != std::string::npos);
    CHECK(gone.server.find("uit deelnemerslijsten verwijderd") != std::string::npos);
    CHECK(serverJsonIn(after).find("\"registraties_verwijderd\": \"2\"") != std::string::npos);

    // The server out of reach: the kiosk's own part is written, and the output and the PDF say what
    // is missing.
    c.server.stop();
    const std::filesystem::path off = zaal.dir / "inzage2";
    const RunResult offline = zaal.cli({"privacy", "export", "ZU03", "--out", off.string()});
    c.server.start();
    INFO(offline.out << offline.err);
    CHECK(offline.exitCode == 0);
    CHECK(offline.out.find("niet bereikbaar") != std::string::npos);
    CHECK(inspectionPdf(off).server.find("De centrale server was niet bereikbaar") != std::string::npos);
}

}  // namespace kiosk::test
