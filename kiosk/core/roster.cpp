#include "roster.h"

#include <array>
#include <algorithm>
#include <map>
#include <optional>

#include "code_resolver.h"
#include "csv.h"
#include "text_checks.h"

namespace kiosk {
namespace {

enum Column { kCode, kFirst, kInfix, kLast, kDepartment, kCohort, kEmail, kFrom, kUntil, kColumnCount };

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
    {kFrom, "vanaf", "from", false},   // enrolled from this date (a late joiner); empty: from the start
    {kUntil, "tot", "until", false},   // enrolled up to and including this date (a leaver); empty: to the end
}};

// A roster date as staff type it: 2027-01-14, or the Dutch 14-01-2027 / 14-1-2027 (what Excel shows).
std::optional<LocalDate> parseRosterDate(const std::string& s) {
    if (auto d = LocalDate::parse(s)) return d;
    int day = 0, month = 0, year = 0;
    size_t i = 0;
    auto number = [&](int& out, size_t minDigits, size_t maxDigits) {
        const size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < maxDigits) out = out * 10 + (s[i++] - '0');
        return i - start >= minDigits;
    };
    auto dash = [&] { return i < s.size() && (s[i] == '-' || s[i] == '/') && ++i; };
    if (!number(day, 1, 2) || !dash() || !number(month, 1, 2) || !dash() || !number(year, 4, 4) || i != s.size())
        return std::nullopt;
    auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return LocalDate::parse(std::to_string(year) + "-" + two(month) + "-" + two(day));
}

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

size_t limitFor(Column c) {
    switch (c) {
        case kCode: return kRosterLimits.code;
        case kFirst: case kLast: return kRosterLimits.name;
        case kInfix: return kRosterLimits.infix;
        case kDepartment: return kRosterLimits.department;
        case kCohort: return kRosterLimits.cohort;
        case kEmail: return kRosterLimits.email;
        case kFrom: case kUntil: return kRosterLimits.date;
        case kColumnCount: break;
    }
    return kRosterLimits.name;
}

}  // namespace

bool looksLikeWindows1252(std::string_view text) {
    if (firstInvalidUtf8(text) == kTextOk) return false;
    for (char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) return false;  // not in Windows-1252
    }
    return true;
}

namespace {
// Line breaks, tabs and no-break spaces inside a cell become one space each run; returns the byte
// offset of the first one in the field as given, or kTextOk when there was none.
size_t spaceOutBreaks(std::string& field) {
    size_t first = kTextOk;
    std::string out;
    bool inRun = false;
    for (size_t i = 0; i < field.size(); ++i) {
        const bool nbsp = field[i] == '\xC2' && i + 1 < field.size() && field[i + 1] == '\xA0';
        if (field[i] == '\r' || field[i] == '\n' || field[i] == '\t' || nbsp) {
            if (first == kTextOk) first = i;
            if (!inRun) out += ' ';
            inRun = true;
            if (nbsp) ++i;
            continue;
        }
        inRun = false;
        out += field[i];
    }
    if (first != kTextOk) field = std::move(out);
    return first;
}

using ColumnIndex = std::array<std::optional<size_t>, kColumnCount>;

// One parse's context: the text (for positions), the file's name, the texts, the result so far.
struct RosterReader {
    std::string_view csvText;
    const std::string& fileName;
    const Texts& texts;
    const std::vector<Cohort>* knownCohorts;
    RosterParse& out;
    ColumnIndex index{};
    std::map<std::string, int> codeLines{};  // codeKey -> first line ("7" and "0007" are one code: code_resolver.h)

    // An error about a whole line (column 0).
    void error(int line, std::string msg) { out.problems.push_back({fileName, line, 0, Severity::error, std::move(msg)}); }

    // An error at a byte of the text, as line and column.
    void errorAt(size_t offset, std::string msg) {
        TextPosition at = positionOf(csvText, offset);
        if (at.line == 1 && csvText.substr(0, 3) == "\xEF\xBB\xBF" && at.column > 1) --at.column;  // the BOM is no column
        out.problems.push_back({fileName, at.line, at.column, Severity::error, std::move(msg)});
    }

    // A warning at a byte of the text, as line and column.
    void warnAt(size_t offset, std::string msg) {
        const TextPosition at = positionOf(csvText, offset);
        out.problems.push_back({fileName, at.line, at.column, Severity::warning, std::move(msg)});
    }

    // The field of column `c` in `rec`, trimmed ("" when the file has no such column).
    std::string cell(const CsvRecord& rec, Column c) const {
        return index[c] ? trim(rec.fields[*index[c]]) : std::string{};
    }

    bool readHeader(const CsvRecord& header);
    void spaceOutCells(CsvRecord& rec, const CsvRecord& header);
    bool checkFieldsAsWritten(const CsvRecord& rec);
    bool checkRequired(const CsvRecord& rec, const Participant& p, const std::string& rawCode);
    bool readDates(const CsvRecord& rec, Participant& p);
    bool checkUniqueCode(const CsvRecord& rec, const Participant& p);
    void readRow(CsvRecord rec, const CsvRecord& header);
};

// The header: maps every known column to its index; false when a required column is missing.
bool RosterReader::readHeader(const CsvRecord& header) {
    for (size_t i = 0; i < header.fields.size(); ++i) {
        const std::string name = lowerTrim(header.fields[i]);
        if (name.empty()) continue;
        bool known = false;
        for (const auto& col : kColumns) {
            if (name == col.nl || name == col.en) {
                if (index[col.column]) {
                    error(header.line, texts.format("problem.roster.duplicate_column", {{"column", printable(header.fields[i])}}));
                }
                index[col.column] = i;
                known = true;
            }
        }
        if (!known)
            out.problems.push_back({fileName, header.line, 0, Severity::warning,
                                    texts.format("problem.roster.unknown_column", {{"column", printable(header.fields[i])}})});
    }
    bool headerOk = true;
    for (const auto& col : kColumns) {
        if (col.required && !index[col.column]) {
            error(header.line, texts.format("problem.roster.missing_column",
                                            {{"column", std::string(col.nl) + "/" + col.en}}));
            headerOk = false;
        }
    }
    return headerOk;
}

// A cell's oddity with one meaning is fixed and said, never a reason to refuse the list: a
// line break (Alt+Enter in Excel), a tab or a no-break space inside a cell is a space.
void RosterReader::spaceOutCells(CsvRecord& rec, const CsvRecord& header) {
    for (size_t k = 0; k < rec.fields.size() && k < rec.offsets.size(); ++k)
        if (const size_t at = spaceOutBreaks(rec.fields[k]); at != kTextOk) {
            const size_t start = rec.offsets[k], end = k + 1 < rec.offsets.size() ? rec.offsets[k + 1] : csvText.size();
            const size_t where = csvText.find_first_of("\r\n\t", start);
            const bool quoted = start < csvText.size() && csvText[start] == '"';
            const std::string column = k < header.fields.size() ? printable(trim(header.fields[k])) : std::to_string(k + 1);
            warnAt(where < end ? where : start + (quoted ? 1 : 0) + at,
                   texts.format("problem.roster.line_break", {{"column", column}}));
        }
}

// Every field as written: no control character (NUL cuts messages short), a length limit.
bool RosterReader::checkFieldsAsWritten(const CsvRecord& rec) {
    bool ok = true;
    for (const auto& col : kColumns) {
        if (!index[col.column]) continue;
        const size_t k = *index[col.column];
        const TextCheck check = checkText(rec.fields[k], limitFor(col.column), false);
        if (check.ok()) continue;
        const size_t at = rec.offsets[k];
        const TextArgs args{{"column", col.nl}, {"max", std::to_string(limitFor(col.column))}};
        // Unquoted fields: the exact character; quoted ones: the field's start.
        const bool quoted = at < csvText.size() && csvText[at] == '"';
        errorAt(quoted ? at : at + check.offset,
                texts.format(check.fault == TextFault::too_long ? "problem.roster.too_long" : "problem.roster.control_character", args));
        ok = false;
    }
    return ok;
}

// The required fields filled in, the code of letters and digits, the cohort one of the programme's.
bool RosterReader::checkRequired(const CsvRecord& rec, const Participant& p, const std::string& rawCode) {
    bool ok = true;
    auto require = [&](const std::string& v, const char* colKey) {
        if (v.empty()) {
            error(rec.line, texts.format("problem.roster.empty_field", {{"column", colKey}}));
            ok = false;
        }
    };
    require(rawCode, "code");
    require(p.firstName, "voornaam");
    require(p.lastName, "achternaam");
    require(p.cohortId, "groep");
    if (!rawCode.empty() && !isCodeCharacters(rawCode)) {
        error(rec.line, texts.format("problem.roster.bad_code", {{"code", printable(rawCode)}}));
        ok = false;
    }
    if (!p.cohortId.empty() && knownCohorts) {
        bool found = false;
        for (const auto& c : *knownCohorts) found = found || c.id == p.cohortId;
        if (!found) {
            error(rec.line, texts.format("problem.roster.unknown_cohort", {{"cohort", printable(p.cohortId)}}));
            ok = false;
        }
    }
    return ok;
}

// Enrolment dates (a late joiner, a leaver: day_counting.h rule 4), at the field's place.
bool RosterReader::readDates(const CsvRecord& rec, Participant& p) {
    bool ok = true;
    for (const Column c : {kFrom, kUntil}) {
        const std::string v = cell(rec, c);
        if (v.empty()) continue;
        const auto d = parseRosterDate(v);
        if (!d) {
            errorAt(rec.offsets[*index[c]], texts.format("problem.roster.bad_date", {{"column", kColumns[c].nl}, {"value", printable(v)}}));
            ok = false;
        } else {
            (c == kFrom ? p.from : p.until) = *d;
        }
    }
    if (p.from && p.until && *p.until < *p.from) {
        errorAt(rec.offsets[*index[kUntil]], texts.format("problem.roster.until_before_from",
                                                          {{"from", p.from->iso()}, {"until", p.until->iso()}}));
        ok = false;
    }
    return ok;
}

// A code not on an earlier line (in any of its forms); the first line is remembered.
bool RosterReader::checkUniqueCode(const CsvRecord& rec, const Participant& p) {
    if (p.code.empty()) return true;
    auto [it, fresh] = codeLines.emplace(codeKey(p.code), rec.line);
    if (fresh) return true;
    error(rec.line, texts.format("problem.roster.duplicate_code", {{"code", p.code}, {"line", std::to_string(it->second)}}));
    return false;
}

// One record after the header: every check in turn (each says its own problems); the row is kept
// only when all of them hold.
void RosterReader::readRow(CsvRecord rec, const CsvRecord& header) {
    spaceOutCells(rec, header);
    if (rec.fields.size() != header.fields.size()) {
        error(rec.line, texts.format("problem.roster.field_count",
                                     {{"found", std::to_string(rec.fields.size())},
                                      {"expected", std::to_string(header.fields.size())}}));
        return;
    }
    Participant p;
    const std::string rawCode = cell(rec, kCode);
    p.code = normaliseCode(rawCode);
    p.firstName = cell(rec, kFirst);
    p.infix = cell(rec, kInfix);
    p.lastName = cell(rec, kLast);
    p.department = cell(rec, kDepartment);
    p.cohortId = cell(rec, kCohort);
    p.email = cell(rec, kEmail);

    const bool fieldsOk = checkFieldsAsWritten(rec);
    const bool valuesOk = checkRequired(rec, p, rawCode);
    const bool datesOk = readDates(rec, p);
    const bool codeOk = checkUniqueCode(rec, p);
    if (fieldsOk && valuesOk && datesOk && codeOk) out.rows.push_back({rec.line, std::move(p)});
}

}  // namespace

RosterParse parseRoster(std::string_view csvText, const std::string& fileName,
                        const std::vector<Cohort>* knownCohorts, const Texts& texts, bool allowEmpty) {
    RosterParse out;
    RosterReader reader{csvText, fileName, texts, knownCohorts, out};
    // Not UTF-8: refused whole, at the first such byte. Guessing an encoding could put wrong names
    // on badges and in the attendance record; Excel saves UTF-8 with one choice in "Save as".
    if (const size_t bad = firstInvalidUtf8(csvText); bad != kTextOk) {
        reader.errorAt(bad, texts.format(looksLikeWindows1252(csvText) ? "problem.roster.windows_1252" : "problem.roster.not_utf8",
                                         {{"byte", byteHex(csvText, bad)}}));
        return out;
    }
    const CsvTable table = parseCsv(csvText, fileName, texts, out.problems);
    if (table.records.empty()) {
        reader.error(1, texts("problem.roster.empty"));
        return out;
    }
    const CsvRecord& header = table.records.front();
    if (!reader.readHeader(header)) return out;
    if (table.records.size() == 1 && !allowEmpty) {
        reader.error(header.line, texts("problem.roster.no_rows"));
        return out;
    }
    for (size_t r = 1; r < table.records.size(); ++r) reader.readRow(table.records[r], header);
    return out;
}

}  // namespace kiosk
