// roster_sync.h: the config folder's participants.csv flows into the database whenever its content
// changes (and only then, so a roster imported by hand with `import-roster` is not overwritten by
// an unchanged config file). The content's hash is kept in the database's meta table.
#pragma once

#include <string>
#include <vector>

#include "attendance_db.h"

namespace kiosk {


std::string contentHash(std::string_view content);  // FNV-1a 64, hex

// Imports `roster` when `csvContent`'s hash differs from the last config import. `imported` tells
// whether it ran.
// An empty roster is never synced: it would take every participant off the kiosk. Validation
// (roster.h) already refuses such a file with its line; this is the store's own guard, for any
// caller. Only `import-roster --allow-empty` (a staff member, explicitly) can empty the roster.
// A code that is a known code without its leading zeros ("7" for "0007", Excel) is imported in the
// stored form (core/code_resolver.h): one person, one history; `result.codesRestored` lists them.
StoreStatus syncConfigRoster(AttendanceDb& db, const std::vector<Participant>& roster, std::string_view csvContent,
                             Instant now, bool& imported, RosterImportResult& result);

}  // namespace kiosk
