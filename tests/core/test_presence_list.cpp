#include <catch2/catch.hpp>

#include "core/csv.h"
#include "core/presence_list.h"
#include "event_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {

Participant person(std::string code, std::string first, std::string infix, std::string last, std::string dept = "Beleid") {
    return {std::move(code), std::move(first), std::move(infix), std::move(last), std::move(dept), "c", ""};
}

using test::eventAt;

}  // namespace

TEST_CASE("the presence list has every rostered participant, absent ones too, then guests", "[export]") {
    test::AmsterdamTime tz;
    Programme prog;
    prog.cohorts = {{"c", "Cohort"}};
    prog.days = {{1, {2026, 11, 26}, "Thema", "c", {{{9 * 60 + 30}, {16 * 60 + 30}, "Dag", "", "", "", ""}}, ""}};
    const std::vector<Participant> roster{person("ZU01", "Anna", "de", "Vries"), person("ZU02", "Joost", "van", "Dijk"),
                                          person("ZU03", "=cmd", "", "+Evil", "@ops")};
    AttendanceLedger ledger;
    ledger.apply(eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:05"));
    ledger.apply(eventAt(EventKind::check_out, "ZU01", "2026-11-26T16:31"));
    ledger.apply(eventAt(EventKind::check_in, "ZU03", "2026-11-26T10:15"));
    auto guest = eventAt(EventKind::guest_registration, "", "2026-11-26T09:20");
    guest.guestName = "Karin Mulder";
    guest.guestOrganisation = "Gemeente Lochem";
    ledger.apply(guest);

    const auto rows = presenceList(prog, roster, ledger, {2026, 11, 26}, AttendanceRules{}, fromLocal({{2026, 11, 26}, 12, 0, 0}));
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].participant.lastName == "+Evil");  // sorted by last name, tussenvoegsel ignored
    CHECK(rows[0].status == DayStatus::late);
    CHECK(rows[1].participant.lastName == "Dijk");
    CHECK(rows[1].status == DayStatus::absent);
    CHECK(rows[2].participant.lastName == "Vries");
    CHECK(rows[2].checkIn->hhmm() == "09:05");
    CHECK(rows[3].guest);

    const std::string csv = presenceCsv(rows, test::texts(), ';');
    CHECK(csv.rfind("\xEF\xBB\xBF" "datum;code;voornaam;tussenvoegsel;achternaam;afdeling;status;eerst ingecheckt;laatst uitgecheckt;minuten aanwezig;opmerking\r\n", 0) == 0);
    // Read it back as a spreadsheet would: no cell may start a formula.
    Problems problems;
    const auto table = parseCsv(csv, "export.csv", test::texts(), problems);
    REQUIRE(problems.empty());
    REQUIRE(table.records.size() == 5);
    for (const auto& rec : table.records)
        for (const auto& cell : rec.fields) {
            INFO(cell);
            CHECK((cell.empty() || (cell[0] != '=' && cell[0] != '+' && cell[0] != '-' && cell[0] != '@')));
        }
    CHECK(table.records[1].fields[2] == "'=cmd");
    CHECK(table.records[1].fields[4] == "'+Evil");
    CHECK(table.records[3].fields == std::vector<std::string>{"2026-11-26", "ZU01", "Anna", "de", "Vries", "Beleid",
                                                              "aanwezig", "09:05", "16:31", "446", ""});
    CHECK(table.records[1].fields[9] == "");  // in since 10:15, not out yet: no minutes to count
    CHECK(table.records[4].fields[6] == "gast");
}

TEST_CASE("a day in two parts: the list shows the first check-in, the last check-out and the minutes present", "[export][intervals]") {
    test::AmsterdamTime tz;
    Programme prog;
    prog.cohorts = {{"c", "Cohort"}};
    prog.days = {{1, {2026, 11, 26}, "Thema", "c", {{{9 * 60 + 30}, {16 * 60 + 30}, "Dag", "", "", "", ""}}, ""}};
    const std::vector<Participant> roster{person("ZU01", "Anna", "de", "Vries")};
    AttendanceLedger ledger;
    ledger.apply(eventAt(EventKind::check_in, "ZU01", "2026-11-26T09:05"));
    ledger.apply(eventAt(EventKind::check_out, "ZU01", "2026-11-26T12:03"));
    ledger.apply(eventAt(EventKind::check_in, "ZU01", "2026-11-26T14:00"));
    ledger.apply(eventAt(EventKind::check_out, "ZU01", "2026-11-26T16:30"));
    const auto rows = presenceList(prog, roster, ledger, {2026, 11, 26}, AttendanceRules{}, fromLocal({{2026, 11, 26}, 12, 0, 0}));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].checkIn->hhmm() == "09:05");
    CHECK(rows[0].checkOut->hhmm() == "16:30");
    CHECK(rows[0].minutesPresent == 178 + 150);
    CHECK(rows[0].status == DayStatus::present);
    const std::string csv = presenceCsv(rows, test::texts(Lang::en), ';');
    CHECK(csv.find("first check-in;last check-out;minutes present") != std::string::npos);
    CHECK(csv.find(";present;09:05;16:30;328;\r\n") != std::string::npos);
}

TEST_CASE("formula neutralisation follows OWASP's list", "[export]") {
    for (const char* bad : {"=1+1", "+31", "-2", "@SUM(A1)", "\tx", "\rx", "\nx"}) CHECK(neutraliseFormula(bad)[0] == '\'');
    CHECK(neutraliseFormula("Anna") == "Anna");
    CHECK(neutraliseFormula("") == "");
}

TEST_CASE("a date with two groups lists both, each judged by its own day, and a late joiner is n.v.t.", "[export][cohorts][enrolment]") {
    test::AmsterdamTime tz;
    Programme prog;
    prog.cohorts = {{"c", "Zutphen"}, {"l", "Lochem"}, {"x", "Deventer"}};
    prog.days = {{3, {2027, 1, 14}, "Thema", "c", {{{9 * 60}, {16 * 60 + 30}, "Dag", "", "Ovenzaal", "", ""}}, ""},
                 {3, {2027, 1, 14}, "Thema", "l", {{{10 * 60}, {15 * 60}, "Dag", "", "Meelzolder", "", ""}}, ""},
                 {1, {2027, 1, 21}, "Thema", "x", {{{9 * 60}, {16 * 60}, "Dag", "", "", "", ""}}, ""}};
    Participant lochem = person("LO01", "Lotte", "", "Bakker");
    lochem.cohortId = "l";
    Participant late = person("LO02", "Bram", "", "Smit");
    late.cohortId = "l";
    late.from = LocalDate{2027, 1, 28};  // joins after this date
    Participant other = person("DV01", "Dirk", "", "Dam");
    other.cohortId = "x";
    const std::vector<Participant> roster{person("ZU01", "Anna", "de", "Vries"), lochem, late, other};
    AttendanceLedger ledger;
    ledger.apply(eventAt(EventKind::check_in, "ZU01", "2027-01-14T09:15"));   // late for Zutphen (09:00)
    ledger.apply(eventAt(EventKind::check_in, "LO01", "2027-01-14T09:55"));   // on time for Lochem (10:00)
    const auto rows = presenceList(prog, roster, ledger, {2027, 1, 14}, AttendanceRules{}, fromLocal({{2027, 1, 14}, 12, 0, 0}));
    REQUIRE(rows.size() == 3);  // Deventer does not meet that day
    CHECK(rows[0].participant.code == "LO01");
    CHECK(rows[0].status == DayStatus::present);
    CHECK(rows[1].participant.code == "LO02");
    CHECK(rows[1].status == DayStatus::not_enrolled);
    CHECK(rows[2].participant.code == "ZU01");
    CHECK(rows[2].status == DayStatus::late);
    const std::string csv = presenceCsv(rows, test::texts());
    CHECK(csv.find("Smit;Beleid;n.v.t.;;;;in de groep vanaf 2027-01-28") != std::string::npos);
}
