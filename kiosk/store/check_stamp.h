// check_stamp.h: when a database file was last found sound by a full check (PRAGMA quick_check),
// remembered beside it in `<db>.checked` (attendance_db.h, contract 4c).
//
// Written only when the kiosk's connection closes cleanly after a check passed that day (so a
// crash, a kill or a power cut leaves the old stamp, which then no longer matches). At open, the
// check may be skipped only when all of these hold: the stamp names today, the file is the same
// file (device, inode) with the same size and modification time to the nanosecond, and there is
// no WAL with frames to apply. Anything that touched the file since (a restore by hand, a copy,
// another tool, a damaged write) changes its stat and brings the full check back; the first start
// of each day checks in full anyway (as it makes the day's backup).
#pragma once

#include <filesystem>

#include "core/civil_time.h"

namespace kiosk {

// Whether `db` is, by its stat, the file a full check found sound on `today` (see above).
bool soundSinceCheck(const std::filesystem::path& db, LocalDate today);
// Remembers that `db`, as it is on disk now, was found sound on `checkedOn`. Best effort: a stamp
// that cannot be written only means a full check at the next start.
void stampCheck(const std::filesystem::path& db, LocalDate checkedOn);
// Forgets the stamp (before anything that may change the file without a clean close).
void forgetCheck(const std::filesystem::path& db);
// Remembers that `db` was found damaged, or failed to read, while the kiosk ran (a check run after
// the first frame, a damaged page): the next open checks it in full before anything else
// (attendance_db.h, contract 4c). Best effort, like the stamp.
void markSuspect(const std::filesystem::path& db);
bool markedSuspect(const std::filesystem::path& db);

}  // namespace kiosk
