#include "csv.h"

#include "text_checks.h"

namespace kiosk {

char detectDelimiter(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    int semis = 0, commas = 0, tabs = 0;
    bool quoted = false, seenContent = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) {
            if (seenContent) break;
            continue;
        } else if (!quoted && c == ';') ++semis;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == '\t') ++tabs;
        seenContent = true;
    }
    if (semis > commas && semis >= tabs) return ';';
    if (tabs > commas && tabs > semis) return '\t';
    return ',';
}

CsvTable parseCsv(std::string_view text, const std::string& fileName, const Texts& texts, Problems& problems) {
    CsvTable table;
    size_t base = 0;  // offsets are in the text as given, BOM included
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
        base = 3;
    }
    table.delimiter = detectDelimiter(text);
    const char delim = table.delimiter;

    int line = 1;
    size_t i = 0;
    const size_t n = text.size();
    while (i < n) {
        CsvRecord rec;
        rec.line = line;
        std::string field;
        bool recordDone = false;
        bool anyContent = false;
        while (!recordDone) {
            field.clear();
            rec.offsets.push_back(base + i);
            if (i < n && text[i] == '"') {
                // Quoted field.
                const int quoteLine = line;
                ++i;
                bool closed = false;
                while (i < n) {
                    char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    problems.push_back({fileName, quoteLine, 0, Severity::error,
                                        texts("problem.csv.unclosed_quote")});
                }
                anyContent = true;
                // Anything between the closing quote and the delimiter is tolerated but reported.
                size_t junkStart = i;
                while (i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r') ++i;
                if (i > junkStart) {
                    problems.push_back({fileName, line, 0, Severity::error,
                                        texts.format("problem.csv.after_quote", {{"text", printable(text.substr(junkStart, i - junkStart))}})});
                    field.append(text.substr(junkStart, i - junkStart));
                }
            } else {
                while (i < n && text[i] != delim && text[i] != '\n' && text[i] != '\r') field += text[i++];
                if (!field.empty()) anyContent = true;
            }
            rec.fields.push_back(field);
            if (i >= n) {
                recordDone = true;
            } else if (text[i] == delim) {
                ++i;  // a row of only delimiters (Excel's formatted empty rows) stays blank
            } else {
                // Line break: CRLF, LF or lone CR.
                if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
                ++i;
                ++line;
                recordDone = true;
            }
        }
        if (anyContent) table.records.push_back(std::move(rec));
    }
    return table;
}

std::string csvField(std::string_view v, char delimiter) {
    bool needs = false;
    for (char c : v)
        if (c == delimiter || c == '"' || c == '\n' || c == '\r') needs = true;
    if (!needs) return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace kiosk
