// kiosk_session_staff.cpp: staff mode in the session. The PIN is checked against its Argon2id hash
// on a thread of its own (it takes a noticeable fraction of a second by design) and wrong tries are
// counted in the database, so a restart does not reset the lock-out. Staff mode locks itself after
// a minute untouched. Corrections and guest reviews go to the store as new events; exports run on
// their own thread with their own database connection, so neither the screen nor a check-in waits.
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cstdio>

#include "app/kiosk_session.h"
#include "app/paths.h"
#include "app/staff_pin.h"
#include "store/backup_rotation.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0"
#endif

namespace kiosk {
namespace {

constexpr const char* kPinLockoutMeta = "staff_pin_lockout";

std::optional<LocalDateTime> fileTime(const std::filesystem::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return std::nullopt;
    return toLocal({static_cast<int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000});
}

int64_t fileBytes(const std::filesystem::path& p) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(p, ec);
    return ec ? 0 : static_cast<int64_t>(n);
}

}  // namespace

void KioskSession::loadStaffState(AttendanceDb& db) {
    std::string value;
    if (db.meta(kPinLockoutMeta, value).ok() && !value.empty())
        if (auto l = PinLockout::parse(value)) pinLockout_ = *l;
    if (db.meta(kShiftLockoutMeta, value).ok() && !value.empty())
        if (auto l = PinLockout::parse(value)) shiftLockout_ = *l;
    db.meta(kLastExportMeta, lastExport_);
}

void KioskSession::lockStaff() {
    staffUnlocked_ = false;
    ui_.staffName.clear();
    ui_.correction = {};
    ui_.staffDayOffset = 0;
    ui_.pinEntry.clear();
    ui_.pinWrong = false;
    exportMessage_.clear();
    exportPath_.clear();
    staffView_ = {};
    staffViewKey_ = {};
}

void KioskSession::finishBackgroundWork() {
    if (pinCheck_) pinCheck_->wait();
    if (export_) export_->wait();
    staffFrame(clock_.now());
}

ui::PinPadView KioskSession::pinPadView(Instant now) const {
    ui::PinPadView p;
    p.configured = !config_.settings.staffPinHash.empty();
    p.checking = pinCheck_ != nullptr;
    p.lockedSeconds = pinLockout_.locked(now) ? pinLockout_.secondsLeft(now) : 0;
    p.triesLeft = PinLockout::kTriesBeforeLock - pinLockout_.failures;
    return p;
}

void KioskSession::applyStaff(const ui::Intent& in, Instant now) {
    using K = ui::Intent::Kind;
    switch (in.kind) {
        case K::unlock_staff: {
            // Never checked while locked out, never two checks at once, never without a PIN set.
            if (config_.settings.staffPinHash.empty() || pinCheck_ || pinLockout_.locked(now)) return;
            pinCheckHash_ = config_.settings.staffPinHash;
            pinCheck_ = std::make_unique<BackgroundJob<bool>>(
                [hash = pinCheckHash_, pin = in.code] { return verifyPin(hash, pin); }, wake_);
            ui_.pinEntry.clear();
            return;
        }
        case K::lock_staff:
            lockStaff();
            goHome();
            return;
        case K::staff_day:
            if (!staffUnlocked_) return;
            ui_.staffDayOffset = in.minutes == 0 ? 0 : std::clamp(ui_.staffDayOffset + in.minutes, -400, 400);
            ui_.scrollToTop = true;
            return;
        case K::staff_change: {
            // One at a time: a second tap on Save while the first is on its way stores nothing.
            if (!staffUnlocked_ || !worker_ || !staffWrites_.empty()) return;
            AttendanceEvent e = in.change;
            if (!checkStaffChange(e).empty()) return;  // the form says what is missing; never stored half
            // The day the form was opened for (a form saved just after midnight stays on its day).
            const LocalDate today = localDateOf(now);
            const LocalDate day = std::abs(in.day.daysSinceEpoch() - today.daysSinceEpoch()) <= 400 ? in.day : today;
            e.id = newEventId();
            e.day = day;
            e.recordedAt = now;
            e.source = EventSource::staff;
            e.kioskId = config_.settings.kioskId;
            e.reason = e.reason.substr(0, 500);
            e.actor = e.actor.substr(0, 80);
            if (e.kind == EventKind::correction) {
                if (e.effect == CorrectionEffect::set_absent) e.at = fromLocal({day, 0, 0, 0});
                else e.at = fromLocal({day, in.minutes / 60, in.minutes % 60, 0});
            } else {
                // A guest review is about the walk-in: linked, the participant was there from its time.
                // Only a walk-in still on that day's guest list (not a review, not undone, not linked
                // already), and only to someone on the roster.
                const AttendanceEvent* walkIn = ledger_.find(e.refersTo);
                if (!walkIn || walkIn->kind != EventKind::guest_registration || !walkIn->refersTo.empty()) return;
                const auto guests = ledger_.guests(walkIn->day);
                if (std::none_of(guests.begin(), guests.end(), [&](const Guest& g) { return g.eventId == walkIn->id; })) return;
                if (e.effect == CorrectionEffect::link_guest && !participant(e.participantCode)) return;
                e.at = walkIn->at;
                e.day = walkIn->day;
            }
            staffWrites_.insert(worker_->append(std::move(e)));
            return;
        }
        case K::staff_export: {
            if (!staffUnlocked_ || export_) return;
            ExportRequest req;
            req.matrix = in.exportMatrix;
            req.format = in.exportPdf || in.exportCertificates ? ExportFormat::pdf : in.exportXlsx ? ExportFormat::xlsx : ExportFormat::csv;
            req.certificates = in.exportCertificates;
            req.today = localDateOf(now);
            req.date = std::abs(in.day.daysSinceEpoch() - req.today.daysSinceEpoch()) <= 400 ? in.day : req.today;
            const ExportTarget target = currentExportTarget(exportDir(config_.settings.exportFolder, options_.dbPath));
            // Its own connection on its own thread: the store thread keeps taking check-ins meanwhile.
            export_ = std::make_unique<BackgroundJob<SavedExport>>(
                [req, target, db = options_.dbPath, programme = config_.programme, settings = config_.settings, texts = texts_] {
                    SavedExport saved;
                    saved.target = target;
                    AttendanceDb conn;
                    StoreStatus s = conn.openExisting(db);
                    BuiltExport built;
                    if (s.ok()) s = collectExport(conn, req, programme, settings, texts, built);
                    if (!s.ok()) {
                        saved.error = texts(storeErrorKey(s.kind)) + " (" + s.detail + ")";
                        return saved;
                    }
                    return saveExport(built, req, target);
                },
                wake_);
            exportMessage_.clear();
            exportPath_.clear();
            return;
        }
        default: return;
    }
}

bool KioskSession::staffCompletion(const StoreCompletion& c) {
    auto it = staffWrites_.find(c.ticket);
    if (it == staffWrites_.end()) return false;
    staffWrites_.erase(it);
    if (c.status.ok()) {
        ledger_.apply(c.event);
        if (ui_.screen == ui::Screen::staff_correct) ui_.screen = ui::Screen::staff_today;
        ui_.correction = {};
    } else {
        // Said in the form, which stays open with everything typed: nothing is lost.
        storeProblem_ = texts_(storeErrorKey(c.status.kind));
        std::fprintf(stderr, "%s (%s)\n", storeProblem_.c_str(), c.status.detail.c_str());
        ui_.correction.error = storeErrorKey(c.status.kind);
    }
    return true;
}

bool KioskSession::backgroundDone() const {
    return (pinCheck_ && pinCheck_->ready()) || (export_ && export_->ready());
}

void KioskSession::staffFrame(Instant now) {
    // A clock stepped back: inactivity counts from now, and no lock-out reaches beyond its maximum.
    if (now < lastInput_) lastInput_ = now;
    pinLockout_.clamp(now);
    shiftLockout_.clamp(now);
    if (pinCheck_ && pinCheck_->ready()) {
        const bool right = pinCheck_->take();
        pinCheck_.reset();
        // Only for the pad still on screen with the PIN it was checked against: a check that
        // finishes after Back, the return home, or a new PIN in kiosk.toml opens nothing (and
        // counts as no try).
        if (ui_.screen == ui::Screen::staff_pin && pinCheckHash_ == config_.settings.staffPinHash) {
            if (right) {
                pinLockout_.recordSuccess();
                staffUnlocked_ = true;
                ui_.pinWrong = false;
                ui_.screen = ui::Screen::staff_today;
                ui_.staffDayOffset = 0;
                ui_.scrollToTop = true;
                noteInput();
            } else {
                pinLockout_.recordFailure(now);
                ui_.pinWrong = true;
            }
            if (worker_) worker_->setMeta(kPinLockoutMeta, pinLockout_.serialise());
        }
    }
    if (export_ && export_->ready()) {
        const SavedExport saved = export_->take();
        export_.reset();
        std::string message, path;
        if (!saved.error.empty()) {
            message = texts_("staff.export_failed");
            path = saved.error;
            std::fprintf(stderr, "%s %s\n", message.c_str(), saved.error.c_str());
        } else {
            message = texts_.format(saved.target.removable ? "staff.exported_drive" : "staff.exported_folder",
                                    {{"drive", saved.target.label}, {"n", std::to_string(saved.rows)}});
            path = saved.path.string();
            lastExport_ = lastExportValue(now, path);
            if (worker_) worker_->setMeta(kLastExportMeta, lastExport_);
        }
        // Shown to the staff member who asked; one who has gone (staff mode locked meanwhile) finds
        // it in the health page's last export, not as a message in the next session.
        if (staffUnlocked_) {
            exportMessage_ = message;
            exportPath_ = path;
            exportFailed_ = !saved.error.empty();
        }
    }
    // A minute untouched: staff mode locks and the kiosk is public again (an export still being
    // written finishes on its own thread).
    if (staffUnlocked_ && now.ms - lastInput_.ms >= static_cast<int64_t>(config_.settings.staffAutoLockSeconds) * 1000) {
        lockStaff();
        goHome();
    }
    // Staff pages are never shown locked: whatever led there, the PIN pad comes first.
    if (!staffUnlocked_ && ui::isStaffScreen(ui_.screen)) ui_.screen = ui::Screen::staff_pin;
}

void KioskSession::refreshHealth(Instant now) const {
    ui::StaffHealth& h = staffView_.health;
    healthAt_ = now;
    h.databasePath = options_.dbPath.string();
    h.databaseBytes = fileBytes(options_.dbPath);
    h.walBytes = fileBytes(options_.dbPath.string() + "-wal");
    struct statvfs vfs {};
    const std::filesystem::path dir = options_.dbPath.has_parent_path() ? options_.dbPath.parent_path() : ".";
    h.freeBytes = statvfs(dir.c_str(), &vfs) == 0 ? static_cast<int64_t>(vfs.f_bavail) * static_cast<int64_t>(vfs.f_frsize) : -1;
    h.lastBackupPath = newestBackup(backupDir(options_.dbPath));
    h.lastBackup = h.lastBackupPath.empty() ? std::nullopt : fileTime(h.lastBackupPath);
    h.lastExport.reset();
    h.lastExportPath.clear();
    if (auto e = parseLastExport(lastExport_)) {
        h.lastExport = toLocal(e->at);
        h.lastExportPath = e->path;
    }
    h.configProblems = configProblems_;
    h.startupProblems = startupProblems_;
    h.storeProblem = storeProblem_;
    h.eventCount = ledger_.eventCount();
    h.version = KIOSK_VERSION;
}

const ui::StaffView* KioskSession::staffView(const ui::KioskView& v) const {
    if (!staffUnlocked_ || !ui::isStaffScreen(ui_.screen)) return nullptr;
    ui::StaffView& st = staffView_;
    const LocalDate date = v.local.date.plusDays(ui_.staffDayOffset);
    // The lists are rebuilt when something they show changed, not every frame.
    const StaffViewKey key{date.daysSinceEpoch(), ledger_.eventCount(), rosterVersion_, texts_.lang()};
    if (key != staffViewKey_) {
        staffViewKey_ = key;
        st.date = date;
        st.day = config_.programme.dayOn(date);
        const AttendanceRules rules = AttendanceRules::from(config_.settings);
        st.rows = presenceList(config_.programme, roster_, ledger_, date, rules);
        // Walk-ins still to review come first: they are what staff have to do something about.
        std::stable_partition(st.rows.begin(), st.rows.end(), [](const PresenceRow& r) { return r.guest && !r.guestConfirmed; });
        st.present = st.late = st.leftEarly = st.absent = st.guests = 0;
        for (const auto& r : st.rows) {
            if (r.guest) ++st.guests;
            else if (r.status == DayStatus::absent) ++st.absent;
            else {
                ++st.present;
                if (r.status == DayStatus::late || r.status == DayStatus::late_and_left_early) ++st.late;
                if (r.status == DayStatus::left_early || r.status == DayStatus::late_and_left_early) ++st.leftEarly;
            }
        }
        // The cohort of the day shown; days still to come counted from the real today.
        st.matrix = cohortMatrix(config_.programme, roster_, ledger_, date, v.local.date, config_.settings.certificateMinDays);
        st.history.clear();
        for (const auto& e : ledger_.staffChanges(500)) {
            ui::StaffHistoryRow h;
            h.recordedAt = toLocal(e.recordedAt);
            h.day = e.day;
            h.reason = e.reason;
            h.actor = e.actor;
            const Participant* p = e.participantCode.empty() ? nullptr : participant(e.participantCode);
            h.who = p ? p->fullName() : e.participantCode;
            const std::string time = toLocal(e.at).timeOfDay().hhmm();
            switch (e.effect) {
                case CorrectionEffect::set_check_in: h.what = texts_.format("staff.what_in", {{"time", time}}); break;
                case CorrectionEffect::set_check_out: h.what = texts_.format("staff.what_out", {{"time", time}}); break;
                case CorrectionEffect::set_absent: h.what = texts_("staff.what_absent"); break;
                case CorrectionEffect::confirm_guest:
                case CorrectionEffect::link_guest: {
                    const AttendanceEvent* walkIn = ledger_.find(e.refersTo);
                    const std::string guest = walkIn ? walkIn->guestName : std::string{};
                    if (e.effect == CorrectionEffect::confirm_guest) {
                        h.who = guest;
                        h.what = texts_("staff.what_confirmed");
                    } else {
                        h.what = texts_.format("staff.what_linked", {{"guest", guest}});
                    }
                    break;
                }
                case CorrectionEffect::none: break;
            }
            st.history.push_back(std::move(h));
        }
        healthAt_ = {};
    }
    if (ui_.screen == ui::Screen::staff_health && (healthAt_.ms == 0 || v.now.ms - healthAt_.ms >= 5000)) refreshHealth(v.now);
    // Where an export would go: /proc/self/mounts and a write check, every two seconds (a stick put
    // in shows soon enough), not every frame of a scrolling list.
    if (exportTargetAt_.ms == 0 || v.now.ms - exportTargetAt_.ms >= 2000 || v.now < exportTargetAt_) {
        exportTarget_ = currentExportTarget(exportDir(config_.settings.exportFolder, options_.dbPath));
        exportTargetAt_ = v.now;
    }
    const ExportTarget& target = exportTarget_;
    st.exportToDrive = target.removable;
    st.exportTarget = target.removable ? texts_.format("staff.target_drive", {{"drive", target.label}}) : texts_("staff.target_folder");
    st.exportFolder = target.folder.string();
    st.exportBusy = export_ != nullptr;
    st.saving = !staffWrites_.empty();
    st.exportMessage = exportMessage_;
    st.exportPath = exportPath_;
    st.exportFailed = exportFailed_;
    st.autoLockSeconds = static_cast<int>(std::max<int64_t>(
        0, (lastInput_.ms + static_cast<int64_t>(config_.settings.staffAutoLockSeconds) * 1000 - v.now.ms + 999) / 1000));
    return &st;
}

}  // namespace kiosk
