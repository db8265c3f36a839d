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
