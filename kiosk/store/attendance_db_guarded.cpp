// attendance_db_guarded.cpp: decide and write as one, and what other writers committed.
//
// CONTRACT (attendance_db.h, 8)
//   decideAndAppend() is the only way a tap, a scan or the command line writes a check-in,
//   check-out or undo. Inside one BEGIN IMMEDIATE transaction (the database's write lock, taken
//   before anything is read, so no other writer can commit between the read and the insert):
//     1. read that person's events of that day (and undo events of the next day, which can
//        reverse a check-in made just before midnight) in store order;
//     2. fold them with the core's foldPersonDay, the one fold the kiosk's ledger uses too;
//     3. ask the core's decideTap again, with nothing pending, at the moment of the tap;
//     4. insert only when the answer is still "write this kind" (for an undo: of the check-in the
//        caller saw: the check-in or check-out that closed the last interval); otherwise commit nothing and say what is true now.
//   Any number of processes and kiosks racing on one file therefore write each fact once.
//   BEGIN IMMEDIATE waits for the lock through the busy timeout; when it cannot get it, the
//   status is `locked` and nothing was written (the caller may retry: same event id, rule 3).
//
//   changedElsewhere() and loadEventsAfter() let a long-running kiosk see what other connections
//   committed: PRAGMA data_version changes only when another connection commits, and costs no I/O
//   beyond the shared-memory header, so the store thread may ask it every half second.
#include "attendance_db.h"

#include <sqlite3.h>

#include <set>

#include "sqlite_statement.h"

namespace kiosk {

using store_detail::eventFromRow;
using store_detail::kSelectEvents;
using store_detail::Statement;

StoreStatus AttendanceDb::readPersonDay(const std::string& code, LocalDate day, std::vector<AttendanceEvent>& out) {
    // Indexed (attendance_event_by_day): the cost follows one person's day, not the log.
    Statement st(db_, (std::string(kSelectEvents) +
                       " WHERE participant_code = ?1 AND (local_date = ?2 OR (local_date = ?3 AND kind = 'undo'))"
                       " ORDER BY seq").c_str());
    st.bind(1, code);
    st.bind(2, day.iso());
    st.bind(3, day.plusDays(1).iso());
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) out.push_back(eventFromRow(st));
    return statusFrom(rc);
}

namespace {

// What the card says when the store wrote nothing: decideTap's own answer, or (an undo that no
// longer applies) what the day is now.
void sayWhatIsTrue(const TapDecision& d, const DayRecord& r, Instant now, GuardedOutcome& out) {
    out.written = false;
    if (!d.write && d.show != CheckFeedback::Kind::pending && d.show != CheckFeedback::Kind::none) {
        out.show = d.show;
        out.shownTime = d.shownTime;
        out.refusal = d.refusal;
        return;
    }
    out.show = r.checkIn ? (r.checkOut ? CheckFeedback::Kind::already_out : CheckFeedback::Kind::already_in)
                         : CheckFeedback::Kind::not_checked_in;
    out.shownTime = r.checkOut ? *r.checkOut : r.checkIn ? *r.checkIn : now;
}

}  // namespace

StoreStatus AttendanceDb::decideAndAppend(const GuardedWrite& w, GuardedOutcome& out) {
    out = {};
    if (auto s = beforeWrite(); !s.ok()) return s;
    // A moment ahead of the writer's own clock is the core's refusal, said with its reason, before
    // the store's judgement of that clock (an empty day: only the "ahead" rule can apply).
    if (const TimeCheck t = checkTapTime(DayRecord{}, w.event.kind, w.event.at, w.now); t != TimeCheck::ok) {
        out.show = CheckFeedback::Kind::refused;
        out.refusal = t;
        out.shownTime = w.event.at;
        return {};
    }
    if (auto s = checkPlausible(w.event); !s.ok()) return s;  // a wrong clock writes nothing
    if (auto s = exec("BEGIN IMMEDIATE"); !s.ok()) {
        if (s.kind == StoreErrorKind::read_only || s.kind == StoreErrorKind::io) close();
        return s;
    }
    const auto fail = [&](StoreStatus s) {
        if (db_ && sqlite3_get_autocommit(db_) == 0) exec("ROLLBACK");
        out.written = false;
        return s;
    };
    if (auto s = readPersonDay(w.event.participantCode, w.event.day, out.read); !s.ok()) return fail(s);

    std::vector<const AttendanceEvent*> mine;
    std::set<std::string> undone;
    for (const auto& e : out.read) {
        if (e.kind == EventKind::undo) undone.insert(e.refersTo);
        if (e.day == w.event.day) mine.push_back(&e);
    }
    const DayRecord record = foldPersonDay(mine, undone);
    const TapDecision d = decideTap(w.action, {record, false, w.now, w.rules, w.event.at});
    const bool stillSo = d.write && *d.write == w.event.kind &&
                         (w.event.kind != EventKind::undo || w.event.refersTo == undoTarget(record));
    if (!stillSo) {
        sayWhatIsTrue(d, record, w.now, out);
        exec("ROLLBACK");  // nothing was written: nothing to commit
        return {};
    }
    int64_t seq = 0;
    if (auto s = insertEvent(w.event, seq); !s.ok()) return fail(s);
    if (auto s = exec("COMMIT"); !s.ok()) return fail(s);
    out.written = true;
    out.event = w.event;
    out.event.seq = seq;
    out.show = d.onCommit;
    out.shownTime = w.event.at;
    return {};
}

StoreStatus AttendanceDb::loadEventsAfter(int64_t seq, std::vector<AttendanceEvent>& out) {
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, (std::string(kSelectEvents) + " WHERE seq > ? ORDER BY seq").c_str());
    st.bind(1, seq);
    int rc;
    while ((rc = st.step()) == SQLITE_ROW) out.push_back(eventFromRow(st));
    return statusFrom(rc);
}

StoreStatus AttendanceDb::lastSeq(int64_t& seq) {
    seq = 0;
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, "SELECT COALESCE(MAX(seq), 0) FROM attendance_event");
    const int rc = st.step();
    if (rc == SQLITE_ROW) seq = st.integer(0);
    return statusFrom(rc == SQLITE_ROW ? SQLITE_OK : rc);
}

StoreStatus AttendanceDb::changedElsewhere(bool& changed) {
    changed = false;
    if (auto s = ensureOpen(); !s.ok()) return s;
    Statement st(db_, "PRAGMA data_version");
    const int rc = st.step();
    if (rc != SQLITE_ROW) return statusFrom(rc);
    const int64_t v = st.integer(0);
    changed = dataVersion_ < 0 || v != dataVersion_;
    dataVersion_ = v;
    return {};
}

}  // namespace kiosk
