// commands_feedback.cpp: `export --feedback`, the day's question counted per day (issue 29, 6;
// core/day_feedback.h). CSV to standard output or, with --out FILE, written atomically. A day with
// fewer than five answers shows no count, only that there were too few; so does a programme day
// up to today that asked a question nobody answered; today shows none yet (rule 5). No participant code is stored, so none can
// be exported.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/day_feedback.h"
#include "core/text_checks.h"
#include "store/atomic_file.h"
#include "store/store_messages.h"

namespace kiosk {
namespace {

// Programme days up to `today` that asked a question and have no answers: listed as too few.
void addUnanswered(const Programme& prog, LocalDate today, const std::string& cohort, std::vector<FeedbackDayReport>& days) {
    for (const auto& d : prog.days) {
        if (!d.question || d.date > today || (!cohort.empty() && d.cohortId != cohort)) continue;
        const bool listed = std::any_of(days.begin(), days.end(), [&](const FeedbackDayReport& r) {
            return r.day == d.date && r.cohortId == d.cohortId;
        });
        if (!listed) days.push_back({d.date, d.cohortId, d.question->text, 0, false, {}, false});
    }
    std::stable_sort(days.begin(), days.end(), [](const FeedbackDayReport& a, const FeedbackDayReport& b) {
        return a.day != b.day ? a.day < b.day : a.cohortId < b.cohortId;
    });
}

}  // namespace

int cmdExportFeedback(const CommandLine& cl) {
    // --feedback and any other kind (--matrix, --blank, --certificates, --participants, --participant)
    if (cl.exportKindOptions > 1 || cl.day || cl.date || (cl.format && *cl.format != "csv")) {
        std::fprintf(stderr, "%s\n", "--feedback is CSV, alleen met --cohort, --delimiter en --out / "
                                     "--feedback is CSV, only with --cohort, --delimiter and --out");
        return 2;
    }
    char delimiter = ';';
    if (cl.delimiter) {
        if (*cl.delimiter != ";" && *cl.delimiter != ",") {
            std::fprintf(stderr, "--delimiter ';' | ','\n");
            return 2;
        }
        delimiter = (*cl.delimiter)[0];
    }
    const auto clock = clockFromCommandLine(cl);
    if (!clock) return 2;
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    if (!ctx.config.ok()) {
        for (const auto& p : ctx.config.problems) std::fprintf(stderr, "%s\n", p.format().c_str());
        return 2;
    }
    const std::string cohort = cl.cohort.value_or("");
    if (!cohort.empty() && !ctx.config.programme.cohort(cohort)) {
        std::fprintf(stderr, "--cohort %s: %s\n", printable(cohort).c_str(), "onbekende groep / unknown cohort");
        return 2;
    }
    AttendanceDb db;
    if (int rc = openStoreForReading(ctx, db)) return rc;
    std::vector<FeedbackCount> counts;
    if (auto s = db.feedbackCounts(LocalDate{2000, 1, 1}, LocalDate{9999, 12, 31}, counts); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    if (!cohort.empty()) std::erase_if(counts, [&](const FeedbackCount& c) { return c.cohortId != cohort; });
    auto days = summariseFeedback(counts);
    const LocalDate today = localDateOf(clock->now());
    addUnanswered(ctx.config.programme, today, cohort, days);
    holdOpenDays(days, today);  // no count for a day that has not ended (day_feedback.h, 5)
    const std::string csv = feedbackCsv(days, ctx.texts, delimiter);
    if (!cl.out || *cl.out == "-") {
        if (std::fwrite(csv.data(), 1, csv.size(), stdout) != csv.size() || std::fflush(stdout) != 0) {
            std::fprintf(stderr, "%s\n", ctx.texts.format("cli.stdout_failed", {{"error", std::strerror(errno ? errno : EIO)}}).c_str());
            return 1;
        }
        if (days.empty()) std::fprintf(stderr, "%s\n", ctx.texts("feedback.none").c_str());
        return 0;
    }
    if (const std::string err = writeFileAtomically(*cl.out, csv); !err.empty()) {
        std::fprintf(stderr, "%s\n", printable(err).c_str());
        return 1;
    }
    size_t rows = 0;  // below the heading
    for (size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++rows;
    rows = rows > 0 ? rows - 1 : 0;
    std::printf("%s\n", ctx.texts.format("cli.exported", {{"path", *cl.out}, {"n", std::to_string(rows)}, {"drive", ""}}).c_str());
    return 0;
}

}  // namespace kiosk
