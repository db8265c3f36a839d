#include "spoken_text.h"

#include <array>
#include <cctype>

namespace kiosk {
namespace {

// 1..14 in Dutch ("één" with accents: a synthesiser reads a bare "een" as the article).
std::string dutchNumber(int n) {
    static const std::array<const char*, 15> words = {"nul",  "\xC3\xA9\xC3\xA9n", "twee", "drie",  "vier",
                                                      "vijf", "zes",               "zeven", "acht", "negen",
                                                      "tien", "elf",               "twaalf", "dertien", "veertien"};
    return n >= 0 && n < static_cast<int>(words.size()) ? words[static_cast<size_t>(n)] : std::to_string(n);
}

// 1..29 in English.
std::string englishNumber(int n) {
    static const std::array<const char*, 20> words = {"zero",    "one",     "two",       "three",    "four",
                                                      "five",    "six",     "seven",     "eight",    "nine",
                                                      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                                      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    if (n >= 0 && n < 20) return words[static_cast<size_t>(n)];
    if (n == 20) return "twenty";
    if (n > 20 && n < 30) return std::string("twenty-") + words[static_cast<size_t>(n - 20)];
    return std::to_string(n);
}

int twelveHour(int hour) {
    const int h = hour % 12;
    return h == 0 ? 12 : h;
}

std::string dutchTime(int hour, int m) {
    const std::string h = dutchNumber(twelveHour(hour)), next = dutchNumber(twelveHour(hour + 1));
    if (m == 0) return h + " uur";
    if (m == 15) return "kwart over " + h;
    if (m < 15) return dutchNumber(m) + " over " + h;
    if (m < 30) return dutchNumber(30 - m) + " voor half " + next;
    if (m == 30) return "half " + next;
    if (m < 45) return dutchNumber(m - 30) + " over half " + next;
    if (m == 45) return "kwart voor " + next;
    return dutchNumber(60 - m) + " voor " + next;
}

std::string englishTime(int hour, int m) {
    const std::string h = englishNumber(twelveHour(hour)), next = englishNumber(twelveHour(hour + 1));
    auto minutes = [](int n) { return englishNumber(n) + (n % 5 == 0 ? "" : n == 1 ? " minute" : " minutes"); };
    if (m == 0) return h + " o'clock";
    if (m == 15) return "quarter past " + h;
    if (m == 30) return "half past " + h;
    if (m == 45) return "quarter to " + next;
    if (m < 30) return minutes(m) + " past " + h;
    return minutes(60 - m) + " to " + next;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// A clock time starting at text[i] ("9:05" or "09:05", not part of a longer number): its length, else 0.
size_t timeAt(std::string_view text, size_t i, TimeOfDay& out) {
    if (i > 0 && (digit(text[i - 1]) || text[i - 1] == ':')) return 0;
    size_t n = 0;
    while (i + n < text.size() && n < 2 && digit(text[i + n])) ++n;
    const size_t len = n + 3;  // H:MM or HH:MM
    if (n == 0 || i + len > text.size() || text[i + n] != ':' || !digit(text[i + n + 1]) || !digit(text[i + n + 2])) return 0;
    if (i + len < text.size() && (digit(text[i + len]) || text[i + len] == ':')) return 0;
    const auto t = TimeOfDay::parse(text.substr(i, len));
    if (!t) return 0;
    out = *t;
    return len;
}

}  // namespace

std::string spokenTime(TimeOfDay t, Lang lang) {
    const int hour = t.minutes / 60, m = t.minutes % 60;
    return lang == Lang::nl ? dutchTime(hour, m) : englishTime(hour, m);
}

std::string speakable(std::string_view text, Lang lang) {
    std::string out;
    out.reserve(text.size() + 16);
    bool afterTime = false;  // the last thing said was a clock time: a dash after it means "to"
    for (size_t i = 0; i < text.size();) {
        TimeOfDay t;
        if (const size_t len = timeAt(text, i, t)) {
            out += spokenTime(t, lang);
            i += len;
            afterTime = true;
            continue;
        }
        const std::string_view rest = text.substr(i);
        auto take = [&](std::string_view s) { return rest.substr(0, s.size()) == s; };
        if (take("\xC4\xB3")) { out += "ij"; i += 2; }                          // ĳ
        else if (take("\xC4\xB2")) { out += "IJ"; i += 2; }                     // Ĳ
        else if (take("\xE2\x80\x93") || take("\xE2\x80\x94")) {                // en, em dash
            out += afterTime ? (lang == Lang::nl ? " tot " : " to ") : ", ";
            i += 3;
            continue;  // keeps afterTime for "09:00 – 10:30"
        } else if (take("\xE2\x80\xA6")) { i += 3; }                            // …
        else if (take("\xC2\xB7")) { out += ","; i += 2; }                      // ·
        else if (take("\xE2\x80\x98") || take("\xE2\x80\x99")) { out += "'"; i += 3; }  // ‘ ’
        else if (take("\xE2\x80\x9C") || take("\xE2\x80\x9D") || take("\xE2\x80\x9E")) { i += 3; }  // “ ” „
        else if (take(" s") && !out.empty() && out.back() >= '0' && out.back() <= '9' &&
                 (rest.size() == 2 || !std::isalpha(static_cast<unsigned char>(rest[2])))) {  // "nog 10 s": seconds
            const bool one = out.back() == '1' && (out.size() == 1 || out[out.size() - 2] < '0' || out[out.size() - 2] > '9');
            out += lang == Lang::nl ? (one ? " seconde" : " seconden") : (one ? " second" : " seconds");
            i += 2;
        } else if (text[i] == '-' && afterTime) { out += lang == Lang::nl ? " tot " : " to "; ++i; continue; }
        else {
            out += text[i];
            ++i;
            if (text[i - 1] == ' ') continue;  // a space between a time and its dash keeps afterTime
        }
        afterTime = false;
    }
    return out;
}

std::string spokenNumber(int n, Lang lang) { return lang == Lang::nl ? dutchNumber(n) : englishNumber(n); }

std::string spokenTimes(int n, Lang lang) {
    if (lang == Lang::nl) return dutchNumber(n) + " keer";
    if (n == 1) return "once";
    if (n == 2) return "twice";
    return englishNumber(n) + " times";
}

std::string spokenCode(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c == ' ') continue;
        if (!out.empty()) out += ' ';
        out += c;
    }
    return out;
}

}  // namespace kiosk
