// pdf_matrix.cpp: the cohort's days side by side on A4 landscape, with the certificate column:
// the same rows and words as the matrix on the staff screen and in the CSV/XLSX export.
#include "pdf_document.h"
#include "pdf_language.h"
#include "pdf_exports.h"

namespace kiosk {

std::string matrixPdf(const CohortMatrix& m, const PdfInputs& in, std::string& error) {
    const Texts& tx = in.texts;
    PdfDocument doc(PageOrientation::landscape);
    const std::string title = tx("pdf.matrix.title");
    const std::string cohort = m.cohortName.empty() ? m.cohortId : m.cohortName;
    doc.setTitle(title + " " + cohort, languageTag(tx.lang()));

    PagedTable t;
    t.font = "Inter 9";
    t.rowHeight = 17;
    t.headerRowHeight = 26;
    t.columns = {{tx("pdf.col.nr"), 0.35, TextAlign::right}, {tx("pdf.col.name"), 1.8}, {tx("pdf.col.department"), 1.6}};
    // One line per person here (a long name is cut with an ellipsis): 200 people on few pages.
    for (const auto& d : m.days)
        t.columns.push_back({tx.format("pdf.matrix.day", {{"n", std::to_string(d.number)}}) + "\n" +
                                 shortDate(d.date, tx.lang()),
                             0.74, TextAlign::centre});
    t.columns.push_back({tx("pdf.col.days"), 0.55, TextAlign::centre});
    t.columns.push_back({tx("pdf.col.certificate"), 0.95, TextAlign::centre});
    int number = 0;
    for (const auto& r : m.rows) {
        PdfRow row;
        row.cells = {std::to_string(++number), listName(r.participant), r.participant.department};
        row.colours = {pdfcolour::muted, pdfcolour::ink, pdfcolour::muted};
        for (size_t i = 0; i < r.days.size(); ++i) {
            const auto& s = r.days[i];
            // A day made up with another group (core/catch_up.h): "ingehaald 21 jan.".
            if (r.madeUpOn[i]) {
                row.cells.push_back(tx.format("matrix.short.made_up", {{"date", shortDate(*r.madeUpOn[i], tx.lang())}}));
                row.colours.push_back(pdfcolour::ink);
                continue;
            }
            row.cells.push_back(s ? tx(std::string("matrix.short.") + dayStatusKey(*s)) : std::string("–"));
            row.colours.push_back(!s ? pdfcolour::rule
                                  : *s == DayStatus::absent ? pdfcolour::bad
                                  : *s == DayStatus::present ? pdfcolour::ink
                                                             : pdfcolour::muted);
        }
        row.cells.push_back(std::to_string(r.daysPresent));
        row.colours.push_back(pdfcolour::ink);
        row.cells.push_back(tx(std::string("matrix.certificate.") + certificateStateKey(r.certificate)));
        row.colours.push_back(r.certificate == CertificateState::earned    ? pdfcolour::good
                              : r.certificate == CertificateState::missed  ? pdfcolour::bad
                              : r.certificate == CertificateState::at_risk ? pdfcolour::bad
                                                                           : pdfcolour::muted);
        t.rows.push_back(std::move(row));
    }

    const std::string rule = tx.format("pdf.matrix.rule", {{"min", std::to_string(m.minDays)},
                                                           {"days", std::to_string(m.days.size())},
                                                           {"earned", std::to_string(m.earned())},
                                                           {"total", std::to_string(m.rows.size())}});
    const std::string venue = in.settings.venue + ", " + in.settings.city;
    const double left = PdfDocument::kMargin, width = doc.width() - 2 * PdfDocument::kMargin;
    const double top = PdfDocument::kMargin + 84;
    auto header = [&](PdfDocument& d, int, int) {
        const double y = PdfDocument::kMargin;
        d.fillRect(left, y, 4, 50, pdfcolour::accent);
        d.text(left + 14, y - 2, width * 0.6, in.programme.title, {"Inter Semi-Bold 13.5", pdfcolour::accent});
        d.text(left + 14, y + 12, width * 0.6, title, {"Inter Bold 24", pdfcolour::ink});
        TextStyle r{"Inter 12", pdfcolour::muted, TextAlign::right};
        d.text(left + width * 0.5, y - 1, width * 0.5, venue, r);
        d.text(left + width * 0.5, y + 12, width * 0.5, cohort, r);
        d.text(left, y + 60, width, rule, {"Inter 12.5", pdfcolour::ink});
    };
    const std::string footer = in.programme.title + " · " + title + " · " + cohort;
    drawPagedTable(doc, t, top, header, footer, [&](int p, int n) {
        return tx.format("pdf.page", {{"n", std::to_string(p)}, {"of", std::to_string(n)}});
    });
    return doc.finish(error);
}

}  // namespace kiosk
