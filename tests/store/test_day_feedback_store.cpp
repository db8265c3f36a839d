// The day's question, counted in the store (store/day_feedback_store.cpp, core/day_feedback.h):
// the rule of five on real counts (4 answers: nothing shown; 5: shown), no participant code and no
// time in the file, nothing in the central outbox, retention by the events' cut-off.
#include <catch2/catch.hpp>

#include "raw_sqlite.h"
#include "store_test_support.h"
#include "test_support.h"

using namespace kiosk;

namespace {

const LocalDate kDay{2026, 11, 26};

FeedbackCount answer(int index, const char* text, LocalDate day = kDay) {
    return {day, "zutphen", "Hoe was deze dag voor je?", index, text, 0};
}

std::vector<FeedbackDayReport> report(AttendanceDb& db) {
    std::vector<FeedbackCount> counts;
    REQUIRE(db.feedbackCounts(kDay, kDay.plusDays(30), counts).ok());
    return summariseFeedback(counts);
}

void openWithRoster(AttendanceDb& db, const std::filesystem::path& file, const char* now) {
    REQUIRE(db.open(file, test::localTime(now)).status.ok());
    RosterImportResult r;
    REQUIRE(db.importRoster({test::participant("ZU01", "Anna", "Vries", "de")}, test::localTime(now), r).ok());
}

}  // namespace

TEST_CASE("day_feedback rule 1 and 4: in the store 4 answers are counted but not shown, the 5th shows every count, no code, no time, nothing in the outbox",
          "[store][feedback]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db", "2026-11-26T16:30");
    REQUIRE(db.appendEvent(test::checkIn("ZU01", test::localTime("2026-11-26T08:50"))).ok());
    for (const auto* a : {"Sterk", "Sterk", "Goed"}) REQUIRE(db.countAnswer(answer(a[0] == 'S' ? 0 : 1, a)).ok());
    REQUIRE(db.countAnswer(answer(2, "Matig")).ok());
    auto days = report(db);
    REQUIRE(days.size() == 1);
    CHECK(days[0].total == 4);
    CHECK_FALSE(days[0].shown);
    CHECK(days[0].answers.empty());

    REQUIRE(db.countAnswer(answer(0, "Sterk")).ok());
    days = report(db);
    REQUIRE(days.size() == 1);
    CHECK(days[0].shown);
    REQUIRE(days[0].answers.size() == 3);
    CHECK(days[0].answers[0] == std::pair<std::string, int>{"Sterk", 3});
    CHECK(days[0].answers[1] == std::pair<std::string, int>{"Goed", 1});
    CHECK(days[0].answers[2] == std::pair<std::string, int>{"Matig", 1});

    // Rule 1: three rows of counts, none with a code or a time; rule 4: not in the outbox.
    const auto file = dir / "a.db";
    CHECK(test::rawInt(file, "SELECT count(*) FROM day_feedback_count") == 3);
    CHECK(test::rawInt(file, "SELECT count(*) FROM pragma_table_info('day_feedback_count')"
                             " WHERE name LIKE '%code%' OR name LIKE '%participant%' OR name LIKE '%_ms'") == 0);
    CHECK(test::rawInt(file, "SELECT count(*) FROM day_feedback_count WHERE cohort LIKE '%ZU01%' OR answer LIKE '%ZU01%'") == 0);
    CHECK(test::rawInt(file, "SELECT count(*) FROM central_outbox") == 1);  // the check-in only
}

TEST_CASE("store feedback: retention removes the counts with the events of their days", "[store][feedback]") {
    test::AmsterdamTime tz;
    test::TempDir dir;
    AttendanceDb db;
    openWithRoster(db, dir / "a.db", "2027-12-01T09:00");
    REQUIRE(db.appendEvent(test::checkIn("ZU01", test::localTime("2027-12-01T08:50"))).ok());  // evidence of today
    REQUIRE(db.countAnswer(answer(0, "Sterk")).ok());                                          // 2026-11-26
    REQUIRE(db.countAnswer(answer(0, "Sterk", LocalDate{2027, 11, 30})).ok());
    int removed = 0;
    REQUIRE(db.purge(LocalDate{2026, 12, 1}, removed).ok());
    std::vector<FeedbackCount> counts;
    REQUIRE(db.feedbackCounts(kDay, LocalDate{2027, 12, 31}, counts).ok());
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].day == LocalDate{2027, 11, 30});
}
