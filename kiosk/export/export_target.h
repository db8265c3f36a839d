// export_target.h: where an export goes. A USB stick that staff put in wins (desktop automounters
// mount it under /media/<user>/<label> or /run/media/<user>/<label>); without one, the configured
// export folder. The screen and the command line say exactly which.
//
// Contract (issue 31, item 8: the right stick):
//   1. A removable volume is named by its filesystem label (udev's /dev/disk/by-label link to its
//      device), not by the kernel's name ("sda1"); without a label, by its mount folder's name.
//      Its size is shown beside it, so two sticks of one brand are told apart.
//   2. With one writable removable volume, that is the target. With more than one, staff choose on
//      the screen (the first one is not taken for them: a stick a participant plants could be it);
//      the command line takes the first and prints where it wrote.
//   3. On a removable target no symlink is followed: a file there is written only as a regular
//      file (store/atomic_file.h, followLinks = false); a symlink in its place is refused.
#pragma once

#include <cstdint>
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
    uint64_t bytes = 0;      // the drive's size (0: unknown)
};

struct RemovableMount {
    std::filesystem::path mount;  // "/media/staff/KINGSTON USB"
    std::string device;           // "/dev/sdb1"
};

// Mount points under /media/ or /run/media/ in /proc/self/mounts text (octal escapes such as
// \040 for a space undone), with their devices, in the order listed.
std::vector<RemovableMount> removableMounts(std::string_view procMounts);

// The label of `device` from a folder of udev label links (/dev/disk/by-label: "KINGSTON\x20USB"
// -> ../../sdb1, \xNN escapes undone), or "" when none points at it.
std::string volumeLabel(const std::filesystem::path& byLabelDir, const std::filesystem::path& device);

// "16 GB" / "512 MB": a drive's size as its box says it (decimal units).
std::string driveSize(uint64_t bytes);

// How the machine is asked (injected in tests): may we write there, its label, its size.
struct VolumeProbe {
    std::function<bool(const std::filesystem::path&)> writable;
    std::function<std::string(const RemovableMount&)> label;  // "" falls back to the folder's name
    std::function<uint64_t(const std::filesystem::path&)> size;
};

// Every writable removable volume, in mount order (rule 1).
std::vector<ExportTarget> removableTargets(const std::vector<RemovableMount>& mounts, const VolumeProbe& probe);

// The first writable removable volume, else `fallback` (the command line's choice, rule 2).
ExportTarget chooseExportTarget(const std::vector<ExportTarget>& removable, const std::filesystem::path& fallback);

// The kiosk's choice (rule 2): the drive whose folder is `chosen` if it is among `drives`; else the
// only drive; else, with several, a target with an empty folder (staff must choose); with none,
// `fallback`.
ExportTarget pickExportTarget(const std::vector<ExportTarget>& drives, const std::string& chosen,
                              const std::filesystem::path& fallback);

// On this machine: /proc/self/mounts, /dev/disk/by-label, access(W_OK) and statvfs.
std::vector<ExportTarget> currentRemovableTargets();
ExportTarget currentExportTarget(const std::filesystem::path& fallback);

}  // namespace kiosk
