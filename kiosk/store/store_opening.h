// store_opening.h: the one routine that opens the attendance store with the roster in sync, shared
// by the kiosk (session/kiosk_session_start.cpp) and every command of the command line
// (cli/commands.cpp). It takes the roster as rows and its file text, not the config's types, so
// that the store stays below the content floor.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/roster.h"
#include "core/text_catalogue.h"
#include "store/attendance_db.h"

namespace kiosk {

// Opens the database at `dbPath` (quarantining a damaged file, said in `messages`), with retention
// `retentionDays`, and imports `roster` when it is given and changed since the last import.
// Returns the store's status; a roster that could not be imported is said in `messages` and
// `rosterFailed`.
StoreStatus openStoreWithRoster(AttendanceDb& db, const std::filesystem::path& dbPath, int retentionDays,
                                const std::optional<RosterInput>& roster, Instant now, const Texts& texts,
                                std::vector<std::string>& messages, bool& rosterFailed);

}  // namespace kiosk
