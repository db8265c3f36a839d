#include "sync_status.h"

#include <algorithm>

#include <cstdio>
#include <cstdlib>

#include "core/civil_time.h"
#include "pg_connection.h"

namespace kiosk {

bool readKioskContacts(PgConnection& c, std::vector<KioskContact>& out, int64_t& serverNowMs, std::string& error) {
    PgResult r = c.exec(
        "SELECT id, (extract(epoch FROM last_seen) * 1000)::bigint, clock_offset_ms,"
        " (extract(epoch FROM clock_timestamp()) * 1000)::bigint FROM kiosk ORDER BY id");
    if (!r.ok()) {
        error = r.error();
        return false;
    }
    out.clear();
    for (int i = 0; i < r.rows(); ++i) {
        KioskContact k;
        k.id = r.text(i, 0);
        if (!r.isNull(i, 1)) k.lastSeenMs = r.integer(i, 1);
        if (!r.isNull(i, 2)) k.clockOffsetMs = r.integer(i, 2);
        serverNowMs = r.integer(i, 3);
        out.push_back(std::move(k));
    }
    if (r.rows() == 0) {
        PgResult now = c.exec("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint");
        if (now.ok()) serverNowMs = now.integer(0, 0);
    }
    return true;
}

std::vector<std::string> formerIdNames(const std::vector<std::pair<std::string, int64_t>>& former) {
    std::vector<std::string> out;
    for (const auto& f : former)
        if (std::find(out.begin(), out.end(), f.first) == out.end()) out.push_back(f.first);
    return out;
}

bool SyncStatusBoard::publish(const SyncStatus& s) {
    std::lock_guard lock(mutex_);
    auto warnings = [](const SyncStatus& x) {
        std::vector<std::pair<std::string, bool>> w;
        for (const auto& k : x.kiosks) w.emplace_back(k.id, k.offsetWarning());
        return w;
    };
    const bool visible = s.enabled != status_.enabled || s.connected != status_.connected ||
                         s.errorKey != status_.errorKey || s.errorDetail != status_.errorDetail ||
                         s.waiting != status_.waiting || warnings(s) != warnings(status_) ||
                         s.duplicateBoxes != status_.duplicateBoxes || s.recoveredMs != status_.recoveredMs ||
                         s.refusedRows != status_.refusedRows || s.refusedFields != status_.refusedFields ||
                         s.heldBy != status_.heldBy || s.reofferRefused != status_.reofferRefused ||
                         s.fittedTotal != status_.fittedTotal || s.relabelledTotal != status_.relabelledTotal ||
                         s.formerIds != status_.formerIds;
    status_ = s;
    if (visible) ++version_;
    return visible;
}

SyncStatus SyncStatusBoard::snapshot() const {
    std::lock_guard lock(mutex_);
    return status_;
}

uint64_t SyncStatusBoard::version() const {
    std::lock_guard lock(mutex_);
    return version_;
}

namespace {

// "09:05:12" today, "26 nov. 09:05" another day (Dutch local time).
std::string moment(int64_t ms, int64_t nowMs, Lang lang) {
    const LocalDateTime t = toLocal(Instant{ms});
    char buf[16];
    if (t.date == toLocal(Instant{nowMs}).date) {
        std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", t.hour, t.minute, t.second);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
    return shortDate(t.date, lang) + " " + buf;
}

// "4 s", "10 min 3 s", "2 u 5 min".
std::string amount(int64_t ms, const Texts& tx) {
    int64_t s = (std::llabs(ms) + 500) / 1000;
    if (s < 60) return tx.format("sync.amount_s", {{"s", std::to_string(s)}});
    if (s < 3600) return tx.format("sync.amount_min_s", {{"min", std::to_string(s / 60)}, {"s", std::to_string(s % 60)}});
    return tx.format("sync.amount_h_min", {{"h", std::to_string(s / 3600)}, {"min", std::to_string(s % 3600 / 60)}});
}

}  // namespace

std::vector<SyncStatusLine> describeSyncStatus(const SyncStatus& s, const Texts& tx, const std::string& ownId, int64_t nowMs) {
    std::vector<SyncStatusLine> out;
    if (!s.enabled) {
        out.push_back({true, tx("sync.status_central"), tx("sync.status_off")});
        return out;
    }
    // A failed connect comes worded already (central_connect.h, 3); other failures say what failed first.
    std::string detail;
    for (char ch : s.errorDetail)  // libpq's continuation lines start with a tab
        if (!((ch == ' ' || ch == '\t') && (detail.empty() || detail.back() == ' '))) detail += ch == '\t' ? ' ' : ch;
    std::string reason = s.errorKey.empty() || (s.errorKey == "sync.status_unreachable" && !detail.empty()) ? std::string() : tx(s.errorKey);
    if (!detail.empty()) reason += (reason.empty() ? "" : ": ") + detail;
    if (s.connected && s.errorKey.empty()) out.push_back({true, tx("sync.status_central"), tx("sync.status_connected")});
    else if (s.connected) out.push_back({false, tx("sync.status_central"), tx.format("sync.status_trouble", {{"reason", reason}})});
    else if (reason.empty()) out.push_back({true, tx("sync.status_central"), tx("sync.status_connecting")});
    else out.push_back({false, tx("sync.status_central"), tx.format("sync.status_not_connected", {{"reason", reason}})});

    out.push_back({true, tx("sync.status_last_sync"), s.lastSyncMs ? moment(*s.lastSyncMs, nowMs, tx.lang()) : tx("sync.status_never")});
    const std::string waiting = s.waiting < 0 ? std::string("?") : std::to_string(s.waiting);
    out.push_back({s.waiting <= 0 || s.connected, tx("sync.status_waiting"), tx.format("sync.status_waiting_n", {{"n", waiting}})});

    if (!s.duplicateBoxes.empty()) {
        std::string boxes;
        for (const auto& b : s.duplicateBoxes) boxes += (boxes.empty() ? "" : "; ") + b;
        out.push_back({false, tx("sync.status_duplicate"), tx.format("sync.status_duplicate_value", {{"boxes", boxes}}), true});
    }
    if (s.refusedRows > 0)
        out.push_back({false, tx("sync.status_refused"),
                       tx.format("sync.status_refused_value", {{"n", std::to_string(s.refusedRows)}, {"fields", s.refusedFields}})});
    if (!s.heldBy.empty())
        out.push_back({false, tx("sync.status_held"), tx.format("sync.status_held_value", {{"kiosks", s.heldBy}}), true});
    if (s.reofferRefused > 0)
        out.push_back({false, tx("sync.status_reoffer_refused"),
                       tx.format("sync.status_reoffer_refused_value", {{"n", std::to_string(s.reofferRefused)}})});
    if (s.fittedTotal > 0)
        out.push_back({true, tx("sync.status_fitted"), tx.format("sync.status_fitted_value", {{"n", std::to_string(s.fittedTotal)}})});
    if (!s.formerIds.empty()) {
        std::string ids;
        for (const auto& id : s.formerIds) ids += (ids.empty() ? "'" : "', '") + id;
        ids += "'";
        out.push_back({true, tx("sync.status_former_ids"),
                       tx.format("sync.status_former_ids_value", {{"ids", ids}, {"id", ownId}})});
    }
    if (s.relabelledTotal > 0)
        out.push_back({true, tx("sync.status_relabelled"),
                       tx.format("sync.status_relabelled_value", {{"n", std::to_string(s.relabelledTotal)}, {"id", ownId}})});
    if (s.recoveredMs > 0)
        out.push_back({true, tx("sync.status_recovered"),
                       tx.format("sync.status_recovered_value", {{"when", moment(s.recoveredMs, nowMs, tx.lang())},
                                                                 {"n", std::to_string(s.recoveredN)}})});
    for (const auto& k : s.kiosks) {
        const std::string label =
            k.id == ownId ? tx.format("sync.status_kiosk_self", {{"id", k.id}}) : tx.format("sync.status_kiosk", {{"id", k.id}});
        if (!k.lastSeenMs) {
            out.push_back({true, label, tx("sync.status_kiosk_never")});
            continue;
        }
        std::string clock;
        if (!k.clockOffsetMs || std::llabs(*k.clockOffsetMs) < 1000) clock = tx("sync.status_offset_none");
        else
            clock = tx.format(*k.clockOffsetMs > 0 ? "sync.status_offset_ahead" : "sync.status_offset_behind",
                              {{"amount", amount(*k.clockOffsetMs, tx)}});
        if (k.offsetWarning()) clock += " " + tx("sync.status_offset_warning");
        out.push_back({!k.offsetWarning(), label,
                       tx.format("sync.status_kiosk_seen", {{"when", moment(*k.lastSeenMs, s.serverNowMs ? s.serverNowMs : nowMs, tx.lang())},
                                                            {"clock", clock}})});
    }
    return out;
}

}  // namespace kiosk
