// day_feedback.h: the day's one-tap question at check-out, counted (issue 29, 6).
//
// THE RULES
//   1. An answer is stored as a count: (date, cohort, question, answer) -> how many. No participant
//      code, no time of day, no row per person: nothing in the store ties an answer to a check-out
//      (a per-answer row with a time or a rowid would line up with the check-out log).
//   2. The question never holds up the check-out: it is shown on the goodbye card only after the
//      check-out is committed, ignoring it changes nothing, and the card goes home as before.
//   3. A day with fewer than kMinFeedbackAnswers answers in all shows no count at all (not per
//      answer, not the total): with three people answering, a count says who said what. The report
//      says that there were too few instead.
//   4. Answers stay on this kiosk: the central record gets attendance events only (the outbox
//      holds attendance_event rows; the count table is not in it).
//   5. No count for a day that has not ended (holdOpenDays): exported after each check-out, a
//      count that went up by one would say what that person answered. Counts show from the next
//      day on. One answer a person a day (KioskSession::answer, in memory).
//   6. The export is CSV as every other (core/export_table.h: UTF-8 with BOM, no cell read as a
//      formula).
#pragma once

#include <string>
#include <vector>

#include "civil_time.h"
#include "text_catalogue.h"

namespace kiosk {

inline constexpr int kMinFeedbackAnswers = 5;  // rule 3

// One stored count (rule 1).
struct FeedbackCount {
    LocalDate day;
    std::string cohortId;
    std::string question;
    int answerIndex = 0;    // 0-based, the order in programme.toml
    std::string answer;     // the answer's text as it was asked
    int count = 0;
};

// One day's question as the export shows it.
struct FeedbackDayReport {
    LocalDate day;
    std::string cohortId;
    std::string question;
    int total = 0;                                          // all answers to it that day
    bool shown = false;                                     // total >= kMinFeedbackAnswers (rule 3), day ended (5)
    std::vector<std::pair<std::string, int>> answers;       // in answer order; empty unless shown
    bool open = false;                                      // the day has not ended (rule 5)
};

// Groups the counts by day, cohort and question (by date, then cohort, then question) and applies
// rule 3. Counts may come in any order.
std::vector<FeedbackDayReport> summariseFeedback(const std::vector<FeedbackCount>& counts);

// Rule 5: every day from `today` on is open: no count, no total.
void holdOpenDays(std::vector<FeedbackDayReport>& days, LocalDate today);

// The export (`export --feedback`): CSV with a header in the catalogue's language; one row per
// answer for a shown day, one row saying "too few" (no count) for the others.
std::string feedbackCsv(const std::vector<FeedbackDayReport>& days, const Texts& texts, char delimiter = ';');

}  // namespace kiosk
