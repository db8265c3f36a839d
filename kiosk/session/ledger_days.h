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
//   4. The History page's changes (SessionState::history) are read once each time it opens; what
//      staff write while it is open comes from the ledger (staff_lists.cpp merges the two).
//   5. When the roster changes (roster version), the held days are read again: someone who joined
//      a shown cohort may have events the first reading left out.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "session/session_state.h"

namespace kiosk {

class LedgerDays {
public:
    static constexpr size_t kHistoryRows = 500;  // = 500 // the History page's newest changes
    explicit LedgerDays(SessionState& s) : s_(s) {}

    // The cohorts this kiosk shows: those of its programme and of its roster.
    std::vector<std::string> shownCohorts() const;
    // At start, on the store before its thread runs: the ledger holds today, read from the store.
    StoreStatus loadToday(AttendanceDb& db, LocalDate today);
    // Each frame: today, the day a staff page shows (unset: no staff page), and whether the
    // History page is open (its changes are read from the store when it opens).
    void frame(LocalDate today, std::optional<LocalDate> staffDay, bool historyShown = false);
    // A store completion; false when it was not this room's.
    bool completed(const StoreCompletion& c);
    // Whether the kiosk holds this event of another writer: not when it is of someone it knows
    // (on the roster or not any more) in a cohort it does not show.
    bool shows(const AttendanceEvent& e);
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
    std::set<std::string> hidden_;            // codes of people in cohorts not shown
    uint64_t hiddenFor_ = ~0ULL;              // the roster version hidden_ was made for
    uint64_t rosterSeen_ = ~0ULL;             // the roster version the held days were read for
    uint64_t historyTicket_ = 0;              // the History page's changes asked for
    bool historyShown_ = false;
};

}  // namespace kiosk
