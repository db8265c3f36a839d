#include "staff_desk.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "content/paths.h"
#include "content/staff_pin.h"
#include "core/catch_up.h"
#include "core/event_builder.h"
#include "core/staff_correction.h"
#include "export/export_files.h"
#include "export/export_target.h"
#include "store/meta_keys.h"

namespace kiosk {
namespace {

constexpr int kDaysAround = kCorrectionDaysAround;  // a form's or an export's day is trusted this far from today

LocalDate dayNear(LocalDate asked, LocalDate today) {
    return std::abs(asked.daysSinceEpoch() - today.daysSinceEpoch()) <= kDaysAround ? asked : today;
}

}  // namespace

StaffDesk::StaffDesk(SessionState& s, Navigation& nav)
    : s_(s), nav_(nav), probe_(s.options.dbPath, exportDir(s.config.settings.exportFolder, s.options.dbPath), s.options.removableDrives) {}

StaffDesk::~StaffDesk() = default;

void StaffDesk::configChanged() {
    probe_.setExportFallback(exportDir(s_.config.settings.exportFolder, s_.options.dbPath));
    matchLockoutToPin();
}

// The lock-out belongs to the PIN it was counted against (pin_lockout.h rule 2): a new PIN (set-pin)
// starts afresh and lifts the final lock.
void StaffDesk::matchLockoutToPin() { pinLockout_.belongTo(secretTag(s_.config.settings.staffPinHash)); }

void StaffDesk::load(AttendanceDb& db) {
    std::string value;
    if (db.meta(meta_keys::kStaffPinLockout, value).ok() && !value.empty())
        if (auto l = PinLockout::parse(value, s_.clock.now(), s_.clock.steady())) pinLockout_ = *l;
    matchLockoutToPin();
    db.meta(meta_keys::kLastExport, lastExport_);
}

void StaffDesk::lock() {
    unlocked_ = false;
    s_.ui.staffName.clear();
    s_.ui.correction = {};
    s_.ui.staffDayOffset = 0;
    s_.ui.staffCohort.clear();
    s_.ui.pinEntry.clear();
    s_.ui.pinWrong = false;
    exportMessage_.clear();
    exportPath_.clear();
    view_ = {};
    listsKey_ = {};
    probe_.reset();
}

void StaffDesk::finishBackgroundWork() {
    if (pinCheck_) pinCheck_->wait();
    if (export_) export_->wait();
    frame(s_.clock.now());
}

bool StaffDesk::backgroundDone() const { return (pinCheck_ && pinCheck_->ready()) || (export_ && export_->ready()); }

ui::PinPadView StaffDesk::pinPad() const {
    ui::PinPadView p;
    p.configured = !s_.config.settings.staffPinHash.empty();
    p.checking = pinCheck_ != nullptr;
    p.lockedSeconds = pinLockout_.secondsLeft(s_.clock.steady());
    p.finalLock = pinLockout_.finalLock();
    p.triesLeft = PinLockout::kTriesBeforeLock - pinLockout_.failures;
    return p;
}

void StaffDesk::unlock(const ui::intent::UnlockStaff& in) {
    // Never checked while locked out, never two checks at once, never without a PIN set.
    const std::string& hash = s_.config.settings.staffPinHash;
    if (hash.empty() || pinCheck_ || pinLockout_.locked(s_.clock.steady())) return;
    pinCheckHash_ = hash;
    pinCheck_ = std::make_unique<BackgroundJob<bool>>([hash, pin = in.pin] { return verifyPin(hash, pin); }, s_.wake);
    s_.ui.pinEntry.clear();
}

void StaffDesk::showDay(const ui::intent::StaffDay& in) {
    if (!unlocked_) return;
    s_.ui.staffDayOffset = in.delta == 0 ? 0 : std::clamp(s_.ui.staffDayOffset + in.delta, -kDaysAround, kDaysAround);
    s_.ui.scrollToTop = true;
}

void StaffDesk::showGroup(const ui::intent::StaffGroup& in) {
    if (!unlocked_ || (!in.cohort.empty() && in.cohort != ui::kGuestsList && !s_.config.programme.cohort(in.cohort))) return;
    s_.ui.staffCohort = in.cohort;
    s_.ui.scrollToTop = true;
}

void StaffDesk::change(const ui::intent::StaffChange& in, Instant now) {
    // One at a time: a second tap on Save while the first is on its way stores nothing.
    if (!unlocked_ || !s_.worker || !writes_.empty()) return;
    const StaffForm& form = in.form;
    if (!checkStaffChange(form).empty()) return;  // the form says what is missing; never stored half
    // The day the form was opened for (a form saved just after midnight stays on its day).
    const LocalDate day = dayNear(in.day, localDateOf(now));
    const EventStamp stamp = EventStamp::staff(now, s_.config.settings.kioskId);
    AttendanceEvent e;
    if (form.kind == EventKind::correction && form.effect == CorrectionEffect::catch_up) {
        if (!in.catchUpOf || !catchUpAllowed(form.participantCode, *in.catchUpOf, day, localDateOf(now))) return;
        e = makeStaffEvent(form, *in.catchUpOf, catchUpMoment(day), stamp);  // on the own day, about this one
    } else if (form.kind == EventKind::correction) {
        const Instant at = correctionMoment(form.effect, day, in.minutes);
        const Participant* p = s_.roster.find(form.participantCode);
        const std::string cohort = p ? p->cohortId : std::string{};
        // The form says what is wrong; a time to come or an excusal off the programme is never stored.
        if (!checkStaffCorrection(form, s_.config.programme, cohort, day, at, now).empty()) return;
        e = makeStaffEvent(form, day, at, stamp);
    } else {
        // A guest review is about the walk-in: linked, the participant was there from its time.
        // Only a walk-in still on that day's guest list (not a review, not undone, not linked
        // already), and only to someone on the roster.
        const AttendanceEvent* walkIn = s_.ledger.find(form.refersTo);
        if (!walkIn || walkIn->kind != EventKind::guest_registration || !walkIn->refersTo.empty()) return;
        const auto guests = s_.ledger.guests(walkIn->day);
        if (std::none_of(guests.begin(), guests.end(), [&](const Guest& g) { return g.eventId == walkIn->id; })) return;
        if (form.effect == CorrectionEffect::link_guest && !s_.roster.find(form.participantCode)) return;
        e = makeStaffEvent(form, walkIn->day, walkIn->at, stamp);
    }
    writes_.insert(s_.worker->append(std::move(e)));
}

bool StaffDesk::catchUpAllowed(const std::string& code, LocalDate ownDay, LocalDate on, LocalDate today) const {
    // The form's check again on what the pages show now: the person's own cohort's matrix (the
    // form shows it: UiState::staffCohort) and their check-in on the day shown (core/catch_up.h).
    const Participant* p = s_.roster.find(code);
    if (!p || view_.matrixLoading || view_.matrix.cohortId != p->cohortId || view_.date != on) return false;
    const MatrixRow* row = nullptr;
    for (const auto& r : view_.matrix.rows)
        if (r.participant.code == code) row = &r;
    return checkCatchUp(s_.config.programme, view_.matrix, row, ownDay, on, s_.ledger.record(on, code).checkIn.has_value(), today).empty();
}

void StaffDesk::exportFile(const ui::intent::StaffExport& in, Instant now) {
    if (!unlocked_ || export_) return;
    ExportRequest req;
    req.kind = in.kind;
    req.format = exportIsPaperOnly(in.kind) ? ExportFormat::pdf : in.format;
    req.cohort = in.cohort;  // the matrix, certificates and statements of the group shown
    req.today = localDateOf(now);
    req.now = now;
    req.date = dayNear(in.day, req.today);
    // The drive staff chose, looked up again now (export_target.h, rule 2): never a stick that was
    // not chosen while several are in.
    const ExportTarget target = probe_.exportTargetNow(s_.ui.exportDrive);
    if (target.folder.empty()) {
        exportMessage_ = s_.texts("staff.target_choose");
        exportPath_.clear();
        exportFailed_ = true;
        return;
    }
    // Its own connection on its own thread: the store thread keeps taking check-ins meanwhile.
    export_ = std::make_unique<BackgroundJob<SavedExport>>(
        [req, target, db = s_.options.dbPath, programme = s_.config.programme, settings = s_.config.settings,
         texts = s_.texts] {
            SavedExport saved;
            saved.target = target;
            AttendanceDb conn;
            StoreStatus st = conn.openExisting(db);
            BuiltExport built;
            if (st.ok()) st = collectExport(conn, req, programme, settings, texts, built);
            if (!st.ok()) {
                saved.error = texts(storeErrorKey(st.kind)) + " (" + st.detail + ")";
                return saved;
            }
            return saveExport(built, req, target);
        },
        s_.wake);
    exportMessage_.clear();
    exportPath_.clear();
}

bool StaffDesk::completed(const StoreCompletion& c) {
    auto it = writes_.find(c.ticket);
    if (it == writes_.end()) return false;
    writes_.erase(it);
    if (c.status.ok()) {
        if (const AttendanceEvent* e = c.event()) s_.ledger.apply(*e);
        if (s_.ui.screen == ui::Screen::staff_correct) s_.ui.screen = ui::Screen::staff_today;
        s_.ui.correction = {};
    } else {
        // Said in the form, which stays open with everything typed: nothing is lost.
        s_.reportStoreProblem(c.status);
        s_.ui.correction.error = storeErrorKey(c.status.kind);
    }
    return true;
}

void StaffDesk::takePinCheck(Instant now) {
    const bool right = pinCheck_->take();
    pinCheck_.reset();
    if (s_.ui.screen != ui::Screen::staff_pin || pinCheckHash_ != s_.config.settings.staffPinHash) return;  // invariant 2
    if (right) {
        pinLockout_.recordSuccess();
        unlocked_ = true;
        s_.ui.pinWrong = false;
        s_.ui.screen = ui::Screen::staff_today;
        s_.ui.staffDayOffset = 0;
        s_.ui.scrollToTop = true;
        nav_.noteInput();
    } else {
        pinLockout_.recordFailure(s_.clock.steady());
        s_.ui.pinWrong = true;
    }
    if (s_.worker) s_.worker->setMeta(meta_keys::kStaffPinLockout, pinLockout_.serialise(now, s_.clock.steady()));
}

void StaffDesk::takeExport(Instant now) {
    const SavedExport saved = export_->take();
    export_.reset();
    std::string message, path;
    if (!saved.error.empty()) {
        message = s_.texts("staff.export_failed");
        path = saved.error;
        std::fprintf(stderr, "%s %s\n", message.c_str(), saved.error.c_str());
    } else {
        message = s_.texts.format(saved.target.removable ? "staff.exported_drive" : "staff.exported_folder",
                                  {{"drive", saved.target.label}, {"n", std::to_string(saved.rows)}});
        path = saved.path.string();
        lastExport_ = lastExportValue(now, path);
        if (s_.worker) s_.worker->setMeta(meta_keys::kLastExport, lastExport_);
    }
    if (unlocked_) {  // invariant 3
        exportMessage_ = message;
        exportPath_ = path;
        exportFailed_ = !saved.error.empty();
    }
}

void StaffDesk::frame(Instant now) {
    if (pinCheck_ && pinCheck_->ready()) takePinCheck(now);
    if (export_ && export_->ready()) takeExport(now);
    // Untouched for a while: staff mode locks and the kiosk is public again (an export still
    // being written finishes on its own thread).
    // Auto-lock on the steady clock (navigation.h): a stepped wall clock neither locks at once nor never.
    if (unlocked_ && nav_.msSinceInput() >= static_cast<int64_t>(s_.config.settings.staffAutoLockSeconds) * 1000) {
        lock();
        nav_.home();
    }
    if (!unlocked_ && ui::isStaffScreen(s_.ui.screen)) s_.ui.screen = ui::Screen::staff_pin;  // invariant 1
    probe_.sample(now, on() && s_.ui.screen == ui::Screen::staff_health, on());
}

}  // namespace kiosk
