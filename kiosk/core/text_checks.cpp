#include "text_checks.h"

#include <cstdint>
#include <cstdio>

#include "core/utf8.h"

namespace kiosk {
namespace {

bool isControl(uint32_t cp, bool multiline) {
    if (multiline && (cp == '\n' || cp == '\r' || cp == '\t')) return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

}  // namespace

size_t firstInvalidUtf8(std::string_view s) {
    const size_t bad = utf8FirstInvalid(s);
    return bad == kUtf8Valid ? kTextOk : bad;
}

size_t firstControlCharacter(std::string_view s, bool multiline) {
    for (size_t i = 0; i < s.size();) {
        const size_t at = i;
        if (isControl(utf8Next(s, i), multiline)) return at;
    }
    return kTextOk;
}

size_t characterCount(std::string_view s) { return utf8Length(s); }

TextPosition positionOf(std::string_view text, size_t offset) {
    TextPosition p;
    if (offset > text.size()) offset = text.size();
    for (size_t i = 0; i < offset; ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if (!utf8IsContinuation(c)) {
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
        if (utf8IsContinuation(s[i])) continue;
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
        const size_t len = utf8SequenceLength(s, i);
        size_t next = i;
        if (len == 0 || isControl(utf8Next(s, next), allowLineBreaks)) {
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
