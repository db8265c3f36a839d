// central_recovery.h: a server that lost events gets them back (central_sync.h, rule 5). Run at the
// start of every push, before this kiosk's new events could hide what the server lacks.
#pragma once

#include <cstdint>
#include <string>

#include "core/text_catalogue.h"

namespace kiosk {

class PgConnection;
class CentralOutbox;

struct RecoveryReport {
    bool ok = false;
    bool storeFailed = false;
    int64_t ownLost = 0;     // this kiosk's own events the server lacked: back in the outbox
    int64_t othersLost = 0;  // other kiosks' events the server lacked, re-offered by this kiosk and stored
    int64_t othersRefused = 0;  // of those, refused by the server's confinement (a cohort no longer served)
    int64_t ownServerTop = 0, ownAcked = 0;  // the comparison that found it (this database's series)
    std::string cutoff;      // the central record's retention cut-off ("YYYY-MM-DD"; "" = none yet)
    std::string error;
    int64_t lost() const { return ownLost + othersLost; }
};

// The log line for outbox rows dropped as older than the central cut-off (sync.dropped_old), the
// day written the Dutch way ("donderdag 26 november 2026").
std::string droppedOldLine(int64_t n, const std::string& cutoff, const Texts& tx);

// `nowMs`: this kiosk's clock, for the note of the last recovery (CentralOutbox::noteRecovery).
RecoveryReport recoverLost(PgConnection& central, CentralOutbox& outbox, const std::string& kioskId, int64_t nowMs);

}  // namespace kiosk
