// atomic_file.h: write a whole file or nothing. Temporary file beside the target, fsync, rename,
// fsync of the folder: a USB stick pulled too early never holds a half file that looks whole.
//
// CONTRACT
//   1. Only a regular file is ever replaced. The target's symlinks are followed and the file they
//      name is written (the link stays a link), unless the writer says not to (a backup): then a
//      symlink is refused like the rest; a target that is a device, a FIFO, a folder or a socket is
//      refused and left as it was, so running as root can never turn /dev/sda into a regular file.
//   2. Every writer gets its own temporary name (mkstemp beside the target), so two writers of one
//      file never share a temporary; the rename is atomic, so the file left is always one writer's
//      whole content.
//   3. A file that is replaced keeps its mode, owner and group (kiosk.toml at 0600 stays 0600); if
//      the owner cannot be kept (not root), the write is refused rather than widened. A new file
//      gets the writer's new-file mode (0640) narrowed by the process's umask, as open(2) would; a
//      writer may ask for its mode always (a backup: 0600, also over an older, more open file).
//      Where the file system cannot store a mode (FAT on a USB stick), what it gives is accepted
//      unless it is more open than the file replaced.
//   4. Every failing call (write, fsync, close, rename, chown) is reported; nothing is reported as
//      written that is not.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk {

// How a file is written (contract rules 1 and 3); the defaults are an export's.
struct FileWriteOptions {
    mode_t newMode = 0640;     // a new file's mode, narrowed by the umask
    bool forceMode = false;    // true: newMode (not narrowed) also for a file replaced
    bool followLinks = true;   // false: a symlink at the target is refused and left as it is
};
inline constexpr FileWriteOptions kPrivateFile{0600, true, false};  // a backup: the owner's alone

// An SQLite database holds every name and event (issue 31, item 7): never readable by others,
// whatever the umask of whoever opens it first (a shell's 022 made it 0644; the unit's UMask=0027
// gives 0640). Called before SQLite opens `database`: a new file is made 0640 narrowed by the umask
// (SQLite would make it 0644), and its -wal and -shm take its mode (SQLite's rule); one left open
// to others by an older version loses those bits, with its -wal and -shm. A file someone else owns
// is left as it is (chmod fails; the open goes on and says what it finds).
void closeDatabaseToOthers(const std::filesystem::path& database);

// Returns "" on success, else what went wrong in plain words (the OS's message).
std::string writeFileAtomically(const std::filesystem::path& target, std::string_view content,
                                const FileWriteOptions& options = {});

// For a file written by someone else (a library): reserve a unique, empty, hidden file beside
// `target` (its symlinks followed) with createPartialFile, let the library write it, then
// commitFileAtomically fsyncs it, renames it over the target and fsyncs the folder. On failure the
// partial file is removed. `error` is set when no partial file could be made.
std::optional<std::filesystem::path> createPartialFile(const std::filesystem::path& target, std::string& error,
                                                      const FileWriteOptions& options = {});
std::string commitFileAtomically(const std::filesystem::path& partial, const std::filesystem::path& target,
                                 const FileWriteOptions& options = {});

// The file a write to `target` replaces: symlinks followed (unless options say not to). Sets `error`
// (and returns nullopt) when that is not a regular file.
std::optional<std::filesystem::path> writableTarget(const std::filesystem::path& target, std::string& error,
                                                    const FileWriteOptions& options = {});

// The process's umask, read without changing it (/proc/self/status; 022 where that cannot be read).
mode_t currentUmask();

// A folder of files, whole or not at all (the certificates): written under a hidden name beside
// `target`, flushed with one syncfs (one flush for all instead of an fsync per file), renamed into
// place; a folder already at `target` is replaced. Files are (name, content). Returns "" or the error.
std::string writeFolderAtomically(const std::filesystem::path& target,
                                  const std::vector<std::pair<std::string, std::string_view>>& files);

// The whole file, byte for byte; nullopt when it cannot be read.
std::optional<std::string> readWholeFile(const std::filesystem::path& file);

}  // namespace kiosk
