// presence_list.h: the day's presence list (presentielijst), derived from the ledger, and its CSV.
// One row per rostered participant of that day's cohort (absent ones included), then guests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attendance.h"
#include "day_counting.h"
#include "export_table.h"
#include "participant.h"
#include "programme.h"
#include "text_catalogue.h"

namespace kiosk {

struct PresenceRow {
    LocalDate date;
    Participant participant;  // for a guest: firstName = the name as typed, department = organisation
    bool guest = false;
    DayStatus status = DayStatus::absent;
    std::optional<TimeOfDay> checkIn, checkOut;  // local: the first check-in, the last check-out
    std::optional<int> minutesPresent;           // in closed intervals; none before the first check-out
    bool corrected = false;
    std::string excusedReason;       // status excused: staff's reason
    bool checkOutForgotten = false;  // an interval still open after the day's end (day_counting.h rule 2)
    bool formerParticipant = false;  // no longer on the roster, but has something on this day
    // Of a cohort that does not meet that date, with a check-in: a visitor from
    // another group, perhaps making up a day of their own (core/catch_up.h).
    bool otherGroup = false;
    int madeUpDay = 0;               // otherGroup: the number of the own day this check-in made up (0: none known)
    std::string ownGroupName;        // otherGroup: the name of the person's own group (its id when it has none)
    // The group whose day this row is filed under that date (presenceParts): the person's own
    // group when it meets that date, else the group they visited (catch_up.h visitedDay). "": a
    // guest, or a date outside the programme.
    std::string groupId;
    std::string guestEventId;     // a guest: the walk-in's event (for staff's review)
    bool guestConfirmed = false;  // a guest: staff confirmed the walk-in
};

// Participants of the day's cohort (all, if the date is not a programme day), sorted by last name
// the Dutch way, then people of other cohorts with a check-in that date
// (otherGroup), then that day's guests in order of arrival. `now` decides which open intervals
// are forgotten check-outs. Each row is filed by the group whose day the person attended that
// date (PresenceRow::groupId), never by the roster alone: a visitor from another group is on the
// list of the group they came to, and a visit that staff marked as the make-up of an own day
// (catch_up.h, counted as the matrix counts it: resolveCatchUps with rules.maxCatchUps) says
// which day (madeUpDay) of which group (ownGroupName). `records` must hold the visitors' own
// days for that; a DayRecords without them gives madeUpDay 0 ("perhaps a make-up").
std::vector<PresenceRow> presenceList(const Programme& programme, const std::vector<Participant>& roster,
                                      const DayRecords& records, LocalDate date, const AttendanceRules& rules, Instant now);

// A date's list split by group (issue 30, item 6): one part per group meeting that date, in the
// cohorts' file order, each with the rows filed under it (PresenceRow::groupId: its own people,
// then its visitors) in the list's order; the day's guests in a part of their own after them (a
// walk-in names no group). A date with one group (or none) is one part
// holding every row, guests last, exactly the list as it was.
struct PresencePart {
    std::string cohortId;              // "" : the guests' part, or a date outside the programme
    std::string groupName;             // the cohort's name (its id when it has none); "" as above
    const ProgrammeDay* day = nullptr;  // that group's day on the date
    bool guestsOnly = false;
    std::vector<PresenceRow> rows;
};
std::vector<PresencePart> presenceParts(const Programme& programme, const std::vector<PresenceRow>& rows, LocalDate date);

// The list as an export: date, code, first name, infix, last name, department, status, first
// check-in, last check-out, minutes present, note (the excusal's reason, "uitchecken vergeten",
// a correction, a guest); headers in the texts' language, dates YYYY-MM-DD, local times HH:MM.
ExportTable presenceTable(const std::vector<PresenceRow>& rows, LocalDate date, const Texts& texts);
// A date with two or more groups: the parts one after the other, a last column naming each row's
// group ("gast" for the guests' part), and a sheet per part (XLSX: each group on its own sheet,
// titled with the group's name). One part: presenceTable of its rows, unchanged.
ExportTable presenceTable(const std::vector<PresencePart>& parts, LocalDate date, const Texts& texts);
// The same as CSV (export_table.h): what `export` writes and the staff screen saves.
std::string presenceCsv(const std::vector<PresenceRow>& rows, const Texts& texts, char delimiter = ';');

}  // namespace kiosk
