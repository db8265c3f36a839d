// atomic_file.h: write a whole file or nothing. Temporary file beside the target, fsync, rename,
// fsync of the folder: a USB stick pulled too early never holds a half file that looks whole.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

// Returns "" on success, else what went wrong in plain words (the OS's message).
std::string writeFileAtomically(const std::filesystem::path& target, std::string_view content);

// For a file written by someone else (a library): `partial` was written beside `target`; it is
// fsynced, renamed over `target` and the folder fsynced. On failure `partial` is removed.
std::string commitFileAtomically(const std::filesystem::path& partial, const std::filesystem::path& target);
// Where to write a file that commitFileAtomically will move to `target` (hidden, same folder).
std::filesystem::path partialPathFor(const std::filesystem::path& target);

// A folder of files, whole or not at all (the certificates): written under a hidden name beside
// `target`, flushed with one syncfs (one flush for all instead of an fsync per file), renamed into
// place; a folder already at `target` is replaced. Files are (name, content). Returns "" or the error.
std::string writeFolderAtomically(const std::filesystem::path& target,
                                  const std::vector<std::pair<std::string, std::string_view>>& files);

// The whole file, byte for byte; nullopt when it cannot be read.
std::optional<std::string> readWholeFile(const std::filesystem::path& file);

}  // namespace kiosk
