// staff_correction.cpp: the rules of a staff correction (design at the top of staff_correction.h).
#include "staff_correction.h"

namespace kiosk {

Instant correctionMoment(CorrectionEffect effect, LocalDate day, int minutes) {
    const bool timeless = effect == CorrectionEffect::set_absent || effect == CorrectionEffect::set_excused;
    return timeless ? fromLocal({day, 0, 0, 0}) : fromLocal({day, minutes / 60, minutes % 60, 0});
}

std::string checkStaffCorrection(const StaffForm& form, const Programme& programme, const std::string& cohortId,
                                 LocalDate day, Instant at, Instant now) {
    if (std::string e = checkStaffChange(form); !e.empty()) return e;
    if (form.effect == CorrectionEffect::set_excused) {
        bool programmeDay = false;
        for (const auto& d : programme.days) programmeDay = programmeDay || (d.date == day && d.cohortId == cohortId);
        if (!programmeDay) return "staff.error.not_programme_day";
    }
    return checkStaffTime(form, at, now);
}

}  // namespace kiosk
