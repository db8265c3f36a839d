// The exports as staff get them: a fixed day in a real store, exported as CSV (compared byte for
// byte with the expected files), read back by a CSV parser, and as XLSX unzipped and read back:
// every accent intact, the column order of the issue, and no cell ever a formula.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <fstream>
#include <functional>
#include <grp.h>
#include <sys/wait.h>
#include <memory>

#include "core/csv.h"
#include "core/text_checks.h"
#include "export/attendance_export.h"
#include "export/export_files.h"
#include "export/export_target.h"
#include "store/atomic_file.h"
#include "store_test_support.h"
#include "event_support.h"
#include "export_tool_output.h"
#include "test_support.h"

using namespace kiosk;
using test::has;
using test::pdfPages;
using test::pdfText;
using test::run;
namespace fs = std::filesystem;

namespace {

Participant person(std::string code, std::string first, std::string infix, std::string last, std::string dept) {
    return {std::move(code), std::move(first), std::move(infix), std::move(last), std::move(dept), "c1", ""};
}

// Two programme days of cohort c1; five people, two of them with names a spreadsheet could take for
// a formula; check-ins, a late one, a correction, an undo and two walk-ins (one confirmed).
struct FixedDay {
    test::AmsterdamTime tz;
    test::TempDir dir;
    Programme programme;
    KioskSettings settings;
    AttendanceDb db;

    FixedDay() {
        programme.cohorts = {{"c1", "Gemeente Zutphen, najaar 2026"}};
        auto day = [](int n, LocalDate d) {
            ProgrammeDay pd;
            pd.number = n;
            pd.date = d;
            pd.theme = "Thema " + std::to_string(n);
            pd.cohortId = "c1";
            pd.agenda = {{{9 * 60}, {16 * 60 + 30}, "Dag", "", "", "", ""}};
            return pd;
        };
        programme.days = {day(1, {2026, 11, 26}), day(2, {2026, 12, 10}), day(3, {2027, 1, 14})};
        settings.certificateMinDays = 2;
        REQUIRE(db.open(dir / "attendance.db", fromLocal(*LocalDateTime::parse("2026-11-26T08:00"))).status.ok());
        RosterImportResult result;
        REQUIRE(db.importRoster({person("ZU01", "Anna", "de", "Vries", "Beleid Sociaal Domein"),
                                 person("ZU02", "Zo\xC3\xAB", "van den", "Berg", "Communicatie; Pers"),
                                 person("ZU03", "=1+1", "", "Formule", "-Afdeling \"X\""),
                                 person("ZU04", "@Ĳsbrand", "", "\xC3\x87" "elik", "+31 Team"),
                                 person("ZU05", "Joost", "van", "Dijk", "Bestuursadvisering")},
                                fromLocal(*LocalDateTime::parse("2026-11-26T08:00")), result)
                    .ok());
        add(EventKind::check_in, "ZU01", "2026-11-26T08:55");
        add(EventKind::check_out, "ZU01", "2026-11-26T16:31");
        add(EventKind::check_in, "ZU02", "2026-11-26T09:25");  // late
        add(EventKind::check_in, "ZU03", "2026-11-26T08:50");
        add(EventKind::check_out, "ZU03", "2026-11-26T14:00");  // left early
        const std::string undone = add(EventKind::check_in, "ZU05", "2026-11-26T08:58");
        AttendanceEvent u = event(EventKind::undo, "ZU05", "2026-11-26T08:58");
        u.refersTo = undone;
        REQUIRE(db.appendEvent(u).ok());
        AttendanceEvent c = event(EventKind::correction, "ZU04", "2026-11-26T09:00");
        c.effect = CorrectionEffect::set_check_in;
        c.reason = "badge vergeten";
        c.actor = "MJ";
        REQUIRE(db.appendEvent(c).ok());
        AttendanceEvent g = event(EventKind::guest_registration, "", "2026-11-26T09:10");
        g.guestName = "Karin Mulder";
        g.guestOrganisation = "=HYPERLINK(\"x\")";
        REQUIRE(db.appendEvent(g).ok());
        AttendanceEvent g2 = event(EventKind::guest_registration, "", "2026-11-26T09:40");
        g2.guestName = "Pieter";
        g2.guestOrganisation = "Gemeente Lochem";
        REQUIRE(db.appendEvent(g2).ok());
        StaffForm form;
        form.kind = EventKind::guest_registration;
        form.refersTo = g2.id;
        form.effect = CorrectionEffect::confirm_guest;
        form.reason = "gezien";
        form.actor = "MJ";
        AttendanceEvent seen = makeStaffEvent(form, g2.day, g2.at, EventStamp::staff(g2.recordedAt, "entree"));
        REQUIRE(db.appendEvent(seen).ok());
        add(EventKind::check_in, "ZU01", "2026-12-10T08:59");
        add(EventKind::check_in, "ZU02", "2026-12-10T08:59");
        // Joost calls in sick for day 3, a month ahead.
        StaffForm sick{EventKind::correction, "ZU05", CorrectionEffect::set_excused, "", "ziek gemeld", "MJ"};
        REQUIRE(db.appendEvent(makeStaffEvent(sick, {2027, 1, 14}, fromLocal({{2027, 1, 14}, 0, 0, 0}),
                                              EventStamp::staff(fromLocal(*LocalDateTime::parse("2026-12-10T10:00")), "entree")))
                    .ok());
    }
    AttendanceEvent event(EventKind k, const std::string& code, const char* when) {
        AttendanceEvent e = test::eventAt(k, code, when);
        e.kioskId = "entree";
        return e;
    }
    std::string add(EventKind k, const std::string& code, const char* when) {
        const AttendanceEvent e = event(k, code, when);
        REQUIRE(db.appendEvent(e).ok());
        return e.id;
    }
    BuiltExport build(bool matrix, LocalDate date, ExportFormat f = ExportFormat::csv, const Texts& tx = test::texts()) {
        ExportRequest r;
        r.kind = matrix ? ExportKind::matrix : ExportKind::presence;
        r.date = date;
        r.format = f;
        BuiltExport out;
        REQUIRE(collectExport(db, r, programme, settings, tx, out).ok());
        return out;
    }
};

// Compares with tests/export/expected/<name>; KIOSK_UPDATE_EXPECTED=1 writes the file instead (then
// read the diff before committing it).
void checkExpected(const std::string& name, const std::string& actual) {
    const fs::path file = fs::path(KIOSK_SOURCE_DIR) / "tests/export/expected" / name;
    if (std::getenv("KIOSK_UPDATE_EXPECTED")) REQUIRE(writeFileAtomically(file, actual).empty());
    const auto s = readWholeFile(file);
    REQUIRE(s);
    INFO(name);
    CHECK(actual == *s);
}


}  // namespace

TEST_CASE("the day's presence list as CSV is exactly the expected file", "[export][csv]") {
    FixedDay f;
    const auto built = f.build(false, {2026, 11, 26});
    CHECK(built.fileName == "presentielijst-2026-11-26.csv");
    checkExpected("presence-2026-11-26.csv", tableCsv(built.table, ';'));
    checkExpected("presence-2026-11-26-comma.csv", tableCsv(built.table, ','));
    checkExpected("presence-2026-11-26-en.csv",
                  tableCsv(f.build(false, {2026, 11, 26}, ExportFormat::csv, test::texts(Lang::en)).table, ';'));
}

TEST_CASE("the cohort matrix as CSV is exactly the expected file", "[export][csv][matrix]") {
    FixedDay f;
    const auto built = f.build(true, {2026, 12, 10});
    CHECK(built.fileName == "matrix-c1.csv");
    checkExpected("matrix-c1-2026-12-10.csv", tableCsv(built.table, ';'));
}

TEST_CASE("the CSV reads back through a CSV parser to the same cells, none of them a formula", "[export][csv]") {
    FixedDay f;
    for (bool matrix : {false, true})
        for (char delimiter : {';', ','}) {
            const auto built = f.build(matrix, {2026, 12, 10});
            Problems problems;
            const auto table = parseCsv(tableCsv(built.table, delimiter), "export.csv", test::texts(), problems);
            REQUIRE(problems.empty());
            CHECK(table.delimiter == delimiter);
            REQUIRE(table.records.size() == built.table.rows.size() + 1);
            CHECK(table.records[0].fields == built.table.header);
            for (size_t i = 0; i < built.table.rows.size(); ++i)
                for (size_t c = 0; c < built.table.header.size(); ++c) {
                    const std::string& cell = table.records[i + 1].fields[c];
                    CHECK(cell == neutraliseFormula(built.table.rows[i][c]));
                    CHECK((cell.empty() || std::string("=+-@\t\r\n").find(cell[0]) == std::string::npos));
                }
        }
}

TEST_CASE("the XLSX holds every cell as text (numbers as numbers), accents intact, no formula", "[export][xlsx]") {
    FixedDay f;
    const fs::path file = f.dir / "out" / "presentielijst.xlsx";
    const auto built = f.build(false, {2026, 11, 26}, ExportFormat::xlsx);
    REQUIRE(writeExport(built.table, ExportFormat::xlsx, ';', file, 1764158400).empty());
    REQUIRE(fs::exists(file));
    const std::string listing = run("unzip -l '" + file.string() + "'");
    CHECK(listing.find("xl/worksheets/sheet1.xml") != std::string::npos);
    const std::string sheet = run("unzip -p '" + file.string() + "' xl/worksheets/sheet1.xml");
    REQUIRE_FALSE(sheet.empty());
    CHECK(sheet.find("<f>") == std::string::npos);  // no formula anywhere
    CHECK(sheet.find("<f ") == std::string::npos);
    // The cells that look like formulas are inline strings, as typed, without an apostrophe.
    CHECK(sheet.find("<is><t>=1+1</t></is>") != std::string::npos);
    CHECK(sheet.find("<is><t>@\xC4\xB2sbrand</t></is>") != std::string::npos);
    CHECK(sheet.find("<is><t>=HYPERLINK(") != std::string::npos);
    CHECK(sheet.find("<is><t>Zo\xC3\xAB</t></is>") != std::string::npos);
    CHECK(sheet.find("<is><t>\xC3\x87" "elik</t></is>") != std::string::npos);
    // The title row, then the header in the order.
    CHECK(sheet.find("<is><t>Presentielijst donderdag 26 november 2026</t></is>") != std::string::npos);
    const std::string header = "datum|code|voornaam|tussenvoegsel|achternaam|afdeling|status|eerst ingecheckt|laatst uitgecheckt|minuten aanwezig|opmerking";
    size_t pos = 0;
    for (size_t start = 0, bar; start <= header.size(); start = bar + 1) {
        bar = header.find('|', start);
        if (bar == std::string::npos) bar = header.size();
        const std::string cell = "<is><t>" + header.substr(start, bar - start) + "</t></is>";
        const size_t at = sheet.find(cell, pos);
        INFO(cell);
        REQUIRE(at != std::string::npos);
        pos = at;
    }
    // The same data gives the same file (fixed creation time).
    const fs::path again = f.dir / "out" / "again.xlsx";
    REQUIRE(writeExport(built.table, ExportFormat::xlsx, ';', again, 1764158400).empty());
    CHECK(readWholeFile(file) == readWholeFile(again));
}

TEST_CASE("the matrix XLSX has the day count as a number and the certificate in words", "[export][xlsx][matrix]") {
    FixedDay f;
    const fs::path file = f.dir / "matrix.xlsx";
    const auto built = f.build(true, {2026, 12, 10}, ExportFormat::xlsx);
    REQUIRE(writeExport(built.table, ExportFormat::xlsx, ';', file).empty());
    const std::string sheet = run("unzip -p '" + file.string() + "' xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<f>") == std::string::npos);
    CHECK(sheet.find("<v>2</v>") != std::string::npos);  // Anna: 2 of 3 days, a number cell
    CHECK(sheet.find("<is><t>ja</t></is>") != std::string::npos);
    CHECK(sheet.find("<is><t>nog haalbaar, geen dag meer te missen</t></is>") != std::string::npos);
}

TEST_CASE("an excused day says \"afgemeld\" with its reason in the presence list's CSV and XLSX", "[export][excused]") {
    FixedDay f;
    const auto built = f.build(false, {2027, 1, 14});
    const std::string csv = tableCsv(built.table, ';');
    CHECK(csv.find("2027-01-14;ZU05;Joost;van;Dijk;Bestuursadvisering;afgemeld;;;;afgemeld: ziek gemeld\r\n") != std::string::npos);
    CHECK(csv.find("2027-01-14;ZU01;Anna;de;Vries;Beleid Sociaal Domein;afwezig;;;;\r\n") != std::string::npos);
    const fs::path file = f.dir / "excused.xlsx";
    REQUIRE(writeExport(f.build(false, {2027, 1, 14}, ExportFormat::xlsx).table, ExportFormat::xlsx, ';', file).empty());
    const std::string sheet = run("unzip -p '" + file.string() + "' xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<is><t>afgemeld</t></is>") != std::string::npos);
    CHECK(sheet.find("<is><t>afgemeld: ziek gemeld</t></is>") != std::string::npos);
    const auto en = tableCsv(f.build(false, {2027, 1, 14}, ExportFormat::csv, test::texts(Lang::en)).table, ';');
    CHECK(en.find(";excused;;;;excused: ziek gemeld\r\n") != std::string::npos);
}

TEST_CASE("exports xlsx rule: a code that looks like a number (0007) stays text, only numeric columns hold numbers", "[export][xlsx]") {
    test::TempDir dir;
    ExportTable t;
    t.sheetName = "Presentielijst";
    t.header = {"code", "achternaam", "minuten aanwezig"};
    t.numeric = {false, false, true};
    t.rows = {{"0007", "1984", "0420"}, {"12", "Vries", "35"}};
    const fs::path file = dir / "codes.xlsx";
    REQUIRE(writeExport(t, ExportFormat::xlsx, ';', file, 1764158400).empty());
    const std::string sheet = run("unzip -p '" + file.string() + "' xl/worksheets/sheet1.xml");
    REQUIRE_FALSE(sheet.empty());
    // The former participant's code as typed, leading zeros and all, as text; a name of digits too.
    CHECK(sheet.find("<is><t>0007</t></is>") != std::string::npos);
    CHECK(sheet.find("<is><t>1984</t></is>") != std::string::npos);
    CHECK(sheet.find("<is><t>12</t></is>") != std::string::npos);
    CHECK(sheet.find("<v>7</v>") == std::string::npos);
    CHECK(sheet.find("<v>1984</v>") == std::string::npos);
    CHECK(sheet.find("<v>12</v>") == std::string::npos);
    // The minutes column is numeric: whole numbers as numbers.
    CHECK(sheet.find("<v>420</v>") != std::string::npos);
    CHECK(sheet.find("<v>35</v>") != std::string::npos);
    // The header stays in view and carries the filter, over the header and both rows exactly.
    CHECK(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\"") != std::string::npos);
    CHECK(sheet.find("<autoFilter ref=\"A1:C3\"/>") != std::string::npos);
}

TEST_CASE("LibreOffice Calc opens the XLSX with every accent intact and evaluates nothing", "[export][xlsx][libreoffice]") {
    // packaging/build-deps installs libreoffice-calc-nogui; without it this check must not pass quietly.
    REQUIRE(std::system("command -v soffice >/dev/null 2>&1") == 0);
    FixedDay f;
    const fs::path file = f.dir / "presentielijst.xlsx";
    REQUIRE(writeExport(f.build(false, {2026, 11, 26}, ExportFormat::xlsx).table, ExportFormat::xlsx, ';', file).empty());
    // A private profile, so a LibreOffice open elsewhere (or a first-start dialog) does not interfere.
    const std::string cmd = "cd '" + f.dir.path().string() + "' && HOME='" + f.dir.path().string() +
                            "' soffice --headless -env:UserInstallation=file://" + f.dir.path().string() +
                            "/lo-profile --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76' --outdir '" +
                            f.dir.path().string() + "/lo' '" + file.string() + "' 2>&1";
    const std::string log = run(cmd);
    INFO(log);
    const auto csv = readWholeFile(f.dir / "lo" / "presentielijst.csv");
    REQUIRE(csv);
    CHECK(csv->find("=1+1;;Formule") != std::string::npos);  // the text, not 2
    CHECK(csv->find("Zo\xC3\xAB;van den;Berg") != std::string::npos);
    CHECK(csv->find("@\xC4\xB2sbrand;;\xC3\x87" "elik") != std::string::npos);
    CHECK(csv->find("=HYPERLINK(\"\"x\"\")") != std::string::npos);
    CHECK(csv->find("#NAME") == std::string::npos);
    CHECK(csv->find("Err:") == std::string::npos);
}

TEST_CASE("exports go to a mounted USB stick when there is one, else to the export folder", "[export][target]") {
    const std::string mounts =
        "/dev/sda1 / ext4 rw,relatime 0 0\n"
        "proc /proc proc rw 0 0\n"
        "/dev/sdb1 /media/staff/KINGSTON\\040USB vfat rw,nosuid 0 0\n"
        "/dev/sdc1 /run/media/staff/BACKUP exfat rw 0 0\n"
        "tmpfs /media tmpfs rw 0 0\n";
    const auto found = removableMounts(mounts);
    REQUIRE(found.size() == 2);
    CHECK(found[0].mount == "/media/staff/KINGSTON USB");
    CHECK(found[0].device == "/dev/sdb1");
    CHECK(found[1].mount == "/run/media/staff/BACKUP");
    VolumeProbe none{[](const fs::path&) { return false; }, {}, {}};
    VolumeProbe onlyBackup{[](const fs::path& p) { return p.filename() == "BACKUP"; }, {}, [](const fs::path&) { return uint64_t{16'008'000'000}; }};
    CHECK(removableTargets(found, none).empty());
    CHECK_FALSE(chooseExportTarget(removableTargets(found, none), "/var/lib/x/exports").removable);
    CHECK(chooseExportTarget(removableTargets(found, none), "/var/lib/x/exports").folder == "/var/lib/x/exports");
    const auto t = chooseExportTarget(removableTargets(found, onlyBackup), "/var/lib/x/exports");  // a read-only stick is passed over
    CHECK(t.removable);
    CHECK(t.label == "BACKUP");  // no label link: the folder's name
    CHECK(driveSize(t.bytes) == "16 GB");
    CHECK(chooseExportTarget({}, "/e").folder == "/e");
}

TEST_CASE("export_target rule 1: the right stick: a volume is named by its label, not the kernel's name, with its size",
          "[export][target]") {
    test::TempDir dir;  // a stand-in for /dev: two devices and udev's label links to them
    fs::create_directories(dir / "disk" / "by-label");
    std::ofstream(dir / "sdb1").flush();
    std::ofstream(dir / "sdc1").flush();
    fs::create_symlink("../../sdb1", dir / "disk" / "by-label" / "STAFF\\x20KEY");
    CHECK(volumeLabel(dir / "disk" / "by-label", dir / "sdb1") == "STAFF KEY");
    CHECK(volumeLabel(dir / "disk" / "by-label", dir / "sdc1").empty());  // no label: the caller uses the folder's name
    const std::vector<RemovableMount> two{{"/media/staff/3A1F-22C0", (dir / "sdb1").string()}, {"/media/staff/sdc1", (dir / "sdc1").string()}};
    VolumeProbe probe{[](const fs::path&) { return true; },
                      [&](const RemovableMount& m) { return volumeLabel(dir / "disk" / "by-label", m.device); },
                      [](const fs::path& p) { return p.filename() == "sdc1" ? uint64_t{512'000'000} : uint64_t{31'990'000'000}; }};
    const auto all = removableTargets(two, probe);
    REQUIRE(all.size() == 2);
    CHECK(all[0].label == "STAFF KEY");
    CHECK(driveSize(all[0].bytes) == "32 GB");
    CHECK(all[1].label == "sdc1");
    CHECK(driveSize(all[1].bytes) == "512 MB");
}

namespace {

// Runs `body` as user nobody (65534) in a child process when we are root, else right here; its
// result, or 3 when the child could not drop its privileges.
int asUnprivileged(const std::function<int()>& body) {
    if (::geteuid() != 0) return body();
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0 || ::geteuid() == 0) ::_exit(3);
        ::_exit(body());
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return 3;
    return WEXITSTATUS(status);
}

}  // namespace

TEST_CASE("an export is written whole or not at all, a failed one leaves no half file", "[export][atomic]") {
    FixedDay f;
    const auto built = f.build(false, {2026, 11, 26}, ExportFormat::xlsx);
    const fs::path target = f.dir / "stick" / "presentielijst.xlsx";
    REQUIRE(writeExport(built.table, ExportFormat::xlsx, ';', target).empty());
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(f.dir / "stick")) names.push_back(e.path().filename().string());
    CHECK(names == std::vector<std::string>{"presentielijst.xlsx"});
    // A folder that cannot be made (a file is in the way): an error in words.
    REQUIRE(writeFileAtomically(f.dir / "afile", "x").empty());
    CHECK_FALSE(writeExport(built.table, ExportFormat::xlsx, ';', f.dir / "afile" / "x.xlsx").empty());
    // A folder that cannot be written (a stick mounted read-only): an error in words, nothing left behind.
    // Root ignores file modes (and CI runs as root): then the writing is done as user nobody, who
    // owns the folder but may not write it, in a child process.
    const fs::path ro = f.dir / "ro";
    fs::create_directories(ro);
    if (::geteuid() == 0) REQUIRE(::chown(ro.c_str(), 65534, 65534) == 0);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    const int outcome = asUnprivileged([&] {
        if (::access(ro.c_str(), W_OK) == 0) return 2;  // writable after all: the check would prove nothing
        for (ExportFormat fmt : {ExportFormat::csv, ExportFormat::xlsx}) {
            if (writeExport(built.table, fmt, ';', ro / "x.out").empty()) return 4;  // no error in words
            std::error_code ec;
            if (!fs::is_empty(ro, ec) || ec) return 5;  // something left behind
        }
        return 0;
    });
    CHECK(outcome == 0);  // 2: not read-only, 3: could not become nobody, 4: no error, 5: a file left
}

TEST_CASE("export_target rule 3: the right stick: on a USB stick a symlink in the export's place is refused and left as it was",
          "[export][target][symlink]") {
    FixedDay f;
    ExportRequest r;
    r.date = {2026, 11, 26};
    const fs::path stick = f.dir / "stick", victim = f.dir / "kiosk.toml";
    fs::create_directories(stick);
    REQUIRE(writeFileAtomically(victim, "[kiosk]\n").empty());
    for (ExportFormat fmt : {ExportFormat::csv, ExportFormat::xlsx, ExportFormat::pdf}) {
        r.format = fmt;
        BuiltExport built;
        REQUIRE(collectExport(f.db, r, f.programme, f.settings, test::texts(), built).ok());
        const fs::path planted = stick / built.fileName;  // a participant's stick: the export's name points elsewhere
        fs::create_symlink(victim, planted);
        const SavedExport saved = saveExport(built, r, ExportTarget{stick, true, "PLANTED", 0});
        INFO(built.fileName);
        CHECK_FALSE(saved.error.empty());
        CHECK(fs::is_symlink(planted));
        CHECK(*readWholeFile(victim) == "[kiosk]\n");
        fs::remove(planted);
        // The same export into the kiosk's own folder (not removable) is written.
        CHECK(saveExport(built, r, ExportTarget{f.dir / "exports", false, {}, 0}).error.empty());
    }
}

TEST_CASE("text stored before the input rules (a Windows-1252 name, a NUL) leaves as valid UTF-8 in CSV and XLSX",
          "[export][utf8]") {
    FixedDay f;
    RosterImportResult result;
    // As an older kiosk imported Dutch Excel's plain CSV: Loïs in Windows-1252, and a NUL.
    REQUIRE(f.db.importRoster({person("ZU01", "Lo\xEFs", "", std::string("Brou\0wer", 8), "Financi\xEBn")},
                              fromLocal(*LocalDateTime::parse("2026-11-26T08:00")), result)
                .ok());
    const auto csvBuilt = f.build(false, {2026, 11, 26});
    const std::string csv = tableCsv(csvBuilt.table, ';');
    CHECK(firstInvalidUtf8(csv) == kTextOk);
    CHECK(csv.find(std::string(1, '\0')) == std::string::npos);
    CHECK(csv.find("Lo\xEF\xBF\xBDs") != std::string::npos);  // the byte shown as U+FFFD, the rest kept
    const fs::path file = f.dir / "legacy.xlsx";
    REQUIRE(writeExport(f.build(false, {2026, 11, 26}, ExportFormat::xlsx).table, ExportFormat::xlsx, ';', file).empty());
    const std::string sheet = run("unzip -p '" + file.string() + "' xl/worksheets/sheet1.xml");
    REQUIRE_FALSE(sheet.empty());
    CHECK(firstInvalidUtf8(sheet) == kTextOk);
    CHECK(sheet.find("<is><t>Lo\xEF\xBF\xBDs</t></is>") != std::string::npos);
    CHECK(sheet.find(std::string(1, '\0')) == std::string::npos);
}
