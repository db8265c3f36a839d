// toml_table_reader.h: typed, position-aware reads from a TOML table that report problems instead
// of throwing, and flag every key nobody asked for (so a typo like `thema = ...` is an error).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <toml++/toml.h>

#include "core/civil_time.h"
#include "core/diagnostics.h"
#include "core/text_catalogue.h"

namespace kiosk {

// The longest a text value may be, in characters (text_checks.h), and whether it may hold line
// breaks and tabs. Every other control character (NUL too, even written as "\u0000") is refused.
struct TextLimit {
    size_t maxCharacters;
    bool multiline;
};
inline constexpr TextLimit kLineText{200, false};       // titles, names, rooms, ids (default)
inline constexpr TextLimit kParagraphText{4000, true};  // descriptions, assignments, exercise steps
inline constexpr TextLimit kPathText{4096, false};      // a folder

class TomlTableReader {
public:
    TomlTableReader(const toml::table& table, std::string file, std::string context, const Texts& texts,
                    Problems& problems);

    // A text value, checked against `limit` (file:line:col of the value when it breaks it).
    std::optional<std::string> string(const char* key, bool required, TextLimit limit = kLineText);
    std::optional<int64_t> integer(const char* key, bool required, int64_t min, int64_t max);
    std::optional<double> number(const char* key, bool required, double min, double max);
    std::optional<bool> boolean(const char* key);
    std::optional<TimeOfDay> time(const char* key, bool required);   // "09:30" or 09:30:00
    std::optional<LocalDate> date(const char* key, bool required);   // "2026-11-26" or 2026-11-26
    const toml::array* array(const char* key, bool required);
    const toml::table* table(const char* key, bool required);
    std::optional<std::vector<std::string>> stringList(const char* key, bool required);  // each kLineText

    // Reports keys that no accessor asked for. Call once, after all reads.
    void finish();

    // Position of the table (or of a key in it) for messages.
    void error(const toml::source_region& where, std::string message);
    const toml::source_region& where(const char* key) const;
    const toml::table& raw() const { return table_; }
    const std::string& file() const { return file_; }

private:
    bool checkValue(const char* key, const toml::node& n, const std::string& v, TextLimit limit);
    const toml::node* fetch(const char* key, bool required);
    void wrongType(const char* key, const toml::node& n, const char* expectedKey);

    const toml::table& table_;
    std::string file_;
    std::string context_;  // "[[day]] 3" etc., for messages about missing keys
    const Texts& texts_;
    Problems& problems_;
    std::set<std::string, std::less<>> asked_;
};

// The position of a node, for messages.
Problem problemAt(const std::string& file, const toml::source_region& where, Severity sev, std::string message);

}  // namespace kiosk
