// pdf_certificates.cpp: the bewijs van deelname, one A4 page per participant who met the rule
// (CertificateState::earned in the cohort matrix; never anyone else): name, programme and subtitle,
// the days attended with their dates and themes, the organising partners and a place to sign, all
// from programme.toml ([certificate]) and kiosk.toml. One file per person and one with them all.
#include <algorithm>
#include <cctype>
#include <memory>

#include "pdf_document.h"
#include "pdf_language.h"
#include "pdf_exports.h"

namespace kiosk {

namespace {

void drawCertificate(PdfDocument& doc, const CohortMatrix& m, const MatrixRow& row, const PdfInputs& in) {
    const Texts& tx = in.texts;
    const Programme& prog = in.programme;
    const CertificateText& ct = prog.certificate;
    const double W = doc.width(), H = doc.height(), M = PdfDocument::kMargin;
    doc.strokeRect(M - 14, M - 14, W - 2 * (M - 14), H - 2 * (M - 14), 2.2, pdfcolour::accent);
    doc.strokeRect(M - 8, M - 8, W - 2 * (M - 8), H - 2 * (M - 8), 0.6, pdfcolour::accent);
    const double x = M + 34, w = W - 2 * (M + 34);
    const TextStyle centre{"Inter 14.5", pdfcolour::ink, TextAlign::centre, true};
    double y = M + 40;
    if (!ct.organisers.empty()) {
        std::string orgs;
        for (const auto& o : ct.organisers) orgs += (orgs.empty() ? "" : "   ·   ") + o;
        y += doc.text(x, y, w, orgs, {"Inter Semi-Bold 13.5", pdfcolour::accent, TextAlign::centre, true}) + 58;
    } else {
        y += 70;
    }
    y += doc.text(x, y, w, tx("pdf.cert.heading"), {"Inter Semi-Bold 42.5", pdfcolour::ink, TextAlign::centre, true}) + 6;
    doc.line(W / 2 - 40, y + 8, W / 2 + 40, y + 8, 1.2, pdfcolour::accent);
    y += 40;
    y += doc.text(x, y, w, tx("pdf.cert.declare"), centre) + 12;
    y += doc.text(x, y, w, row.participant.fullName(), {"Inter Semi-Bold 34.5", pdfcolour::ink, TextAlign::centre, true}) + 4;
    if (!row.participant.department.empty())
        y += doc.text(x, y, w, row.participant.department, {"Inter 14", pdfcolour::muted, TextAlign::centre, true});
    y += 20;
    y += doc.text(x, y, w, tx("pdf.cert.took_part"), centre) + 10;
    y += doc.text(x, y, w, prog.title, {"Inter Semi-Bold 25.5", pdfcolour::accent, TextAlign::centre, true}) + 2;
    if (!prog.subtitle.empty())
        y += doc.text(x, y, w, "“" + prog.subtitle + "”", {"Inter 16.5", pdfcolour::ink, TextAlign::centre, true});
    y += 10;
    y += doc.text(x, y, w,
                  tx.format("pdf.cert.where", {{"cohort", m.cohortName.empty() ? m.cohortId : m.cohortName},
                                               {"venue", in.settings.venue},
                                               {"city", in.settings.city}}),
                  {"Inter 14", pdfcolour::muted, TextAlign::centre, true});
    y += 28;
    y += doc.text(x, y, w,
                  tx.format("pdf.cert.days", {{"n", std::to_string(row.daysPresent)}, {"total", std::to_string(row.daysEnrolled)}}),
                  {"Inter Semi-Bold 14.5", pdfcolour::ink, TextAlign::centre, true}) +
         10;
    // The days attended: number, date, theme and hours present, as a small centred table, and the total.
    const double tw = 440, tx0 = (W - tw) / 2;
    const TextStyle small{"Inter 13.5", pdfcolour::ink};
    for (size_t i = 0; i < m.days.size() && i < row.days.size(); ++i) {
        const auto& st = row.days[i];
        if (!st || *st == DayStatus::absent || *st == DayStatus::excused || *st == DayStatus::not_enrolled) continue;
        const ProgrammeDay& d = m.days[i];
        doc.text(tx0, y, 52, tx.format("pdf.matrix.day", {{"n", std::to_string(d.number)}}), {"Inter Semi-Bold 13.5", pdfcolour::accent});
        // A day made up with another group: the date it was made up on (core/catch_up.h).
        const LocalDate on = row.madeUpOn[i] ? *row.madeUpOn[i] : d.date;
        doc.text(tx0 + 52, y, 92, shortDate(on, tx.lang()) + " " + std::to_string(on.year), small);
        doc.text(tx0 + tw - 70, y, 70, tx.format("pdf.cert.hours", {{"hours", hoursText(row.minutes[i])}}), {"Inter 13.5", pdfcolour::muted, TextAlign::right});
        y += doc.text(tx0 + 150, y, tw - 150 - 76, d.theme, small) + 4;
    }
    y += 4;
    doc.text(tx0, y, tw, tx.format("pdf.cert.hours_total", {{"hours", hoursText(row.minutesPresent)}}),
             {"Inter Semi-Bold 13.5", pdfcolour::ink, TextAlign::right});

    // Place, date and the signature, at the foot of the page.
    const double fy = H - M - 134;
    const std::string place = ct.place.empty() ? in.settings.city : ct.place;
    const LocalDate signedOn = m.days.empty() ? LocalDate{} : m.days.back().date;
    const double half = (w - 40) / 2;
    doc.text(x, fy + 40, half, place + ", " + std::to_string(signedOn.day) + " " + monthName(signedOn.month, tx.lang()) + " " +
                                   std::to_string(signedOn.year),
             {"Inter 14", pdfcolour::ink});
    doc.text(x, fy + 58, half, tx("pdf.cert.place_date"), {"Inter 11.5", pdfcolour::muted});
    const double sx = x + half + 40;
    doc.line(sx, fy + 56, sx + half, fy + 56, 0.7, pdfcolour::ink);
    double sy = fy + 60;
    if (!ct.signatory.empty()) sy += doc.text(sx, sy, half, ct.signatory, {"Inter Semi-Bold 13.5", pdfcolour::ink, TextAlign::left, true});
    if (!ct.signatoryRole.empty()) doc.text(sx, sy, half, ct.signatoryRole, {"Inter 11.5", pdfcolour::muted, TextAlign::left, true});
    // The rule as it held for this person: a late joiner's or leaver's days enrolled (day_counting.h rule 4).
    doc.text(x, H - M - 22, w, tx.format("pdf.cert.rule", {{"min", std::to_string(row.daysNeeded)}, {"days", std::to_string(row.daysEnrolled)}}),
             {"Inter 10", pdfcolour::muted, TextAlign::centre, true});
}

}  // namespace

std::string pdfSlug(const std::string& s) {
    std::string out;
    for (char c : foldForSearch(s)) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

CertificateSet certificatePdfs(const CohortMatrix& m, const PdfInputs& in, std::string& error) {
    CertificateSet set;
    set.folderName = "certificaten" + (m.cohortId.empty() ? std::string{} : "-" + pdfSlug(m.cohortId));
    const std::string title = in.texts("pdf.cert.heading");
    std::vector<const MatrixRow*> earned;
    for (const auto& row : m.rows)
        if (row.certificate == CertificateState::earned) earned.push_back(&row);
    if (earned.empty()) return set;

    // Each page is laid out once (a recording) and placed twice: in the person's own file and in the
    // combined one. One thread: Pango and GLib's allocator are not ours to share between threads
    // (ThreadSanitizer found a race in g_slice when four threads laid out pages at once), and one
    // thread makes 200 certificates in about 1.5 s of CPU, well inside the 3 s target.
    set.people.resize(earned.size());
    std::vector<std::unique_ptr<PdfDocument>> pages(earned.size());
    std::vector<std::string> errors(earned.size());
    for (size_t i = 0; i < earned.size(); ++i) {
        const MatrixRow& row = *earned[i];
        pages[i] = std::make_unique<PdfDocument>(PageOrientation::portrait, PdfTarget::recording);
        drawCertificate(*pages[i], m, row, in);
        PdfDocument one(PageOrientation::portrait);
        one.setTitle(title + " " + row.participant.fullName(), languageTag(in.texts.lang()));
        one.place(*pages[i]);
        one.endPage();
        set.people[i].fileName = "certificaat-" + pdfSlug(row.participant.fullName()) + "-" + pdfSlug(row.participant.code) + ".pdf";
        set.people[i].bytes = one.finish(errors[i]);
    }
    for (const auto& e : errors)
        if (!e.empty()) {
            error = e;
            return {};
        }

    PdfDocument all(PageOrientation::portrait);
    all.setTitle(title + " " + in.programme.title, languageTag(in.texts.lang()));
    for (const auto& page : pages) {
        all.place(*page);
        all.endPage();
    }
    set.combined.fileName = "alle-certificaten.pdf";
    set.combined.bytes = all.finish(error);
    if (!error.empty()) return {};
    return set;
}

}  // namespace kiosk
