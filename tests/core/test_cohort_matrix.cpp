// The cohort matrix: each participant's days against the certificate rule, days to come left open.
#include <catch2/catch.hpp>

#include "core/cohort_matrix.h"
#include "event_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {

AttendanceEvent checkIn(const std::string& code, const char* when) { return test::eventAt(EventKind::check_in, code, when); }

Programme sevenDays() {
    Programme p;
    p.cohorts = {{"c1", "Cohort 1"}, {"c2", "Cohort 2"}};
    const LocalDate dates[] = {{2026, 11, 26}, {2026, 12, 10}, {2027, 1, 14}, {2027, 1, 28},
                               {2027, 2, 11},  {2027, 3, 11},  {2027, 4, 1}};
    for (int i = 0; i < 7; ++i) {
        ProgrammeDay d;
        d.number = i + 1;
        d.date = dates[i];
        d.cohortId = "c1";
        d.agenda = {{{9 * 60}, {16 * 60 + 30}, "Dag", "", "", "", ""}};
        p.days.push_back(d);
    }
    return p;
}

}  // namespace

TEST_CASE("the matrix counts days present against the certificate rule, with the days to come open", "[matrix]") {
    test::AmsterdamTime tz;
    const Programme prog = sevenDays();
    const std::vector<Participant> roster{{"A1", "Anna", "de", "Vries", "", "c1", ""},
                                          {"B1", "Bram", "", "Bakker", "", "c1", ""},
                                          {"C1", "Cas", "", "Claes", "", "c1", ""},
                                          {"X1", "Xander", "", "Other", "", "c2", ""}};
    AttendanceLedger l;
    const char* days[] = {"2026-11-26", "2026-12-10", "2027-01-14", "2027-01-28", "2027-02-11", "2027-03-11", "2027-04-01"};
    for (int i = 0; i < 7; ++i) l.apply(checkIn("A1", (std::string(days[i]) + "T08:55").c_str()));  // all seven
    for (int i = 0; i < 4; ++i) if (i != 1) l.apply(checkIn("B1", (std::string(days[i]) + "T09:30").c_str()));  // late, missed day 2
    l.apply(checkIn("C1", "2026-11-26T08:50"));

    // Seen on day 4: days 5 to 7 are still to come.
    const CohortMatrix m = cohortMatrix(prog, roster, l, LocalDate{2027, 1, 28}, LocalDate{2027, 1, 28}, 6);
    REQUIRE(m.days.size() == 7);
    REQUIRE(m.rows.size() == 3);  // cohort c1 only, by last name: Bakker, Claes, Vries
    CHECK(m.rows[0].participant.code == "B1");
    CHECK(m.rows[2].participant.code == "A1");
    const MatrixRow& anna = m.rows[2];
    CHECK(anna.daysPresent == 7);  // check-ins of future days count once they exist
    CHECK(anna.certificate == CertificateState::earned);
    const MatrixRow& bram = m.rows[0];
    CHECK(bram.daysPresent == 3);
    CHECK(bram.days[0] == DayStatus::late);
    CHECK(bram.days[1] == DayStatus::absent);
    CHECK_FALSE(bram.days[4].has_value());
    CHECK(bram.certificate == CertificateState::reachable);  // 3 + 3 to come = 6
    const MatrixRow& cas = m.rows[1];
    CHECK(cas.daysPresent == 1);
    CHECK(cas.certificate == CertificateState::missed);  // 1 + 3 to come < 6
    CHECK(m.earned() == 1);

    const ExportTable t = matrixTable(m, test::texts());
    CHECK(t.header.size() == 5 + 7 + 2);
    CHECK(t.header[5] == "dag 1 (2026-11-26)");
    CHECK(t.header[12] == "dagen aanwezig");
    CHECK(t.rows[0][5] == "te laat");
    CHECK(t.rows[0][6] == "afwezig");
    CHECK(t.rows[0][9] == "");  // day 5: not yet
    CHECK(t.rows[0][12] == "3");
    CHECK(t.rows[0][13] == "nog haalbaar");
    CHECK(t.numeric[12]);
    CHECK_FALSE(t.numeric[13]);
}

TEST_CASE("a date outside the programme shows the nearest cohort's matrix", "[matrix]") {
    test::AmsterdamTime tz;
    const Programme prog = sevenDays();
    AttendanceLedger l;
    const CohortMatrix m = cohortMatrix(prog, {{"A1", "Anna", "", "V", "", "c1", ""}}, l, LocalDate{2026, 11, 1}, LocalDate{2026, 11, 1}, 6);
    CHECK(m.cohortId == "c1");
    REQUIRE(m.rows.size() == 1);
    CHECK(m.rows[0].certificate == CertificateState::reachable);
    for (const auto& d : m.rows[0].days) CHECK_FALSE(d.has_value());
}

TEST_CASE("looking back at an earlier day, the days since then still count as past", "[matrix]") {
    test::AmsterdamTime tz;
    const Programme prog = sevenDays();
    AttendanceLedger l;
    l.apply(checkIn("A1", "2026-11-26T08:55"));
    // Staff look at day 1 while it is day 4: days 2 to 4 are over, not open.
    const CohortMatrix m = cohortMatrix(prog, {{"A1", "Anna", "", "V", "", "c1", ""}}, l, LocalDate{2026, 11, 26},
                                        LocalDate{2027, 1, 28}, 6);
    REQUIRE(m.rows.size() == 1);
    CHECK(m.rows[0].days[1] == DayStatus::absent);
    CHECK(m.rows[0].days[3] == DayStatus::absent);
    CHECK_FALSE(m.rows[0].days[4].has_value());
    CHECK(m.rows[0].certificate == CertificateState::missed);  // 1 + 3 to come < 6
}
