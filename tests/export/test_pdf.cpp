// The paper documents as a course administrator gets them: a real store, exported to PDF and read
// back with poppler (pdftotext -enc UTF-8, pdfinfo, pdffonts): every name with its diacritics in
// Dutch order, A4, every font embedded, a long list with its header on every page, and certificates
// for exactly those who met the rule.
#include <catch2/catch.hpp>

#include <cctype>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

#include "export/attendance_export.h"
#include "export/pdf_language.h"
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

size_t occurrences(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// Three programme days of cohort c1 in a real store. The five named people first (Ĳsbrand, Zoë,
// Çağla Öztürk ...), then `extra` more; the certificate rule is 2 of 3 days.
struct PaperCohort {
    test::AmsterdamTime tz;
    test::TempDir dir;
    Programme programme;
    KioskSettings settings;
    AttendanceDb db;

    explicit PaperCohort(int extra = 0) {
        programme.title = "Leergang Ambtelijk Vakmanschap";
        programme.subtitle = "Balanceren tussen burger en bestuur";
        programme.certificate.organisers = {"Stichting Beroepseer", "Tilburg University"};
        programme.certificate.signatory = "Drs. M. de Wit";
        programme.cohorts = {{"c1", "Gemeente Zutphen, 2026–2027"}};
        for (int n = 1; n <= 3; ++n) {
            ProgrammeDay pd;
            pd.number = n;
            pd.date = LocalDate{2026, 11, 26}.plusDays(14 * (n - 1));
            pd.theme = "Thema " + std::to_string(n);
            pd.cohortId = "c1";
            pd.agenda = {{{9 * 60}, {16 * 60 + 30}, "Dag", "", "", "", ""}};
            programme.days.push_back(pd);
        }
        settings.certificateMinDays = 2;
        const Instant t0 = fromLocal(*LocalDateTime::parse("2026-11-26T08:00"));
        REQUIRE(db.open(dir / "attendance.db", t0).status.ok());
        std::vector<Participant> roster = {
            {"ZU01", "Anna", "de", "Vries", "Beleid Sociaal Domein", "c1", ""},
            {"ZU02", "Zo\xC3\xAB", "van den", "Berg", "Communicatie", "c1", ""},
            {"ZU03", "\xC4\xB2sbrand", "", "Kuipers", "Bestuursadvisering", "c1", ""},
            {"ZU04", "\xC3\x87" "a\xC4\x9F" "la", "", "\xC3\x96zt\xC3\xBCrk", "HR", "c1", ""},
            {"ZU05", "Joost", "van", "Dijk", "Uitvoering", "c1", ""},
        };
        for (int i = 0; i < extra; ++i) {
            char code[16], last[32];
            std::snprintf(code, sizeof code, "X%03d", i);
            std::snprintf(last, sizeof last, "Achternaam%03d", i);
            roster.push_back({code, "Voornaam", "", last, "Afdeling " + std::to_string(i % 9), "c1", ""});
        }
        RosterImportResult result;
        REQUIRE(db.importRoster(roster, t0, result).ok());
        // Anna, Zoë, Ĳsbrand, Çağla all three days; Joost only on day 1 (below the rule).
        for (const char* code : {"ZU01", "ZU02", "ZU03", "ZU04"})
            for (const char* day : {"2026-11-26", "2026-12-10", "2026-12-24"}) add(EventKind::check_in, code, day, "08:55");
        add(EventKind::check_out, "ZU01", "2026-11-26", "16:31");
        add(EventKind::check_in, "ZU05", "2026-11-26", "09:25");
        for (int i = 0; i < extra; ++i) add(EventKind::check_in, roster[5 + i].code, "2026-11-26", "08:50");
        AttendanceEvent g = test::eventAt(EventKind::guest_registration, "", "2026-11-26T09:10");
        g.guestName = "Karin Mulder";
        g.guestOrganisation = "Gemeente Lochem";
        REQUIRE(db.appendEvent(g).ok());
    }
    void add(EventKind k, const std::string& code, const std::string& day, const std::string& time) {
        const std::string when = day + "T" + time;
        REQUIRE(db.appendEvent(test::eventAt(k, code, when.c_str())).ok());
    }
    // Exports as `export --format pdf` does, into the temporary folder; returns where it went.
    SavedExport save(ExportRequest r, const Texts& tx = test::texts()) {
        r.format = ExportFormat::pdf;
        if (r.today == LocalDate{}) r.today = {2027, 1, 1};
        BuiltExport built;
        REQUIRE(collectExport(db, r, programme, settings, tx, built).ok());
        REQUIRE(built.error.empty());
        const SavedExport saved = saveExport(built, r, ExportTarget{dir / "out", false, {}});
        REQUIRE(saved.error.empty());
        return saved;
    }
};

}  // namespace

TEST_CASE("the presence list PDF names everyone with their diacritics, in Dutch order, on A4 with every font embedded",
          "[export][pdf]") {
    PaperCohort c;
    ExportRequest r;
    r.date = {2026, 11, 26};
    const SavedExport saved = c.save(r);
    CHECK(saved.path.filename() == "presentielijst-2026-11-26.pdf");
    const std::string text = pdfText(saved.path);
    // Dutch order by last name, tussenvoegsel after the first name: Berg, Dijk, Kuipers, Öztürk, Vries.
    const std::vector<std::string> order = {"Berg, Zo\xC3\xAB van den", "Dijk, Joost van", "Kuipers, \xC4\xB2sbrand",
                                            "\xC3\x96zt\xC3\xBCrk, \xC3\x87" "a\xC4\x9F" "la", "Vries, Anna de",
                                            "Gasten", "Karin Mulder"};
    size_t last = 0;
    for (const auto& name : order) {
        INFO(name << "\n" << text);
        const size_t at = text.find(name);
        REQUIRE(at != std::string::npos);
        CHECK(at >= last);
        last = at;
    }
    CHECK(text.find("Dag 1: Thema 1") != std::string::npos);
    CHECK(text.find("donderdag 26 november 2026") != std::string::npos);
    CHECK(text.find("08:55") != std::string::npos);
    CHECK(text.find("16:31") != std::string::npos);
    CHECK(text.find("09:25 laat") != std::string::npos);  // Joost, late: in a word, not in red alone
    CHECK(text.find("Handtekening") != std::string::npos);
    CHECK(text.find("1 van 1") != std::string::npos);

    CHECK(run("pdfinfo '" + saved.path.string() + "'").find("(A4)") != std::string::npos);
    const std::string fonts = run("pdffonts '" + saved.path.string() + "'");
    INFO(fonts);
    CHECK(fonts.find("Inter") != std::string::npos);
    // Every font row (after the two header lines) says "yes" in the emb column.
    size_t rows = 0, line = 0;
    for (size_t at = 0, next; at < fonts.size(); at = next + 1, ++line) {
        next = fonts.find('\n', at);
        if (next == std::string::npos) next = fonts.size();
        if (line < 2 || next == at) continue;
        ++rows;
        const std::string row = fonts.substr(at, next - at);
        CHECK(row.find(" yes ") != std::string::npos);
        CHECK(row.find(" no ") == std::string::npos);
    }
    CHECK(rows >= 2);
}

TEST_CASE("the presence list PDF in English says the same in English", "[export][pdf]") {
    PaperCohort c;
    ExportRequest r;
    r.date = {2026, 11, 26};
    const std::string text = pdfText(c.save(r, test::texts(Lang::en)).path);
    CHECK(text.find("Presence list") != std::string::npos);
    CHECK(text.find("Thursday 26 November 2026") != std::string::npos);
    CHECK(text.find("Kuipers, \xC4\xB2sbrand") != std::string::npos);
    CHECK(text.find("1 of 1") != std::string::npos);
}

TEST_CASE("a 200-person presence list paginates, with the header and 'n van m' on every page", "[export][pdf]") {
    PaperCohort c(195);
    ExportRequest r;
    r.date = {2026, 11, 26};
    const SavedExport saved = c.save(r);
    const int pages = pdfPages(saved.path);
    REQUIRE(pages >= 5);
    std::string all;
    for (int p = 1; p <= pages; ++p) {
        const std::string page = pdfText(saved.path, p);
        INFO("page " << p << "\n" << page);
        CHECK(page.find("Presentielijst") != std::string::npos);
        CHECK(page.find("Dag 1: Thema 1") != std::string::npos);
        CHECK(page.find("donderdag 26 november 2026") != std::string::npos);
        CHECK(page.find("Handtekening") != std::string::npos);
        CHECK(page.find(std::to_string(p) + " van " + std::to_string(pages)) != std::string::npos);
        all += page;
    }
    // Everyone exactly once, across the pages.
    for (int i = 0; i < 195; ++i) {
        char last[32];
        std::snprintf(last, sizeof last, "Achternaam%03d,", i);
        INFO(last);
        CHECK(occurrences(all, last) == 1);
    }
}

TEST_CASE("the blank list names the cohort, leaves times to be written, and has lines for guests", "[export][pdf]") {
    PaperCohort c;
    ExportRequest r;
    r.kind = ExportKind::blank;
    r.date = {2026, 12, 24};
    const SavedExport saved = c.save(r);
    CHECK(saved.path.filename() == "presentielijst-leeg-2026-12-24.pdf");
    const std::string text = pdfText(saved.path);
    CHECK(text.find("Lege presentielijst") != std::string::npos);
    CHECK(text.find("Dag 3: Thema 3") != std::string::npos);
    CHECK(text.find("Kuipers, \xC4\xB2sbrand") != std::string::npos);
    CHECK(text.find("Niet op de lijst") != std::string::npos);
    CHECK(text.find("08:55") == std::string::npos);  // nothing from the record
    CHECK(text.find("afwezig") == std::string::npos);
}

TEST_CASE("the matrix PDF is A4 landscape with the certificate column", "[export][pdf]") {
    PaperCohort c;
    ExportRequest r;
    r.kind = ExportKind::matrix;
    r.date = {2026, 11, 26};
    const SavedExport saved = c.save(r);
    CHECK(saved.path.filename() == "matrix-c1.pdf");
    CHECK(run("pdfinfo '" + saved.path.string() + "'").find("841.89 x 595.276 pts (A4)") != std::string::npos);
    const std::string text = pdfText(saved.path);
    CHECK(text.find("Certificaat") != std::string::npos);
    CHECK(text.find("4 van de 5 deelnemers") != std::string::npos);
    CHECK(text.find("\xC3\x96zt\xC3\xBCrk, \xC3\x87" "a\xC4\x9F" "la") != std::string::npos);
}

TEST_CASE("certificates: one page for each person who met the rule, never for anyone below it", "[export][pdf]") {
    PaperCohort c(3);  // three more, each there on day 1 only: below the rule of 2 of 3
    ExportRequest r;
    r.kind = ExportKind::certificates;
    r.date = {2026, 12, 24};
    const SavedExport saved = c.save(r);
    CHECK(saved.path.filename() == "certificaten-c1");
    CHECK(saved.rows == 4);
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(saved.path)) files.push_back(e.path().filename().string());
    std::sort(files.begin(), files.end());
    CHECK(files == std::vector<std::string>{"alle-certificaten.pdf", "certificaat-anna-de-vries-zu01.pdf",
                                            "certificaat-cagla-ozturk-zu04.pdf", "certificaat-ijsbrand-kuipers-zu03.pdf",
                                            "certificaat-zoe-van-den-berg-zu02.pdf"});
    const fs::path all = saved.path / "alle-certificaten.pdf";
    CHECK(pdfPages(all) == 4);
    const std::string text = pdfText(all);
    for (const char* name : {"Anna de Vries", "Zo\xC3\xAB van den Berg", "\xC4\xB2sbrand Kuipers", "\xC3\x87" "a\xC4\x9F" "la \xC3\x96zt\xC3\xBCrk"})
        CHECK(occurrences(text, name) == 1);
    CHECK(text.find("Joost") == std::string::npos);
    CHECK(text.find("Achternaam") == std::string::npos);
    CHECK(occurrences(text, "Bewijs van deelname") == 4);
    CHECK(text.find("Stichting Beroepseer") != std::string::npos);
    CHECK(text.find("Drs. M. de Wit") != std::string::npos);
    const std::string one = pdfText(saved.path / "certificaat-ijsbrand-kuipers-zu03.pdf");
    CHECK(pdfPages(saved.path / "certificaat-ijsbrand-kuipers-zu03.pdf") == 1);
    CHECK(one.find("\xC4\xB2sbrand Kuipers") != std::string::npos);
    CHECK(one.find("Balanceren tussen burger en bestuur") != std::string::npos);
    CHECK(one.find("Thema 2") != std::string::npos);
    CHECK(one.find("24 dec. 2026") != std::string::npos);
}

TEST_CASE("no certificate at all when nobody met the rule", "[export][pdf]") {
    PaperCohort c;
    c.settings.certificateMinDays = 3;
    c.programme.days.push_back(c.programme.days.back());
    c.programme.days.back().number = 4;
    c.programme.days.back().date = {2027, 1, 7};
    c.settings.certificateMinDays = 4;  // nobody was there on day 4
    ExportRequest r;
    r.kind = ExportKind::certificates;
    r.date = {2026, 12, 24};
    r.format = ExportFormat::pdf;
    r.today = {2027, 2, 1};
    BuiltExport built;
    REQUIRE(collectExport(c.db, r, c.programme, c.settings, test::texts(), built).ok());
    CHECK(built.certificates.people.empty());
    CHECK(built.certificates.combined.bytes.empty());
}

TEST_CASE("the presence list PDF says \"afgemeld\" with the reason where the signature would be", "[export][pdf][excused]") {
    PaperCohort c;
    StaffForm sick{EventKind::correction, "ZU05", CorrectionEffect::set_excused, "", "ziek gemeld", "MJ"};
    REQUIRE(c.db.appendEvent(makeStaffEvent(sick, {2026, 12, 10}, fromLocal({{2026, 12, 10}, 0, 0, 0}),
                                            EventStamp::staff(fromLocal(*LocalDateTime::parse("2026-12-09T10:00")), "entree")))
                .ok());
    ExportRequest r;
    r.date = {2026, 12, 10};
    const SavedExport saved = c.save(r);
    const std::string text = pdfText(saved.path);
    INFO(text);
    // The reason on paper, in the signature's cell; it wraps there, and pdftotext gives each line of
    // the cell on its own line: read with the white space folded.
    std::string flat;
    for (char ch : text)
        if (!std::isspace(static_cast<unsigned char>(ch)) || (!flat.empty() && flat.back() != ' ')) flat += std::isspace(static_cast<unsigned char>(ch)) ? ' ' : ch;
    CHECK(flat.find("afgemeld: ziek gemeld") != std::string::npos);
    CHECK(occurrences(text, "afgemeld") == 2);  // in the "in" column and with the reason
}

TEST_CASE("a statement for a 4-of-7 person shows all seven days, the excusal with its reason, and no certificate",
          "[export][pdf][statement]") {
    PaperCohort c;
    for (int n = 4; n <= 7; ++n) {
        ProgrammeDay d = c.programme.days.front();
        d.number = n;
        d.date = LocalDate{2026, 11, 26}.plusDays(14 * (n - 1));
        d.theme = "Thema " + std::to_string(n);
        c.programme.days.push_back(d);
    }
    c.settings.certificateMinDays = 6;
    c.add(EventKind::check_in, "ZU01", "2027-01-07", "08:58");  // day 4: Anna's fourth
    c.add(EventKind::check_out, "ZU01", "2027-01-07", "12:28");
    StaffForm wedding{EventKind::correction, "ZU01", CorrectionEffect::set_excused, "", "bruiloft zus", "MJ"};
    REQUIRE(c.db.appendEvent(makeStaffEvent(wedding, {2027, 1, 21}, fromLocal({{2027, 1, 21}, 0, 0, 0}),
                                            EventStamp::staff(fromLocal(*LocalDateTime::parse("2027-01-08T10:00")), "entree")))
                .ok());
    ExportRequest r;
    r.kind = ExportKind::statements;
    r.participant = "ZU01";
    r.date = {2026, 11, 26};
    r.today = {2027, 3, 1};
    r.now = fromLocal({{2027, 3, 1}, 12, 0, 0});
    const SavedExport saved = c.save(r);
    CHECK(saved.path.filename() == "deelname-overzicht-anna-de-vries-zu01.pdf");
    CHECK(pdfPages(saved.path) == 1);
    const std::string text = pdfText(saved.path);
    INFO(text);
    CHECK(text.find("Deelname-overzicht") != std::string::npos);
    CHECK(text.find("Anna de Vries") != std::string::npos);
    for (int n = 1; n <= 7; ++n) CHECK(text.find("Thema " + std::to_string(n)) != std::string::npos);
    CHECK(text.find("afgemeld: bruiloft zus") != std::string::npos);
    CHECK(text.find("12:28") != std::string::npos);
    CHECK(text.find("4 van de 7 dagen tellen mee") != std::string::npos);
    CHECK(text.find("Certificaat: nee") != std::string::npos);
    CHECK(text.find("certificaat bij 6 van de 7 dagen") != std::string::npos);
    CHECK(text.find("Bewijs van deelname") == std::string::npos);

    SECTION("everyone's statements: a file per person, below the rule too, and one to print") {
        ExportRequest all = r;
        all.participant.clear();
        const SavedExport folder = c.save(all);
        CHECK(folder.path.filename() == "deelname-overzichten-c1");
        CHECK(folder.rows == 5);
        CHECK(pdfPages(folder.path / "alle-deelname-overzichten.pdf") == 5);
        CHECK(fs::exists(folder.path / "deelname-overzicht-joost-van-dijk-zu05.pdf"));  // 1 of 7
        CHECK(pdfText(folder.path / "deelname-overzicht-joost-van-dijk-zu05.pdf").find("1 van de 7 dagen") != std::string::npos);
    }
}

TEST_CASE("a late joiner: n.v.t. in the matrix, the statement and the presence list, and a certificate on the days enrolled", "[export][pdf][enrolment]") {
    PaperCohort c;
    // Lotte joins on day 2 (the roster's vanaf) and is there on day 2 only: 1 of her 2 days, and the
    // rule of 2 of 3 less her one day not enrolled asks 1.
    Participant lotte{"ZU06", "Lotte", "", "Laat", "Griffie", "c1", "", LocalDate{2026, 12, 10}, {}};
    std::vector<StoredParticipant> stored;
    REQUIRE(c.db.participants(stored).ok());
    std::vector<Participant> roster;
    for (const auto& sp : stored) roster.push_back(sp.participant);
    roster.push_back(lotte);
    RosterImportResult result;
    REQUIRE(c.db.importRoster(roster, fromLocal(*LocalDateTime::parse("2026-11-26T08:30")), result).ok());
    c.add(EventKind::check_in, "ZU06", "2026-12-10", "08:55");

    ExportRequest m;
    m.kind = ExportKind::matrix;
    m.date = {2026, 12, 24};
    m.today = {2027, 1, 1};
    BuiltExport built;
    REQUIRE(collectExport(c.db, m, c.programme, c.settings, test::texts(), built).ok());
    const auto row = std::find_if(built.table.rows.begin(), built.table.rows.end(), [](const auto& r) { return r[0] == "ZU06"; });
    REQUIRE(row != built.table.rows.end());
    CHECK((*row)[5] == "n.v.t.");
    CHECK((*row)[6] == "aanwezig");
    CHECK((*row)[7] == "afwezig");
    CHECK(row->back() == "ja");

    ExportRequest p;
    p.date = {2026, 11, 26};
    p.now = fromLocal(*LocalDateTime::parse("2026-11-26T18:00"));
    BuiltExport list;
    REQUIRE(collectExport(c.db, p, c.programme, c.settings, test::texts(), list).ok());
    const auto line = std::find_if(list.table.rows.begin(), list.table.rows.end(), [](const auto& r) { return r[1] == "ZU06"; });
    REQUIRE(line != list.table.rows.end());
    CHECK((*line)[6] == "n.v.t.");
    CHECK((*line)[10] == "in de groep vanaf 2026-12-10");

    ExportRequest r;
    r.kind = ExportKind::certificates;
    r.date = {2026, 12, 24};
    const SavedExport saved = c.save(r);
    const fs::path hers = saved.path / "certificaat-lotte-laat-zu06.pdf";
    REQUIRE(fs::exists(hers));
    const std::string text = pdfText(hers);
    CHECK(text.find("1 van de 2 dagen") != std::string::npos);
    CHECK(text.find("ten minste 1 van de 2 dagen") != std::string::npos);
    CHECK(text.find("Thema 1") == std::string::npos);  // not a day she attended
    CHECK(text.find("Thema 2") != std::string::npos);

    ExportRequest s;
    s.kind = ExportKind::statements;
    s.participant = "ZU06";
    s.date = {2026, 12, 24};
    const SavedExport statement = c.save(s);
    const std::string st = pdfText(statement.path);
    CHECK(st.find("n.v.t.") != std::string::npos);
    CHECK(st.find("afwezig") != std::string::npos);
}

TEST_CASE("every PDF says its language, and the lists are tagged: the presence list, the matrix and the certificates", "[export][pdf][tagged]") {
    PaperCohort c;
    // Certificates are laid out once and placed twice (a recording): their pages carry the language
    // and the title, not structure (pdf_document.h: Cairo 1.16 crashes replaying a recording's tags).
    auto check = [&](const fs::path& file, const std::string& lang, bool tagged = true) {
        INFO(file.string());
        const std::string bytes = test::readFileText(file);
        CHECK(bytes.find("/Lang (" + lang + ")") != std::string::npos);
        CHECK((bytes.find("/StructTreeRoot") != std::string::npos) == tagged);
        // poppler reads the update: no syntax error, tagged, the title still there, the text whole.
        const std::string info = run("pdfinfo '" + file.string() + "' 2>&1");
        INFO(info);
        CHECK(info.find("Error") == std::string::npos);
        const size_t at = info.find("Tagged:");
        REQUIRE(at != std::string::npos);
        CHECK(info.substr(info.find_first_not_of(' ', at + 7), 3) == (tagged ? "yes" : "no\n"));
        CHECK(info.find("Title:") != std::string::npos);
        CHECK(pdfText(file).find("Leergang") != std::string::npos);
    };
    ExportRequest r;
    r.date = {2026, 11, 26};
    check(c.save(r).path, "nl-NL");
    check(c.save(r, test::texts(Lang::en)).path, "en-GB");
    r.kind = ExportKind::matrix;
    check(c.save(r).path, "nl-NL");
    r.kind = ExportKind::certificates;
    r.date = {2026, 12, 24};
    const SavedExport certs = c.save(r);
    check(certs.path / "alle-certificaten.pdf", "nl-NL", false);
    check(certs.path / "certificaat-anna-de-vries-zu01.pdf", "nl-NL", false);
}

TEST_CASE("pdf_language: a file of another shape, or a tag with other characters, is left as it was", "[export][pdf][tagged]") {
    std::string odd = "%PDF-1.5\nno catalogue here\n";
    const std::string before = odd;
    CHECK_FALSE(addLanguage(odd, "nl-NL"));
    CHECK(odd == before);
    std::string pdf = "%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nxref\n0 2\n"
                      "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n52\n%%EOF\n";
    const std::string whole = pdf;
    CHECK_FALSE(addLanguage(pdf, "nl) /JS (x"));
    CHECK(pdf == whole);
    REQUIRE(addLanguage(pdf, "nl-NL"));
    CHECK(pdf.substr(0, whole.size()) == whole);  // nothing before it changed
    CHECK(pdf.find("1 0 obj\n<< /Type /Catalog /Pages 2 0 R  /Lang (nl-NL)\n>>\nendobj\n", whole.size()) != std::string::npos);
    CHECK(pdf.find("/Prev 52") != std::string::npos);
    // The new xref entry points at the object it names.
    const size_t obj = pdf.find("1 0 obj", whole.size());
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", obj);
    CHECK(pdf.find(std::string("xref\n1 1\n") + entry) != std::string::npos);
}
