// pdf_api.h: Cairo, Pango and fontconfig for PDF exports, through the `pdf` module (optional_libraries.h).
// Include this instead of <cairo-pdf.h>, <pango/pangocairo.h> and <fontconfig/fontconfig.h>; the
// functions below are then members of pdf().
#pragma once

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "optional/optional_libraries.h"

#define KIOSK_PDF_FUNCTIONS(X) \
    X(FcInit) X(cairo_create) X(cairo_destroy) X(cairo_fill) X(cairo_line_to) X(cairo_move_to) \
    X(cairo_paint) X(cairo_pdf_surface_create_for_stream) X(cairo_pdf_surface_set_metadata) \
    X(cairo_recording_surface_create) X(cairo_rectangle) X(cairo_set_line_width) \
    X(cairo_set_source_rgb) X(cairo_set_source_surface) X(cairo_show_page) X(cairo_status_to_string) \
    X(cairo_stroke) X(cairo_surface_destroy) X(cairo_surface_finish) X(cairo_surface_status) \
    X(cairo_tag_begin) X(cairo_tag_end) X(g_object_unref) X(pango_cairo_context_set_resolution) \
    X(pango_cairo_create_layout) X(pango_cairo_show_layout) X(pango_font_description_free) \
    X(pango_font_description_from_string) X(pango_layout_context_changed) \
    X(pango_layout_get_context) X(pango_layout_get_size) X(pango_layout_set_alignment) \
    X(pango_layout_set_ellipsize) X(pango_layout_set_font_description) X(pango_layout_set_height) \
    X(pango_layout_set_text) X(pango_layout_set_width) X(pango_layout_set_wrap)

namespace kiosk::optional {
struct PdfTable {
    std::size_t size;
    KIOSK_PDF_FUNCTIONS(KIOSK_OPTIONAL_MEMBER)
};
const PdfTable& pdf();
}  // namespace kiosk::optional

// Returns the table as const void*: the loader calls it through `const void* (*)()` (a call through
// another function type is undefined, and UBSan's -fsanitize=function stops it).
KIOSK_OPTIONAL_EXPORT const void* leergang_kiosk_pdf_table();

#ifndef KIOSK_OPTIONAL_TABLE_SOURCE
#define FcInit (::kiosk::optional::pdf().FcInit)
#define cairo_create (::kiosk::optional::pdf().cairo_create)
#define cairo_destroy (::kiosk::optional::pdf().cairo_destroy)
#define cairo_fill (::kiosk::optional::pdf().cairo_fill)
#define cairo_line_to (::kiosk::optional::pdf().cairo_line_to)
#define cairo_move_to (::kiosk::optional::pdf().cairo_move_to)
#define cairo_paint (::kiosk::optional::pdf().cairo_paint)
#define cairo_pdf_surface_create_for_stream (::kiosk::optional::pdf().cairo_pdf_surface_create_for_stream)
#define cairo_pdf_surface_set_metadata (::kiosk::optional::pdf().cairo_pdf_surface_set_metadata)
#define cairo_recording_surface_create (::kiosk::optional::pdf().cairo_recording_surface_create)
#define cairo_rectangle (::kiosk::optional::pdf().cairo_rectangle)
#define cairo_set_line_width (::kiosk::optional::pdf().cairo_set_line_width)
#define cairo_set_source_rgb (::kiosk::optional::pdf().cairo_set_source_rgb)
#define cairo_set_source_surface (::kiosk::optional::pdf().cairo_set_source_surface)
#define cairo_show_page (::kiosk::optional::pdf().cairo_show_page)
#define cairo_status_to_string (::kiosk::optional::pdf().cairo_status_to_string)
#define cairo_stroke (::kiosk::optional::pdf().cairo_stroke)
#define cairo_surface_destroy (::kiosk::optional::pdf().cairo_surface_destroy)
#define cairo_surface_finish (::kiosk::optional::pdf().cairo_surface_finish)
#define cairo_surface_status (::kiosk::optional::pdf().cairo_surface_status)
#define cairo_tag_begin (::kiosk::optional::pdf().cairo_tag_begin)
#define cairo_tag_end (::kiosk::optional::pdf().cairo_tag_end)
#define g_object_unref (::kiosk::optional::pdf().g_object_unref)
#define pango_cairo_context_set_resolution (::kiosk::optional::pdf().pango_cairo_context_set_resolution)
#define pango_cairo_create_layout (::kiosk::optional::pdf().pango_cairo_create_layout)
#define pango_cairo_show_layout (::kiosk::optional::pdf().pango_cairo_show_layout)
#define pango_font_description_free (::kiosk::optional::pdf().pango_font_description_free)
#define pango_font_description_from_string (::kiosk::optional::pdf().pango_font_description_from_string)
#define pango_layout_context_changed (::kiosk::optional::pdf().pango_layout_context_changed)
#define pango_layout_get_context (::kiosk::optional::pdf().pango_layout_get_context)
#define pango_layout_get_size (::kiosk::optional::pdf().pango_layout_get_size)
#define pango_layout_set_alignment (::kiosk::optional::pdf().pango_layout_set_alignment)
#define pango_layout_set_ellipsize (::kiosk::optional::pdf().pango_layout_set_ellipsize)
#define pango_layout_set_font_description (::kiosk::optional::pdf().pango_layout_set_font_description)
#define pango_layout_set_height (::kiosk::optional::pdf().pango_layout_set_height)
#define pango_layout_set_text (::kiosk::optional::pdf().pango_layout_set_text)
#define pango_layout_set_width (::kiosk::optional::pdf().pango_layout_set_width)
#define pango_layout_set_wrap (::kiosk::optional::pdf().pango_layout_set_wrap)
#endif
