// pdf_table.cpp: the `pdf` table (pdf_api.h). Compiled twice: into the module pdf.so,
// which links Cairo, Pango and fontconfig, and with KIOSK_OPTIONAL_DIRECT into kiosk_optional_direct_pdf for tests.
#define KIOSK_OPTIONAL_TABLE_SOURCE
#include "pdf_api.h"

KIOSK_OPTIONAL_EXPORT const void* leergang_kiosk_pdf_table() {
    static const kiosk::optional::PdfTable table{sizeof(kiosk::optional::PdfTable),
                                                     KIOSK_PDF_FUNCTIONS(KIOSK_OPTIONAL_ADDRESS)};
    return &table;
}

#ifdef KIOSK_OPTIONAL_DIRECT
const kiosk::optional::PdfTable& kiosk::optional::pdf() {
    return *static_cast<const kiosk::optional::PdfTable*>(leergang_kiosk_pdf_table());
}
#endif
