// kiosk_session_door.cpp: the door's part of the session (KioskSession, kiosk_session.h): a tap on
// a name, a badge scan, undo and the goodbye card's answer. Each write goes to the store thread,
// which decides it again inside its transaction (checkin_flow.h); the card follows the answer.
#include "kiosk_session.h"

#include "ui/closing_card.h"

namespace kiosk {

// A check-in, check-out or undo is decided again by the store inside its write transaction, on
// the database as it is then (another kiosk or the command line may have written meanwhile).
void KioskSession::write(const CheckinFlow::Write& w, const std::optional<AttendanceRules>& rules) {
    const uint64_t ticket =
        w.action ? s_.worker->decide({*w.action, w.event, rules.value_or(AttendanceRules::from(s_.config.settings)), w.event.recordedAt})
                 : s_.worker->append(w.event);
    flow_.submitted(ticket, w);
}

AttendanceRules KioskSession::undoRules() const {
    AttendanceRules rules = AttendanceRules::from(s_.config.settings);
    // The card's age at its last touch while the window was open (Navigation::noteInput).
    rules.undoSeconds += static_cast<int>(nav_.undoTouchAgeMs() / 1000);
    return rules;
}

Instant KioskSession::undoMoment() const {
    const DayRecord r = s_.ledger.record(localDateOf(s_.ui.feedback.at), s_.ui.feedback.code);
    bool out = false;
    if (undoTarget(r, &out).empty()) return s_.clock.now();
    const Instant written = out ? r.intervals.back().outRecordedAt : r.intervals.back().inRecordedAt;
    return Instant{written.ms + nav_.cardAgeMs()};
}

void KioskSession::tap(CheckAction action, const std::string& code) {
    if (!s_.worker) return;
    const bool undo = action == CheckAction::undo;
    const Participant* p = s_.roster.find(undo ? s_.ui.feedback.code : code);
    if (!p) return;
    const Instant now = undo ? undoMoment() : s_.clock.now();
    const LocalDate day = undo ? localDateOf(s_.ui.feedback.at) : localDateOf(now);
    const CheckinFlow::Who who{p->code, s_.roster.labelOf(*p, s_.config.settings.nameDisplay), p->firstName};
    // Judged before the card changes (the flow makes it "bezig"): the window as the card showed it.
    const AttendanceRules rules = undo ? undoRules() : AttendanceRules::from(s_.config.settings);
    const auto w = flow_.tap(s_.ui.feedback, action, who, s_.ledger.record(day, p->code), rules,
                             EventStamp::kiosk(now, s_.config.settings.kioskId));
    if (w) write(*w, rules);
    if (s_.ui.feedback.kind != ui::Feedback::Kind::none) s_.ui.screen = ui::Screen::checkin;
}

void KioskSession::scan(const std::string& code) {
    nav_.noteInput();
    if (s_.ui.feedback.kind == ui::Feedback::Kind::pending || flow_.inFlight() > 0) {
        waitingScans_.push(code);  // taken in frame() once the write is answered: never dropped
        return;
    }
    if (!s_.roster.find(code)) {
        s_.ui.screen = ui::Screen::checkin;
        CheckinFlow::unknownCode(s_.ui.feedback, code, s_.clock.now());
        return;
    }
    s_.ui.feedback = {};
    const bool out = s_.ui.mode == ui::CheckMode::check_out && s_.ui.screen == ui::Screen::checkin;
    tap(out ? CheckAction::check_out : CheckAction::check_in, code);
}

// A check-out's card shows the person's own group's day (its assignment and question), or none
// when their group does not meet today (a catch-up with another group): never another group's
// question, which would be counted for a group it was not asked of.
const ProgrammeDay* KioskSession::closingDay(const ProgrammeDay* today) const {
    if (s_.ui.feedback.kind != ui::Feedback::Kind::checked_out) return today;
    const Participant* p = s_.roster.find(s_.ui.feedback.code);
    if (!p) return nullptr;
    return s_.config.programme.dayOn(localDateOf(s_.ui.feedback.at), p->cohortId);
}

// Only on a committed check-out's card, once per card, for an answer the day asks; the count is
// queued to the store thread and the card says thanks at once: nothing waits for it.
void KioskSession::answer(int index) {
    const ui::Feedback& f = s_.ui.feedback;
    if (!s_.worker || f.kind != ui::Feedback::Kind::checked_out || s_.ui.answeredCard == ui::answerCardKey(f)) return;
    const LocalDate date = localDateOf(f.at);
    const ProgrammeDay* day = closingDay(nullptr);
    if (!day || !day->question || index < 0 || index >= static_cast<int>(day->question->answers.size())) return;
    // One answer a person a day (kept in memory only, never stored): a second check-out that day,
    // or one after an undo, shows the thanks but counts nothing.
    if (answeredDay_ != date) {
        answeredDay_ = date;
        answeredToday_.clear();
    }
    s_.ui.answeredCard = ui::answerCardKey(f);
    if (!answeredToday_.insert(f.code).second) return;
    s_.worker->countAnswer({date, day->cohortId, day->question->text, index, day->question->answers[static_cast<size_t>(index)], 0});
}

}  // namespace kiosk
