// central_outbox_identity.cpp: which kiosk id this database's own series is written under
// (central/central_sync.h, rule 13), CentralOutbox::adoptKioskId.
//
// CONTRACT
//   1. meta central_kiosk_id holds the id this database last pushed under. Unset (a database that
//      never pushed, or pushed before this rule existed): the id of the newest own event the server
//      acknowledged stands for it (a database of the version before, renamed since: rule 2); with
//      no such event the configured id is taken as it is, and nothing moves.
//   2. A configured id other than the one held (a copied box given its own id, README "Als er iets
//      misgaat") is adopted in ONE transaction: this database's own events up to the acknowledged
//      mark (the server has them, under the old id's series) become pulled events of that series
//      (central_pulled: old id, the current epoch, their local number), so that a server that later
//      loses them gets them re-offered (rule 5) and they are never sent as the new id's; the events
//      still in the outbox stay there and go up as the new id's (rule 13); a new epoch starts, so
//      the new id's series and its acknowledged mark begin empty; meta central_renamed_from holds
//      "OLD-ID:OLD-EPOCH" until the server was told (markRenamedDone).
//   3. Nothing is deleted and no event changes: only central_pulled, central_outbox's meaning and
//      meta move.
#include <cstdlib>
#include <sqlite3.h>

#include "central_outbox.h"
#include "meta_keys.h"
#include "sqlite_statement.h"

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

StoreStatus CentralOutbox::adoptKioskId(const std::string& kioskId, KioskIdChange& out) {
    out = {};
    std::string held;
    bool found = false;
    if (auto s = execSql(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
    auto fail = [&](StoreStatus s) {
        execSql(db_, "ROLLBACK");
        out = {};
        return s;
    };
    if (auto s = syncMeta(meta_keys::kCentralKioskId, held, found); !s.ok()) return fail(s);
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
        if (auto s = setSyncMeta(meta_keys::kCentralRenamedFrom, held + ":" + std::to_string(oldEpoch)); !s.ok())
            return fail(s);
        out.renamed = true;
        out.oldId = held;
        out.oldEpoch = oldEpoch;
    }
    if (!found || held != kioskId)
        if (auto s = setSyncMeta(meta_keys::kCentralKioskId, kioskId); !s.ok()) return fail(s);
    if (auto s = execSql(db_, "COMMIT"); !s.ok()) return fail(s);
    return {};
}

StoreStatus CentralOutbox::renamedFrom(std::string& oldId, int64_t& oldEpoch) {
    oldId.clear();
    oldEpoch = 0;
    std::string v;
    bool found = false;
    if (auto s = syncMeta(meta_keys::kCentralRenamedFrom, v, found); !s.ok() || !found) return s;
    const size_t colon = v.rfind(':');
    if (colon == std::string::npos || colon == 0) return {StoreErrorKind::damaged, "meta central_renamed_from: '" + v + "'"};
    oldId = v.substr(0, colon);
    oldEpoch = std::strtoll(v.c_str() + colon + 1, nullptr, 10);
    return {};
}

StoreStatus CentralOutbox::markRenamedDone() {
    Statement st(db_, "DELETE FROM meta WHERE key = ?");
    if (st.prepareRc() != SQLITE_OK) return statusOf(db_, st.prepareRc());
    st.bind(1, std::string(meta_keys::kCentralRenamedFrom));
    if (const int rc = st.step(); rc != SQLITE_DONE) return statusOf(db_, rc);
    return {};
}

}  // namespace kiosk
