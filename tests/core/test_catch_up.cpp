// Make-up days (core/catch_up.h, issue 30 item 4): a check-in on another cohort's day, marked by
// staff as the catch-up of an own day, counts for that day in the matrix, the certificate and the
// statement, once each way and up to [attendance] max_catch_ups.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "core/catch_up.h"
#include "core/cohort_matrix.h"
#include "core/event_builder.h"
#include "core/participation.h"
#include "event_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {

// Cohort c1 (Zutphen) meets on seven Thursdays; c2 (Deventer) on three Thursdays in between.
const LocalDate kOwn[] = {{2026, 11, 26}, {2026, 12, 10}, {2027, 1, 14}, {2027, 1, 28}, {2027, 2, 11}, {2027, 3, 11}, {2027, 4, 1}};
const LocalDate kOther[] = {{2026, 12, 3}, {2027, 1, 21}, {2027, 2, 4}};
const LocalDate kAfter{2027, 4, 1};  // the writer's today: after every day

Programme twoCohorts() {
    Programme p;
    p.cohorts = {{"c1", "Zutphen"}, {"c2", "Deventer"}};
    auto add = [&](const char* cohort, int number, LocalDate date) {
        ProgrammeDay d;
        d.number = number;
        d.date = date;
        d.cohortId = cohort;
        d.agenda = {{{9 * 60}, {16 * 60 + 30}, "Dag", "", "", "", ""}};
        p.days.push_back(d);
    };
    for (int i = 0; i < 7; ++i) add("c1", i + 1, kOwn[i]);
    for (int i = 0; i < 3; ++i) add("c2", i + 3, kOther[i]);
    std::sort(p.days.begin(), p.days.end(), [](const ProgrammeDay& a, const ProgrammeDay& b) { return a.date < b.date; });
    return p;
}

AttendanceEvent in(const std::string& code, LocalDate d, int hour = 9, int minute = 0) {
    return makeTapEvent(EventKind::check_in, code, EventStamp::kiosk(fromLocal({d, hour, minute, 0}), "entree"));
}
AttendanceEvent out(const std::string& code, LocalDate d, int hour, int minute = 0) {
    return makeTapEvent(EventKind::check_out, code, EventStamp::kiosk(fromLocal({d, hour, minute, 0}), "entree"));
}

// Staff's word, written at `writtenSeconds` after the catch-up date's start (the order of writing
// is what the fold's rule 2 and 4 read).
AttendanceEvent staff(const std::string& code, CorrectionEffect effect, LocalDate own, LocalDate on, int writtenSeconds,
                      const char* reason = "inhaal") {
    StaffForm f;
    f.participantCode = code;
    f.effect = effect;
    f.reason = reason;
    f.actor = "balie";
    const Instant at = effect == CorrectionEffect::catch_up ? catchUpMoment(on) : fromLocal({own, 0, 0, 0});
    return makeStaffEvent(f, own, at, EventStamp::staff(fromLocal({on, 18, 0, 0}).plusSeconds(writtenSeconds), "entree"));
}
AttendanceEvent catchUp(const std::string& code, LocalDate own, LocalDate on, int written = 0) {
    return staff(code, CorrectionEffect::catch_up, own, on, written);
}

const std::vector<Participant> kRoster{{"A1", "Anna", "de", "Vries", "", "c1", ""}, {"D1", "Dirk", "", "Dam", "", "c2", ""}};

// Anna: every own day but day 3 (and day 5 when `missFive`).
void annasDays(AttendanceLedger& l, bool missFive = false) {
    for (int i = 0; i < 7; ++i)
        if (i != 2 && !(missFive && i == 4)) {
            l.apply(in("A1", kOwn[i]));
            l.apply(out("A1", kOwn[i], 16, 30));
        }
}

CertificateRule rule(int minDays, int maxCatchUps) {
    CertificateRule r{minDays};
    r.maxCatchUps = maxCatchUps;
    return r;
}

const MatrixRow& anna(const CohortMatrix& m) {
    for (const auto& r : m.rows)
        if (r.participant.code == "A1") return r;
    FAIL("no row for A1");
    return m.rows.front();
}

}  // namespace

TEST_CASE("a check-in on another cohort's day, marked as the catch-up of day 3, counts for day 3 and says so", "[catchup]") {
    test::AmsterdamTime tz;
    const Programme prog = twoCohorts();
    AttendanceLedger l;
    annasDays(l);
    l.apply(in("A1", kOther[1], 9, 5));  // with Deventer on 21 January
    l.apply(out("A1", kOther[1], 16, 0));
    const LocalDate today{2027, 4, 1};

    const CohortMatrix before = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(7, 1));
    CHECK(anna(before).daysPresent == 6);
    CHECK(anna(before).certificate == CertificateState::missed);
    CHECK(*anna(before).days[2] == DayStatus::absent);

    l.apply(catchUp("A1", kOwn[2], kOther[1]));
    CHECK(l.record(kOwn[2], "A1").catchUpOn == kOther[1]);
    CHECK(l.record(kOwn[2], "A1").corrected);
    const CohortMatrix m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(7, 1));
    const MatrixRow& a = anna(m);
    CHECK(a.daysPresent == 7);
    CHECK(a.certificate == CertificateState::earned);
    CHECK(*a.days[2] == DayStatus::present);
    REQUIRE(a.madeUpOn[2]);
    CHECK(*a.madeUpOn[2] == kOther[1]);
    CHECK(a.minutes[2] == 6 * 60 + 55);  // that day's minutes, 09:05-16:00
    CHECK(a.minutesPresent == 6 * (7 * 60 + 30) + 6 * 60 + 55);
    // The export's cell, Dutch first, then English.
    const ExportTable t = matrixTable(m, test::texts());
    const size_t row = t.rows[0][0] == "A1" ? 0 : 1;
    CHECK(t.rows[row][5 + 2] == "ingehaald op 21 januari");
    CHECK(matrixCellText(a, 2, test::texts(Lang::en)) == "made up on 21 January");
    // The statement: the made-up day with that day's times.
    const auto st = statements(m, l, fromLocal({today, 18, 0, 0}), 60);
    const auto& s = *std::find_if(st.begin(), st.end(), [](const Statement& x) { return x.participant.code == "A1"; });
    CHECK(s.daysCounted == 7);
    CHECK(s.days[2].madeUpOn == kOther[1]);
    CHECK(s.days[2].firstIn->hhmm() == "09:05");
    CHECK(s.days[2].lastOut->hhmm() == "16:00");
    CHECK(s.days[2].counts);
    // Dirk of Deventer: his matrix has no trace of Anna's visit.
    const CohortMatrix dev = cohortMatrix(prog, kRoster, l, std::string("c2"), today, rule(3, 1));
    REQUIRE(dev.rows.size() == 1);
    CHECK(dev.rows[0].participant.code == "D1");
}

TEST_CASE("one catch-up check-in counts for one own day only, and an own day is made up once", "[catchup]") {
    test::AmsterdamTime tz;
    const Programme prog = twoCohorts();
    AttendanceLedger l;
    annasDays(l, true);  // misses days 3 and 5
    l.apply(in("A1", kOther[1]));
    l.apply(catchUp("A1", kOwn[2], kOther[1]));
    l.apply(catchUp("A1", kOwn[4], kOther[1]));  // the same check-in named again for day 5
    const CohortMatrix m = cohortMatrix(prog, kRoster, l, std::string("c1"), LocalDate{2027, 4, 1}, rule(6, 3));
    const MatrixRow& a = anna(m);
    CHECK(a.madeUpOn[2] == kOther[1]);  // the earliest own day naming it
    CHECK_FALSE(a.madeUpOn[4]);
    CHECK(*a.days[4] == DayStatus::absent);
    CHECK(a.daysPresent == 6);
    // The check before writing says why the second is refused, and the first is already done.
    CHECK(checkCatchUp(prog, m, &a, kOwn[4], kOther[1], true, kAfter) == "staff.error.catch_up_used");
    CHECK(checkCatchUp(prog, m, &a, kOwn[2], kOther[2], true, kAfter) == "staff.error.catch_up_done");
    // Day 3 made up twice: the latest written stands (a second date), the first date is free again.
    l.apply(in("A1", kOther[2]));
    l.apply(catchUp("A1", kOwn[2], kOther[2], 3600 * 24 * 30));
    const CohortMatrix m2 = cohortMatrix(prog, kRoster, l, std::string("c1"), LocalDate{2027, 4, 1}, rule(6, 3));
    CHECK(anna(m2).madeUpOn[2] == kOther[2]);
    CHECK(anna(m2).madeUpOn[4] == kOther[1]);
    CHECK(anna(m2).daysPresent == 7);
}

TEST_CASE("max_catch_ups: the earliest own days first, one beyond it counts nothing", "[catchup]") {
    test::AmsterdamTime tz;
    const Programme prog = twoCohorts();
    AttendanceLedger l;
    annasDays(l, true);
    l.apply(in("A1", kOther[1]));
    l.apply(in("A1", kOther[2]));
    l.apply(catchUp("A1", kOwn[4], kOther[2]));
    l.apply(catchUp("A1", kOwn[2], kOther[1]));
    const LocalDate today{2027, 4, 1};
    for (int max : {0, 1, 2}) {
        INFO("max_catch_ups = " << max);
        const CohortMatrix m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, max));
        const MatrixRow& a = anna(m);
        CHECK(a.daysPresent == 5 + max);
        CHECK(a.madeUpOn[2].has_value() == (max >= 1));
        CHECK(a.madeUpOn[4].has_value() == (max >= 2));
        CHECK(a.certificate == (max >= 1 ? CertificateState::earned : CertificateState::missed));
    }
    const CohortMatrix one = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, 1));
    l.apply(in("A1", kOther[0]));
    CHECK(checkCatchUp(prog, one, &anna(one), kOwn[4], kOther[0], true, kAfter) == "staff.error.catch_up_max");
}

TEST_CASE("what can be made up: a missed or excused own day, on another cohort's day with a real check-in", "[catchup]") {
    test::AmsterdamTime tz;
    const Programme prog = twoCohorts();
    const LocalDate today{2027, 4, 1};
    AttendanceLedger l;
    annasDays(l, true);
    const CohortMatrix m0 = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, 2));
    const MatrixRow* a0 = &anna(m0);
    CHECK(checkCatchUp(prog, m0, a0, kOwn[2], kOther[1], false, kAfter) == "staff.error.catch_up_no_check_in");
    CHECK(checkCatchUp(prog, m0, a0, kOwn[2], kOwn[3], true, kAfter) == "staff.error.catch_up_other_day");  // an own date
    CHECK(checkCatchUp(prog, m0, a0, kOwn[2], LocalDate{2027, 1, 15}, true, kAfter) == "staff.error.catch_up_other_day");  // no group
    CHECK(checkCatchUp(prog, m0, a0, kOwn[0], kOther[1], true, kAfter) == "staff.error.catch_up_present");
    CHECK(checkCatchUp(prog, m0, a0, kOther[0], kOther[1], true, kAfter) == "staff.error.catch_up_own_day");
    CHECK(checkCatchUp(prog, m0, nullptr, kOwn[2], kOther[1], true, kAfter) == "staff.error.catch_up_own_day");
    CHECK(checkCatchUp(prog, m0, a0, kOwn[2], kOther[1], true, kAfter).empty());
    // Only once the own day has taken place (rule 1): the day itself may be marked, the day before
    // may not (a make-up arranged in advance is marked after the day missed).
    CHECK(checkCatchUp(prog, m0, a0, kOwn[2], kOther[0], true, kOwn[2]) == "");
    CHECK(checkCatchUp(prog, m0, a0, kOwn[2], kOther[0], true, kOwn[2].plusDays(-1)) == "staff.error.catch_up_to_come");

    // Read back the same way: no check-in that date, or an own date, counts nothing.
    l.apply(catchUp("A1", kOwn[2], kOther[1]));
    l.apply(catchUp("A1", kOwn[4], kOwn[3]));
    CohortMatrix m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, 2));
    CHECK_FALSE(anna(m).madeUpOn[2]);
    CHECK_FALSE(anna(m).madeUpOn[4]);
    // The check-in comes (a badge scan at Deventer's door): it counts now.
    l.apply(in("A1", kOther[1]));
    m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, 2));
    CHECK(anna(m).madeUpOn[2] == kOther[1]);
    // An excused day (called in sick) made up: excusal first, then the catch-up.
    l.apply(staff("A1", CorrectionEffect::set_excused, kOwn[4], kOther[2], 0, "ziek"));
    l.apply(in("A1", kOther[2]));
    l.apply(catchUp("A1", kOwn[4], kOther[2], 60));
    m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, 2));
    CHECK(anna(m).madeUpOn[4] == kOther[2]);
    CHECK(anna(m).daysPresent == 7);
    // Undone like any correction: staff set day 3 to absent after it.
    l.apply(staff("A1", CorrectionEffect::set_absent, kOwn[2], kOther[1], 3600, "vergissing"));
    m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, 2));
    CHECK_FALSE(anna(m).madeUpOn[2]);
    CHECK(*anna(m).days[2] == DayStatus::absent);
    CHECK(anna(m).daysPresent == 6);
    // There after all on the own day: present; the catch-up counts nothing (and frees its date).
    l.apply(catchUp("A1", kOwn[2], kOther[1], 7200));
    AttendanceEvent late = in("A1", kOwn[2], 10);
    late.recordedAt = fromLocal({kOther[1], 21, 0, 0});  // typed in after staff's words (rule 2 sets aside what came before)
    l.apply(late);
    m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, 2));
    CHECK_FALSE(anna(m).madeUpOn[2]);
    CHECK(*anna(m).days[2] == DayStatus::late);
}

TEST_CASE("a made-up day counts by the catch-up day's own hours under the share rule", "[catchup]") {
    test::AmsterdamTime tz;
    const Programme prog = twoCohorts();
    AttendanceLedger l;
    annasDays(l);
    l.apply(in("A1", kOther[1], 13, 0));  // the afternoon only: 3.5 of 7.5 hours
    l.apply(out("A1", kOther[1], 16, 30));
    l.apply(catchUp("A1", kOwn[2], kOther[1]));
    CertificateRule share = rule(7, 1);
    share.dayCounts = DayCounts::share;
    const CohortMatrix m = cohortMatrix(prog, kRoster, l, std::string("c1"), LocalDate{2027, 4, 1}, share);
    CHECK(anna(m).madeUpOn[2] == kOther[1]);
    CHECK_FALSE(anna(m).counts[2]);
    CHECK(anna(m).daysPresent == 6);
}

TEST_CASE("a cohort's own certificate_min_days, and the [attendance] minimum for the others", "[catchup][certificate]") {
    test::AmsterdamTime tz;
    Programme prog = twoCohorts();
    prog.cohorts[1].certificateMinDays = 2;
    AttendanceLedger l;
    l.apply(in("D1", kOther[0]));
    l.apply(in("D1", kOther[2]));
    const CohortMatrix dev = cohortMatrix(prog, kRoster, l, std::string("c2"), LocalDate{2027, 4, 1}, rule(6, 1));
    CHECK(dev.minDays == 2);
    CHECK(dev.rows[0].certificate == CertificateState::earned);
    CHECK(ruleText(dev, test::texts()).rfind("certificaat bij 2 van de 3 dagen", 0) == 0);
    const CohortMatrix zut = cohortMatrix(prog, kRoster, l, std::string("c1"), LocalDate{2027, 4, 1}, rule(6, 1));
    CHECK(zut.minDays == 6);
}

// The reference: the rules of catch_up.h written plainly, per own day in order.
namespace {
struct PersonDays {
    std::map<int, bool> ownIn, otherIn;       // index -> a check-in that day
    std::map<int, std::pair<int, int>> marks;  // own index -> (catch-up other index, written order), latest kept
};
std::vector<int> referenceMadeUp(const PersonDays& p, int max) {
    std::vector<int> out(7, -1);
    std::vector<int> used;
    int n = 0;
    for (int i = 0; i < 7 && n < max; ++i) {
        auto m = p.marks.find(i);
        if (m == p.marks.end() || p.ownIn.count(i)) continue;
        const int o = m->second.first;
        if (!p.otherIn.count(o) || std::find(used.begin(), used.end(), o) != used.end()) continue;
        used.push_back(o);
        out[static_cast<size_t>(i)] = o;
        ++n;
    }
    return out;
}
}  // namespace

TEST_CASE("property: random check-ins and catch-ups, in any order, match the reference and count each once", "[catchup][property]") {
    test::AmsterdamTime tz;
    const Programme prog = twoCohorts();
    std::mt19937 rng(20270121);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    int counted = 0, refusedAsUsed = 0, beyondMax = 0;
    for (int round = 0; round < 400; ++round) {
        PersonDays p;
        std::vector<AttendanceEvent> events;
        for (int i = 0; i < 7; ++i)
            if (pick(3) == 0) {
                p.ownIn[i] = true;
                events.push_back(in("A1", kOwn[i]));
            }
        for (int o = 0; o < 3; ++o)
            if (pick(3) != 0) {
                p.otherIn[o] = true;
                events.push_back(in("A1", kOther[o]));
            }
        const int marks = pick(6);
        for (int k = 0; k < marks; ++k) {
            const int i = pick(7), o = pick(3);
            AttendanceEvent e = catchUp("A1", kOwn[i], kOther[o]);
            e.recordedAt = fromLocal({LocalDate{2027, 4, 1}, 18, 0, 0}).plusSeconds(k);  // written in this order
            events.push_back(e);
            p.marks[i] = {o, k};  // written later: the latest stands
        }
        const int max = pick(4);
        const auto want = referenceMadeUp(p, max);
        int wanted = 0;
        for (int w : want) wanted += w >= 0;
        counted += wanted;
        int named = 0;
        for (const auto& [i, m] : p.marks) named += !p.ownIn.count(i) && p.otherIn.count(m.first);
        beyondMax += named > wanted;
        for (int k = 0; k < 4; ++k) {
            std::shuffle(events.begin(), events.end(), rng);
            AttendanceSummary summary;  // the export's fold wants (day, code) order: sorted as the store hands it out
            std::vector<AttendanceEvent> sorted = events;
            std::stable_sort(sorted.begin(), sorted.end(), [](const AttendanceEvent& a, const AttendanceEvent& b) { return a.day < b.day; });
            for (const auto& e : sorted) summary.add(e);
            summary.finish();
            AttendanceLedger l;
            for (const auto& e : events) l.apply(e);
            for (const DayRecords* records : {static_cast<const DayRecords*>(&l), static_cast<const DayRecords*>(&summary)}) {
                const CohortMatrix m = cohortMatrix(prog, kRoster, *records, std::string("c1"), LocalDate{2027, 4, 1}, rule(6, max));
                const MatrixRow& a = anna(m);
                int present = 0;
                for (int i = 0; i < 7; ++i) {
                    const int w = want[static_cast<size_t>(i)];
                    REQUIRE(a.madeUpOn[static_cast<size_t>(i)].has_value() == (w >= 0));
                    if (w >= 0) REQUIRE(*a.madeUpOn[static_cast<size_t>(i)] == kOther[w]);
                    present += p.ownIn.count(i) > 0 || w >= 0;
                }
                REQUIRE(a.daysPresent == present);
            }
        }
        // The check before writing agrees: an unused catch-up date of a missed day is refused as used
        // exactly when the reference already counts it.
        AttendanceLedger l;
        for (const auto& e : events) l.apply(e);
        const CohortMatrix m = cohortMatrix(prog, kRoster, l, std::string("c1"), LocalDate{2027, 4, 1}, rule(6, 7));
        const auto all = referenceMadeUp(p, 7);
        for (int i = 0; i < 7; ++i)
            for (int o = 0; o < 3; ++o) {
                if (p.ownIn.count(i) || all[static_cast<size_t>(i)] >= 0 || !p.otherIn.count(o)) continue;
                const bool usedAlready = std::find(all.begin(), all.end(), o) != all.end();
                const std::string why = checkCatchUp(prog, m, &anna(m), kOwn[i], kOther[o], true, kAfter);
                REQUIRE(why == (usedAlready ? "staff.error.catch_up_used" : ""));
                refusedAsUsed += usedAlready;
            }
    }
    CHECK(counted > 150);
    CHECK(refusedAsUsed > 50);
    CHECK(beyondMax > 30);
}

TEST_CASE("the group a visitor came to on a date two others meet: the one whose hours hold the arrival", "[catchup][presence]") {
    test::AmsterdamTime tz;
    Programme p;
    p.cohorts = {{"own", "Eigen"}, {"am", "Ochtend"}, {"pm", "Middag"}};
    const LocalDate shared{2027, 1, 21};
    auto add = [&](const char* cohort, int from, int to) {
        ProgrammeDay d;
        d.number = 1;
        d.date = shared;
        d.cohortId = cohort;
        d.agenda = {{{from}, {to}, "Dagdeel", "", "", "", ""}};
        p.days.push_back(d);
    };
    add("am", 9 * 60, 12 * 60);
    add("pm", 13 * 60, 16 * 60);
    auto host = [&](std::optional<int> minutes) {
        const ProgrammeDay* d = catchUpDay(p, "own", shared, minutes ? std::optional<TimeOfDay>(TimeOfDay{*minutes}) : std::nullopt);
        return d ? d->cohortId : std::string("none");
    };
    CHECK(host(std::nullopt) == "am");  // no arrival known: the first in file order
    CHECK(host(9 * 60 + 5) == "am");
    CHECK(host(13 * 60 + 5) == "pm");
    CHECK(host(8 * 60) == "am");        // before either: the nearer start
    CHECK(host(12 * 60 + 50) == "pm");  // between: 10 minutes to the afternoon, 50 past the morning
    CHECK(host(12 * 60 + 20) == "am");
    CHECK(host(17 * 60) == "pm");
    CHECK(catchUpDay(p, "am", shared, TimeOfDay{14 * 60}) == nullptr);  // the own group meets: no visit
    // A person's arrival as the presence list reads it: the first check-in's local time.
    DayRecord r;
    CHECK_FALSE(arrivalTime(r));
    r.checkIn = fromLocal({shared, 13, 5, 0});
    REQUIRE(arrivalTime(r));
    CHECK(arrivalTime(r)->minutes == 13 * 60 + 5);
}

TEST_CASE("catch_up rule 1: an excused own day (called in sick) may be marked as made up, a day they came to may not", "[catchup]") {
    test::AmsterdamTime tz;
    const Programme prog = twoCohorts();
    const LocalDate today{2027, 4, 1};
    AttendanceLedger l;
    annasDays(l, true);  // misses days 3 and 5
    l.apply(staff("A1", CorrectionEffect::set_excused, kOwn[4], kOwn[4], 0, "ziek"));
    l.apply(in("A1", kOther[2]));
    const CohortMatrix m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(6, 2));
    const MatrixRow& a = anna(m);
    REQUIRE(a.days[4]);
    REQUIRE(*a.days[4] == DayStatus::excused);
    // The check before writing: excused and absent days alike, a day present is refused.
    CHECK(checkCatchUp(prog, m, &a, kOwn[4], kOther[2], true, today).empty());
    CHECK(checkCatchUp(prog, m, &a, kOwn[2], kOther[2], true, today).empty());
    CHECK(checkCatchUp(prog, m, &a, kOwn[3], kOther[2], true, today) == "staff.error.catch_up_present");
}

TEST_CASE("catch_up rule 2: a date the own cohort meets too is no catch-up, also when another cohort meets that day", "[catchup]") {
    test::AmsterdamTime tz;
    // An extra day of Zutphen (c1) on 21 January, the date Deventer (c2) meets as well.
    Programme prog = twoCohorts();
    ProgrammeDay extra;
    extra.number = 8;
    extra.date = kOther[1];
    extra.cohortId = "c1";
    extra.agenda = {{{9 * 60}, {16 * 60 + 30}, "Extra", "", "", "", ""}};
    prog.days.push_back(extra);
    std::sort(prog.days.begin(), prog.days.end(), [](const ProgrammeDay& a, const ProgrammeDay& b) {
        return a.date < b.date || (a.date == b.date && a.cohortId < b.cohortId);
    });
    CHECK(catchUpDay(prog, "c1", kOther[1]) == nullptr);
    REQUIRE(catchUpDay(prog, "c1", kOther[2]) != nullptr);
    CHECK(catchUpDay(prog, "c1", kOther[2])->cohortId == "c2");
    const LocalDate today{2027, 4, 1};
    AttendanceLedger l;
    annasDays(l);  // misses day 3
    l.apply(in("A1", kOther[1]));
    const CohortMatrix m = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(7, 1));
    CHECK(checkCatchUp(prog, m, &anna(m), kOwn[2], kOther[1], true, today) == "staff.error.catch_up_other_day");
    // Written anyway (by an older kiosk, or by hand): it counts nothing, the extra day is its own.
    l.apply(catchUp("A1", kOwn[2], kOther[1]));
    const CohortMatrix after = cohortMatrix(prog, kRoster, l, std::string("c1"), today, rule(7, 1));
    CHECK_FALSE(anna(after).madeUpOn[2]);
    CHECK(*anna(after).days[2] == DayStatus::absent);
}
