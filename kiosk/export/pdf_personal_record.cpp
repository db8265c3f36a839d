// pdf_personal_record.cpp: the readable answer to an inspection request (AVG art. 15; `privacy
// export`, core/personal_record.h): who the kiosk holds, every event about them in time order with
// its reason and kiosk, then what for, how long and who sees it. A4 portrait; the event table goes on
// over as many pages as it needs (its column header repeated on each).
#include <algorithm>

#include "pdf_document.h"
#include "pdf_language.h"
#include "pdf_exports.h"

namespace kiosk {

namespace {

struct Page {
    PdfDocument& doc;
    const Texts& tx;
    double y = PdfDocument::kMargin;
    int number = 1;
    double bottom() const { return doc.height() - PdfDocument::kMargin - 18; }
    void next() {
        doc.endPage();
        ++number;
        y = PdfDocument::kMargin;
    }
};

void drawPerson(Page& pg, const PersonalRecord& r, const InspectionContext& ctx, const PdfInputs& in) {
    PdfDocument& doc = pg.doc;
    const Texts& tx = pg.tx;
    const double M = PdfDocument::kMargin, w = doc.width() - 2 * M;
    doc.fillRect(M, pg.y, 4, 58, pdfcolour::accent);
    doc.text(M + 14, pg.y - 2, w - 14, in.programme.title, {"Inter Semi-Bold 13.5", pdfcolour::accent});
    doc.text(M + 14, pg.y + 14, w - 14, tx("inspection.title"), {"Inter Bold 24", pdfcolour::ink});
    pg.y += 74;
    const std::string name = r.participant ? r.participant->fullName() : tx("inspection.no_roster_row");
    pg.y += doc.text(M, pg.y, w, name + "  (" + r.code + ")", {"Inter Semi-Bold 18", pdfcolour::ink}) + 2;
    std::string who;
    if (r.participant) {
        who = r.participant->department;
        who += (who.empty() ? "" : "  ·  ") + r.participant->cohortId;
        who += "  ·  " + tx(r.onRoster ? "inspection.on_roster" : "inspection.off_roster");
        if (!r.participant->email.empty()) who += "  ·  " + r.participant->email;
    }
    const LocalDateTime made = toLocal(ctx.madeAt);
    who += (who.empty() ? "" : "\n") + tx.format("inspection.made", {{"date", longDate(made.date, tx.lang())},
                                                                      {"time", made.timeOfDay().hhmm()},
                                                                      {"kiosk", ctx.kioskId}});
    pg.y += doc.text(M, pg.y, w, who, {"Inter 10.5", pdfcolour::muted, TextAlign::left, true}) + 16;
}

void drawEvents(Page& pg, const PersonalRecord& r) {
    PdfDocument& doc = pg.doc;
    const Texts& tx = pg.tx;
    const double M = PdfDocument::kMargin, w = doc.width() - 2 * M;
    const double cols[] = {0, 95, 140, 430, w};  // Datum | Tijd | Wat | Kiosk
    const char* heads[] = {"inspection.col.date", "inspection.col.time", "inspection.col.what", "inspection.col.kiosk"};
    auto header = [&] {
        for (int c = 0; c < 4; ++c)
            doc.text(M + cols[c], pg.y, cols[c + 1] - cols[c] - 6, tx(heads[c]), {"Inter Semi-Bold 9.5", pdfcolour::muted});
        pg.y += 16;
        doc.line(M, pg.y, M + w, pg.y, 0.8, pdfcolour::rule);
        pg.y += 6;
    };
    pg.y += doc.text(M, pg.y, w, tx.format("inspection.events", {{"n", std::to_string(r.events.size())}}),
                     {"Inter Semi-Bold 12", pdfcolour::ink}) + 6;
    header();
    if (r.events.empty()) pg.y += doc.text(M, pg.y, w, tx("inspection.no_events"), {"Inter 10", pdfcolour::muted}) + 6;
    const TextStyle cell{"Inter 10", pdfcolour::ink, TextAlign::left, true, 4};
    int row = 0;
    for (const AttendanceEvent& e : r.events) {
        const std::string what = describeEvent(e, tx);
        const double h = doc.textHeight(cols[3] - cols[2] - 6, what, cell) + 8;
        if (pg.y + h > pg.bottom()) {
            pg.next();
            header();
        }
        if (row++ % 2 == 1) doc.fillRect(M, pg.y - 3, w, h, pdfcolour::band);
        const LocalDateTime at = toLocal(e.at);
        doc.text(M + cols[0], pg.y, cols[1] - 6, shortDate(e.day, tx.lang()) + " " + std::to_string(e.day.year), cell);
        doc.text(M + cols[1], pg.y, cols[2] - cols[1] - 6, at.timeOfDay().hhmm(), cell);
        doc.text(M + cols[2], pg.y, cols[3] - cols[2] - 6, what, cell);
        doc.text(M + cols[3], pg.y, cols[4] - cols[3], e.kioskId, {"Inter 10", pdfcolour::muted});
        pg.y += h;
    }
    doc.line(M, pg.y, M + w, pg.y, 0.8, pdfcolour::rule);
    pg.y += 16;
}

void drawRegister(Page& pg, const InspectionContext& ctx) {
    PdfDocument& doc = pg.doc;
    const double M = PdfDocument::kMargin, w = doc.width() - 2 * M;
    for (const char* key : {"inspection.purpose", "inspection.retention", "inspection.recipients"}) {
        const std::string head = pg.tx(std::string(key) + "_head"), body = inspectionText(key, ctx, pg.tx);
        const TextStyle style{"Inter 10", pdfcolour::ink, TextAlign::left, true};
        const double h = 16 + doc.textHeight(w, body, style) + 10;
        if (pg.y + h > pg.bottom()) pg.next();
        pg.y += doc.text(M, pg.y, w, head, {"Inter Semi-Bold 11", pdfcolour::accent}) + 3;
        pg.y += doc.text(M, pg.y, w, body, style) + 10;
    }
    pg.y += doc.text(M, pg.y, w, pg.tx("inspection.rights"), {"Inter 9.5", pdfcolour::muted, TextAlign::left, true});
}

}  // namespace

std::string personalRecordPdf(const PersonalRecord& r, const InspectionContext& ctx, const PdfInputs& in, std::string& error) {
    PdfDocument doc(PageOrientation::portrait);
    doc.setTitle(in.texts("inspection.title") + " " + r.code, languageTag(in.texts.lang()));
    Page pg{doc, in.texts};
    drawPerson(pg, r, ctx, in);
    drawEvents(pg, r);
    drawRegister(pg, ctx);
    doc.endPage();
    return doc.finish(error);
}

}  // namespace kiosk
