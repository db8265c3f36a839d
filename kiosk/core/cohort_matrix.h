// cohort_matrix.h: the cohort's seven days side by side, for certificates (the "matrix").
// One row per participant of the cohort, one column per programme day, each person's count of
// days present against the certificate rule (kiosk.toml: certificate_min_days, e.g. 6 of 7).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "attendance.h"
#include "export_table.h"
#include "participant.h"
#include "programme.h"
#include "text_catalogue.h"

namespace kiosk {

// Whether a participant earns the certificate.
enum class CertificateState {
    earned,     // present on at least the minimum number of days
    reachable,  // not yet, but still possible with the days to come
    missed,     // no longer possible
};
const char* certificateStateKey(CertificateState s);  // catalogue: matrix.certificate.<key>

struct MatrixRow {
    Participant participant;
    std::vector<std::optional<DayStatus>> days;  // per column; nullopt: the day has not come yet
    int daysPresent = 0;                         // days with a check-in (late and left early count)
    CertificateState certificate = CertificateState::missed;
    bool formerParticipant = false;  // no longer on the roster, but was there on one of the days
};

struct CohortMatrix {
    std::string cohortId;
    std::string cohortName;
    std::vector<ProgrammeDay> days;  // the cohort's programme days, in order
    int minDays = 0;                 // for the certificate
    std::vector<MatrixRow> rows;     // by last name, the Dutch way
    int earned() const;
};

// The cohort of `shown` (or of the nearest programme day); days after `today` without a check-in
// are left open (still to come). One row per participant of that cohort in `roster`.
CohortMatrix cohortMatrix(const Programme& programme, const std::vector<Participant>& roster, const DayRecords& records,
                          LocalDate shown, LocalDate today, int certificateMinDays);
CohortMatrix cohortMatrix(const Programme& programme, const std::vector<Participant>& roster, const DayRecords& records,
                          const std::string& cohortId, LocalDate today, int certificateMinDays);

// As an export: code, first name, infix, last name, department, one column per day (headed
// "dag 1 (YYYY-MM-DD)"), days present, certificate.
ExportTable matrixTable(const CohortMatrix& m, const Texts& texts);

}  // namespace kiosk
