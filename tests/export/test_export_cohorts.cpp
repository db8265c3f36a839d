// Exports of a venue with two cohorts (issue 30, item 6), from a real store and read back: the
// presence list of a date both groups meet (CSV with the group named on every row, XLSX with a sheet
// per group, PDF with each group on its own pages and its name in the page header), and the matrix
// and certificates of each cohort holding that cohort's people and days only.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <memory>

#include "core/catch_up.h"
#include "core/event_builder.h"
#include "export/attendance_export.h"
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


// Zutphen (c1) and Deventer (c2), three days each; both meet on 2026-12-10 (their day 2). Two
// people each; a walk-in on the shared date. The certificate rule is 2 of 3 days.
struct TwoCohorts {
    test::AmsterdamTime tz;
    test::TempDir dir;
    Programme programme;
    KioskSettings settings;
    AttendanceDb db;

    TwoCohorts() {
        programme.title = "Leergang Ambtelijk Vakmanschap";
        programme.cohorts = {{"c1", "Gemeente Zutphen"}, {"c2", "Gemeente Deventer"}};
        const LocalDate zutphen[] = {{2026, 11, 26}, {2026, 12, 10}, {2027, 1, 14}};
        const LocalDate deventer[] = {{2026, 12, 3}, {2026, 12, 10}, {2027, 1, 21}};
        for (int n = 1; n <= 3; ++n) {
            programme.days.push_back(day("c1", n, zutphen[n - 1], "Zutphen thema " + std::to_string(n)));
            programme.days.push_back(day("c2", n, deventer[n - 1], "Deventer thema " + std::to_string(n)));
        }
        std::stable_sort(programme.days.begin(), programme.days.end(),
                         [](const ProgrammeDay& a, const ProgrammeDay& b) { return a.date < b.date; });
        settings.certificateMinDays = 2;
        settings.venue = "De Broodfabriek";
        settings.city = "Rijswijk";
        const Instant t0 = fromLocal(*LocalDateTime::parse("2026-11-26T08:00"));
        REQUIRE(db.open(dir / "attendance.db", t0).status.ok());
        RosterImportResult result;
        REQUIRE(db.importRoster({{"ZU01", "Anna", "de", "Vries", "Beleid", "c1", ""},
                                 {"ZU02", "Zo\xC3\xAB", "van den", "Berg", "Communicatie", "c1", ""},
                                 {"DV01", "Bram", "", "Aalders", "Wonen", "c2", ""},
                                 {"DV02", "Ceren", "", "Yilmaz", "Financi\xC3\xABn", "c2", ""}},
                                t0, result)
                    .ok());
        for (const char* d : {"2026-11-26", "2026-12-10", "2027-01-14"}) add(EventKind::check_in, "ZU01", d, "08:55");
        add(EventKind::check_in, "ZU02", "2026-12-10", "09:01");
        for (const char* d : {"2026-12-03", "2026-12-10"}) add(EventKind::check_in, "DV01", d, "08:50");
        add(EventKind::check_in, "DV02", "2026-12-03", "09:20");
        AttendanceEvent g = test::eventAt(EventKind::guest_registration, "", "2026-12-10T09:10");
        g.guestName = "Karin Mulder";
        g.guestOrganisation = "Gemeente Lochem";
        REQUIRE(db.appendEvent(g).ok());
    }
    static ProgrammeDay day(const char* cohort, int n, LocalDate date, std::string theme) {
        ProgrammeDay pd;
        pd.number = n;
        pd.date = date;
        pd.theme = std::move(theme);
        pd.cohortId = cohort;
        pd.agenda = {{{9 * 60}, {16 * 60 + 30}, "Dag", "", "", "", ""}};
        return pd;
    }
    void add(EventKind k, const std::string& code, const std::string& day, const std::string& time) {
        const std::string when = day + "T" + time;
        REQUIRE(db.appendEvent(test::eventAt(k, code, when.c_str())).ok());
    }
    BuiltExport build(ExportRequest r) {
        if (r.today == LocalDate{}) r.today = {2027, 2, 1};
        if (r.now.ms == 0) r.now = fromLocal(*LocalDateTime::parse("2027-02-01T12:00"));
        BuiltExport out;
        REQUIRE(collectExport(db, r, programme, settings, test::texts(), out).ok());
        REQUIRE(out.error.empty());
        return out;
    }
    SavedExport save(const ExportRequest& r, const BuiltExport& built) {
        const SavedExport saved = saveExport(built, r, ExportTarget{dir / "out", false, {}});
        REQUIRE(saved.error.empty());
        return saved;
    }
    ExportRequest shared(ExportFormat f) const {
        ExportRequest r;
        r.date = {2026, 12, 10};
        r.format = f;
        return r;
    }
};

std::vector<std::string> column(const ExportTable& t, size_t c) {
    std::vector<std::string> out;
    for (const auto& r : t.rows) out.push_back(c < r.size() ? r[c] : std::string{});
    return out;
}

}  // namespace

TEST_CASE("a shared date's presence list as CSV: each group's people together, the group named on every row", "[export][cohorts][csv]") {
    TwoCohorts v;
    const ExportRequest r = v.shared(ExportFormat::csv);
    const BuiltExport built = v.build(r);
    REQUIRE(built.table.header.back() == "groep");
    // Zutphen's people (in Dutch order), then Deventer's, then the walk-in.
    CHECK(column(built.table, 1) == std::vector<std::string>{"ZU02", "ZU01", "DV01", "DV02", ""});
    CHECK(column(built.table, built.table.header.size() - 1) ==
          std::vector<std::string>{"Gemeente Zutphen", "Gemeente Zutphen", "Gemeente Deventer", "Gemeente Deventer", "gast"});
    CHECK(built.table.rows[0][6] == "aanwezig");  // Zoë, judged by Zutphen's day
    CHECK(built.table.rows[3][6] == "afwezig");   // Ceren
    const SavedExport saved = v.save(r, built);
    const auto csv = readWholeFile(saved.path);
    REQUIRE(csv);
    size_t lines = 0;
    for (size_t at = csv->find("\r\n"); at != std::string::npos; at = csv->find("\r\n", at + 2)) ++lines;
    CHECK(lines == 6);  // the header, four people, the walk-in
    CHECK(csv->ends_with(";gast\r\n"));
    CHECK(has(*csv, ";opmerking;groep\r\n"));
}

TEST_CASE("a shared date's presence list as XLSX: a sheet per group, titled with the group, and one for the walk-ins", "[export][cohorts][xlsx]") {
    TwoCohorts v;
    const ExportRequest r = v.shared(ExportFormat::xlsx);
    const SavedExport saved = v.save(r, v.build(r));
    const std::string workbook = run("unzip -p '" + saved.path.string() + "' xl/workbook.xml");
    CHECK(has(workbook, "name=\"Gemeente Zutphen\""));
    CHECK(has(workbook, "name=\"Gemeente Deventer\""));
    CHECK(has(workbook, "name=\"Gasten\""));
    const std::string first = run("unzip -p '" + saved.path.string() + "' xl/worksheets/sheet1.xml");
    const std::string second = run("unzip -p '" + saved.path.string() + "' xl/worksheets/sheet2.xml");
    CHECK(has(first, "Gemeente Zutphen"));
    CHECK(has(first, "Anna"));
    CHECK_FALSE(has(first, "Bram"));
    CHECK(has(second, "Bram"));
    CHECK(has(second, "Ceren"));
    CHECK_FALSE(has(second, "Anna"));
    CHECK_FALSE(has(second, "Karin"));
}

TEST_CASE("a shared date's presence list as PDF: each group on its own pages, the page header naming it", "[export][cohorts][pdf]") {
    TwoCohorts v;
    const ExportRequest r = v.shared(ExportFormat::pdf);
    const SavedExport saved = v.save(r, v.build(r));
    REQUIRE(pdfPages(saved.path) == 3);
    const std::string zutphen = pdfText(saved.path, 1), deventer = pdfText(saved.path, 2), guests = pdfText(saved.path, 3);
    CHECK(has(zutphen, "Gemeente Zutphen"));
    CHECK(has(zutphen, "Zutphen thema 2"));
    CHECK(has(zutphen, "Anna"));
    CHECK(has(zutphen, "2 van de 2 deelnemers aanwezig"));
    CHECK_FALSE(has(zutphen, "Bram"));
    CHECK_FALSE(has(zutphen, "Karin"));
    CHECK(has(deventer, "Gemeente Deventer"));
    CHECK(has(deventer, "Deventer thema 2"));
    CHECK(has(deventer, "Ceren"));
    CHECK(has(deventer, "1 van de 2 deelnemers aanwezig"));
    CHECK_FALSE(has(deventer, "Anna"));
    CHECK_FALSE(has(deventer, "Gemeente Zutphen"));
    CHECK(has(guests, "Karin Mulder"));
    CHECK(has(guests, "Gasten van alle groepen"));

    SECTION("the blank list too: a page per group with its own lines for walk-ins") {
        ExportRequest b = v.shared(ExportFormat::pdf);
        b.kind = ExportKind::blank;
        const SavedExport blank = v.save(b, v.build(b));
        REQUIRE(pdfPages(blank.path) == 2);
        CHECK(has(pdfText(blank.path, 1), "Gemeente Zutphen"));
        CHECK(has(pdfText(blank.path, 2), "Gemeente Deventer"));
        CHECK(has(pdfText(blank.path, 2), "Niet op de lijst"));
    }
}

TEST_CASE("a date with one group keeps its presence list as it was: no group column, one sheet", "[export][cohorts][csv]") {
    TwoCohorts v;
    ExportRequest r = v.shared(ExportFormat::csv);
    r.date = {2026, 12, 3};
    const BuiltExport built = v.build(r);
    CHECK(built.table.header.back() == "opmerking");
    CHECK(built.table.sheets.empty());
    CHECK(column(built.table, 1) == std::vector<std::string>{"DV01", "DV02"});
}

TEST_CASE("the matrix of each cohort holds its own people and its own days", "[export][cohorts][matrix]") {
    TwoCohorts v;
    ExportRequest r;
    r.kind = ExportKind::matrix;
    r.date = {2026, 12, 10};
    r.cohort = "c2";
    const BuiltExport deventer = v.build(r);
    CHECK(deventer.fileName == "matrix-c2.csv");
    CHECK(column(deventer.table, 0) == std::vector<std::string>{"DV01", "DV02"});
    CHECK(has(deventer.table.header[5], "2026-12-03"));
    CHECK(deventer.table.rows[0].back() == "ja");    // Bram: 2 of 3
    CHECK(deventer.table.rows[1].back() == "nee");   // Ceren: 1 of 3
    r.cohort = "c1";
    const BuiltExport zutphen = v.build(r);
    CHECK(zutphen.fileName == "matrix-c1.csv");
    CHECK(column(zutphen.table, 0) == std::vector<std::string>{"ZU02", "ZU01"});
    CHECK(has(zutphen.table.header[5], "2026-11-26"));
    for (const auto& h : zutphen.table.header) CHECK_FALSE(has(h, "2026-12-03"));
}

TEST_CASE("the certificates of each cohort go to that cohort's people who met the rule", "[export][cohorts][pdf]") {
    TwoCohorts v;
    ExportRequest r;
    r.kind = ExportKind::certificates;
    r.format = ExportFormat::pdf;
    r.date = {2026, 12, 10};
    r.cohort = "c2";
    const SavedExport deventer = v.save(r, v.build(r));
    CHECK(deventer.path.filename() == "certificaten-c2");
    CHECK(fs::exists(deventer.path / "certificaat-bram-aalders-dv01.pdf"));
    CHECK_FALSE(fs::exists(deventer.path / "certificaat-ceren-yilmaz-dv02.pdf"));
    CHECK_FALSE(fs::exists(deventer.path / "certificaat-anna-de-vries-zu01.pdf"));
    CHECK(has(pdfText(deventer.path / "certificaat-bram-aalders-dv01.pdf", 1), "Gemeente Deventer"));
    r.cohort = "c1";
    const SavedExport zutphen = v.save(r, v.build(r));
    CHECK(zutphen.path.filename() == "certificaten-c1");
    CHECK(fs::exists(zutphen.path / "certificaat-anna-de-vries-zu01.pdf"));
    CHECK_FALSE(fs::exists(zutphen.path / "certificaat-bram-aalders-dv01.pdf"));
    CHECK(has(pdfText(zutphen.path / "certificaat-anna-de-vries-zu01.pdf", 1), "Gemeente Zutphen"));
}

TEST_CASE("a day made up with the other cohort: the matrix says 'ingehaald op', the certificate and statement count it",
          "[export][cohorts][catchup]") {
    TwoCohorts v;
    // Zoë missed Zutphen's day 1 and followed Deventer's day 3 on 21 January, after Zutphen's last
    // day: outside the cohort's dates, so the store folds that date too (attendance_db summarise).
    v.add(EventKind::check_in, "ZU02", "2027-01-21", "09:05");
    v.add(EventKind::check_out, "ZU02", "2027-01-21", "16:00");
    StaffForm f{EventKind::correction, "ZU02", CorrectionEffect::catch_up, "", "inhaal bij Deventer", "MJ"};
    REQUIRE(v.db.appendEvent(makeStaffEvent(f, {2026, 11, 26}, catchUpMoment({2027, 1, 21}),
                                            EventStamp::staff(fromLocal(*LocalDateTime::parse("2027-01-21T16:05")), "entree")))
                .ok());
    ExportRequest r;
    r.kind = ExportKind::matrix;
    r.date = {2026, 12, 10};
    r.cohort = "c1";
    const BuiltExport csv = v.build(r);
    REQUIRE(column(csv.table, 0) == std::vector<std::string>{"ZU02", "ZU01"});
    CHECK(csv.table.rows[0][5] == "ingehaald op 21 januari");
    CHECK(csv.table.rows[0][6] == "aanwezig");
    CHECK(csv.table.rows[0][8] == "2");          // days present: the made-up day and day 2
    CHECK(csv.table.rows[0].back() == "ja");     // 2 of 3
    // Deventer's matrix has no trace of her.
    r.cohort = "c2";
    CHECK(column(v.build(r).table, 0) == std::vector<std::string>{"DV01", "DV02"});

    // The matrix PDF, the certificate (the day listed with the date it was made up on) and her statement.
    r.cohort = "c1";
    r.format = ExportFormat::pdf;
    const SavedExport matrix = v.save(r, v.build(r));
    CHECK(has(pdfText(matrix.path, 1), "ingehaald 21 jan."));
    ExportRequest c;
    c.kind = ExportKind::certificates;
    c.format = ExportFormat::pdf;
    c.date = {2026, 12, 10};
    c.cohort = "c1";
    const SavedExport certs = v.save(c, v.build(c));
    const fs::path zoe = certs.path / "certificaat-zoe-van-den-berg-zu02.pdf";
    REQUIRE(fs::exists(zoe));
    CHECK(has(pdfText(zoe, 1), "21 jan. 2027"));
    ExportRequest s;
    s.kind = ExportKind::statements;
    s.format = ExportFormat::pdf;
    s.participant = "ZU02";
    s.date = {2026, 12, 10};
    s.cohort = "c1";
    const SavedExport statement = v.save(s, v.build(s));
    CHECK(has(pdfText(statement.path, 1), "ingehaald op 21 januari"));
}
