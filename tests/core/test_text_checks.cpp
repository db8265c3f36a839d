// What every imported or typed text must be (text_checks.h), byte by byte.
#include <catch2/catch.hpp>

#include "core/badge_reader.h"
#include "core/text_checks.h"

using namespace kiosk;

TEST_CASE("every single byte 0x00-0xFF: ASCII is valid UTF-8, 0x80-0xFF alone never is", "[text][utf8]") {
    for (int b = 0; b < 256; ++b) {
        const std::string s = std::string("An") + static_cast<char>(b) + "na";
        INFO("byte " << b);
        if (b < 0x80) CHECK(firstInvalidUtf8(s) == kTextOk);
        else CHECK(firstInvalidUtf8(s) == 2);
        const bool control = b < 0x20 || b == 0x7F;
        if (b < 0x80) CHECK((firstControlCharacter(s, false) == 2) == control);
        const TextCheck c = checkText(s, 100, false);
        CHECK(c.ok() == (b >= 0x20 && b < 0x7F));
        // A message that echoes it is always valid UTF-8 without control characters.
        const std::string shown = printable(s);
        CHECK(firstInvalidUtf8(shown) == kTextOk);
        CHECK(firstControlCharacter(shown, false) == kTextOk);
    }
}

TEST_CASE("strict UTF-8: overlong forms, surrogates, beyond U+10FFFF and cut sequences are refused", "[text][utf8]") {
    CHECK(firstInvalidUtf8("Zo\xC3\xAB \xC4\xB2sbrand \xE2\x82\xAC \xF0\x9F\x98\x80") == kTextOk);  // Zoë Ĳsbrand € 😀
    CHECK(firstInvalidUtf8("a\xC0\xAF") == 1);           // overlong '/'
    CHECK(firstInvalidUtf8("a\xE0\x80\xAF") == 1);       // overlong, 3 bytes
    CHECK(firstInvalidUtf8("a\xED\xA0\x80") == 1);       // U+D800, a surrogate
    CHECK(firstInvalidUtf8("a\xF4\x90\x80\x80") == 1);   // U+110000
    CHECK(firstInvalidUtf8("ab\xC3") == 2);              // cut short
    CHECK(firstInvalidUtf8("Lo\xEFs") == 2);             // Windows-1252 ï
    CHECK(firstControlCharacter("Ren\xC2\x85" "e", false) == 3);  // U+0085, a C1 control
    CHECK(firstControlCharacter("regel 1\nregel 2\ttab", true) == kTextOk);
    CHECK(firstControlCharacter("regel 1\nregel 2", false) == 7);
    CHECK(firstControlCharacter(std::string("a\0b", 3), true) == 1);
}

TEST_CASE("lengths count characters and positions are line:column in characters", "[text]") {
    CHECK(characterCount("Zo\xC3\xAB") == 3);
    CHECK(checkText(std::string(100, 'a'), 100, false).ok());
    const TextCheck c = checkText(std::string(99, 'a') + "\xC3\xAB\xC3\xAB", 100, false);
    CHECK(c.fault == TextFault::too_long);
    CHECK(c.offset == 101);
    const TextPosition p = positionOf("code;naam\r\nZU21;Lo\xC3\xAB\xEFs", 18);
    CHECK(p.line == 2);
    CHECK(p.column == 8);
}

TEST_CASE("a badge scanner or keyboard typing any code point 0x00-0xFF yields letters and digits only", "[text][badge]") {
    BadgeReader reader;
    SteadyTime t{1'800'000'000'000};
    for (uint32_t cp = 0; cp < 256; ++cp) reader.type(cp, t);
    const auto code = reader.enter(t);
    REQUIRE(code);
    CHECK(*code == "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ");
    CHECK(checkText(*code, 100, false).ok());
}
