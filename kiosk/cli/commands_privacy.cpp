// commands_privacy.cpp: one person's data on request, on this kiosk.
//
// `leergang-kiosk privacy export CODE [--out DIR]` (AVG art. 15, inspection): what the kiosk holds
// about the person (core/personal_record.h: their roster row, every event about them, walk-ins
// linked to them; nothing about anyone else) as `inzage-CODE-DATE.json` and `.pdf`, mode 0600, in
// DIR (default: the export folder beside the database). Read-only on the database. Exit 0 written,
// 3 nobody with that code (nothing written), 2 wrong use, an ambiguous code or no database at the
// path (both verbs: the default path is not the kiosk's), 1 could not write.
//
// `leergang-kiosk privacy erase CODE --reason TEXT` (AVG art. 17): their events, roster row and
// outbox rows, gone from the database file and its -wal, a tombstone without a name left instead
// (store/erasure.cpp). Exit 0 erased, 3 nobody with that code was there (a tombstone is still
// written: an import later does not bring them in), 2 wrong use.
//
// With a [central] url (issue 31):
//   - erase says that the server and the other kiosks still hold the person until the server's
//     owner runs `central-setup --erase` (central/central_erasure.h), after which every kiosk of the
//     cohort erases them at its next sync. A kiosk's role cannot delete anything on the server
//     (central_schema.h R7, R16), and a request filed by a kiosk could be forged by a stolen box:
//     the owner decides, as the controller's processor.
//   - export also writes `inzage-CODE-DATE-server.json`: what the server holds about the person in
//     this kiosk's cohorts, read with the kiosk's own role (central/central_inspection.h), marked as
//     the server's; the PDF has the same in its section "Op de centrale server" (roster rows, events
//     and corrections, the erasure state, the date read). An unreachable server is said on stdout
//     and in the PDF; what the kiosk holds is written anyway (exit 0), and nobody here and nothing
//     there (no row, no event, no tombstone) is exit 3.
#include <cstdio>
#include <filesystem>

#include "core/clock.h"

#include "central/central_connect.h"
#include "central/central_inspection.h"
#include "central/central_peer.h"
#include "central/pg_connection.h"
#include "cli/command_context.h"
#include "cli/commands.h"
#include "content/paths.h"
#include "core/personal_record.h"
#include "core/text_checks.h"
#include "export/pdf_exports.h"
#include "optional/optional_libraries.h"
#include "store/atomic_file.h"
#include "store/store_messages.h"

namespace kiosk {

namespace {

int privacyErase(const CommandLine& cl, CommandContext& ctx) {
    const Texts& tx = ctx.texts;
    const bool reasonGiven = cl.reason && cl.reason->find_first_not_of(' ') != std::string::npos &&
                             checkText(*cl.reason, 200, false).ok();
    if (cl.positional.size() != 2 || !reasonGiven) {
        std::fprintf(stderr, "%s\n", tx("erase.usage").c_str());
        return 2;
    }
    const std::string& code = cl.positional[1];
    AttendanceDb db;
    db.setRetentionDays(ctx.config.settings.retentionDays);
    const Instant now = SystemClock{}.now();
    if (int rc = openStoreWithRoster(ctx, db, now)) return rc;
    ErasureResult erased;
    if (auto s = db.erasePerson(code, *cl.reason, now, erased); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(tx, s).c_str());
        return 1;
    }
    const TextArgs args{{"code", printable(code)}, {"n", std::to_string(erased.events)}, {"outbox", std::to_string(erased.outbox)}};
    if (!erased.participant && erased.events == 0) {
        std::printf("%s\n", tx.format("erase.nobody", args).c_str());
        return 3;
    }
    std::printf("%s\n", tx.format("erase.done", args).c_str());
    std::printf("%s\n", tx("erase.still_elsewhere").c_str());
    if (!ctx.config.settings.centralUrl.empty())
        std::printf("%s\n", tx.format("erase.central_owner", {{"code", printable(code)}}).c_str());
    return 0;
}

// The person's record from the database (read-only): 0, or the exit code to stop with.
int readRecord(CommandContext& ctx, const std::string& code, PersonalRecord& out) {
    const Texts& tx = ctx.texts;
    AttendanceDb db;
    if (int rc = openStoreForReading(ctx, db)) return rc;
    std::optional<StoredParticipant> found;
    CodeMatch match = CodeMatch::unknown;
    if (auto s = db.findParticipant(code, found, &match); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(tx, s).c_str());
        return 1;
    }
    if (match == CodeMatch::ambiguous) {
        std::fprintf(stderr, "%s\n", tx.format("inspection.ambiguous", {{"code", printable(code)}}).c_str());
        return 2;
    }
    std::vector<AttendanceEvent> all;
    if (auto s = db.loadEvents([&](const AttendanceEvent& e) { all.push_back(e); }); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(tx, s).c_str());
        return 1;
    }
    std::optional<Participant> p;
    if (found) p = found->participant;
    out = collectPersonalRecord(found ? found->participant.code : code, p, found && found->active, all,
                                ctx.config.settings.inspectionStaffNames, tx("inspection.staff_member"));
    return 0;
}

// What the server holds (central/central_inspection.h); `unreachable` set when it could not be read.
CentralPersonRecord centralRecordOf(const CommandContext& ctx, const std::string& code, std::string& unreachable) {
    const KioskSettings& s = ctx.config.settings;
    PgConnection central;
    const CentralConnectResult c = connectCentral(central, s.centralUrl, s.centralPasswordFile, ctx.texts, 5);
    CentralPersonRecord r;
    if (!c.ok) {
        unreachable = c.message;
        return r;
    }
    if (PgResult limits = central.exec(kStatementLimits); !limits.ok()) {
        unreachable = limits.error();
        return r;
    }
    r = readCentralRecord(central, code, s.kioskId, s.inspectionStaffNames, ctx.texts("inspection.staff_member"));
    if (!r.ok) unreachable = r.error;
    return r;
}

int privacyExport(const CommandLine& cl, CommandContext& ctx) {
    const Texts& tx = ctx.texts;
    if (cl.positional.size() != 2) {
        std::fprintf(stderr, "%s\n", tx("inspection.usage").c_str());
        return 2;
    }
    const std::string& code = cl.positional[1];
    PersonalRecord record;
    if (int rc = readRecord(ctx, code, record)) return rc;
    const KioskSettings& s = ctx.config.settings;
    std::string unreachable;
    const CentralPersonRecord server = s.centralUrl.empty() ? CentralPersonRecord{} : centralRecordOf(ctx, code, unreachable);
    const bool onServer = server.ok && server.record.holdsAnything();
    if (!record.participant && record.events.empty() && !onServer) {
        std::printf("%s\n", tx.format("inspection.nobody", {{"code", printable(code)}}).c_str());
        if (!unreachable.empty())
            std::printf("%s\n", tx.format("inspection.central_unreachable", {{"detail", printable(unreachable)}}).c_str());
        return 3;
    }
    const InspectionContext ic{SystemClock{}.now(), s.kioskId, s.retentionDays, s.keepEmail ? s.emailPurpose : "",
                               !s.centralUrl.empty()};
    const std::filesystem::path dir = cl.out ? std::filesystem::path(*cl.out) : exportDir(s.exportFolder, ctx.dbPath);
    const std::string stem = "inzage-" + pdfSlug(record.code) + "-" + localDateOf(ic.madeAt).iso();
    std::string error, pdf;
    try {
        pdf = personalRecordPdf(record, ic, PdfInputs{ctx.config.programme, s, tx}, error, server.ok ? &server.record : nullptr);
    } catch (const optional::OptionalLibraryMissing& e) {  // the pdf module (optional_libraries.h, 4)
        error = e.what();
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (error.empty()) error = writeFileAtomically(dir / (stem + ".json"), personalRecordJson(record, ic, tx), kPrivateFile);
    if (error.empty()) error = writeFileAtomically(dir / (stem + ".pdf"), pdf, kPrivateFile);
    if (error.empty() && server.ok) error = writeFileAtomically(dir / (stem + "-server.json"), server.json, kPrivateFile);
    if (!error.empty()) {
        std::fprintf(stderr, "%s\n", tx.format("inspection.failed", {{"error", printable(error)}}).c_str());
        return 1;
    }
    std::printf("%s\n", tx.format("inspection.done", {{"code", printable(record.code)},
                                                      {"n", std::to_string(record.events.size())},
                                                      {"dir", (dir / stem).string() + ".{json,pdf}"}})
                            .c_str());
    if (server.ok)
        std::printf("%s\n", tx.format("inspection.central_included",
                                      {{"code", printable(record.code)}, {"n", std::to_string(server.events)},
                                       {"rows", std::to_string(server.rosterRows)}, {"file", (dir / stem).string() + "-server.json"}})
                                .c_str());
    else if (ic.centralRecord)
        std::printf("%s\n", tx.format("inspection.central_unreachable", {{"detail", printable(unreachable)}}).c_str());
    return 0;
}

}  // namespace

int cmdPrivacy(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    const std::string verb = cl.positional.empty() ? "" : cl.positional[0];
    // A database that is not there holds nobody: the default one in the caller's home is not the
    // kiosk's (/var/lib/leergang-kiosk); reading it answered a request with nothing, and erasing made
    // it and said "gewist" (found in the hand trial of issue 31). Refused, naming --db.
    if (std::error_code ec; (verb == "erase" || verb == "export") && !std::filesystem::exists(ctx.dbPath, ec)) {
        std::fprintf(stderr, "%s\n", ctx.texts.format("privacy.no_database", {{"path", ctx.dbPath.string()}}).c_str());
        return 2;
    }
    if (verb == "erase") return privacyErase(cl, ctx);
    if (verb == "export") return privacyExport(cl, ctx);
    std::fprintf(stderr, "%s\n%s\n", ctx.texts("erase.usage").c_str(), ctx.texts("inspection.usage").c_str());
    return 2;
}

}  // namespace kiosk
