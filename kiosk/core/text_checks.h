// text_checks.h: what every text a person can import or type must be before the kiosk keeps it.
//
// CONTRACT
//   1. Valid UTF-8 only, strictly (RFC 3629): no overlong forms, no surrogates (U+D800..U+DFFF), nothing
//      above U+10FFFF, no truncated sequence. Nothing else may reach the database, a screen, JSON or an
//      export; there is no "repair" that guesses an encoding.
//   2. No control characters in a name or a one-line field: C0 (U+0000..U+001F, so NUL too), DEL
//      (U+007F) and C1 (U+0080..U+009F). A multi-line text field may hold line breaks and tabs.
//   3. Lengths are counted in characters (code points), not bytes, as a person counts them.
//   4. Positions are reported as 1-based line and column in characters, for file:line:col messages.
// Pure functions; no allocation unless they return a string.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr size_t kTextOk = std::string_view::npos;

// Byte offset of the first byte that does not start a valid UTF-8 character, or kTextOk.
size_t firstInvalidUtf8(std::string_view s);

// Byte offset of the first control character (rule 2), or kTextOk. `multiline` allows \n, \r and \t.
// Expects valid UTF-8.
size_t firstControlCharacter(std::string_view s, bool multiline);

// Number of characters (code points) in valid UTF-8.
size_t characterCount(std::string_view s);

// The 1-based line and column (in characters) of byte `offset` in `text`.
struct TextPosition {
    int line = 1;
    int column = 1;
};
TextPosition positionOf(std::string_view text, size_t offset);

// What is wrong with one field, if anything.
enum class TextFault { none, invalid_utf8, control_character, too_long };
struct TextCheck {
    TextFault fault = TextFault::none;
    size_t offset = kTextOk;  // byte offset of the fault in the field (too_long: where the limit is passed)
    bool ok() const { return fault == TextFault::none; }
};
TextCheck checkText(std::string_view s, size_t maxCharacters, bool multiline);

// For echoing something a person gave us (a command-line argument, a file name) in a message:
// invalid bytes and control characters become U+FFFD, so a message is always valid UTF-8 and whole.
std::string printable(std::string_view s);

// For writing out text that was stored before these rules (an older database): invalid bytes and
// control characters other than tab, CR and LF become U+FFFD, so JSON, CSV and XLSX (whose XML
// forbids them) are always valid. Text that follows the rules passes unchanged.
std::string validText(std::string_view s);

// "0xE9": the byte at offset, for messages about an encoding.
std::string byteHex(std::string_view s, size_t offset);

}  // namespace kiosk
