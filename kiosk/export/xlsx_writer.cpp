#include "xlsx_writer.h"

#include <charconv>

#include <xlsxwriter.h>

#include "core/text_checks.h"

namespace kiosk {
namespace {

bool wholeNumber(const std::string& s, double& out) {
    long long v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || s.empty()) return false;
    out = static_cast<double>(v);
    return true;
}

}  // namespace

std::string writeXlsxFile(const ExportTable& table, const std::filesystem::path& file, std::time_t created) {
    // Rows go to disk as they are written (constant memory), through a temporary folder beside the
    // output, not /tmp (which may be memory on the kiosk).
    std::string tmpdir = file.has_parent_path() ? file.parent_path().string() : std::string(".");
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir.data();
    lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
    if (!wb) return file.string() + ": kan het werkboek niet maken / cannot create the workbook";

    lxw_doc_properties props{};
    std::string title = table.title, app = "Leergang Kiosk";
    props.title = title.data();
    props.author = app.data();
    props.created = created;
    workbook_set_properties(wb, &props);

    lxw_worksheet* ws = workbook_add_worksheet(wb, table.sheetName.empty() ? nullptr : table.sheetName.c_str());
    lxw_format* titleFmt = workbook_add_format(wb);
    format_set_bold(titleFmt);
    format_set_font_size(titleFmt, 14);
    lxw_format* headFmt = workbook_add_format(wb);
    format_set_bold(headFmt);
    format_set_bottom(headFmt, LXW_BORDER_THIN);
    format_set_bg_color(headFmt, 0xE8EEF4);
    lxw_format* textFmt = workbook_add_format(wb);
    format_set_num_format(textFmt, "@");  // text: typing into it later does not start a formula either

    const auto cols = static_cast<lxw_col_t>(table.header.size());
    for (lxw_col_t c = 0; c < cols; ++c) {
        const double w = c < table.widths.size() ? table.widths[c] : 14.0;
        const bool numeric = c < table.numeric.size() && table.numeric[c];
        worksheet_set_column(ws, c, c, w, numeric ? nullptr : textFmt);
    }
    lxw_error err = LXW_NO_ERROR;
    auto check = [&err](lxw_error e) {
        if (e != LXW_NO_ERROR && err == LXW_NO_ERROR) err = e;
    };
    lxw_row_t row = 0;
    if (!table.title.empty()) {
        check(worksheet_write_string(ws, row, 0, validText(table.title).c_str(), titleFmt));
        row += 2;
    }
    const lxw_row_t headerRow = row;
    for (lxw_col_t c = 0; c < cols; ++c) check(worksheet_write_string(ws, row, c, validText(table.header[c]).c_str(), headFmt));
    ++row;
    for (const auto& r : table.rows) {
        for (lxw_col_t c = 0; c < cols && c < r.size(); ++c) {
            double v = 0;
            if (c < table.numeric.size() && table.numeric[c] && wholeNumber(r[c], v))
                check(worksheet_write_number(ws, row, c, v, nullptr));
            else if (!r[c].empty())
                check(worksheet_write_string(ws, row, c, validText(r[c]).c_str(), textFmt));
        }
        ++row;
    }
    worksheet_freeze_panes(ws, headerRow + 1, 0);
    if (cols > 0) check(worksheet_autofilter(ws, headerRow, 0, row > headerRow + 1 ? row - 1 : headerRow, cols - 1));
    const lxw_error closed = workbook_close(wb);
    if (err != LXW_NO_ERROR) return file.string() + ": " + lxw_strerror(err);
    if (closed != LXW_NO_ERROR) return file.string() + ": " + lxw_strerror(closed);
    return {};
}

}  // namespace kiosk
