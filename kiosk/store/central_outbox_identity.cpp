// central_outbox_identity.cpp: which kiosk id this database's own series is written under
// (central/central_sync.h, rule 13), CentralOutbox::adoptKioskId.
//
// CONTRACT
//   1. meta central_kiosk_id holds the id this database last pushed under. Unset (a database that
//      never pushed, or pushed before this rule existed): when the server holds this database's
//      current series under the configured id (`seriesOnServer`, asked by the caller), that id;
//      else the kiosk id of the newest own event the server acknowledged (a database of the
//      version before, renamed since: rule 2); with neither the configured id is taken as it is,
//      and nothing moves. (Before central schema 6 the server took any kiosk_id, so an event's
//      kiosk_id alone can name an id the box never pushed under: the server is asked first.)
//   2. A configured id other than the one held (a copied box given its own id, README "Als er iets
//      misgaat") is adopted in ONE transaction: this database's own events up to the acknowledged
//      mark (the server has them, under the old id's series) become pulled events of that series
//      (central_pulled: old id, the current epoch, their local number), so that a server that later
//      loses them gets them re-offered (rule 5) and they are never sent as the new id's; the events
//      still in the outbox stay there and go up as the new id's (rule 13); a new epoch starts, so
//      the new id's series and its acknowledged mark begin empty; "OLD-ID:OLD-EPOCH" is added to
//      meta central_former_ids (one a line, never removed), which every push tells the server
//      again (idempotent), so that a second change before the first was told, or a server restored
//      from a dump made before it heard, still learns each.
//   3. Nothing is deleted and no event changes: only central_pulled, central_outbox's meaning and
//      meta move.
#include <cstdlib>
#include <sqlite3.h>

#include "central_outbox.h"
#include "meta_keys.h"
#include "sqlite_statement.h"
#include "sync_step.h"

namespace kiosk {

using store_detail::execSql;
using store_detail::Statement;
using store_detail::statusOf;

StoreStatus CentralOutbox::lastAcknowledgedId(std::string& id, bool& found) {
    id.clear();
    found = false;
    int64_t acked = 0;
    if (auto s = ackedMark(acked); !s.ok() || acked == 0) return s;
    Statement st(db_, "SELECT e.kiosk_id FROM attendance_event e WHERE e.seq <= ?"
                      " AND NOT EXISTS (SELECT 1 FROM central_pulled p WHERE p.event_id = e.id)"
                      " AND NOT EXISTS (SELECT 1 FROM central_outbox o WHERE o.seq = e.seq) ORDER BY e.seq DESC LIMIT 1");
    if (st.prepareRc() != SQLITE_OK) return statusOf(db_, st.prepareRc());
    st.bind(1, acked);
    const int rc = st.step();
    if (rc == SQLITE_ROW) {
        id = st.text(0);
        found = !id.empty();
    }
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? StoreStatus{} : statusOf(db_, rc);
}

StoreStatus CentralOutbox::adoptKioskId(const std::string& kioskId, bool seriesOnServer, KioskIdChange& out) {
    out = {};
    std::string held;
    bool found = false;
    syncStep("outbox.adopt.begin");
    if (auto s = execSql(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
    auto fail = [&](StoreStatus s) {
        execSql(db_, "ROLLBACK");
        out = {};
        return s;
    };
    if (auto s = syncMeta(meta_keys::kCentralKioskId, held, found); !s.ok()) return fail(s);
    const bool recorded = found;
    if (!found && seriesOnServer) {
        held = kioskId;
        found = true;
    }
    if (!found)
        if (auto s = lastAcknowledgedId(held, found); !s.ok()) return fail(s);
    if (found && !held.empty() && held != kioskId) {
        int64_t oldEpoch = 0, acked = 0, fresh = 0;
        if (auto s = epoch(oldEpoch); !s.ok()) return fail(s);
        if (auto s = ackedMark(acked); !s.ok()) return fail(s);
        Statement move(db_, "INSERT OR IGNORE INTO central_pulled (event_id, origin_kiosk, origin_epoch, origin_seq)"
                            " SELECT e.id, ?, ?, e.seq FROM attendance_event e WHERE e.seq <= ?"
                            " AND NOT EXISTS (SELECT 1 FROM central_pulled p WHERE p.event_id = e.id)"
                            " AND NOT EXISTS (SELECT 1 FROM central_outbox o WHERE o.seq = e.seq)");
        if (move.prepareRc() != SQLITE_OK) return fail(statusOf(db_, move.prepareRc()));
        move.bind(1, held);
        move.bind(2, oldEpoch);
        move.bind(3, acked);
        if (const int rc = move.step(); rc != SQLITE_DONE) return fail(statusOf(db_, rc));
        out.movedToOldSeries = sqlite3_changes(db_);
        if (auto s = startNewEpoch(fresh); !s.ok()) return fail(s);
        std::string former;
        bool any = false;
        if (auto s = syncMeta(meta_keys::kCentralFormerIds, former, any); !s.ok()) return fail(s);
        former += (former.empty() ? "" : "\n") + held + ":" + std::to_string(oldEpoch);
        if (auto s = setSyncMeta(meta_keys::kCentralFormerIds, former); !s.ok()) return fail(s);
        out.renamed = true;
        out.oldId = held;
        out.oldEpoch = oldEpoch;
    }
    if (!recorded || held != kioskId)
        if (auto s = setSyncMeta(meta_keys::kCentralKioskId, kioskId); !s.ok()) return fail(s);
    syncStep("outbox.adopt.commit");
    if (auto s = execSql(db_, "COMMIT"); !s.ok()) return fail(s);
    return {};
}

StoreStatus CentralOutbox::formerIds(std::vector<std::pair<std::string, int64_t>>& out) {
    out.clear();
    std::string v;
    bool found = false;
    if (auto s = syncMeta(meta_keys::kCentralFormerIds, v, found); !s.ok() || !found) return s;
    size_t at = 0;
    while (at < v.size()) {
        size_t end = v.find('\n', at);
        if (end == std::string::npos) end = v.size();
        const std::string line = v.substr(at, end - at);
        const size_t colon = line.rfind(':');
        if (colon == std::string::npos || colon == 0)
            return {StoreErrorKind::damaged, "meta central_former_ids: '" + line + "'"};
        out.emplace_back(line.substr(0, colon), std::strtoll(line.c_str() + colon + 1, nullptr, 10));
        at = end + 1;
    }
    return {};
}

}  // namespace kiosk
