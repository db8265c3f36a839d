#include "export_target.h"

#include <sys/statvfs.h>
#include <unistd.h>

#include <cctype>

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

std::vector<RemovableMount> removableMounts(std::string_view text) {
    std::vector<RemovableMount> out;
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
            if (mount.size() > prefix.size() && mount.compare(0, prefix.size(), prefix) == 0)
                out.push_back({mount, unescapeMountField(line.substr(0, a))});
    }
    return out;
}

std::string volumeLabel(const std::filesystem::path& byLabelDir, const std::filesystem::path& device) {
    std::error_code ec;
    const auto want = std::filesystem::canonical(device, ec);
    if (ec) return {};
    for (const auto& entry : std::filesystem::directory_iterator(byLabelDir, ec)) {
        std::error_code ec2;
        if (std::filesystem::canonical(entry.path(), ec2) != want || ec2) continue;
        const std::string raw = entry.path().filename().string();
        std::string label;  // udev writes a space as \x20, any byte as \xNN
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\' && i + 3 < raw.size() && raw[i + 1] == 'x' && std::isxdigit(static_cast<unsigned char>(raw[i + 2])) &&
                std::isxdigit(static_cast<unsigned char>(raw[i + 3]))) {
                label += static_cast<char>(std::stoi(raw.substr(i + 2, 2), nullptr, 16));
                i += 3;
            } else {
                label += raw[i];
            }
        }
        return label;
    }
    return {};
}

std::string driveSize(uint64_t bytes) {
    const uint64_t gb = 1000ull * 1000 * 1000, mb = 1000ull * 1000;
    if (bytes >= gb) return std::to_string((bytes + gb / 2) / gb) + " GB";
    return std::to_string((bytes + mb / 2) / mb) + " MB";
}

std::vector<ExportTarget> removableTargets(const std::vector<RemovableMount>& mounts, const VolumeProbe& probe) {
    std::vector<ExportTarget> out;
    for (const auto& m : mounts) {
        if (!probe.writable(m.mount)) continue;
        std::string label = probe.label ? probe.label(m) : std::string{};
        if (label.empty()) label = m.mount.filename().string();
        out.push_back({m.mount, true, label, probe.size ? probe.size(m.mount) : 0});
    }
    return out;
}

ExportTarget chooseExportTarget(const std::vector<ExportTarget>& removable, const std::filesystem::path& fallback) {
    if (!removable.empty()) return removable.front();
    return {fallback, false, {}, 0};
}

ExportTarget pickExportTarget(const std::vector<ExportTarget>& drives, const std::string& chosen,
                              const std::filesystem::path& fallback) {
    for (const auto& d : drives)
        if (!chosen.empty() && d.folder == chosen) return d;
    if (drives.size() == 1) return drives.front();
    if (drives.size() > 1) return {{}, true, {}, 0};
    return {fallback, false, {}, 0};
}

std::vector<ExportTarget> currentRemovableTargets() {
    const auto text = readWholeFile("/proc/self/mounts");
    VolumeProbe probe;
    probe.writable = [](const std::filesystem::path& p) { return ::access(p.c_str(), W_OK) == 0; };
    probe.label = [](const RemovableMount& m) { return volumeLabel("/dev/disk/by-label", m.device); };
    probe.size = [](const std::filesystem::path& p) -> uint64_t {
        struct statvfs fs{};
        return ::statvfs(p.c_str(), &fs) == 0 ? static_cast<uint64_t>(fs.f_blocks) * fs.f_frsize : 0;
    };
    return removableTargets(text ? removableMounts(*text) : std::vector<RemovableMount>{}, probe);
}

ExportTarget currentExportTarget(const std::filesystem::path& fallback) {
    return chooseExportTarget(currentRemovableTargets(), fallback);
}

}  // namespace kiosk
