// test_support.h: what the core tests share: the real catalogues and a time zone.
#pragma once

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/text_catalogue.h"

namespace kiosk::test {

inline std::string readSourceFile(const std::string& relative) {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The real catalogues from assets/text, in `lang`.
inline const Texts& texts(Lang lang = Lang::nl) {
    static Texts nl = [] {
        Problems p;
        return Texts(Catalogue::parse(readSourceFile("assets/text/nl.txt"), "nl.txt", p),
                     Catalogue::parse(readSourceFile("assets/text/en.txt"), "en.txt", p), Lang::nl);
    }();
    static Texts en = [] {
        Texts t = nl;
        t.setLang(Lang::en);
        return t;
    }();
    return lang == Lang::nl ? nl : en;
}

// The participant codes of the bundled sample roster (config/participants.csv), in file order:
// for tests that count or check rows against the roster under test rather than a fixed number.
inline std::vector<std::string> sampleRosterCodes() {
    std::istringstream in(readSourceFile("config/participants.csv"));
    std::vector<std::string> codes;
    std::string line;
    std::getline(in, line);  // the header
    while (std::getline(in, line))
        if (const auto code = line.substr(0, line.find(';')); !code.empty() && code != "\r") codes.push_back(code);
    return codes;
}

// The venue's time zone, for every test that converts instants to local days.
struct AmsterdamTime {
    AmsterdamTime() {
        setenv("TZ", "Europe/Amsterdam", 1);
        tzset();
    }
};

}  // namespace kiosk::test
