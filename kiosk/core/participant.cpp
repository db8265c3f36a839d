#include "participant.h"

#include <cstdint>

#include "core/utf8.h"

namespace kiosk {
namespace {

// Latin-1 Supplement and Latin Extended-A folded to their base letters.
const char* foldLatin(uint32_t cp) {
    // U+00C0..U+00FF
    static constexpr const char* kLatin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};
    // U+0100..U+017F, in pairs (upper, lower) mostly
    static constexpr const char* kExtA[128] = {
        "a","a","a","a","a","a","c","c","c","c","c","c","c","c","d","d",
        "d","d","e","e","e","e","e","e","e","e","e","e","g","g","g","g",
        "g","g","g","g","h","h","h","h","i","i","i","i","i","i","i","i",
        "i","i","ij","ij","j","j","k","k","k","l","l","l","l","l","l","l",
        "l","l","l","n","n","n","n","n","n","n","n","n","o","o","o","o",
        "o","o","oe","oe","r","r","r","r","r","r","s","s","s","s","s","s",
        "s","s","t","t","t","t","t","t","u","u","u","u","u","u","u","u",
        "u","u","u","u","w","w","y","y","y","z","z","z","z","z","z","s"};
    if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F) return kExtA[cp - 0x100];
    return nullptr;
}

std::string join3(const std::string& a, const std::string& b, const std::string& c) {
    std::string s = a;
    for (const auto* part : {&b, &c})
        if (!part->empty()) {
            if (!s.empty()) s += ' ';
            s += *part;
        }
    return s;
}

}  // namespace

std::string foldForSearch(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        const uint32_t cp = utf8Next(s, i);
        if (cp < 0x80) {
            out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        } else if (const char* f = foldLatin(cp)) {
            out += f;
        } else if (cp == 0x2019 || cp == 0x2018) {
            out += '\'';
        } else {
            utf8Append(out, cp);
        }
    }
    return out;
}

std::string Participant::fullName() const { return join3(firstName, infix, lastName); }

std::string Participant::displayName(NameDisplay d) const {
    switch (d) {
        case NameDisplay::first_only: return firstName;
        case NameDisplay::full: return fullName();
        case NameDisplay::first_and_initial: {
            // "Anna de V." : the tussenvoegsel stays lower-case before the initial, the Dutch way.
            const std::string initial = firstCharacter(lastName);
            return join3(firstName, infix, initial.empty() ? std::string{} : initial + ".");
        }
    }
    return firstName;
}

std::string listName(const Participant& p) {
    std::string s = p.lastName;
    if (!p.firstName.empty() || !p.infix.empty()) s += ",";
    if (!p.firstName.empty()) s += " " + p.firstName;
    if (!p.infix.empty()) s += " " + p.infix;
    return s;
}

std::string lastNameSortKey(const Participant& p) {
    return foldForSearch(p.lastName) + '\x01' + foldForSearch(p.firstName) + '\x01' + foldForSearch(p.infix) +
           '\x01' + p.code;
}

std::string firstNameSortKey(const Participant& p) {
    return foldForSearch(p.firstName) + '\x01' + foldForSearch(p.lastName) + '\x01' + foldForSearch(p.infix) +
           '\x01' + p.code;
}

std::string searchText(const Participant& p) {
    return foldForSearch(p.firstName) + ' ' + foldForSearch(p.infix) + ' ' + foldForSearch(p.lastName);
}

bool matchesQuery(const Participant& p, std::string_view foldedQuery) { return matchesFolded(searchText(p), foldedQuery); }

bool matchesFolded(std::string_view hay, std::string_view foldedQuery) {
    size_t i = 0;
    while (i < foldedQuery.size()) {
        while (i < foldedQuery.size() && foldedQuery[i] == ' ') ++i;
        size_t j = i;
        while (j < foldedQuery.size() && foldedQuery[j] != ' ') ++j;
        if (j > i && hay.find(foldedQuery.substr(i, j - i)) == std::string::npos) return false;
        i = j;
    }
    return true;
}

std::string normaliseCode(std::string_view code) {
    std::string out;
    for (char c : code) {
        if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 32);
        else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
}

std::string firstCharacter(std::string_view s) {
    if (s.empty()) return {};
    size_t i = 0;
    utf8Next(s, i);
    return std::string(s.substr(0, i));
}

const char* nameDisplayKey(NameDisplay d) {
    switch (d) {
        case NameDisplay::first_and_initial: return "first_and_initial";
        case NameDisplay::first_only: return "first_only";
        case NameDisplay::full: return "full";
    }
    return "first_and_initial";
}

}  // namespace kiosk
