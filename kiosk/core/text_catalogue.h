// text_catalogue.h: every string a person sees, by meaning, in Dutch first and English second.
//
// Catalogues are plain files (assets/text/nl.txt, en.txt), one `key = text` per line, `#` starts a
// comment line. Placeholders are named: "Welkom, {name}!"; a count chooses its word with
// "{n} {n|persoon|personen}" (the first form for 1, the second otherwise). The files are embedded in the binary at
// build time, so a kiosk never runs without its words; a test proves both languages have every key
// and that every key the code asks for exists.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "civil_time.h"
#include "diagnostics.h"

namespace kiosk {

class Catalogue {
public:
    // Parses a catalogue file; problems (syntax, duplicate keys) are appended with file:line.
    static Catalogue parse(std::string_view text, const std::string& fileName, Problems& problems);

    const std::string* find(std::string_view key) const;
    std::vector<std::string> keys() const;

private:
    std::map<std::string, std::string, std::less<>> entries_;
};

using TextArgs = std::vector<std::pair<std::string_view, std::string>>;

// Both catalogues plus the language in use. Missing keys fall back to Dutch, then to the key itself
// (visible, so a missing text is noticed, never a crash).
class Texts {
public:
    Texts() = default;
    Texts(Catalogue nl, Catalogue en, Lang lang) : nl_(std::move(nl)), en_(std::move(en)), lang_(lang) {}

    const std::string& operator()(std::string_view key) const;
    std::string format(std::string_view key, const TextArgs& args) const;
    Lang lang() const { return lang_; }
    void setLang(Lang l) { lang_ = l; }
    const Catalogue& catalogue(Lang l) const { return l == Lang::nl ? nl_ : en_; }

private:
    Catalogue nl_, en_;
    Lang lang_ = Lang::nl;
    mutable std::map<std::string, std::string, std::less<>> missing_;
};

// Replaces {name} placeholders, and {name|one|other} by the form for that count.
std::string substitute(std::string_view pattern, const TextArgs& args);

std::string_view langCode(Lang l);
bool parseLang(std::string_view code, Lang& out);

}  // namespace kiosk
