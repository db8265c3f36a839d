// staff_pin.h: the staff PIN, stored only as an Argon2id hash (libsodium crypto_pwhash_str, at the
// interactive limits or stronger) in kiosk.toml's [staff] pin_hash.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

bool validPin(const std::string& pin);  // 4 to 12 digits
std::optional<std::string> hashPin(const std::string& pin);  // "$argon2id$..."; nullopt if hashing failed
bool verifyPin(const std::string& hash, const std::string& pin);

// kiosk.toml's text with [staff] pin_hash set to `hash` (the line replaced, or added), comments and
// everything else kept as they were.
std::string withPinHash(const std::string& kioskToml, const std::string& hash);

}  // namespace kiosk
