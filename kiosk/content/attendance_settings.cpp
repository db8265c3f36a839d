// attendance_settings.cpp: the `[attendance]` table of kiosk.toml (see attendance_settings.h).
#include "attendance_settings.h"

#include "toml_table_reader.h"

namespace kiosk {

void readAttendanceSettings(const toml::table& attendance, const std::string& file, const Texts& texts, Problems& problems,
                            KioskSettings& s) {
    TomlTableReader r(attendance, file, "[attendance]", texts, problems);
    if (auto v = r.integer("late_grace_minutes", false, 0, 240)) s.lateGraceMinutes = static_cast<int>(*v);
    if (auto v = r.integer("early_leave_grace_minutes", false, 0, 240)) s.earlyLeaveGraceMinutes = static_cast<int>(*v);
    if (auto v = r.integer("certificate_min_days", false, 0, 100)) s.certificateMinDays = static_cast<int>(*v);
    if (auto v = r.string("day_counts", false)) {
        if (*v == dayCountsKey(DayCounts::share)) s.dayCounts = DayCounts::share;
        else if (*v == dayCountsKey(DayCounts::any_check_in)) s.dayCounts = DayCounts::any_check_in;
        else
            r.error(r.where("day_counts"), texts.format("problem.config.bad_choice",
                                                        {{"key", "day_counts"}, {"value", *v}, {"choices", "any_check_in, share"}}));
    }
    if (auto v = r.integer("min_share_percent", false, 1, 100)) s.minSharePercent = static_cast<int>(*v);
    if (auto v = r.boolean("excused_counts_for_certificate")) s.excusedCountsForCertificate = *v;
    if (auto v = r.integer("max_catch_ups", false, 0, 7)) s.maxCatchUps = static_cast<int>(*v);
    if (auto v = r.integer("forgotten_checkout_grace_minutes", false, 0, 720)) s.forgottenCheckoutGraceMinutes = static_cast<int>(*v);
    r.finish();
}

}  // namespace kiosk
