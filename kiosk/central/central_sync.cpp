#include "central_sync.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "central_event_checks.h"
#include "core/clock.h"
#include "central_recovery.h"
#include "pg_connection.h"
#include "store/central_outbox.h"
#include "store/meta_keys.h"
#include "store/sync_step.h"

namespace kiosk {
namespace {

constexpr int kInsertColumns = 18;

// One statement for the whole batch (a round trip per event made 10,000 events take 10 s).
std::string insertStatement(size_t rows) {
    std::string sql =
        "INSERT INTO attendance_event (id, origin_kiosk, origin_epoch, origin_seq, participant_code, kind, at_ms, recorded_ms,"
        " local_date, source, kiosk_id, reason, actor, refers_to, effect, guest_name, guest_organisation, offered_by) VALUES ";
    int p = 0;
    for (size_t r = 0; r < rows; ++r) {
        sql += r ? ",(" : "(";
        for (int c = 0; c < kInsertColumns; ++c) sql += (c ? ",$" : "$") + std::to_string(++p);
        sql += ")";
    }
    return sql + " ON CONFLICT (id) DO NOTHING RETURNING origin_seq";
}

// Rule 9: only rows of the given cohorts ($5, a text array); row-level security would leave out
// the others anyway, the filter lets the index (cohort, origin_kiosk, origin_epoch, origin_seq) do it.
constexpr const char* kSelectFrom =
    "SELECT id, origin_seq, participant_code, kind, at_ms, recorded_ms, local_date::text, source, kiosk_id, reason,"
    " actor, refers_to, effect, guest_name, guest_organisation FROM attendance_event"
    " WHERE origin_kiosk = $1 AND origin_epoch = $2 AND origin_seq > $3 AND cohort = ANY ($5::text[])"
    " ORDER BY origin_seq LIMIT $4";

// Every (origin kiosk, origin epoch) that has events of the given cohorts ($1): per cohort a walk
// down the index (cohort, origin_kiosk, origin_epoch, ...), one step per pair (a loose index
// scan), so that it costs the same with a million events as with ten.
constexpr const char* kOriginEpochs =
    "WITH RECURSIVE p AS ("
    " SELECT c.cohort, f.origin_kiosk, f.origin_epoch FROM unnest($1::text[]) c(cohort),"
    "  LATERAL (SELECT e.origin_kiosk, e.origin_epoch FROM attendance_event e WHERE e.cohort = c.cohort"
    "   ORDER BY e.origin_kiosk, e.origin_epoch LIMIT 1) f"
    " UNION ALL"
    " SELECT p.cohort, n.origin_kiosk, n.origin_epoch FROM p, LATERAL (SELECT e.origin_kiosk, e.origin_epoch"
    "  FROM attendance_event e WHERE e.cohort = p.cohort AND (e.origin_kiosk, e.origin_epoch) > (p.origin_kiosk, p.origin_epoch)"
    "  ORDER BY e.origin_kiosk, e.origin_epoch LIMIT 1) n)"
    " SELECT DISTINCT origin_kiosk, origin_epoch FROM p ORDER BY 1, 2";

// A PostgreSQL array literal of `items`, each quoted.
std::string textArray(const std::vector<std::string>& items) {
    std::string out = "{";
    for (const std::string& v : items) {
        out += out.size() > 1 ? ",\"" : "\"";
        for (char ch : v) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        out += '"';
    }
    return out + "}";
}

}  // namespace

PgResult insertCentralEvents(PgConnection& c, const std::vector<CentralEventRow>& rows, const std::string& offeredBy) {
    std::vector<std::optional<std::string>> params;
    params.reserve(rows.size() * kInsertColumns);
    const std::optional<std::string> offer = offeredBy.empty() ? std::nullopt : std::optional<std::string>(offeredBy);
    for (const auto& e : rows)
        for (auto& v : std::initializer_list<std::optional<std::string>>{
                 e.id, e.originKiosk, std::to_string(e.originEpoch), std::to_string(e.seq), e.participantCode, e.kind,
                 std::to_string(e.atMs), std::to_string(e.recordedMs), e.localDate, e.source, e.kioskId, e.reason,
                 e.actor, e.refersTo, e.effect, e.guestName, e.guestOrganisation, offer})
            params.push_back(v);
    return c.exec(insertStatement(rows.size()), params);
}

namespace {

// This kiosk's last contact and its clock against the server's, inside the current transaction;
// in the same round trip the highest number the server holds of (kioskId, epoch) (rule 3).
PgResult stampContact(PgConnection& c, const std::string& kioskId, int64_t epoch, const Clock& clock) {
    // The stamp: the server knows which kiosk it is (central_schema.h, SECURITY MODEL R7).
    return c.exec("SELECT leergang_stamp_contact($1::bigint - (extract(epoch FROM clock_timestamp()) * 1000)::bigint),"
                  " leergang_series_top($2, $3::bigint)",
                  {std::to_string(clock.now().ms), kioskId, std::to_string(epoch)});
}

std::vector<CentralEventRow> eventsOf(const PgResult& r, const std::string& origin, int64_t epoch) {
    std::vector<CentralEventRow> rows;
    rows.reserve(static_cast<size_t>(r.rows()));
    for (int k = 0; k < r.rows(); ++k) {
        CentralEventRow e;
        e.originKiosk = origin;
        e.originEpoch = epoch;
        e.id = r.text(k, 0);
        e.seq = r.integer(k, 1);
        if (!r.isNull(k, 2)) e.participantCode = r.text(k, 2);
        e.kind = r.text(k, 3);
        e.atMs = r.integer(k, 4);
        e.recordedMs = r.integer(k, 5);
        e.localDate = r.text(k, 6);
        e.source = r.text(k, 7);
        e.kioskId = r.text(k, 8);
        e.reason = r.text(k, 9);
        e.actor = r.text(k, 10);
        e.refersTo = r.text(k, 11);
        e.effect = r.text(k, 12);
        e.guestName = r.text(k, 13);
        e.guestOrganisation = r.text(k, 14);
        rows.push_back(std::move(e));
    }
    return rows;
}

}  // namespace

std::string refusedFieldsText(const PullReport& r) {
    std::string out;
    for (const auto& [field, n] : r.refusedFields) out += (out.empty() ? "" : ", ") + field;
    return out;
}

std::string heldSeriesText(const PullReport& r) {
    std::string out;
    for (const auto& h : r.held) out += (out.empty() ? "" : ", ") + h.origin + " (" + h.field + ")";
    return out;
}

namespace {

// Rule 13: which id this database pushes under (CentralOutbox::adoptKioskId), then the server hears
// again of every id it pushed under before (central_schema_v7.cpp; idempotent), so that an old id
// stops counting this database as a second box, also after a server restored from a dump.
bool adoptAndTell(PgConnection& c, CentralOutbox& outbox, const std::string& kioskId, PushReport& out) {
    auto storeFail = [&](const StoreStatus& s) {
        out.storeFailed = true;
        out.error = s.detail;
        return false;
    };
    std::string held;
    bool found = false;
    int64_t epoch = 0;
    if (auto s = outbox.syncMeta(meta_keys::kCentralKioskId, held, found); !s.ok()) return storeFail(s);
    if (auto s = outbox.epoch(epoch); !s.ok()) return storeFail(s);
    bool seriesOnServer = false;
    if (!found) {
        PgResult top = c.exec("SELECT leergang_series_top($1, $2::bigint)", {kioskId, std::to_string(epoch)});
        if (!top.ok()) {
            out.error = top.error();
            return false;
        }
        seriesOnServer = !top.isNull(0, 0) && top.integer(0, 0) > 0;
    }
    if (auto s = outbox.adoptKioskId(kioskId, seriesOnServer, out.idChange); !s.ok()) return storeFail(s);
    std::vector<std::pair<std::string, int64_t>> former;
    if (auto s = outbox.formerIds(former); !s.ok()) return storeFail(s);
    for (const auto& [id, oldEpoch] : former) {
        if (id == kioskId) continue;  // back under an id it had before: that database is this one
        PgResult r = c.exec("SELECT leergang_database_renamed($1, $2::bigint)", {id, std::to_string(oldEpoch)});
        if (!r.ok()) {
            out.error = r.error();
            return false;
        }
    }
    return true;
}

}  // namespace

PushReport pushOutbox(PgConnection& c, CentralOutbox& outbox, const std::string& kioskId, const Clock& clock, int batch) {
    PushReport out;
    auto storeFail = [&](const StoreStatus& s) {
        out.storeFailed = true;
        out.error = s.detail;
        return out;
    };
    // Rule 13: the series this database writes is the configured id's; a change of id is adopted
    // first, and the server told (until it heard it) that the old id's database is this one now.
    if (!adoptAndTell(c, outbox, kioskId, out)) return out;
    // Rule 5, before anything of this push could hide what the server lacks.
    out.recovered = recoverLost(c, outbox, kioskId, clock.now().ms);
    if (!out.recovered.ok) {
        out.storeFailed = out.recovered.storeFailed;
        out.error = out.recovered.error;
        return out;
    }
    if (auto s = outbox.dropOlderThan(out.recovered.cutoff, out.droppedOld); !s.ok()) return storeFail(s);
    bool stamped = false;
    int64_t epoch = 0;
    if (auto s = outbox.epoch(epoch); !s.ok()) return storeFail(s);
    bool renumbered = false;
    for (;;) {
        std::vector<CentralEventRow> rows;
        if (auto s = outbox.waiting(batch, rows); !s.ok()) return storeFail(s);
        if (rows.empty()) break;
        auto fail = [&](const std::string& why) {
            c.exec("ROLLBACK");
            out.error = why;
            return out;
        };
        syncStep("push.pg.begin");
        if (PgResult r = c.exec("BEGIN"); !r.ok()) return fail(r.error());
        std::vector<int64_t> seqs;
        int64_t fitted = 0, relabelled = 0;
        for (auto& e : rows) {
            e.originKiosk = kioskId;
            e.originEpoch = epoch;
            seqs.push_back(e.seq);
            if (fitToServerLimits(e) > 0) ++fitted;  // rule 12
            if (e.kioskId != kioskId) {  // rule 13: recorded before this box had its current id
                e.kioskId = kioskId;
                ++relabelled;
            }
        }
        syncStep("push.pg.insert");
        PgResult inserted = insertCentralEvents(c, rows);
        if (!inserted.ok() && inserted.sqlState() == "23505" &&
            inserted.error().find("attendance_event_origin_key") != std::string::npos && !renumbered) {
            // Rule 3: the server holds other events under these numbers of this epoch, so this
            // database is an older copy not put in place by `restore`. A new series, once.
            c.exec("ROLLBACK");
            if (auto s = outbox.startNewEpoch(epoch); !s.ok()) return storeFail(s);
            renumbered = true;
            continue;
        }
        if (!inserted.ok()) return fail(inserted.error());
        const int64_t fresh = inserted.affected();
        // The acknowledged mark is what the server holds in this series (rule 3): what it stored
        // now, and of a batch sent again (a push cut after the server's commit) what it already
        // held in this series, but not what it skipped as held under an earlier one (else rule 5
        // would see a gap that is none): at most the series' top on the server.
        int64_t storedTop = 0;
        for (int i = 0; i < inserted.rows(); ++i) storedTop = std::max<int64_t>(storedTop, inserted.integer(i, 0));
        syncStep("push.pg.stamp");
        PgResult seen = stampContact(c, kioskId, epoch, clock);
        if (!seen.ok()) return fail(seen.error());
        storedTop = std::max<int64_t>(storedTop, std::min<int64_t>(seen.integer(0, 1), seqs.back()));
        syncStep("push.pg.commit");
        if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
        stamped = true;
        out.sent += static_cast<int64_t>(seqs.size());
        out.newOnServer += fresh;
        out.fitted += fitted;
        out.relabelled += relabelled;
        // Committed on the server: now, and only now, off the outbox.
        if (auto s = outbox.markUploaded(seqs, storedTop); !s.ok()) return storeFail(s);
        if (static_cast<int>(rows.size()) < batch) break;
    }
    if (!stamped) {
        syncStep("push.pg.stamp_idle");
        if (PgResult seen = stampContact(c, kioskId, epoch, clock); !seen.ok()) {
            out.error = seen.error();
            return out;
        }
    }
    out.ok = true;
    return out;
}

bool centralCohorts(PgConnection& c, std::vector<std::string>& cohorts, std::string& error) {
    cohorts.clear();
    syncStep("pull.pg.cohorts");
    PgResult r = c.exec("SELECT unnest(leergang_my_cohorts()) ORDER BY 1");
    if (!r.ok()) {
        error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i) cohorts.push_back(r.text(i, 0));
    return true;
}

namespace {

using Marks = std::map<std::pair<std::string, int64_t>, int64_t>;

// Every series of `cohorts` but this kiosk's current one, above `marks` (nullptr: from the start),
// into the outbox; false with `out.error` set on failure.
bool pullSeries(PgConnection& c, CentralOutbox& outbox, const std::string& kioskId, int64_t ownEpoch, const Marks* marks,
                const std::vector<std::string>& cohorts, int64_t nowMs, int batch, PullReport& out) {
    if (cohorts.empty()) return true;
    const std::string cohortArray = textArray(cohorts);
    syncStep("pull.pg.series");
    PgResult origins = c.exec(kOriginEpochs, {cohortArray});
    if (!origins.ok()) {
        out.error = origins.error();
        return false;
    }
    const std::string limit = std::to_string(batch);
    for (int i = 0; i < origins.rows(); ++i) {
        const std::string origin = origins.text(i, 0);
        const int64_t epoch = origins.integer(i, 1);
        if (origin == kioskId && epoch == ownEpoch) continue;  // rule 4: what this kiosk holds itself
        int64_t mark = 0;
        if (marks)
            if (const auto known = marks->find({origin, epoch}); known != marks->end()) mark = known->second;
        const std::string epochText = std::to_string(epoch);
        // Pipelined: as soon as a full batch has arrived, the next one (above its last origin_seq) is
        // asked for, and the server reads it while this batch is stored in SQLite.
        syncStep("pull.pg.send_first");
        c.send(kSelectFrom, {origin, epochText, std::to_string(mark), limit, cohortArray});
        for (;;) {
            syncStep("pull.pg.receive");
            PgResult r = c.receive();
            if (!r.ok()) {
                out.error = r.error();
                return false;
            }
            std::vector<CentralEventRow> rows = eventsOf(r, origin, epoch);
            const bool more = r.rows() == batch;
            if (more) {
                syncStep("pull.pg.send_next");
                c.send(kSelectFrom, {origin, epochText, std::to_string(rows.back().seq), limit, cohortArray});
            }
            out.received += static_cast<int64_t>(rows.size());
            // Rule 11: checked like an import. A newer version's row holds the mark: the rows
            // before it are kept, the rest of the series waits; any other bad row is not kept.
            bool holding = false;
            std::vector<CentralEventRow> keep;
            keep.reserve(rows.size());
            for (auto& e : rows) {
                const std::string fault = pulledEventFault(e);
                if (fault.empty()) {
                    keep.push_back(std::move(e));
                } else if (faultFromNewerVersion(fault)) {
                    out.held.push_back({origin, epoch, e.seq, fault});
                    holding = true;
                    break;
                } else {
                    ++out.refused;
                    ++out.refusedFields[fault];
                }
            }
            rows = std::move(keep);
            int inserted = 0;
            if (auto s = outbox.insertPulled(rows, nowMs, inserted); !s.ok()) {
                if (more) c.receive();  // the connection is left ready for the next statement
                out.storeFailed = true;
                out.error = s.detail;
                return false;
            }
            out.inserted += inserted;
            if (inserted > 0) out.perOrigin[origin] += inserted;
            if (holding && more) c.receive();  // the batch asked ahead is not read (the mark stays)
            if (holding || !more) break;
        }
    }
    return true;
}

}  // namespace

PullReport pullOtherKiosks(PgConnection& c, CentralOutbox& outbox, const std::string& kioskId, int64_t nowMs,
                           int batch) {
    PullReport out;
    Marks marks;
    int64_t ownEpoch = 0;
    std::string pulledBefore;
    bool known = false;
    StoreStatus local = outbox.highWaterMarks(marks);
    if (local.ok()) local = outbox.epoch(ownEpoch);
    if (local.ok()) local = outbox.syncMeta(meta_keys::kCentralPulledCohorts, pulledBefore, known);
    if (!local.ok()) {
        out.storeFailed = true;
        out.error = local.detail;
        return out;
    }
    std::vector<std::string> cohorts;
    if (!centralCohorts(c, cohorts, out.error)) return out;
    std::string now;
    for (const std::string& cohort : cohorts) now += cohort + "\n";
    // Rule 9: a cohort this kiosk did not serve at its last pull is read from the start of every
    // series (the marks only cover what it could see). Unset: pulled before version 6, when every
    // kiosk saw every cohort.
    std::vector<std::string> added;
    if (known)
        for (const std::string& cohort : cohorts)
            if (("\n" + pulledBefore).find("\n" + cohort + "\n") == std::string::npos) added.push_back(cohort);
    if (!pullSeries(c, outbox, kioskId, ownEpoch, nullptr, added, nowMs, batch, out)) return out;
    if (!pullSeries(c, outbox, kioskId, ownEpoch, &marks, cohorts, nowMs, batch, out)) return out;
    if (!known || now != pulledBefore)
        if (auto s = outbox.setSyncMeta(meta_keys::kCentralPulledCohorts, now); !s.ok()) {
            out.storeFailed = true;
            out.error = s.detail;
            return out;
        }
    out.ok = true;
    return out;
}

}  // namespace kiosk
