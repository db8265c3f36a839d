// programme_reader.h: programme.toml read into the core's Programme, every problem at file:line:col.
//
// THE SHAPE OF THE FILE (issue 30: several cohorts at one venue). A venue's staff write it by hand:
//   [[cohort]]                      one table per group: id (what participants.csv's groep names) and name
//   [[day]]                         one table per day, flat, each naming its group: cohort = "<id>",
//   [[day.agenda]]                  number (1..), date, theme, assignment, then its agenda items
// Why a `cohort` key on each day and not days nested under their cohort ([[cohort.day]]):
//   - it is the shape every existing file already has (the single-cohort sample), so nothing changes
//     for a venue with one group, and a second group is "copy the days, change cohort, number, date";
//   - a day is a self-contained block that can be moved anywhere in the file: staff may keep the file
//     by date (both groups' day on one date side by side, the way the venue plans its rooms) or by
//     group; a nested [[cohort.day.agenda]] silently belongs to whichever [[cohort]] came last, so a
//     block pasted in the wrong place would move a day to another group without any error;
//   - the roster and the central record already name the group by the same id (groep/cohort).
// The rules, checked per cohort: day numbers unique and increasing in file order, dates strictly
// increasing; an agenda's items do not overlap. Across cohorts: two groups may meet on one date, and
// an agenda item in the same room at an overlapping time as another group's is a warning (the venue
// may mean it, a shared lunch in the foyer; usually it is a typing error), at the later item's room.
#pragma once

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostics.h"
#include "core/programme.h"
#include "core/text_catalogue.h"

namespace kiosk {

// A reference from an agenda item to an exercise, checked once all exercises are known.
struct ExerciseRef {
    std::string id;
    toml::source_region where;
    int dayNumber;
    int slotMinutes;
};

// A cohort whose certificate needs more days than it has (its own [[cohort]] certificate_min_days,
// else [attendance]'s): a warning at that key, or at the cohort's id, in programme.toml.
void certificateMinimumWarnings(const toml::table& doc, const std::string& file, const Programme& prog, int attendanceMinDays,
                                const Texts& texts, Problems& problems);

void readProgramme(const toml::table& doc, const std::string& file, const Texts& texts, Problems& problems,
                   Programme& prog, std::vector<ExerciseRef>& refs);

}  // namespace kiosk
