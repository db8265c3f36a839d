#include "attendance.h"

#include "enum_names.h"
#include "record_limits.h"
#include "utf8.h"

#include <algorithm>
#include <random>

namespace kiosk {

namespace {
constexpr EnumName<DayStatus> kDayStatusNames[] = {
    {DayStatus::absent, "absent"},
    {DayStatus::present, "present"},
    {DayStatus::not_enrolled, "not_enrolled"},
    {DayStatus::late, "late"},
    {DayStatus::left_early, "left_early"},
    {DayStatus::late_and_left_early, "late_and_left_early"},
    {DayStatus::excused, "excused"},
};
constexpr EnumName<EventKind> kEventKindNames[] = {
    {EventKind::check_in, "check_in"},
    {EventKind::check_out, "check_out"},
    {EventKind::undo, "undo"},
    {EventKind::correction, "correction"},
    {EventKind::guest_registration, "guest_registration"},
};
constexpr EnumName<EventSource> kEventSourceNames[] = {
    {EventSource::kiosk, "kiosk"},
    {EventSource::staff, "staff"},
    {EventSource::command_line, "command_line"},
};
constexpr EnumName<CorrectionEffect> kCorrectionEffectNames[] = {
    {CorrectionEffect::none, ""},
    {CorrectionEffect::set_check_in, "set_check_in"},
    {CorrectionEffect::set_check_out, "set_check_out"},
    {CorrectionEffect::set_absent, "set_absent"},
    {CorrectionEffect::set_excused, "set_excused"},
    {CorrectionEffect::catch_up, "catch_up"},
    {CorrectionEffect::confirm_guest, "confirm_guest"},
    {CorrectionEffect::link_guest, "link_guest"},
};
}  // namespace

const char* dayStatusKey(DayStatus s) { return nameIn(kDayStatusNames, s, "absent"); }
const char* eventKindKey(EventKind k) { return nameIn(kEventKindNames, k, "check_in"); }
std::optional<EventKind> parseEventKind(const std::string& s) { return parseIn(kEventKindNames, s); }
const char* eventSourceKey(EventSource s) { return nameIn(kEventSourceNames, s, "kiosk"); }
std::optional<EventSource> parseEventSource(const std::string& s) { return parseIn(kEventSourceNames, s); }
const char* correctionEffectKey(CorrectionEffect e) { return nameIn(kCorrectionEffectNames, e, ""); }
std::optional<CorrectionEffect> parseCorrectionEffect(const std::string& s) { return parseIn(kCorrectionEffectNames, s); }

std::vector<Guest> foldGuests(const std::vector<const AttendanceEvent*>& dayEvents, const std::set<std::string>& undone) {
    std::set<std::string> linked, confirmed;
    for (const AttendanceEvent* e : dayEvents)
        if (isGuestReview(*e) && !undone.count(e->id))
            (e->effect == CorrectionEffect::link_guest ? linked : confirmed).insert(e->refersTo);
    std::vector<Guest> out;
    for (const AttendanceEvent* e : dayEvents)
        if (e->kind == EventKind::guest_registration && e->refersTo.empty() && !undone.count(e->id) && !linked.count(e->id))
            out.push_back({e->id, e->guestName, e->guestOrganisation, e->at, confirmed.count(e->id) > 0});
    return out;
}

bool AttendanceLedger::apply(const AttendanceEvent& e) {
    if (applied_.count(e.id)) return false;
    int64_t dayKey = e.day.daysSinceEpoch();
    if (!holdsAll_ && !held_.count(dayKey)) {
        // Not a held day. An undo of a held event (a tap undone just after midnight) stays with it.
        auto it = e.kind == EventKind::undo ? locate_.find(e.refersTo) : locate_.end();
        if (it == locate_.end()) return false;
        dayKey = it->second.first;
    }
    applied_.insert(e.id);
    ++eventCount_;
    ++version_;
    auto& events = byDay_[dayKey];
    events.push_back(e);
    if (isStaffChange(e)) staffChanges_.emplace_back(dayKey, events.size() - 1);
    if (e.kind == EventKind::undo) {
        undone_.insert(e.refersTo);
        auto it = locate_.find(e.refersTo);
        if (it != locate_.end()) {
            const AttendanceEvent& target = byDay_[it->second.first][it->second.second];
            if (!target.participantCode.empty()) rebuild(target.day, target.participantCode);
        }
        return true;
    }
    locate_[e.id] = {dayKey, events.size() - 1};
    if (!e.participantCode.empty()) rebuild(e.day, e.participantCode);
    return true;
}

void AttendanceLedger::hold(LocalDate today, std::optional<LocalDate> asked) {
    std::set<int64_t> next{today.daysSinceEpoch()};
    if (asked) next.insert(asked->daysSinceEpoch());
    if (!holdsAll_ && next == held_) return;
    if (holdsAll_) {
        // Every day was held, so every day it goes on holding is complete.
        loaded_ = next;
        holdsAll_ = false;
    }
    std::vector<int64_t> gone;
    for (const auto& [k, events] : byDay_)
        if (!next.count(k)) gone.push_back(k);
    for (int64_t k : held_)
        if (!next.count(k)) gone.push_back(k);
    held_ = std::move(next);
    for (int64_t k : gone) drop(k);
    for (auto it = loaded_.begin(); it != loaded_.end();) it = held_.count(*it) ? std::next(it) : loaded_.erase(it);
    ++version_;
}

void AttendanceLedger::loadDay(LocalDate day, const std::vector<AttendanceEvent>& events) {
    const int64_t k = day.daysSinceEpoch();
    if (!holds(day)) return;
    drop(k);
    loaded_.insert(k);
    for (const auto& e : events) apply(e);
    ++version_;
}

void AttendanceLedger::reloadHeld() {
    if (holdsAll_) return;  // every event is fed to it: nothing to read again
    loaded_.clear();
    ++version_;
}

bool AttendanceLedger::holds(LocalDate day) const { return holdsAll_ || held_.count(day.daysSinceEpoch()) > 0; }

bool AttendanceLedger::loaded(LocalDate day) const { return holdsAll_ || loaded_.count(day.daysSinceEpoch()) > 0; }

std::vector<LocalDate> AttendanceLedger::waiting() const {
    std::vector<LocalDate> out;
    for (int64_t k : held_)
        if (!loaded_.count(k)) out.push_back(LocalDate::fromDaysSinceEpoch(k));
    return out;
}

void AttendanceLedger::drop(int64_t dayKey) {
    byDay_.erase(dayKey);
    records_.erase(records_.lower_bound({dayKey, std::string{}}), records_.lower_bound({dayKey + 1, std::string{}}));
    loaded_.erase(dayKey);
    reindex();
}

void AttendanceLedger::reindex() {
    locate_.clear();
    undone_.clear();
    applied_.clear();
    staffChanges_.clear();
    eventCount_ = 0;
    for (const auto& [k, events] : byDay_)
        for (size_t i = 0; i < events.size(); ++i) {
            const AttendanceEvent& e = events[i];
            applied_.insert(e.id);
            ++eventCount_;
            if (isStaffChange(e)) staffChanges_.emplace_back(k, i);
            if (e.kind == EventKind::undo) undone_.insert(e.refersTo);
            else locate_[e.id] = {k, i};
        }
    ++version_;
}

std::set<std::string> AttendanceLedger::codesOn(LocalDate day) const {
    std::set<std::string> out;
    const int64_t k = day.daysSinceEpoch();
    for (auto it = records_.lower_bound({k, std::string{}}); it != records_.end() && it->first.first == k; ++it)
        if (!it->first.second.empty()) out.insert(it->first.second);
    return out;
}

void AttendanceLedger::rebuild(LocalDate day, const std::string& code) {
    std::vector<const AttendanceEvent*> mine;
    if (auto it = byDay_.find(day.daysSinceEpoch()); it != byDay_.end())
        for (const auto& e : it->second)
            if (e.participantCode == code) mine.push_back(&e);
    records_[{day.daysSinceEpoch(), code}] = foldPersonDay(mine, undone_);
}

DayRecord AttendanceLedger::record(LocalDate day, const std::string& code) const {
    auto it = records_.find({day.daysSinceEpoch(), code});
    return it == records_.end() ? DayRecord{} : it->second;
}

std::vector<Guest> AttendanceLedger::guests(LocalDate day) const {
    auto it = byDay_.find(day.daysSinceEpoch());
    if (it == byDay_.end()) return {};
    std::vector<const AttendanceEvent*> events;
    for (const auto& e : it->second)
        if (e.kind == EventKind::guest_registration) events.push_back(&e);
    return foldGuests(events, undone_);
}

int AttendanceLedger::countCheckedIn(LocalDate day, const std::vector<std::string>& codes) const {
    int n = 0;
    for (const auto& c : codes)
        if (record(day, c).checkIn) ++n;
    return n;
}

std::vector<AttendanceEvent> AttendanceLedger::staffChanges(size_t limit) const {
    std::vector<AttendanceEvent> out;
    for (auto it = staffChanges_.rbegin(); it != staffChanges_.rend() && out.size() < limit; ++it)
        out.push_back(byDay_.at(it->first)[it->second]);
    return out;
}

const AttendanceEvent* AttendanceLedger::find(const std::string& id) const {
    auto it = locate_.find(id);
    if (it == locate_.end()) return nullptr;
    return &byDay_.at(it->second.first)[it->second.second];
}

void AttendanceSummary::add(const AttendanceEvent& e) {
    ++eventCount_;
    if (e.day != day_) {
        flushPerson();
        flushDay();
        day_ = e.day;
    }
    if (e.participantCode != code_) flushPerson();
    code_ = e.participantCode;
    if (e.participantCode.empty()) {
        dayGuests_.push_back(e);
        return;
    }
    person_.push_back(e);
    if (isGuestReview(e)) dayGuests_.push_back(e);  // a link hides the walk-in from the guests
}

void AttendanceSummary::finish() {
    flushPerson();
    flushDay();
}

namespace {
// A group of events as the folds take them: pointers in order, and what the group's undos reverse.
struct Group {
    std::vector<const AttendanceEvent*> events;
    std::set<std::string> undone;
    explicit Group(const std::vector<AttendanceEvent>& group) {
        for (const auto& e : group) {
            if (e.kind == EventKind::undo) undone.insert(e.refersTo);
            events.push_back(&e);
        }
    }
};
}  // namespace

void AttendanceSummary::flushPerson() {
    if (person_.empty()) return;
    const Group g(person_);
    records_[{day_.daysSinceEpoch(), code_}] = foldPersonDay(g.events, g.undone);
    person_.clear();
}

void AttendanceSummary::flushDay() {
    if (dayGuests_.empty()) return;
    const Group g(dayGuests_);
    if (auto guests = foldGuests(g.events, g.undone); !guests.empty()) guests_[day_.daysSinceEpoch()] = std::move(guests);
    dayGuests_.clear();
}

DayRecord AttendanceSummary::record(LocalDate day, const std::string& code) const {
    auto it = records_.find({day.daysSinceEpoch(), code});
    return it == records_.end() ? DayRecord{} : it->second;
}

std::set<LocalDate> AttendanceSummary::catchUpDaysOutside(LocalDate from, LocalDate to) const {
    std::set<LocalDate> out;
    for (const auto& [key, r] : records_)
        if (r.catchUpOn && (*r.catchUpOn < from || to < *r.catchUpOn)) out.insert(*r.catchUpOn);
    return out;
}

std::vector<Guest> AttendanceSummary::guests(LocalDate day) const {
    auto it = guests_.find(day.daysSinceEpoch());
    return it == guests_.end() ? std::vector<Guest>{} : it->second;
}

std::string checkStaffChange(const StaffForm& e) {
    auto blank = [](const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; };
    const bool correction = e.kind == EventKind::correction &&
                            (e.effect == CorrectionEffect::set_check_in || e.effect == CorrectionEffect::set_check_out ||
                             e.effect == CorrectionEffect::set_absent || e.effect == CorrectionEffect::set_excused ||
                             e.effect == CorrectionEffect::catch_up);
    const bool review = e.kind == EventKind::guest_registration && !e.refersTo.empty() && (e.effect == CorrectionEffect::confirm_guest ||
                                             (e.effect == CorrectionEffect::link_guest && !e.participantCode.empty()));
    if (!correction && !review) return "staff.error.kind";
    if (correction && e.participantCode.empty()) return "staff.error.kind";
    if (blank(e.reason)) return "staff.error.reason";
    if (blank(e.actor)) return "staff.error.actor";
    // The central server's limits (core/record_limits.h): an event it would refuse is never
    // written here, where it would wait in the outbox for ever.
    if (utf8Length(e.reason) > kEventLimits.reason || utf8Length(e.actor) > kEventLimits.actor) return "staff.error.too_long";
    return "";
}

std::string checkStaffTime(const StaffForm& f, Instant at, Instant now) {
    const bool timed = f.kind == EventKind::correction &&
                       (f.effect == CorrectionEffect::set_check_in || f.effect == CorrectionEffect::set_check_out);
    if (timed && at.ms > now.ms + static_cast<int64_t>(kMaxAheadMinutes) * 60 * 1000) return "staff.error.ahead";
    return "";
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
