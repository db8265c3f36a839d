// Fuzzes the CSV export round trip: whatever names and departments are on the roster, the exported
// presence list reads back with the same cells (formula cells neutralised), for ';' and ','.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/csv.h"
#include "core/presence_list.h"
#include "core/text_checks.h"
#include "test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string in(reinterpret_cast<const char*>(data), size);
    // Fields separated by 0x1F (unit separator); groups of five make participants.
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t i = 0; i <= in.size(); ++i)
        if (i == in.size() || in[i] == '\x1F') {
            fields.push_back(in.substr(start, i - start));
            start = i + 1;
        }
    std::vector<kiosk::PresenceRow> rows;
    for (size_t i = 0; i + 5 <= fields.size() && rows.size() < 50; i += 5) {
        kiosk::PresenceRow r;
        r.date = {2026, 11, 26};
        r.participant = {fields[i], fields[i + 1], fields[i + 2], fields[i + 3], fields[i + 4], "c", ""};
        rows.push_back(std::move(r));
    }
    for (char delim : {';', ','}) {
        const std::string csv = kiosk::presenceCsv(rows, kiosk::test::texts(), delim);
        kiosk::Problems problems;
        const auto table = kiosk::parseCsv(csv, "export.csv", kiosk::test::texts(), problems);
        if (!problems.empty()) __builtin_trap();
        if (table.records.size() < 1) __builtin_trap();
        // Records that are not wholly empty come back one for one, cell for cell.
        size_t rec = 1;
        for (const auto& r : rows) {
            if (rec >= table.records.size()) __builtin_trap();
            const auto& f = table.records[rec++].fields;
            if (f.size() != table.records[0].fields.size()) __builtin_trap();  // as many cells as the header
            // What is exported is the valid UTF-8 form of what is stored (bad bytes as U+FFFD).
            auto shown = [](const std::string& s) { return kiosk::neutraliseFormula(kiosk::validText(s)); };
            if (f[1] != shown(r.participant.code)) __builtin_trap();
            if (f[2] != shown(r.participant.firstName)) __builtin_trap();
            if (f[5] != shown(r.participant.department)) __builtin_trap();
        }
    }
    return 0;
}
