// meta_keys.h: every key of the database's meta table (key TEXT PRIMARY KEY, value TEXT), named
// once, with its owner and the format of its value. The store keeps the table and writes it like
// any other row (one durable commit, store/attendance_db.h); what a value means belongs to the
// owner named here. A database copied by `restore` or rebuilt by quarantine keeps every key.
#pragma once

#include <string>

#include "core/civil_time.h"

namespace kiosk::meta_keys {

// store/roster_sync.cpp: the hash of the config folder's participants.csv last imported (hex).
inline constexpr const char* kConfigRosterHash = "config_roster_hash";
// store/retention.cpp: the last day staff confirmed the clock (`confirm-clock`), YYYY-MM-DD.
inline constexpr const char* kClockConfirmedDay = "clock_confirmed_day";
// store/central_outbox.cpp, set when the database is made (store/store_schema.cpp, step 1), by
// cli/commands_store.cpp (`restore`) and by a refused push: this database's origin epoch for the
// central record (central/central_sync.h, rule 2), a decimal integer; unset = 0 (made before issue 27).
inline constexpr const char* kCentralEpoch = "central_epoch";
// store/central_outbox.cpp: the highest local sequence number the central server stored in this
// database's current epoch, "EPOCH:SEQ" (central/central_sync.h, rules 3 and 5).
inline constexpr const char* kCentralAcked = "central_acked";
// store/central_outbox.cpp: the last time the central server was found to lack events and how many
// were sent again, "<instant ms>:<n>" (central/central_sync.h, rule 5; Status page and doctor).
inline constexpr const char* kCentralRecovered = "central_recovered";
// store/central_outbox_identity.cpp: the kiosk id this database last pushed under, and every
// "OLD-ID:OLD-EPOCH" it pushed under before, one a line (central/central_sync.h, rule 13).
inline constexpr const char* kCentralKioskId = "central_kiosk_id";
inline constexpr const char* kCentralFormerIds = "central_former_ids";
// central/central_roster.cpp: what this kiosk last agreed with the server per cohort
// (formatAgreedRoster: "cohort version hash" per line).
inline constexpr const char* kCentralRoster = "central_roster";
// central/central_sync.cpp: the cohorts the server said this kiosk serves at its last pull, one
// per line (a cohort added since is pulled from the start: central_sync.h, rule 10); unset = pulled
// before central schema 6.
inline constexpr const char* kCentralPulledCohorts = "central_pulled_cohorts";
// session/staff_desk.cpp: the staff PIN lock-out (core/pin_lockout.h, PinLockout::serialise).
inline constexpr const char* kStaffPinLockout = "staff_pin_lockout";
// session/running_late.cpp: the facilitator code's lock-out (same format as the staff PIN's).
inline constexpr const char* kFacilitatorCodeLockout = "facilitator_code_lockout";
// session/staff_desk.cpp and cli/commands_attendance.cpp: the last export, "<instant ms> <path>"
// (export/export_files.h, lastExportValue).
inline constexpr const char* kLastExport = "last_export";
// session/kiosk_session.cpp: an exercise run stopped today (core/exercise_player.h, StoppedRun as text).
inline constexpr const char* kExerciseStoppedRun = "exercise_stopped_run";
// store/erasure.cpp: the random key (64 hex digits) of the tombstones' keyed hashes, made at the
// first `privacy erase`.
inline constexpr const char* kErasureKey = "erasure_key";
// store/erasure.cpp: a person erased on request, one key per person ("erased/<32 hex digits>",
// a keyed hash of the code, no name), its value "YYYY-MM-DD reason".
inline std::string erasedPerson(const std::string& keyedHash) { return "erased/" + keyedHash; }
// central/central_erasure.cpp: a central tombstone (central schema 8) applied here, one key per
// tombstone ("central_erased/<cohort>/<64 hex digits>", the server's keyed hash, no name), its value
// "YYYY-MM-DD reason"; and the cohort's key the server hashes with ("central_erasure_key/<cohort>",
// 64 hex digits), so that an import or pull later leaves a person out this kiosk never held.
inline constexpr const char* kCentralErasureKeyPrefix = "central_erasure_key/";
inline std::string centralErasureKey(const std::string& cohort) { return kCentralErasureKeyPrefix + cohort; }
inline std::string centralErased(const std::string& cohort, const std::string& hash) {
    return "central_erased/" + cohort + "/" + hash;
}
// session/running_late.cpp: the day's agenda shift, one key per day ("agenda_shift/YYYY-MM-DD"),
// its value AgendaShift::serialise ("HH:MM N", minutes).
inline std::string agendaShift(LocalDate day) { return "agenda_shift/" + day.iso(); }

}  // namespace kiosk::meta_keys
