// The subcommands as staff and scripts use them, on real files.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <sstream>
#include <vector>

#include "content/staff_pin.h"
#include "core/clock.h"
#include "e2e_support.h"
#include "test_support.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

// A config folder: the corpus base with one case's files laid over it.
std::string corpusConfig(const TempDir& dir, const std::string& name) {
    const fs::path corpus = fs::path(kSource) / "tests/content/corpus";
    const fs::path out = dir / ("cfg-" + name);
    fs::create_directories(out);
    for (const auto& src : {corpus / "_base", corpus / name})
        for (const auto& e : fs::directory_iterator(src))
            if (e.path().filename() != "expected.txt") fs::copy_file(e.path(), out / e.path().filename(), fs::copy_options::overwrite_existing);
    return out.string();
}

std::string participantsJson(const std::string& json) {
    const auto at = json.find("\"participants\"");
    return at == std::string::npos ? std::string{} : json.substr(at);
}

}  // namespace

TEST_CASE("check-config: a summary and exit 0 for the sample, file:line and exit 2 for each broken case", "[e2e][cli]") {
    TempDir dir;
    auto r = runKiosk(dir, {"check-config"});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("Configuratie in orde") != std::string::npos);
    CHECK(r.out.find("7 dagen, 14 oefeningen, 14 deelnemers") != std::string::npos);

    for (const auto& e : fs::directory_iterator(fs::path(kSource) / "tests/content/corpus")) {
        const std::string name = e.path().filename().string();
        if (name == "_base") continue;
        r = runKiosk(dir, {"check-config"}, corpusConfig(dir, name));
        INFO("case " << name << "\n" << r.err);
        CHECK(r.exitCode == 2);
        std::ifstream expected(e.path() / "expected.txt");
        std::string line;
        while (std::getline(expected, line)) {
            const auto bar = line.find(" | ");
            if (bar == std::string::npos) continue;
            CHECK(r.err.find(line.substr(0, bar) + ": ") != std::string::npos);
            CHECK(r.err.find(line.substr(bar + 3)) != std::string::npos);
        }
    }
}

TEST_CASE("show --json gives programme, days, exercises and the roster as the database knows it", "[e2e][cli]") {
    TempDir dir;
    const auto r = runKiosk(dir, {"show", "--json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    for (const char* needle : {"\"programme\": {\"title\": \"Leergang Ambtelijk Vakmanschap\"", "\"venue\": \"De Broodfabriek\"",
                               "\"number\": 7, \"date\": \"2027-04-01\", \"theme\": \"Afsluiting\"",
                               "\"start\": \"09:00\", \"end\": \"09:30\", \"title\": \"Inloop en koffie\"",
                               "\"exercise\": \"standpunt-in-de-ruimte\"", "\"exercise\": null",
                               "\"seconds\": 240", "{\"code\": \"ZU04\", \"first_name\": \"Ĳsbrand\", \"infix\": \"\", \"last_name\": \"Kuipers\""})
        CHECK(r.out.find(needle) != std::string::npos);
    const auto readable = runKiosk(dir, {"show"});
    CHECK(readable.exitCode == 0);
    CHECK(readable.out.find("Dag 3 van 7") != std::string::npos);
}

TEST_CASE("rosters from Dutch Excel and LibreOffice import to the same participants, bad rows change nothing", "[e2e][cli]") {
    TempDir dir;
    const std::string header = "code;voornaam;tussenvoegsel;achternaam;afdeling;groep\r\n";
    const std::string rows =
        "ZU01;Anna;de;Vries;Beleid Sociaal Domein;zutphen-2026\r\n"
        "ZU03;Zoë;van den;Berg;\"Communicatie; pers\";zutphen-2026\r\n"
        "ZU04;Ĳsbrand;;Kuipers;Bestuursadvisering;zutphen-2026\r\n"
        "ZU05;Çağla;;Öztürk;HR;zutphen-2026\r\n";
    writeFile((dir / "excel.csv").string(), "\xEF\xBB\xBF" + header + rows);
    std::string libre = "first_name,last_name,infix,code,department,cohort\n"
                        "Anna,Vries,de,zu01,Beleid Sociaal Domein,zutphen-2026\n"
                        "Zoë,Berg,van den,ZU03,\"Communicatie; pers\",zutphen-2026\n"
                        "Ĳsbrand,Kuipers,,ZU04,Bestuursadvisering,zutphen-2026\n"
                        "Çağla,Öztürk,,ZU05,HR,zutphen-2026\n";
    writeFile((dir / "libre.csv").string(), libre);

    TempDir a, b;
    auto r = runKiosk(a, {"import-roster", (dir / "excel.csv").string()});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("4 toegevoegd") != std::string::npos);
    r = runKiosk(b, {"import-roster", (dir / "libre.csv").string()});
    REQUIRE(r.exitCode == 0);
    const auto ja = participantsJson(runKiosk(a, {"show", "--json"}).out);
    const auto jb = participantsJson(runKiosk(b, {"show", "--json"}).out);
    CHECK_FALSE(ja.empty());
    CHECK(ja == jb);
    CHECK(ja.find("\"department\": \"Communicatie; pers\"") != std::string::npos);

    // Re-importing changes nothing.
    r = runKiosk(a, {"import-roster", (dir / "excel.csv").string()});
    CHECK(r.out.find("0 toegevoegd, 0 bijgewerkt, 4 ongewijzigd") != std::string::npos);

    // One bad row: refused whole, with its line, and nothing changed.
    writeFile((dir / "bad.csv").string(), header + rows + "ZU99;Nieuw;;Persoon;HR;zutphen-2026\r\nZU01;Dubbel;;Code;HR;zutphen-2026\r\n");
    r = runKiosk(a, {"import-roster", (dir / "bad.csv").string()});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("bad.csv:7: code ZU01 komt twee keer voor (ook op regel 2)") != std::string::npos);
    CHECK(participantsJson(runKiosk(a, {"show", "--json"}).out) == ja);
}

TEST_CASE("checkin and checkout from the command line: one line after the commit, exit 2 for an unknown code", "[e2e][cli]") {
    TempDir dir;
    auto r = runKiosk(dir, {"checkin", "zu01", "--at", "2026-11-26T09:05"});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.out == "Anna de Vries (ZU01) ingecheckt op 2026-11-26 om 09:05\n");
    r = runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T09:30"});
    CHECK(r.exitCode == 3);  // already so
    CHECK(r.out.find("al ingecheckt om 09:05") != std::string::npos);
    r = runKiosk(dir, {"checkout", "ZU01", "--at", "2026-11-26T16:31"});
    CHECK(r.exitCode == 0);
    r = runKiosk(dir, {"checkin", "XX99"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("Onbekende code: XX99") != std::string::npos);
    r = runKiosk(dir, {"checkout", "ZU02", "--at", "2026-11-26T16:31"});
    CHECK(r.exitCode == 4);  // refused: not checked in
    CHECK(r.err.find("niet ingecheckt") != std::string::npos);

    r = runKiosk(dir, {"export", "--date", "2026-11-26", "--format", "csv", "--out", "-"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.rfind("\xEF\xBB\xBF" "datum;code;voornaam", 0) == 0);
    CHECK(r.out.find("2026-11-26;ZU01;Anna;de;Vries;Beleid Sociaal Domein;aanwezig;09:05;16:31;446;\r\n") != std::string::npos);
    CHECK(r.out.find("2026-11-26;ZU02;Mohamed;;El Amrani;Uitvoering Wmo;afwezig;;;;\r\n") != std::string::npos);

    const std::string file = (dir / "out/lijst.csv").string();
    r = runKiosk(dir, {"export", "--date", "2026-11-26", "--delimiter", ",", "--out", file});
    CHECK(r.exitCode == 0);
    CHECK(readFile(file).find("2026-11-26,ZU01,Anna,de,Vries") != std::string::npos);
    // One row per person of the roster under test, each with its own status: ZU01 came, nobody else.
    const auto codes = sampleRosterCodes();
    CHECK(r.out == "Export geschreven: " + file + " (" + std::to_string(codes.size()) + " regels)\n");
    const std::string csv = readFile(file);
    for (const auto& code : codes) {
        INFO(code);
        std::vector<std::string> rows;
        for (size_t at = csv.find("2026-11-26," + code + ","); at != std::string::npos; at = csv.find("2026-11-26," + code + ",", at + 1))
            rows.push_back(csv.substr(at, csv.find("\r\n", at) - at));
        REQUIRE(rows.size() == 1);
        std::vector<std::string> cells;
        std::stringstream row(rows[0]);
        for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
        REQUIRE(cells.size() >= 7);
        CHECK(cells[6] == (code == "ZU01" ? "aanwezig" : "afwezig"));
    }
}

TEST_CASE("checkin and checkout say done, already so or refused (exit 0, 3, 4), and a refusal writes nothing", "[e2e][cli][intervals]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T13:00"}).exitCode == 0);
    // A check-out earlier than the check-in.
    auto r = runKiosk(dir, {"checkout", "ZU01", "--at", "2026-11-26T12:30"});
    INFO(r.out << r.err);
    CHECK(r.exitCode == 4);
    CHECK(r.out.empty());
    CHECK(r.err.find("Uitchecken kan niet vóór of op het moment van inchecken (13:00)") != std::string::npos);
    r = runKiosk(dir, {"checkout", "ZU01", "--at", "2026-11-26T16:00"});
    CHECK(r.exitCode == 0);
    r = runKiosk(dir, {"checkout", "ZU01", "--at", "2026-11-26T16:10"});
    CHECK(r.exitCode == 3);
    CHECK(r.out.find("al uitgecheckt om 16:00") != std::string::npos);
    // Back after the check-out: checks in again; not at the very moment of the check-out.
    CHECK(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T16:00"}).exitCode == 4);
    r = runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T16:20"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "Anna de Vries (ZU01) ingecheckt op 2026-11-26 om 16:20\n");
    // An hour ahead of the clock.
    r = runKiosk(dir, {"checkin", "ZU02", "--at", "2026-11-26T17:00", "--now", "2026-11-26T16:00"});
    CHECK(r.exitCode == 4);
    CHECK(r.err.find("meer dan 5 minuten na de klok") != std::string::npos);
    // What is stored: in 13:00, out 16:00, in again 16:20 (open), nothing of the refusals.
    r = runKiosk(dir, {"export", "--date", "2026-11-26", "--format", "csv", "--out", "-"});
    REQUIRE(r.exitCode == 0);
    // The interval opened at 16:20 was never closed: days later it is a forgotten check-out (issue 29).
    CHECK(r.out.find("2026-11-26;ZU01;Anna;de;Vries;Beleid Sociaal Domein;te laat;13:00;;180;uitchecken vergeten\r\n") != std::string::npos);
    r = runKiosk(dir, {"--help"});
    CHECK(r.out.find("4 geweigerd") != std::string::npos);
}

TEST_CASE("export --matrix and --format xlsx from the command line, bad options exit 2", "[e2e][cli][export]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU03", "--at", "2026-11-26T09:05"}).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkin", "ZU03", "--at", "2026-12-10T09:01", "--now", "2026-12-10T09:01"}).exitCode == 0);
    auto r = runKiosk(dir, {"export", "--matrix", "--date", "2026-12-10", "--out", "-"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("dag 1 (2026-11-26);dag 2 (2026-12-10);dag 3 (2027-01-14)") != std::string::npos);
    // Two of seven days, then the hours present (issue 29) and the certificate state.
    const size_t zoe = r.out.find("ZU03;Zo\xC3\xAB;van den;Berg;Communicatie;aanwezig;aanwezig;;;;;;2;");
    REQUIRE(zoe != std::string::npos);
    CHECK(r.out.substr(zoe, r.out.find("\r\n", zoe) - zoe).find(";nog haalbaar") != std::string::npos);
    // Without --out: the export folder beside the database (no USB stick in CI), and it says so.
    r = runKiosk(dir, {"export", "--matrix", "--date", "2026-12-10", "--format", "xlsx"});
    REQUIRE(r.exitCode == 0);
    const std::string file = (dir / "exports" / "matrix-zutphen-2026.xlsx").string();
    CHECK(r.out == "Export geschreven: " + file + " (" + std::to_string(sampleRosterCodes().size()) + " regels)\n");
    CHECK(readFile(file).rfind("PK", 0) == 0);  // a zip: the workbook
    r = runKiosk(dir, {"export", "--date", "2026-11-26", "--format", "xlsx", "--out", "-"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.rfind("PK", 0) == 0);
    for (auto bad : {std::vector<std::string>{"export", "--format", "docx"}, {"export", "--delimiter", "|"},
                     {"export", "--date", "26-11-2026"}}) {
        r = runKiosk(dir, bad);
        CHECK(r.exitCode == 2);
        CHECK_FALSE(r.err.empty());
    }
}

TEST_CASE("export as PDF from the command line: the list, the blank list, certificates; none earned: exit 3", "[e2e][cli][export][pdf]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU03", "--at", "2026-11-26T09:05"}).exitCode == 0);
    auto r = runKiosk(dir, {"export", "--date", "2026-11-26", "--format", "pdf", "--out", "-"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.rfind("%PDF-", 0) == 0);
    r = runKiosk(dir, {"export", "--blank", "--day", "2"});
    REQUIRE(r.exitCode == 0);
    const std::string blank = (dir / "exports" / "presentielijst-leeg-2026-12-10.pdf").string();
    CHECK(r.out == "Export geschreven: " + blank + " (" + std::to_string(sampleRosterCodes().size()) + " regels)\n");
    CHECK(readFile(blank).rfind("%PDF-", 0) == 0);
    // One day of seven: nobody has met the rule of 6, so nothing is made, and it says why.
    r = runKiosk(dir, {"export", "--certificates", "--date", "2026-11-26"});
    CHECK(r.exitCode == 3);
    CHECK(r.err.find("certificaatregel") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "exports" / "certificaten-zutphen-2026"));
    for (auto bad : {std::vector<std::string>{"export", "--blank", "--format", "csv"}, {"export", "--day", "2"},
                     {"export", "--blank", "--day", "9"}, {"export", "--certificates", "--out", "-"},
                     {"export", "--blank", "--matrix"}}) {
        r = runKiosk(dir, bad);
        CHECK(r.exitCode == 2);
        CHECK_FALSE(r.err.empty());
    }
}

TEST_CASE("a check-in at 23:59 counts for that day and one at 00:01 for the next, also when the clocks change", "[e2e][cli][dst]") {
    TempDir dir;
    // The clock of the check-in (--now): a time to come is refused (more than 5 minutes ahead).
    for (const char* at : {"2027-03-27T23:59", "2026-10-24T23:59"})
        REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", at, "--now", at}).exitCode == 0);
    for (const char* at : {"2027-03-28T00:01", "2026-10-25T00:01"})
        REQUIRE(runKiosk(dir, {"checkin", "ZU02", "--at", at, "--now", at}).exitCode == 0);
    auto day = [&](const char* d) { return runKiosk(dir, {"export", "--date", d, "--out", "-"}).out; };
    CHECK(day("2027-03-27").find(";ZU01;Anna;de;Vries;Beleid Sociaal Domein;aanwezig;23:59;") != std::string::npos);
    CHECK(day("2027-03-28").find(";ZU02;Mohamed;;El Amrani;Uitvoering Wmo;aanwezig;00:01;") != std::string::npos);
    CHECK(day("2027-03-28").find(";ZU01;Anna;de;Vries;Beleid Sociaal Domein;afwezig;") != std::string::npos);
    CHECK(day("2026-10-24").find(";ZU01;Anna;de;Vries;Beleid Sociaal Domein;aanwezig;23:59;") != std::string::npos);
    CHECK(day("2026-10-25").find(";ZU02;Mohamed;;El Amrani;Uitvoering Wmo;aanwezig;00:01;") != std::string::npos);
}

TEST_CASE("backup writes a database that restores, purge removes old records", "[e2e][cli]") {
    TempDir dir;
    const LocalDate today = localDateOf(SystemClock{}.now());
    // Yesterday first: a record more than the retention period after the newest one is refused as a
    // wrong clock (store/retention.cpp); one long before it is not.
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", today.plusDays(-1).iso() + "T09:00"}).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", today.plusDays(-400).iso() + "T09:00"}).exitCode == 0);
    const std::string backup = (dir / "kopie.db").string();
    auto r = runKiosk(dir, {"backup", backup});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    r = runKiosk(dir, {"purge", "--older-than", "365"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("1 registratie") != std::string::npos);
    // Restore: the backup is a complete database with both records.
    AttendanceDb db;
    REQUIRE(db.open(backup, {0}).status.ok());
    size_t n = 0;
    REQUIRE(db.loadEvents([&](const AttendanceEvent&) { ++n; }).ok());
    CHECK(n == 2);
}

TEST_CASE("doctor: healthy without a display (over SSH), unhealthy with a broken config", "[e2e][cli][doctor]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01"}).exitCode == 0);  // now: the clock agrees with the records
    auto r = runKiosk(dir, {"doctor"}, kSource + "/config", {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
    INFO(r.out << r.err);
    CHECK(r.exitCode == 0);
    // The schema version (user_version) is what a package upgrade is checked by.
    CHECK(r.out.find("integriteit in orde, schema 5, 1 registratie") != std::string::npos);
    CHECK(r.out.find("geen beeldscherm bereikbaar") != std::string::npos);
    CHECK(r.out.find("De kiosk is gezond.") != std::string::npos);

    r = runKiosk(dir, {"doctor"}, corpusConfig(dir, "unknown-key"), {{"DISPLAY", ""}});
    CHECK(r.exitCode == 1);
    CHECK(r.out.find("programme.toml:29:1: onbekende sleutel `thema`") != std::string::npos);
}

TEST_CASE("set-pin reads the PIN from stdin and stores only its Argon2id hash", "[e2e][cli][pin]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    fs::permissions(cfg / "kiosk.toml", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);  // 0640
    auto r = runKiosk(dir, {"set-pin"}, cfg.string(), {}, "739158\n");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const std::string toml = readFile((cfg / "kiosk.toml").string());
    const auto at = toml.find("pin_hash = \"$argon2id$");
    REQUIRE(at != std::string::npos);
    CHECK(toml.find("739158") == std::string::npos);
    const std::string hash = toml.substr(at + 12, toml.find('"', at + 12) - at - 12);
    CHECK(verifyPin(hash, "739158"));
    CHECK_FALSE(verifyPin(hash, "739159"));
    CHECK(toml.find("# Leergang Kiosk: instellingen van deze kiosk.") == 0);  // comments kept
    CHECK(runKiosk(dir, {"check-config"}, cfg.string()).exitCode == 0);
    // Never from the command line; never a PIN that is not 6 to 12 digits, nor one guessed first.
    CHECK(runKiosk(dir, {"set-pin", "739158"}, cfg.string()).exitCode == 2);
    for (const char* bad : {"12a4", "1234", "73915", "0000", "1234567890123"}) {
        r = runKiosk(dir, {"set-pin"}, cfg.string(), {}, std::string(bad) + "\n");
        INFO(bad);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("6 tot 12 cijfers") != std::string::npos);
    }
    for (const char* trivial : {"000000", "111111111", "123456", "654321", "890123", "121212", "123123", "112233", "147258", "123321"}) {
        r = runKiosk(dir, {"set-pin"}, cfg.string(), {}, std::string(trivial) + "\n");
        INFO(trivial);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("als eerste geraden") != std::string::npos);
    }
    CHECK(readFile((cfg / "kiosk.toml").string()) == toml);  // refused: nothing changed
}

TEST_CASE("set-pin refuses a kiosk.toml others can read, and changes nothing", "[e2e][cli][pin]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    const fs::path real = dir / "kiosk-echt.toml";  // through a symlink: the target's mode counts
    fs::rename(cfg / "kiosk.toml", real);
    fs::create_symlink(real, cfg / "kiosk.toml");
    const std::string before = readFile(real.string());
    for (const auto mode : {0644, 0604, 0602}) {
        REQUIRE(::chmod(real.c_str(), static_cast<mode_t>(mode)) == 0);
        const auto r = runKiosk(dir, {"set-pin"}, cfg.string(), {}, "739158\n");
        INFO(r.err);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("leesbaar voor iedereen") != std::string::npos);
        CHECK(r.err.find("chmod 0640") != std::string::npos);
        CHECK(readFile(real.string()) == before);
        struct stat st {};
        REQUIRE(::stat(real.c_str(), &st) == 0);
        CHECK((st.st_mode & 07777) == static_cast<mode_t>(mode));
    }
    REQUIRE(::chmod(real.c_str(), 0640) == 0);
    CHECK(runKiosk(dir, {"set-pin"}, cfg.string(), {}, "739158\n").exitCode == 0);
}

TEST_CASE("check-config warns while no facilitator code is set, and the sample ships none", "[e2e][cli][pin]") {
    TempDir dir;
    CHECK(readFile(kSource + "/config/kiosk.toml").find("facilitator_code = \"\"") != std::string::npos);
    auto r = runKiosk(dir, {"check-config"});
    CHECK(r.exitCode == 0);
    CHECK(r.err.find("kiosk.toml: waarschuwing: [staff] facilitator_code is niet gezet") != std::string::npos);
    CHECK(r.out.find("1 waarschuwing") != std::string::npos);
    r = runKiosk(dir, {"check-config"}, kSource + "/tests/e2e/long-content");  // a code set: no such warning
    CHECK(r.exitCode == 0);
    CHECK(r.err.find("facilitator_code") == std::string::npos);
}
