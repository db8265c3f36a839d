// csv.h: a real CSV reader for files people save from Excel or LibreOffice.
//
// Accepts UTF-8 with or without BOM, `;` or `,` (detected from the header line, outside quotes),
// quoted fields with embedded delimiters, doubled quotes and line breaks (kept byte for byte),
// records ending in CRLF or LF. Every record
// remembers the line it starts on, so problems can be reported as file:line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "text_catalogue.h"

namespace kiosk {

struct CsvRecord {
    int line = 0;                     // 1-based line where the record starts
    std::vector<std::string> fields;  // unquoted
    std::vector<size_t> offsets;      // byte offset of each field's first byte in the text given to parseCsv
};

struct CsvTable {
    char delimiter = ',';
    std::vector<CsvRecord> records;  // including the header, blank lines skipped
};

// Parses text; malformed quoting is reported in problems (with file and line) and parsing goes on.
CsvTable parseCsv(std::string_view text, const std::string& fileName, const Texts& texts, Problems& problems);

// Chooses ';' or ',' by counting them outside quotes on the first non-empty line (ties: ',' unless
// only ';' appears). Tabs are accepted too.
char detectDelimiter(std::string_view text);

// One field, quoted when needed (RFC 4180).
std::string csvField(std::string_view value, char delimiter);

}  // namespace kiosk
