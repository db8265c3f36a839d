#include "toml_table_reader.h"

#include <cmath>

#include "core/text_checks.h"

namespace kiosk {

Problem problemAt(const std::string& file, const toml::source_region& where, Severity sev, std::string message) {
    return Problem{file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), sev,
                   std::move(message)};
}

TomlTableReader::TomlTableReader(const toml::table& table, std::string file, std::string context,
                                 const Texts& texts, Problems& problems)
    : table_(table), file_(std::move(file)), context_(std::move(context)), texts_(texts), problems_(problems) {}

void TomlTableReader::error(const toml::source_region& where, std::string message) {
    problems_.push_back(problemAt(file_, where, Severity::error, std::move(message)));
}

const toml::source_region& TomlTableReader::where(const char* key) const {
    if (const auto* n = table_.get(key)) return n->source();
    return table_.source();
}

const toml::node* TomlTableReader::fetch(const char* key, bool required) {
    asked_.insert(key);
    const toml::node* n = table_.get(key);
    if (!n && required)
        error(table_.source(), texts_.format("problem.config.missing_key", {{"key", key}, {"where", context_}}));
    return n;
}

void TomlTableReader::wrongType(const char* key, const toml::node& n, const char* expectedKey) {
    error(n.source(), texts_.format("problem.config.wrong_type", {{"key", key}, {"expected", texts_(expectedKey)}}));
}

bool TomlTableReader::checkValue(const char* key, const toml::node& n, const std::string& v, TextLimit limit) {
    const TextCheck check = checkText(v, limit.maxCharacters, limit.multiline);
    switch (check.fault) {
        case TextFault::none: return true;
        case TextFault::invalid_utf8:  // toml++ refuses these while parsing; kept for the contract
        case TextFault::control_character:
            error(n.source(), texts_.format("problem.config.control_character", {{"key", key}}));
            return false;
        case TextFault::too_long:
            error(n.source(), texts_.format("problem.config.too_long", {{"key", key},
                                                                        {"max", std::to_string(limit.maxCharacters)},
                                                                        {"n", std::to_string(characterCount(v))}}));
            return false;
    }
    return false;
}

std::optional<std::string> TomlTableReader::string(const char* key, bool required, TextLimit limit) {
    const auto* n = fetch(key, required);
    if (!n) return std::nullopt;
    if (!n->is_string()) {
        wrongType(key, *n, "type.text");
        return std::nullopt;
    }
    std::string v = n->as_string()->get();
    if (!checkValue(key, *n, v, limit)) return std::nullopt;
    if (required && v.find_first_not_of(" \t\r\n") == std::string::npos) {
        error(n->source(), texts_.format("problem.config.empty_value", {{"key", key}}));
        return std::nullopt;
    }
    return v;
}

std::optional<int64_t> TomlTableReader::integer(const char* key, bool required, int64_t min, int64_t max) {
    const auto* n = fetch(key, required);
    if (!n) return std::nullopt;
    if (!n->is_integer()) {
        wrongType(key, *n, "type.integer");
        return std::nullopt;
    }
    const int64_t v = n->as_integer()->get();
    if (v < min || v > max) {
        error(n->source(), texts_.format("problem.config.out_of_range",
                                         {{"key", key}, {"min", std::to_string(min)}, {"max", std::to_string(max)}}));
        return std::nullopt;
    }
    return v;
}

std::optional<double> TomlTableReader::number(const char* key, bool required, double min, double max) {
    const auto* n = fetch(key, required);
    if (!n) return std::nullopt;
    double v = 0;
    if (n->is_floating_point()) v = n->as_floating_point()->get();
    else if (n->is_integer()) v = static_cast<double>(n->as_integer()->get());
    else {
        wrongType(key, *n, "type.number");
        return std::nullopt;
    }
    if (!(v >= min && v <= max)) {
        char lo[32], hi[32];
        std::snprintf(lo, sizeof lo, "%g", min);
        std::snprintf(hi, sizeof hi, "%g", max);
        error(n->source(), texts_.format("problem.config.out_of_range", {{"key", key}, {"min", lo}, {"max", hi}}));
        return std::nullopt;
    }
    return v;
}

std::optional<bool> TomlTableReader::boolean(const char* key) {
    const auto* n = fetch(key, false);
    if (!n) return std::nullopt;
    if (!n->is_boolean()) {
        wrongType(key, *n, "type.boolean");
        return std::nullopt;
    }
    return n->as_boolean()->get();
}

std::optional<TimeOfDay> TomlTableReader::time(const char* key, bool required) {
    const auto* n = fetch(key, required);
    if (!n) return std::nullopt;
    if (n->is_time()) {
        const auto t = n->as_time()->get();
        return TimeOfDay{t.hour * 60 + t.minute};
    }
    if (n->is_string()) {
        if (auto t = TimeOfDay::parse(n->as_string()->get())) return t;
        error(n->source(), texts_.format("problem.config.bad_time", {{"key", key}, {"value", printable(n->as_string()->get())}}));
        return std::nullopt;
    }
    wrongType(key, *n, "type.time");
    return std::nullopt;
}

std::optional<LocalDate> TomlTableReader::date(const char* key, bool required) {
    const auto* n = fetch(key, required);
    if (!n) return std::nullopt;
    if (n->is_date()) {
        const auto d = n->as_date()->get();
        LocalDate ld{d.year, d.month, d.day};
        if (auto ok = LocalDate::parse(ld.iso())) return ok;
        error(n->source(), texts_.format("problem.config.bad_date", {{"key", key}, {"value", ld.iso()}}));
        return std::nullopt;
    }
    if (n->is_string()) {
        if (auto d = LocalDate::parse(n->as_string()->get())) return d;
        error(n->source(), texts_.format("problem.config.bad_date", {{"key", key}, {"value", printable(n->as_string()->get())}}));
        return std::nullopt;
    }
    wrongType(key, *n, "type.date");
    return std::nullopt;
}

const toml::array* TomlTableReader::array(const char* key, bool required) {
    const auto* n = fetch(key, required);
    if (!n) return nullptr;
    if (!n->is_array()) {
        wrongType(key, *n, "type.list");
        return nullptr;
    }
    return n->as_array();
}

const toml::table* TomlTableReader::table(const char* key, bool required) {
    const auto* n = fetch(key, required);
    if (!n) return nullptr;
    if (!n->is_table()) {
        wrongType(key, *n, "type.table");
        return nullptr;
    }
    return n->as_table();
}

std::optional<std::vector<std::string>> TomlTableReader::stringList(const char* key, bool required) {
    const auto* arr = array(key, required);
    if (!arr) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& el : *arr) {
        if (!el.is_string()) {
            wrongType(key, el, "type.text");
            continue;
        }
        if (checkValue(key, el, el.as_string()->get(), kLineText)) out.push_back(el.as_string()->get());
    }
    return out;
}

void TomlTableReader::finish() {
    for (const auto& [k, v] : table_) {
        if (!asked_.count(k.str()))
            problems_.push_back(problemAt(file_, k.source(), Severity::error,
                                          texts_.format("problem.config.unknown_key",
                                                        {{"key", printable(k.str())}, {"where", context_}})));
    }
}

}  // namespace kiosk
