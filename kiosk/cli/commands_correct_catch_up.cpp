// commands_correct_catch_up.cpp: `correct CODE --date D --catch-up-of N --reason TEXT --actor NAME`.
// The check-in on D, a programme day of another cohort, counts as day N of the person's own cohort
// (a make-up day; the rules are in core/catch_up.h, the same ones the staff pages apply). The
// event is written on the own day N (so the matrix's fold of the cohort finds it), about D.
// Exit 0 written, 2 usage, 3 it was so already, 4 refused (nothing written), 1 a store error.
#include <cstdio>
#include <cstdlib>

#include "cli/command_context.h"
#include "cli/commands.h"
#include "core/catch_up.h"
#include "core/cohort_matrix.h"
#include "core/event_builder.h"
#include "core/staff_correction.h"
#include "store/store_messages.h"

namespace kiosk {
namespace {

// The person's row of their own cohort's matrix, from the store's fold of the cohort's days (and
// the dates they were made up on), and their record of `on`.
int readOwnDays(CommandContext& ctx, AttendanceDb& db, const Participant& p, LocalDate on, LocalDate today, CohortMatrix& m,
                DayRecord& onRecord) {
    const auto days = ctx.config.programme.cohortDays(p.cohortId);
    AttendanceSummary summary;
    if (!days.empty())
        if (auto s = db.summarise(days.front()->date, days.back()->date, summary); !s.ok()) {
            std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
            return 1;
        }
    m = cohortMatrix(ctx.config.programme, {p}, summary, p.cohortId, today, CertificateRule::from(ctx.config.settings));
    return dayRecordFromStore(ctx, db, on, p.code, onRecord);
}

int refuse(const CommandContext& ctx, const TextArgs& args, const std::string& key) { return refuseCorrection(ctx, args, key); }

}  // namespace

int cmdCorrectCatchUp(const CommandLine& cl) {
    const auto on = cl.date ? LocalDate::parse(*cl.date) : std::nullopt;
    if (cl.positional.size() != 1 || !on || !cl.catchUpOf) {
        std::fprintf(stderr, "leergang-kiosk correct CODE --date YYYY-MM-DD --catch-up-of N --reason TEXT --actor NAME\n");
        return 2;
    }
    const auto clock = clockFromCommandLine(cl);
    if (!clock) return 2;
    const Instant now = clock->now();
    CommandContext ctx;
    AttendanceDb db;
    if (int rc = openConfiguredStore(cl, ctx, db)) return rc;
    Participant p;
    if (int rc = findActiveParticipant(ctx, db, cl.positional[0], p)) return rc;
    StaffForm form;
    form.participantCode = p.code;
    form.effect = CorrectionEffect::catch_up;
    form.reason = cl.reason.value_or("");
    form.actor = cl.actor.value_or("");
    const TextArgs args{{"name", p.fullName()}, {"code", p.code}, {"date", on->iso()}};
    if (std::string wrong = checkStaffChange(form); !wrong.empty()) return refuse(ctx, args, wrong);
    if (std::abs(on->daysSinceEpoch() - localDateOf(now).daysSinceEpoch()) > kCorrectionDaysAround)
        return refuse(ctx, args, "staff.error.far");
    const ProgrammeDay* own = nullptr;
    for (const ProgrammeDay* d : ctx.config.programme.cohortDays(p.cohortId))
        if (d->number == *cl.catchUpOf) own = d;
    if (!own) return refuse(ctx, args, "staff.error.catch_up_own_day");
    CohortMatrix m;
    DayRecord onRecord;
    if (int rc = readOwnDays(ctx, db, p, *on, localDateOf(now), m, onRecord)) return rc;
    const MatrixRow* row = m.rows.empty() ? nullptr : &m.rows.front();
    for (size_t i = 0; row && i < m.days.size(); ++i)
        if (m.days[i].date == own->date && row->madeUpOn[i] == *on) {
            std::printf("%s\n", ctx.texts.format("cli.already_caught_up", {{"name", p.fullName()}, {"code", p.code},
                                                                          {"n", std::to_string(own->number)}, {"date", on->iso()}}).c_str());
            return kExitAlreadySo;
        }
    if (std::string wrong = checkCatchUp(ctx.config.programme, m, row, own->date, *on, onRecord.checkIn.has_value(), localDateOf(now));
        !wrong.empty())
        return refuse(ctx, args, wrong);
    const AttendanceEvent e = makeStaffEvent(form, own->date, catchUpMoment(*on), EventStamp::commandLine(now, ctx.config.settings.kioskId));
    if (auto s = db.appendEvent(e); !s.ok()) {
        std::fprintf(stderr, "%s\n", describe(ctx.texts, s).c_str());
        return 1;
    }
    std::printf("%s\n", ctx.texts.format("cli.caught_up", {{"name", p.fullName()}, {"code", p.code}, {"n", std::to_string(own->number)},
                                                          {"own", own->date.iso()}, {"date", on->iso()}, {"reason", form.reason}}).c_str());
    return 0;
}

}  // namespace kiosk
