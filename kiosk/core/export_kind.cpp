#include "core/export_kind.h"

namespace kiosk {

std::optional<ExportFormat> parseExportFormat(const std::string& s) {
    if (s == "csv") return ExportFormat::csv;
    if (s == "xlsx") return ExportFormat::xlsx;
    if (s == "pdf") return ExportFormat::pdf;
    return std::nullopt;
}

const char* exportFormatExtension(ExportFormat f) {
    switch (f) {
        case ExportFormat::xlsx: return "xlsx";
        case ExportFormat::pdf: return "pdf";
        case ExportFormat::csv: break;
    }
    return "csv";
}

}  // namespace kiosk
