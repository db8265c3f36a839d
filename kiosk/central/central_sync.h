// central_sync.h: one push and one pull between a kiosk's SQLite outbox and the central record
// (issue 17). What `leergang-kiosk sync` runs; the background sync thread is not built yet.
//
// MERGE RULES (so far)
//   - An event is identified by its id everywhere. The server stores it once (INSERT ... ON
//     CONFLICT (id) DO NOTHING), a kiosk stores it once (ON CONFLICT(id) DO NOTHING locally): every
//     retry, on either side, is harmless. A day's record is then the store's fold over the set of
//     events, as for events from another local writer; which kiosk sent what first does not matter.
//   - Push: the oldest outbox rows first, `batch` at a time, each batch in one server transaction
//     that also stamps this kiosk's last_seen and clock offset. The outbox rows are cleared only
//     after that transaction committed (central_outbox.h, contract 2). Because a batch always holds
//     the oldest rows still waiting, a kiosk's events become visible on the server in the order of
//     its local sequence numbers.
//   - Pull: per other kiosk (origin), the events with origin_seq above this kiosk's high-water mark
//     for that origin, in origin_seq order; thanks to the ordered push there are no gaps below a
//     visible event, so the mark never skips one. Not by a server serial, whose commit order can.
//   - Own events are never pulled back; pulled events are never pushed (the trigger skips them).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace kiosk {

class PgConnection;
class CentralOutbox;
class Clock;

struct PushReport {
    bool ok = false;
    bool storeFailed = false;  // the local database failed (not the server)
    int64_t sent = 0;          // events sent and committed
    int64_t newOnServer = 0;   // of which the server did not have yet
    std::string error;
};

struct PullReport {
    bool ok = false;
    bool storeFailed = false;
    int64_t received = 0;                 // events read from the server
    int64_t inserted = 0;                 // of which new on this kiosk
    std::map<std::string, int64_t> perOrigin;  // origin kiosk -> inserted
    std::string error;
};

// `clock`: this kiosk's clock, read at the moment of each server transaction, so that the offset
// stored in the kiosk row (its clock minus the server's) is not skewed by a long push. The kiosk row's
// last_seen and clock offset are stamped also when there is nothing to send.
PushReport pushOutbox(PgConnection& central, CentralOutbox& outbox, const std::string& kioskId, const Clock& clock,
                      int batch = 1000);
PullReport pullOtherKiosks(PgConnection& central, CentralOutbox& outbox, const std::string& kioskId, int64_t nowMs,
                           int batch = 5000);

}  // namespace kiosk
