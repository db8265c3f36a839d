// A presence list files each person by the group whose day they attended that date (issue 30),
// not by the group the roster names: on a date two groups meet, a visitor from a third group is on
// the list of the group they came to (the one whose hours hold their arrival), and a visit staff
// marked as a make-up says "inhaal: dag N van <own group>" there, in the CSV, XLSX and PDF alike.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <memory>

#include "core/catch_up.h"
#include "core/event_builder.h"
#include "export/attendance_export.h"
#include "event_support.h"
#include "store_test_support.h"
#include "export_tool_output.h"
#include "test_support.h"

using namespace kiosk;
using test::has;
using test::pdfPages;
using test::pdfText;
using test::run;
namespace fs = std::filesystem;

namespace {


ProgrammeDay day(const char* cohort, int n, LocalDate date, int from, int to) {
    ProgrammeDay pd;
    pd.number = n;
    pd.date = date;
    pd.theme = std::string(cohort) + " thema " + std::to_string(n);
    pd.cohortId = cohort;
    pd.agenda = {{{from}, {to}, "Dagdeel", "", "", "", ""}};
    return pd;
}

// Zutphen (c1) meets the mornings, Deventer (c2) the afternoons; both on 10 December. Lochem (c3)
// never shares a date. Lochem's Lotte missed her day 1 and comes to Deventer's afternoon on 10
// December (marked as its make-up); Lochem's Pieter comes to Zutphen's morning (not marked).
struct ThreeCohorts {
    test::AmsterdamTime tz;
    test::TempDir dir;
    Programme programme;
    KioskSettings settings;
    AttendanceDb db;

    ThreeCohorts() {
        programme.title = "Leergang";
        programme.cohorts = {{"c1", "Gemeente Zutphen"}, {"c2", "Gemeente Deventer"}, {"c3", "Gemeente Lochem"}};
        programme.days = {day("c3", 1, {2026, 11, 19}, 9 * 60, 16 * 60),   day("c1", 1, {2026, 11, 26}, 9 * 60, 12 * 60 + 30),
                          day("c2", 1, {2026, 12, 3}, 13 * 60, 16 * 60 + 30), day("c1", 2, {2026, 12, 10}, 9 * 60, 12 * 60 + 30),
                          day("c2", 2, {2026, 12, 10}, 13 * 60, 16 * 60 + 30), day("c3", 2, {2026, 12, 17}, 9 * 60, 16 * 60)};
        settings.certificateMinDays = 1;
        const Instant t0 = fromLocal(*LocalDateTime::parse("2026-11-19T08:00"));
        REQUIRE(db.open(dir / "attendance.db", t0).status.ok());
        RosterImportResult result;
        REQUIRE(db.importRoster({{"ZU01", "Anna", "de", "Vries", "Beleid", "c1", ""},
                                 {"DV01", "Bram", "", "Aalders", "Wonen", "c2", ""},
                                 {"LO01", "Lotte", "", "Bakker", "Burgerzaken", "c3", ""},
                                 {"LO02", "Pieter", "", "Smit", "Griffie", "c3", ""}},
                                t0, result)
                    .ok());
        add(EventKind::check_in, "ZU01", "2026-12-10T08:55");
        add(EventKind::check_in, "DV01", "2026-12-10T12:50");
        add(EventKind::check_in, "LO01", "2026-12-10T13:05");
        add(EventKind::check_out, "LO01", "2026-12-10T16:30");
        add(EventKind::check_in, "LO02", "2026-12-10T09:10");
        StaffForm f{EventKind::correction, "LO01", CorrectionEffect::catch_up, "", "inhaal bij Deventer", "MJ"};
        REQUIRE(db.appendEvent(makeStaffEvent(f, {2026, 11, 19}, catchUpMoment({2026, 12, 10}),
                                              EventStamp::staff(fromLocal(*LocalDateTime::parse("2026-12-10T16:35")), "entree")))
                    .ok());
    }
    void add(EventKind k, const std::string& code, const char* when) { REQUIRE(db.appendEvent(test::eventAt(k, code, when)).ok()); }
    BuiltExport build(ExportFormat f) {
        ExportRequest r;
        r.date = {2026, 12, 10};
        r.format = f;
        r.today = {2026, 12, 10};
        r.now = fromLocal(*LocalDateTime::parse("2026-12-10T17:00"));
        BuiltExport out;
        REQUIRE(collectExport(db, r, programme, settings, test::texts(), out).ok());
        REQUIRE(out.error.empty());
        return out;
    }
    fs::path save(ExportFormat f) {
        ExportRequest r;
        r.date = {2026, 12, 10};
        r.format = f;
        const SavedExport saved = saveExport(build(f), r, ExportTarget{dir / "out", false, {}});
        REQUIRE(saved.error.empty());
        return saved.path;
    }
};

const std::vector<std::string>* rowOf(const ExportTable& t, const std::string& code) {
    for (const auto& r : t.rows)
        if (r.size() > 1 && r[1] == code) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("a shared date's list files a visitor under the group they came to, a make-up named with its own group",
          "[export][cohorts][catchup][csv]") {
    ThreeCohorts v;
    const BuiltExport built = v.build(ExportFormat::csv);
    const ExportTable& t = built.table;
    REQUIRE(t.header.back() == "groep");
    const size_t note = t.header.size() - 2, group = t.header.size() - 1;
    // Zutphen's own, then its visitor; Deventer's own, then its visitor. Nobody of Lochem's on a
    // list of their own: Lochem does not meet that date.
    std::vector<std::string> codes;
    for (const auto& r : t.rows) codes.push_back(r[1]);
    CHECK(codes == std::vector<std::string>{"ZU01", "LO02", "DV01", "LO01"});
    const auto* lotte = rowOf(t, "LO01");
    const auto* pieter = rowOf(t, "LO02");
    REQUIRE(lotte);
    REQUIRE(pieter);
    CHECK((*lotte)[group] == "Gemeente Deventer");  // arrived 13:05: Deventer's afternoon
    CHECK((*lotte)[note] == "inhaal: dag 1 van Gemeente Lochem");
    CHECK((*pieter)[group] == "Gemeente Zutphen");  // arrived 09:10: Zutphen's morning
    CHECK((*pieter)[note] == "van Gemeente Lochem, een andere groep (inhaal?)");
    CHECK((*rowOf(t, "ZU01"))[group] == "Gemeente Zutphen");
    CHECK_FALSE(has((*rowOf(t, "ZU01"))[note], "groep"));  // her own group's day: no visitor's note
    CHECK_FALSE(has((*rowOf(t, "ZU01"))[note], "inhaal"));

    SECTION("the make-up undone (absent on her own day): the same row, no longer called a make-up") {
        StaffForm f{EventKind::correction, "LO01", CorrectionEffect::set_absent, "", "vergissing", "MJ"};
        REQUIRE(v.db.appendEvent(makeStaffEvent(f, {2026, 11, 19}, fromLocal({{2026, 11, 19}, 0, 0, 0}),
                                                EventStamp::staff(fromLocal(*LocalDateTime::parse("2026-12-10T16:40")), "entree")))
                    .ok());
        const BuiltExport again = v.build(ExportFormat::csv);
        CHECK((*rowOf(again.table, "LO01"))[group] == "Gemeente Deventer");
        CHECK((*rowOf(again.table, "LO01"))[note] == "van Gemeente Lochem, een andere groep (inhaal?)");
    }
}

TEST_CASE("a shared date's XLSX and PDF put the visitor on the host group's sheet and pages", "[export][cohorts][catchup][pdf]") {
    ThreeCohorts v;
    const fs::path xlsx = v.save(ExportFormat::xlsx);
    const std::string zutphen = run("unzip -p '" + xlsx.string() + "' xl/worksheets/sheet1.xml");
    const std::string deventer = run("unzip -p '" + xlsx.string() + "' xl/worksheets/sheet2.xml");
    CHECK(has(zutphen, "Pieter"));
    CHECK_FALSE(has(zutphen, "Lotte"));
    CHECK(has(deventer, "Lotte"));
    CHECK(has(deventer, "inhaal: dag 1 van Gemeente Lochem"));
    CHECK_FALSE(has(deventer, "Pieter"));

    const fs::path pdf = v.save(ExportFormat::pdf);
    const std::string first = run("pdftotext -enc UTF-8 -f 1 -l 1 '" + pdf.string() + "' -");
    const std::string second = run("pdftotext -enc UTF-8 -f 2 -l 2 '" + pdf.string() + "' -");
    CHECK(has(first, "Gemeente Zutphen"));
    CHECK(has(first, "Pieter"));
    CHECK(has(first, "1 van de 1 deelnemers aanwezig"));  // the group's own; the visitor said apart
    CHECK(has(first, "1 uit een andere groep"));
    CHECK(has(second, "Gemeente Deventer"));
    CHECK(has(second, "Lotte"));
    CHECK(has(second, "inhaal:"));  // in the signature's column, wrapped there
    CHECK_FALSE(has(second, "Pieter"));
}

TEST_CASE("a date with one group: a visitor's make-up is named there too", "[export][cohorts][catchup][csv]") {
    ThreeCohorts v;
    // Lotte also comes to Zutphen's day 1 (26 November), marked as the make-up of her day 2 (17 December).
    v.add(EventKind::check_in, "LO01", "2026-11-26T09:02");
    StaffForm f{EventKind::correction, "LO01", CorrectionEffect::catch_up, "", "inhaal", "MJ"};
    REQUIRE(v.db.appendEvent(makeStaffEvent(f, {2026, 12, 17}, catchUpMoment({2026, 11, 26}),
                                            EventStamp::staff(fromLocal(*LocalDateTime::parse("2026-12-18T10:00")), "entree")))
                .ok());
    v.settings.maxCatchUps = 2;
    ExportRequest r;
    r.date = {2026, 11, 26};
    r.format = ExportFormat::csv;
    r.now = fromLocal(*LocalDateTime::parse("2026-12-18T10:05"));
    BuiltExport out;
    REQUIRE(collectExport(v.db, r, v.programme, v.settings, test::texts(), out).ok());
    CHECK(out.table.header.back() != "groep");  // one group: the list as it was
    const auto* lotte = rowOf(out.table, "LO01");
    REQUIRE(lotte);
    CHECK(lotte->back() == "inhaal: dag 2 van Gemeente Lochem");
    // With one make-up allowed, the earlier own day (day 1, made up on 10 December) is the one that counts.
    v.settings.maxCatchUps = 1;
    REQUIRE(collectExport(v.db, r, v.programme, v.settings, test::texts(), out).ok());
    CHECK(rowOf(out.table, "LO01")->back() == "van Gemeente Lochem, een andere groep (inhaal?)");
}
