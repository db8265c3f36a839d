// pdf_personal_record.cpp: the readable answer to an inspection request (AVG art. 15; `privacy
// export`, core/personal_record.h): who the kiosk holds, every event about them in time order with
// its reason and kiosk; with a central record what the server holds (its roster rows, events and
// corrections, and whether it erased the person, as read at that moment) or that it could not be
// read; then what for, how long and who sees it. A4 portrait; an event table goes on over as many
// pages as it needs (its column header repeated on each).
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

// A paragraph, on the next page when it does not fit on this one.
void block(Page& pg, const std::string& text, const TextStyle& style, double gap) {
    PdfDocument& doc = pg.doc;
    const double w = doc.width() - 2 * PdfDocument::kMargin;
    if (pg.y + doc.textHeight(w, text, style) > pg.bottom()) pg.next();
    pg.y += doc.text(PdfDocument::kMargin, pg.y, w, text, style) + gap;
}

void drawEvents(Page& pg, const std::vector<AttendanceEvent>& events, const char* titleKey) {
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
    block(pg, tx.format(titleKey, {{"n", std::to_string(events.size())}}), {"Inter Semi-Bold 12", pdfcolour::ink}, 6);
    if (pg.y + 60 > pg.bottom()) pg.next();
    header();
    if (events.empty()) pg.y += doc.text(M, pg.y, w, tx("inspection.no_events"), {"Inter 10", pdfcolour::muted}) + 6;
    const TextStyle cell{"Inter 10", pdfcolour::ink, TextAlign::left, true, 4};
    int row = 0;
    for (const AttendanceEvent& e : events) {
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

// What the central server holds (core/personal_record.h, ServerPersonalRecord), or that it could
// not be read when the kiosk has a central record; nothing without one.
void drawServer(Page& pg, const ServerPersonalRecord* s, const InspectionContext& ctx) {
    if (!ctx.centralRecord) return;
    const Texts& tx = pg.tx;
    const TextStyle body{"Inter 10", pdfcolour::ink, TextAlign::left, true};
    const TextStyle head{"Inter Semi-Bold 12", pdfcolour::ink};
    block(pg, tx("inspection.server_head"), {"Inter Semi-Bold 14", pdfcolour::accent}, 4);
    if (!s) {
        block(pg, tx("inspection.server_unreachable"), body, 16);
        return;
    }
    const LocalDateTime read = toLocal(ctx.madeAt);
    block(pg, tx.format("inspection.server_read", {{"date", longDate(read.date, tx.lang())}, {"time", read.timeOfDay().hhmm()},
                                                   {"kiosk", ctx.kioskId}, {"cohorts", s->cohorts}}),
          {"Inter 10", pdfcolour::muted, TextAlign::left, true}, 10);
    block(pg, tx.format("inspection.server_rows", {{"n", std::to_string(s->rosterRows.size())}}), head, 4);
    if (s->rosterRows.empty()) block(pg, tx("inspection.server_no_rows"), body, 4);
    for (const ServerRosterRow& row : s->rosterRows) {
        std::string line = tx.format("inspection.server_row", {{"cohort", row.cohort}, {"version", std::to_string(row.version)},
                                                               {"code", row.participant.code}, {"name", row.participant.fullName()}});
        if (!row.participant.department.empty()) line += ", " + row.participant.department;
        block(pg, line, body, 2);
    }
    pg.y += 12;
    drawEvents(pg, s->events, "inspection.server_events");
    block(pg, tx("inspection.server_erasure_head"), head, 4);
    if (s->erasures.empty()) block(pg, tx("inspection.server_not_erased"), body, 4);
    for (const ServerErasure& x : s->erasures)
        block(pg, tx.format("inspection.server_erased", {{"cohort", x.cohort}, {"date", longDate(x.erasedOn, tx.lang())},
                                                         {"n", std::to_string(x.eventsRemoved)},
                                                         {"rows", std::to_string(x.rosterRowsRemoved)}}),
              body, 4);
    pg.y += 12;
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
    block(pg, pg.tx("inspection.rights"), {"Inter 9.5", pdfcolour::muted, TextAlign::left, true}, 0);
}

}  // namespace

std::string personalRecordPdf(const PersonalRecord& r, const InspectionContext& ctx, const PdfInputs& in, std::string& error,
                              const ServerPersonalRecord* server) {
    PdfDocument doc(PageOrientation::portrait);
    doc.setTitle(in.texts("inspection.title") + " " + r.code, languageTag(in.texts.lang()));
    Page pg{doc, in.texts};
    drawPerson(pg, r, ctx, in);
    drawEvents(pg, r.events, "inspection.events");
    drawServer(pg, server, ctx);
    drawRegister(pg, ctx);
    doc.endPage();
    return doc.finish(error);
}

}  // namespace kiosk
