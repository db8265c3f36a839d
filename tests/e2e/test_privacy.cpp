// Personal data on the kiosk (issue 31): only what is needed is stored, and the processing register
// (docs/privacy.md) names every column of both schemas.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <iterator>
#include <sstream>

#include "e2e_support.h"
#include "core/clock.h"
#include "store/attendance_db.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

void replaceIn(const fs::path& file, const std::string& from, const std::string& to) {
    std::string s = readFile(file.string());
    REQUIRE(s.find(from) != std::string::npos);
    s.replace(s.find(from), from.size(), to);
    writeFile(file.string(), s);
}

// Every byte of the database and its -wal, as someone with a copy of the files would read them.
std::string databaseBytes(const TempDir& dir) {
    std::string all;
    for (const char* suffix : {"", "-wal"}) {
        std::ifstream in((dir / "attendance.db").string() + suffix, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), {});
    }
    return all;
}

}  // namespace

TEST_CASE("the roster's e-mail addresses are not stored unless a setting asks, with a purpose", "[e2e][privacy]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    REQUIRE(readFile((cfg / "participants.csv").string()).find("a.devries@example.nl") != std::string::npos);
    // The default: read past, never stored, in the file or its -wal.
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T09:05"}, cfg.string()).exitCode == 0);
    CHECK(databaseBytes(dir).find("a.devries@example.nl") == std::string::npos);
    CHECK(databaseBytes(dir).find("@example.nl") == std::string::npos);

    // keep_email without a purpose: refused, with where and why.
    replaceIn(cfg / "kiosk.toml", "keep_email = false", "keep_email = true");
    auto r = runKiosk(dir, {"check-config"}, cfg.string());
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("kiosk.toml:") != std::string::npos);
    CHECK(r.err.find("email_purpose") != std::string::npos);

    // With a purpose: kept, and check-config says what for.
    replaceIn(cfg / "kiosk.toml", "email_purpose = \"\"", "email_purpose = \"certificaat per e-mail na dag 7\"");
    r = runKiosk(dir, {"check-config"}, cfg.string());
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("worden bewaard, voor: certificaat per e-mail na dag 7") != std::string::npos);
    REQUIRE(runKiosk(dir, {"checkin", "ZU02", "--at", "2026-11-26T09:06"}, cfg.string()).exitCode == 0);
    {
        AttendanceDb db;
        REQUIRE(db.open((dir / "attendance.db").string(), SystemClock{}.now()).status.ok());
        std::vector<StoredParticipant> stored;
        REQUIRE(db.participants(stored).ok());
        bool found = false;
        for (const auto& p : stored) found = found || p.participant.email == "a.devries@example.nl";
        CHECK(found);
    }

    // Turned off again (nothing else changed in the roster): every stored address goes.
    replaceIn(cfg / "kiosk.toml", "\nkeep_email = true", "\nkeep_email = false");
    REQUIRE(runKiosk(dir, {"checkin", "ZU03", "--at", "2026-11-26T09:07"}, cfg.string()).exitCode == 0);
    AttendanceDb db;
    REQUIRE(db.open((dir / "attendance.db").string(), SystemClock{}.now()).status.ok());
    std::vector<StoredParticipant> stored;
    REQUIRE(db.participants(stored).ok());
    REQUIRE_FALSE(stored.empty());
    for (const auto& p : stored) CHECK(p.participant.email.empty());
}

TEST_CASE("privacy erase: one person gone from the file and its -wal, and a later roster does not bring them back",
          "[e2e][privacy][erase]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    const std::string roster = readFile((cfg / "participants.csv").string());
    REQUIRE(roster.find("ZU02;Mohamed;;El Amrani") != std::string::npos);
    for (const char* code : {"ZU01", "ZU02", "ZU03"})
        REQUIRE(runKiosk(dir, {"checkin", code, "--at", "2026-11-26T09:05"}, cfg.string()).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkout", "ZU02", "--at", "2026-11-26T16:05"}, cfg.string()).exitCode == 0);
    REQUIRE(databaseBytes(dir).find("El Amrani") != std::string::npos);
    // Yesterday's backup, made before the request: it keeps the person until it rotates out.
    fs::create_directories(dir / "backups");
    REQUIRE(runKiosk(dir, {"backup", (dir / "backups" / "attendance-2026-11-26.db").string()}, cfg.string()).exitCode == 0);
    // The copy an earlier `restore` put aside beside the database holds them as well (found in the
    // hand trial: doctor named only the backups folder).
    const std::string aside = "attendance.db.before-restore-20261126-101500";
    REQUIRE(runKiosk(dir, {"backup", (dir / aside).string()}, cfg.string()).exitCode == 0);

    // Wrong use: no reason, or no code.
    CHECK(runKiosk(dir, {"privacy", "erase", "ZU02"}, cfg.string()).exitCode == 2);
    CHECK(runKiosk(dir, {"privacy", "erase", "--reason", "verzoek"}, cfg.string()).exitCode == 2);

    auto r = runKiosk(dir, {"privacy", "erase", "ZU02", "--reason", "verzoek art. 17 van 2026-11-27"}, cfg.string());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("ZU02 gewist: 2 registraties") != std::string::npos);
    const std::string bytes = databaseBytes(dir);
    for (const char* trace : {"El Amrani", "Mohamed", "Uitvoering Wmo", "ZU02"}) {
        INFO(trace);
        CHECK(bytes.find(trace) == std::string::npos);
    }
    CHECK(bytes.find("Vries") != std::string::npos);  // the others are still there
    // doctor names the backup that still holds them.
    r = runKiosk(dir, {"doctor"}, cfg.string());
    CHECK(r.out.find("attendance-2026-11-26.db bevat nog 1 persoon die op verzoek is gewist") != std::string::npos);
    CHECK(r.out.find(aside + " bevat nog 1 persoon die op verzoek is gewist") != std::string::npos);

    // The roster file changed (someone else added): the erased person is left out, with the reason why.
    std::ofstream(cfg / "participants.csv", std::ios::app) << "ZU99;Nieuwe;;Deelnemer;Beleid;zutphen-2026;\n";
    r = runKiosk(dir, {"checkin", "ZU99", "--at", "2026-11-26T09:30"}, cfg.string());
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.err.find("ZU02: op verzoek gewist (privacy erase op deze kiosk") != std::string::npos);
    CHECK(databaseBytes(dir).find("El Amrani") == std::string::npos);
    // A hand import too, by any form of the code.
    r = runKiosk(dir, {"import-roster", (cfg / "participants.csv").string()}, cfg.string());
    CHECK(r.err.find("ZU02: op verzoek gewist") != std::string::npos);
    CHECK(databaseBytes(dir).find("El Amrani") == std::string::npos);
    // A check-in of the code is refused: nobody by that code.
    CHECK(runKiosk(dir, {"checkin", "ZU02", "--at", "2026-11-26T10:00"}, cfg.string()).exitCode != 0);
    // Erasing again: nobody there (3).
    CHECK(runKiosk(dir, {"privacy", "erase", "ZU02", "--reason", "nogmaals"}, cfg.string()).exitCode == 3);
}

TEST_CASE("privacy export: all of one person's records of a 14-person roster and none of the other 13 names",
          "[e2e][privacy][inspection]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    // The other 13, by their last names as the roster has them (code;first;infix;last;...).
    std::vector<std::string> others;
    {
        std::istringstream roster(readFile((cfg / "participants.csv").string()));
        std::string line;
        std::getline(roster, line);  // the header
        while (std::getline(roster, line)) {
            std::vector<std::string> cells;
            std::istringstream row(line);
            for (std::string c; std::getline(row, c, ';');) cells.push_back(c);
            REQUIRE(cells.size() >= 4);
            if (cells[0] != "ZU04") others.push_back(cells[3]);
        }
    }
    REQUIRE(others.size() == 13);
    for (const char* code : {"ZU01", "ZU04", "ZU05"})
        REQUIRE(runKiosk(dir, {"checkin", code, "--at", "2026-11-26T09:05"}, cfg.string()).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkout", "ZU04", "--at", "2026-11-26T12:15"}, cfg.string()).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkin", "ZU04", "--at", "2026-11-26T13:30"}, cfg.string()).exitCode == 0);
    REQUIRE(runKiosk(dir, {"correct", "ZU04", "--date", "2026-11-26", "--out", "16:45", "--reason", "vergeten uit te checken",
                           "--actor", "Marieke Jansen"}, cfg.string()).exitCode == 0);
    REQUIRE(runKiosk(dir, {"correct", "ZU05", "--date", "2026-11-26", "--out", "16:00", "--reason", "ziek naar huis",
                           "--actor", "Marieke Jansen"}, cfg.string()).exitCode == 0);

    // Wrong use, and nobody.
    CHECK(runKiosk(dir, {"privacy", "export"}, cfg.string()).exitCode == 2);
    CHECK(runKiosk(dir, {"privacy", "inspect", "ZU04"}, cfg.string()).exitCode == 2);
    const fs::path out = dir / "inzage";
    auto r = runKiosk(dir, {"privacy", "export", "ZU98", "--out", out.string()}, cfg.string());
    CHECK(r.exitCode == 3);
    CHECK_FALSE(fs::exists(out));

    r = runKiosk(dir, {"privacy", "export", "zu04", "--out", out.string()}, cfg.string());
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("Inzage voor ZU04: 4 registraties") != std::string::npos);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(out)) files.push_back(e.path());
    REQUIRE(files.size() == 2);
    std::sort(files.begin(), files.end());
    CHECK(files[0].filename().string().rfind("inzage-zu04-", 0) == 0);
    CHECK(files[0].extension() == ".json");
    CHECK(files[1].extension() == ".pdf");
    for (const auto& f : files) CHECK((fs::status(f).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);

    const std::string json = readFile(files[0].string());
    const RunResult pdf = run({"/usr/bin/pdftotext", "-enc", "UTF-8", files[1].string(), "-"});
    REQUIRE(pdf.exitCode == 0);
    for (const std::string& text : {json, pdf.out}) {
        CHECK(text.find("Kuipers") != std::string::npos);
        CHECK(text.find("Bestuursadvisering") != std::string::npos);
        CHECK(text.find("vergeten uit te checken") != std::string::npos);
        CHECK(text.find("365") != std::string::npos);  // the retention, in words
        for (const std::string& name : others) {
            INFO(name);
            CHECK(text.find(name) == std::string::npos);
        }
        CHECK(text.find("Marieke") == std::string::npos);  // the staff member is "medewerker"
        CHECK(text.find("ziek naar huis") == std::string::npos);
        CHECK(text.find("i.kuipers@example.nl") == std::string::npos);  // e-mail was never kept
    }
    CHECK(pdf.out.find("Inzage persoonsgegevens") != std::string::npos);
    CHECK(pdf.out.find("medewerker") != std::string::npos);
    // Every event of theirs: three taps and the correction.
    size_t ids = 0;
    for (size_t at = json.find("\"id\":"); at != std::string::npos; at = json.find("\"id\":", at + 1)) ++ids;
    CHECK(ids == 4);
    // The export only read: the database holds what it held.
    CHECK(runKiosk(dir, {"privacy", "export", "ZU04", "--out", out.string()}, cfg.string()).exitCode == 0);
}

// Found in the DPO's hand trial: the README's `privacy export ZU04 --out /media/stick` without
// `--db` read the default database in the caller's home (empty on a kiosk box) and wrote an
// "inspection" with no records; `privacy erase` made that database, said "gewist" and exit 0, and
// the kiosk's own database still held the person. Both now refuse a database that is not there.
TEST_CASE("privacy export and erase refuse a database that does not exist, naming --db", "[e2e][privacy]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    const fs::path db = dir / "attendance.db";
    REQUIRE_FALSE(fs::exists(db));
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"privacy", "export", "ZU01", "--out", (dir / "inzage").string()},
          std::vector<std::string>{"privacy", "erase", "ZU01", "--reason", "verzoek"}}) {
        const RunResult r = runKiosk(dir, args, cfg.string());
        INFO(args[1] << "\n" << r.out << r.err);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find(db.string()) != std::string::npos);
        CHECK(r.err.find("--db /var/lib/leergang-kiosk/attendance.db") != std::string::npos);
        CHECK(r.out.find("gewist") == std::string::npos);
        CHECK_FALSE(fs::exists(db));
        CHECK_FALSE(fs::exists(dir / "inzage"));
    }
    // With the database there, as before.
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T09:05"}, cfg.string()).exitCode == 0);
    CHECK(runKiosk(dir, {"privacy", "export", "ZU01", "--out", (dir / "inzage").string()}, cfg.string()).exitCode == 0);
}
