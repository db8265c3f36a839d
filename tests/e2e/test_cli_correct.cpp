// `leergang-kiosk correct`: the staff form's corrections from the command line (issue 29), with the
// form's rules and the exit codes of `checkin` (0 done, 3 already so, 4 refused, 2 usage); and staff's
// own files: certificates into an existing folder twice, a roster cell with a line break.
#include <catch2/catch.hpp>

#include <fstream>

#include "e2e_support.h"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("correct --excused: a day to come excused with its reason, shown in the exports, overridden by a check-in",
          "[e2e][cli][excused]") {
    TempDir dir;
    // A week before day 3 (2027-01-14), Anna calls in sick for it.
    auto r = runKiosk(dir, {"correct", "ZU01", "--date", "2027-01-14", "--excused", "--reason", "ziek gemeld", "--actor",
                            "Marieke", "--now", "2027-01-07T10:00"});
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "Anna de Vries (ZU01) op 2027-01-14: afgemeld (reden: ziek gemeld)\n");
    // The same again: already so, nothing written.
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2027-01-14", "--excused", "--reason", "ziek gemeld", "--actor", "Marieke",
                       "--now", "2027-01-07T10:05"});
    CHECK(r.exitCode == 3);
    // The presence list of that day and the matrix say it, with the reason.
    r = runKiosk(dir, {"export", "--date", "2027-01-14", "--out", "-", "--now", "2027-01-07T10:10"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("2027-01-14;ZU01;Anna;de;Vries;Beleid Sociaal Domein;afgemeld;;;;afgemeld: ziek gemeld\r\n") != std::string::npos);
    r = runKiosk(dir, {"export", "--matrix", "--date", "2027-01-14", "--out", "-", "--now", "2027-01-07T10:10"});
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find(";afgemeld: ziek gemeld;") != std::string::npos);
    // On the day she comes after all: the tap makes the day present.
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2027-01-14T09:02", "--now", "2027-01-14T09:02"}).exitCode == 0);
    r = runKiosk(dir, {"export", "--date", "2027-01-14", "--out", "-", "--now", "2027-01-14T12:00"});
    CHECK(r.out.find("2027-01-14;ZU01;Anna;de;Vries;Beleid Sociaal Domein;aanwezig;09:02;") != std::string::npos);
}

TEST_CASE("correct follows the staff form's rules: refused (4), already so (3), usage (2)", "[e2e][cli][excused]") {
    TempDir dir;
    // Not a programme day of her cohort: refused, nothing written.
    auto r = runKiosk(dir, {"correct", "ZU01", "--date", "2027-01-15", "--excused", "--reason", "ziek", "--actor", "M",
                            "--now", "2027-01-07T10:00"});
    INFO(r.out << r.err);
    CHECK(r.exitCode == 4);
    CHECK(r.err.find("programmadag") != std::string::npos);
    // A time still to come: refused.
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2027-01-14", "--in", "09:00", "--reason", "vergeten", "--actor", "M",
                       "--now", "2027-01-07T10:00"});
    CHECK(r.exitCode == 4);
    // Absent on a day with nothing on it: already so.
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2026-11-26", "--absent", "--reason", "x", "--actor", "M"});
    CHECK(r.exitCode == 3);
    // A forgotten check-out closed by staff the morning after.
    REQUIRE(runKiosk(dir, {"checkin", "ZU02", "--at", "2026-11-26T09:00"}).exitCode == 0);
    r = runKiosk(dir, {"export", "--date", "2026-11-26", "--out", "-", "--now", "2026-11-27T08:30"});
    CHECK(r.out.find(";ZU02;Mohamed;;El Amrani;Uitvoering Wmo;aanwezig;09:00;;;uitchecken vergeten\r\n") != std::string::npos);
    r = runKiosk(dir, {"correct", "ZU02", "--date", "2026-11-26", "--out", "16:30", "--reason", "uitchecken vergeten", "--actor",
                       "M", "--now", "2026-11-27T08:31"});
    CHECK(r.exitCode == 0);
    r = runKiosk(dir, {"export", "--date", "2026-11-26", "--out", "-", "--now", "2026-11-27T08:32"});
    CHECK(r.out.find(";ZU02;Mohamed;;El Amrani;Uitvoering Wmo;aanwezig;09:00;16:30;450;gecorrigeerd door medewerker\r\n") !=
          std::string::npos);
    // Usage: no reason, two choices, no date, an unknown code.
    for (auto bad : {std::vector<std::string>{"correct", "ZU01", "--date", "2026-11-26", "--excused", "--actor", "M"},
                     {"correct", "ZU01", "--date", "2026-11-26", "--excused", "--absent", "--reason", "x", "--actor", "M"},
                     {"correct", "ZU01", "--excused", "--reason", "x", "--actor", "M"},
                     {"correct", "ZU99", "--date", "2026-11-26", "--excused", "--reason", "x", "--actor", "M"}}) {
        r = runKiosk(dir, bad);
        CHECK(r.exitCode == 2);
        CHECK_FALSE(r.err.empty());
    }
}

TEST_CASE("export --certificates --out DIR into an existing folder works twice in a row, replacing the first", "[e2e][cli][export]") {
    TempDir dir;
    for (const char* at : {"2026-11-26T09:00", "2026-12-10T09:00", "2027-01-14T09:00", "2027-01-28T09:00", "2027-02-11T09:00",
                           "2027-03-11T09:00"})
        REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", at, "--now", at}).exitCode == 0);
    const auto stick = dir / "USB";
    std::filesystem::create_directories(stick);
    writeFile((stick / "eigen-bestand.txt").string(), "van iemand anders");
    for (int round = 0; round < 2; ++round) {
        auto r = runKiosk(dir, {"export", "--certificates", "--date", "2026-11-26", "--out", stick.string(), "--now",
                                "2027-04-02T10:00"});
        INFO(r.out << r.err);
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.find("(1 persoon,") != std::string::npos);  // not "1 personen"
        const auto folder = stick / "certificaten-zutphen-2026";
        CHECK(std::filesystem::is_directory(folder));
        CHECK(std::filesystem::exists(folder / "alle-certificaten.pdf"));
        int files = 0;
        for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(folder)) ++files;
        CHECK(files == 2);  // Anna's and the one to print: the first round's replaced, not added to
        CHECK(readFile((stick / "eigen-bestand.txt").string()) == "van iemand anders");  // the folder's other files stay
    }
    // A file where the folder should be: refused, nothing written.
    writeFile((dir / "plain.txt").string(), "x");
    CHECK(runKiosk(dir, {"export", "--certificates", "--date", "2026-11-26", "--out", (dir / "plain.txt").string()}).exitCode == 2);
}

TEST_CASE("import-roster: a line break inside a cell is a space and a warning, both people imported", "[e2e][cli][case]") {
    TempDir dir;
    auto r = runKiosk(dir, {"import-roster", kSource + "/tests/cases/roster-line-break-in-cell.csv"});
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.err.find("roster-line-break-in-cell.csv:2:33:") != std::string::npos);
    r = runKiosk(dir, {"show", "--json"});
    CHECK(r.out.find("Sociaal Domein Jeugd en Wmo") != std::string::npos);
    CHECK(r.out.find("ZU22") != std::string::npos);
}

TEST_CASE("correct --catch-up-of: a check-in with another group counts as the own day, in the matrix and the certificate",
          "[e2e][cli][catchup]") {
    TempDir dir;
    const auto cfg = sampleConfig(dir);
    // A second group, Lochem (its own minimum: 2 days), meeting on 3 December when Zutphen does not.
    {
        std::ofstream p(cfg / "programme.toml", std::ios::app);
        p << "\n[[cohort]]\nid = \"lochem-2027\"\nname = \"Gemeente Lochem, 2027\"\ncertificate_min_days = 2\n"
             "\n[[day]]\nnumber = 1\ndate = 2026-12-03\ntheme = \"Eerste dag\"\ncohort = \"lochem-2027\"\n"
             "\n[[day.agenda]]\nstart = \"09:30\"\nend = \"15:00\"\ntitle = \"Hele dag\"\nroom = \"Bakkerij\"\n"
             "\n[[day]]\nnumber = 2\ndate = 2027-01-21\ntheme = \"Tweede dag\"\ncohort = \"lochem-2027\"\n"
             "\n[[day.agenda]]\nstart = \"09:30\"\nend = \"15:00\"\ntitle = \"Hele dag\"\nroom = \"Bakkerij\"\n";
        std::ofstream(cfg / "participants.csv", std::ios::app) << "LO01;Lotte;;Bakker;Burgerzaken;lochem-2027;\n";
    }
    const std::string c = cfg.string();
    auto r = runKiosk(dir, {"check-config"}, c);
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("certificaat vraagt") == std::string::npos);  // Lochem's own 2 of its 2 days: no warning
    // Anna of Zutphen will miss her day 2 (10 December): she follows Lochem's day on 3 December.
    REQUIRE(runKiosk(dir, {"checkin", "ZU01", "--at", "2026-12-03T09:25", "--now", "2026-12-03T09:25"}, c).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkout", "ZU01", "--at", "2026-12-03T15:00", "--now", "2026-12-03T15:00"}, c).exitCode == 0);
    // That day's list names her as one of another group, and which.
    r = runKiosk(dir, {"export", "--date", "2026-12-03", "--out", "-", "--now", "2026-12-03T15:05"}, c);
    CHECK(r.out.find(";ZU01;Anna;de;Vries;Beleid Sociaal Domein;aanwezig;09:25;15:00;335;"
                     "van Gemeente Zutphen, 2026\xE2\x80\x93" "2027, een andere groep (inhaal?)\r\n") != std::string::npos);
    // Her day 2 is still to come: not missed yet, so not a make-up yet (refused, 4), in Dutch and English.
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-03", "--catch-up-of", "2", "--reason", "inhaal", "--actor", "M",
                       "--now", "2026-12-03T15:10"}, c);
    CHECK(r.exitCode == 4);
    CHECK(r.err.find("moet nog komen") != std::string::npos);
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-03", "--catch-up-of", "2", "--reason", "inhaal", "--actor", "M",
                       "--lang", "en", "--now", "2026-12-09T23:59"}, c);
    CHECK(r.exitCode == 4);
    CHECK(r.err.find("still to come") != std::string::npos);
    r = runKiosk(dir, {"export", "--matrix", "--cohort", "zutphen-2026", "--out", "-", "--now", "2026-12-09T23:59"}, c);
    CHECK(r.out.find("ingehaald") == std::string::npos);  // nothing was written
    // Refused (4): her own date, a day number her group does not have, no reason (2).
    CHECK(runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-10", "--catch-up-of", "2", "--reason", "inhaal", "--actor", "M",
                         "--now", "2026-12-10T16:00"}, c).exitCode == 4);
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-03", "--catch-up-of", "9", "--reason", "inhaal", "--actor", "M",
                       "--now", "2026-12-10T16:05"}, c);
    CHECK(r.exitCode == 4);
    CHECK(r.err.find("eigen groep") != std::string::npos);
    CHECK(runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-03", "--catch-up-of", "2", "--actor", "M"}, c).exitCode == 2);
    // Marked on the day she missed (from then on it may be): day 2 made up on 3 December.
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-03", "--catch-up-of", "2", "--reason", "inhaal bij Lochem", "--actor",
                       "Marieke", "--now", "2026-12-10T16:10"}, c);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == "Anna de Vries (ZU01): dag 2 (2026-12-10) ingehaald op 2026-12-03 (reden: inhaal bij Lochem)\n");
    // The same again: already so. The same check-in for day 3 too: refused (it counts once).
    CHECK(runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-03", "--catch-up-of", "2", "--reason", "inhaal", "--actor", "M",
                         "--now", "2026-12-10T16:11"}, c).exitCode == 3);
    // The list of 3 December now says which day she made up there.
    r = runKiosk(dir, {"export", "--date", "2026-12-03", "--out", "-", "--now", "2026-12-10T16:11"}, c);
    CHECK(r.out.find(";335;inhaal: dag 2 van Gemeente Zutphen, 2026\xE2\x80\x93" "2027\r\n") != std::string::npos);
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-03", "--catch-up-of", "3", "--reason", "inhaal", "--actor", "M",
                       "--now", "2027-01-14T16:12"}, c);
    CHECK(r.exitCode == 4);
    CHECK(r.err.find("telt al als inhaaldag") != std::string::npos);
    // The matrix of her group (asked on the day after day 2): "ingehaald op 3 december", one day present.
    r = runKiosk(dir, {"export", "--matrix", "--cohort", "zutphen-2026", "--out", "-", "--now", "2026-12-11T10:00"}, c);
    REQUIRE(r.exitCode == 0);
    const auto anna = r.out.find("ZU01;Anna;de;Vries;Beleid Sociaal Domein;afwezig;ingehaald op 3 december;");
    CHECK(anna != std::string::npos);
    r = runKiosk(dir, {"export", "--matrix", "--cohort", "zutphen-2026", "--lang", "en", "--out", "-", "--now", "2026-12-11T10:00"}, c);
    CHECK(r.out.find(";absent;made up on 3 December;") != std::string::npos);
    // Undone as any correction: absent on her own day 2.
    r = runKiosk(dir, {"correct", "ZU01", "--date", "2026-12-10", "--absent", "--reason", "vergissing", "--actor", "M",
                       "--now", "2026-12-11T10:05"}, c);
    CHECK(r.exitCode == 0);
    r = runKiosk(dir, {"export", "--matrix", "--cohort", "zutphen-2026", "--out", "-", "--now", "2026-12-11T10:10"}, c);
    CHECK(r.out.find("ingehaald") == std::string::npos);
    CHECK(r.out.find("ZU01;Anna;de;Vries;Beleid Sociaal Domein;afwezig;afwezig;") != std::string::npos);
}
