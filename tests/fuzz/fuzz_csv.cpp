// Fuzzes the CSV reader and the roster on top of it: any bytes a person could save must give
// problems with lines, never a crash, a hang or a read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/roster.h"
#include "test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<kiosk::Cohort> cohorts{{"zutphen-2026", "Zutphen"}};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto r = kiosk::parseRoster(text, "participants.csv", &cohorts, kiosk::test::texts());
    for (const auto& p : r.problems)
        if (p.line < 0) __builtin_trap();
    for (const auto& row : r.rows)
        if (row.participant.code.empty() || row.line < 1) __builtin_trap();
    return 0;
}
