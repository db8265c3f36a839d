// commands_sync.cpp: `leergang-kiosk sync`: one push of this kiosk's outbox to the central record
// and one pull of the other kiosks' events (central/central_sync.h has the rules), then the roster
// (central/central_roster.h), and says what moved. Exit 0: done; 1: the server could not be reached
// or failed midway, or the local database failed (the message says how many events wait; nothing is lost: they stay in the outbox);
// or refused this kiosk (another schema version, no kiosk row for it: nothing moved), or another box
// syncs under the same kiosk id (everything moved; said until one box gets its own id);
// 2: no [central] url, a kiosk id that cannot be a central role, or an unreadable password file.
// --now sets the kiosk's clock (as for the kiosk itself): the clock offset the server records is
// this clock against the server's.
#include <cstdio>
#include <memory>
#include <set>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "central/central_connect.h"
#include "central/central_kiosk_role.h"
#include "central/central_peer.h"
#include "central/central_roster.h"
#include "central/central_sync.h"
#include "central/pg_connection.h"
#include "store/central_outbox.h"

namespace kiosk {
namespace {

// This kiosk's cohorts' rosters, both ways (central/central_roster.h), on its own connection to the database.
RosterSyncReport syncRosterOnce(const CommandContext& ctx, PgConnection& central, Instant now) {
    std::set<std::string> cohorts;
    for (const Cohort& k : ctx.config.programme.cohorts) cohorts.insert(k.id);
    AttendanceDb db;
    RosterSyncReport roster;
    if (auto s = db.openExisting(ctx.dbPath); !s.ok()) {
        roster.storeFailed = true;
        roster.error = describe(ctx.texts, s);
        return roster;
    }
    return syncRoster(central, db, ctx.config.settings.kioskId, cohorts, now);
}

// What the roster sync moved or was refused, and the pulled rows that failed the import checks.
void printRosterAndChecks(const Texts& tx, const RosterSyncReport& roster, const PullReport& pull) {
    if (roster.erased > 0) std::printf("%s\n", tx.format("sync.erased", {{"n", std::to_string(roster.erased)}}).c_str());
    for (const auto& [cohort, version] : roster.released)
        std::printf("%s\n", tx.format("sync.roster_released", {{"cohort", cohort}, {"version", std::to_string(version)}}).c_str());
    for (const auto& [cohort, version] : roster.applied)
        std::printf("%s\n", tx.format("sync.roster_applied", {{"cohort", cohort}, {"version", std::to_string(version)},
                                                              {"people", std::to_string(roster.people)}}).c_str());
    for (const std::string& cohort : roster.notServed)
        std::fprintf(stderr, "%s\n", tx.format("sync.roster_not_served", {{"cohort", cohort}}).c_str());
    if (pull.refused > 0)
        std::fprintf(stderr, "%s\n", tx.format("sync.pulled_refused", {{"n", std::to_string(pull.refused)},
                                                                      {"fields", refusedFieldsText(pull)}}).c_str());
    if (!pull.held.empty())
        std::fprintf(stderr, "%s\n", tx.format("sync.pulled_held", {{"kiosks", heldSeriesText(pull)}}).c_str());
}

// A [central] url and a kiosk id that can be a central role; else says why.
bool centralConfigured(const Texts& tx, const KioskSettings& settings) {
    if (settings.centralUrl.empty()) {
        std::fprintf(stderr, "%s\n", tx("sync.off").c_str());
        return false;
    }
    if (!validCentralKioskId(settings.kioskId)) {
        std::fprintf(stderr, "%s\n", tx.format("central_setup.bad_kiosk_id", {{"id", settings.kioskId}}).c_str());
        return false;
    }
    return true;
}

// What a push did besides sending (central_sync.h: rules 5, 12, 13), then what it sent.
void printPushReport(const PushReport& push, const Texts& tx, const std::string& kioskId) {
    auto say = [&](const char* key, TextArgs args) { std::printf("%s\n", tx.format(key, args).c_str()); };
    if (push.droppedOld > 0)
        std::fprintf(stderr, "%s\n", droppedOldLine(push.droppedOld, push.recovered.cutoff, tx).c_str());
    if (const RecoveryReport& rec = push.recovered; rec.lost() > 0)
        say("sync.recovered", {{"n", std::to_string(rec.lost())}, {"own", std::to_string(rec.ownLost)},
                               {"others", std::to_string(rec.othersLost)}});
    if (push.recovered.othersRefused > 0) say("sync.reoffer_refused", {{"n", std::to_string(push.recovered.othersRefused)}});
    if (push.fitted > 0) say("sync.fitted", {{"n", std::to_string(push.fitted)}});
    if (push.idChange.renamed)
        say("sync.renamed", {{"old", push.idChange.oldId}, {"id", kioskId}, {"n", std::to_string(push.idChange.movedToOldSeries)}});
    if (push.relabelled > 0) say("sync.relabelled", {{"n", std::to_string(push.relabelled)}, {"id", kioskId}});
    say("sync.pushed", {{"n", std::to_string(push.sent)}, {"new", std::to_string(push.newOnServer)}});
}

}  // namespace

int cmdSync(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    const Texts& tx = ctx.texts;
    const KioskSettings& settings = ctx.config.settings;
    if (!centralConfigured(tx, settings)) return 2;
    // The kiosk's clock: the system's, or from --now on (demos and tests of a clock that is off).
    const std::unique_ptr<Clock> clock = clockFromCommandLine(cl);
    if (!clock) return 2;
    const Instant now = clock->now();
    {
        // Opened as the kiosk opens it: checked, migrated (the outbox is schema version 2).
        AttendanceDb db;
        if (int rc = openStoreWithRoster(ctx, db, now)) return rc;
    }
    CentralOutbox outbox;
    if (auto s = outbox.open(ctx.dbPath); !s.ok()) {
        std::fprintf(stderr, "%s: %s\n", ctx.dbPath.c_str(), describe(tx, s).c_str());
        return 1;
    }
    auto waitingNow = [&] {
        int64_t n = 0;
        outbox.countWaiting(n);
        return std::to_string(n);
    };

    PgConnection central;
    const CentralConnectResult connected = connectCentral(central, settings.centralUrl, settings.centralPasswordFile, tx, 5);
    if (!connected.ok) {
        std::fprintf(stderr, "%s\n", connected.message.c_str());
        if (connected.usageError) return 2;
        std::fprintf(stderr, "%s\n", tx.format("sync.waiting", {{"n", waitingNow()}}).c_str());
        return 1;
    }
    if (PgResult limits = central.exec(kStatementLimits); !limits.ok()) {
        std::fprintf(stderr, "%s\n", tx.format("sync.push_failed", {{"detail", limits.error()}}).c_str());
        return 1;
    }
    // central_sync.h, rule 6: the same schema, and a kiosk row for this id and login; else nothing moves.
    if (const PeerCheck peer = checkPeer(central, settings.kioskId); !peer.ok()) {
        std::fprintf(stderr, "%s\n", describePeerCheck(peer, tx, settings.kioskId, central.user()).c_str());
        std::fprintf(stderr, "%s\n", tx.format("sync.waiting", {{"n", waitingNow()}}).c_str());
        return 1;
    }
    // The roster first (central/central_roster.h): a change made here goes out, a newer one comes in;
    // the server accepts a check-in only for someone in a release of the kiosk's cohorts.
    const RosterSyncReport roster = syncRosterOnce(ctx, central, now);
    const PushReport push = pushOutbox(central, outbox, settings.kioskId, *clock);
    printPushReport(push, tx, settings.kioskId);
    if (!push.ok) {
        std::fprintf(stderr, "%s\n", tx.format(push.storeFailed ? "sync.store_failed" : "sync.push_failed",
                                               {{"detail", push.error}}).c_str());
        std::fprintf(stderr, "%s\n", tx.format("sync.waiting", {{"n", waitingNow()}}).c_str());
        return 1;
    }
    const PullReport pull = pullOtherKiosks(central, outbox, settings.kioskId, now.ms);
    std::string from;
    for (const auto& [origin, n] : pull.perOrigin)
        from += (from.empty() ? "" : ", ") +
                (origin == settings.kioskId ? tx.format("sync.pulled_own", {{"id", origin}}) : origin) + ": " + std::to_string(n);
    std::printf("%s\n", tx.format(from.empty() ? "sync.pulled_none" : "sync.pulled",
                                  {{"n", std::to_string(pull.inserted)}, {"from", from}}).c_str());
    if (!pull.ok) {
        std::fprintf(stderr, "%s\n", tx.format(pull.storeFailed ? "sync.store_failed" : "sync.pull_failed",
                                               {{"detail", pull.error}}).c_str());
        return 1;
    }
    // Rule 7: this database stamped as in contact; another box under the same id is said, not hidden.
    std::vector<std::string> others;
    std::string stampError;
    int64_t epoch = 0;
    outbox.epoch(epoch);
    const std::string self = boxName(ctx.dbPath);
    if (!stampDatabase(central, settings.kioskId, epoch, self, false, others, stampError)) {
        std::fprintf(stderr, "%s\n", tx.format("sync.pull_failed", {{"detail", stampError}}).c_str());
        return 1;
    }
    printRosterAndChecks(tx, roster, pull);
    std::printf("%s\n", tx.format("sync.waiting", {{"n", waitingNow()}}).c_str());
    if (!roster.ok) {
        std::fprintf(stderr, "%s\n", tx.format("sync.roster_failed", {{"detail", roster.error}}).c_str());
        return 1;
    }
    if (!others.empty()) {
        std::string boxes;
        for (const auto& b : others) boxes += (boxes.empty() ? "" : "; ") + b;
        std::fprintf(stderr, "%s\n", tx.format("sync.duplicate_id", {{"id", settings.kioskId}, {"boxes", boxes}, {"self", self}}).c_str());
        return 1;
    }
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace kiosk
