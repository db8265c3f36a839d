#include "export_table.h"

#include "csv.h"
#include "text_checks.h"

namespace kiosk {

std::string neutraliseFormula(std::string_view cell) {
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' ||
                          cell[0] == '\r' || cell[0] == '\n'))
    {
        std::string out;
        out.reserve(cell.size() + 1);
        out += '\'';
        out += cell;
        return out;
    }
    return std::string(cell);
}

std::string sheetName(std::string_view name) {
    std::string out;
    size_t chars = 0;
    const std::string valid = validText(name);
    for (size_t i = 0; i < valid.size() && chars < 31; ++chars) {
        const unsigned char c = static_cast<unsigned char>(valid[i]);
        const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const bool forbidden = len == 1 && std::string_view("[]:*?/\\").find(valid[i]) != std::string_view::npos;
        out += forbidden || (len == 1 && c < 0x20) ? std::string("-") : valid.substr(i, len);
        i += len;
    }
    if (!out.empty() && out.front() == '\'') out.front() = '-';
    if (!out.empty() && out.back() == '\'') out.back() = '-';
    return out.empty() ? std::string("-") : out;
}

std::string tableCsv(const ExportTable& table, char delimiter) {
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](const std::vector<std::string>& cells) {
        for (size_t i = 0; i < cells.size(); ++i) {
            if (i) out += delimiter;
            out += csvField(neutraliseFormula(validText(cells[i])), delimiter);  // valid UTF-8, always
        }
        out += "\r\n";
    };
    line(table.header);
    for (const auto& r : table.rows) line(r);
    return out;
}

}  // namespace kiosk
