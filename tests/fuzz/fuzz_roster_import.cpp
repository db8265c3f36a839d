// Fuzzes the roster import as `import-roster` and the live reload run it (parseRoster, then the
// stored forms of codes that lost their leading zeros, core/code_resolver.h) with arbitrary bytes, any encoding: never a crash or a hang, and what
// is accepted is always valid UTF-8 without control characters, within the field limits; every
// message is valid UTF-8 without control characters (it is shown on a screen and in a terminal).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/code_resolver.h"
#include "core/roster.h"
#include "core/text_checks.h"
#include "test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<kiosk::Cohort> cohorts{{"zutphen-2026", "Zutphen"}};
    static const std::vector<std::string> known{"0007", "ZU01", "00", "0"};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool allowEmpty = size > 0 && (data[0] & 1);
    const auto r = kiosk::parseRoster(text, "participants.csv", &cohorts, kiosk::test::texts(), allowEmpty);
    for (const auto& p : r.problems) {
        if (p.line < 0 || p.column < 0) __builtin_trap();
        if (!kiosk::checkText(p.format(), 1u << 30, true).ok()) __builtin_trap();
    }
    if (r.ok() && r.rows.empty() && !allowEmpty) __builtin_trap();  // an empty list is never accepted silently
    for (const auto& row : r.rows) {
        const auto& p = row.participant;
        if (p.code.empty() || row.line < 1) __builtin_trap();
        for (const auto* f : {&p.code, &p.firstName, &p.infix, &p.lastName, &p.department, &p.cohortId, &p.email})
            if (!kiosk::checkText(*f, 254, false).ok()) __builtin_trap();
    }
    kiosk::CodeIndex index;
    for (size_t i = 0; i < known.size(); ++i) index.add(known[i], true, i);
    std::vector<kiosk::Participant> incoming;
    for (const auto& row : r.rows) incoming.push_back(row.participant);
    for (const auto& restored : kiosk::restoreStoredForms(incoming, index))
        if (restored.incoming == restored.stored || kiosk::codeKey(restored.incoming) != kiosk::codeKey(restored.stored) ||
            incoming[restored.row].code != restored.stored)
            __builtin_trap();
    return 0;
}
