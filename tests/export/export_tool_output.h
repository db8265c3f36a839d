// export_tool_output.h: what the export tests read back with the tools a person would use on the files:
// a command's standard output (unzip -p, pdftotext, pdfinfo), a PDF's text (one page, or all of it),
// its page count. Shared by the export test files (tests/export).
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace kiosk::test {

// The standard output of `command` run by the shell; empty when it cannot start.
inline std::string run(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(command.c_str(), "r"), pclose);
    if (!p) return out;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p.get())) > 0) out.append(buf.data(), n);
    return out;
}

// The text of page `page` (from 1) of a PDF as pdftotext reads it, UTF-8; page 0: every page.
inline std::string pdfText(const std::filesystem::path& f, int page = 0) {
    const std::string range = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return run("pdftotext -enc UTF-8" + range + " '" + f.string() + "' -");
}

// The number of pages pdfinfo reports; -1 when it reports none.
inline int pdfPages(const std::filesystem::path& f) {
    const std::string info = run("pdfinfo '" + f.string() + "'");
    const size_t at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

inline bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

}  // namespace kiosk::test
