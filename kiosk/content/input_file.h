// input_file.h: reading a file that a person put in place (a config file, a roster to import).
//
// CONTRACT
//   1. Regular files only. A FIFO, a device, a folder or a socket is refused at once, by stat()
//      before any open(), so nothing can block (a FIFO without a writer) or arm a device (a
//      watchdog) or stream for ever (/dev/zero). A symlink to a regular file is followed.
//   2. The file is opened O_NONBLOCK and checked again with fstat() on the open descriptor (it may
//      have been swapped between stat and open).
//   3. Each file has a size limit; a larger file is refused before it is read whole (at most
//      limit + 1 bytes are ever read).
//   4. Failures are values: what went wrong, in the kiosk's language, without the file name (the
//      caller puts the name in front: "FILE: message").
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "core/text_catalogue.h"

namespace kiosk {

// Limits per file kind (bytes). Generous for the real thing, small enough that a mistake is caught.
inline constexpr size_t kSettingsFileLimit = 64 * 1024;         // kiosk.toml
inline constexpr size_t kProgrammeFileLimit = 2 * 1024 * 1024;  // programme.toml, exercises.toml
inline constexpr size_t kRosterFileLimit = 4 * 1024 * 1024;     // participants.csv, an imported roster

enum class InputFault { none, missing, not_regular, too_large, unreadable };

struct InputFile {
    std::optional<std::string> content;  // set when read whole
    InputFault fault = InputFault::none;
    std::string message;                 // the fault in words (empty when read)
};

InputFile readInputFile(const std::filesystem::path& path, size_t limit, const Texts& texts);

}  // namespace kiosk
