// pdf_statement.cpp: the statement of participation ("deelname-overzicht", core/participation.h),
// one A4 page per person of the cohort, also those below the rule: every programme day with its
// date, theme, status (an excusal with its reason), first check-in, last check-out and hours; the
// days that count, the hours in total, the certificate state and the rule in words.
#include <algorithm>
#include <memory>

#include "pdf_document.h"
#include "pdf_language.h"
#include "pdf_exports.h"

namespace kiosk {

namespace {

std::string statusWords(const StatementDay& d, const Texts& tx) {
    if (!d.status) return tx("statement.to_come");
    if (d.madeUpOn) return tx.format("matrix.made_up_on", {{"date", dayAndMonth(*d.madeUpOn, tx.lang())}});
    std::string s = tx(std::string("status.") + dayStatusKey(*d.status));
    if (*d.status == DayStatus::excused && !d.excusedReason.empty()) s += ": " + d.excusedReason;
    if (d.checkOutForgotten) s += ", " + tx("staff.checkout_forgotten");
    return s;
}

void drawStatement(PdfDocument& doc, const CohortMatrix& m, const Statement& st, const PdfInputs& in) {
    const Texts& tx = in.texts;
    const double W = doc.width(), M = PdfDocument::kMargin, w = W - 2 * M;
    double y = M;
    doc.fillRect(M, y, 4, 58, pdfcolour::accent);
    doc.text(M + 14, y - 2, w - 14, in.programme.title, {"Inter Semi-Bold 13.5", pdfcolour::accent});
    doc.text(M + 14, y + 14, w - 14, tx("statement.title"), {"Inter Bold 24", pdfcolour::ink});
    y += 74;
    y += doc.text(M, y, w, st.participant.fullName(), {"Inter Semi-Bold 18", pdfcolour::ink}) + 2;
    std::string who = st.participant.department;
    const std::string cohort = m.cohortName.empty() ? m.cohortId : m.cohortName;
    who += (who.empty() ? "" : "  ·  ") + cohort + "  ·  " + in.settings.venue + ", " + in.settings.city;
    y += doc.text(M, y, w, who, {"Inter 11", pdfcolour::muted, TextAlign::left, true}) + 18;

    // The days: Dag | Datum | Thema | Status | In | Uit | Uren | Telt.
    const double cols[] = {0, 40, 110, 250, 385, 425, 465, w};
    const char* heads[] = {"statement.col.day", "statement.col.date", "statement.col.theme", "statement.col.status",
                           "statement.col.in",  "statement.col.out",  "statement.col.hours"};
    for (int c = 0; c < 7; ++c)
        doc.text(M + cols[c], y, cols[c + 1] - cols[c] - 6, tx(heads[c]), {"Inter Semi-Bold 9.5", pdfcolour::muted});
    y += 16;
    doc.line(M, y, M + w, y, 0.8, pdfcolour::rule);
    y += 6;
    const TextStyle cell{"Inter 10", pdfcolour::ink, TextAlign::left, true, 3};
    int row = 0;
    for (const StatementDay& d : st.days) {
        const std::string theme = d.day.theme, status = statusWords(d, tx);
        const double h = std::max(doc.textHeight(cols[3] - cols[2] - 6, theme, cell), doc.textHeight(cols[4] - cols[3] - 6, status, cell)) + 8;
        if (row++ % 2 == 1) doc.fillRect(M, y - 3, w, h, pdfcolour::band);
        const Rgb3 statusColour = !d.status ? pdfcolour::muted : d.counts ? pdfcolour::good : pdfcolour::bad;
        doc.text(M + cols[0], y, cols[1] - 6, std::to_string(d.day.number), {"Inter Semi-Bold 10", pdfcolour::accent});
        doc.text(M + cols[1], y, cols[2] - cols[1] - 6, shortDate(d.day.date, tx.lang()) + " " + std::to_string(d.day.date.year), cell);
        doc.text(M + cols[2], y, cols[3] - cols[2] - 6, theme, cell);
        doc.text(M + cols[3], y, cols[4] - cols[3] - 6, status, {"Inter 10", statusColour, TextAlign::left, true, 3});
        if (d.firstIn) doc.text(M + cols[4], y, cols[5] - cols[4] - 4, d.firstIn->hhmm(), cell);
        if (d.lastOut) doc.text(M + cols[5], y, cols[6] - cols[5] - 4, d.lastOut->hhmm(), cell);
        if (d.status && d.minutes > 0) doc.text(M + cols[6], y, cols[7] - cols[6], hoursText(d.minutes), cell);
        y += h;
    }
    doc.line(M, y, M + w, y, 0.8, pdfcolour::rule);
    y += 10;
    y += doc.text(M, y, w,
                  tx.format("statement.totals", {{"n", std::to_string(st.daysCounted)},
                                                 {"days", std::to_string(st.daysEnrolled)},
                                                 {"hours", hoursText(st.minutes)}}),
                  {"Inter Semi-Bold 11", pdfcolour::ink, TextAlign::left, true}) +
         8;
    const Rgb3 stateColour = st.certificate == CertificateState::earned ? pdfcolour::good
                             : st.certificate == CertificateState::reachable ? pdfcolour::ink
                                                                             : pdfcolour::bad;
    y += doc.text(M, y, w,
                  tx.format("statement.certificate",
                            {{"state", tx(std::string("matrix.certificate.") + certificateStateKey(st.certificate))}}),
                  {"Inter Semi-Bold 11", stateColour, TextAlign::left, true}) +
         4;
    y += doc.text(M, y, w, tx.format("statement.rule", {{"rule", ruleText(m, tx)}}), {"Inter 10", pdfcolour::muted, TextAlign::left, true}) + 4;
    doc.text(M, y, w, tx("statement.forgotten_rule"), {"Inter 9", pdfcolour::muted, TextAlign::left, true});
}

// "anna-de-vries-ZU01": the same folding as the certificates' file names.
std::string fileStem(const Participant& p) { return pdfSlug(p.fullName()) + "-" + pdfSlug(p.code); }

}  // namespace

CertificateSet statementPdfs(const CohortMatrix& m, const std::vector<Statement>& all, const PdfInputs& in, std::string& error) {
    CertificateSet set;
    set.folderName = "deelname-overzichten" + (m.cohortId.empty() ? std::string{} : "-" + pdfSlug(m.cohortId));
    if (all.empty()) return set;
    const std::string title = in.texts("statement.title");
    std::vector<std::unique_ptr<PdfDocument>> pages;
    for (const Statement& st : all) {
        pages.push_back(std::make_unique<PdfDocument>(PageOrientation::portrait, PdfTarget::recording));
        drawStatement(*pages.back(), m, st, in);
        PdfDocument one(PageOrientation::portrait);
        one.setTitle(title + " " + st.participant.fullName(), languageTag(in.texts.lang()));
        one.place(*pages.back());
        one.endPage();
        set.people.push_back({"deelname-overzicht-" + fileStem(st.participant) + ".pdf", one.finish(error)});
        if (!error.empty()) return {};
    }
    PdfDocument combined(PageOrientation::portrait);
    combined.setTitle(title + " " + in.programme.title, languageTag(in.texts.lang()));
    for (const auto& page : pages) {
        combined.place(*page);
        combined.endPage();
    }
    set.combined = {"alle-deelname-overzichten.pdf", combined.finish(error)};
    if (!error.empty()) return {};
    return set;
}

}  // namespace kiosk
