// retention.cpp: purging by evidence, and the clock checks behind it.
//
// THE PURGE RULE (core/clock_evidence.h has the reasoning)
//   An event is deleted only when BOTH say it is older than the retention period:
//     - the clock:   its local date is before `cutoff` (today by the clock - retention), and
//     - the records: its local date is before the newest evidence - retention, where the newest
//                    evidence is the latest local date of a recorded event (or of a day staff
//                    confirmed the clock on, meta "clock_confirmed_day").
//   Events stamped before kEarliestPlausibleDay (a clock that had lost its time) are never purged
//   by age: their age is not known. So a clock set a year ahead, at start or while running, deletes
//   nothing that the clock set right would not; and the events such a clock would write are refused
//   when written (checkPlausible), so they can never become evidence for a later purge.
#include <sqlite3.h>

#include "attendance_db.h"
#include "quarantine.h"
#include "sqlite_statement.h"
#include "store/meta_keys.h"

namespace kiosk {

using store_detail::Statement;

namespace {
}

StoreStatus AttendanceDb::newestEvidence(std::optional<LocalDate>& out) {
    out.reset();
    if (auto s = ensureOpen(); !s.ok()) return s;
    // Through the by-day index, newest first: a seek, not a scan. Staff's word that someone will
    // not come (absent or excused, for a day to come), or that a day was made up before it came
    // (catch_up: written on the own day, core/catch_up.h), says nothing of the clock: passed over.
    Statement st(db_, "SELECT local_date FROM attendance_event WHERE local_date >= ?"
                      " AND NOT (kind = 'correction' AND effect IN ('set_absent', 'set_excused', 'catch_up'))"
                      " ORDER BY local_date DESC LIMIT 1");
    st.bind(1, kEarliestPlausibleDay.iso());
    const int rc = st.step();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return statusFrom(rc);
    if (rc == SQLITE_ROW) out = LocalDate::parse(st.text(0));
    std::string confirmed;
    if (auto s = meta(meta_keys::kClockConfirmedDay, confirmed); !s.ok() && s.kind != StoreErrorKind::other) return s;
    if (const auto c = LocalDate::parse(confirmed); c && (!out || *c > *out)) out = c;
    return {};
}

StoreStatus AttendanceDb::checkPlausible(const AttendanceEvent& e) {
    std::optional<LocalDate> newest;
    if (auto s = newestEvidence(newest); !s.ok()) return s;
    // The days the event counts for are what purge() weighs as evidence; when it was written
    // (recordedAt) is not, so a script's `checkin --at` on a real day is judged by that day.
    for (const LocalDate day : {e.day, localDateOf(e.at)}) {
        const ClockVerdict v = judgeDay(day, newest, retentionDays_);
        if (v != ClockVerdict::plausible)
            return {StoreErrorKind::clock_implausible,
                    std::string(clockVerdictKey(v)) + ": " + day.iso() +
                        (newest ? " (newest record " + newest->iso() + ", retention " + std::to_string(retentionDays_) + " days)"
                                : std::string{})};
    }
    return {};
}

StoreStatus AttendanceDb::checkClock(Instant now, ClockCheck& out) {
    out = {};
    if (auto s = newestEvidence(out.newestEvidence); !s.ok()) return s;
    out.verdict = judgeClock(localDateOf(now), out.newestEvidence, retentionDays_);
    return {};
}

StoreStatus AttendanceDb::confirmClock(Instant now) {
    if (readOnly_) return {StoreErrorKind::read_only, "opened read-only"};
    const LocalDate today = localDateOf(now);
    if (today < kEarliestPlausibleDay) return {StoreErrorKind::clock_implausible, std::string(clockVerdictKey(ClockVerdict::before_kiosk_existed))};
    return setMeta(meta_keys::kClockConfirmedDay, today.iso());
}

StoreStatus AttendanceDb::purge(LocalDate cutoff, int& removed, LocalDate* applied, int* removedPeople) {
    removed = 0;
    if (removedPeople) *removedPeople = 0;
    if (auto s = ensureOpen(); !s.ok()) return s;
    std::optional<LocalDate> newest;
    if (auto s = newestEvidence(newest); !s.ok()) return s;
    const LocalDate effective = evidenceCutoff(cutoff, newest, retentionDays_);
    if (applied) *applied = effective;
    if (sqlite3_get_autocommit(db_) == 0) exec("ROLLBACK");
    Statement st(db_, "DELETE FROM attendance_event WHERE local_date < ? AND local_date >= ?");
    st.bind(1, effective.iso());
    st.bind(2, kEarliestPlausibleDay.iso());
    const int rc = st.step();
    if (rc != SQLITE_DONE) return statusFrom(rc);
    removed = sqlite3_changes(db_);
    // The day's question's counts go by the same cut-off (day_feedback_store.cpp).
    Statement counts(db_, "DELETE FROM day_feedback_count WHERE local_date < ?");
    counts.bind(1, effective.iso());
    if (const int crc = counts.step(); crc != SQLITE_DONE) return statusFrom(crc);
    // Identities go with their last event: someone taken off the roster (active = 0) whom no event
    // names any more is deleted; someone still on the roster stays, events or not.
    Statement people(db_, "DELETE FROM participant WHERE active = 0 AND NOT EXISTS"
                          " (SELECT 1 FROM attendance_event e WHERE e.participant_code = participant.code)");
    if (const int prc = people.step(); prc != SQLITE_DONE) return statusFrom(prc);
    if (removedPeople) *removedPeople = sqlite3_changes(db_);
    // The damaged, before-restore and before-recovery copies beside the file hold the same names:
    // they go by the same cut-off (quarantine.h).
    removeAsideCopiesBefore(path_, effective);
    // Move the zeroed pages into the main file and empty the WAL, so the rows are gone from disk.
    return exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace kiosk
