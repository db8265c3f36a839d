#include "roster.h"

#include <array>
#include <map>
#include <optional>

#include "csv.h"

namespace kiosk {
namespace {

enum Column { kCode, kFirst, kInfix, kLast, kDepartment, kCohort, kEmail, kColumnCount };

struct ColumnName {
    Column column;
    const char* nl;
    const char* en;
    bool required;
};

constexpr std::array<ColumnName, kColumnCount> kColumns{{
    {kCode, "code", "code", true},
    {kFirst, "voornaam", "first_name", true},
    {kInfix, "tussenvoegsel", "infix", false},
    {kLast, "achternaam", "last_name", true},
    {kDepartment, "afdeling", "department", false},
    {kCohort, "groep", "cohort", true},
    {kEmail, "email", "email", false},
}};

std::string lowerTrim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    std::string out;
    for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    // "e-mail" and "first name" are common spellings too.
    if (out == "e-mail") out = "email";
    for (auto& c : out)
        if (c == ' ' || c == '-') c = '_';
    return out;
}

std::string trim(std::string s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return s.substr(b, e - b);
}

bool isCodeCharacters(const std::string& s) {
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    return !s.empty();
}

}  // namespace

RosterParse parseRoster(std::string_view csvText, const std::string& fileName,
                        const std::vector<Cohort>* knownCohorts, const Texts& texts) {
    RosterParse out;
    auto error = [&](int line, std::string msg) {
        out.problems.push_back({fileName, line, 0, Severity::error, std::move(msg)});
    };
    const CsvTable table = parseCsv(csvText, fileName, texts, out.problems);
    if (table.records.empty()) {
        error(1, texts("problem.roster.empty"));
        return out;
    }

    // Header: map every known column to its index.
    const CsvRecord& header = table.records.front();
    std::array<std::optional<size_t>, kColumnCount> index{};
    for (size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = lowerTrim(header.fields[i]);
        if (name.empty()) continue;
        bool known = false;
        for (const auto& col : kColumns) {
            if (name == col.nl || name == col.en) {
                if (index[col.column]) {
                    error(header.line, texts.format("problem.roster.duplicate_column", {{"column", header.fields[i]}}));
                }
                index[col.column] = i;
                known = true;
            }
        }
        if (!known)
            out.problems.push_back({fileName, header.line, 0, Severity::warning,
                                    texts.format("problem.roster.unknown_column", {{"column", header.fields[i]}})});
    }
    bool headerOk = true;
    for (const auto& col : kColumns) {
        if (col.required && !index[col.column]) {
            error(header.line, texts.format("problem.roster.missing_column",
                                            {{"column", std::string(col.nl) + "/" + col.en}}));
            headerOk = false;
        }
    }
    if (!headerOk) return out;

    std::map<std::string, int> codeLines;  // normalised code -> first line
    for (size_t r = 1; r < table.records.size(); ++r) {
        const CsvRecord& rec = table.records[r];
        if (rec.fields.size() != header.fields.size()) {
            error(rec.line, texts.format("problem.roster.field_count",
                                         {{"found", std::to_string(rec.fields.size())},
                                          {"expected", std::to_string(header.fields.size())}}));
            continue;
        }
        auto get = [&](Column c) { return index[c] ? trim(rec.fields[*index[c]]) : std::string{}; };
        Participant p;
        const std::string rawCode = get(kCode);
        p.code = normaliseCode(rawCode);
        p.firstName = get(kFirst);
        p.infix = get(kInfix);
        p.lastName = get(kLast);
        p.department = get(kDepartment);
        p.cohortId = get(kCohort);
        p.email = get(kEmail);

        bool rowOk = true;
        auto require = [&](const std::string& v, const char* colKey) {
            if (v.empty()) {
                error(rec.line, texts.format("problem.roster.empty_field", {{"column", colKey}}));
                rowOk = false;
            }
        };
        require(rawCode, "code");
        require(p.firstName, "voornaam");
        require(p.lastName, "achternaam");
        require(p.cohortId, "groep");
        if (!rawCode.empty() && !isCodeCharacters(rawCode)) {
            error(rec.line, texts.format("problem.roster.bad_code", {{"code", rawCode}}));
            rowOk = false;
        }
        if (!p.cohortId.empty() && knownCohorts) {
            bool found = false;
            for (const auto& c : *knownCohorts) found = found || c.id == p.cohortId;
            if (!found) {
                error(rec.line, texts.format("problem.roster.unknown_cohort", {{"cohort", p.cohortId}}));
                rowOk = false;
            }
        }
        if (!p.code.empty()) {
            auto [it, fresh] = codeLines.emplace(p.code, rec.line);
            if (!fresh) {
                error(rec.line, texts.format("problem.roster.duplicate_code",
                                             {{"code", p.code}, {"line", std::to_string(it->second)}}));
                rowOk = false;
            }
        }
        if (rowOk) out.rows.push_back({rec.line, std::move(p)});
    }
    return out;
}

}  // namespace kiosk
