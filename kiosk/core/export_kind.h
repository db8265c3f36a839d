// export_kind.h: what staff can export and in which format, named once for the staff screen, the
// kiosk session, the command line and the exporters (export/attendance_export.h builds them).
#pragma once

#include <optional>
#include <string>

namespace kiosk {

enum class ExportFormat { csv, xlsx, pdf };
std::optional<ExportFormat> parseExportFormat(const std::string& s);  // "csv" | "xlsx" | "pdf"
const char* exportFormatExtension(ExportFormat f);                      // "csv" | "xlsx" | "pdf"

// One export at a time: the command line refuses two of its kind options together.
enum class ExportKind {
    presence,      // the presence list of a day (CSV, XLSX, PDF)
    blank,         // the presence list of a coming day to fill in by hand (PDF only; no records read)
    matrix,        // the cohort's days, one column a day (CSV, XLSX, PDF)
    certificates,  // the cohort's certificates (PDF only): a folder, one file a person and one with them all
    statements,    // the statements of participation of the cohort (PDF only): a folder; or one person's: one file
    feedback,      // the day's question counted per day (CSV only): cli/commands_feedback.cpp, not an ExportRequest
};

// A list of one day (presence, blank), else of the cohort's days.
inline bool exportsOneDay(ExportKind k) { return k == ExportKind::presence || k == ExportKind::blank; }
// Made only as PDF (blank, certificates, statements).
inline bool exportIsPaperOnly(ExportKind k) {
    return k == ExportKind::blank || k == ExportKind::certificates || k == ExportKind::statements;
}

}  // namespace kiosk
