// What counts towards the certificate (core/day_counting.h), at its boundaries: the share rule at
// 74/75 %, an excusal and a later check-in, an excusal of a day to come turning the certificate to
// "nee", "geen dag meer te missen", and forgotten check-outs across midnight and on a DST Sunday.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/cohort_matrix.h"
#include "core/day_counting.h"
#include "core/event_builder.h"
#include "core/presence_list.h"
#include "core/staff_correction.h"
#include "event_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {

Instant local(const char* s) { return fromLocal(*LocalDateTime::parse(s)); }

AttendanceEvent staff(CorrectionEffect effect, const std::string& code, LocalDate day, const char* writtenAt,
                      const std::string& reason = "ziek") {
    StaffForm f;
    f.participantCode = code;
    f.effect = effect;
    f.reason = reason;
    f.actor = "Marieke (balie)";
    return makeStaffEvent(f, day, correctionMoment(effect, day, 0), EventStamp::staff(local(writtenAt), "entree"));
}

ProgrammeDay dayOn(LocalDate date, int number = 1) {
    ProgrammeDay d;
    d.number = number;
    d.date = date;
    d.cohortId = "c1";
    d.agenda = {{{9 * 60}, {17 * 60}, "Dag", "", "", "", ""}};  // 480 minutes
    return d;
}

DayRecord recordOf(const std::vector<AttendanceEvent>& events, LocalDate day, const std::string& code = "A1") {
    AttendanceLedger l;
    for (const auto& e : events) l.apply(e);
    return l.record(day, code);
}

const LocalDate kThu{2027, 1, 14};

}  // namespace

TEST_CASE("share: 74 % of the programme hours does not count the day, 75 % does", "[counting][boundary]") {
    test::AmsterdamTime tz;
    const ProgrammeDay day = dayOn(kThu);
    const CertificateRule share{6, DayCounts::share, 75, false};
    const CertificateRule any{6, DayCounts::any_check_in, 75, false};
    // 75 % of 480 minutes is 360: in at 09:00, out at 14:59 (359) or 15:00 (360).
    const DayRecord short1 = recordOf({test::eventAt(EventKind::check_in, "A1", "2027-01-14T09:00"),
                                       test::eventAt(EventKind::check_out, "A1", "2027-01-14T14:59")}, kThu);
    const DayRecord enough = recordOf({test::eventAt(EventKind::check_in, "A1", "2027-01-14T09:00"),
                                       test::eventAt(EventKind::check_out, "A1", "2027-01-14T15:00")}, kThu);
    CHECK(minutesInProgramme(short1, day) == 359);
    CHECK_FALSE(dayCounts(short1, &day, share));
    CHECK(dayCounts(enough, &day, share));
    CHECK(dayCounts(short1, &day, any));  // the default keeps today's rule: a check-in counts

    SECTION("minutes outside the programme hours do not count; intervals add up") {
        // 08:00-10:00 (60 inside), lunch out, 12:00-17:30 (300 inside): 360 = 75 %.
        const DayRecord r = recordOf({test::eventAt(EventKind::check_in, "A1", "2027-01-14T08:00"),
                                      test::eventAt(EventKind::check_out, "A1", "2027-01-14T10:00"),
                                      test::eventAt(EventKind::check_in, "A1", "2027-01-14T12:00"),
                                      test::eventAt(EventKind::check_out, "A1", "2027-01-14T17:30")}, kThu);
        CHECK(minutesInProgramme(r, day) == 360);
        CHECK(dayCounts(r, &day, share));
    }
    SECTION("ten minutes is a check-in, not a day") {
        const DayRecord r = recordOf({test::eventAt(EventKind::check_in, "A1", "2027-01-14T08:50"),
                                      test::eventAt(EventKind::check_out, "A1", "2027-01-14T09:00")}, kThu);
        CHECK(minutesInProgramme(r, day) == 0);
        CHECK_FALSE(dayCounts(r, &day, share));
    }
}

TEST_CASE("excused, then a check-in that day: present, and the excusal is gone", "[counting][excused]") {
    test::AmsterdamTime tz;
    const ProgrammeDay day = dayOn(kThu);
    const auto excusal = staff(CorrectionEffect::set_excused, "A1", kThu, "2027-01-07T10:00", "ziek gemeld");
    const DayRecord excused = recordOf({excusal}, kThu);
    CHECK(excused.excused);
    CHECK(excused.excusedReason == "ziek gemeld");
    CHECK(statusOf(excused, &day, {}) == DayStatus::excused);
    CHECK_FALSE(dayCounts(excused, &day, {6, DayCounts::any_check_in, 75, false}));
    CHECK(dayCounts(excused, &day, {6, DayCounts::any_check_in, 75, true}));  // excused_counts_for_certificate

    const DayRecord came = recordOf({excusal, test::eventAt(EventKind::check_in, "A1", "2027-01-14T09:05")}, kThu);
    CHECK_FALSE(came.excused);
    CHECK(statusOf(came, &day, {}) == DayStatus::present);

    SECTION("absent after the excusal replaces it; excused after absent replaces that") {
        const auto absent = staff(CorrectionEffect::set_absent, "A1", kThu, "2027-01-08T10:00", "toch niet");
        CHECK(statusOf(recordOf({excusal, absent}, kThu), &day, {}) == DayStatus::absent);
        const auto again = staff(CorrectionEffect::set_excused, "A1", kThu, "2027-01-09T10:00", "mantelzorg");
        const DayRecord r = recordOf({excusal, absent, again}, kThu);
        CHECK(statusOf(r, &day, {}) == DayStatus::excused);
        CHECK(r.excusedReason == "mantelzorg");
    }
    SECTION("an excusal written after a check-in sets the check-in aside (the wrong name was tapped)") {
        const auto tapped = test::eventAt(EventKind::check_in, "A1", "2027-01-14T09:05");
        const DayRecord r = recordOf({tapped, staff(CorrectionEffect::set_excused, "A1", kThu, "2027-01-14T10:00")}, kThu);
        CHECK(r.excused);
        CHECK(r.intervals.empty());
    }
}

TEST_CASE("an excusal of a day to come turns the certificate to \"nee\" as soon as the rule cannot be met", "[counting][matrix]") {
    test::AmsterdamTime tz;
    Programme prog;
    prog.cohorts = {{"c1", "Zutphen"}};
    const LocalDate dates[] = {{2027, 1, 7}, {2027, 1, 14}, {2027, 1, 21}, {2027, 1, 28}, {2027, 2, 4}, {2027, 2, 11}, {2027, 2, 18}};
    for (int i = 0; i < 7; ++i) prog.days.push_back(dayOn(dates[i], i + 1));
    const std::vector<Participant> roster{{"A1", "Anna", "de", "Vries", "", "c1", ""}};
    const LocalDate today = dates[2];  // day 3
    std::vector<AttendanceEvent> events;
    for (int i = 0; i < 3; ++i) events.push_back(test::eventAt(EventKind::check_in, "A1", (dates[i].iso() + "T09:00").c_str()));
    auto matrix = [&](bool excusedCounts = false) {
        AttendanceLedger l;
        for (const auto& e : events) l.apply(e);
        return cohortMatrix(prog, roster, l, std::string("c1"), today, CertificateRule{6, DayCounts::any_check_in, 75, excusedCounts});
    };
    // 3 present, 4 to come, 6 needed: one day may still be missed.
    CHECK(matrix().rows[0].certificate == CertificateState::reachable);
    // Day 5 excused: 3 to come, 3 needed: no day left to miss.
    events.push_back(staff(CorrectionEffect::set_excused, "A1", dates[4], "2027-01-21T10:00", "bruiloft"));
    CohortMatrix m = matrix();
    CHECK(m.rows[0].certificate == CertificateState::at_risk);
    CHECK(m.atRisk() == 1);
    REQUIRE(m.rows[0].days[4].has_value());
    CHECK(*m.rows[0].days[4] == DayStatus::excused);
    CHECK(m.rows[0].excusedReasons[4] == "bruiloft");
    CHECK_FALSE(m.rows[0].days[3].has_value());  // still to come, nothing known
    // Day 6 excused too: the rule can no longer be met.
    events.push_back(staff(CorrectionEffect::set_excused, "A1", dates[5], "2027-01-21T10:01", "operatie"));
    CHECK(matrix().rows[0].certificate == CertificateState::missed);
    // Where excusals count, the same two days keep the certificate within reach.
    CHECK(matrix(true).rows[0].certificate == CertificateState::reachable);
    CHECK(matrix(true).rows[0].daysPresent == 5);

    SECTION("the matrix as an export: \"afgemeld: <reason>\" in the day's cell, hours present") {
        const ExportTable t = matrixTable(matrix(), test::texts());
        const auto& row = t.rows.at(0);
        CHECK(std::find(row.begin(), row.end(), "afgemeld: bruiloft") != row.end());
        CHECK(std::find(row.begin(), row.end(), "nee") != row.end());
        CHECK(std::find(row.begin(), row.end(), "24:00") != row.end());  // 3 days of 8 hours: no check-outs, counted to the end
    }
}

TEST_CASE("certificate state at its boundaries", "[counting][boundary]") {
    CHECK(certificateState(6, 0, 6) == CertificateState::earned);
    CHECK(certificateState(5, 2, 6) == CertificateState::reachable);
    CHECK(certificateState(5, 1, 6) == CertificateState::at_risk);
    CHECK(certificateState(5, 0, 6) == CertificateState::missed);
    CHECK(certificateState(0, 6, 6) == CertificateState::at_risk);
    CHECK(certificateState(0, 7, 6) == CertificateState::reachable);
}

TEST_CASE("a forgotten check-out: open after the day's end plus the grace, also the morning after", "[counting][forgotten]") {
    test::AmsterdamTime tz;
    const ProgrammeDay day = dayOn(kThu);  // ends 17:00
    const DayRecord r = recordOf({test::eventAt(EventKind::check_in, "A1", "2027-01-14T09:00")}, kThu);
    CHECK_FALSE(checkOutForgotten(r, kThu, &day, local("2027-01-14T17:59"), 60));
    CHECK(checkOutForgotten(r, kThu, &day, local("2027-01-14T18:00"), 60));
    CHECK(checkOutForgotten(r, kThu, &day, local("2027-01-15T08:30"), 60));  // across midnight
    // It counts until the programme's end (the documented rule), and nothing was written.
    CHECK(minutesCounted(r, &day) == 480);
    CHECK(r.minutesPresent == 0);
    CHECK(dayCounts(r, &day, {6, DayCounts::share, 75, false}));
    // Closed by staff: no longer forgotten.
    StaffForm f{EventKind::correction, "A1", CorrectionEffect::set_check_out, "", "vergeten", "balie"};
    const auto out = makeStaffEvent(f, kThu, local("2027-01-14T16:45"), EventStamp::staff(local("2027-01-15T08:30"), "entree"));
    const DayRecord closed = recordOf({test::eventAt(EventKind::check_in, "A1", "2027-01-14T09:00"), out}, kThu);
    CHECK_FALSE(checkOutForgotten(closed, kThu, &day, local("2027-01-15T08:30"), 60));

    SECTION("on the presence list: noted, for the day shown the morning after") {
        Programme prog;
        prog.days = {day};
        AttendanceLedger l;
        l.apply(test::eventAt(EventKind::check_in, "A1", "2027-01-14T09:00"));
        const std::vector<Participant> roster{{"A1", "Anna", "de", "Vries", "", "c1", ""}};
        const auto rows = presenceList(prog, roster, l, kThu, AttendanceRules{}, local("2027-01-15T08:30"));
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].checkOutForgotten);
        const ExportTable t = presenceTable(rows, kThu, test::texts());
        CHECK(t.rows[0].back() == "uitchecken vergeten");
        CHECK(t.rows[0][8].empty());  // no check-out invented
    }
}

TEST_CASE("a forgotten check-out on the Sunday clocks go forward (2027-03-28)", "[counting][forgotten][dst]") {
    test::AmsterdamTime tz;
    const LocalDate sunday{2027, 3, 28};
    ProgrammeDay day = dayOn(sunday);
    day.agenda = {{{9 * 60}, {16 * 60 + 30}, "Dag", "", "", "", ""}};
    const DayRecord r = recordOf({test::eventAt(EventKind::check_in, "A1", "2027-03-28T09:00")}, sunday);
    // 16:30 CEST is 14:30 UTC; an hour's grace: 15:30 UTC.
    const int64_t deadline = fromLocal({sunday, 16, 30, 0}).ms + 3600000;
    CHECK(toLocal(Instant{deadline}).hour == 17);
    CHECK_FALSE(checkOutForgotten(r, sunday, &day, Instant{deadline - 60000}, 60));
    CHECK(checkOutForgotten(r, sunday, &day, Instant{deadline}, 60));
    // The programme's 7.5 hours are 450 real minutes on that day too (the jump is at 02:00).
    CHECK(minutesCounted(r, &day) == 450);
    SECTION("and on the Sunday clocks go back (2026-10-25), an interval across 02:00-03:00 twice") {
        const LocalDate autumn{2026, 10, 25};
        ProgrammeDay night = dayOn(autumn);
        night.agenda = {{{1 * 60}, {4 * 60}, "Nacht", "", "", "", ""}};  // 01:00-04:00 local: 4 real hours
        const DayRecord n = recordOf({test::eventAt(EventKind::check_in, "A1", "2026-10-25T01:00")}, autumn);
        CHECK(minutesCounted(n, &night) == 240);
        CHECK(checkOutForgotten(n, autumn, &night, fromLocal({autumn, 5, 0, 0}), 60));
        CHECK_FALSE(checkOutForgotten(n, autumn, &night, fromLocal({autumn, 4, 59, 0}), 60));
    }
}

TEST_CASE("the staff correction rules: excused only on a programme day of the person's cohort, past or to come", "[counting][staff]") {
    test::AmsterdamTime tz;
    Programme prog;
    prog.days = {dayOn(kThu)};
    StaffForm f{EventKind::correction, "A1", CorrectionEffect::set_excused, "", "ziek", "balie"};
    const Instant now = local("2027-01-07T10:00");  // a week before
    CHECK(checkStaffCorrection(f, prog, "c1", kThu, correctionMoment(f.effect, kThu, 0), now).empty());
    CHECK(checkStaffCorrection(f, prog, "c2", kThu, correctionMoment(f.effect, kThu, 0), now) == "staff.error.not_programme_day");
    CHECK(checkStaffCorrection(f, prog, "c1", kThu.plusDays(1), correctionMoment(f.effect, kThu, 0), now) ==
          "staff.error.not_programme_day");
    f.reason = "  ";
    CHECK(checkStaffCorrection(f, prog, "c1", kThu, correctionMoment(f.effect, kThu, 0), now) == "staff.error.reason");
    // A time of a day to come is refused; absent of a day to come is not.
    f.reason = "ziek";
    f.effect = CorrectionEffect::set_check_in;
    CHECK(checkStaffCorrection(f, prog, "c1", kThu, correctionMoment(f.effect, kThu, 9 * 60), now) == "staff.error.ahead");
    f.effect = CorrectionEffect::set_absent;
    CHECK(checkStaffCorrection(f, prog, "c1", kThu, correctionMoment(f.effect, kThu, 0), now).empty());
}
