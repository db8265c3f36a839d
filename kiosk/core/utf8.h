// utf8.h: the one place where UTF-8 is decoded, encoded and walked. Decoding and validation are
// utfcpp's (Debian's libutfcpp-dev, header-only, so the core still links nothing): it refuses
// overlong forms, surrogates and code points past U+10FFFF, as the kiosk's input rules require
// (text_checks.h). Walking character boundaries only needs the continuation-byte test and stays here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr size_t kUtf8Valid = static_cast<size_t>(-1);

// The byte offset of the first byte that does not start a valid UTF-8 character; kUtf8Valid when all is valid.
size_t utf8FirstInvalid(std::string_view s);
// The length in bytes of the valid UTF-8 character at s[i]; 0 when it is not one (or i is past the end).
size_t utf8SequenceLength(std::string_view s, size_t i);
// The code point at s[i], advancing i past it; a byte that does not start a valid character comes
// back as itself and i advances by one (text stored before the input rules).
uint32_t utf8Next(std::string_view s, size_t& i);
// Appends `cp` (at most U+10FFFF, not a surrogate) encoded as UTF-8.
void utf8Append(std::string& out, uint32_t cp);
// Whether `b` is a continuation byte (10xxxxxx): never the start of a character.
inline bool utf8IsContinuation(char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }
// The number of characters (bytes that are not continuation bytes).
size_t utf8Length(std::string_view s);
// The nearest character boundary at or before n (n clamped to the size).
size_t utf8BoundaryBefore(std::string_view s, size_t n);
// The next character boundary after i (the size at the end).
size_t utf8BoundaryAfter(std::string_view s, size_t i);
// Removes the last character of `s` (nothing when empty).
void utf8PopBack(std::string& s);

}  // namespace kiosk
