#include "staff_pin.h"

#include <sodium.h>

#include <sstream>
#include <vector>

namespace kiosk {

namespace {

// A short group of digits repeated to the end: 000000 (1), 121212 (2), 123123 (3), 12341234 (4).
bool repeatsGroup(const std::string& pin) {
    for (size_t period = 1; period <= pin.size() / 2; ++period) {
        bool same = true;
        for (size_t i = period; i < pin.size() && same; ++i) same = pin[i] == pin[i - period];
        if (same) return true;
    }
    return false;
}

// Every digit one up (or one down) from the one before, 9 wrapping to 0: 123456, 987654, 890123.
bool isRun(const std::string& pin, int step) {
    for (size_t i = 1; i < pin.size(); ++i)
        if ((pin[i - 1] - '0' + step + 10) % 10 != pin[i] - '0') return false;
    return true;
}

// Keypad columns and diagonals, mirrors and pairs: what people pick when told "no 123456".
constexpr const char* kBlocklist[] = {"112233", "111222", "123321", "321123", "147258", "258369", "147852",
                                      "159753", "357159", "789456", "456123", "102030", "010203", "123654",
                                      "112358", "100200", "999000"};

}  // namespace

PinProblem pinProblem(const std::string& pin) {
    if (pin.size() < kMinPinDigits || pin.size() > 12 || pin.find_first_not_of("0123456789") != std::string::npos)
        return PinProblem::format;
    if (repeatsGroup(pin) || isRun(pin, 1) || isRun(pin, -1)) return PinProblem::trivial;
    for (const char* blocked : kBlocklist)
        if (pin == blocked) return PinProblem::trivial;
    return PinProblem::none;
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

std::string secretTag(const std::string& secret) {
    if (secret.empty() || sodium_init() < 0) return {};
    unsigned char out[8];
    crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr, 0);
    static const char* hex = "0123456789abcdef";
    std::string tag;
    for (unsigned char b : out) {
        tag += hex[b >> 4];
        tag += hex[b & 15];
    }
    return tag;
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
