// Several cohorts in one programme.toml (issue 30): each with its own days 1-7, two groups on one
// date, rooms shared at the same time warned at file:line:col, the old single-cohort shape as before.
#include <catch2/catch.hpp>

#include <sstream>

#include "content/config_loader.h"
#include "test_support.h"

using namespace kiosk;

namespace {

const std::string kSettings = "[venue]\nname = \"De Broodfabriek\"\ncity = \"Zutphen\"\n\n[kiosk]\nid = \"test\"\nlanguage = \"nl\"\n";
const std::string kRoster = "code;voornaam;achternaam;groep;vanaf;tot\n"
                            "ZU01;Anna;Vries;zutphen;;\n"
                            "LO01;Lotte;Bakker;lochem;2027-01-14;\n"
                            "LO02;Bram;Smit;lochem;;11-02-2027\n";

// One day as staff write it: its group, number, date, and two agenda items in `room` (a third,
// shared lunch in the foyer when `lunch`).
std::string day(const std::string& cohort, int number, const std::string& date, const std::string& room, bool lunch = false) {
    std::ostringstream s;
    s << "\n[[day]]\nnumber = " << number << "\ndate = " << date << "\ntheme = \"Thema " << number << "\"\ncohort = \"" << cohort
      << "\"\n\n[[day.agenda]]\nstart = \"09:00\"\nend = \"12:00\"\ntitle = \"Ochtend\"\nroom = \"" << room << "\"\n";
    if (lunch) s << "\n[[day.agenda]]\nstart = \"12:00\"\nend = \"13:00\"\ntitle = \"Lunch\"\nroom = \"Foyer\"\n";
    s << "\n[[day.agenda]]\nstart = \"13:00\"\nend = \"16:30\"\ntitle = \"Middag\"\nroom = \"" << room << "\"\n";
    return s.str();
}

const char* const kZutphenDates[] = {"2026-11-26", "2026-12-10", "2027-01-14", "2027-01-28", "2027-02-11", "2027-03-11", "2027-04-01"};
const char* const kLochemDates[] = {"2026-12-03", "2026-12-17", "2027-01-14", "2027-02-04", "2027-02-18", "2027-03-11", "2027-04-08"};

std::string twoCohorts(const std::string& lochemRoom, bool lunches = false) {
    std::string p = "title = \"Leergang Ambtelijk Vakmanschap\"\n\n[[cohort]]\nid = \"zutphen\"\nname = \"Gemeente Zutphen\"\n\n"
                    "[[cohort]]\nid = \"lochem\"\nname = \"Gemeente Lochem\"\n";
    for (int i = 0; i < 7; ++i) p += day("zutphen", i + 1, kZutphenDates[i], "Ovenzaal", lunches);
    for (int i = 0; i < 7; ++i) p += day("lochem", i + 1, kLochemDates[i], lochemRoom, lunches);
    return p;
}

LoadedConfig load(const std::string& programme, const std::string& roster = kRoster) {
    ConfigFiles f;
    f.files[kKioskFile] = kSettings;
    f.files[kProgrammeFile] = programme;
    f.files[kRosterFile] = roster;
    return loadConfig(f, test::texts());
}

}  // namespace

TEST_CASE("two cohorts with days 1-7 each and two shared dates load", "[config][cohorts]") {
    const LoadedConfig cfg = load(twoCohorts("Meelzolder"));
    for (const auto& p : cfg.problems) FAIL(p.format());
    const Programme& prog = cfg.programme;
    REQUIRE(prog.days.size() == 14);
    CHECK(prog.dayCount("zutphen") == 7);
    CHECK(prog.dayCount("lochem") == 7);
    // By date, and on a shared date in the cohorts' file order.
    for (size_t i = 1; i < prog.days.size(); ++i) CHECK(prog.days[i - 1].date <= prog.days[i].date);
    const auto shared = prog.daysOn({2027, 1, 14});
    REQUIRE(shared.size() == 2);
    CHECK(shared[0]->cohortId == "zutphen");
    CHECK(shared[0]->number == 3);
    CHECK(shared[1]->cohortId == "lochem");
    CHECK(shared[1]->number == 3);
    CHECK(prog.daysOn({2027, 3, 11}).size() == 2);
    CHECK(prog.dayOn({2027, 1, 14}, "lochem") == shared[1]);
    CHECK(prog.dayOn({2026, 12, 3}, "zutphen") == nullptr);
    // The next day of one group skips the other group's days.
    CHECK(prog.nearestDay({2026, 12, 1}, "zutphen")->date == LocalDate{2026, 12, 10});
    CHECK(prog.nearestDay({2026, 12, 1}, "lochem")->date == LocalDate{2026, 12, 3});
    CHECK(prog.nearestDay({2027, 5, 1}, "lochem")->number == 7);
    const auto lochem = prog.cohortDays("lochem");
    REQUIRE(lochem.size() == 7);
    for (size_t i = 0; i < 7; ++i) CHECK(lochem[i]->number == static_cast<int>(i) + 1);
    // The roster's enrolment dates, in either way of writing a date.
    REQUIRE(cfg.roster.rows.size() == 3);
    CHECK(cfg.roster.rows[1].participant.from == LocalDate{2027, 1, 14});
    CHECK(cfg.roster.rows[2].participant.until == LocalDate{2027, 2, 11});
    CHECK_FALSE(cfg.roster.rows[0].participant.from);
}

TEST_CASE("two groups in one room at the same time: a warning at the room of the later item", "[config][cohorts]") {
    const LoadedConfig cfg = load(twoCohorts("Ovenzaal"));
    CHECK(cfg.ok());  // a warning: the venue may mean it
    std::vector<std::string> warnings;
    for (const auto& p : cfg.problems)
        if (p.severity == Severity::warning) warnings.push_back(p.format());
    // Two shared dates, two items each in the Ovenzaal.
    REQUIRE(warnings.size() == 4);
    // Lochem's day 3 is the 10th [[day]]; its first item's room is at line 2 + 6 + 9 * 21 + 12.
    const std::string text = twoCohorts("Ovenzaal");
    const size_t lochemDay3 = text.find("date = 2027-01-14", text.find("cohort = \"lochem\"") - 200);
    const size_t room = text.find("room = ", text.find("cohort = \"lochem\"", lochemDay3));
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(room), '\n'));
    CHECK(warnings[0].rfind("programme.toml:" + std::to_string(line) + ":8: ", 0) == 0);
    CHECK(warnings[0].find("zaal \"Ovenzaal\" is op 2027-01-14 van 09:00 tot 12:00 ook in gebruik bij Gemeente Zutphen") != std::string::npos);
}

TEST_CASE("the days of each cohort are checked on their own", "[config][cohorts]") {
    // The same numbers in two cohorts are fine; twice in one cohort is not, nor a date out of order.
    std::string p = "title = \"T\"\n[[cohort]]\nid = \"zutphen\"\nname = \"Gemeente Zutphen\"\n[[cohort]]\nid = \"lochem\"\nname = \"Gemeente Lochem\"\n";
    p += day("zutphen", 1, "2026-11-26", "A");
    p += day("lochem", 1, "2026-11-26", "B");
    p += day("lochem", 2, "2026-11-20", "B");  // before lochem's day 1
    p += day("zutphen", 1, "2026-12-10", "A");  // zutphen's day 1 again
    const LoadedConfig cfg = load(p, "code;voornaam;achternaam;groep\nZU01;Anna;Vries;zutphen\n");
    std::string all;
    for (const auto& pr : cfg.problems) all += pr.format() + "\n";
    INFO(all);
    CHECK(all.find("datum 2026-11-20 ligt niet na de vorige dag van Gemeente Lochem (2026-11-26)") != std::string::npos);
    CHECK(all.find("dag 1 van Gemeente Zutphen komt twee keer voor") != std::string::npos);
    CHECK(cfg.programme.days.size() == 2);
    int errors = 0;
    for (const auto& pr : cfg.problems) errors += pr.severity == Severity::error;
    CHECK(errors == 2);
}

TEST_CASE("enrolment dates in the roster are checked where they are", "[config][cohorts][roster]") {
    const LoadedConfig cfg = load(twoCohorts("Meelzolder"), "code;voornaam;achternaam;groep;vanaf;tot\n"
                                                           "ZU01;Anna;Vries;zutphen;14 januari;\n"
                                                           "ZU02;Bram;Smit;zutphen;2027-02-11;2027-01-14\n");
    std::string all;
    for (const auto& pr : cfg.problems) all += pr.format() + "\n";
    INFO(all);
    CHECK_FALSE(cfg.ok());
    CHECK(all.find("participants.csv:2:25: `vanaf` \"14 januari\" is geen datum") != std::string::npos);
    CHECK(all.find("participants.csv:3:35: `tot` 2027-01-14 ligt voor `vanaf` 2027-02-11") != std::string::npos);
}

TEST_CASE("the single-cohort sample reads as before: its seven days belong to its cohort", "[config][cohorts][sample]") {
    Problems read;
    const auto files = readConfigFolder(std::string(KIOSK_SOURCE_DIR) + "/config", test::texts(), read);
    const auto cfg = loadConfig(files, test::texts());
    for (const auto& p : cfg.problems) FAIL(p.format());
    REQUIRE(cfg.programme.cohorts.size() == 1);
    const std::string id = cfg.programme.cohorts[0].id;
    CHECK(cfg.programme.dayCount(id) == 7);
    for (const auto& d : cfg.programme.days) {
        CHECK(cfg.programme.dayOn(d.date) == &d);
        CHECK(cfg.programme.dayOn(d.date, id) == &d);
        CHECK(cfg.programme.daysOn(d.date).size() == 1);
    }
}

TEST_CASE("a cohort's own certificate_min_days: read, checked at file:line:col, and warned above its days", "[config][cohorts][certificate]") {
    // A 2-day cohort beside the 7-day one: with [attendance]'s 6 it could never be earned: a warning
    // at its id, where the fix goes.
    std::string p = "title = \"Leergang\"\n\n[[cohort]]\nid = \"zutphen\"\nname = \"Gemeente Zutphen\"\n\n"
                    "[[cohort]]\nid = \"lochem\"\nname = \"Gemeente Lochem\"\n";
    for (int i = 0; i < 7; ++i) p += day("zutphen", i + 1, kZutphenDates[i], "Ovenzaal");
    for (int i = 0; i < 2; ++i) p += day("lochem", i + 1, kLochemDates[i], "Bakkerij");
    LoadedConfig cfg = load(p);
    REQUIRE(cfg.ok());
    std::vector<std::string> warnings;
    for (const auto& pr : cfg.problems)
        if (pr.severity == Severity::warning) warnings.push_back(pr.format());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == "programme.toml:8:6: Gemeente Lochem heeft 2 dagen, maar een certificaat vraagt er 6: niemand kan het halen "
                         "(zet `certificate_min_days` bij deze [[cohort]])");
    CHECK_FALSE(cfg.programme.cohort("lochem")->certificateMinDays);

    // Its own minimum: read, no warning; the other cohort keeps [attendance]'s.
    std::string own = p;
    own.replace(own.find("name = \"Gemeente Lochem\"\n"), 25, "name = \"Gemeente Lochem\"\ncertificate_min_days = 2\n");
    cfg = load(own);
    REQUIRE(cfg.ok());
    CHECK(cfg.problems.empty());
    CHECK(cfg.programme.cohort("lochem")->certificateMinDays == 2);
    CHECK_FALSE(cfg.programme.cohort("zutphen")->certificateMinDays);

    // Its own minimum above its days: the warning at that key; a wrong value an error at its place.
    std::string tooMany = p;
    tooMany.replace(tooMany.find("name = \"Gemeente Lochem\"\n"), 25, "name = \"Gemeente Lochem\"\ncertificate_min_days = 3\n");
    cfg = load(tooMany);
    REQUIRE(cfg.problems.size() == 1);
    CHECK(cfg.problems[0].format().rfind("programme.toml:10:24: Gemeente Lochem heeft 2 dagen, maar een certificaat vraagt er 3", 0) == 0);
    std::string bad = p;
    bad.replace(bad.find("name = \"Gemeente Lochem\"\n"), 25, "name = \"Gemeente Lochem\"\ncertificate_min_days = \"twee\"\n");
    cfg = load(bad);
    CHECK_FALSE(cfg.ok());
    const auto error = std::find_if(cfg.problems.begin(), cfg.problems.end(), [](const Problem& pr) { return pr.severity == Severity::error; });
    REQUIRE(error != cfg.problems.end());
    CHECK(error->format().rfind("programme.toml:10:24: ", 0) == 0);
    CHECK(error->format().find("certificate_min_days") != std::string::npos);
}

TEST_CASE("[attendance] max_catch_ups is read and checked at file:line:col", "[config][catchup]") {
    ConfigFiles f;
    f.files[kKioskFile] = kSettings + "\n[attendance]\nmax_catch_ups = 2\n";
    f.files[kProgrammeFile] = twoCohorts("Bakkerij");
    f.files[kRosterFile] = kRoster;
    LoadedConfig cfg = loadConfig(f, test::texts());
    REQUIRE(cfg.ok());
    CHECK(cfg.settings.maxCatchUps == 2);
    f.files[kKioskFile] = kSettings + "\n[attendance]\nmax_catch_ups = 9\n";
    cfg = loadConfig(f, test::texts());
    CHECK_FALSE(cfg.ok());
    REQUIRE_FALSE(cfg.problems.empty());
    CHECK(cfg.problems[0].format().rfind("kiosk.toml:10:17: ", 0) == 0);
    CHECK(cfg.problems[0].format().find("max_catch_ups") != std::string::npos);
}
