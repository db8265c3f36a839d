#include "central_retention.h"

#include <utility>

#include "core/clock_evidence.h"
#include "pg_connection.h"

namespace kiosk {

CentralPurgeResult purgeCentral(PgConnection& c, LocalDate today, int retentionDays) {
    CentralPurgeResult out;
    auto fail = [&](const std::string& why) {
        c.exec("ROLLBACK");
        out.error = why;
        return out;
    };
    if (PgResult r = c.exec("BEGIN"); !r.ok()) return fail(r.error());
    // The lock of central-setup's migrations (central_schema.cpp): one at a time.
    if (PgResult r = c.exec("SELECT pg_advisory_xact_lock(7317017)"); !r.ok()) return fail(r.error());
    const std::string earliest = kEarliestPlausibleDay.iso();
    PgResult newest = c.exec("SELECT max(local_date)::text FROM attendance_event WHERE local_date >= $1::date", {earliest});
    if (!newest.ok()) return fail(newest.error());
    if (!newest.isNull(0, 0)) out.newestEvidence = LocalDate::parse(newest.text(0, 0));
    out.appliedCutoff = evidenceCutoff(today.plusDays(-retentionDays), out.newestEvidence, retentionDays);
    PgResult gone = c.exec("DELETE FROM attendance_event WHERE local_date < $1::date AND local_date >= $2::date",
                           {out.appliedCutoff.iso(), earliest});
    if (!gone.ok()) return fail(gone.error());
    out.removed = gone.affected();
    // Releases older than the cut-off, never a cohort's newest; their rows go by ON DELETE CASCADE.
    PgResult releases = c.exec(
        "DELETE FROM roster_release r WHERE r.released_at < $1::date"
        " AND r.version < (SELECT max(n.version) FROM roster_release n WHERE n.cohort = r.cohort)",
        {out.appliedCutoff.iso()});
    if (!releases.ok()) return fail(releases.error());
    out.releasesRemoved = releases.affected();
    // The cut-off stays: the server refuses what it purged when a kiosk offers it again (3).
    PgResult kept = c.exec("INSERT INTO central_cutoff (cutoff) VALUES ($1::date) ON CONFLICT (only_row) DO UPDATE"
                           " SET cutoff = GREATEST(central_cutoff.cutoff, excluded.cutoff), set_at = now()",
                           {out.appliedCutoff.iso()});
    if (!kept.ok()) return fail(kept.error());
    if (PgResult r = c.exec("COMMIT"); !r.ok()) return fail(r.error());
    // Outside the transaction (VACUUM cannot run inside one); a failure here deletes nothing more.
    for (const auto& [n, table] : {std::pair{out.removed, "attendance_event"}, std::pair{out.releasesRemoved, "roster_release_row"}})
        if (n > 0)
            if (PgResult r = c.exec(std::string("VACUUM ") + table); !r.ok()) {
                out.error = r.error();
                return out;
            }
    out.ok = true;
    return out;
}

}  // namespace kiosk
