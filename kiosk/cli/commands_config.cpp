// commands_config.cpp: check-config, show, import-roster (with a central record: released at once).
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/json.h"
#include "central/central_connect.h"
#include "central/central_kiosk_role.h"
#include "central/central_roster.h"
#include "central/pg_connection.h"
#include "content/input_file.h"
#include "content/privacy_settings.h"
#include "core/text_checks.h"
#include "core/name_labels.h"
#include "core/roster.h"
#include "store/store_messages.h"
#include "store/atomic_file.h"
#include "store/roster_sync.h"
#include "store/meta_keys.h"

namespace kiosk {
namespace {

void printProblems(const Problems& problems) {
    for (const auto& p : problems) std::fprintf(stderr, "%s\n", p.format().c_str());
}

int countWarnings(const Problems& ps) {
    int n = 0;
    for (const auto& p : ps) n += p.severity == Severity::warning;
    return n;
}

}  // namespace

int cmdCheckConfig(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    const auto& cfg = ctx.config;
    printProblems(cfg.problems);
    // No facilitator code is shipped (one everybody knows locks nothing): said until the venue sets one.
    const bool noCode = cfg.ok() && cfg.settings.facilitatorCode.empty();
    if (noCode)
        std::fprintf(stderr, "%s\n", Problem{kKioskFile, 0, 0, Severity::warning, ctx.texts("config.no_facilitator_code")}.format().c_str());
    const std::string origin = ctx.configDir.empty() ? ctx.texts("config.embedded") : ctx.configDir.string();
    if (!cfg.ok()) {
        int errors = 0;
        for (const auto& p : cfg.problems) errors += p.severity == Severity::error;
        std::fprintf(stderr, "%s\n", ctx.texts.format("config.invalid_summary", {{"origin", origin},
                                                                                  {"n", std::to_string(errors)}}).c_str());
        return 2;
    }
    std::printf("%s\n", ctx.texts.format("config.valid_summary",
                                         {{"origin", origin},
                                          {"title", cfg.programme.title},
                                          {"days", std::to_string(cfg.programme.days.size())},
                                          {"exercises", std::to_string(cfg.programme.exercises.size())},
                                          {"participants", std::to_string(cfg.roster.rows.size())},
                                          {"cohorts", std::to_string(cfg.programme.cohorts.size())},
                                          {"warnings", std::to_string(countWarnings(cfg.problems) + (noCode ? 1 : 0))}}).c_str());
    if (cfg.settings.keepEmail)  // kept only with a purpose, and said (privacy_settings.h)
        std::printf("%s\n", ctx.texts.format("config.email_kept", {{"purpose", cfg.settings.emailPurpose}}).c_str());
    return 0;
}

int cmdShow(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    if (!ctx.config.ok()) {
        printProblems(ctx.config.problems);
        return 2;
    }
    AttendanceDb db;
    if (int rc = openStoreForReading(ctx, db)) return rc;  // show only reads
    std::vector<StoredParticipant> stored;
    if (auto s = db.participants(stored); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    const Programme& prog = ctx.config.programme;
    const KioskSettings& set = ctx.config.settings;
    if (cl.json) {
        std::string j = "{\n  \"programme\": {\"title\": " + jsonString(prog.title) + ", \"subtitle\": " +
                        jsonString(prog.subtitle) + ", \"venue\": " + jsonString(set.venue) + ", \"city\": " +
                        jsonString(set.city) + "},\n  \"cohorts\": [";
        for (size_t i = 0; i < prog.cohorts.size(); ++i)
            j += std::string(i ? ", " : "") + "{\"id\": " + jsonString(prog.cohorts[i].id) + ", \"name\": " +
                 jsonString(prog.cohorts[i].name) + "}";
        j += "],\n  \"days\": [";
        for (size_t i = 0; i < prog.days.size(); ++i) {
            const auto& d = prog.days[i];
            j += std::string(i ? "," : "") + "\n    {\"number\": " + std::to_string(d.number) + ", \"date\": " +
                 jsonString(d.date.iso()) + ", \"theme\": " + jsonString(d.theme) + ", \"cohort\": " + jsonString(d.cohortId) +
                 ", \"assignment\": " + jsonString(d.assignment) + ", \"agenda\": [";
            for (size_t k = 0; k < d.agenda.size(); ++k) {
                const auto& a = d.agenda[k];
                j += std::string(k ? ", " : "") + "{\"start\": " + jsonString(a.start.hhmm()) + ", \"end\": " +
                     jsonString(a.end.hhmm()) + ", \"title\": " + jsonString(a.title) + ", \"room\": " + jsonString(a.room) +
                     ", \"facilitator\": " + jsonString(a.facilitator) + ", \"exercise\": " +
                     (a.exerciseId.empty() ? "null" : jsonString(a.exerciseId)) + "}";
            }
            j += "]}";
        }
        j += "\n  ],\n  \"exercises\": [";
        for (size_t i = 0; i < prog.exercises.size(); ++i) {
            const auto& e = prog.exercises[i];
            j += std::string(i ? "," : "") + "\n    {\"id\": " + jsonString(e.id) + ", \"title\": " + jsonString(e.title) +
                 ", \"group_form\": " + jsonString(groupFormKey(e.groupForm)) + ", \"steps\": [";
            for (size_t k = 0; k < e.steps.size(); ++k)
                j += std::string(k ? ", " : "") + "{\"text\": " + jsonString(e.steps[k].text) + ", \"seconds\": " +
                     std::to_string(e.steps[k].seconds) + "}";
            j += "]}";
        }
        j += "\n  ],\n  \"participants\": [";
        bool first = true;
        for (const auto& sp : stored) {
            if (!sp.active) continue;
            const auto& p = sp.participant;
            j += std::string(first ? "" : ",") + "\n    {\"code\": " + jsonString(p.code) + ", \"first_name\": " +
                 jsonString(p.firstName) + ", \"infix\": " + jsonString(p.infix) + ", \"last_name\": " +
                 jsonString(p.lastName) + ", \"department\": " + jsonString(p.department) + ", \"cohort\": " +
                 jsonString(p.cohortId) + "}";
            first = false;
        }
        j += "\n  ]\n}\n";
        std::fputs(j.c_str(), stdout);
        return 0;
    }
    const Lang lang = ctx.texts.lang();
    std::printf("%s \xE2\x80\x94 %s\n%s, %s\n\n", prog.title.c_str(), prog.subtitle.c_str(), set.venue.c_str(), set.city.c_str());
    for (const auto& d : prog.days) {
        const Cohort* c = prog.cohort(d.cohortId);
        const std::string group = prog.cohorts.size() > 1 && c ? "  [" + c->name + "]" : std::string{};
        std::printf("%s  %s: %s%s\n", ctx.texts.format("home.day_n", {{"n", std::to_string(d.number)},
                                                                        {"total", std::to_string(prog.dayCount(d.cohortId))}}).c_str(),
                    longDate(d.date, lang).c_str(), d.theme.c_str(), group.c_str());
        for (const auto& a : d.agenda)
            std::printf("    %s\xE2\x80\x93%s  %s%s\n", a.start.hhmm().c_str(), a.end.hhmm().c_str(), a.title.c_str(),
                        a.exerciseId.empty() ? "" : (" [" + a.exerciseId + "]").c_str());
    }
    std::printf("\n%s\n", ctx.texts("show.participants").c_str());
    for (const auto& sp : stored)
        if (sp.active)
            std::printf("    %-8s %-34s %s\n", sp.participant.code.c_str(), sp.participant.fullName().c_str(),
                        sp.participant.department.c_str());
    return 0;
}

namespace {

// With a central record the imported roster goes out at once (central/central_roster.h), so that
// the other kiosks of its cohorts take it at their next sync. The local import stands either way:
// when the server cannot be reached now, the next sync releases it.
void releaseRosterNow(const CommandContext& ctx, AttendanceDb& db) {
    const KioskSettings& settings = ctx.config.settings;
    if (settings.centralUrl.empty() || !validCentralKioskId(settings.kioskId)) return;
    PgConnection central;
    const CentralConnectResult connected = connectCentral(central, settings.centralUrl, settings.centralPasswordFile, ctx.texts, 5);
    RosterSyncReport report;
    if (connected.ok) {
        std::set<std::string> cohorts;
        for (const Cohort& k : ctx.config.programme.cohorts) cohorts.insert(k.id);
        report = syncRoster(central, db, settings.kioskId, cohorts, SystemClock{}.now());
    }
    for (const auto& [cohort, version] : report.released)
        std::printf("%s\n", ctx.texts.format("sync.roster_released", {{"cohort", cohort}, {"version", std::to_string(version)}}).c_str());
    for (const auto& [cohort, version] : report.applied)
        std::printf("%s\n", ctx.texts.format("sync.roster_applied", {{"cohort", cohort}, {"version", std::to_string(version)},
                                                                     {"people", std::to_string(report.people)}}).c_str());
    if (!report.ok)
        std::fprintf(stderr, "%s\n", ctx.texts.format("import.central_later",
                                                      {{"detail", connected.ok ? report.error : connected.message}}).c_str());
}

}  // namespace

int cmdImportRoster(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    if (cl.positional.size() != 1) {
        std::fprintf(stderr, "leergang-kiosk import-roster FILE.csv\n");
        return 2;
    }
    // The cohorts come from the programme: it must be valid apart from the roster itself.
    for (const auto& p : ctx.config.problems)
        if (p.severity == Severity::error && p.file != kRosterFile) {
            std::fprintf(stderr, "%s\n", p.format().c_str());
            return 2;
        }
    const std::string file = cl.positional[0];
    const InputFile in = readInputFile(file, kRosterFileLimit, ctx.texts);
    if (!in.content) {
        std::fprintf(stderr, "%s: %s\n", printable(file).c_str(), in.message.c_str());
        return 2;
    }
    const std::string& text = *in.content;
    RosterParse roster = parseRoster(text, printable(file), &ctx.config.programme.cohorts, ctx.texts, cl.allowEmpty);
    printProblems(roster.problems);
    if (!roster.ok()) {
        std::fprintf(stderr, "%s\n", ctx.texts("import.refused").c_str());
        return 2;
    }
    printProblems(namesakeWarnings(roster.rows, ctx.config.settings.nameDisplay, printable(file), ctx.texts));
    AttendanceDb db;
    const StoreOpenReport report = db.open(ctx.dbPath, SystemClock{}.now());
    for (const auto& line : describeOpenReport(ctx.texts, report)) std::fprintf(stderr, "%s\n", line.c_str());
    if (!report.status.ok()) {
        std::fprintf(stderr, "%s: %s\n", ctx.dbPath.c_str(), describe(ctx.texts, report.status).c_str());
        return 1;
    }
    minimiseRoster(roster.rows, ctx.config.settings);  // no e-mail unless [privacy] keep_email
    std::vector<Participant> rows;
    for (const auto& r : roster.rows) rows.push_back(r.participant);
    RosterImportResult result;
    // The config folder's participants.csv as it is now counts as seen: it flows in again only
    // when someone edits it (roster_sync.h), so this import is not undone at the next start.
    std::string seenKey, seenHash;
    if (auto it = ctx.files.files.find(kRosterFile); it != ctx.files.files.end()) {
        seenKey = meta_keys::kConfigRosterHash;
        std::vector<Participant> seen;
        for (const auto& r : ctx.config.roster.rows) seen.push_back(r.participant);
        seenHash = configRosterHash(it->second, seen);
    }
    if (auto s = db.importRoster(rows, SystemClock{}.now(), result, seenKey, seenHash); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    // Codes Excel stripped of their zeros are stored as the roster knew them (core/code_resolver.h).
    for (const auto& code : result.erasedLeftOut)
        std::fprintf(stderr, "%s\n", ctx.texts.format("erase.left_out", {{"code", code}}).c_str());
    for (const auto& r : result.codesRestored)
        std::fprintf(stderr, "%s\n", Problem{printable(file), roster.rows[r.row].line, 0, Severity::warning,
                                              ctx.texts.format("problem.roster.zeros_restored", {{"code", r.incoming}, {"existing", r.stored}})}
                                          .format().c_str());
    std::printf("%s\n", ctx.texts.format("import.result", {{"added", std::to_string(result.added)},
                                                           {"updated", std::to_string(result.updated)},
                                                           {"unchanged", std::to_string(result.unchanged)},
                                                           {"deactivated", std::to_string(result.deactivated)}}).c_str());
    releaseRosterNow(ctx, db);
    return 0;
}

}  // namespace kiosk
