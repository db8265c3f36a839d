// cohort_matrix.h: the cohort's seven days side by side, for certificates (the "matrix").
// One row per participant of the cohort, one column per programme day, each person's count of
// days that count against the certificate rule (kiosk.toml [attendance]: certificate_min_days,
// e.g. 6 of 7, or the cohort's own in programme.toml; day_counts, excused_counts_for_certificate;
// the rules are in day_counting.h). A day made up with another cohort (catch_up.h) counts by the
// catch-up date's record and shows "ingehaald op <date>".
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

struct MatrixRow {
    Participant participant;
    std::vector<std::optional<DayStatus>> days;  // per column; nullopt: the day has not come yet (and
                                                 // nothing is known of it: an excusal to come shows)
    std::vector<std::string> excusedReasons;     // per column: the reason when the day is excused
    std::vector<int> minutes;                    // per column: minutes present (minutesCounted)
    std::vector<bool> counts;                    // per column: the day counts (dayCounts)
    std::vector<std::optional<LocalDate>> madeUpOn;  // per column: made up on that date (catch_up.h)
    int daysPresent = 0;                         // days that count (day_counting.h rule 1)
    int daysEnrolled = 0;                        // columns not "n.v.t." (day_counting.h rule 4)
    int daysNeeded = 0;                          // for the certificate: the minimum, less the days not enrolled
    int minutesPresent = 0;                      // over all days
    CertificateState certificate = CertificateState::missed;
    bool formerParticipant = false;  // no longer on the roster, but was there on one of the days
};

struct CohortMatrix {
    std::string cohortId;
    std::string cohortName;
    std::vector<ProgrammeDay> days;  // the cohort's programme days, in order
    int minDays = 0;                 // for the certificate (the cohort's own, else [attendance])
    CertificateRule rule;            // what counts (minDays as above)
    std::vector<MatrixRow> rows;     // by last name, the Dutch way
    int earned() const;
    int atRisk() const;
};

// The cohort of `shown` (or of the nearest programme day); days after `today` without a check-in
// are left open (still to come). One row per participant of that cohort in `roster`.
CohortMatrix cohortMatrix(const Programme& programme, const std::vector<Participant>& roster, const DayRecords& records,
                          LocalDate shown, LocalDate today, const CertificateRule& rule);
CohortMatrix cohortMatrix(const Programme& programme, const std::vector<Participant>& roster, const DayRecords& records,
                          const std::string& cohortId, LocalDate today, const CertificateRule& rule);

// As an export: code, first name, infix, last name, department, one column per day (headed
// "dag 1 (YYYY-MM-DD)"; an excused day "afgemeld: <reason>", a made-up one "ingehaald op 3 december"),
// days present, hours present, certificate.
ExportTable matrixTable(const CohortMatrix& m, const Texts& texts);
// A matrix cell in words: the status, an excusal's reason, "ingehaald op 3 december"; "" to come.
std::string matrixCellText(const MatrixRow& r, size_t column, const Texts& texts);

}  // namespace kiosk
