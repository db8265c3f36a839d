// xlsx_writer.h: an ExportTable as an Excel workbook (libxlsxwriter).
//
// Every cell is written as a text cell (whole numbers in numeric columns as numbers): whatever a
// name or a note begins with, no cell is ever a formula. The title above the table, a bold header
// that stays in view, a filter on the header, column widths for reading on a laptop.
#pragma once

#include <ctime>
#include <filesystem>
#include <string>

#include "core/export_table.h"

namespace kiosk {

// Writes the workbook to `file` (not atomically: see export_files.h). `created`: the document's
// creation time (0: now), fixed in tests so the same data gives the same file. Returns "" or the error.
std::string writeXlsxFile(const ExportTable& table, const std::filesystem::path& file, std::time_t created = 0);

}  // namespace kiosk
