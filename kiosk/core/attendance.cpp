#include "attendance.h"

#include <algorithm>
#include <random>

namespace kiosk {

CheckInDecision decideCheckIn(const DayRecord& r) {
    return r.checkIn ? CheckInDecision::already_checked_in : CheckInDecision::record;
}

CheckOutDecision decideCheckOut(const DayRecord& r) {
    if (!r.checkIn) return CheckOutDecision::not_checked_in;
    if (r.checkOut) return CheckOutDecision::already_checked_out;
    return CheckOutDecision::record;
}

int undoSecondsLeft(const DayRecord& r, Instant now, const AttendanceRules& rules) {
    if (!r.checkIn || r.checkInEventId.empty() || r.checkOut || r.corrected) return 0;
    const int64_t elapsedMs = now.ms - r.checkInRecordedAt.ms;
    if (elapsedMs < 0) return rules.undoSeconds;
    const int64_t leftMs = static_cast<int64_t>(rules.undoSeconds) * 1000 - elapsedMs;
    return leftMs <= 0 ? 0 : static_cast<int>((leftMs + 999) / 1000);
}

bool canUndo(const DayRecord& r, Instant now, const AttendanceRules& rules) {
    return undoSecondsLeft(r, now, rules) > 0;
}

DayStatus statusOf(const DayRecord& r, const ProgrammeDay* day, const AttendanceRules& rules) {
    if (!r.checkIn) return DayStatus::absent;
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

const char* dayStatusKey(DayStatus s) {
    switch (s) {
        case DayStatus::absent: return "absent";
        case DayStatus::present: return "present";
        case DayStatus::late: return "late";
        case DayStatus::left_early: return "left_early";
        case DayStatus::late_and_left_early: return "late_and_left_early";
    }
    return "absent";
}

const char* eventKindKey(EventKind k) {
    switch (k) {
        case EventKind::check_in: return "check_in";
        case EventKind::check_out: return "check_out";
        case EventKind::undo: return "undo";
        case EventKind::correction: return "correction";
        case EventKind::guest_registration: return "guest_registration";
    }
    return "check_in";
}

std::optional<EventKind> parseEventKind(const std::string& s) {
    for (auto k : {EventKind::check_in, EventKind::check_out, EventKind::undo, EventKind::correction,
                   EventKind::guest_registration})
        if (s == eventKindKey(k)) return k;
    return std::nullopt;
}

const char* eventSourceKey(EventSource s) {
    switch (s) {
        case EventSource::kiosk: return "kiosk";
        case EventSource::staff: return "staff";
        case EventSource::command_line: return "command_line";
    }
    return "kiosk";
}

std::optional<EventSource> parseEventSource(const std::string& s) {
    for (auto k : {EventSource::kiosk, EventSource::staff, EventSource::command_line})
        if (s == eventSourceKey(k)) return k;
    return std::nullopt;
}

const char* correctionEffectKey(CorrectionEffect e) {
    switch (e) {
        case CorrectionEffect::none: return "";
        case CorrectionEffect::set_check_in: return "set_check_in";
        case CorrectionEffect::set_check_out: return "set_check_out";
        case CorrectionEffect::set_absent: return "set_absent";
    }
    return "";
}

std::optional<CorrectionEffect> parseCorrectionEffect(const std::string& s) {
    for (auto k : {CorrectionEffect::none, CorrectionEffect::set_check_in, CorrectionEffect::set_check_out,
                   CorrectionEffect::set_absent})
        if (s == correctionEffectKey(k)) return k;
    return std::nullopt;
}

void AttendanceLedger::apply(const AttendanceEvent& e) {
    ++eventCount_;
    const int64_t dayKey = e.day.daysSinceEpoch();
    std::string code = e.participantCode;
    if (e.kind == EventKind::undo) {
        undone_.insert(e.refersTo);
        auto it = locate_.find(e.refersTo);
        byDay_[dayKey].push_back(e);
        if (it != locate_.end()) rebuild(LocalDate::fromDaysSinceEpoch(it->second.first), it->second.second);
        return;
    }
    locate_[e.id] = {dayKey, code};
    byDay_[dayKey].push_back(e);
    if (!code.empty()) rebuild(e.day, code);
}

void AttendanceLedger::rebuild(LocalDate day, const std::string& code) {
    DayRecord r;
    auto it = byDay_.find(day.daysSinceEpoch());
    if (it != byDay_.end()) {
        for (const auto& e : it->second) {
            if (e.participantCode != code || undone_.count(e.id)) continue;
            switch (e.kind) {
                case EventKind::check_in:
                    if (!r.checkIn) {
                        r.checkIn = e.at;
                        r.checkInEventId = e.id;
                        r.checkInRecordedAt = e.recordedAt;
                    }
                    break;
                case EventKind::check_out:
                    if (r.checkIn) r.checkOut = e.at;
                    break;
                case EventKind::correction:
                    r.corrected = true;
                    if (e.effect == CorrectionEffect::set_check_in) {
                        r.checkIn = e.at;
                        r.checkInEventId.clear();
                    } else if (e.effect == CorrectionEffect::set_check_out) {
                        r.checkOut = e.at;
                    } else if (e.effect == CorrectionEffect::set_absent) {
                        r.checkIn.reset();
                        r.checkOut.reset();
                        r.checkInEventId.clear();
                    }
                    break;
                case EventKind::undo:
                case EventKind::guest_registration: break;
            }
        }
    }
    records_[{day.daysSinceEpoch(), code}] = r;
}

DayRecord AttendanceLedger::record(LocalDate day, const std::string& code) const {
    auto it = records_.find({day.daysSinceEpoch(), code});
    return it == records_.end() ? DayRecord{} : it->second;
}

std::vector<Guest> AttendanceLedger::guests(LocalDate day) const {
    std::vector<Guest> out;
    auto it = byDay_.find(day.daysSinceEpoch());
    if (it == byDay_.end()) return out;
    for (const auto& e : it->second)
        if (e.kind == EventKind::guest_registration && !undone_.count(e.id))
            out.push_back({e.id, e.guestName, e.guestOrganisation, e.at});
    return out;
}

int AttendanceLedger::countCheckedIn(LocalDate day, const std::vector<std::string>& codes) const {
    int n = 0;
    for (const auto& c : codes)
        if (record(day, c).checkIn) ++n;
    return n;
}

std::string newEventId() {
    // Seeded with 256 bits from the system: ids must not repeat across restarts (a repeated id would
    // be taken for a retry and the event silently dropped).
    static thread_local std::mt19937_64 rng = [] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }();
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id(32, '0');
    uint64_t a = rng(), b = rng();
    for (int i = 0; i < 16; ++i) {
        id[static_cast<size_t>(i)] = kHex[(a >> (i * 4)) & 0xF];
        id[static_cast<size_t>(16 + i)] = kHex[(b >> (i * 4)) & 0xF];
    }
    return id;
}

}  // namespace kiosk
