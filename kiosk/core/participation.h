// participation.h: the statement of participation ("deelname-overzicht", issue 29): for each person
// of a cohort, every programme day with its theme, status (an excusal with its reason), first
// check-in, last check-out and hours, the days that count, the certificate state and the rule. For
// everyone, also those below the rule: HR files it as proof of what was followed.
// Read from the cohort matrix (what counts, day_counting.h) and the day records (the times).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cohort_matrix.h"

namespace kiosk {

struct StatementDay {
    ProgrammeDay day;
    std::optional<DayStatus> status;          // nullopt: still to come
    std::string excusedReason;                // status excused
    std::optional<TimeOfDay> firstIn, lastOut;
    int minutes = 0;                          // minutesCounted
    bool counts = false;                      // towards the certificate
    bool checkOutForgotten = false;           // an open interval past the day's end (counted to its end)
    std::optional<LocalDate> madeUpOn;        // made up with another cohort that date (catch_up.h): the
                                              // times are that day's
};

struct Statement {
    Participant participant;
    std::vector<StatementDay> days;  // every programme day of the cohort, in order
    int daysCounted = 0;
    int daysEnrolled = 0;            // the days not "n.v.t." (day_counting.h rule 4)
    int minutes = 0;                 // over all days
    CertificateState certificate = CertificateState::missed;
};

// One statement per row of `m`, in its order. `now` and `graceMinutes` decide forgotten check-outs.
std::vector<Statement> statements(const CohortMatrix& m, const DayRecords& records, Instant now, int graceMinutes);

// The rule in words, as the statement and the matrix print it: "certificaat bij 6 van de 7 dagen;
// een dag telt bij ten minste 75% van de programma-uren; afgemeld telt niet mee".
std::string ruleText(const CohortMatrix& m, const Texts& texts);

}  // namespace kiosk
