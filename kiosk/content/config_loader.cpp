#include "config_loader.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "attendance_settings.h"
#include "display_reader.h"
#include "central_settings.h"
#include "privacy_settings.h"
#include "core/name_labels.h"
#include "core/step_text_fit.h"
#include "core/text_checks.h"
#include "input_file.h"
#include "programme_reader.h"
#include "toml_table_reader.h"

namespace kiosk {
namespace {

// Parses a TOML document; a syntax error becomes a problem with its position.
std::optional<toml::table> parseToml(const std::string& text, const std::string& file, const Texts& texts,
                                     Problems& problems) {
    try {
        return toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        problems.push_back(problemAt(file, e.source(), Severity::error,
                                     texts.format("problem.config.syntax", {{"detail", printable(std::string(e.description()))}})));
        return std::nullopt;
    }
}

void readSettings(const toml::table& doc, const std::string& file, const Texts& texts, Problems& problems,
                  KioskSettings& s, DisplaySettings& display) {
    TomlTableReader root(doc, file, file, texts, problems);
    if (const auto* t = root.table("venue", false)) {
        TomlTableReader r(*t, file, "[venue]", texts, problems);
        if (auto v = r.string("name", true)) s.venue = *v;
        if (auto v = r.string("city", false)) s.city = *v;
        r.finish();
    }
    if (const auto* t = root.table("kiosk", false)) {
        TomlTableReader r(*t, file, "[kiosk]", texts, problems);
        if (auto v = r.string("id", true)) s.kioskId = *v;
        if (auto v = r.string("language", false)) {
            if (!parseLang(*v, s.lang))
                r.error(r.where("language"), texts.format("problem.config.bad_choice",
                                                          {{"key", "language"}, {"value", *v}, {"choices", "nl, en"}}));
        }
        if (auto v = r.number("scale", false, 0.0, 4.0)) s.scale = static_cast<float>(*v);
        if (auto v = r.string("mode", false)) {
            if (*v == "door") s.mode = KioskMode::door;
            else if (*v == "room") s.mode = KioskMode::room;
            else r.error(r.where("mode"), texts.format("problem.config.bad_choice",
                                                       {{"key", "mode"}, {"value", *v}, {"choices", "door, room"}}));
        }
        if (auto v = r.string("cohort", false)) s.followCohort = *v;  // checked against programme.toml below
        r.finish();
    }
    if (const auto* t = root.table("display", false)) readDisplaySettings(*t, file, texts, problems, display);
    if (const auto* t = root.table("room", false)) {
        TomlTableReader r(*t, file, "[room]", texts, problems);
        if (auto v = r.boolean("flash")) s.roomFlash = *v;
        if (auto v = r.boolean("chime")) s.roomChime = *v;
        r.finish();
    }
    if (const auto* t = root.table("timeouts", false)) {
        TomlTableReader r(*t, file, "[timeouts]", texts, problems);
        if (auto v = r.integer("return_home_seconds", false, 5, 3600)) s.returnHomeSeconds = static_cast<int>(*v);
        if (auto v = r.integer("staff_auto_lock_seconds", false, 10, 3600)) s.staffAutoLockSeconds = static_cast<int>(*v);
        if (auto v = r.integer("undo_seconds", false, 3, 120)) s.undoSeconds = static_cast<int>(*v);
        r.finish();
    }
    if (const auto* t = root.table("attendance", false)) readAttendanceSettings(*t, file, texts, problems, s);
    if (const auto* t = root.table("privacy", false)) readPrivacySettings(*t, file, texts, problems, s);
    if (const auto* t = root.table("export", false)) {
        TomlTableReader r(*t, file, "[export]", texts, problems);
        if (auto v = r.string("folder", false, kPathText)) s.exportFolder = *v;
        r.finish();
    }
    if (const auto* t = root.table("backup", false)) {
        TomlTableReader r(*t, file, "[backup]", texts, problems);
        if (auto v = r.integer("keep", false, 1, 365)) s.backupKeep = static_cast<int>(*v);
        r.finish();
    }
    if (const auto* t = root.table("staff", false)) {
        TomlTableReader r(*t, file, "[staff]", texts, problems);
        if (auto v = r.string("pin_hash", false)) {
            // Only what `set-pin` writes: an Argon2id hash. Anything else would turn every try into a
            // "wrong PIN" and lock the pad for ever longer.
            if (v->empty() || v->rfind("$argon2id$", 0) == 0) s.staffPinHash = *v;
            else r.error(r.where("pin_hash"), texts("problem.config.bad_pin_hash"));
        }
        if (auto v = r.string("facilitator_code", false)) {
            const bool digits = v->size() >= 4 && v->size() <= 8 && v->find_first_not_of("0123456789") == std::string::npos;
            if (digits || v->empty()) s.facilitatorCode = *v;
            else r.error(r.where("facilitator_code"), texts("problem.config.bad_code"));
        }
        r.finish();
    }
    if (const auto* t = root.table("central", false)) readCentralSettings(*t, file, texts, problems, s);
    root.finish();
}

// A step whose text would need more than one page on the exercise screen at 1280x800 (the body
// font there is 27 px, ui/theme.h): an estimate from font metrics (core/step_text_fit.h).
void warnLongStep(const std::string& text, size_t number, TomlTableReader& sr, const Texts& texts, Problems& problems) {
    const StepTextBox box = stepTextBox(1280, 800, 27);
    const int pages = estimateStepPages(text, box);
    if (pages <= 1) return;
    problems.push_back(problemAt(sr.file(), sr.where("text"), Severity::warning,
                                 texts.format("problem.config.step_pages", {{"n", std::to_string(number)},
                                                                            {"pages", std::to_string(pages)}})));
}

void readExercises(const toml::table& doc, const std::string& file, const Texts& texts, Problems& problems,
                   Programme& prog, std::map<std::string, toml::source_region>& exerciseSites) {
    TomlTableReader root(doc, file, file, texts, problems);
    const toml::array* list = root.array("exercise", false);
    root.finish();
    if (!list) return;
    for (const auto& node : *list) {
        if (!node.is_table()) {
            root.error(node.source(), texts.format("problem.config.wrong_type", {{"key", "exercise"}, {"expected", texts("type.table")}}));
            continue;
        }
        TomlTableReader r(*node.as_table(), file, "[[exercise]]", texts, problems);
        Exercise ex;
        bool ok = true;
        if (auto v = r.string("id", true)) ex.id = *v; else ok = false;
        if (auto v = r.string("title", true)) ex.title = *v; else ok = false;
        if (auto v = r.string("purpose", false, kParagraphText)) ex.purpose = *v;
        if (auto v = r.string("group_form", true)) {
            if (auto f = parseGroupForm(*v)) ex.groupForm = *f;
            else {
                r.error(r.where("group_form"), texts.format("problem.config.bad_choice",
                                                            {{"key", "group_form"}, {"value", *v},
                                                             {"choices", "alone, pairs, groups, whole_group"}}));
                ok = false;
            }
        } else ok = false;
        if (auto v = r.integer("group_size", false, 2, 50)) ex.groupSize = static_cast<int>(*v);
        if (ex.groupForm == GroupForm::groups && ex.groupSize == 0) ex.groupSize = 3;
        if (auto v = r.string("space", false)) ex.space = *v;
        if (auto v = r.string("materials", false, kParagraphText)) ex.materials = *v;
        if (auto v = r.boolean("auto_advance")) ex.autoAdvance = *v;
        if (auto v = r.boolean("flash")) ex.flash = *v;
        if (auto v = r.boolean("chime")) ex.chime = *v;
        if (auto cues = r.stringList("cues", false)) {
            for (const auto& c : *cues) {
                if (auto cue = parseCue(c)) ex.cues.push_back(*cue);
                else r.error(r.where("cues"), texts.format("problem.config.bad_choice",
                                                           {{"key", "cues"}, {"value", c},
                                                            {"choices", "stand, walk, silence, pairs, reflect"}}));
            }
        }
        if (const auto* steps = r.array("step", true)) {
            for (const auto& sn : *steps) {
                if (!sn.is_table()) continue;
                TomlTableReader sr(*sn.as_table(), file, "[[exercise.step]]", texts, problems);
                ExerciseStep st;
                if (auto v = sr.string("text", true, kParagraphText)) st.text = *v; else ok = false;
                auto secs = sr.integer("seconds", false, 5, 4 * 3600);
                auto mins = sr.integer("minutes", false, 1, 240);
                if (secs && mins) {
                    sr.error(sr.where("minutes"), texts("problem.config.step_both_durations"));
                    ok = false;
                } else if (secs) st.seconds = static_cast<int>(*secs);
                else if (mins) st.seconds = static_cast<int>(*mins) * 60;
                else if (!sr.raw().get("seconds") && !sr.raw().get("minutes")) {
                    sr.error(sn.source(), texts("problem.config.step_no_duration"));
                    ok = false;
                } else ok = false;
                sr.finish();
                warnLongStep(st.text, ex.steps.size() + 1, sr, texts, problems);
                ex.steps.push_back(std::move(st));
            }
            if (steps->empty()) {
                r.error(r.where("step"), texts("problem.config.exercise_no_steps"));
                ok = false;
            }
        } else ok = false;
        r.finish();
        if (!ex.id.empty()) {
            auto [it, fresh] = exerciseSites.emplace(ex.id, node.source());
            if (!fresh) {
                r.error(r.where("id"), texts.format("problem.config.duplicate_id",
                                                    {{"id", ex.id}, {"line", std::to_string(it->second.begin.line)}}));
                ok = false;
            }
        }
        if (ok) prog.exercises.push_back(std::move(ex));
    }
}

}  // namespace

ConfigFiles readConfigFolder(const std::filesystem::path& dir, const Texts& texts, Problems& problems) {
    ConfigFiles cf;
    cf.origin = dir.string();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        problems.push_back({dir.string(), 0, 0, Severity::error, texts("problem.config.no_folder")});
        return cf;
    }
    const std::pair<const char*, size_t> known[] = {{kKioskFile, kSettingsFileLimit},
                                                    {kProgrammeFile, kProgrammeFileLimit},
                                                    {kExercisesFile, kProgrammeFileLimit},
                                                    {kRosterFile, kRosterFileLimit}};
    for (const auto& [name, limit] : known) {
        // Regular files only, with a size limit (input_file.h): a FIFO or a device here must not
        // hang check-config or the running kiosk.
        InputFile in = readInputFile(dir / name, limit, texts);
        if (in.fault == InputFault::missing) continue;
        if (!in.content) {
            problems.push_back({name, 0, 0, Severity::error, in.message});
            continue;
        }
        cf.files[name] = std::move(*in.content);
    }
    return cf;
}

KioskSettings loadSettingsOnly(const ConfigFiles& files, const Texts& texts, Problems& problems, DisplaySettings* display) {
    KioskSettings s;
    DisplaySettings ignored;
    auto it = files.files.find(kKioskFile);
    if (it == files.files.end()) {
        problems.push_back({kKioskFile, 0, 0, Severity::error, texts("problem.config.missing_file")});
        return s;
    }
    if (auto doc = parseToml(it->second, kKioskFile, texts, problems)) readSettings(*doc, kKioskFile, texts, problems, s, display ? *display : ignored);
    return s;
}

LoadedConfig loadConfig(const ConfigFiles& files, const Texts& texts) {
    LoadedConfig lc;
    lc.settings = loadSettingsOnly(files, texts, lc.problems, &lc.display);

    std::vector<ExerciseRef> refs;
    bool programmeRead = false;
    if (auto it = files.files.find(kProgrammeFile); it == files.files.end()) {
        lc.problems.push_back({kProgrammeFile, 0, 0, Severity::error, texts("problem.config.missing_file")});
    } else if (auto doc = parseToml(it->second, kProgrammeFile, texts, lc.problems)) {
        readProgramme(*doc, kProgrammeFile, texts, lc.problems, lc.programme, refs);
        certificateMinimumWarnings(*doc, kProgrammeFile, lc.programme, lc.settings.certificateMinDays, texts, lc.problems);
        programmeRead = true;
    }

    // [kiosk] cohort names a group of programme.toml (issue 30): said where it is written.
    if (programmeRead && !lc.settings.followCohort.empty() && !lc.programme.cohort(lc.settings.followCohort)) {
        Problems ignored;
        toml::source_region where;
        if (auto doc = parseToml(files.files.at(kKioskFile), kKioskFile, texts, ignored))
            if (const toml::node* n = doc->at_path("kiosk.cohort").node()) where = n->source();
        std::string ids;
        for (const Cohort& c : lc.programme.cohorts) ids += (ids.empty() ? "" : ", ") + c.id;
        lc.problems.push_back(problemAt(kKioskFile, where, Severity::error,
                                        texts.format("problem.config.unknown_follow_cohort",
                                                     {{"cohort", lc.settings.followCohort}, {"ids", ids}})));
    }

    std::map<std::string, toml::source_region> exerciseSites;
    if (auto it = files.files.find(kExercisesFile); it != files.files.end()) {
        if (auto doc = parseToml(it->second, kExercisesFile, texts, lc.problems))
            readExercises(*doc, kExercisesFile, texts, lc.problems, lc.programme, exerciseSites);
    }

    for (const auto& ref : refs) {
        const Exercise* ex = lc.programme.exercise(ref.id);
        if (!ex) {
            if (!exerciseSites.count(ref.id))  // a broken exercise was already reported where it is
                lc.problems.push_back(problemAt(kProgrammeFile, ref.where, Severity::error,
                                                texts.format("problem.config.unknown_exercise", {{"id", ref.id}})));
            continue;
        }
        if (ex->totalSeconds() > ref.slotMinutes * 60)
            lc.problems.push_back(problemAt(kProgrammeFile, ref.where, Severity::warning,
                                            texts.format("problem.config.exercise_too_long",
                                                         {{"id", ref.id},
                                                          {"minutes", std::to_string((ex->totalSeconds() + 59) / 60)},
                                                          {"slot", std::to_string(ref.slotMinutes)}})));
    }

    if (auto it = files.files.find(kRosterFile); it == files.files.end()) {
        lc.problems.push_back({kRosterFile, 0, 0, Severity::warning, texts("problem.roster.missing_file")});
    } else {
        lc.roster = parseRoster(it->second, kRosterFile, programmeRead ? &lc.programme.cohorts : nullptr, texts);
        minimiseRoster(lc.roster.rows, lc.settings);  // what the kiosk may keep (privacy_settings.h)
        lc.problems.insert(lc.problems.end(), lc.roster.problems.begin(), lc.roster.problems.end());
        // Namesakes within a cohort: a warning, the screens tell them apart (core/name_labels.h).
        if (lc.roster.ok()) {
            const Problems same = namesakeWarnings(lc.roster.rows, lc.settings.nameDisplay, kRosterFile, texts);
            lc.problems.insert(lc.problems.end(), same.begin(), same.end());
        }
    }

    // Stable order: by file as listed above, then line.
    auto fileRank = [](const std::string& f) {
        if (f == kKioskFile) return 0;
        if (f == kProgrammeFile) return 1;
        if (f == kExercisesFile) return 2;
        if (f == kRosterFile) return 3;
        return 4;
    };
    std::stable_sort(lc.problems.begin(), lc.problems.end(), [&](const Problem& a, const Problem& b) {
        if (fileRank(a.file) != fileRank(b.file)) return fileRank(a.file) < fileRank(b.file);
        return a.line < b.line;
    });
    return lc;
}

}  // namespace kiosk
