// pdf_document.h: the page machinery the PDF exports share (Cairo for the pages, Pango for text).
//
// Contract:
//  - A PdfDocument is an A4 document (portrait or landscape) written into memory; `finish()` returns
//    the whole file, so the caller writes it with writeFileAtomically (a stick never holds half a PDF).
//  - Text is laid out by Pango with fontconfig's Inter ("Inter 10", "Inter Bold 16"); Cairo embeds the
//    subset of each font used. Units, font sizes included, are PDF points (1/72 inch); A4 is 595.276 x 841.89.
//  - `drawPagedTable` lays out rows of one fixed height, so the page count is known before the first
//    page is drawn: every page gets the caller's header block, the column header and "1 van 3".
//  - Nothing here knows about attendance: the writers (pdf_presence_list.cpp, pdf_matrix.cpp,
//    pdf_certificates.cpp) turn the format-neutral data into rows and text.
//  - Tagged PDF (issue 32, item 7), as far as Cairo 1.16 allows: a file's content is one Document
//    structure element; every text() and textCentred() run is a paragraph (P), or a heading (H1)
//    when its font is 14 pt or larger; a paged table is a Table per page, TR per row, TH for the
//    column headers and section headings, TD per cell. Pages placed from a recording (a certificate
//    in the combined file) are not tagged inside. The title and the natural language (/Lang, which
//    Cairo has no call for: added by finish() as an incremental update of the catalogue) are
//    the document's metadata.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

enum class PageOrientation { portrait, landscape };
enum class TextAlign { left, centre, right };

struct Rgb3 {
    double r = 0, g = 0, b = 0;
};
namespace pdfcolour {
inline constexpr Rgb3 ink{0.11, 0.13, 0.16};     // body text
inline constexpr Rgb3 muted{0.42, 0.45, 0.50};   // secondary text
inline constexpr Rgb3 rule{0.78, 0.80, 0.83};    // table lines
inline constexpr Rgb3 band{0.95, 0.96, 0.97};    // alternate rows, header band
inline constexpr Rgb3 accent{0.13, 0.33, 0.52};  // the programme's blue
inline constexpr Rgb3 good{0.10, 0.45, 0.25};
inline constexpr Rgb3 bad{0.70, 0.20, 0.15};
}  // namespace pdfcolour

struct TextStyle {
    const char* font = "Inter 10";  // a Pango font description
    Rgb3 colour = pdfcolour::ink;
    TextAlign align = TextAlign::left;
    bool wrap = false;              // false: one line, ellipsised at the box width
    int maxLines = 0;               // with wrap: at most this many lines, the last ellipsised (0: any)
};

// file: a PDF in memory. recording: one page kept as drawing operations, to be placed in several
// documents without laying its text out again (a certificate in its own file and in the combined one).
enum class PdfTarget { file, recording };

class PdfDocument {
public:
    explicit PdfDocument(PageOrientation orientation, PdfTarget target = PdfTarget::file);
    ~PdfDocument();
    PdfDocument(const PdfDocument&) = delete;
    PdfDocument& operator=(const PdfDocument&) = delete;

    double width() const { return width_; }
    double height() const { return height_; }
    static constexpr double kMargin = 42.0;  // = 42 pt (about 15 mm) on every side

    // Draws `text` with its top at y inside [x, x + w]; returns the height it took.
    double text(double x, double y, double w, std::string_view text, const TextStyle& style);
    double textHeight(double w, std::string_view text, const TextStyle& style);
    // The same, centred vertically in a box of height h (a table cell); laid out once.
    void textCentred(double x, double y, double w, double h, std::string_view text, const TextStyle& style);
    void line(double x1, double y1, double x2, double y2, double width, Rgb3 colour);
    void fillRect(double x, double y, double w, double h, Rgb3 colour);
    void strokeRect(double x, double y, double w, double h, double width, Rgb3 colour);
    // The PDF's metadata title, and its natural language (a BCP 47 tag: "nl-NL", "en-GB").
    void setTitle(const std::string& title, const std::string& language);
    // A structure element around what is drawn until endTag (file target only; see the contract).
    void beginTag(const char* tag);
    void endTag(const char* tag);
    void endPage();                            // the current page is done; the next begins
    // Paints what `recording` (a PdfTarget::recording document of the same size) drew onto this page.
    void place(const PdfDocument& recording);
    // The whole PDF; "" with `error` set when Cairo failed.
    std::string finish(std::string& error);

private:
    void layout(double w, std::string_view text, const TextStyle& style);
    struct Impl;
    std::unique_ptr<Impl> impl_;
    double width_ = 0, height_ = 0;
};

struct PdfColumn {
    std::string header;
    double width = 1;  // a share of the table's width
    TextAlign align = TextAlign::left;
    bool wrap = false;  // up to two lines (a long name) instead of one with an ellipsis
};

struct PdfRow {
    std::vector<std::string> cells;    // as many as columns; a heading uses cells[0] only
    bool heading = false;              // a section heading across the row ("Gasten")
    std::vector<Rgb3> colours;         // optional, per cell
    std::vector<bool> ruled;           // optional, per cell: overrides PagedTable::ruledColumns
};

struct PagedTable {
    std::vector<PdfColumn> columns;
    std::vector<PdfRow> rows;
    double rowHeight = 26;               // pt; room to sign, or two lines of a long name
    double headerRowHeight = 20;
    const char* font = "Inter 10";
    std::vector<bool> ruledColumns;      // per column: draw a line to write on (the signature)
};

// Draws `table` over as many pages as it needs, starting at `top` on every page. `pageHeader(doc,
// page, pages)` draws the block above `top` on each page (1-based page); `footerLeft` is printed at the
// bottom left of each page, `pageOf(page, pages)` at the bottom right ("1 van 3"). Returns the pages.
int drawPagedTable(PdfDocument& doc, const PagedTable& table, double top,
                   const std::function<void(PdfDocument&, int, int)>& pageHeader, const std::string& footerLeft,
                   const std::function<std::string(int, int)>& pageOf);

// The number of pages drawPagedTable will need when the table starts at `top` on each page.
int pagedTablePages(const PdfDocument& doc, const PagedTable& table, double top);

}  // namespace kiosk
