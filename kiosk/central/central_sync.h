// central_sync.h: one push and one pull between a kiosk's SQLite outbox and the central record
// (issue 17). What `leergang-kiosk sync` runs.
//
// MERGE RULES
//   1. A day's record is a pure function of the SET of events, whatever order they arrive in and
//      whichever kiosk wrote them: every kiosk runs the same fold (core/attendance.h, foldPersonDay)
//      over what it holds, exactly as for events from another local writer. Two kiosks holding the
//      same set show the same day. Tested: tests/core/test_attendance_intervals.cpp, "three kiosks
//      receiving each other's events in any sync order ..." (any arrival order, every prefix
//      against the reference model), and tests/central/test_central_faults.cpp (the real thing).
//   2. Identity: an event is its id, everywhere. The server stores it once (INSERT ... ON CONFLICT
//      (id) DO NOTHING), a kiosk stores it once (ON CONFLICT(id) DO NOTHING locally): every retry,
//      on either side, is harmless. Events are never changed or deleted by sync (append-only on
//      both sides; retention is the only delete, central_setup --purge on the server).
//   3. What the fold makes of a set (core/attendance.h has the full rules):
//      - check-ins and check-outs from different kiosks are one timeline, ordered by the moment
//        they are about (at), ties by id; a check-in while already inside adds nothing, so one
//        person checking in at two kiosks while both were cut off is ONE interval that starts at
//        the earliest check-in; the last check-out counts.
//      - an undo names the event it reverses by id; it reverses it whichever kiosk made either
//        (an undo made on B of a check-in made on A, after B pulled it). An undo that arrives
//        before its target simply waits in the set: the target, once it arrives, counts as undone.
//      - staff corrections from any kiosk are events like the others; a later "absent" (by when it
//        was written, ties by id) sets aside everything written before it, on every kiosk alike.
//      - kiosk clocks: events carry their own moments; a kiosk's clock offset is recorded on the
//        server (kiosk.clock_offset_ms) and shown, never used to rewrite an event.
//   4. Push: the oldest outbox rows first, `batch` at a time, each batch in one server transaction
//      that also stamps this kiosk's last_seen and clock offset. The outbox rows are cleared only
//      after that transaction committed (central_outbox.h, contract 2). Because a batch always
//      holds the oldest rows still waiting, a kiosk's events become visible on the server in the
//      order of its local sequence numbers. A push killed at any point loses nothing (the rows are
//      still in the outbox) and doubles nothing (rule 2).
//   5. Pull: per origin series (rule 8: origin kiosk and its epoch), the events with origin_seq
//      above this kiosk's high-water mark for that series, in origin_seq order; thanks to the ordered push there are no gaps
//      below a visible event, so the mark never skips one. Not by a server serial, whose commit
//      order can. Each batch is stored in one SQLite transaction (event + central_pulled row
//      together, so the mark moves only with the events); the next batch is read from the server
//      while this one is stored (PgConnection::send/receive).
//   6. Own events of the current epoch are never pulled back; pulled events are never pushed (the
//      outbox trigger skips them): an event travels kiosk -> server -> other kiosks exactly once
//      each way.
//   7. Participants: a pulled event for a code the local roster lacks gets an inactive placeholder
//      (no event is refused); the roster itself travels separately, per cohort, by version
//      (central/central_roster.h), and the import fills in the name.
//   8. Origin epoch: a kiosk's events on the server are numbered (origin_kiosk, origin_epoch,
//      origin_seq), unique there (central schema v4). The epoch is the kiosk's meta central_epoch:
//      0 until `restore` puts an older copy of the database in place, which gives the copy a new
//      random epoch (cli/commands_store.cpp). The copy's local sequence numbers continue from where
//      the backup stood, numbers the server may already hold from this kiosk; under the new epoch
//      they are a new series, so the push is never refused for them and nothing keeps waiting. The
//      pull takes every series the server has except this kiosk's current one, so the kiosk's own
//      events of an earlier epoch that the backup lacked come back (its own events the backup does
//      hold are read once more and stored zero times: rule 2). High-water marks are per series.
//      The push is in local sequence order within one database, so within one series the ordered
//      visibility of rule 4 holds; an event the server already has under an earlier series is not
//      stored again (rule 2) and leaves a gap that is never filled later, which rule 5 allows.
//      An older copy put in place by hand (cp, a disk image) keeps its old epoch: the server then
//      refuses the push (unique origin_kiosk, origin_epoch, origin_seq: other events under the
//      same numbers), and the push starts a new epoch itself (stored in meta first, once per push)
//      and sends the batch again. A refused number is proof of a fork: one database line never
//      reuses a number, and a retry of the same event is its id (rule 2), never this refusal.
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
// Despite the name, also this kiosk's own events of its earlier epochs (rule 8); `perOrigin` then
// holds this kiosk's own id.
PullReport pullOtherKiosks(PgConnection& central, CentralOutbox& outbox, const std::string& kioskId, int64_t nowMs,
                           int batch = 5000);

}  // namespace kiosk
