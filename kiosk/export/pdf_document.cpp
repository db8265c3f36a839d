#include "pdf_document.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>

#include "optional/pdf_api.h"
#include "pdf_language.h"

namespace kiosk {

namespace {
constexpr double kA4Short = 595.276, kA4Long = 841.89;
constexpr double kFooterHeight = 26;

cairo_status_t appendToString(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// A heading from 14 pt on (the size is the last word of the Pango font description), else a paragraph.
const char* structureOf(const TextStyle& style) {
    const std::string_view font = style.font;
    const size_t space = font.rfind(' ');
    const double size = space == std::string_view::npos ? 0 : std::atof(std::string(font.substr(space + 1)).c_str());
    return size >= 14 ? "H1" : "P";
}
}  // namespace

struct PdfDocument::Impl {
    std::string bytes;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    PangoLayout* layout = nullptr;  // one layout reused for every run of text (fast)
    std::map<std::string, PangoFontDescription*, std::less<>> fonts;
    bool finished = false;
    bool recording = false;
    std::string language;  // /Lang, added by finish()

    PangoFontDescription* font(const char* desc) {
        auto it = fonts.find(desc);
        if (it != fonts.end()) return it->second;
        return fonts.emplace(desc, pango_font_description_from_string(desc)).first->second;
    }
    ~Impl() {
        for (auto& [_, f] : fonts) pango_font_description_free(f);
        if (layout) g_object_unref(layout);
        if (cr) cairo_destroy(cr);
        if (surface) cairo_surface_destroy(surface);
    }
};

PdfDocument::PdfDocument(PageOrientation orientation, PdfTarget target) : impl_(std::make_unique<Impl>()) {
    // fontconfig read once, here, before Pango's first font map: Pango would otherwise start it on a
    // thread of its own, synchronised by glib in ways ThreadSanitizer cannot see.
    static std::once_flag fontconfigRead;
    std::call_once(fontconfigRead, [] { FcInit(); });
    width_ = orientation == PageOrientation::portrait ? kA4Short : kA4Long;
    height_ = orientation == PageOrientation::portrait ? kA4Long : kA4Short;
    impl_->recording = target == PdfTarget::recording;
    if (impl_->recording) {
        const cairo_rectangle_t extents{0, 0, width_, height_};
        impl_->surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    } else {
        impl_->surface = cairo_pdf_surface_create_for_stream(appendToString, &impl_->bytes, width_, height_);
        cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR, "Leergang Kiosk");
    }
    impl_->cr = cairo_create(impl_->surface);
    beginTag("Document");
    impl_->layout = pango_cairo_create_layout(impl_->cr);
    // Font sizes in points, as everywhere in print (Pango's default is 96 dpi).
    pango_cairo_context_set_resolution(pango_layout_get_context(impl_->layout), 72.0);
    pango_layout_context_changed(impl_->layout);
}

PdfDocument::~PdfDocument() = default;

void PdfDocument::setTitle(const std::string& title, const std::string& language) {
    if (impl_->recording) return;
    cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    impl_->language = language;
}

// Not on a recording: Cairo 1.16 crashes replaying a recording's tags into a PDF (found by the
// certificates test), so a placed page carries no structure inside.
void PdfDocument::beginTag(const char* tag) {
    if (!impl_->recording) cairo_tag_begin(impl_->cr, tag, "");
}

void PdfDocument::endTag(const char* tag) {
    if (!impl_->recording) cairo_tag_end(impl_->cr, tag);
}

void PdfDocument::layout(double w, std::string_view text, const TextStyle& style) {
    PangoLayout* l = impl_->layout;
    pango_layout_set_font_description(l, impl_->font(style.font));
    pango_layout_set_width(l, static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    const bool limited = !style.wrap || style.maxLines > 0;
    pango_layout_set_ellipsize(l, limited ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
    pango_layout_set_height(l, style.wrap && style.maxLines > 0 ? -style.maxLines : -1);
    pango_layout_set_alignment(l, style.align == TextAlign::centre ? PANGO_ALIGN_CENTER
                                  : style.align == TextAlign::right ? PANGO_ALIGN_RIGHT
                                                                    : PANGO_ALIGN_LEFT);
    pango_layout_set_text(l, text.data(), static_cast<int>(text.size()));
}

double PdfDocument::textHeight(double w, std::string_view text, const TextStyle& style) {
    layout(w, text, style);
    int pw = 0, ph = 0;
    pango_layout_get_size(impl_->layout, &pw, &ph);
    return static_cast<double>(ph) / PANGO_SCALE;
}

double PdfDocument::text(double x, double y, double w, std::string_view text, const TextStyle& style) {
    const double h = textHeight(w, text, style);
    const char* tag = structureOf(style);
    beginTag(tag);
    cairo_set_source_rgb(impl_->cr, style.colour.r, style.colour.g, style.colour.b);
    cairo_move_to(impl_->cr, x, y);
    pango_cairo_show_layout(impl_->cr, impl_->layout);
    endTag(tag);
    return h;
}

void PdfDocument::textCentred(double x, double y, double w, double h, std::string_view text, const TextStyle& style) {
    if (text.empty()) return;
    const double th = textHeight(w, text, style);
    const char* tag = structureOf(style);
    beginTag(tag);
    cairo_set_source_rgb(impl_->cr, style.colour.r, style.colour.g, style.colour.b);
    cairo_move_to(impl_->cr, x, y + (h - th) / 2);
    pango_cairo_show_layout(impl_->cr, impl_->layout);
    endTag(tag);
}

void PdfDocument::line(double x1, double y1, double x2, double y2, double width, Rgb3 c) {
    cairo_set_source_rgb(impl_->cr, c.r, c.g, c.b);
    cairo_set_line_width(impl_->cr, width);
    cairo_move_to(impl_->cr, x1, y1);
    cairo_line_to(impl_->cr, x2, y2);
    cairo_stroke(impl_->cr);
}

void PdfDocument::fillRect(double x, double y, double w, double h, Rgb3 c) {
    cairo_set_source_rgb(impl_->cr, c.r, c.g, c.b);
    cairo_rectangle(impl_->cr, x, y, w, h);
    cairo_fill(impl_->cr);
}

void PdfDocument::strokeRect(double x, double y, double w, double h, double width, Rgb3 c) {
    cairo_set_source_rgb(impl_->cr, c.r, c.g, c.b);
    cairo_set_line_width(impl_->cr, width);
    cairo_rectangle(impl_->cr, x, y, w, h);
    cairo_stroke(impl_->cr);
}

void PdfDocument::endPage() {
    if (!impl_->recording) cairo_show_page(impl_->cr);
}

void PdfDocument::place(const PdfDocument& recording) {
    cairo_set_source_surface(impl_->cr, recording.impl_->surface, 0, 0);
    cairo_paint(impl_->cr);
}

std::string PdfDocument::finish(std::string& error) {
    if (!impl_->finished) {
        impl_->finished = true;
        endTag("Document");
        cairo_surface_finish(impl_->surface);
    }
    const cairo_status_t st = cairo_surface_status(impl_->surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        error = std::string("PDF: ") + cairo_status_to_string(st);
        return {};
    }
    if (!impl_->recording && !impl_->language.empty() && !addLanguage(impl_->bytes, impl_->language)) {
        error = "PDF: de taal kon niet in de catalogus / the language could not be added to the catalogue";
        return {};
    }
    return std::move(impl_->bytes);
}

namespace {
double tableBottom(const PdfDocument& doc) { return doc.height() - PdfDocument::kMargin - kFooterHeight; }
int rowsPerPage(const PdfDocument& doc, const PagedTable& t, double top) {
    const double room = tableBottom(doc) - top - t.headerRowHeight;
    return std::max(1, static_cast<int>(room / t.rowHeight));
}
}  // namespace

int pagedTablePages(const PdfDocument& doc, const PagedTable& table, double top) {
    const int per = rowsPerPage(doc, table, top);
    const int n = static_cast<int>(table.rows.size());
    return std::max(1, (n + per - 1) / per);
}

int drawPagedTable(PdfDocument& doc, const PagedTable& t, double top,
                   const std::function<void(PdfDocument&, int, int)>& pageHeader, const std::string& footerLeft,
                   const std::function<std::string(int, int)>& pageOf) {
    const double left = PdfDocument::kMargin, width = doc.width() - 2 * PdfDocument::kMargin;
    double share = 0;
    for (const auto& c : t.columns) share += c.width;
    std::vector<double> xs, ws;
    double x = left;
    for (const auto& c : t.columns) {
        xs.push_back(x);
        ws.push_back(width * c.width / share);
        x += ws.back();
    }
    constexpr double pad = 4;
    const int per = rowsPerPage(doc, t, top);
    const int pages = pagedTablePages(doc, t, top);
    std::string boldFont = t.font;
    boldFont.insert(boldFont.find(' '), " Semi-Bold");
    const TextStyle headStyle{boldFont.c_str(), pdfcolour::muted};
    size_t next = 0;
    for (int page = 1; page <= pages; ++page) {
        pageHeader(doc, page, pages);
        double y = top;
        doc.beginTag("Table");
        doc.fillRect(left, y, width, t.headerRowHeight, pdfcolour::band);
        doc.beginTag("TR");
        for (size_t c = 0; c < t.columns.size(); ++c) {
            TextStyle s = headStyle;
            s.align = t.columns[c].align;
            doc.beginTag("TH");
            doc.textCentred(xs[c] + pad, y, ws[c] - 2 * pad, t.headerRowHeight, t.columns[c].header, s);
            doc.endTag("TH");
        }
        doc.endTag("TR");
        y += t.headerRowHeight;
        doc.line(left, y, left + width, y, 0.8, pdfcolour::ink);
        for (int r = 0; r < per && next < t.rows.size(); ++r, ++next) {
            const PdfRow& row = t.rows[next];
            if (row.heading) {
                const TextStyle s{boldFont.c_str(), pdfcolour::accent};
                const double th = doc.textHeight(width, row.cells.empty() ? "" : row.cells[0], s);
                doc.beginTag("TR");
                doc.beginTag("TH");
                doc.text(left + pad, y + t.rowHeight - th - 3, width - 2 * pad, row.cells.empty() ? "" : row.cells[0], s);
                doc.endTag("TH");
                doc.endTag("TR");
                y += t.rowHeight;
                doc.line(left, y, left + width, y, 0.6, pdfcolour::accent);
                continue;
            }
            doc.beginTag("TR");
            for (size_t c = 0; c < t.columns.size() && c < row.cells.size(); ++c) {
                TextStyle s{t.font, c < row.colours.size() ? row.colours[c] : pdfcolour::ink, t.columns[c].align,
                            t.columns[c].wrap, 2};
                doc.beginTag("TD");
                doc.textCentred(xs[c] + pad, y, ws[c] - 2 * pad, t.rowHeight, row.cells[c], s);
                doc.endTag("TD");
                const std::vector<bool>& ruled = row.ruled.empty() ? t.ruledColumns : row.ruled;
                if (c < ruled.size() && ruled[c])
                    doc.line(xs[c] + pad, y + t.rowHeight - 5, xs[c] + ws[c] - pad, y + t.rowHeight - 5, 0.5, pdfcolour::muted);
            }
            doc.endTag("TR");
            y += t.rowHeight;
            doc.line(left, y, left + width, y, 0.4, pdfcolour::rule);
        }
        doc.endTag("Table");
        const double fy = doc.height() - PdfDocument::kMargin - 12;
        doc.line(left, fy - 6, left + width, fy - 6, 0.4, pdfcolour::rule);
        const TextStyle foot{"Inter 10.5", pdfcolour::muted};
        doc.text(left, fy, width * 0.75, footerLeft, foot);
        TextStyle right = foot;
        right.align = TextAlign::right;
        doc.text(left + width * 0.5, fy, width * 0.5, pageOf(page, pages), right);
        doc.endPage();
    }
    return pages;
}

}  // namespace kiosk
