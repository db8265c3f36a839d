#include "session/ledger_days.h"

#include <algorithm>

namespace kiosk {

std::vector<std::string> LedgerDays::shownCohorts() const {
    std::set<std::string> ids;
    for (const auto& d : s_.config.programme.days) ids.insert(d.cohortId);
    for (const auto& p : s_.roster.people()) ids.insert(p.cohortId);
    return {ids.begin(), ids.end()};
}

StoreStatus LedgerDays::loadToday(AttendanceDb& db, LocalDate today) {
    s_.ledger.hold(today, std::nullopt);
    std::vector<AttendanceEvent> events;
    if (auto st = db.loadDay(today, shownCohorts(), events); !st.ok()) return st;
    s_.ledger.loadDay(today, events);
    return {};
}

void LedgerDays::frame(LocalDate today, std::optional<LocalDate> staffDay, bool historyShown) {
    if (!s_.worker) return;
    if (historyShown && !historyShown_ && !historyTicket_) historyTicket_ = s_.worker->staffHistory(kHistoryRows);
    if (!historyShown) s_.history.reset();
    historyShown_ = historyShown;
    s_.ledger.hold(today, staffDay && *staffDay != today ? staffDay : std::nullopt);
    // A roster came in (an import, or one taken over from the central record): whom the kiosk shows
    // may have changed, and the held days were read for the old roster's cohorts. Read them again.
    if (rosterSeen_ != s_.roster.version()) {
        if (rosterSeen_ != ~0ULL) {
            s_.ledger.reloadHeld();
            asking_.clear();  // an answer on its way was read for the old roster: ask again
        }
        rosterSeen_ = s_.roster.version();
    }
    for (auto it = failed_.begin(); it != failed_.end();)
        it = s_.ledger.holds(LocalDate::fromDaysSinceEpoch(*it)) ? std::next(it) : failed_.erase(it);
    for (LocalDate d : s_.ledger.waiting()) {
        if (asking_.count(d.daysSinceEpoch()) || failed_.count(d.daysSinceEpoch())) continue;
        asking_.insert(d.daysSinceEpoch());
        dayTickets_.insert(s_.worker->loadDay(d, shownCohorts()));
    }
    // The matrix: the days of the group the staff pages show (UiState::staffCohort), else of the
    // cohort of the day shown (or of the nearest programme day).
    std::optional<std::pair<LocalDate, LocalDate>> wanted;
    if (staffDay) {
        const Programme& programme = s_.config.programme;
        const ProgrammeDay* day = programme.groupDay(*staffDay, s_.ui.staffCohort);
        if (day) {
            // That group's days, and those of every group not meeting the day shown: a visitor's
            // own days, for the presence list to say which day their visit made up (issue 30).
            // One group in the programme: its days, as before.
            LocalDate first = day->date, last = day->date;
            for (const auto& d : programme.days)
                if (d.cohortId == day->cohortId || !programme.dayOn(*staffDay, d.cohortId)) {
                    first = std::min(first, d.date);
                    last = std::max(last, d.date);
                }
            wanted = std::make_pair(first, last);
        }
    }
    if (wanted != matrixWanted_) {
        matrixWanted_ = wanted;
        if (!wanted) s_.matrixFold.reset();
        else if (!s_.matrixFold || s_.matrixFold->from != wanted->first || s_.matrixFold->to != wanted->second)
            askMatrix(wanted->first, wanted->second);
    }
}

void LedgerDays::askMatrix(LocalDate from, LocalDate to) {
    if (matrixTicket_) {
        matrixStale_ = true;  // one at a time: asked again when this one is in
        return;
    }
    matrixTicket_ = s_.worker->summarise(from, to);
}

bool LedgerDays::completed(const StoreCompletion& c) {
    if (auto* loaded = std::get_if<store_done::DayLoaded>(&c.result); loaded && dayTickets_.count(c.ticket)) {
        dayTickets_.erase(c.ticket);
        asking_.erase(loaded->day.daysSinceEpoch());
        if (c.status.ok()) s_.ledger.loadDay(loaded->day, loaded->events);
        else {
            // Said on the Status page; asked again when staff step to the day again (not every frame).
            s_.reportStoreProblem(c.status, loaded->day.iso());
            failed_.insert(loaded->day.daysSinceEpoch());
        }
        return true;
    }
    if (auto* h = std::get_if<store_done::HistoryLoaded>(&c.result); h && c.ticket == historyTicket_) {
        historyTicket_ = 0;
        if (!c.status.ok()) s_.reportStoreProblem(c.status);
        else if (historyShown_) {
            const uint64_t version = s_.history ? s_.history->version + 1 : 1;
            s_.history = StaffHistoryFold{std::move(h->changes), std::move(h->walkIns), version};
        }
        return true;
    }
    if (auto* folded = std::get_if<store_done::Summarised>(&c.result); folded && c.ticket == matrixTicket_) {
        matrixTicket_ = 0;
        const bool current = matrixWanted_ && matrixWanted_->first == folded->from && matrixWanted_->second == folded->to;
        if (c.status.ok() && current) {
            const uint64_t version = s_.matrixFold ? s_.matrixFold->version + 1 : 1;
            s_.matrixFold = MatrixFold{folded->from, folded->to, std::move(folded->summary), version};
        } else if (!c.status.ok()) {
            s_.reportStoreProblem(c.status);
        }
        if ((matrixStale_ || !current) && matrixWanted_) {
            matrixStale_ = false;
            askMatrix(matrixWanted_->first, matrixWanted_->second);
        }
        return true;
    }
    return false;
}

bool LedgerDays::shows(const AttendanceEvent& e) {
    if (e.participantCode.empty()) return true;  // a walk-in is the day's
    if (hiddenFor_ != s_.roster.version()) {
        hiddenFor_ = s_.roster.version();
        const auto shown = shownCohorts();
        hidden_.clear();
        for (const auto& p : s_.roster.former())
            if (!std::binary_search(shown.begin(), shown.end(), p.cohortId)) hidden_.insert(p.code);
    }
    return !hidden_.count(e.participantCode);
}

void LedgerDays::arrived(const std::vector<AttendanceEvent>& events) {
    if (!matrixWanted_ || !s_.worker) return;
    const auto [from, to] = *matrixWanted_;
    for (const auto& e : events)
        if (!(e.day < from) && !(to < e.day) && !s_.ledger.holds(e.day)) {
            askMatrix(from, to);
            return;
        }
}

}  // namespace kiosk
