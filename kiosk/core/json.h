// json.h: the few bits of JSON the kiosk writes (show --json, --ui-dump).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "core/text_checks.h"

namespace kiosk {

// A JSON string literal, quotes included; UTF-8 passes through unchanged, bytes that are not UTF-8
// (text stored before the input rules) become U+FFFD, so the output is always valid JSON.
inline std::string jsonString(std::string_view raw) {
    const std::string s = validText(raw);
    std::string out = "\"";
    for (char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

}  // namespace kiosk
