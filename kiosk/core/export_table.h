// export_table.h: what an export holds, independent of its file format. The presence list and the
// cohort matrix are turned into an ExportTable once; the CSV writer (here) and the XLSX writer
// (export/xlsx_writer.h) only lay it out, so both formats always say the same.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// A part of a table on its own worksheet (XLSX): rows [firstRow, firstRow + rowCount) under the
// same header. CSV has no sheets: it is the whole table.
struct ExportSheet {
    std::string name;   // at most 31 characters, none of []:*?/\ (Excel's rule; sheetName() makes one)
    std::string title;
    size_t firstRow = 0, rowCount = 0;
};

struct ExportTable {
    std::string sheetName;                       // the worksheet's name (XLSX), e.g. "Presentielijst"
    std::string title;                           // a line above the table in XLSX ("Dag 1, do 26 november 2026")
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // every row as wide as the header
    std::vector<bool> numeric;                   // per column: whole numbers (written as numbers in XLSX)
    std::vector<double> widths;                  // per column: width in characters (XLSX)
    std::vector<ExportSheet> sheets;             // empty: one sheet (sheetName, title) of every row
};

// `name` as a worksheet name: Excel's forbidden characters as '-', at most 31 characters (whole
// UTF-8 characters), never empty.
std::string sheetName(std::string_view name);

// A leading apostrophe for cells beginning with = + - @ tab CR or LF, so no cell is ever a formula.
std::string neutraliseFormula(std::string_view cell);

// CSV as Dutch Excel expects: UTF-8 with BOM, CRLF, RFC 4180 quoting, `delimiter` (';' default),
// every cell neutralised (OWASP). The title is not written: a CSV is the table alone.
std::string tableCsv(const ExportTable& table, char delimiter = ';');

}  // namespace kiosk
