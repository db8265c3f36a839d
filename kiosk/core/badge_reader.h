// badge_reader.h: a badge scanner is a keyboard that types a participant code and presses Enter.
//
// Keystrokes are collected; Enter hands over the code. A partial code followed by a long pause
// (someone leaning on the keyboard, a scanner that lost half a read) is discarded, so it can never
// glue onto the next scan. Codes are letters and digits, case-insensitive.
#pragma once

#include <optional>
#include <string>

#include "civil_time.h"

namespace kiosk {

class BadgeReader {
public:
    explicit BadgeReader(int maxPauseMs = 1500) : maxPauseMs_(maxPauseMs) {}

    // A typed character (Unicode code point). Non letters/digits are ignored.
    void type(uint32_t codepoint, Instant at);
    // Enter: the code typed so far (normalised), if any and not stale.
    std::optional<std::string> enter(Instant at);
    // The buffer as it stands (for tests); empty after a long pause.
    std::string pending(Instant at) const;

private:
    int maxPauseMs_;
    std::string buffer_;
    Instant last_;
};

}  // namespace kiosk
