// presence_list.h: the day's presence list (presentielijst), derived from the ledger, and its CSV.
// One row per rostered participant of that day's cohort (absent ones included), then guests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attendance.h"
#include "participant.h"
#include "programme.h"
#include "text_catalogue.h"

namespace kiosk {

struct PresenceRow {
    LocalDate date;
    Participant participant;  // for a guest: firstName = the name as typed, department = organisation
    bool guest = false;
    DayStatus status = DayStatus::absent;
    std::optional<TimeOfDay> checkIn, checkOut;  // local
    bool corrected = false;
};

// Participants of the day's cohort (all, if the date is not a programme day), sorted by last name
// the Dutch way, then that day's guests in order of arrival.
std::vector<PresenceRow> presenceList(const Programme& programme, const std::vector<Participant>& roster,
                                      const AttendanceLedger& ledger, LocalDate date, const AttendanceRules& rules);

// CSV as Dutch Excel expects: UTF-8 with BOM, CRLF, RFC 4180 quoting, `delimiter` (';' default),
// headers in the texts' language; cells that could start a formula are neutralised (OWASP).
std::string presenceCsv(const std::vector<PresenceRow>& rows, const Texts& texts, char delimiter = ';');

// A leading apostrophe for cells beginning with = + - @ tab CR or LF, so no cell is ever a formula.
std::string neutraliseFormula(std::string_view cell);

}  // namespace kiosk
