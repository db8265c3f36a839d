// Inputs with limits and outputs that tell the truth, through the real binary (issue 15, items 5,
// 6, 7, 9, 10 and the cases in tests/cases): what a staff member or a script would see.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <set>

#include "cli/command_line.h"
#include "core/text_checks.h"
#include "core/clock.h"
#include "e2e_support.h"
#include "store/roster_sync.h"
#include "store/meta_keys.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

const std::string kCases = kSource + "/tests/cases/";

std::string participantsOf(const TempDir& dir) {
    const std::string json = runKiosk(dir, {"show", "--json"}).out;
    const auto at = json.find("\"participants\"");
    return at == std::string::npos ? std::string{} : json.substr(at);
}

}  // namespace

TEST_CASE("import-roster refuses the cases: a Windows-1252 roster and a header-only one change nothing", "[e2e][cli][case]") {
    TempDir dir;
    const std::string before = participantsOf(dir);
    REQUIRE(before.find("ZU14") != std::string::npos);

    auto r = runKiosk(dir, {"import-roster", kCases + "roster-excel-windows-1252.csv"});
    INFO(r.err);
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("roster-excel-windows-1252.csv:2:8: ") != std::string::npos);
    CHECK(r.err.find("Windows-1252") != std::string::npos);
    CHECK(r.err.find("\"CSV UTF-8 (door komma's gescheiden)\"") != std::string::npos);
    CHECK(firstInvalidUtf8(r.err) == kTextOk);
    CHECK(participantsOf(dir) == before);

    r = runKiosk(dir, {"import-roster", kCases + "roster-header-only.csv"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("roster-header-only.csv:1: de lijst heeft alleen een kopregel") != std::string::npos);
    CHECK(participantsOf(dir) == before);

    // A staff member who means it says so.
    r = runKiosk(dir, {"import-roster", kCases + "roster-header-only.csv", "--allow-empty"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("14 niet meer op de lijst") != std::string::npos);
    CHECK(participantsOf(dir).find("ZU01") == std::string::npos);
}

TEST_CASE("import-roster: codes that lost their leading zeros in Excel stay one person, 0007 and 7 find Bram",
          "[e2e][cli][case][code]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    // The programme's cohort is the cases' cohort.
    auto r = runKiosk(dir, {"import-roster", kCases + "roster-codes-with-zeros.csv"}, cfg.string());
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    r = runKiosk(dir, {"checkin", "0007", "--at", "2026-11-26T09:05"}, cfg.string());
    REQUIRE(r.exitCode == 0);
    const std::string before = participantsOf(dir);

    // Excel's save: imported, each code in the form the kiosk knows, and said so with the line.
    r = runKiosk(dir, {"import-roster", kCases + "roster-codes-excel-stripped.csv"}, cfg.string());
    CHECK(r.exitCode == 0);
    CHECK(r.err.find("roster-codes-excel-stripped.csv:2: code 7 is gelezen als 0007") != std::string::npos);
    CHECK(r.err.find("roster-codes-excel-stripped.csv:3: code 31 is gelezen als 0031") != std::string::npos);
    CHECK(participantsOf(dir) == before);  // nobody new, nobody gone
    // One Bram Verhoef, one history: the badge and the code without zeros both find him.
    for (const char* code : {"0007", "7", "007"}) {
        r = runKiosk(dir, {"checkin", code, "--at", "2026-11-26T09:30"}, cfg.string());
        INFO(code);
        CHECK(r.exitCode == 3);  // already so
        CHECK(r.out.find("al ingecheckt om 09:05") != std::string::npos);
    }
}

TEST_CASE("checkin on the command line refuses a code no longer on the roster, as the kiosk does", "[e2e][cli][code]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    auto r = runKiosk(dir, {"import-roster", kCases + "roster-codes-with-zeros.csv"}, cfg.string());
    REQUIRE(r.exitCode == 0);
    const fs::path onlyBram = dir / "alleen-bram.csv";
    std::ofstream(onlyBram) << "code;voornaam;tussenvoegsel;achternaam;afdeling;groep;email\n"
                               "0007;Bram;;Verhoef;Sociaal Domein;zutphen-2026;b.verhoef@example.nl\n";
    r = runKiosk(dir, {"import-roster", onlyBram.string()}, cfg.string());
    REQUIRE(r.exitCode == 0);
    r = runKiosk(dir, {"checkin", "31", "--at", "2026-11-26T09:05"}, cfg.string());
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("code 31 (Ilse van der Linden) staat niet meer op de deelnemerslijst; niets vastgelegd") != std::string::npos);
    r = runKiosk(dir, {"checkin", "0031", "--at", "2026-11-26T09:05"}, cfg.string());
    CHECK(r.exitCode == 2);
}

TEST_CASE("check-config warns about namesakes in a cohort with the roster's lines", "[e2e][cli][namesake]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    std::ofstream(cfg / "participants.csv", std::ios::app) << "ZU15;Anna;de;Visser;HR;zutphen-2026;\n";
    const auto r = runKiosk(dir, {"check-config"}, cfg.string());
    INFO(r.err);
    CHECK(r.exitCode == 0);  // a warning: the screens tell them apart
    CHECK(r.err.find("participants.csv:2: \"Anna de V.\" staat in groep zutphen-2026 ook op regel 16; het scherm toont \"Anna de Vries\"") !=
          std::string::npos);
    CHECK(r.err.find("participants.csv:16: \"Anna de V.\" staat in groep zutphen-2026 ook op regel 2; het scherm toont \"Anna de Visser\"") !=
          std::string::npos);
}

TEST_CASE("import-roster and check-config refuse a FIFO, a device or a folder at once", "[e2e][cli][files]") {
    TempDir dir;
    const fs::path fifo = dir / "lijst.csv";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto t0 = std::chrono::steady_clock::now();
    auto r = runKiosk(dir, {"import-roster", fifo.string()});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("lijst.csv: is geen gewoon bestand maar een pipe (FIFO)") != std::string::npos);
    r = runKiosk(dir, {"import-roster", "/dev/zero"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("/dev/zero: is geen gewoon bestand maar een apparaat") != std::string::npos);
    r = runKiosk(dir, {"import-roster", dir.path().string()});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("is geen gewoon bestand maar een map") != std::string::npos);

    const fs::path cfg = sampleConfig(dir);
    fs::remove(cfg / "programme.toml");
    REQUIRE(::mkfifo((cfg / "programme.toml").c_str(), 0600) == 0);
    r = runKiosk(dir, {"check-config"}, cfg.string());
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("programme.toml: is geen gewoon bestand maar een pipe (FIFO)") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
}

TEST_CASE("export --out - that cannot be written (a full disk) exits 1 with a message", "[e2e][cli][export]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T09:05"}).exitCode == 0);
    for (const char* format : {"csv", "xlsx"}) {
        const std::string cmd = kBinary + " export --date 2026-11-26 --format " + format + " --out - --config " + kSource +
                                "/config --db " + (dir / "attendance.db").string() + " > /dev/full";
        const auto r = run({"/bin/sh", "-c", cmd}, {{"TZ", "Europe/Amsterdam"}});
        INFO(format << ": " << r.err);
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("Niet alles is weggeschreven naar de standaarduitvoer") != std::string::npos);
    }
    // show --json too: output that did not arrive is never exit 0.
    const auto r = run({"/bin/sh", "-c", kBinary + " show --json --config " + kSource + "/config --db " +
                                             (dir / "attendance.db").string() + " > /dev/full"});
    CHECK(r.exitCode == 1);
}

TEST_CASE("export --out replaces only a regular file: a device, a FIFO or a folder is refused, a symlink is followed",
          "[e2e][cli][export]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T09:05"}).exitCode == 0);
    std::vector<fs::path> refused = specialFiles(dir, "csv");
    const fs::path folder = dir / "map.csv";
    fs::create_directory(folder);
    refused.push_back(folder);
    for (const auto& target : refused) {
        const auto r = runKiosk(dir, {"export", "--date", "2026-11-26", "--out", target.string()});
        INFO(target << ": " << r.err);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("alleen een gewoon bestand wordt vervangen") != std::string::npos);
        CHECK_FALSE(fs::is_regular_file(fs::symlink_status(target)));
    }
    if (refused.size() == 3) CHECK(fs::is_character_file(fs::symlink_status(dir / "null.csv")));

    const fs::path real = dir / "echt.csv";
    writeFile(real.string(), "oud");
    fs::create_symlink(real, dir / "link.csv");
    const auto r = runKiosk(dir, {"export", "--date", "2026-11-26", "--out", (dir / "link.csv").string()});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(fs::is_symlink(dir / "link.csv"));
    CHECK(readFile(real.string()).find("ZU01") != std::string::npos);
}

TEST_CASE("backup writes only a regular file, 0600: a FIFO, a symlink and a device are refused and left as they were",
          "[e2e][cli][backup]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T09:05"}).exitCode == 0);
    std::vector<fs::path> refused = specialFiles(dir, "db");
    const fs::path fifo = refused[0], device = dir / "null.db";
    const fs::path victim = dir / "niet-van-mij.txt";
    writeFile(victim.string(), "van iemand anders");
    const fs::path link = dir / "link.db";
    fs::create_symlink(victim, link);
    refused.push_back(link);
    for (const auto& target : refused) {
        const auto r = runKiosk(dir, {"backup", target.string()});
        INFO(target << ": " << r.err);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("alleen een gewoon bestand wordt vervangen") != std::string::npos);
    }
    CHECK(fs::is_fifo(fs::symlink_status(fifo)));
    CHECK(fs::is_symlink(link));
    CHECK(fs::read_symlink(link) == victim);
    CHECK(readFile(victim.string()) == "van iemand anders");
    if (refused.size() == 3) {
        struct stat st {};
        REQUIRE(::lstat(device.c_str(), &st) == 0);
        CHECK(S_ISCHR(st.st_mode));
        CHECK(st.st_rdev == makedev(1, 3));
    }
    // A regular file, new or replaced (even one left world-readable before), is the owner's alone.
    const fs::path copy = dir / "kopie.db";
    writeFile(copy.string(), "oud");
    REQUIRE(::chmod(copy.c_str(), 0644) == 0);
    for (int round = 0; round < 2; ++round) {
        const auto r = runKiosk(dir, {"backup", copy.string()});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        struct stat st {};
        REQUIRE(::lstat(copy.c_str(), &st) == 0);
        CHECK(S_ISREG(st.st_mode));
        CHECK((st.st_mode & 07777) == 0600);
    }
    CHECK(readFile(copy.string()).rfind("SQLite format 3", 0) == 0);
}

TEST_CASE("a new export respects the umask: 0640 by default, 0600 under umask 077", "[e2e][cli][export]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T09:05"}).exitCode == 0);
    for (const auto& [umask, mode] : {std::pair{"022", 0640}, std::pair{"077", 0600}}) {
        const fs::path out = dir / (std::string("lijst-") + umask + ".csv");
        const auto r = run({"/bin/sh", "-c", std::string("umask ") + umask + "; exec " + kBinary + " export --date 2026-11-26 --out " +
                                                 out.string() + " --config " + kSource + "/config --db " + (dir / "attendance.db").string()},
                           {{"TZ", "Europe/Amsterdam"}});
        INFO(umask << ": " << r.err);
        REQUIRE(r.exitCode == 0);
        struct stat st {};
        REQUIRE(::stat(out.c_str(), &st) == 0);
        CHECK((st.st_mode & 07777) == static_cast<mode_t>(mode));
    }
}

TEST_CASE("concurrent exports of one file: every one succeeds and the file left is always one whole export",
          "[e2e][cli][export]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-11-26T09:05"}).exitCode == 0);
    // Two different whole exports of the same day: ';' and ','.
    std::set<std::string> whole;
    for (const char* d : {";", ","}) {
        const fs::path ref = dir / (std::string("ref") + (d[0] == ';' ? "1" : "2") + ".csv");
        REQUIRE(runKiosk(dir, {"export", "--date", "2026-11-26", "--delimiter", d, "--out", ref.string()}).exitCode == 0);
        whole.insert(readFile(ref.string()));
    }
    REQUIRE(whole.size() == 2);
    const fs::path out = dir / "exports" / "lijst.csv";
    fs::create_directories(out.parent_path());
    for (int round = 0; round < 3; ++round) {
        std::vector<std::future<RunResult>> runs;
        for (int i = 0; i < 4; ++i)
            runs.push_back(std::async(std::launch::async, [&, i] {
                return runKiosk(dir, {"export", "--date", "2026-11-26", "--delimiter", i % 2 ? "," : ";", "--out", out.string()});
            }));
        for (auto& f : runs) {
            const RunResult r = f.get();
            INFO(r.err);
            CHECK(r.exitCode == 0);
        }
        CHECK(whole.count(readFile(out.string())) == 1);
    }
    // No temporary file left behind.
    int files = 0;
    for (const auto& e : fs::directory_iterator(out.parent_path())) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);
}

TEST_CASE("set-pin keeps kiosk.toml's mode, owner and group, and writes through a symlink to its target", "[e2e][cli][pin]") {
    TempDir dir;
    const fs::path cfg = sampleConfig(dir);
    const fs::path real = dir / "kiosk-echt.toml";
    fs::rename(cfg / "kiosk.toml", real);
    fs::create_symlink(real, cfg / "kiosk.toml");
    REQUIRE(::chmod(real.c_str(), 0600) == 0);
    const bool root = ::geteuid() == 0;
    const uid_t owner = root ? 65534 : ::geteuid();  // nobody, when we may give it away
    const gid_t group = root ? 65534 : ::getegid();
    if (root) REQUIRE(::chown(real.c_str(), owner, group) == 0);
    const auto r = runKiosk(dir, {"set-pin"}, cfg.string(), {}, "739158\n");
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(fs::is_symlink(cfg / "kiosk.toml"));
    struct stat st {};
    REQUIRE(::stat(real.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    CHECK(st.st_uid == owner);
    CHECK(st.st_gid == group);
    CHECK(readFile(real.string()).find("pin_hash = \"$argon2id$") != std::string::npos);
    CHECK(runKiosk(dir, {"check-config"}, cfg.string()).exitCode == 0);
}

TEST_CASE("every byte 0x01-0xFF on the command line: messages stay valid UTF-8 and whole", "[e2e][cli][bytes]") {
    // In process, one byte at a time: an unknown option, an unknown command, a bad number.
    for (int b = 1; b < 256; ++b) {
        const std::string weird = std::string("x") + static_cast<char>(b) + "y";
        for (const std::vector<std::string>& args : {std::vector<std::string>{"kiosk", "--" + weird},
                                                     std::vector<std::string>{"kiosk", weird},
                                                     std::vector<std::string>{"kiosk", "purge", "--older-than", weird}}) {
            std::vector<const char*> argv;
            for (const auto& a : args) argv.push_back(a.c_str());
            std::string error;
            const auto cl = parseCommandLine(static_cast<int>(argv.size()), argv.data(), error);
            INFO("byte " << b << ": " << args[1]);
            CHECK_FALSE(cl);
            CHECK(checkText(error, 10000, false).ok());
        }
    }
    // Through the real binary, all of them at once, as a code and as a roster file name.
    std::string all;
    for (int b = 1; b < 256; ++b) all += static_cast<char>(b);
    TempDir dir;
    auto r = runKiosk(dir, {"checkin", all});
    CHECK(r.exitCode == 2);
    CHECK(firstInvalidUtf8(r.err) == kTextOk);
    CHECK(r.err.find("Onbekende code") != std::string::npos);
    std::string name = all;
    for (auto& c : name)
        if (c == '/') c = '_';
    r = runKiosk(dir, {"import-roster", (dir / name).string()});
    CHECK(r.exitCode == 2);
    CHECK(firstInvalidUtf8(r.err) == kTextOk);
}

TEST_CASE("show --json of a database from before the input rules is still valid UTF-8 JSON", "[e2e][cli][utf8]") {
    TempDir dir;
    {
        AttendanceDb db;
        REQUIRE(db.open(dir / "attendance.db", SystemClock{}.now()).status.ok());
        RosterImportResult result;
        Participant p{"ZU21", "Lo\xEFs", "", std::string("Brou\0wer", 8), "Financi\xEBn", "zutphen-2026", ""};
        // Marked as the config's roster (no e-mail kept), so that show does not sync the sample list over it.
        const auto csv = readFile(kSource + "/config/participants.csv");
        REQUIRE(db.importRoster({p}, SystemClock{}.now(), result, meta_keys::kConfigRosterHash, configRosterHash(csv, {})).ok());
    }
    const auto r = runKiosk(dir, {"show", "--json"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(firstInvalidUtf8(r.out) == kTextOk);
    CHECK(r.out.find("\"first_name\": \"Lo\xEF\xBF\xBDs\"") != std::string::npos);
    CHECK(r.out.find(std::string(1, '\0')) == std::string::npos);
}

TEST_CASE("central-setup's kiosk and cohort options, and every option that takes a string, parse", "[e2e][cli][central]") {
    auto parse = [](std::vector<const char*> argv, std::string& error) {
        argv.insert(argv.begin(), "leergang-kiosk");
        return parseCommandLine(static_cast<int>(argv.size()), argv.data(), error);
    };
    std::string error;
    auto cl = parse({"central-setup", "--url", "host=/run/postgresql", "--add-kiosk", "deur", "--cohort", "zutphen-2026",
                     "--cohort", "deventer-2026"}, error);
    REQUIRE(cl);
    CHECK(cl->command == "central-setup");
    CHECK(cl->url == std::optional<std::string>("host=/run/postgresql"));
    CHECK(cl->addKiosk == std::optional<std::string>("deur"));
    CHECK(cl->cohorts == std::vector<std::string>{"zutphen-2026", "deventer-2026"});
    cl = parse({"central-setup", "--url", "u", "--set-cohorts", "zaal", "--cohort", "c"}, error);
    REQUIRE(cl);
    CHECK(cl->setCohorts == std::optional<std::string>("zaal"));
    cl = parse({"central-setup", "--url", "u", "--add-cohorts", "zaal", "--cohort", "c"}, error);
    REQUIRE(cl);
    CHECK(cl->addCohorts == std::optional<std::string>("zaal"));
    CHECK_FALSE(parse({"central-setup", "--url", "u", "--set-cohorts", "zaal", "--cohort"}, error));
    CHECK(error.find("--cohort") != std::string::npos);
    // Each option that takes one string lands where it belongs (the table in command_line.cpp).
    cl = parse({"correct", "ZU01", "--in", "09:00", "--reason", "trein", "--actor", "MJ", "--date", "2026-11-26", "--db", "x.db",
                "--config", "c", "--now", "2026-11-26T10:00", "--participant", "ZU02", "--out", "o", "--at", "a"}, error);
    REQUIRE(cl);
    CHECK(cl->in == std::optional<std::string>("09:00"));
    CHECK(cl->reason == std::optional<std::string>("trein"));
    CHECK(cl->actor == std::optional<std::string>("MJ"));
    CHECK(cl->date == std::optional<std::string>("2026-11-26"));
    CHECK(cl->dbPath == std::optional<std::string>("x.db"));
    CHECK(cl->configDir == std::optional<std::string>("c"));
    CHECK(cl->now == std::optional<std::string>("2026-11-26T10:00"));
    CHECK(cl->participant == std::optional<std::string>("ZU02"));
    CHECK(cl->out == std::optional<std::string>("o"));
    CHECK(cl->at == std::optional<std::string>("a"));
}

TEST_CASE("export's kind options parse into one kind, and the different ones given are counted", "[e2e][cli][export]") {
    auto parse = [](std::vector<const char*> argv) {
        argv.insert(argv.begin(), "leergang-kiosk");
        std::string error;
        const auto cl = parseCommandLine(static_cast<int>(argv.size()), argv.data(), error);
        REQUIRE(cl);
        return std::pair{cl->exportKind, cl->exportKindOptions};
    };
    using K = ExportKind;
    CHECK(parse({"export"}) == std::pair{K::presence, 0});
    CHECK(parse({"export", "--matrix"}) == std::pair{K::matrix, 1});
    CHECK(parse({"export", "--blank", "--blank"}) == std::pair{K::blank, 1});  // the same option twice: one
    CHECK(parse({"export", "--certificates"}) == std::pair{K::certificates, 1});
    CHECK(parse({"export", "--participants"}) == std::pair{K::statements, 1});
    CHECK(parse({"export", "--participant", "ZU01", "--participant", "ZU02"}) == std::pair{K::statements, 1});
    CHECK(parse({"export", "--participants", "--participant", "ZU01"}).second == 2);  // refused by export
    CHECK(parse({"export", "--blank", "--matrix"}).second == 2);
    // --feedback wins, so that export says what --feedback takes
    CHECK(parse({"export", "--feedback", "--matrix"}) == std::pair{K::feedback, 2});
    CHECK(parse({"export", "--matrix", "--feedback"}) == std::pair{K::feedback, 2});
}
