// pdf_presence_list.cpp: the presentielijst on paper (A4 portrait), filled from the record or blank.
// Every page repeats the programme, the day and the date above the column header, so a loose page
// still says which day it belongs to; "1 van 3" at the foot. A date with two groups (issue 30,
// item 6): each group on its own pages, its name in the header and its own day, counts and page
// numbers, then the walk-ins on pages of their own (a walk-in names no group); presence_list.h
// presenceParts decides the parts.
#include "pdf_document.h"
#include "pdf_exports.h"
#include "pdf_language.h"

namespace kiosk {

namespace {

constexpr int kBlankGuestRows = 10;  // lines for walk-ins on the blank list

PdfRow headingRow(std::string text) {
    PdfRow r;
    r.cells = {std::move(text)};
    r.heading = true;
    return r;
}

std::string dayLine(const ProgrammeDay* d, const Texts& tx) {
    if (!d) return tx("pdf.no_programme_day");
    return tx.format("pdf.day", {{"n", std::to_string(d->number)}, {"theme", d->theme}});
}

struct PartTable {
    PagedTable table;
    int present = 0, participants = 0, guests = 0;
    int visitors = 0;  // of another group, on this group's list for the day they came (issue 30)
    bool corrected = false;
};

PdfRow personRow(const PresenceRow& r, int number, bool blank, const Texts& tx) {
    PdfRow row;
    const std::string name = r.guest ? r.participant.firstName : listName(r.participant);
    std::string inTime, outTime, note;  // note: in the signature's place, for whoever does not sign
    Rgb3 inColour = pdfcolour::ink, outColour = pdfcolour::ink;
    if (!blank) {
        if (r.checkIn) inTime = r.checkIn->hhmm() + (r.corrected ? "*" : "");
        else if (!r.guest) {
            inTime = tx(std::string("status.") + dayStatusKey(r.status));
            inColour = pdfcolour::muted;
        }
        if (r.status == DayStatus::excused) note = tx.format("export.note.excused", {{"reason", r.excusedReason}});
        if (r.checkOutForgotten) note = tx("export.note.checkout_forgotten");
        if (r.otherGroup)  // a visitor on the list of the group they came to: their own group, and the day made up
            note = r.madeUpDay ? tx.format("export.note.made_up", {{"n", std::to_string(r.madeUpDay)}, {"group", r.ownGroupName}})
                               : tx.format("export.note.other_group", {{"group", r.ownGroupName}});
        if (r.checkOut) outTime = r.checkOut->hhmm();
        // Late and early in a word as well as in colour: a grey print or a reader who does not tell red apart sees it too.
        if (r.status == DayStatus::late || r.status == DayStatus::late_and_left_early) {
            inColour = pdfcolour::bad;
            inTime += " " + tx("pdf.mark.late");
        }
        if (r.status == DayStatus::left_early || r.status == DayStatus::late_and_left_early) {
            outColour = pdfcolour::bad;
            outTime += " " + tx("pdf.mark.early");
        }
    }
    row.cells = {std::to_string(number), name, r.participant.department, inTime, outTime, note};
    row.colours = {pdfcolour::muted, pdfcolour::ink, pdfcolour::muted, inColour, outColour, pdfcolour::muted};
    return row;
}

PartTable partTable(const PresencePart& part, bool blank, const Texts& tx) {
    PartTable p;
    PagedTable& t = p.table;
    t.columns = {{tx("pdf.col.nr"), 0.35, TextAlign::right}, {tx("pdf.col.name"), 2.4, TextAlign::left, true},
                 {tx("pdf.col.department"), 1.7, TextAlign::left, true},          {tx("pdf.col.in"), 0.85, TextAlign::centre},
                 {tx("pdf.col.out"), 0.85, TextAlign::centre}, {tx("pdf.col.signature"), 1.3, TextAlign::left, true}};
    t.ruledColumns = {false, false, false, blank, blank, true};
    int number = 0;
    bool guestHeading = part.guestsOnly;  // a part of guests alone needs no heading above them
    for (const auto& r : part.rows) {
        if (r.guest && !guestHeading) {
            t.rows.push_back(headingRow(tx("pdf.guests")));
            guestHeading = true;
        }
        t.rows.push_back(personRow(r, ++number, blank, tx));
        p.corrected = p.corrected || (!blank && r.corrected);
        if (r.guest) ++p.guests;
        else if (r.otherGroup) ++p.visitors;  // not of this group: said apart, not in its "n van de m"
        else {
            ++p.participants;
            if (r.checkIn) ++p.present;
        }
    }
    if (blank && !part.guestsOnly) {
        t.rows.push_back(headingRow(tx("pdf.guests_blank")));
        for (int i = 0; i < kBlankGuestRows; ++i) {
            PdfRow row;
            row.cells = {std::to_string(++number), "", "", "", "", ""};
            row.colours = {pdfcolour::muted};
            row.ruled = {false, true, true, true, true, true};
            t.rows.push_back(std::move(row));
        }
    }
    return p;
}

std::string partSummary(const PartTable& p, const PresencePart& part, bool blank, const Texts& tx) {
    if (blank) return tx("pdf.presence.blank_note");
    if (part.guestsOnly) return tx.format("pdf.presence.guests_summary", {{"guests", std::to_string(p.guests)}});
    return tx.format("pdf.presence.summary", {{"present", std::to_string(p.present)},
                                              {"total", std::to_string(p.participants)},
                                              {"guests", std::to_string(p.guests)}}) +
           (p.visitors ? "   " + tx.format("pdf.presence.visitors", {{"n", std::to_string(p.visitors)}}) : std::string{}) +
           (p.corrected ? "   " + tx("pdf.presence.corrected") : std::string{});
}

// One part (a group, or the guests of a date with two) on pages of its own.
void drawPart(PdfDocument& doc, const PresencePart& part, LocalDate date, bool blank, const std::string& title,
              const PdfInputs& in) {
    const Texts& tx = in.texts;
    const PartTable p = partTable(part, blank, tx);
    const std::string day = part.guestsOnly ? tx("pdf.presence.guests_part") : dayLine(part.day, tx);
    const std::string when = longDate(date, tx.lang());
    const std::string venue = in.settings.venue + ", " + in.settings.city;
    const std::string group = part.guestsOnly ? tx("pdf.guests") : part.groupName;
    const std::string summary = partSummary(p, part, blank, tx);
    const double left = PdfDocument::kMargin, width = doc.width() - 2 * PdfDocument::kMargin;
    const double top = PdfDocument::kMargin + 134;
    auto header = [&](PdfDocument& d, int, int) {
        double y = PdfDocument::kMargin;
        d.fillRect(left, y, 4, 50, pdfcolour::accent);
        d.text(left + 14, y - 2, width * 0.6, in.programme.title, {"Inter Semi-Bold 13.5", pdfcolour::accent});
        d.text(left + 14, y + 12, width * 0.6, title, {"Inter Bold 24", pdfcolour::ink});
        TextStyle r{"Inter 12", pdfcolour::muted, TextAlign::right};
        d.text(left + width * 0.5, y - 1, width * 0.5, venue, r);
        d.text(left + width * 0.5, y + 12, width * 0.5, group, r);
        y += 58;
        d.text(left, y, width, day, {"Inter Semi-Bold 16.5", pdfcolour::ink});
        d.text(left, y + 18, width, when, {"Inter 14.5", pdfcolour::ink});
        d.text(left, y + 38, width, summary, {"Inter 11.5", pdfcolour::muted, TextAlign::left, true});
    };
    const std::string footer =
        in.programme.title + " · " + title + " · " + date.iso() + (group.empty() ? std::string{} : " · " + group);
    drawPagedTable(doc, p.table, top, header, footer, [&](int n, int of) {
        return tx.format("pdf.page", {{"n", std::to_string(n)}, {"of", std::to_string(of)}});
    });
}

}  // namespace

std::string presenceListPdf(const std::vector<PresenceRow>& rows, LocalDate date, bool blank, const PdfInputs& in,
                            std::string& error) {
    const Texts& tx = in.texts;
    PdfDocument doc(PageOrientation::portrait);
    const std::string title = tx(blank ? "pdf.presence.blank_title" : "pdf.presence.title");
    doc.setTitle(title + " " + date.iso(), languageTag(tx.lang()));
    for (const PresencePart& part : presenceParts(in.programme, rows, date)) drawPart(doc, part, date, blank, title, in);
    return doc.finish(error);
}

}  // namespace kiosk
