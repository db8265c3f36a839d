#include "text_checks.h"

#include <cstdint>
#include <cstdio>

namespace kiosk {
namespace {

// Length of the valid UTF-8 character at s[i], or 0 when it is not one (contract rule 1).
size_t validSequenceLength(std::string_view s, size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    size_t len = 0;
    uint32_t cp = 0, min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) { len = 2; cp = b0 & 0x1Fu; min = 0x80; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0Fu; min = 0x800; }
    else if (b0 >= 0xF0 && b0 <= 0xF4) { len = 4; cp = b0 & 0x07u; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

uint32_t codePointAt(std::string_view s, size_t i, size_t len) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (len == 1) return b0;
    uint32_t cp = b0 & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    return cp;
}

bool isControl(uint32_t cp, bool multiline) {
    if (multiline && (cp == '\n' || cp == '\r' || cp == '\t')) return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

}  // namespace

size_t firstInvalidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const size_t len = validSequenceLength(s, i);
        if (len == 0) return i;
        i += len;
    }
    return kTextOk;
}

size_t firstControlCharacter(std::string_view s, bool multiline) {
    for (size_t i = 0; i < s.size();) {
        size_t len = validSequenceLength(s, i);
        if (len == 0) len = 1;
        if (isControl(codePointAt(s, i, len), multiline)) return i;
        i += len;
    }
    return kTextOk;
}

size_t characterCount(std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

TextPosition positionOf(std::string_view text, size_t offset) {
    TextPosition p;
    if (offset > text.size()) offset = text.size();
    for (size_t i = 0; i < offset; ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

TextCheck checkText(std::string_view s, size_t maxCharacters, bool multiline) {
    if (const size_t bad = firstInvalidUtf8(s); bad != kTextOk) return {TextFault::invalid_utf8, bad};
    if (const size_t ctl = firstControlCharacter(s, multiline); ctl != kTextOk) return {TextFault::control_character, ctl};
    size_t n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++n > maxCharacters) return {TextFault::too_long, i};
    }
    return {};
}

namespace {

// `s` with every invalid byte and every control character (line breaks too unless
// `allowLineBreaks`) replaced by U+FFFD.
std::string replaced(std::string_view s, bool allowLineBreaks) {
    static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size();) {
        const size_t len = validSequenceLength(s, i);
        if (len == 0 || isControl(codePointAt(s, i, len), allowLineBreaks)) {
            out += kReplacement;
            i += len == 0 ? 1 : len;
            continue;
        }
        out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

}  // namespace

std::string printable(std::string_view s) { return replaced(s, false); }

std::string validText(std::string_view s) {
    if (firstInvalidUtf8(s) == kTextOk && firstControlCharacter(s, true) == kTextOk) return std::string(s);
    return replaced(s, true);
}

std::string byteHex(std::string_view s, size_t offset) {
    if (offset >= s.size()) return {};
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[offset])));
    return buf;
}

}  // namespace kiosk
