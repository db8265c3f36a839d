#include "export_target.h"

#include <unistd.h>

#include "store/atomic_file.h"

namespace kiosk {
namespace {

std::string unescapeMountField(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && s.size() - i >= 4 && s[i + 1] >= '0' && s[i + 1] <= '3' &&
            s[i + 2] >= '0' && s[i + 2] <= '7' && s[i + 3] >= '0' && s[i + 3] <= '7')
        {
            out += static_cast<char>((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
            i += 3;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

std::vector<std::filesystem::path> removableMounts(std::string_view text) {
    std::vector<std::filesystem::path> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        // device mountpoint fstype options dump pass
        const size_t a = line.find(' ');
        if (a == std::string_view::npos) continue;
        const size_t b = line.find(' ', a + 1);
        const std::string mount = unescapeMountField(line.substr(a + 1, b == std::string_view::npos ? line.npos : b - a - 1));
        for (std::string_view prefix : {"/media/", "/run/media/"})
            if (mount.size() > prefix.size() && mount.compare(0, prefix.size(), prefix) == 0) out.emplace_back(mount);
    }
    return out;
}

ExportTarget chooseExportTarget(const std::vector<std::filesystem::path>& mounts, const std::filesystem::path& fallback,
                                const std::function<bool(const std::filesystem::path&)>& writable) {
    for (const auto& m : mounts)
        if (writable(m)) return {m, true, m.filename().string()};
    return {fallback, false, {}};
}

ExportTarget currentExportTarget(const std::filesystem::path& fallback) {
    const auto text = readWholeFile("/proc/self/mounts");
    return chooseExportTarget(text ? removableMounts(*text) : std::vector<std::filesystem::path>{}, fallback,
                              [](const std::filesystem::path& p) { return ::access(p.c_str(), W_OK) == 0; });
}

}  // namespace kiosk
