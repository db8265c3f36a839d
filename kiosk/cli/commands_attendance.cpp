// commands_attendance.cpp: checkin, checkout, correct, export, backup, purge, for staff and scripts.
#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "content/paths.h"
#include "core/checkin_flow.h"
#include "core/event_builder.h"
#include "core/staff_correction.h"
#include "core/presence_list.h"
#include "core/text_checks.h"
#include "export/attendance_export.h"
#include "export/export_target.h"
#include "export/xlsx_writer.h"
#include "store/atomic_file.h"
#include "store/store_messages.h"
#include "store/meta_keys.h"

namespace kiosk {
namespace {

// Loads config (must be valid) and opens the store with the roster in sync (for writing), or
// read-only (`forReading`: never moves or quarantines the database, works on a read-only one).
int open(const CommandLine& cl, CommandContext& ctx, AttendanceDb& db, bool forReading = false) {
    if (int rc = prepareCommand(cl, ctx)) return rc;
    if (!ctx.config.ok()) {
        for (const auto& p : ctx.config.problems) std::fprintf(stderr, "%s\n", p.format().c_str());
        return 2;
    }
    return forReading ? openStoreForReading(ctx, db) : openStoreWithRoster(ctx, db, SystemClock{}.now());
}

// The active participant `code` stands for, by the kiosk's resolver and rule (core/code_resolver.h);
// 1 (store error) or 2 (unknown, inactive, ambiguous: said on stderr) otherwise.
int findActive(CommandContext& ctx, AttendanceDb& db, const std::string& code, Participant& out) {
    std::optional<StoredParticipant> who;
    CodeMatch match = CodeMatch::unknown;
    if (auto s = db.findParticipant(code, who, &match); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    if (!who || !mayRecordAttendance({match, 0, who->participant.code})) {
        const char* key = match == CodeMatch::inactive ? "cli.inactive_code"
                          : match == CodeMatch::ambiguous ? "cli.ambiguous_code" : "cli.unknown_code";
        std::fprintf(stderr, "%s\n", ctx.texts.format(key, {{"code", printable(code)},
                                                            {"name", who ? who->participant.fullName() : std::string()}}).c_str());
        return 2;
    }
    out = who->participant;
    return 0;
}

}  // namespace

int openConfiguredStore(const CommandLine& cl, CommandContext& ctx, AttendanceDb& db) { return open(cl, ctx, db); }
int findActiveParticipant(CommandContext& ctx, AttendanceDb& db, const std::string& code, Participant& out) {
    return findActive(ctx, db, code, out);
}

int refuseCorrection(const CommandContext& ctx, TextArgs args, const std::string& key) {
    args.emplace_back("reason", ctx.texts.format(key, {{"n", std::to_string(kCorrectionDaysAround)}}));
    std::fprintf(stderr, "%s\n", ctx.texts.format("cli.refused", args).c_str());
    return key == "staff.error.reason" || key == "staff.error.actor" || key == "staff.error.too_long" ? 2 : kExitRefused;
}

int dayRecordFromStore(const CommandContext& ctx, AttendanceDb& db, LocalDate date, const std::string& code, DayRecord& out) {
    std::vector<AttendanceEvent> events;
    if (auto s = db.loadEventsForDay(date, events); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    AttendanceLedger ledger;
    for (const auto& e : events) ledger.apply(e);
    out = ledger.record(date, code);
    return 0;
}

int cmdCheckInOut(const CommandLine& cl) {
    const bool in = cl.command == "checkin";
    if (cl.positional.size() != 1) {
        std::fprintf(stderr, "leergang-kiosk %s CODE [--at YYYY-MM-DDTHH:MM]\n", cl.command.c_str());
        return 2;
    }
    // The clock the time is checked against: the system's, or --now (demos, tests of dates to come).
    const auto clock = clockFromCommandLine(cl);
    if (!clock) return 2;
    const Instant now = clock->now();
    Instant at = now;
    if (cl.at) {
        const auto t = LocalDateTime::parse(*cl.at);
        if (!t) {
            std::fprintf(stderr, "--at YYYY-MM-DDTHH:MM, niet / not '%s'\n", cl.at->c_str());
            return 2;
        }
        at = fromLocal(*t);
    }
    CommandContext ctx;
    AttendanceDb db;
    if (int rc = open(cl, ctx, db)) return rc;
    Participant p;
    if (int rc = findActive(ctx, db, cl.positional[0], p)) return rc;
    const LocalDate day = localDateOf(at);
    const TextArgs args{{"name", p.fullName()}, {"code", p.code}, {"date", day.iso()}};
    // The same decision as a tap on the kiosk (core/checkin_flow.h), made inside the write
    // transaction: four scripts and two kiosks at once still write each check-in once. `checkin`
    // after a check-out is the door's "weer inchecken". Exit: 0 done, 3 already so (nothing
    // written), 4 refused (said why).
    const CheckAction action = in ? CheckAction::check_in_again : CheckAction::check_out;
    const AttendanceEvent e = makeEvent(in ? EventKind::check_in : EventKind::check_out, p.code, at, day,
                                        EventStamp::commandLine(now, ctx.config.settings.kioskId));
    GuardedOutcome done;
    if (auto s = db.decideAndAppend({action, e, AttendanceRules::from(ctx.config.settings), now}, done); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    if (!done.written) {
        auto a = args;
        a.emplace_back("time", toLocal(done.shownTime).timeOfDay().hhmm());
        if (done.show == CheckFeedback::Kind::not_checked_in) {
            std::fprintf(stderr, "%s\n", ctx.texts.format("cli.not_checked_in", args).c_str());
            return kExitRefused;
        }
        if (done.show == CheckFeedback::Kind::refused) {
            a.emplace_back("n", std::to_string(kMaxAheadMinutes));
            auto r = args;
            r.emplace_back("reason", ctx.texts.format(timeCheckKey(done.refusal), a));
            std::fprintf(stderr, "%s\n", ctx.texts.format("cli.refused", r).c_str());
            return kExitRefused;
        }
        std::printf("%s\n", ctx.texts.format(done.show == CheckFeedback::Kind::already_in ? "cli.already_in" : "cli.already_out", a).c_str());
        return kExitAlreadySo;
    }
    // Printed only after the commit returned: a script may trust this line.
    auto a = args;
    a.emplace_back("time", toLocal(at).timeOfDay().hhmm());
    std::printf("%s\n", ctx.texts.format(in ? "cli.checked_in" : "cli.checked_out", a).c_str());
    return 0;
}

int cmdCorrect(const CommandLine& cl) {
    // The staff form's choices, one at a time: --excused | --absent | --in HH:MM | --out HH:MM |
    // --catch-up-of N (a make-up day: commands_correct_catch_up.cpp).
    const int chosen = cl.excused + cl.absent + (cl.in ? 1 : 0) + (cl.out ? 1 : 0) + (cl.catchUpOf ? 1 : 0);
    if (chosen == 1 && cl.catchUpOf) return cmdCorrectCatchUp(cl);
    const auto date = cl.date ? LocalDate::parse(*cl.date) : std::nullopt;
    const auto time = cl.in ? TimeOfDay::parse(*cl.in) : cl.out ? TimeOfDay::parse(*cl.out) : std::optional<TimeOfDay>{};
    if (cl.positional.size() != 1 || chosen != 1 || !date || ((cl.in || cl.out) && !time)) {
        std::fprintf(stderr, "leergang-kiosk correct CODE --date YYYY-MM-DD (--excused | --absent | --in HH:MM | --out HH:MM | "
                             "--catch-up-of N) --reason TEXT --actor NAME\n");
        return 2;
    }
    const auto clock = clockFromCommandLine(cl);
    if (!clock) return 2;
    const Instant now = clock->now();
    CommandContext ctx;
    AttendanceDb db;
    if (int rc = open(cl, ctx, db)) return rc;
    Participant p;
    if (int rc = findActive(ctx, db, cl.positional[0], p)) return rc;
    StaffForm form;
    form.participantCode = p.code;
    form.effect = cl.excused ? CorrectionEffect::set_excused : cl.absent ? CorrectionEffect::set_absent
                  : cl.in    ? CorrectionEffect::set_check_in : CorrectionEffect::set_check_out;
    form.reason = cl.reason.value_or("");
    form.actor = cl.actor.value_or("");
    const Instant at = correctionMoment(form.effect, *date, time ? time->minutes : 0);
    const TextArgs args{{"name", p.fullName()}, {"code", p.code}, {"date", date->iso()}};
    // Exactly the form's rules (core/staff_correction.h), and the form's reach in days.
    std::string wrong = checkStaffCorrection(form, ctx.config.programme, p.cohortId, *date, at, now);
    if (wrong.empty() && std::abs(date->daysSinceEpoch() - localDateOf(now).daysSinceEpoch()) > kCorrectionDaysAround)
        wrong = "staff.error.far";
    if (!wrong.empty()) return refuseCorrection(ctx, args, wrong);
    // Already so: the day already says exactly this (an excusal with this reason; absent with
    // nothing on it). A time is always written: staff's word on it is the newest.
    DayRecord day;
    if (int rc = dayRecordFromStore(ctx, db, *date, p.code, day)) return rc;
    const bool excusedSo = form.effect == CorrectionEffect::set_excused && day.excused && day.excusedReason == form.reason;
    const bool absentSo = form.effect == CorrectionEffect::set_absent && day.intervals.empty() && !day.excused && !day.catchUpOn;
    if (excusedSo || absentSo) {
        std::printf("%s\n", ctx.texts.format(excusedSo ? "cli.already_excused" : "cli.already_absent", args).c_str());
        return kExitAlreadySo;
    }
    const AttendanceEvent e = makeStaffEvent(form, *date, at, EventStamp::commandLine(now, ctx.config.settings.kioskId));
    if (auto s = db.appendEvent(e); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    auto a = args;
    a.emplace_back("what", time      ? ctx.texts.format(cl.in ? "staff.what_in" : "staff.what_out", {{"time", time->hhmm()}})
                           : cl.excused ? ctx.texts("staff.what_excused")
                                        : ctx.texts("staff.what_absent"));
    a.emplace_back("reason", form.reason);
    std::printf("%s\n", ctx.texts.format("cli.corrected", a).c_str());
    return 0;
}

// The export asked for on the command line, checked before anything is read; 0, or 2 with the
// usage error said on stderr. `folder`: --out names a folder to write into (a folder of files).
static int exportRequestFrom(const CommandLine& cl, ExportRequest& req, bool& folder) {
    req.kind = cl.exportKind;
    req.participant = cl.participant.value_or("");
    // --out DIR: a folder of files inside it (the certificates, everyone's statements)
    folder = req.kind == ExportKind::certificates || (req.kind == ExportKind::statements && !cl.participant);
    const bool paperOnly = exportIsPaperOnly(req.kind);
    const auto format = parseExportFormat(cl.format.value_or(paperOnly ? "pdf" : "csv"));
    if (!format) {
        std::fprintf(stderr, "--format csv | xlsx | pdf, niet / not '%s'\n", cl.format->c_str());
        return 2;
    }
    req.format = *format;
    if ((paperOnly && req.format != ExportFormat::pdf) ||
        cl.exportKindOptions > 1 || (cl.day && req.kind != ExportKind::blank) || (cl.day && cl.date)) {
        std::fprintf(stderr, "%s\n", "--blank en --certificates zijn PDF, elk apart; --day N alleen met --blank, niet met --date / "
                                     "--blank and --certificates are PDF, one at a time; --day N only with --blank, not with --date");
        return 2;
    }
    if (folder && cl.out && *cl.out == "-") {
        std::fprintf(stderr, "--certificates/--participants --out DIR (een map / a folder), niet / not '-'\n");
        return 2;
    }
    if (cl.delimiter) {
        if (*cl.delimiter == ";") req.delimiter = ';';
        else if (*cl.delimiter == ",") req.delimiter = ',';
        else {
            std::fprintf(stderr, "--delimiter ';' | ','\n");
            return 2;
        }
    }
    const auto clock = clockFromCommandLine(cl);
    if (!clock) return 2;
    req.now = clock->now();
    req.date = localDateOf(req.now);
    req.today = req.date;
    if (cl.date) {
        const auto d = LocalDate::parse(*cl.date);
        if (!d) {
            std::fprintf(stderr, "--date YYYY-MM-DD, niet / not '%s'\n", cl.date->c_str());
            return 2;
        }
        req.date = *d;
    }
    if (folder && cl.out) {
        // --certificates --out DIR: the folder to write into (a USB stick's, or the same one again);
        // the certificates' own folder inside it is replaced whole (writeFolderAtomically).
        std::error_code ec;
        if (std::filesystem::exists(*cl.out, ec) && !std::filesystem::is_directory(*cl.out, ec)) {
            std::fprintf(stderr, "--out %s: %s\n", printable(*cl.out).c_str(),
                         "geen map / not a folder");
            return 2;
        }
    } else if (cl.out && *cl.out != "-") {
        // Refused before anything is read: only a regular file is ever replaced (atomic_file.h).
        std::string err;
        if (!writableTarget(*cl.out, err)) {
            std::fprintf(stderr, "%s\n", printable(err).c_str());
            return 2;
        }
    }
    return 0;
}

int cmdExport(const CommandLine& cl) {
    if (cl.exportKind == ExportKind::feedback) return cmdExportFeedback(cl);  // its own file: commands_feedback.cpp
    ExportRequest req;
    bool folder = false;
    if (int rc = exportRequestFrom(cl, req, folder)) return rc;
    CommandContext ctx;
    AttendanceDb db;
    if (int rc = open(cl, ctx, db, true)) return rc;
    if (cl.cohort && !ctx.config.programme.cohort(*cl.cohort)) {
        std::fprintf(stderr, "--cohort %s: %s\n", printable(*cl.cohort).c_str(), "onbekende groep / unknown cohort");
        return 2;
    }
    req.cohort = cl.cohort.value_or("");
    if (cl.day) {
        // Day N of the group asked for; without --cohort, day N must be one group's only.
        const ProgrammeDay* found = nullptr;
        int groups = 0;
        for (const auto& d : ctx.config.programme.days)
            if (d.number == *cl.day && (req.cohort.empty() || d.cohortId == req.cohort)) {
                found = found ? found : &d;
                ++groups;
            }
        if (!found) {
            std::fprintf(stderr, "--day %d: %s\n", *cl.day, "geen programmadag met dat nummer / no programme day with that number");
            return 2;
        }
        if (groups > 1) {
            std::fprintf(stderr, "--day %d: %s\n", *cl.day, "meer groepen hebben die dag: kies er een met --cohort ID / "
                                                            "several cohorts have that day: choose one with --cohort ID");
            return 2;
        }
        req.date = found->date;
    }
    BuiltExport built;
    if (auto s = collectExport(db, req, ctx.config.programme, ctx.config.settings, ctx.texts, built); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    if (!built.error.empty()) {
        std::fprintf(stderr, "%s\n", built.error.c_str());
        // Refused, not failed: nobody met the certificate rule, so there is nothing to print; a
        // statement of a code not in the cohort is a usage error.
        if (!req.participant.empty() && built.document.empty()) return 2;
        return req.kind == ExportKind::certificates && built.certificates.people.empty() ? 3 : 1;
    }
    if (cl.out && *cl.out == "-") {
        std::string bytes;
        if (req.format == ExportFormat::pdf) {
            bytes = built.document;
        } else if (req.format == ExportFormat::csv) {
            bytes = tableCsv(built.table, req.delimiter);
        } else {
            // A workbook is a zip: written to a private file first (unique name), then copied out.
            const auto tmp = std::filesystem::temp_directory_path() / "leergang-export.xlsx";
            std::string err;
            const auto partial = createPartialFile(tmp, err);
            if (!partial) {
                std::fprintf(stderr, "%s\n", err.c_str());
                return 1;
            }
            err = writeXlsxFile(built.table, *partial, 0);
            const auto read = err.empty() ? readWholeFile(*partial) : std::nullopt;
            std::error_code ec;
            std::filesystem::remove(*partial, ec);
            if (!read) {
                std::fprintf(stderr, "%s\n", err.empty() ? partial->c_str() : err.c_str());
                return 1;
            }
            bytes = *read;
        }
        // Every byte must arrive: a full disk or a closed pipe is an error, never exit 0.
        if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0) {
            std::fprintf(stderr, "%s\n", ctx.texts.format("cli.stdout_failed", {{"error", std::strerror(errno ? errno : EIO)}}).c_str());
            return 1;
        }
        return 0;
    }
    const bool into = cl.out && folder;  // --out DIR: into that folder
    const ExportTarget where = into     ? ExportTarget{std::filesystem::path(*cl.out), false, {}}
                               : cl.out ? ExportTarget{std::filesystem::path(*cl.out).parent_path(), false, {}}
                                        : currentExportTarget(exportDir(ctx.config.settings.exportFolder, ctx.dbPath));
    const SavedExport saved =
        saveExport(built, req, where, cl.out && !into ? std::filesystem::path(*cl.out) : std::filesystem::path{});
    if (!saved.error.empty()) {
        std::fprintf(stderr, "%s\n", saved.error.c_str());
        return 1;
    }
    const std::filesystem::path& target = saved.path;
    // Noted for the Status page when the database can be written; an export from a read-only one
    // is still an export.
    if (AttendanceDb writer; writer.openExisting(ctx.dbPath).ok())
        writer.setMeta(meta_keys::kLastExport, lastExportValue(SystemClock{}.now(), target.string()));
    const TextArgs args{{"path", target.string()}, {"n", std::to_string(saved.rows)}, {"drive", where.label}};
    const bool certificates = req.kind == ExportKind::certificates;
    const char* said = certificates ? (where.removable ? "cli.certificates_drive" : "cli.certificates")
                       : folder     ? (where.removable ? "cli.statements_drive" : "cli.statements")
                                    : (where.removable ? "cli.exported_drive" : "cli.exported");
    std::printf("%s\n", ctx.texts.format(said, args).c_str());
    return 0;
}

int cmdBackup(const CommandLine& cl) {
    if (cl.positional.size() != 1) {
        std::fprintf(stderr, "leergang-kiosk backup FILE\n");
        return 2;
    }
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    // Only a regular file is replaced: a symlink, a FIFO or a device at FILE is refused, left as it is.
    std::string refused;
    if (!writableTarget(cl.positional[0], refused, kPrivateFile)) {
        std::fprintf(stderr, "%s\n", refused.c_str());
        return 2;
    }
    AttendanceDb db;
    if (int rc = openStoreForReading(ctx, db)) return rc;  // a backup only reads
    if (auto s = db.backupTo(cl.positional[0]); !s.ok()) {
        std::fprintf(stderr, "%s: %s\n", cl.positional[0].c_str(), describe(ctx.texts, s).c_str());
        return 1;
    }
    std::printf("%s\n", ctx.texts.format("cli.backup_made", {{"path", cl.positional[0]}}).c_str());
    return 0;
}

int cmdPurge(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    const int days = cl.olderThanDays.value_or(ctx.config.settings.retentionDays);
    AttendanceDb db;
    db.setRetentionDays(days);
    const StoreOpenReport report = db.open(ctx.dbPath, SystemClock{}.now());
    for (const auto& line : describeOpenReport(ctx.texts, report)) std::fprintf(stderr, "%s\n", line.c_str());
    if (!report.status.ok()) {
        std::fprintf(stderr, "%s: %s\n", ctx.dbPath.c_str(), describe(ctx.texts, report.status).c_str());
        return 1;
    }
    // The clock proposes, the records decide (the rule is at the top of store/retention.cpp).
    LocalDate cutoff = localDateOf(SystemClock{}.now()).plusDays(-days);
    int removed = 0, people = 0;
    if (auto s = db.purge(cutoff, removed, &cutoff, &people); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    std::printf("%s\n", ctx.texts.format("cli.purged", {{"n", std::to_string(removed)}, {"date", cutoff.iso()}}).c_str());
    if (people > 0) std::printf("%s\n", ctx.texts.format("cli.purged_people", {{"n", std::to_string(people)}}).c_str());
    return 0;
}

}  // namespace kiosk
