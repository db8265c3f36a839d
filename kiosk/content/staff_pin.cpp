#include "staff_pin.h"

#include <sodium.h>

#include <sstream>
#include <vector>

namespace kiosk {

bool validPin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 12 && pin.find_first_not_of("0123456789") == std::string::npos;
}

std::optional<std::string> hashPin(const std::string& pin) {
    if (sodium_init() < 0) return std::nullopt;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return std::nullopt;
    return std::string(out);
}

bool verifyPin(const std::string& hash, const std::string& pin) {
    if (hash.empty() || sodium_init() < 0) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
}

std::string withPinHash(const std::string& toml, const std::string& hash) {
    std::vector<std::string> lines;
    std::istringstream in(toml);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    auto trimmed = [](const std::string& s) {
        const auto b = s.find_first_not_of(" \t");
        return b == std::string::npos ? std::string{} : s.substr(b);
    };
    const std::string entry = "pin_hash = \"" + hash + "\"  # Argon2id, gezet met `leergang-kiosk set-pin`";
    int staff = -1;
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string t = trimmed(lines[i]);
        if (t.rfind("[", 0) == 0) {
            if (staff >= 0) break;  // past the [staff] table without a pin_hash line
            if (t.rfind("[staff]", 0) == 0) staff = static_cast<int>(i);
        } else if (staff >= 0 && t.rfind("pin_hash", 0) == 0 && t.find('=') != std::string::npos) {
            lines[i] = entry;
            staff = -2;  // done
            break;
        }
    }
    if (staff >= 0) lines.insert(lines.begin() + staff + 1, entry);
    if (staff == -1) {
        lines.emplace_back("");
        lines.emplace_back("[staff]");
        lines.push_back(entry);
    }
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace kiosk
