// privacy_register.h: the columns docs/privacy.md (the processing register) names, per section:
// every `table.column` at the start of a table row under the heading that begins with `heading`,
// up to the next heading of that level.
#pragma once

#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace kiosk::test {

inline std::set<std::string> registerColumns(const std::string& heading) {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/docs/privacy.md");
    std::set<std::string> out;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) inside = line.rfind(heading, 0) == 0;
        if (!inside || line.rfind("| `", 0) != 0) continue;
        const size_t end = line.find('`', 3);
        if (end != std::string::npos) out.insert(line.substr(3, end - 3));
    }
    return out;
}

}  // namespace kiosk::test
