// central_peer.h: what a kiosk checks of the central record besides the events (central_sync.h,
// rules 6 and 7): that it and the server speak the same schema version, that the server knows this
// kiosk for the role it logs in as, and whether another box syncs under the same kiosk id.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/text_catalogue.h"

namespace kiosk {

class PgConnection;

// Run on every kiosk session right after connecting (the sync thread, `sync`): no statement of a
// kiosk waits longer than this on the server or on a lock another session holds (sync_worker.h, 3).
constexpr const char* kStatementLimits = "SET statement_timeout = '10s'; SET lock_timeout = '3s'";

struct PeerCheck {
    enum class Verdict { ok, schemaOlder, schemaNewer, noKioskRow, failed };
    Verdict verdict = Verdict::failed;
    int serverVersion = 0;  // the server's schema version (0: older than a readable schema_version)
    std::string error;      // PostgreSQL's words when failed
    bool ok() const { return verdict == Verdict::ok; }
};

// Read only; one round trip each for the version and the kiosk row.
PeerCheck checkPeer(PgConnection& central, const std::string& kioskId);

// What staff read when !ok() (sync.schema_older, sync.schema_newer, sync.no_kiosk_row, or the
// server's words), in the kiosk's language. `role`: the login the kiosk connected as.
std::string describePeerCheck(const PeerCheck& p, const Texts& tx, const std::string& kioskId, const std::string& role);

// The name a box is known by on the server: its host name and the database's path.
std::string boxName(const std::filesystem::path& dbPath);

// Stamps this database (kiosk id, origin epoch) as in contact now (unless `readOnly`: `doctor`),
// then lists the other boxes of the same kiosk id that were in contact after this database first
// was (central_sync.h, rule 7). false with `error` when a statement failed.
bool stampDatabase(PgConnection& central, const std::string& kioskId, int64_t epoch, const std::string& box,
                   bool readOnly, std::vector<std::string>& otherBoxes, std::string& error);

}  // namespace kiosk
