// export_files.h: an export on disk. Builds the file name, writes CSV or XLSX beside the target
// under a hidden name, fsyncs and renames (a stick pulled too early never holds a half file that
// looks whole), and says where it went.
#pragma once

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include "core/civil_time.h"
#include "core/export_kind.h"
#include "core/export_table.h"
#include "store/atomic_file.h"

namespace kiosk {

// "presentielijst-2026-11-26.xlsx"; the blank list to fill in by hand: "presentielijst-leeg-2026-12-10.pdf"
std::string presenceFileName(LocalDate day, ExportFormat f, bool blank = false);
// "matrix-zutphen-2026.csv" (the cohort id kept to letters, digits and dashes)
std::string matrixFileName(const std::string& cohortId, ExportFormat f);

// Writes `table` to `target` atomically; creates the folder. Returns "" or what went wrong.
// (A PDF is not a table: it is built whole by pdf_exports.h and written with writeFileAtomically.)
// `options`: how the file is written (atomic_file.h); on a USB stick no symlink is followed.
std::string writeExport(const ExportTable& table, ExportFormat format, char delimiter, const std::filesystem::path& target,
                        std::time_t created = 0, const FileWriteOptions& options = {});

// The last export, kept in the database's meta table for the staff health view: "<ms> <path>".
std::string lastExportValue(Instant at, const std::string& path);
struct LastExport {
    Instant at;
    std::string path;
};
std::optional<LastExport> parseLastExport(const std::string& value);

}  // namespace kiosk
