// attendance_settings.h: the `[attendance]` table of kiosk.toml, the rules that read the record
// (core/attendance.h, core/day_counting.h):
//   late_grace_minutes, early_leave_grace_minutes   0-240, default 10
//   certificate_min_days                            0-100, default 6 (a [[cohort]] in programme.toml may set its own)
//   day_counts                                      "any_check_in" (default) or "share"
//   min_share_percent                               1-100, default 75 (with "share")
//   excused_counts_for_certificate                  default false
//   forgotten_checkout_grace_minutes                0-720, default 60
//   max_catch_ups                                   0-7, default 1: made-up days ("inhaal") that count (core/catch_up.h)
// Each problem at its file:line:col; an absent key keeps the default.
#pragma once

#include <string>
#include <toml++/toml.h>

#include "core/diagnostics.h"
#include "core/kiosk_settings.h"
#include "core/text_catalogue.h"

namespace kiosk {

void readAttendanceSettings(const toml::table& attendance, const std::string& file, const Texts& texts, Problems& problems,
                            KioskSettings& s);

}  // namespace kiosk
