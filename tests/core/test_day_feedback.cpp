// The day's question at check-out, counted (core/day_feedback.h): the rule of five at its boundary
// (4 answers: no count at all; 5: every count), grouping, and the export's words.
#include <catch2/catch.hpp>

#include "core/day_feedback.h"
#include "test_support.h"

using namespace kiosk;

namespace {

const LocalDate kDay{2026, 11, 26};
const char* const kQuestion = "Hoe was deze dag voor je?";

FeedbackCount count(int index, const char* answer, int n, LocalDate day = kDay) { return {day, "zutphen", kQuestion, index, answer, n}; }

}  // namespace

TEST_CASE("day_feedback rule 3: a day with 4 answers shows no count, with 5 every count", "[core][feedback]") {
    SECTION("4 answers over two choices: hidden, the total too") {
        const auto days = summariseFeedback({count(0, "Sterk", 3), count(2, "Matig", 1)});
        REQUIRE(days.size() == 1);
        CHECK(days[0].total == 4);
        CHECK_FALSE(days[0].shown);
        CHECK(days[0].answers.empty());
        const std::string csv = feedbackCsv(days, test::texts());
        CHECK(csv.find("minder dan 5 antwoorden") != std::string::npos);
        CHECK(csv.find(";3") == std::string::npos);
        CHECK(csv.find(";4") == std::string::npos);
        CHECK(csv.find("Sterk") == std::string::npos);
    }
    SECTION("5 answers: shown, in the order asked, whatever order the rows came in") {
        const auto days = summariseFeedback({count(2, "Matig", 1), count(0, "Sterk", 3), count(1, "Goed", 1)});
        REQUIRE(days.size() == 1);
        CHECK(days[0].total == 5);
        CHECK(days[0].shown);
        REQUIRE(days[0].answers.size() == 3);
        CHECK(days[0].answers[0] == std::pair<std::string, int>{"Sterk", 3});
        CHECK(days[0].answers[2] == std::pair<std::string, int>{"Matig", 1});
        const std::string csv = feedbackCsv(days, test::texts());
        CHECK(csv == "\xEF\xBB\xBF" "datum;groep;vraag;antwoord;aantal\r\n"
                     "2026-11-26;zutphen;Hoe was deze dag voor je?;Sterk;3\r\n"
                     "2026-11-26;zutphen;Hoe was deze dag voor je?;Goed;1\r\n"
                     "2026-11-26;zutphen;Hoe was deze dag voor je?;Matig;1\r\n");
    }
}

TEST_CASE("feedback: each day and cohort is judged on its own answers", "[core][feedback]") {
    std::vector<FeedbackCount> rows{count(0, "Sterk", 5), count(0, "Sterk", 2, kDay.plusDays(14))};
    rows.push_back({kDay, "deventer", kQuestion, 1, "Goed", 4});
    const auto days = summariseFeedback(rows);
    REQUIRE(days.size() == 3);
    CHECK(days[0].cohortId == "deventer");  // same date: by cohort id
    CHECK_FALSE(days[0].shown);
    CHECK(days[1].shown);
    CHECK(days[1].total == 5);
    CHECK_FALSE(days[2].shown);  // two weeks later, 2 answers: the 5 of the first day do not count for it
}

TEST_CASE("day_feedback rule 5 and 6: no count for a day that has not ended, and no cell read as a formula",
          "[core][feedback]") {
    auto days = summariseFeedback({count(0, "Sterk", 4), count(1, "Goed", 2)});
    holdOpenDays(days, kDay.plusDays(1));  // the day after: shown
    REQUIRE(days.size() == 1);
    CHECK(days[0].shown);
    CHECK_FALSE(days[0].open);
    days = summariseFeedback({count(0, "Sterk", 4), count(1, "Goed", 2)});
    holdOpenDays(days, kDay);  // the same day: a count that went up by one would say who answered what
    CHECK(days[0].open);
    CHECK_FALSE(days[0].shown);
    CHECK(days[0].answers.empty());
    const std::string csv = feedbackCsv(days, test::texts());
    CHECK(csv.find("de dag loopt nog: aantallen vanaf morgen") != std::string::npos);
    CHECK(csv.find("Sterk") == std::string::npos);
    CHECK(csv.find(";6") == std::string::npos);
    // An answer written as a formula is not one in Excel (as in every other CSV export).
    const std::string formula = feedbackCsv(summariseFeedback({{kDay, "zutphen", "=1+1", 0, "=HYPERLINK(\"x\")", 5}}), test::texts());
    CHECK(formula.find(";=") == std::string::npos);
}
