// ledger_days.h: which days the kiosk's ledger holds, and the matrix's fold (core/attendance.h,
// WHAT THE KIOSK HOLDS). Each frame the session says what is shown: today, and the day a staff page
// shows. This room tells the ledger to hold those days, asks the store thread once for a day the
// ledger newly holds and for the matrix's days of the shown cohort, and takes the answers: the
// screen shows "laden…" meanwhile and never waits on the disk.
//
// Contract:
//   1. At start (before the store thread runs) today is read through the by-day index, of the
//      shown cohorts only (loadToday); nothing else of the record is read.
//   2. A held day is asked for at most once until its answer came; an answer for a day no longer
//      held is dropped by the ledger (AttendanceLedger::loadDay).
//   3. The matrix's fold (SessionState::matrixFold) is asked for when the shown cohort's days
//      change, and again when another writer's event lands on one of those days that the ledger
//      does not hold (the ledger's own days are read from the ledger, always current).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/session_state.h"

namespace kiosk {

class LedgerDays {
public:
    explicit LedgerDays(SessionState& s) : s_(s) {}

    // The cohorts this kiosk shows: those of its programme and of its roster.
    std::vector<std::string> shownCohorts() const;
    // At start, on the store before its thread runs: the ledger holds today, read from the store.
    StoreStatus loadToday(AttendanceDb& db, LocalDate today);
    // Each frame: today, and the day a staff page shows (unset: no staff page).
    void frame(LocalDate today, std::optional<LocalDate> staffDay);
    // A store completion; false when it was not this room's.
    bool completed(const StoreCompletion& c);
    // Other writers' events (after the ledger took them): a day of the matrix folded again if needed.
    void arrived(const std::vector<AttendanceEvent>& events);

private:
    void askMatrix(LocalDate from, LocalDate to);

    SessionState& s_;
    std::set<uint64_t> dayTickets_;           // days asked for, not answered
    std::set<int64_t> asking_;                // ... those days
    std::set<int64_t> failed_;                // days whose reading failed, while they stay held
    uint64_t matrixTicket_ = 0;               // the matrix's fold asked for (0: none on its way)
    std::optional<std::pair<LocalDate, LocalDate>> matrixWanted_;  // the shown cohort's days
    bool matrixStale_ = false;                // asked again when the one on its way is in
};

}  // namespace kiosk
