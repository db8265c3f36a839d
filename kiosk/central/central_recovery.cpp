#include "central_recovery.h"

#include "central_event_checks.h"

#include <map>
#include <utility>
#include <vector>

#include "central_sync.h"
#include "core/civil_time.h"
#include "pg_connection.h"
#include "store/central_outbox.h"
#include "store/sync_step.h"

namespace kiosk {
namespace {

using Series = std::pair<std::string, int64_t>;  // (origin kiosk, origin epoch)

// The highest origin_seq the server holds of each series (0: none of it), one round trip. Over every
// cohort (leergang_series_top, central schema v6): what this kiosk may no longer see (a cohort taken
// from it) is not lost, and a re-offer is taken only above this very number.
bool serverTops(PgConnection& c, const std::vector<Series>& series, std::map<Series, int64_t>& out, std::string& error) {
    std::string kiosks, epochs;
    for (const auto& [k, e] : series) {
        kiosks += (kiosks.empty() ? "" : "\n") + k;
        epochs += (epochs.empty() ? "" : "\n") + std::to_string(e);
    }
    syncStep("recover.pg.tops");
    PgResult r = c.exec(
        "SELECT s.k, s.e, leergang_series_top(s.k, s.e)"
        " FROM unnest(string_to_array($1, E'\\n'), string_to_array($2, E'\\n')::bigint[]) AS s(k, e)",
        {kiosks, epochs});
    if (!r.ok()) {
        error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i) out[Series(r.text(i, 0), static_cast<int64_t>(r.integer(i, 1)))] = r.integer(i, 2);
    return true;
}

// Of `ids`, how many the server does not hold.
bool countMissing(PgConnection& c, const std::vector<std::string>& ids, int64_t& n, std::string& error) {
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : "\n") + id;
    syncStep("recover.pg.count_missing");
    PgResult r = c.exec("SELECT count(*) FROM unnest(string_to_array($1, E'\\n')) AS i(id)"
                        " WHERE NOT EXISTS (SELECT 1 FROM attendance_event e WHERE e.id = i.id)",
                        {list});
    if (!r.ok()) {
        error = r.error();
        return false;
    }
    n = r.integer(0, 0);
    return true;
}

// Re-offers `rows` (central_sync.h rule 5) in one statement; when the server's confinement refuses
// the batch (SQLSTATE 42501: a row of a cohort this kiosk or the origin kiosk no longer serves,
// central_schema.h R13), one by one, leaving out what is refused, so that one such row never holds
// up the push of this kiosk's own events. Outside a transaction: each insert stands alone.
bool reoffer(PgConnection& c, const std::vector<CentralEventRow>& rows, const std::string& kioskId, int64_t& stored,
             int64_t& refused, std::string& error) {
    syncStep("recover.pg.reoffer");
    PgResult r = insertCentralEvents(c, rows, kioskId);
    if (r.ok()) {
        stored += r.affected();
        return true;
    }
    if (r.sqlState() != "42501" || rows.size() == 1) {
        if (r.sqlState() == "42501") {
            ++refused;
            return true;
        }
        error = r.error();
        return false;
    }
    for (const CentralEventRow& row : rows)
        if (!reoffer(c, {row}, kioskId, stored, refused, error)) return false;
    return true;
}

}  // namespace

std::string droppedOldLine(int64_t n, const std::string& cutoff, const Texts& tx) {
    const auto day = LocalDate::parse(cutoff);
    return tx.format("sync.dropped_old", {{"n", std::to_string(n)}, {"cutoff", day ? longDate(*day, tx.lang()) : cutoff}});
}

RecoveryReport recoverLost(PgConnection& c, CentralOutbox& outbox, const std::string& kioskId, int64_t nowMs) {
    RecoveryReport out;
    auto storeFail = [&](const StoreStatus& s) {
        out.storeFailed = true;
        out.error = s.detail;
        return out;
    };
    int64_t epoch = 0;
    std::map<Series, int64_t> marks;
    if (auto s = outbox.epoch(epoch); !s.ok()) return storeFail(s);
    if (auto s = outbox.ackedMark(out.ownAcked); !s.ok()) return storeFail(s);
    if (auto s = outbox.highWaterMarks(marks); !s.ok()) return storeFail(s);
    std::vector<Series> series{{kioskId, epoch}};
    for (const auto& [key, mark] : marks) series.push_back(key);
    std::map<Series, int64_t> tops;
    if (!serverTops(c, series, tops, out.error)) return out;
    // What the server purged is not lost: never offered again (central_retention.h, 3).
    syncStep("recover.pg.cutoff");
    PgResult cut = c.exec("SELECT cutoff::text FROM central_cutoff");
    if (!cut.ok()) {
        out.error = cut.error();
        return out;
    }
    if (cut.rows() == 1) out.cutoff = cut.text(0, 0);

    // This database's own series: the server confirmed up to ownAcked and holds less.
    out.ownServerTop = tops[{kioskId, epoch}];
    if (out.ownServerTop < out.ownAcked) {
        std::vector<std::string> ids;
        if (auto s = outbox.requeueOwnAbove(out.ownServerTop, out.ownAcked, out.cutoff, ids); !s.ok()) return storeFail(s);
        if (!ids.empty() && !countMissing(c, ids, out.ownLost, out.error)) return out;
    }
    // Every series pulled from: re-offer what this kiosk holds above what the server has.
    for (const auto& [key, mark] : marks) {
        for (int64_t top = tops[key]; top < mark;) {
            std::vector<CentralEventRow> rows;
            if (auto s = outbox.pulledAbove(key.first, key.second, top, 1000, out.cutoff, rows); !s.ok()) return storeFail(s);
            if (rows.empty()) break;
            for (CentralEventRow& row : rows) {
                fitToServerLimits(row);  // central_event_checks.h, 4
                // R2 (central_schema.h): an event is its origin's own; the server's copy said so. A
                // database's own events under a former id (rule 13) may have been recorded under
                // an id before that one, and were sent relabelled.
                row.kioskId = key.first;
            }
            int64_t stored = 0;
            if (!reoffer(c, rows, kioskId, stored, out.othersRefused, out.error)) return out;
            out.othersLost += stored;
            top = rows.back().seq;
        }
    }
    if (out.lost() > 0)
        if (auto s = outbox.noteRecovery(nowMs, out.lost()); !s.ok()) return storeFail(s);
    out.ok = true;
    return out;
}

}  // namespace kiosk
