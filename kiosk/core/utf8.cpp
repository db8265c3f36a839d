#include "core/utf8.h"

#include <utf8.h>  // utfcpp

namespace kiosk {

size_t utf8FirstInvalid(std::string_view s) {
    const auto it = ::utf8::find_invalid(s.begin(), s.end());
    return it == s.end() ? kUtf8Valid : static_cast<size_t>(it - s.begin());
}

size_t utf8SequenceLength(std::string_view s, size_t i) {
    if (i >= s.size()) return 0;
    auto it = s.begin() + static_cast<std::ptrdiff_t>(i);
    const auto start = it;
    uint32_t cp = 0;
    if (::utf8::internal::validate_next(it, s.end(), cp) != ::utf8::internal::UTF8_OK) return 0;
    return static_cast<size_t>(it - start);
}

uint32_t utf8Next(std::string_view s, size_t& i) {
    if (const size_t len = utf8SequenceLength(s, i); len > 0) {
        auto it = s.begin() + static_cast<std::ptrdiff_t>(i);
        i += len;
        return ::utf8::unchecked::next(it);
    }
    return static_cast<unsigned char>(s[i++]);
}

void utf8Append(std::string& out, uint32_t cp) { ::utf8::unchecked::append(cp, std::back_inserter(out)); }

size_t utf8Length(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += !utf8IsContinuation(c);
    return n;
}

size_t utf8BoundaryBefore(std::string_view s, size_t n) {
    if (n >= s.size()) return s.size();
    while (n > 0 && utf8IsContinuation(s[n])) --n;
    return n;
}

size_t utf8BoundaryAfter(std::string_view s, size_t i) {
    if (i >= s.size()) return s.size();
    ++i;
    while (i < s.size() && utf8IsContinuation(s[i])) ++i;
    return i;
}

void utf8PopBack(std::string& s) {
    if (s.empty()) return;
    s.resize(utf8BoundaryBefore(s, s.size() - 1));
}

}  // namespace kiosk
