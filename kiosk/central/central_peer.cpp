#include "central_peer.h"

#include <unistd.h>

#include "central_schema.h"
#include "pg_connection.h"

namespace kiosk {

PeerCheck checkPeer(PgConnection& c, const std::string& kioskId) {
    PeerCheck out;
    PgResult v = c.exec("SELECT COALESCE(max(version), 0) FROM schema_version");
    if (!v.ok() && v.sqlState() == "42501") {
        // Before version 5 kiosks could not read schema_version: a server older than this kiosk.
        out.verdict = PeerCheck::Verdict::schemaOlder;
        return out;
    }
    if (!v.ok()) {
        out.error = v.error();
        return out;
    }
    out.serverVersion = static_cast<int>(v.integer(0, 0));
    if (out.serverVersion != kCentralSchemaVersion) {
        out.verdict = out.serverVersion < kCentralSchemaVersion ? PeerCheck::Verdict::schemaOlder : PeerCheck::Verdict::schemaNewer;
        return out;
    }
    PgResult k = c.exec("SELECT 1 FROM kiosk WHERE id = $1 AND role_name = current_user", {kioskId});
    if (!k.ok()) {
        out.error = k.error();
        return out;
    }
    out.verdict = k.rows() == 1 ? PeerCheck::Verdict::ok : PeerCheck::Verdict::noKioskRow;
    return out;
}

std::string describePeerCheck(const PeerCheck& p, const Texts& tx, const std::string& kioskId, const std::string& role) {
    const TextArgs versions{{"server", std::to_string(p.serverVersion)}, {"kiosk", std::to_string(kCentralSchemaVersion)}};
    switch (p.verdict) {
        case PeerCheck::Verdict::ok: return {};
        case PeerCheck::Verdict::schemaOlder: return tx.format("sync.schema_older", versions);
        case PeerCheck::Verdict::schemaNewer: return tx.format("sync.schema_newer", versions);
        case PeerCheck::Verdict::noKioskRow: return tx.format("sync.no_kiosk_row", {{"id", kioskId}, {"role", role}});
        case PeerCheck::Verdict::failed: break;
    }
    return tx.format("sync.pull_failed", {{"detail", p.error}});
}

std::string boxName(const std::filesystem::path& dbPath) {
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
    std::error_code ec;
    const std::filesystem::path full = std::filesystem::absolute(dbPath, ec);
    return std::string(host[0] ? host : "?") + ":" + (ec ? dbPath : full).lexically_normal().string();
}

bool stampDatabase(PgConnection& c, const std::string& kioskId, int64_t epoch, const std::string& box, bool readOnly,
                   std::vector<std::string>& otherBoxes, std::string& error) {
    otherBoxes.clear();
    const std::string epochText = std::to_string(epoch);
    if (!readOnly) {
        PgResult r = c.exec("INSERT INTO kiosk_database (kiosk_id, origin_epoch, box) VALUES ($1, $2, $3)"
                            " ON CONFLICT (kiosk_id, origin_epoch) DO UPDATE SET last_seen = now(), box = excluded.box",
                            {kioskId, epochText, box});
        if (!r.ok()) {
            error = r.error();
            return false;
        }
    }
    // Another database of this id in contact after this one first was: two boxes, one id. A
    // predecessor (a replaced disk, a restored backup) was last in contact before this one began.
    // A database that has since gone on under another id (central_sync.h, rule 13) is not a box of
    // this id, unless it was in contact under this id after that (central_schema_v7.cpp).
    PgResult r = c.exec("SELECT o.box || ' (' || to_char(o.last_seen AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI') || ')'"
                        " FROM kiosk_database o JOIN kiosk_database me ON me.kiosk_id = o.kiosk_id"
                        " WHERE me.kiosk_id = $1 AND me.origin_epoch = $2 AND o.origin_epoch <> me.origin_epoch"
                        " AND o.last_seen > me.first_seen AND NOT (o.renamed_to IS NOT NULL AND o.last_seen <= o.renamed_at)"
                        " ORDER BY o.last_seen DESC",
                        {kioskId, epochText});
    if (!r.ok()) {
        error = r.error();
        return false;
    }
    for (int i = 0; i < r.rows(); ++i) otherBoxes.push_back(r.text(i, 0));
    return true;
}

}  // namespace kiosk
