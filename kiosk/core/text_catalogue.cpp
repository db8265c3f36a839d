#include "text_catalogue.h"

namespace kiosk {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool validKey(std::string_view k) {
    if (k.empty()) return false;
    for (char c : k)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.')) return false;
    return true;
}

}  // namespace

Catalogue Catalogue::parse(std::string_view text, const std::string& fileName, Problems& problems) {
    Catalogue cat;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    int lineNo = 0;
    while (!text.empty()) {
        ++lineNo;
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
        line = trim(line);
        if (line.empty() || line.front() == '#') continue;
        const auto eq = line.find('=');
        if (eq == std::string_view::npos) {
            problems.push_back({fileName, lineNo, 1, Severity::error, "expected `key = text`"});
            continue;
        }
        const auto key = trim(line.substr(0, eq));
        const auto value = trim(line.substr(eq + 1));
        if (!validKey(key)) {
            problems.push_back({fileName, lineNo, 1, Severity::error, "invalid key `" + std::string(key) + "`"});
            continue;
        }
        // "\n" in a text is a line break.
        std::string v;
        for (size_t i = 0; i < value.size(); ++i) {
            if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == 'n') {
                v += '\n';
                ++i;
            } else {
                v += value[i];
            }
        }
        if (!cat.entries_.emplace(std::string(key), std::move(v)).second)
            problems.push_back({fileName, lineNo, 1, Severity::error, "duplicate key `" + std::string(key) + "`"});
    }
    return cat;
}

const std::string* Catalogue::find(std::string_view key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalogue::keys() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& [k, v] : entries_) out.push_back(k);
    return out;
}

const std::string& Texts::operator()(std::string_view key) const {
    if (const auto* s = catalogue(lang_).find(key)) return *s;
    if (const auto* s = nl_.find(key)) return *s;
    auto it = missing_.find(key);
    if (it == missing_.end()) {
        std::string shown;  // "[key]": a missing text shows itself
        shown += '[';
        shown += key;
        shown += ']';
        it = missing_.emplace(std::string(key), std::move(shown)).first;
    }
    return it->second;
}

std::string Texts::format(std::string_view key, const TextArgs& args) const {
    return substitute((*this)(key), args);
}

std::string substitute(std::string_view pattern, const TextArgs& args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const auto close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const auto inner = pattern.substr(i + 1, close - i - 1);
                // {n|one|other}: the singular when n is 1, else the plural (Dutch and English alike).
                const auto bar = inner.find('|');
                const auto name = inner.substr(0, bar);
                bool done = false;
                for (const auto& [k, v] : args)
                    if (k == name) {
                        if (bar == std::string_view::npos) {
                            out += v;
                        } else {
                            const auto forms = inner.substr(bar + 1);
                            const auto bar2 = forms.find('|');
                            out += v == "1" || bar2 == std::string_view::npos ? forms.substr(0, bar2) : forms.substr(bar2 + 1);
                        }
                        done = true;
                        break;
                    }
                if (done) {
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

std::string_view langCode(Lang l) { return l == Lang::nl ? "nl" : "en"; }

bool parseLang(std::string_view code, Lang& out) {
    if (code == "nl") out = Lang::nl;
    else if (code == "en") out = Lang::en;
    else return false;
    return true;
}

}  // namespace kiosk
