// loaded_tables.cpp: the tables of the kiosk binary, each loaded from its module on first use
// (optional_libraries.h, 2). A failed load throws, and the next call tries again.
#define KIOSK_OPTIONAL_TABLE_SOURCE  // the tables themselves, not the call-site names
#include "optional/central_api.h"
#include "optional/pdf_api.h"
#include "optional/speech_api.h"

namespace kiosk::optional {

namespace {
template <typename Table>
const Table& load(const char* group, const char* symbol) {
    return *static_cast<const Table*>(loadModuleTable(group, symbol, sizeof(Table)));
}
}  // namespace

const CentralTable& pq() {
    static const CentralTable& table = load<CentralTable>("central", "leergang_kiosk_central_table");
    return table;
}

const PdfTable& pdf() {
    static const PdfTable& table = load<PdfTable>("pdf", "leergang_kiosk_pdf_table");
    return table;
}

const SpeechTable& espeak() {
    static const SpeechTable& table = load<SpeechTable>("speech", "leergang_kiosk_speech_table");
    return table;
}

}  // namespace kiosk::optional
