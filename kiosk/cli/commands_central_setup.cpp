// commands_central_setup.cpp: `leergang-kiosk central-setup --url URL [--add-kiosk ID --cohort C ...]
// [--set-cohorts ID --cohort C ... | --add-cohorts ID --cohort C ...] [--purge]
// [--erase CODE --cohort C --reason TEXT]`, run
// by the organiser with the owner role of the central database (issue 17). --purge applies the
// kiosk's retention rule to the central copy (central/central_retention.h). --erase erases one
// person of cohort C on request (AVG art. 17, issue 31; central/central_erasure.h): their events,
// their rows in every roster release of C, a tombstone without code or name left instead, and every
// kiosk of C erases them at its next sync. Exit 0 erased (or erased before, nothing left); 3 nobody with that code in C (the
// tombstone is recorded all the same, as `privacy erase` does on a kiosk: a later release or push
// of that code does not bring anyone in; said so); 2 usage (one --cohort, a reason of at most 200
// characters without control characters, not with --add-kiosk or the cohort options; a cohort the
// record does not know); 1 the server failed. The schema and its contract are
// in central/central_schema.h, the kiosk roles in central/central_kiosk_role.h; this file only
// connects, calls them and says what happened.
//
// Output: what was done on stderr, in the kiosk's language; with --add-kiosk, the lines for that
// kiosk's kiosk.toml and the new password on stdout (shown this once, never stored here).
// The owner's URL follows the kiosk's rules: no password in it (libpq's PGPASSWORD, ~/.pgpass or
// peer authentication instead, as for psql), verified TLS for anything but a local socket or
// loopback. Exit 0: done (also when there was nothing to do); 1: the server could not be reached or
// refused; 2: usage, a bad URL or kiosk id, or a database newer than this program.
#include <cstdio>
#include <memory>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "central/central_connect.h"
#include "central/central_erasure.h"
#include "central/central_kiosk_role.h"
#include "central/central_retention.h"
#include "central/central_schema.h"
#include "central/pg_connection.h"
#include "core/code_resolver.h"
#include "core/text_checks.h"

namespace kiosk {
namespace {

std::string tomlString(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}

// --set-cohorts ID / --add-cohorts ID (central/central_kiosk_role.h, contract 5).
int setCohorts(PgConnection& owner, const std::string& id, const std::vector<std::string>& cohorts, bool add,
               const Texts& tx) {
    const SetCohortsResult r = setKioskCohorts(owner, id, cohorts, add);
    if (r.unknownKiosk) {
        std::fprintf(stderr, "%s\n", tx.format("central_setup.unknown_kiosk", {{"id", id}}).c_str());
        return 2;
    }
    if (!r.ok) {
        std::fprintf(stderr, "%s\n", tx.format("central_setup.cohorts_failed", {{"id", id}, {"detail", r.error}}).c_str());
        return 1;
    }
    std::string list;
    for (const std::string& cohort : r.cohorts) list += (list.empty() ? "" : ", ") + cohort;
    std::fprintf(stderr, "%s\n",
                 (r.cohorts.empty() ? tx.format("central_setup.cohorts_none", {{"id", id}})
                                    : tx.format("central_setup.cohorts_set", {{"id", id}, {"cohorts", list},
                                                                              {"k", std::to_string(r.cohorts.size())},
                                                                              {"n", std::to_string(r.eventsAssigned)}}))
                     .c_str());
    return 0;
}

// --erase CODE --cohort C --reason TEXT: whether it is well formed (else the usage, exit 2).
bool eraseWellFormed(const CommandLine& cl) {
    if (cl.addKiosk || cl.setCohorts || cl.addCohorts || cl.cohorts.size() != 1) return false;
    if (codeKey(*cl.erase).empty()) return false;
    return cl.reason && cl.reason->find_first_not_of(' ') != std::string::npos && checkText(*cl.reason, 200, false).ok();
}

int eraseCentral(PgConnection& owner, const CommandLine& cl, const Texts& tx) {
    const std::string& cohort = cl.cohorts.front();
    const CentralEraseResult r = eraseFromCentral(owner, cohort, *cl.erase, *cl.reason);
    const TextArgs args{{"code", printable(*cl.erase)}, {"cohort", cohort}, {"n", std::to_string(r.events)},
                        {"rows", std::to_string(r.rosterRows)}};
    if (r.unknownCohort) {
        std::fprintf(stderr, "%s\n", tx.format("central_setup.erase_unknown_cohort", args).c_str());
        return 2;
    }
    if (!r.ok) {
        std::fprintf(stderr, "%s\n", tx.format("central_setup.erase_failed", {{"detail", r.error}}).c_str());
        return 1;
    }
    if (r.events == 0 && r.rosterRows == 0) {
        std::fprintf(stderr, "%s\n", tx.format(r.alreadyErased ? "central_setup.erase_already" : "central_setup.erase_nobody", args).c_str());
        return r.alreadyErased ? 0 : 3;
    }
    std::fprintf(stderr, "%s\n", tx.format("central_setup.erased", args).c_str());
    return 0;
}

}  // namespace

int cmdCentralSetup(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    const Texts& tx = ctx.texts;
    if (!cl.url || cl.url->empty() || !cl.positional.empty()) {
        std::fprintf(stderr, "%s\n", tx("central_setup.usage").c_str());
        return 2;
    }
    const std::optional<std::string>& cohortsOf = cl.setCohorts ? cl.setCohorts : cl.addCohorts;
    if ((cl.setCohorts && cl.addCohorts) || (!cohortsOf && !cl.addKiosk && !cl.erase && !cl.cohorts.empty()) ||
        (cl.erase && !eraseWellFormed(cl))) {
        std::fprintf(stderr, "%s\n", tx("central_setup.usage").c_str());
        return 2;
    }
    for (const auto* id : {&cl.addKiosk, &cohortsOf})
        if (*id && !validCentralKioskId(**id)) {
            std::fprintf(stderr, "%s\n", tx.format("central_setup.bad_kiosk_id", {{"id", **id}}).c_str());
            return 2;
        }
    for (const std::string& cohort : cl.cohorts)
        if (!validCentralCohort(cohort)) {
            std::fprintf(stderr, "%s\n", tx.format("central_setup.bad_cohort", {{"cohort", printable(cohort)}}).c_str());
            return 2;
        }
    PgConnection owner;
    const CentralConnectResult connected = connectCentral(owner, *cl.url, {}, tx);
    if (!connected.ok) {
        std::fprintf(stderr, "%s\n", connected.message.c_str());
        return connected.usageError ? 2 : 1;
    }

    const CentralSchemaResult schema = applyCentralSchema(owner);
    if (schema.tooNew) {
        std::fprintf(stderr, "%s\n",
                     tx.format("central_setup.too_new", {{"version", std::to_string(schema.versionBefore)},
                                                         {"known", std::to_string(kCentralSchemaVersion)}}).c_str());
        return 2;
    }
    if (!schema.ok) {
        std::fprintf(stderr, "%s\n", tx.format("central_setup.failed", {{"version", std::to_string(schema.versionAfter)},
                                                                       {"detail", schema.error}}).c_str());
        return 1;
    }
    if (schema.applied == 0)
        std::fprintf(stderr, "%s\n", tx.format("central_setup.up_to_date", {{"version", std::to_string(schema.versionAfter)}}).c_str());
    else
        std::fprintf(stderr, "%s\n", tx.format("central_setup.applied", {{"from", std::to_string(schema.versionBefore)},
                                                                        {"to", std::to_string(schema.versionAfter)},
                                                                        {"n", std::to_string(schema.applied)}}).c_str());
    if (cl.purge) {
        // The kiosk's retention rule on the central copy (central/central_retention.h); the
        // period from kiosk.toml ([store] retention_days) or --older-than, today from the clock
        // (or --now).
        const std::unique_ptr<Clock> clock = clockFromCommandLine(cl);
        if (!clock) return 2;
        const int days = cl.olderThanDays.value_or(ctx.config.settings.retentionDays);
        const CentralPurgeResult purged = purgeCentral(owner, localDateOf(clock->now()), days);
        if (!purged.ok) {
            std::fprintf(stderr, "%s\n", tx.format("central_setup.purge_failed", {{"detail", purged.error}}).c_str());
            return 1;
        }
        const Lang lang = tx.lang();
        std::fprintf(stderr, "%s\n",
                     tx.format("central_setup.purged",
                               {{"n", std::to_string(purged.removed)}, {"date", longDate(purged.appliedCutoff, lang)},
                                {"days", std::to_string(days)},
                                {"newest", purged.newestEvidence ? longDate(*purged.newestEvidence, lang)
                                                                 : tx("central_setup.no_records")}}).c_str());
        if (purged.releasesRemoved > 0)
            std::fprintf(stderr, "%s\n", tx.format("central_setup.purged_releases", {{"n", std::to_string(purged.releasesRemoved)}}).c_str());
    }
    if (cohortsOf) return setCohorts(owner, *cohortsOf, cl.cohorts, cl.addCohorts.has_value(), tx);
    if (cl.erase) return eraseCentral(owner, cl, tx);
    if (!cl.addKiosk) return 0;

    const AddKioskResult added = addCentralKiosk(owner, *cl.addKiosk, cl.cohorts);
    if (!added.ok) {
        std::fprintf(stderr, "%s\n", tx.format("central_setup.add_failed", {{"role", centralRoleName(*cl.addKiosk)},
                                                                           {"detail", added.error}}).c_str());
        return 1;
    }
    std::fprintf(stderr, "%s\n", tx.format(added.existed ? "central_setup.kiosk_password_reset" : "central_setup.kiosk_added",
                                           {{"role", added.role}, {"id", *cl.addKiosk}}).c_str());
    if (!cl.cohorts.empty()) {
        std::string list;
        for (const std::string& cohort : cl.cohorts) list += (list.empty() ? "" : ", ") + cohort;
        std::fprintf(stderr, "%s\n", tx.format("central_setup.cohorts_set", {{"id", *cl.addKiosk}, {"cohorts", list},
                                                                {"k", std::to_string(cl.cohorts.size())}, {"n", "0"}}).c_str());
    } else if (!added.existed) {
        std::fprintf(stderr, "%s\n", tx.format("central_setup.cohorts_none", {{"id", *cl.addKiosk}}).c_str());
    }
    const std::string passwordFile = "/etc/leergang-kiosk/central-password";
    std::printf("# %s\n[kiosk]\nid = %s\n\n[central]\nurl = %s\npassword_file = %s\n\n# %s\n%s\n",
                tx.format("central_setup.toml_for", {{"id", *cl.addKiosk}}).c_str(), tomlString(*cl.addKiosk).c_str(),
                tomlString(kioskConnectionString(*cl.url, *cl.addKiosk)).c_str(), tomlString(passwordFile).c_str(),
                tx.format("central_setup.password_once", {{"path", passwordFile}}).c_str(), added.password.c_str());
    return std::fflush(stdout) == 0 ? 0 : 1;
}

}  // namespace kiosk
