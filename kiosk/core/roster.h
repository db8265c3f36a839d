// roster.h: participants.csv as staff keep it, validated row by row.
//
// Columns are matched by header, case-insensitive, in any order, Dutch or English:
//   code | voornaam/first_name | tussenvoegsel/infix | achternaam/last_name |
//   afdeling/department | groep/cohort | email (optional) |
//   vanaf/from, tot/until (optional: the first and last date of a late joiner or leaver, both
//   included; 2027-01-14 or 14-01-2027; day_counting.h rule 4)
// Every problem is reported at once with its line; a roster with any error is refused whole.
// Text rules (text_checks.h): the file must be UTF-8 (a Windows-1252 file from Excel's plain "CSV"
// is refused at its first such byte, file:line:col, with the advice to save as "CSV UTF-8"); no
// field holds a control character (NUL included); every field has a length limit (kRosterLimits).
// A list with a header and no participants is refused unless `allowEmpty` (a staff member's
// explicit `import-roster --allow-empty`): it would take everybody off the kiosk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.h"
#include "participant.h"
#include "programme.h"
#include "text_catalogue.h"

namespace kiosk {

struct RosterRow {
    int line = 0;
    Participant participant;
};

// The roster as the store takes it (store/store_opening.h): its validated rows and the file's text,
// whose hash tells whether it changed since the last import. The text is not owned.
struct RosterInput {
    std::vector<Participant> rows;
    std::string_view csvText;
};

struct RosterParse {
    std::vector<RosterRow> rows;
    Problems problems;  // errors refuse the whole file; warnings do not
    bool ok() const { return !hasErrors(problems); }
};

// knownCohorts: the programme's cohorts; a row naming another cohort is an error. nullptr when the
// programme itself could not be read (then cohorts are not checked, to avoid an error per row).
RosterParse parseRoster(std::string_view csvText, const std::string& fileName,
                        const std::vector<Cohort>* knownCohorts, const Texts& texts, bool allowEmpty = false);

// Longest field values, in characters.
struct RosterLimits {
    size_t code = 32, name = 100, infix = 30, department = 200, cohort = 64, email = 254, date = 10;
};
inline constexpr RosterLimits kRosterLimits{};

// True when `text` is not UTF-8 but every byte is a Windows-1252 character (what Dutch Excel's plain
// "CSV" writes): the message then names that encoding.
bool looksLikeWindows1252(std::string_view text);

}  // namespace kiosk
