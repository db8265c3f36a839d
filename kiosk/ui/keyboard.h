// keyboard.h: the on-screen keyboard. It edits the model string directly (no InputText: an
// on-screen key would steal its focus); the field above it is drawn as a read-only display.
#pragma once

#include <imgui.h>

#include <string>

namespace kiosk::ui {

struct KeyboardSpec {
    const char* id;            // prefix for the keys' automation ids: "<id>.key.A"
    ImVec2 min, max;           // where the keyboard goes (screen pixels)
    bool withAccents = true;   // a row of é ë ï ö ü ç and - ' . (names, organisations)
    size_t maxBytes = 80;
    float keyAspect = 1.1f;    // the tallest a key may be, as a multiple of its width
    std::string clearLabel = "Wissen";  // from the catalogue: keyboard.clear
    std::string spaceLabel = "spatie";  // from the catalogue: keyboard.space
};

// The height the keys take in `spec` (no more than its area; keys at most keyAspect x as tall as wide).
float keyHeight(const KeyboardSpec& spec);
float keyboardHeight(const KeyboardSpec& spec);
// Draws the keys; edits `text` (UTF-8). Returns true when the text changed.
bool drawKeyboard(const KeyboardSpec& spec, std::string& text);

// A read-only text field: label above, the text and a caret inside; tappable to make it active.
bool drawTextField(const char* id, const std::string& label, const std::string& text, const std::string& placeholder,
                   ImVec2 min, ImVec2 max, bool active);

// A numeric keypad for a code or PIN (1-9, back, 0, OK) filling the width of min..max from min.y;
// the digits go into `entry` (at most maxDigits) and are never drawn: drawCodeDots shows how many.
// Keys' automation ids: keypad.<digit>, keypad.back and keypad.ok. Returns true on OK.
bool drawKeypad(std::string& entry, ImVec2 min, ImVec2 max, const std::string& okLabel, bool enabled = true,
                size_t maxDigits = 8);
// One dot per digit typed, centred on centreX; returns the height used.
float drawCodeDots(size_t count, float centreX, float y);

// Removes the last UTF-8 character.

}  // namespace kiosk::ui
