// diagnostics.h: a problem found in a file a person edits, reported where it is.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

enum class Severity { error, warning };

struct Problem {
    std::string file;     // as the person knows it, e.g. "programme.toml"
    int line = 0;         // 1-based; 0 when the problem concerns the whole file
    int column = 0;       // 1-based; 0 when unknown
    Severity severity = Severity::error;
    std::string message;  // in the kiosk's language

    // "programme.toml:12:5: message" (compiler style, so editors can jump to it)
    std::string format() const {
        std::string s = file;
        if (line > 0) {
            s += ':';
            s += std::to_string(line);
            if (column > 0) {
                s += ':';
                s += std::to_string(column);
            }
        }
        s += ": ";
        s += message;
        return s;
    }
};

using Problems = std::vector<Problem>;

inline bool hasErrors(const Problems& ps) {
    for (const auto& p : ps)
        if (p.severity == Severity::error) return true;
    return false;
}

}  // namespace kiosk
