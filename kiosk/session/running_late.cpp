#include "running_late.h"
#include "store/meta_keys.h"

#include <algorithm>

#include "content/staff_pin.h"

namespace kiosk {
namespace {


}  // namespace

void RunningLate::load(AttendanceDb& db) {
    std::string value;
    if (db.meta(meta_keys::kFacilitatorCodeLockout, value).ok() && !value.empty())
        if (auto l = PinLockout::parse(value, s_.clock.now(), s_.clock.steady())) lockout_ = *l;
    configChanged();
    const LocalDate today = localDateOf(s_.clock.now());
    if (db.meta(meta_keys::agendaShift(today), value).ok())
        if (auto shift = AgendaShift::parse(value)) {
            shift_ = *shift;
            date_ = today;
        }
}

void RunningLate::unlock(const ui::intent::UnlockShift& in, Instant now) {
    ui::UiState& ui = s_.ui;
    ui.codeEntry.clear();
    if (lockout_.locked(s_.clock.steady())) return;
    const std::string& code = s_.config.settings.facilitatorCode;
    if (!code.empty() && in.facilitatorCode == code) {
        ui.shiftUnlocked = true;
        ui.codeWrong = false;
        if (lockout_.failures == 0 && lockout_.lockouts == 0 && lockout_.consecutive == 0) return;
        lockout_.recordSuccess();
    } else {
        ui.codeWrong = true;
        lockout_.recordFailure(s_.clock.steady());
    }
    if (s_.worker) s_.worker->setMeta(meta_keys::kFacilitatorCodeLockout, lockout_.serialise(now, s_.clock.steady()));
}

void RunningLate::configChanged() {
    shiftedFor_.clear();
    // The lock-out belongs to the code it was counted against (pin_lockout.h rule 2).
    lockout_.belongTo(secretTag(s_.config.settings.facilitatorCode));
}

void RunningLate::set(const ui::intent::SetShift& in, Instant now) {
    if (!s_.worker || !s_.ui.shiftUnlocked) return;
    const LocalDate today = localDateOf(now);
    const int minutes = std::clamp(in.minutes, -240, 240);
    // From now on; a change of an existing shift keeps its starting point.
    const TimeOfDay from = shift_.active() && date_ == today ? shift_.from : toLocal(now).timeOfDay();
    writes_[s_.worker->setMeta(meta_keys::agendaShift(today), AgendaShift{from, minutes}.serialise())] = today;
}

void RunningLate::follow(const ui::intent::FollowGroup& in, Instant now) {
    const LocalDate today = localDateOf(now);
    if (!s_.ui.shiftUnlocked || !s_.config.programme.dayOn(today, in.cohort)) return;
    picked_ = in.cohort;
    pickedOn_ = today;
}

std::string RunningLate::followedGroup(LocalDate date) const {
    if (!picked_.empty() && pickedOn_ == date) return picked_;
    return s_.config.settings.followCohort;
}

bool RunningLate::completed(const StoreCompletion& c) {
    auto it = writes_.find(c.ticket);
    if (it == writes_.end()) return false;
    const LocalDate day = it->second;
    writes_.erase(it);
    const auto* meta = std::get_if<store_done::MetaSet>(&c.result);
    if (!c.status.ok()) s_.reportStoreProblem(c.status);
    else if (meta)
        if (auto shift = AgendaShift::parse(meta->value)) {
            shift_ = *shift;
            date_ = day;
        }
    return true;
}

const ProgrammeDay* RunningLate::shiftedDay(const ProgrammeDay* day, LocalDate date) const {
    if (!day || !shift_.active() || date_ != date) return day;
    if (shifted_.date != day->date || shifted_.cohortId != day->cohortId || shiftedFor_ != shift_.serialise()) {
        shifted_ = applyShift(*day, shift_);
        shiftedFor_ = shift_.serialise();
    }
    return &shifted_;
}

}  // namespace kiosk
