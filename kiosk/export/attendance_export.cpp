#include "attendance_export.h"

#include "core/cohort_matrix.h"
#include "core/presence_list.h"
#include "optional/optional_libraries.h"
#include "store/atomic_file.h"

namespace kiosk {

namespace {
const ProgrammeDay* cohortDay(const ExportRequest& r, const Programme& programme) {
    if (!r.cohort.empty()) {
        const ProgrammeDay* d = programme.dayOn(r.date, r.cohort);
        return d ? d : programme.nearestDay(r.date, r.cohort);
    }
    const ProgrammeDay* d = programme.dayOn(r.date);
    return d ? d : programme.nearestDay(r.date);
}
// The statements of the cohort (a folder), or of one participant (one file).
BuiltExport& statementExport(const ExportRequest& r, const CohortMatrix& m, const DayRecords& records, const PdfInputs& pdf,
                             BuiltExport& out) {
    auto all = statements(m, records, r.now, AttendanceRules::from(pdf.settings).forgottenGraceMinutes);
    if (!r.participant.empty()) {
        std::erase_if(all, [&](const Statement& s) { return s.participant.code != r.participant; });
        if (all.empty()) {
            out.error = pdf.texts.format("cli.unknown_code", {{"code", r.participant}});
            return out;
        }
    }
    out.certificates = statementPdfs(m, all, pdf, out.error);
    out.fileName = out.certificates.folderName;
    if (!r.participant.empty() && out.error.empty()) {
        out.fileName = out.certificates.people.front().fileName;
        out.document = std::move(out.certificates.people.front().bytes);
        out.certificates = {};
    }
    return out;
}

}  // namespace

std::pair<LocalDate, LocalDate> exportDays(const ExportRequest& r, const Programme& programme) {
    if (exportsOneDay(r.kind)) {
        // The presence list: its date, and the days of every group not meeting it: a visitor's own
        // days, to say which day their visit made up (presence_list.h). One group: the date alone.
        LocalDate first = r.date, last = r.date;
        if (r.kind == ExportKind::presence && !programme.daysOn(r.date).empty())
            for (const auto& day : programme.days)
                if (!programme.dayOn(r.date, day.cohortId)) {
                    if (day.date < first) first = day.date;
                    if (last < day.date) last = day.date;
                }
        return {first, last};
    }
    const ProgrammeDay* d = cohortDay(r, programme);
    if (!d) return {r.date, r.date};
    LocalDate first = d->date, last = d->date;
    for (const auto& day : programme.days)
        if (day.cohortId == d->cohortId) {
            if (day.date < first) first = day.date;
            if (last < day.date) last = day.date;
        }
    return {first, last};
}

namespace {
BuiltExport buildUnguarded(const ExportRequest& r, const Programme& programme, const std::vector<Participant>& roster,
                           const DayRecords& records, const KioskSettings& settings, const Texts& texts) {
    BuiltExport out;
    const PdfInputs pdf{programme, settings, texts};
    if (r.kind == ExportKind::feedback) {  // not an attendance export: cli/commands_feedback.cpp makes it
        out.error = "export --feedback: cli/commands_feedback.cpp, niet hier / not here";
        return out;
    }
    if (!exportsOneDay(r.kind)) {
        const ProgrammeDay* d = cohortDay(r, programme);
        const LocalDate today = r.today == LocalDate{} ? r.date : r.today;
        const CohortMatrix m = cohortMatrix(programme, roster, records, d ? d->cohortId : std::string{}, today,
                                            CertificateRule::from(settings));
        out.table = matrixTable(m, texts);
        if (r.kind == ExportKind::statements) return statementExport(r, m, records, pdf, out);
        if (r.kind == ExportKind::certificates) {
            out.certificates = certificatePdfs(m, pdf, out.error);
            out.fileName = out.certificates.folderName;
            // Nothing to write is said, not written as an empty folder.
            if (out.error.empty() && out.certificates.people.empty())
                out.error = texts.format("cli.no_certificates", {{"min", std::to_string(settings.certificateMinDays)}});
            return out;
        }
        out.fileName = matrixFileName(m.cohortId, r.format);
        if (r.format == ExportFormat::pdf) out.document = matrixPdf(m, pdf, out.error);
    } else {
        // The blank list: the cohort as rostered, with nothing from the record.
        const AttendanceLedger none;
        const bool blank = r.kind == ExportKind::blank;
        const DayRecords& from = blank ? static_cast<const DayRecords&>(none) : records;
        const auto rows = presenceList(programme, roster, from, r.date, AttendanceRules::from(settings), r.now);
        // A date with two groups: each on its own sheet, a column naming the group (presence_list.h).
        out.table = presenceTable(presenceParts(programme, rows, r.date), r.date, texts);
        out.fileName = presenceFileName(r.date, r.format, blank);
        if (r.format == ExportFormat::pdf) out.document = presenceListPdf(rows, r.date, blank, pdf, out.error);
    }
    return out;
}
}  // namespace

BuiltExport buildExport(const ExportRequest& r, const Programme& programme, const std::vector<Participant>& roster,
                        const DayRecords& records, const KioskSettings& settings, const Texts& texts) {
    try {
        return buildUnguarded(r, programme, roster, records, settings, texts);
    } catch (const optional::OptionalLibraryMissing& e) {  // the pdf module (optional_libraries.h, 4)
        BuiltExport out;
        out.error = e.what();
        return out;
    }
}

StoreStatus collectExport(AttendanceDb& db, const ExportRequest& r, const Programme& programme, const KioskSettings& settings,
                          const Texts& texts, BuiltExport& out) {
    std::vector<StoredParticipant> stored;
    if (auto s = db.participants(stored); !s.ok()) return s;
    AttendanceSummary summary;
    const auto [from, to] = exportDays(r, programme);
    if (auto s = db.summarise(from, to, summary); !s.ok()) return s;
    // Who is listed: the roster, and anyone no longer on it with a check-in on the days listed (a
    // presence list: its date only; the other days were read for the visitors' make-ups).
    const bool presence = exportsOneDay(r.kind);
    const LocalDate listFrom = presence ? r.date : from, listTo = presence ? r.date : to;
    std::vector<Participant> roster;
    for (auto& sp : stored) {
        bool there = sp.active;
        for (LocalDate d = listFrom; !there && !(listTo < d); d = d.plusDays(1))
            there = summary.record(d, sp.participant.code).checkIn.has_value();
        if (there) roster.push_back(std::move(sp.participant));
    }
    out = buildExport(r, programme, roster, summary, settings, texts);
    return {};
}

SavedExport saveExport(const BuiltExport& built, const ExportRequest& r, const ExportTarget& target,
                       const std::filesystem::path& file) {
    SavedExport saved;
    saved.target = target;
    saved.path = file.empty() ? target.folder / built.fileName : file;
    const bool statements = r.kind == ExportKind::statements;
    saved.rows = statements && !r.participant.empty() ? 1 : built.table.rows.size();
    // On a USB stick a symlink in the file's place is refused, never followed (export_target.h, 3).
    FileWriteOptions options;
    options.followLinks = !target.removable;
    if (!built.error.empty()) {
        saved.error = built.error;
    } else if (r.kind == ExportKind::certificates || (statements && r.participant.empty())) {
        // The folder whole or not at all: one file per person and the combined one.
        saved.rows = built.certificates.people.size();
        std::vector<std::pair<std::string, std::string_view>> files;
        for (const auto& f : built.certificates.people) files.emplace_back(f.fileName, f.bytes);
        if (!files.empty()) files.emplace_back(built.certificates.combined.fileName, built.certificates.combined.bytes);
        std::error_code ec;
        if (saved.path.has_parent_path()) std::filesystem::create_directories(saved.path.parent_path(), ec);
        saved.error = ec ? saved.path.parent_path().string() + ": " + ec.message() : writeFolderAtomically(saved.path, files);
    } else if (r.format == ExportFormat::pdf || statements) {
        std::error_code ec;
        if (saved.path.has_parent_path()) std::filesystem::create_directories(saved.path.parent_path(), ec);
        saved.error = ec ? saved.path.parent_path().string() + ": " + ec.message() : writeFileAtomically(saved.path, built.document, options);
    } else {
        saved.error = writeExport(built.table, r.format, r.delimiter, saved.path, 0, options);
    }
    return saved;
}

}  // namespace kiosk
