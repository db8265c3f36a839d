// code_resolver.h: one person, one code. Every lookup of a participant by a typed, scanned or
// imported code goes through CodeIndex::resolve, so the kiosk, the command line and a roster import
// cannot disagree about who a code means.
//
// Contract
//   1. A code is compared normalised (normaliseCode: letters upper-cased, separators dropped).
//   2. A code made only of digits is a number: "0007", "007" and "7" are one code. Excel reads a
//      code column as numbers and saves "0007" as "7"; the printed badge keeps the zeros. Codes with
//      letters keep every character ("ZU01" is not "ZU1").
//   3. The stored form wins: resolve() answers with the code as the roster first stored it, and an
//      import rewrites an equivalent incoming code to that form (restoreStoredForms). So the badge
//      "0007" and Excel's "7" both find Bram Verhoef, with one history, whichever came first.
//   4. An exact stored match wins over an equivalent one; two stored codes that are equivalent (an
//      old database that already split someone) make a non-exact lookup `ambiguous`, never a guess.
//   5. Whether a resolved code may be used at the door (check-in, check-out, undo) is decided by
//      mayRecordAttendance() alone: only an active participant. The kiosk and `checkin`/`checkout`
//      on the command line both ask it.
//
// Why normalise rather than refuse an Excel-stripped list: staff save the roster from Excel every
// time they add someone, and Excel strips the zeros every time. Refusing would keep the kiosk on
// yesterday's list at the door (the newcomer missing) for a fault nobody can see in Excel; and a
// refusal cannot help a kiosk whose very first list came without zeros while the badges have them.
// Normalising loses nothing: the stored form is kept, every rewrite is reported (import-roster and
// the Status page), and a list that holds "7" and "0007" as two rows is refused as a duplicate.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "participant.h"

namespace kiosk {

// The key two codes share when they are one code: the normalised code, and for digits-only codes
// without leading zeros ("0007" -> "7", "000" -> "0").
std::string codeKey(std::string_view code);

enum class CodeMatch { unknown, active, inactive, ambiguous };

struct CodeResolution {
    CodeMatch match = CodeMatch::unknown;
    size_t ref = 0;          // the caller's reference given to add(), when active or inactive
    std::string storedCode;  // the code as stored, when active or inactive
};

// The one rule for the door: only an active participant's code checks in, out or undoes.
inline bool mayRecordAttendance(const CodeResolution& r) { return r.match == CodeMatch::active; }

class CodeIndex {
public:
    CodeIndex() = default;
    // `ref` is the caller's own (an index into its list).
    void add(const std::string& storedCode, bool active, size_t ref);
    CodeResolution resolve(std::string_view typed) const;
    bool empty() const { return exact_.empty(); }

private:
    struct Entry {
        std::string code;
        bool active = true;
        size_t ref = 0;
    };
    std::vector<Entry> entries_;
    std::unordered_map<std::string, size_t> exact_;             // stored code -> entry
    std::unordered_map<std::string, std::vector<size_t>> byKey_;  // codeKey -> entries
};

// An incoming code rewritten to the form the roster already stores ("7" -> "0007").
struct CodeRestored {
    size_t row = 0;        // index into the incoming list
    std::string incoming;  // "7"
    std::string stored;    // "0007"
};
// Rewrites every incoming code that is equivalent to a stored one (and not stored exactly) to the
// stored form, and returns what it rewrote. Codes that are ambiguous among the stored ones are
// left as they are.
std::vector<CodeRestored> restoreStoredForms(std::vector<Participant>& incoming, const CodeIndex& stored);
// The same rewrites applied to another copy of the incoming list (the kiosk's roster after a sync).
void applyRestored(std::vector<Participant>& incoming, const std::vector<CodeRestored>& restored);

}  // namespace kiosk
