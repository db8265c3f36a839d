// test_support.h: what the core tests share: the real catalogues and a time zone.
#pragma once

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

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

// The venue's time zone, for every test that converts instants to local days.
struct AmsterdamTime {
    AmsterdamTime() {
        setenv("TZ", "Europe/Amsterdam", 1);
        tzset();
    }
};

}  // namespace kiosk::test
