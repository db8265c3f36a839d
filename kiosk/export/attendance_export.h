// attendance_export.h: the exports staff ask for, the same from the staff screen and from
// `leergang-kiosk export`: the day's presence list and the cohort matrix, as a table and a file name
// (CSV, XLSX) or a whole document (PDF), the blank list for a coming day, and the certificates.
#pragma once

#include <string>
#include <vector>

#include "core/attendance.h"
#include "core/export_kind.h"
#include "core/export_table.h"
#include "core/participant.h"
#include "core/programme.h"
#include "core/text_catalogue.h"
#include "export/export_files.h"
#include "export/export_target.h"
#include "export/pdf_exports.h"
#include "store/attendance_db.h"

namespace kiosk {

struct ExportRequest {
    ExportKind kind = ExportKind::presence;  // core/export_kind.h; never feedback (cli/commands_feedback.cpp)
    std::string participant;  // statements: when set, this participant's alone (one file)
    ExportFormat format = ExportFormat::csv;
    char delimiter = ';';
    std::string cohort;       // "" : the (first) group meeting on `date`; else this group (issue 30)
    LocalDate date;           // the day (presence, blank); the cohort's day (matrix, certificates, statements)
    LocalDate today;          // matrix: days after this one are still to come (unset: `date`)
    Instant now;              // presence list: an interval still open at this moment past the day's end
                              // is a forgotten check-out (day_counting.h)
};

// The days whose events the export reads (the cohort's first to last day; a presence list: its date
// and the days of the groups not meeting it, where a visitor's make-up is written).
std::pair<LocalDate, LocalDate> exportDays(const ExportRequest& r, const Programme& programme);

struct BuiltExport {
    ExportTable table;
    std::string fileName;      // certificates, statements: the folder's name
    std::string document;      // PDF: the whole file
    CertificateSet certificates;  // certificates, statements: one file per person and one with them all
    std::string error;         // "" unless the PDF could not be made
};
// `roster`: everyone to list (the active roster, plus former participants who were there).
BuiltExport buildExport(const ExportRequest& r, const Programme& programme, const std::vector<Participant>& roster,
                        const DayRecords& records, const KioskSettings& settings, const Texts& texts);

// Reads what the export needs from the store (attendance_db.h summarise: one person's day at a
// time) and builds it. The roster is everyone active plus anyone since removed who was there.
StoreStatus collectExport(AttendanceDb& db, const ExportRequest& r, const Programme& programme, const KioskSettings& settings,
                          const Texts& texts, BuiltExport& out);

struct SavedExport {
    std::string error;            // "" when saved
    std::filesystem::path path;   // where it went (certificates: the folder)
    ExportTarget target;          // a USB stick, or the export folder
    size_t rows = 0;              // rows of the table; certificates: files per person
};
// Writes the export atomically into `target.folder` under its file name (or to `file` if given).
// Certificates: the folder `fileName` under `target.folder` (or `file`), whole (writeFolderAtomically).
SavedExport saveExport(const BuiltExport& built, const ExportRequest& r, const ExportTarget& target,
                       const std::filesystem::path& file = {});

}  // namespace kiosk
