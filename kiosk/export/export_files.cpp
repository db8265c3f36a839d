#include "export_files.h"

#include <cctype>
#include <charconv>
#include <system_error>

#include "export/xlsx_writer.h"
#include "store/atomic_file.h"

namespace kiosk {

std::string presenceFileName(LocalDate day, ExportFormat f, bool blank) {
    return std::string("presentielijst-") + (blank ? "leeg-" : "") + day.iso() + "." + exportFormatExtension(f);
}

std::string matrixFileName(const std::string& cohortId, ExportFormat f) {
    std::string safe;
    for (char c : cohortId)
        safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '-';
    return "matrix" + (safe.empty() ? std::string{} : "-" + safe) + "." + exportFormatExtension(f);
}

std::string lastExportValue(Instant at, const std::string& path) { return std::to_string(at.ms) + " " + path; }

std::optional<LastExport> parseLastExport(const std::string& value) {
    const size_t space = value.find(' ');
    if (space == std::string::npos || space == 0) return std::nullopt;
    int64_t ms = 0;
    const auto [p, ec] = std::from_chars(value.data(), value.data() + space, ms);
    if (ec != std::errc{} || p != value.data() + space) return std::nullopt;
    return LastExport{{ms}, value.substr(space + 1)};
}

std::string writeExport(const ExportTable& table, ExportFormat format, char delimiter, const std::filesystem::path& target,
                        std::time_t created, const FileWriteOptions& options) {
    std::error_code ec;
    if (target.has_parent_path()) {
        std::filesystem::create_directories(target.parent_path(), ec);
        if (ec) return target.parent_path().string() + ": " + ec.message();
    }
    if (format == ExportFormat::csv) return writeFileAtomically(target, tableCsv(table, delimiter), options);
    if (format == ExportFormat::pdf) return "PDF: built by pdf_exports.h, not from a table";
    std::string error;
    const auto made = createPartialFile(target, error, options);  // unique per writer (atomic_file.h)
    if (!made) return error;
    const std::filesystem::path& partial = *made;
    if (std::string err = writeXlsxFile(table, partial, created); !err.empty()) {
        std::filesystem::remove(partial, ec);
        return err;
    }
    return commitFileAtomically(partial, target, options);
}

}  // namespace kiosk
