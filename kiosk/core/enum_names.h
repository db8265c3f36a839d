// enum_names.h: one table per enum that has a stable text form (the database, the catalogue
// keys, --screen, --ui-dump), read both ways. A value and its name stand on one line, so adding
// a value is one line in one table, not two parallel switches that can drift apart.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace kiosk {

template <class E>
struct EnumName {
    E value;
    const char* name;
};

// The name of `value` in `table`, or `fallback` for a value the table lacks (a programming error
// that a test of each table catches: every value has a name).
template <class E, size_t N>
constexpr const char* nameIn(const EnumName<E> (&table)[N], E value, const char* fallback) {
    for (const auto& entry : table)
        if (entry.value == value) return entry.name;
    return fallback;
}

// The value named `name` in `table`, or nothing.
template <class E, size_t N>
constexpr std::optional<E> parseIn(const EnumName<E> (&table)[N], std::string_view name) {
    for (const auto& entry : table)
        if (name == entry.name) return entry.value;
    return std::nullopt;
}

}  // namespace kiosk
