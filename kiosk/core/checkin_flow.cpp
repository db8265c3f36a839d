#include "checkin_flow.h"

namespace kiosk {

using Kind = CheckFeedback::Kind;

namespace {

// An impossible time, said as such (checkTapTime); false when the time is fine.
bool refuse(TapDecision& d, const TapFacts& f, EventKind kind, Instant at) {
    const TimeCheck c = checkTapTime(f.record, kind, at, f.now);
    if (c == TimeCheck::ok) return false;
    d.show = Kind::refused;
    d.refusal = c;
    const auto& last = f.record.intervals;
    d.shownTime = c == TimeCheck::out_before_in ? last.back().in : c == TimeCheck::in_before_out ? *last.back().out : at;
    return true;
}

}  // namespace

TapDecision decideTap(CheckAction action, const TapFacts& f) {
    TapDecision d;
    d.shownTime = f.now;
    if (f.writing) {  // invariant 2
        d.ignored = action == CheckAction::undo;
        d.show = Kind::pending;
        return d;
    }
    const Instant at = f.at.value_or(f.now);
    const DayRecord& r = f.record;
    switch (action) {
        case CheckAction::check_in:
        case CheckAction::check_in_again:
            if (decideCheckIn(r) == CheckInDecision::already_checked_in) {
                if (!f.rules.sharedRecord) {
                    d.show = Kind::already_in;
                    d.shownTime = r.intervals.back().in;
                    return d;
                }
                // Invariant 6: they may have left through another kiosk; recorded as an arrival.
            } else if (action == CheckAction::check_in && !r.intervals.empty()) {  // left earlier: ask first
                d.show = Kind::already_out;
                d.shownTime = *r.intervals.back().out;
                return d;
            }
            if (refuse(d, f, EventKind::check_in, at)) return d;
            d.write = EventKind::check_in;
            d.onCommit = Kind::checked_in;
            break;
        case CheckAction::check_out:
            switch (decideCheckOut(r)) {
                case CheckOutDecision::not_checked_in:
                    if (f.rules.sharedRecord) break;  // invariant 6: the check-in may be on another kiosk
                    d.show = Kind::not_checked_in;
                    return d;
                case CheckOutDecision::already_checked_out:
                    d.show = Kind::already_out;
                    d.shownTime = *r.checkOut;
                    return d;
                case CheckOutDecision::record: break;
            }
            if (refuse(d, f, EventKind::check_out, at)) return d;
            d.write = EventKind::check_out;
            d.onCommit = Kind::checked_out;
            break;
        case CheckAction::undo: {
            if (!canUndo(r, f.now, f.rules)) {
                d.ignored = true;
                return d;
            }
            bool out = false;
            undoTarget(r, &out);
            d.write = EventKind::undo;
            d.onCommit = out ? Kind::undone_out : Kind::undone;
            break;
        }
    }
    d.show = Kind::pending;
    return d;
}

std::optional<CheckinFlow::Write> CheckinFlow::tap(CheckFeedback& card, CheckAction action, const Who& who,
                                                   const DayRecord& record, const AttendanceRules& rules,
                                                   const EventStamp& stamp) const {
    const Instant now = stamp.recordedAt;
    const bool undoable = card.kind == Kind::checked_in || card.kind == Kind::checked_out;  // welcome and goodbye
    if (action == CheckAction::undo && (!undoable || card.code != who.code)) return std::nullopt;
    const TapDecision d = decideTap(action, {record, writing(who.code), now, rules});
    if (d.ignored) return std::nullopt;
    if (!d.write) {
        card = {d.show, who.code, who.firstName, d.shownTime, now, d.show == Kind::refused ? timeCheckKey(d.refusal) : ""};
        return std::nullopt;
    }
    Write w;
    w.event = *d.write == EventKind::undo ? makeUndoEvent(who.code, undoTarget(record), stamp)
                                          : makeTapEvent(*d.write, who.code, stamp);
    w.action = action;
    w.onCommit = d.onCommit;
    w.code = who.code;
    w.name = who.firstName;
    card = {Kind::pending, who.code, who.shownName, w.event.at, now, {}};
    return w;
}

void CheckinFlow::unknownCode(CheckFeedback& card, const std::string& code, Instant now) {
    card = {Kind::unknown_code, code, {}, now, now, {}};
}

std::optional<CheckinFlow::Write> CheckinFlow::walkIn(CheckFeedback& card, const std::string& name,
                                                      const std::string& organisation, const EventStamp& stamp) const {
    if (card.kind == Kind::pending) return std::nullopt;
    Write w;
    w.event = makeWalkInEvent(name, organisation, stamp);
    if (w.event.guestName.empty()) return std::nullopt;
    w.onCommit = Kind::guest_registered;
    w.name = w.event.guestName;
    card = {Kind::pending, {}, w.name, stamp.recordedAt, stamp.recordedAt, {}};
    return w;
}

void CheckinFlow::submitted(uint64_t ticket, const Write& w) {
    pending_[ticket] = {w.onCommit, w.code, w.name, w.event.at};
}

bool CheckinFlow::committed(CheckFeedback& card, uint64_t ticket, Instant now) {
    auto it = pending_.find(ticket);
    if (it == pending_.end()) return false;
    const Pending p = it->second;
    pending_.erase(it);
    if (card.kind == Kind::pending && card.code == p.code) card = {p.onCommit, p.code, p.name, p.at, now, {}};
    return true;
}

bool CheckinFlow::refused(CheckFeedback& card, uint64_t ticket, Kind show, Instant shownTime, Instant now, TimeCheck why) {
    auto it = pending_.find(ticket);
    if (it == pending_.end()) return false;
    const Pending p = it->second;
    pending_.erase(it);
    if (card.kind == Kind::pending && card.code == p.code)
        card = {show, p.code, p.name, shownTime, now, show == Kind::refused ? timeCheckKey(why) : ""};
    return true;
}

bool CheckinFlow::failed(CheckFeedback& card, uint64_t ticket, const std::string& why, Instant now) {
    auto it = pending_.find(ticket);
    if (it == pending_.end()) return false;
    const Pending p = it->second;
    pending_.erase(it);
    card = {Kind::error, p.code, p.name, p.at, now, why};
    return true;
}

bool CheckinFlow::writing(const std::string& code) const {
    for (const auto& [ticket, p] : pending_)
        if (p.code == code) return true;
    return false;
}

}  // namespace kiosk
