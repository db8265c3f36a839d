// attendance_day.cpp: one person's day as intervals, and the rules that read it (the design, with
// the fold's rules and the time sanity, is at the top of attendance.h).
#include <algorithm>
#include <tuple>

#include "attendance.h"

namespace kiosk {
namespace {

// Opens an interval: a tap, staff's "they were here from", or a walk-in that was this person.
bool opensInterval(const AttendanceEvent& e) {
    return e.kind == EventKind::check_in || (e.kind == EventKind::correction && e.effect == CorrectionEffect::set_check_in) ||
           (e.kind == EventKind::guest_registration && e.effect == CorrectionEffect::link_guest);
}

bool isStaffWord(const AttendanceEvent& e) {
    return e.kind == EventKind::correction || (e.kind == EventKind::guest_registration && e.effect == CorrectionEffect::link_guest);
}

// The order events were written in, for rule 2: recordedAt, then id (ids are unique).
bool writtenBefore(const AttendanceEvent& a, const AttendanceEvent& b) {
    return std::tie(a.recordedAt, a.id) < std::tie(b.recordedAt, b.id);
}

// The order of what happened, for rule 3: the moment, then id, so ties are broken the same way
// whatever order the store gave.
bool happenedBefore(const AttendanceEvent* a, const AttendanceEvent* b) {
    return std::tie(a->at, a->id) < std::tie(b->at, b->id);
}

}  // namespace

DayRecord foldPersonDay(const std::vector<const AttendanceEvent*>& events, const std::set<std::string>& undone) {
    DayRecord r;
    // Rule 1: undone events are gone; only what shapes a person's day stays.
    std::vector<const AttendanceEvent*> live;
    const AttendanceEvent* absent = nullptr;
    const AttendanceEvent* catchUp = nullptr;
    for (const AttendanceEvent* e : events) {
        if (undone.count(e->id)) continue;
        const bool counts = e->kind == EventKind::check_in || e->kind == EventKind::check_out ||
                            e->kind == EventKind::correction || opensInterval(*e);
        if (!counts) continue;
        if (isStaffWord(*e)) r.corrected = true;
        if (e->kind == EventKind::correction &&
            (e->effect == CorrectionEffect::set_absent || e->effect == CorrectionEffect::set_excused)) {
            if (!absent || writtenBefore(*absent, *e)) absent = e;
            continue;
        }
        if (e->kind == EventKind::correction && e->effect == CorrectionEffect::catch_up) {  // rule 4
            if (!catchUp || writtenBefore(*catchUp, *e)) catchUp = e;
            continue;
        }
        live.push_back(e);
    }
    // Rule 2: the latest "absent" or "excused" sets aside everything written before it.
    if (absent)
        live.erase(std::remove_if(live.begin(), live.end(), [&](const AttendanceEvent* e) { return writtenBefore(*e, *absent); }),
                   live.end());
    if (catchUp && !(absent && writtenBefore(*catchUp, *absent))) r.catchUpOn = localDateOf(catchUp->at);
    // Rule 3: in time order.
    std::sort(live.begin(), live.end(), happenedBefore);
    auto& iv = r.intervals;
    for (const AttendanceEvent* e : live) {
        const bool open = !iv.empty() && !iv.back().out;
        if (opensInterval(*e)) {
            if (open) continue;  // a double: already in
            Interval i;
            i.in = e->at;
            if (e->kind == EventKind::check_in) {
                i.inEventId = e->id;
                i.inRecordedAt = e->recordedAt;
            }
            iv.push_back(std::move(i));
        } else if (e->kind == EventKind::check_out) {
            if (!open) continue;  // a double, or out without in
            iv.back().out = e->at;
            iv.back().outEventId = e->id;
            iv.back().outRecordedAt = e->recordedAt;
        } else if (e->kind == EventKind::correction && e->effect == CorrectionEffect::set_check_out) {
            if (iv.empty() || (!open && *iv.back().out > e->at)) continue;
            iv.back().out = e->at;  // closes the open interval, or moves the last end to staff's time
            iv.back().outEventId.clear();
            iv.back().outRecordedAt = {};
        }
    }
    int64_t ms = 0;
    for (const Interval& i : iv)
        if (i.out) ms += i.out->ms - i.in.ms;
    r.minutesPresent = static_cast<int>(ms / 60000);
    if (!iv.empty()) {
        r.checkIn = iv.front().in;
        if (iv.back().out) r.checkOut = iv.back().out;
        r.checkInEventId = iv.back().inEventId;
        r.checkInRecordedAt = iv.back().inRecordedAt;
    } else if (absent && absent->effect == CorrectionEffect::set_excused) {
        r.excused = true;
        r.excusedReason = absent->reason;
    }
    return r;
}

CheckInDecision decideCheckIn(const DayRecord& r) {
    return r.isIn() ? CheckInDecision::already_checked_in : CheckInDecision::record;
}

CheckOutDecision decideCheckOut(const DayRecord& r) {
    if (r.intervals.empty()) return CheckOutDecision::not_checked_in;
    if (!r.isIn()) return CheckOutDecision::already_checked_out;
    return CheckOutDecision::record;
}

TimeCheck checkTapTime(const DayRecord& r, EventKind kind, Instant at, Instant now) {
    if (at.ms > now.ms + int64_t{kMaxAheadMinutes} * 60000) return TimeCheck::ahead_of_clock;
    if (kind == EventKind::check_out && r.isIn() && at <= r.intervals.back().in) return TimeCheck::out_before_in;
    if (kind == EventKind::check_in && !r.isIn() && !r.intervals.empty() && at <= *r.intervals.back().out)
        return TimeCheck::in_before_out;
    return TimeCheck::ok;
}

const char* timeCheckKey(TimeCheck c) {
    switch (c) {
        case TimeCheck::ahead_of_clock: return "refused.ahead_of_clock";
        case TimeCheck::out_before_in: return "refused.out_before_in";
        case TimeCheck::in_before_out: return "refused.in_before_out";
        case TimeCheck::ok: break;
    }
    return "";
}

std::string undoTarget(const DayRecord& r, bool* isCheckOut) {
    if (isCheckOut) *isCheckOut = false;
    if (r.intervals.empty()) return {};
    const Interval& last = r.intervals.back();
    if (!last.out) return last.inEventId;
    if (isCheckOut) *isCheckOut = true;
    return last.outEventId;
}

int undoSecondsLeft(const DayRecord& r, Instant now, const AttendanceRules& rules) {
    bool out = false;
    if (undoTarget(r, &out).empty()) return 0;
    const Instant recordedAt = out ? r.intervals.back().outRecordedAt : r.intervals.back().inRecordedAt;
    const int64_t elapsedMs = now.ms - recordedAt.ms;
    if (elapsedMs < 0) return rules.undoSeconds;
    const int64_t leftMs = static_cast<int64_t>(rules.undoSeconds) * 1000 - elapsedMs;
    return leftMs <= 0 ? 0 : static_cast<int>((leftMs + 999) / 1000);
}

bool canUndo(const DayRecord& r, Instant now, const AttendanceRules& rules) {
    return undoSecondsLeft(r, now, rules) > 0;
}

DayStatus statusOf(const DayRecord& r, const ProgrammeDay* day, const AttendanceRules& rules) {
    if (!r.checkIn) return r.excused ? DayStatus::excused : DayStatus::absent;
    if (!day) return DayStatus::present;
    const auto in = toLocal(*r.checkIn);
    const bool late = in.date == day->date &&
                      in.hour * 60 + in.minute > day->startsAt().minutes + rules.lateGraceMinutes;
    bool early = false;
    if (r.checkOut) {
        const auto out = toLocal(*r.checkOut);
        early = out.date == day->date &&
                out.hour * 60 + out.minute < day->endsAt().minutes - rules.earlyLeaveGraceMinutes;
    }
    if (late && early) return DayStatus::late_and_left_early;
    if (late) return DayStatus::late;
    if (early) return DayStatus::left_early;
    return DayStatus::present;
}

}  // namespace kiosk
