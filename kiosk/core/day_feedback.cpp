// day_feedback.cpp: the counts of the day's question, grouped, and the rule of five (day_feedback.h).
#include "day_feedback.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "export_table.h"

namespace kiosk {

std::vector<FeedbackDayReport> summariseFeedback(const std::vector<FeedbackCount>& counts) {
    using Key = std::tuple<LocalDate, std::string, std::string>;
    std::map<Key, std::map<int, std::pair<std::string, int>>> grouped;
    for (const auto& c : counts) {
        if (c.count <= 0) continue;
        auto& slot = grouped[Key{c.day, c.cohortId, c.question}][c.answerIndex];
        slot.first = c.answer;
        slot.second += c.count;
    }
    std::vector<FeedbackDayReport> out;
    for (const auto& [key, answers] : grouped) {
        FeedbackDayReport r{std::get<0>(key), std::get<1>(key), std::get<2>(key), 0, false, {}, false};
        for (const auto& [index, a] : answers) r.total += a.second;
        r.shown = r.total >= kMinFeedbackAnswers;
        if (r.shown)
            for (const auto& [index, a] : answers) r.answers.push_back(a);
        out.push_back(std::move(r));
    }
    return out;
}

void holdOpenDays(std::vector<FeedbackDayReport>& days, LocalDate today) {
    for (auto& d : days)
        if (!(d.day < today)) {
            d.open = true;
            d.shown = false;
            d.total = 0;
            d.answers.clear();
        }
}

std::string feedbackCsv(const std::vector<FeedbackDayReport>& days, const Texts& texts, char delimiter) {
    ExportTable t;
    t.header = {texts("feedback.col_date"), texts("feedback.col_cohort"), texts("feedback.col_question"),
                texts("feedback.col_answer"), texts("feedback.col_count")};
    for (const auto& d : days) {
        if (!d.shown) {
            t.rows.push_back({d.day.iso(), d.cohortId, d.question,
                              d.open ? texts("feedback.open")
                                     : texts.format("feedback.too_few", {{"n", std::to_string(kMinFeedbackAnswers)}}),
                              ""});
            continue;
        }
        for (const auto& [answer, count] : d.answers) t.rows.push_back({d.day.iso(), d.cohortId, d.question, answer, std::to_string(count)});
    }
    return tableCsv(t, delimiter);  // rule 6
}

}  // namespace kiosk
