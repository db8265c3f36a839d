// programme_reader.cpp: programme.toml (the shape and its rules are at the top of programme_reader.h).
#include "programme_reader.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/text_checks.h"
#include "core/utf8.h"
#include "toml_table_reader.h"

namespace kiosk {
namespace {

// An accepted agenda item with a room, where it is in the file, for the check across cohorts.
struct RoomUse {
    LocalDate date;
    std::string cohortId;
    std::string room;
    TimeOfDay start, end;
    std::string title;
    toml::source_region where;  // the item's `room`
};

void readCertificate(TomlTableReader& root, const std::string& file, const Texts& texts, Problems& problems,
                     Programme& prog) {
    if (const auto* t = root.table("certificate", false)) {
        TomlTableReader r(*t, file, "[certificate]", texts, problems);
        if (auto v = r.stringList("organisers", false)) prog.certificate.organisers = *v;
        if (auto v = r.string("signatory", false)) prog.certificate.signatory = *v;
        if (auto v = r.string("signatory_role", false)) prog.certificate.signatoryRole = *v;
        if (auto v = r.string("place", false)) prog.certificate.place = *v;
        r.finish();
    }
}

void readCohorts(TomlTableReader& root, const std::string& file, const Texts& texts, Problems& problems,
                 Programme& prog) {
    std::map<std::string, int> cohortLines;
    const auto* cohorts = root.array("cohort", true);
    if (!cohorts) return;
    for (const auto& node : *cohorts) {
        if (!node.is_table()) continue;
        TomlTableReader r(*node.as_table(), file, "[[cohort]]", texts, problems);
        auto id = r.string("id", true);
        auto name = r.string("name", true);
        auto minDays = r.integer("certificate_min_days", false, 0, 100);  // else [attendance]'s (kiosk.toml)
        r.finish();
        if (!id || !name) continue;
        auto [it, fresh] = cohortLines.emplace(*id, static_cast<int>(node.source().begin.line));
        if (!fresh) {
            r.error(r.where("id"), texts.format("problem.config.duplicate_id", {{"id", *id}, {"line", std::to_string(it->second)}}));
            continue;
        }
        prog.cohorts.push_back({*id, *name, minDays ? std::optional<int>(static_cast<int>(*minDays)) : std::nullopt});
    }
}

// The day's one-tap question (issue 29, 6): [day.question] text and 3 to 5 short, distinct answers.
inline constexpr TextLimit kAnswerText{40, false};     // one answer on a button
inline constexpr TextLimit kQuestionText{120, false};  // three lines on the goodbye card

std::optional<DayQuestion> readQuestion(TomlTableReader& day, const std::string& file, const Texts& texts, Problems& problems) {
    const auto* t = day.table("question", false);
    if (!t) return std::nullopt;
    TomlTableReader r(*t, file, "[day.question]", texts, problems);
    DayQuestion q;
    bool ok = true;
    if (auto v = r.string("text", true, kQuestionText)) q.text = *v; else ok = false;
    const auto list = r.stringList("answers", true);  // type, control characters, empty: said there
    r.finish();
    if (!list) return std::nullopt;
    const toml::array& nodes = *r.raw()["answers"].as_array();
    if (nodes.size() < 3 || nodes.size() > 5) {
        r.error(r.where("answers"), texts.format("problem.config.question_answers", {{"n", std::to_string(nodes.size())}}));
        ok = false;
    }
    if (list->size() != nodes.size()) ok = false;  // one of them was refused by stringList
    for (const auto& node : nodes) {
        const auto* v = node.as_string();
        if (!v || std::find(list->begin(), list->end(), v->get()) == list->end()) continue;
        const std::string& answer = v->get();
        if (utf8Length(answer) > kAnswerText.maxCharacters) {
            problems.push_back(problemAt(file, node.source(), Severity::error,
                                         texts.format("problem.config.answer_too_long",
                                                      {{"answer", answer}, {"max", std::to_string(kAnswerText.maxCharacters)}})));
            ok = false;
        } else if (std::find(q.answers.begin(), q.answers.end(), answer) != q.answers.end()) {
            problems.push_back(problemAt(file, node.source(), Severity::error, texts.format("problem.config.duplicate_answer", {{"answer", answer}})));
            ok = false;
        } else {
            q.answers.push_back(answer);
        }
    }
    if (!ok) return std::nullopt;
    return q;
}

// The agenda of one day: items in order, none overlapping the one before.
void readAgenda(TomlTableReader& r, const std::string& file, const Texts& texts, Problems& problems, ProgrammeDay& day,
                std::vector<ExerciseRef>& refs, std::vector<RoomUse>& rooms) {
    const auto* agenda = r.array("agenda", false);
    if (!agenda) return;
    std::optional<AgendaItem> prevItem;
    for (const auto& an : *agenda) {
        if (!an.is_table()) continue;
        TomlTableReader ar(*an.as_table(), file, "[[day.agenda]]", texts, problems);
        AgendaItem item;
        bool itemOk = true;
        auto start = ar.time("start", true);
        auto end = ar.time("end", true);
        if (auto v = ar.string("title", true)) item.title = *v; else itemOk = false;
        if (auto v = ar.string("description", false, kParagraphText)) item.description = *v;
        if (auto v = ar.string("room", false)) item.room = *v;
        if (auto v = ar.string("facilitator", false)) item.facilitator = *v;
        if (auto v = ar.string("exercise", false)) item.exerciseId = *v;
        ar.finish();
        if (!start || !end) {
            itemOk = false;
        } else {
            item.start = *start;
            item.end = *end;
            if (item.end <= item.start) {
                ar.error(ar.where("end"), texts.format("problem.config.end_before_start",
                                                       {{"start", item.start.hhmm()}, {"end", item.end.hhmm()}}));
                itemOk = false;
            } else if (prevItem && item.start < prevItem->end) {
                ar.error(ar.where("start"), texts.format("problem.config.overlap", {{"title", item.title},
                                                                                   {"other", prevItem->title},
                                                                                   {"end", prevItem->end.hhmm()}}));
                itemOk = false;
            }
        }
        if (!itemOk) continue;
        if (!item.exerciseId.empty())
            refs.push_back({item.exerciseId, ar.where("exercise"), day.number, item.end.minutes - item.start.minutes});
        if (!item.room.empty()) rooms.push_back({day.date, day.cohortId, item.room, item.start, item.end, item.title, ar.where("room")});
        prevItem = item;
        day.agenda.push_back(std::move(item));
    }
}

// Rooms shared at the same time by two groups on one date: a warning at the later item in the file.
void warnSharedRooms(const std::vector<RoomUse>& rooms, const Programme& prog, const std::string& file, const Texts& texts,
                     Problems& problems) {
    for (size_t i = 0; i < rooms.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            const RoomUse& a = rooms[i];
            const RoomUse& b = rooms[j];
            if (a.date != b.date || a.cohortId == b.cohortId || a.room != b.room) continue;
            if (!(a.start < b.end && b.start < a.end)) continue;
            const Cohort* other = prog.cohort(b.cohortId);
            problems.push_back(problemAt(file, a.where, Severity::warning,
                                         texts.format("problem.config.room_shared",
                                                      {{"room", a.room}, {"date", a.date.iso()},
                                                       {"start", std::max(a.start, b.start).hhmm()},
                                                       {"end", std::min(a.end, b.end).hhmm()},
                                                       {"cohort", other ? other->name : b.cohortId},
                                                       {"title", b.title},
                                                       {"line", std::to_string(b.where.begin.line)}})));
            break;  // one warning per item is enough
        }
    }
}

}  // namespace

void certificateMinimumWarnings(const toml::table& doc, const std::string& file, const Programme& prog, int attendanceMinDays,
                                const Texts& texts, Problems& problems) {
    const toml::array* cohorts = doc["cohort"].as_array();
    if (!cohorts) return;
    for (const auto& node : *cohorts) {
        const toml::table* t = node.as_table();
        const auto id = t ? (*t)["id"].value<std::string>() : std::nullopt;
        const Cohort* c = id ? prog.cohort(*id) : nullptr;
        if (!c) continue;
        const int days = static_cast<int>(prog.cohortDays(c->id).size());
        const int min = c->certificateMinDays.value_or(attendanceMinDays);
        if (days == 0 || min <= days) continue;
        // At the cohort's own minimum when it has one, else at its id: where the fix is written.
        const toml::node* at = t->get(c->certificateMinDays ? "certificate_min_days" : "id");
        problems.push_back(problemAt(file, at ? at->source() : node.source(), Severity::warning,
                                     texts.format("problem.config.min_days_above_days",
                                                  {{"cohort", c->name}, {"days", std::to_string(days)}, {"min", std::to_string(min)}})));
    }
}

void readProgramme(const toml::table& doc, const std::string& file, const Texts& texts, Problems& problems,
                   Programme& prog, std::vector<ExerciseRef>& refs) {
    TomlTableReader root(doc, file, file, texts, problems);
    if (auto v = root.string("title", true)) prog.title = *v;
    if (auto v = root.string("subtitle", false)) prog.subtitle = *v;
    readCertificate(root, file, texts, problems, prog);
    readCohorts(root, file, texts, problems, prog);

    const toml::array* days = root.array("day", true);
    root.finish();
    if (!days) return;
    const bool several = prog.cohorts.size() > 1;  // messages then name the group
    std::map<std::string, ProgrammeDay> previous;  // per cohort: number and date of its last accepted day
    std::map<std::pair<std::string, int>, int> dayNumberLines;
    std::vector<RoomUse> rooms;
    for (const auto& node : *days) {
        if (!node.is_table()) continue;
        TomlTableReader r(*node.as_table(), file, "[[day]]", texts, problems);
        ProgrammeDay day;
        bool ok = true;
        if (auto v = r.integer("number", true, 1, 99)) day.number = static_cast<int>(*v); else ok = false;
        if (auto v = r.date("date", true)) day.date = *v; else ok = false;
        if (auto v = r.string("theme", true)) day.theme = *v; else ok = false;
        if (auto v = r.string("cohort", true)) {
            day.cohortId = *v;
            if (!prog.cohort(*v)) {
                r.error(r.where("cohort"), texts.format("problem.config.unknown_cohort", {{"cohort", *v}}));
                ok = false;
            }
        } else ok = false;
        if (auto v = r.string("assignment", false, kParagraphText)) day.assignment = *v;
        day.question = readQuestion(r, file, texts, problems);

        if (ok) {
            const Cohort* c = prog.cohort(day.cohortId);
            const std::string suffix = several ? "_cohort" : "";
            const auto prev = previous.find(day.cohortId);
            auto [it, fresh] = dayNumberLines.emplace(std::pair{day.cohortId, day.number}, static_cast<int>(node.source().begin.line));
            if (!fresh) {
                r.error(r.where("number"), texts.format("problem.config.duplicate_day" + suffix,
                                                        {{"number", std::to_string(day.number)}, {"line", std::to_string(it->second)},
                                                         {"cohort", c->name}}));
                ok = false;
            } else if (prev != previous.end() && day.number <= prev->second.number) {
                r.error(r.where("number"), texts.format("problem.config.day_order" + suffix,
                                                        {{"number", std::to_string(day.number)},
                                                         {"previous", std::to_string(prev->second.number)}, {"cohort", c->name}}));
                ok = false;
            } else if (prev != previous.end() && day.date <= prev->second.date) {
                r.error(r.where("date"), texts.format("problem.config.date_order" + suffix,
                                                      {{"date", day.date.iso()}, {"previous", prev->second.date.iso()}, {"cohort", c->name}}));
                ok = false;
            }
        }
        std::vector<RoomUse> dayRooms;
        readAgenda(r, file, texts, problems, day, refs, dayRooms);
        r.finish();
        if (ok) {
            previous[day.cohortId] = ProgrammeDay{day.number, day.date, {}, {}, {}, {}};
            rooms.insert(rooms.end(), dayRooms.begin(), dayRooms.end());
            prog.days.push_back(std::move(day));
        }
    }
    warnSharedRooms(rooms, prog, file, texts, problems);
    // By date, and on one date by the cohorts' order in the file (programme.h).
    auto rank = [&](const std::string& id) {
        for (size_t i = 0; i < prog.cohorts.size(); ++i)
            if (prog.cohorts[i].id == id) return i;
        return prog.cohorts.size();
    };
    std::stable_sort(prog.days.begin(), prog.days.end(), [&](const ProgrammeDay& a, const ProgrammeDay& b) {
        if (a.date != b.date) return a.date < b.date;
        return rank(a.cohortId) < rank(b.cohortId);
    });
}

}  // namespace kiosk
