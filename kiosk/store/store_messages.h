// store_messages.h: what the store did at open, in the kiosk's words (Dutch or English), for the
// kiosk's start-up problems, the Status page, doctor and the command line: one place, so that every
// surface says the same thing (how many records were carried and how many could not be, a foreign
// WAL set aside, damage left alone because another process holds the database).
#pragma once

#include <string>
#include <vector>

#include "core/text_catalogue.h"
#include "store/attendance_db.h"

namespace kiosk {

// One line per thing worth telling staff; empty when the open was uneventful.
std::vector<std::string> describeOpenReport(const Texts& texts, const StoreOpenReport& report);

// "de klok staat op ..." for a clock check (empty words for a plausible clock are still returned).
std::string describeClock(const Texts& texts, const ClockCheck& check, Instant now, int retentionDays);

}  // namespace kiosk
