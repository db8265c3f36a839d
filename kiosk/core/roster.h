// roster.h: participants.csv as staff keep it, validated row by row.
//
// Columns are matched by header, case-insensitive, in any order, Dutch or English:
//   code | voornaam/first_name | tussenvoegsel/infix | achternaam/last_name |
//   afdeling/department | groep/cohort | email (optional)
// Every problem is reported at once with its line; a roster with any error is refused whole.
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

struct RosterParse {
    std::vector<RosterRow> rows;
    Problems problems;  // errors refuse the whole file; warnings do not
    bool ok() const { return !hasErrors(problems); }
};

// knownCohorts: the programme's cohorts; a row naming another cohort is an error. nullptr when the
// programme itself could not be read (then cohorts are not checked, to avoid an error per row).
RosterParse parseRoster(std::string_view csvText, const std::string& fileName,
                        const std::vector<Cohort>* knownCohorts, const Texts& texts);

}  // namespace kiosk
