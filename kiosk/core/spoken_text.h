// spoken_text.h: text for the speech output (issue 32), built from the data, never read off the
// screen. A synthesiser reads "09:10" as "negen tien" and "ĳ" as a foreign letter, and an on-screen
// label may be cut to "…"; so the kiosk says times as people say them ("tien over negen", "ten past
// nine"), writes ĳ as ij, spells codes digit by digit and drops typography that only the eye needs.
// Pure: no clock, no UI.
#pragma once

#include <string>
#include <string_view>

#include "civil_time.h"
#include "text_catalogue.h"

namespace kiosk {

// A time of day as people say it: "tien over negen", "kwart voor tien", "half tien", "negen uur";
// "ten past nine", "quarter to ten", "half past nine", "nine o'clock". A 12-hour clock, as spoken.
std::string spokenTime(TimeOfDay t, Lang lang);

// Text made fit to be spoken: ĳ and Ĳ as ij and IJ; every clock time (9:05, 09:05) as spokenTime,
// and a range "09:00–10:30" as "negen uur tot half elf"; the ellipsis, the middle dot, typographic
// quotes and dashes as plain pauses or nothing; a number's unit " s" as "seconden"/"seconds" ("nog 10 s"
// was said "tien es"). Everything else is kept.
std::string speakable(std::string_view text, Lang lang);

// A small count in words ("één", "twee"; "one", "two"): a synthesiser reads a bare "1" before "keer"
// as the article "een". Dutch from 15 on, English from 30 on, stay digits.
std::string spokenNumber(int n, Lang lang);

// How many times, in words: "één keer", "twee keer"; "once", "twice", "three times".
std::string spokenTimes(int n, Lang lang);

// A code said one character at a time ("1 2 3 4"), never as a number ("twaalfhonderd...").
std::string spokenCode(std::string_view code);

}  // namespace kiosk
