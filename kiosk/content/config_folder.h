// config_folder.h: the config folder (or the embedded default), read at start and watched while
// the kiosk runs; shared by the kiosk and every command of the command line.
//
// Watching is a stat of each file every 2 s (modification time and size: a file copied in with
// an older time, or removed, still changes the signature); only a changed signature reads and
// validates the folder. A folder that cannot be read is tried again at the next poll.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "content/config_loader.h"
#include "core/text_catalogue.h"
#include "core/roster.h"

namespace kiosk {

// The embedded default config folder.
ConfigFiles embeddedConfig();
// Texts from the embedded catalogues (nl and en), in `lang`.
Texts loadEmbeddedTexts(Lang lang);

// Reads `dir` (empty: the embedded config), and sets `texts` to kiosk.toml's language unless
// `langChosen`. Problems reading the files go to `problems`.
ConfigFiles readConfig(const std::filesystem::path& dir, Texts& texts, bool langChosen, Problems& problems);

// The config's roster as the store takes it (store/store_opening.h): its rows and the file's
// text; nothing when the folder has no roster or it did not validate. The rows point into `files`.
std::optional<RosterInput> rosterInput(const ConfigFiles& files, const LoadedConfig& config);

class ConfigWatcher {
public:
    static constexpr int64_t kPollMs = 2000;

    ConfigWatcher(std::filesystem::path dir, bool watch, Instant now);
    // Milliseconds until the folder should be looked at again (INT64_MAX: not watched).
    int64_t msUntilPoll(Instant now) const;
    // The folder's files when they changed since the last poll and could be read; else nothing.
    // A folder that changed but could not be read (a FIFO, a file too large) says why in
    // `problems` and is read again at the next poll.
    std::optional<ConfigFiles> poll(Instant now, Texts& texts, Problems& problems);

private:
    std::string stamp() const;

    std::filesystem::path dir_;
    bool watch_;
    std::string stamp_;
    Instant lastPoll_;
};

}  // namespace kiosk
