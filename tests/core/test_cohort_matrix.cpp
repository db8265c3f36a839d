// The cohort matrix: each participant's days against the certificate rule, days to come left open.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <tuple>

#include "core/cohort_matrix.h"
#include "core/event_builder.h"
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
    const CohortMatrix m = cohortMatrix(prog, roster, l, LocalDate{2027, 1, 28}, LocalDate{2027, 1, 28}, CertificateRule{6});
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
    CHECK(bram.certificate == CertificateState::at_risk);  // 3 + 3 to come = 6: no day left to miss
    const MatrixRow& cas = m.rows[1];
    CHECK(cas.daysPresent == 1);
    CHECK(cas.certificate == CertificateState::missed);  // 1 + 3 to come < 6
    CHECK(m.earned() == 1);

    const ExportTable t = matrixTable(m, test::texts());
    CHECK(t.header.size() == 5 + 7 + 3);
    CHECK(t.header[5] == "dag 1 (2026-11-26)");
    CHECK(t.header[12] == "dagen aanwezig");
    CHECK(t.rows[0][5] == "te laat");
    CHECK(t.rows[0][6] == "afwezig");
    CHECK(t.rows[0][9] == "");  // day 5: not yet
    CHECK(t.rows[0][12] == "3");
    CHECK(t.header[13] == "uren aanwezig");
    CHECK(t.rows[0][13] == "21:00");  // three days without a check-out: counted to the end (16:30)
    CHECK(t.rows[0][14] == "nog haalbaar, geen dag meer te missen");
    CHECK(t.numeric[12]);
    CHECK_FALSE(t.numeric[14]);
}

TEST_CASE("a date outside the programme shows the nearest cohort's matrix", "[matrix]") {
    test::AmsterdamTime tz;
    const Programme prog = sevenDays();
    AttendanceLedger l;
    const CohortMatrix m = cohortMatrix(prog, {{"A1", "Anna", "", "V", "", "c1", ""}}, l, LocalDate{2026, 11, 1}, LocalDate{2026, 11, 1}, CertificateRule{6});
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
                                        LocalDate{2027, 1, 28}, CertificateRule{6});
    REQUIRE(m.rows.size() == 1);
    CHECK(m.rows[0].days[1] == DayStatus::absent);
    CHECK(m.rows[0].days[3] == DayStatus::absent);
    CHECK_FALSE(m.rows[0].days[4].has_value());
    CHECK(m.rows[0].certificate == CertificateState::missed);  // 1 + 3 to come < 6
}

// ---- An independent oracle (issue #21) ----
// The cohort's attendance as a hand-written table, one letter per person per day:
//   P on time (08:55-16:35)        L late (09:30 in)             E left early (checked out 15:00)
//   B late and left early          D on time, tapped again at 11:00 on a second kiosk (the first counts)
//   A no check-in on a day that has passed or is today        . no check-in on a day still to come
//   X excused by staff ("ziek"), on a day past or to come: not a day present, and not open
//   N a day outside the person's enrolment (before `from`, after `until`: issue 30), no check-in: "n.v.t."
//   Q a day outside the enrolment with an on-time check-in: they came after all, a day present
// N and Q stand only at the start or the end of a row: the roster's from is the first other day's
// date, until the last other day's. Rule 4 of day_counting.h written out: the days needed are the
// minimum less the N days, at least 1; with no day enrolled the certificate cannot be earned.
// The expected matrix is read straight off the letters, with the certificate rule written out
// here: earned when the days with a check-in reach the minimum; with the days still open (to
// come, not excused) exactly what is needed "nog haalbaar, geen dag meer te missen"; more than
// needed "nog haalbaar"; fewer "nee". Nothing of the matrix code is used to compute it.

namespace {

struct OracleRow {
    std::string code;
    std::string lastName;
    std::string letters;  // one per programme day
};

struct Expected {
    std::vector<std::string> statusWords;  // per day: the catalogue's word, "" for a day to come
    int daysPresent = 0;
    std::string certificate;               // ja / nog haalbaar / nee
};

Expected oracle(const std::string& letters, int minDays) {
    Expected e;
    int open = 0, notEnrolled = 0, enrolled = 0;
    for (char c : letters) {
        if (c != 'N') ++enrolled;  // a Q day is a day like any other
        switch (c) {
            case 'N': e.statusWords.push_back("n.v.t."); ++notEnrolled; break;
            case 'P': case 'D': case 'Q': e.statusWords.push_back("aanwezig"); ++e.daysPresent; break;
            case 'L': e.statusWords.push_back("te laat"); ++e.daysPresent; break;
            case 'E': e.statusWords.push_back("eerder weg"); ++e.daysPresent; break;
            case 'B': e.statusWords.push_back("te laat en eerder weg"); ++e.daysPresent; break;
            case 'A': e.statusWords.push_back("afwezig"); break;
            case 'X': e.statusWords.push_back("afgemeld: ziek"); break;
            default: e.statusWords.push_back(""); ++open; break;  // '.'
        }
    }
    const int neededDays = enrolled == 0 ? std::max(minDays, 1) : std::max(1, minDays - notEnrolled);
    const int needed = neededDays - e.daysPresent;
    e.certificate = needed <= 0     ? "ja"
                    : open > needed ? "nog haalbaar"
                    : open == needed ? "nog haalbaar, geen dag meer te missen"
                                     : "nee";
    return e;
}

// The events a letter stands for, on `date`.
std::vector<AttendanceEvent> eventsFor(const std::string& code, char letter, const LocalDate& date) {
    const std::string d = date.iso();
    auto at = [&](const char* hhmm) { return d + "T" + hhmm; };
    std::vector<AttendanceEvent> out;
    auto add = [&](EventKind k, const std::string& when) { out.push_back(test::eventAt(k, code, when.c_str())); };
    switch (letter) {
        case 'P': case 'Q': add(EventKind::check_in, at("08:55")); add(EventKind::check_out, at("16:35")); break;
        case 'D': add(EventKind::check_in, at("08:55")); add(EventKind::check_in, at("11:00")); break;
        case 'L': add(EventKind::check_in, at("09:30")); break;
        case 'E': add(EventKind::check_in, at("08:50")); add(EventKind::check_out, at("15:00")); break;
        case 'B': add(EventKind::check_in, at("09:30")); add(EventKind::check_out, at("15:00")); break;
        case 'X': {
            StaffForm f{EventKind::correction, code, CorrectionEffect::set_excused, "", "ziek", "balie"};
            out.push_back(makeStaffEvent(f, date, fromLocal({date, 0, 0, 0}), EventStamp::staff(fromLocal({date.plusDays(-3), 10, 0, 0}), "entree")));
            break;
        }
        default: break;
    }
    return out;
}

void checkAgainstOracle(const std::vector<OracleRow>& table, int todayIndex, int minDays) {
    const Programme prog = sevenDays();
    const LocalDate today = prog.days[static_cast<size_t>(todayIndex)].date;
    std::vector<Participant> roster;
    std::vector<AttendanceEvent> log;
    for (const auto& row : table) {
        roster.push_back({row.code, "Voornaam", "", row.lastName, "Beleid", "c1", "", {}, {}});
        // The enrolment the N and Q letters at either end stand for.
        const auto outside = [&](size_t i) { return row.letters[i] == 'N' || row.letters[i] == 'Q'; };
        size_t first = 0, last = row.letters.size();
        while (first < row.letters.size() && outside(first)) ++first;
        while (last > first && outside(last - 1)) --last;
        if (first == row.letters.size()) roster.back().from = prog.days.back().date.plusDays(1);  // joins after the end
        else if (first > 0) roster.back().from = prog.days[first].date;
        if (last < row.letters.size() && last > first) roster.back().until = prog.days[last - 1].date;
        for (size_t i = 0; i < row.letters.size(); ++i)
            for (auto& e : eventsFor(row.code, row.letters[i], prog.days[i].date)) log.push_back(std::move(e));
    }
    for (size_t i = 0; i < log.size(); ++i) log[i].seq = static_cast<int64_t>(i + 1);
    // The live ledger, and the export's summary (fed in day, code, store order).
    AttendanceLedger ledger;
    for (const auto& e : log) ledger.apply(e);
    std::vector<AttendanceEvent> sorted = log;
    std::stable_sort(sorted.begin(), sorted.end(), [](const AttendanceEvent& a, const AttendanceEvent& b) {
        return std::tie(a.day, a.participantCode) < std::tie(b.day, b.participantCode);
    });
    AttendanceSummary summary;
    for (const auto& e : sorted) summary.add(e);
    summary.finish();

    for (const DayRecords* records : {static_cast<const DayRecords*>(&ledger), static_cast<const DayRecords*>(&summary)}) {
        const CohortMatrix m = cohortMatrix(prog, roster, *records, std::string("c1"), today, CertificateRule{minDays});
        const ExportTable t = matrixTable(m, test::texts());
        REQUIRE(t.rows.size() == table.size());
        int earned = 0;
        for (const auto& row : table) {
            CAPTURE(row.code, row.letters, todayIndex, minDays);
            const Expected want = oracle(row.letters, minDays);
            if (want.certificate == "ja") ++earned;
            // Find the row by its code, not by its place.
            const auto it = std::find_if(t.rows.begin(), t.rows.end(), [&](const auto& cells) { return cells[0] == row.code; });
            REQUIRE(it != t.rows.end());
            const auto& cells = *it;
            CHECK(cells[3] == row.lastName);
            for (size_t d = 0; d < want.statusWords.size(); ++d) {
                CAPTURE(d);
                CHECK(cells[5 + d] == want.statusWords[d]);
            }
            CHECK(cells[12] == std::to_string(want.daysPresent));
            CHECK(cells[14] == want.certificate);
        }
        CHECK(m.earned() == earned);
    }
}

}  // namespace

TEST_CASE("the matrix and the certificate rule agree with a hand-written table", "[matrix][oracle]") {
    test::AmsterdamTime tz;
    // Seen on day 4 (index 3): days 5 to 7 are still to come; certificate at 6 of 7.
    const std::vector<OracleRow> table{
        {"A1", "Aalders", "PPPP..."},   // 4 + 3 to come: reachable
        {"B1", "Bakker", "PPPPPPP"},    // check-ins on days to come count once they exist: earned
        {"C1", "Claes", "LEBD..."},     // every status counts as a day with a check-in
        {"D1", "Dekker", "APAP..."},    // 2 + 3 < 6: missed
        {"E1", "Eijk", "PPPA..."},      // 3 + 3 = 6: reachable, no day left to miss
        {"F1", "Fokker", "PPAA..."},    // 2 + 3 = 5: one short, missed
        {"G1", "Groen", "PPPPPP."},     // exactly 6: earned
        {"H1", "Haan", "PPPPP.."},      // 5: one short of earned, reachable
        {"I1", "Ilić", "PPPP.X."},      // an excusal to come: 4 + 2 = 6, no day left to miss
        {"J1", "Jansen", "PPPX.X."},    // 3 + 2 < 6: no longer possible, known today
        {"K1", "Kok", "XPPP..."},       // excused on day 1: 3 + 3 = 6, no day left to miss
        {"L1", "Lelie", "NPPP..."},     // joined on day 2: needs 5, 3 + 3 to come: reachable
        {"M1", "Mol", "NNPA..."},       // joined on day 3: needs 4, 1 + 3 = 4: no day left to miss
        {"N1", "Nijs", "NPAA..."},      // joined on day 2: needs 5, 1 + 3 < 5: missed
        {"O1", "Oost", "PPPPNNN"},      // left after day 4: needs 3 (at least 1), has 4: earned
        {"Q1", "Quint", "QPPP..."},     // from day 2 but came on day 1: a day present, needs 5
        {"R1", "Rood", "NNNNNNN"},      // joins after the last day: nothing to earn
    };
    checkAgainstOracle(table, 3, 6);
}

TEST_CASE("the matrix agrees with the oracle over many seeded tables, days and minimums", "[matrix][oracle]") {
    test::AmsterdamTime tz;
    std::mt19937 rng(21);
    const std::string pastLetters = "PPPLEBDAX";
    for (int round = 0; round < 40; ++round) {
        const int todayIndex = static_cast<int>(rng() % 7);
        const int minDays = 1 + static_cast<int>(rng() % 7);
        std::vector<OracleRow> table;
        const int people = 1 + static_cast<int>(rng() % 6);
        for (int p = 0; p < people; ++p) {
            std::string letters;
            for (int d = 0; d < 7; ++d) {
                const char c = pastLetters[rng() % pastLetters.size()];
                // A day to come has no check-in most of the time ('.'), never an 'A'; an excusal may be known.
                letters += d > todayIndex ? (c == 'A' || (c != 'X' && rng() % 3 != 0) ? '.' : c) : c;
            }
            // Half the people joined late or left early (issue 30): days outside, mostly without a
            // check-in (N), now and then with one (Q; on a day to come only N).
            if (rng() % 2 == 0) {
                const size_t lead = rng() % 4, trail = rng() % 3;
                auto outside = [&](size_t d) { return d <= static_cast<size_t>(todayIndex) && rng() % 5 == 0 ? 'Q' : 'N'; };
                for (size_t d = 0; d < lead; ++d) letters[d] = outside(d);
                for (size_t d = 7 - trail; d < 7; ++d) letters[d] = outside(d);
            }
            table.push_back({"P" + std::to_string(p), std::string("Naam") + char('a' + p), letters});
        }
        checkAgainstOracle(table, todayIndex, minDays);
    }
}

// ---- Late joiners and leavers (issue 30, day_counting.h rule 4) ----

namespace {
int rank(CertificateState s) {  // the better, the higher
    switch (s) {
        case CertificateState::earned: return 3;
        case CertificateState::reachable: return 2;
        case CertificateState::at_risk: return 1;
        case CertificateState::missed: return 0;
    }
    return 0;
}
}  // namespace

TEST_CASE("a late joiner has n.v.t. on the first days, not absent, and the rule counts only the days enrolled", "[matrix][enrolment]") {
    test::AmsterdamTime tz;
    const Programme prog = sevenDays();
    Participant late{"L1", "Lotte", "", "Laat", "", "c1", "", LocalDate{2026, 12, 10}, {}};  // joins on day 2
    Participant gone{"G1", "Gijs", "", "Gaan", "", "c1", "", {}, LocalDate{2027, 1, 14}};    // leaves after day 3
    AttendanceLedger l;
    for (const char* d : {"2026-12-10", "2027-01-14", "2027-01-28", "2027-02-11", "2027-03-11"})
        l.apply(checkIn("L1", (std::string(d) + "T08:55").c_str()));
    for (const char* d : {"2026-11-26", "2026-12-10", "2027-01-14"}) l.apply(checkIn("G1", (std::string(d) + "T08:55").c_str()));
    const LocalDate today{2027, 4, 1};  // day 7, all days past
    const CohortMatrix m = cohortMatrix(prog, {late, gone}, l, std::string("c1"), today, CertificateRule{6});
    REQUIRE(m.rows.size() == 2);
    const MatrixRow& g = m.rows[0];  // Gaan
    const MatrixRow& lt = m.rows[1];  // Laat
    CHECK(lt.days[0] == DayStatus::not_enrolled);
    CHECK(lt.days[6] == DayStatus::absent);
    CHECK(lt.daysEnrolled == 6);
    CHECK(lt.daysNeeded == 5);
    CHECK(lt.daysPresent == 5);
    CHECK(lt.certificate == CertificateState::earned);  // 5 of 6: one missed day, as 6 of 7 allows
    CHECK(g.days[3] == DayStatus::not_enrolled);
    CHECK(g.days[6] == DayStatus::not_enrolled);
    CHECK(g.daysEnrolled == 3);
    CHECK(g.daysNeeded == 2);  // 6 less the 4 days after leaving
    CHECK(g.certificate == CertificateState::earned);
    // In words, in the export: "n.v.t.", never "afwezig".
    const ExportTable t = matrixTable(m, test::texts());
    CHECK(t.rows[1][5] == "n.v.t.");
    CHECK(t.rows[0][11] == "n.v.t.");

    // The same joiner who missed one more day no longer makes it: 4 of the 5 needed.
    AttendanceLedger fewer;
    for (const char* d : {"2026-12-10", "2027-01-14", "2027-01-28", "2027-02-11"}) fewer.apply(checkIn("L1", (std::string(d) + "T08:55").c_str()));
    const CohortMatrix m2 = cohortMatrix(prog, {late}, fewer, std::string("c1"), today, CertificateRule{6});
    CHECK(m2.rows[0].certificate == CertificateState::missed);
}

TEST_CASE("a check-in before the enrolment counts: they came after all", "[matrix][enrolment]") {
    test::AmsterdamTime tz;
    const Programme prog = sevenDays();
    const Participant late{"L1", "Lotte", "", "Laat", "", "c1", "", LocalDate{2026, 12, 10}, {}};
    AttendanceLedger l;
    l.apply(checkIn("L1", "2026-11-26T09:30"));
    const CohortMatrix m = cohortMatrix(prog, {late}, l, std::string("c1"), LocalDate{2026, 11, 26}, CertificateRule{6});
    CHECK(m.rows[0].days[0] == DayStatus::late);
    CHECK(m.rows[0].daysPresent == 1);
    CHECK(m.rows[0].daysEnrolled == 7);
    CHECK(m.rows[0].daysNeeded == 6);
}

TEST_CASE("property: enrolling someone on one more past day without a check-in never improves their certificate", "[matrix][enrolment][property]") {
    test::AmsterdamTime tz;
    const Programme prog = sevenDays();
    std::mt19937 rng(30);
    for (int round = 0; round < 300; ++round) {
        const size_t todayIndex = rng() % 7;
        const int minDays = 1 + static_cast<int>(rng() % 7);
        AttendanceLedger l;
        std::vector<bool> came(7);
        for (size_t d = 0; d < 7; ++d) {
            came[d] = rng() % 3 != 0 && (d <= todayIndex || rng() % 4 == 0);
            if (came[d]) l.apply(checkIn("P1", (prog.days[d].date.iso() + "T08:55").c_str()));
        }
        // from = the day at index k; one day earlier when that day is past and had no check-in (a
        // day to come would be one more chance: open, not a miss).
        const size_t k = 1 + rng() % 6;
        if (came[k - 1] || k - 1 > todayIndex) continue;
        const Participant later{"P1", "Piet", "", "P", "", "c1", "", prog.days[k].date, {}};
        Participant earlier = later;
        earlier.from = prog.days[k - 1].date;
        const LocalDate today = prog.days[todayIndex].date;
        const MatrixRow a = cohortMatrix(prog, {later}, l, std::string("c1"), today, CertificateRule{minDays}).rows.at(0);
        const MatrixRow b = cohortMatrix(prog, {earlier}, l, std::string("c1"), today, CertificateRule{minDays}).rows.at(0);
        CAPTURE(round, todayIndex, minDays, k);
        CHECK(rank(b.certificate) <= rank(a.certificate));
        CHECK(b.daysPresent == a.daysPresent);
        CHECK(b.daysEnrolled == a.daysEnrolled + 1);
        CHECK(a.days[k - 1] == DayStatus::not_enrolled);
        CHECK(b.days[k - 1] != DayStatus::not_enrolled);
        // Without anyone outside the enrolment, the rule is the plain one.
        Participant always = later;
        always.from.reset();
        const MatrixRow c = cohortMatrix(prog, {always}, l, std::string("c1"), today, CertificateRule{minDays}).rows.at(0);
        CHECK(c.daysNeeded == minDays);
        CHECK(c.daysEnrolled == 7);
    }
}
