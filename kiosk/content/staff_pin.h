// staff_pin.h: the staff PIN, stored only as an Argon2id hash (libsodium crypto_pwhash_str, at the
// interactive limits or stronger) in kiosk.toml's [staff] pin_hash.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk {

// Why a new PIN is refused: a PIN is 6 to 12 digits (kMinPinDigits), and none that is guessed first:
// one digit repeated or a short group repeated (000000, 121212, 123123), a run up or down (123456,
// 987654, 890123), or one of a short blocklist of keypad patterns and mirrors (147258, 123321).
// A PIN set before these rules still opens staff mode; only set-pin applies them.
enum class PinProblem { none, format, trivial };
inline constexpr size_t kMinPinDigits = 6;
PinProblem pinProblem(const std::string& pin);
std::optional<std::string> hashPin(const std::string& pin);  // "$argon2id$..."; nullopt if hashing failed
bool verifyPin(const std::string& hash, const std::string& pin);

// A fingerprint of a secret (BLAKE2b, 16 hex digits; "" for ""): the key a PIN lock-out is counted
// against (pin_lockout.h rule 2), so that a new PIN or code starts afresh. Never the secret itself.
std::string secretTag(const std::string& secret);

// kiosk.toml's text with [staff] pin_hash set to `hash` (the line replaced, or added), comments and
// everything else kept as they were.
std::string withPinHash(const std::string& kioskToml, const std::string& hash);

}  // namespace kiosk
