// badge_reader.h: a badge scanner is a keyboard that types a participant code and presses Enter.
//
// Keystrokes are collected; Enter hands over the code. A partial code followed by a long pause
// (someone leaning on the keyboard, a scanner that lost half a read) is discarded, so it can never
// glue onto the next scan. Codes are letters and digits, case-insensitive.
// The reader is fed the key events in the order they happened (session/input_bindings.h takes them
// from GLFW's callbacks, not from a once-a-frame poll), so two scans in one frame are two codes
// and an Enter pressed and released between two frames still counts. Times are the steady clock.
#pragma once

#include <optional>
#include <string>

#include "clock.h"

namespace kiosk {

class BadgeReader {
public:
    explicit BadgeReader(int maxPauseMs = 1500) : maxPauseMs_(maxPauseMs) {}

    // A typed character (Unicode code point). Non letters/digits are ignored.
    void type(uint32_t codepoint, SteadyTime at);
    // Enter: the code typed so far (normalised), if any and not stale.
    std::optional<std::string> enter(SteadyTime at);
    // The buffer as it stands (for tests); empty after a long pause.
    std::string pending(SteadyTime at) const;

private:
    int maxPauseMs_;
    std::string buffer_;
    SteadyTime last_;
};

}  // namespace kiosk
