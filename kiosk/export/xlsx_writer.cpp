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

struct Formats {
    lxw_format *title = nullptr, *head = nullptr, *text = nullptr;
};

// One worksheet: the sheet's title above the header, its rows of `table` beneath.
lxw_error writeSheet(lxw_workbook* wb, const Formats& f, const ExportTable& table, const ExportSheet& sheet) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.empty() ? nullptr : sheet.name.c_str());
    if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;
    const auto cols = static_cast<lxw_col_t>(table.header.size());
    for (lxw_col_t c = 0; c < cols; ++c) {
        const double w = c < table.widths.size() ? table.widths[c] : 14.0;
        const bool numeric = c < table.numeric.size() && table.numeric[c];
        worksheet_set_column(ws, c, c, w, numeric ? nullptr : f.text);
    }
    lxw_error err = LXW_NO_ERROR;
    auto check = [&err](lxw_error e) {
        if (e != LXW_NO_ERROR && err == LXW_NO_ERROR) err = e;
    };
    lxw_row_t row = 0;
    if (!sheet.title.empty()) {
        check(worksheet_write_string(ws, row, 0, validText(sheet.title).c_str(), f.title));
        row += 2;
    }
    const lxw_row_t headerRow = row;
    for (lxw_col_t c = 0; c < cols; ++c) check(worksheet_write_string(ws, row, c, validText(table.header[c]).c_str(), f.head));
    ++row;
    for (size_t i = sheet.firstRow; i < sheet.firstRow + sheet.rowCount && i < table.rows.size(); ++i) {
        const auto& r = table.rows[i];
        for (lxw_col_t c = 0; c < cols && c < r.size(); ++c) {
            double v = 0;
            if (c < table.numeric.size() && table.numeric[c] && wholeNumber(r[c], v))
                check(worksheet_write_number(ws, row, c, v, nullptr));
            else if (!r[c].empty())
                check(worksheet_write_string(ws, row, c, validText(r[c]).c_str(), f.text));
        }
        ++row;
    }
    worksheet_freeze_panes(ws, headerRow + 1, 0);
    if (cols > 0) check(worksheet_autofilter(ws, headerRow, 0, row > headerRow + 1 ? row - 1 : headerRow, cols - 1));
    return err;
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

    Formats f;
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.head = workbook_add_format(wb);
    format_set_bold(f.head);
    format_set_bottom(f.head, LXW_BORDER_THIN);
    format_set_bg_color(f.head, 0xE8EEF4);
    f.text = workbook_add_format(wb);
    format_set_num_format(f.text, "@");  // text: typing into it later does not start a formula either

    lxw_error err = LXW_NO_ERROR;
    if (table.sheets.empty()) {
        err = writeSheet(wb, f, table, {table.sheetName, table.title, 0, table.rows.size()});
    } else {
        for (const auto& sheet : table.sheets)
            if (const lxw_error e = writeSheet(wb, f, table, sheet); e != LXW_NO_ERROR && err == LXW_NO_ERROR) err = e;
    }
    const lxw_error closed = workbook_close(wb);
    if (err != LXW_NO_ERROR) return file.string() + ": " + lxw_strerror(err);
    if (closed != LXW_NO_ERROR) return file.string() + ": " + lxw_strerror(closed);
    return {};
}

}  // namespace kiosk
