// export_target.h: where an export goes. A USB stick that staff put in wins (desktop automounters
// mount it under /media/<user>/<label> or /run/media/<user>/<label>); without one, the configured
// export folder. The screen and the command line say exactly which.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct ExportTarget {
    std::filesystem::path folder;
    bool removable = false;  // a mounted removable drive
    std::string label;       // the drive's name ("KINGSTON"), for the screen
};

// Mount points under /media/ or /run/media/ in /proc/self/mounts text (octal escapes such as
// \040 for a space undone), in the order listed.
std::vector<std::filesystem::path> removableMounts(std::string_view procMounts);

// The first removable mount that `writable` accepts, else `fallback`.
ExportTarget chooseExportTarget(const std::vector<std::filesystem::path>& mounts, const std::filesystem::path& fallback,
                                const std::function<bool(const std::filesystem::path&)>& writable);

// The same on this machine: reads /proc/self/mounts and checks write access.
ExportTarget currentExportTarget(const std::filesystem::path& fallback);

}  // namespace kiosk
