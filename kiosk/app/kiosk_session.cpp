#include "kiosk_session.h"

#include <algorithm>
#include <cstdio>
#include <cstdint>

#include <imgui.h>

#include "app/embedded_assets.h"
#include "app/paths.h"
#include "store/store_messages.h"
#include "store/roster_sync.h"
#include "ui/screens.h"

namespace kiosk {
namespace {

constexpr int64_t kConfigPollMs = 2000;       // how often the config folder is stat'ed
constexpr int64_t kFeedbackSeconds = 6;        // messages other than the welcome stay this long

}  // namespace

Texts loadEmbeddedTexts(Lang lang) {
    Problems ignored;  // the catalogues are tested at build time (tests/core/test_text_catalogue.cpp)
    return Texts(Catalogue::parse(embeddedAsset("text/nl.txt"), "nl.txt", ignored),
                 Catalogue::parse(embeddedAsset("text/en.txt"), "en.txt", ignored), lang);
}

ConfigFiles embeddedConfig() {
    ConfigFiles cf;
    cf.origin = "(ingebouwd)";
    for (const auto& a : embeddedAssets()) {
        constexpr std::string_view prefix = "config/";
        if (a.name.substr(0, prefix.size()) == prefix) cf.files[std::string(a.name.substr(prefix.size()))] = std::string(a.data);
    }
    return cf;
}

KioskSession::KioskSession(const SessionOptions& options, const Clock& clock, std::function<void()> wake)
    : options_(options), clock_(clock), texts_(loadEmbeddedTexts(options.lang.value_or(Lang::nl))), wake_(wake) {
    lastInput_ = clock_.now();
    lastConfigPoll_ = lastInput_;
    ui_.screen = options.startScreen;

    Problems readProblems;
    ConfigFiles files = options.configDir.empty() ? embeddedConfig() : readConfigFolder(options.configDir, texts_, readProblems);
    if (!options.configDir.empty()) configStamp_ = configStamp();
    if (!options.lang) {
        Problems ignored;
        texts_.setLang(loadSettingsOnly(files, texts_, ignored).lang);
    }
    for (const auto& p : readProblems) startupProblems_.push_back(p.format());
    if (!readProblems.empty() || !loadConfigFrom(files, true)) {
        configError_ = true;
        return;
    }

    auto db = std::make_unique<AttendanceDb>();
    db->setRetentionDays(config_.settings.retentionDays);  // #15: purge by evidence, plausible window
    const StoreOpenReport report = db->open(options.dbPath, clock_.now());
    for (const auto& line : describeOpenReport(texts_, report)) startupProblems_.push_back(line);
    if (!report.status.ok()) {
        startupProblems_.push_back(options.dbPath.string() + ": " + texts_(storeErrorKey(report.status.kind)) + " (" +
                                   report.status.detail + ")");
        return;
    }
    if (auto it = files.files.find(kRosterFile); it != files.files.end() && config_.roster.ok()) {
        std::vector<Participant> rows;
        for (const auto& r : config_.roster.rows) rows.push_back(r.participant);
        RosterImportResult result;
        bool imported = false;
        if (auto s = syncConfigRoster(*db, rows, it->second, clock_.now(), imported, result); !s.ok())
            startupProblems_.push_back(texts_(storeErrorKey(s.kind)) + " (" + s.detail + ")");
    }
    reloadRosterFromStore(*db);
    loadStaffState(*db);
    {
        const LocalDate today = localDateOf(clock_.now());
        std::string stored;
        if (db->meta("agenda_shift/" + today.iso(), stored).ok())
            if (auto s = AgendaShift::parse(stored)) {
                shift_ = *s;
                shiftDate_ = today;
            }
    }
    // Retention, then today's backup: both before the first frame, on the kiosk's own data.
    const LocalDate today = localDateOf(clock_.now());
    int purged = 0;
    if (auto s = db->purge(today.plusDays(-config_.settings.retentionDays), purged); !s.ok())
        startupProblems_.push_back(texts_(storeErrorKey(s.kind)) + " (" + s.detail + ")");
    const auto backup = kiosk::dailyBackup(*db, backupDir(options_.dbPath), today, config_.settings.backupKeep);
    if (!backup.status.ok())
        startupProblems_.push_back(texts_(storeErrorKey(backup.status.kind)) + " (" + backup.status.detail + ")");
    lastBackupDay_ = today;
    if (auto s = db->loadEvents([&](const AttendanceEvent& e) { ledger_.apply(e); }); !s.ok()) {
        startupProblems_.push_back(texts_(storeErrorKey(s.kind)) + " (" + s.detail + ")");
        return;
    }
    worker_ = std::make_unique<StoreWorker>(std::move(db), std::move(wake));
    ready_ = true;
}

KioskSession::~KioskSession() = default;

void KioskSession::reloadRosterFromStore(AttendanceDb& db) {
    std::vector<StoredParticipant> stored;
    if (db.participants(stored).ok()) {
        std::vector<Participant> active;
        for (auto& sp : stored)
            if (sp.active) active.push_back(std::move(sp.participant));
        setRoster(std::move(active));
    }
}

void KioskSession::setRoster(std::vector<Participant> roster) {
    std::vector<std::pair<std::string, size_t>> keys;
    for (size_t i = 0; i < roster.size(); ++i) keys.emplace_back(firstNameSortKey(roster[i]), i);
    std::sort(keys.begin(), keys.end());
    roster_.clear();
    rosterSearch_.clear();
    ++rosterVersion_;
    for (const auto& [key, i] : keys) {
        rosterSearch_.push_back(searchText(roster[i]));
        roster_.push_back(std::move(roster[i]));
    }
}

bool KioskSession::loadConfigFrom(const ConfigFiles& files, bool atStart) {
    LoadedConfig next = loadConfig(files, texts_);
    if (!next.ok()) {
        // Keep the last good config; the problems are logged (stderr: the journal at the venue)
        // and kept for staff mode.
        configProblems_.clear();
        for (const auto& p : next.problems)
            if (p.severity == Severity::error) {
                configProblems_.push_back(p.format());
                if (atStart) startupProblems_.push_back(p.format());
                else std::fprintf(stderr, "%s\n", p.format().c_str());
            }
        return false;
    }
    configProblems_.clear();
    // A new or removed staff PIN (say, rotated because someone left) closes an open staff session.
    const bool pinChanged = !atStart && next.settings.staffPinHash != config_.settings.staffPinHash;
    config_ = std::move(next);
    ++rosterVersion_;
    if (pinChanged && (staffUnlocked_ || ui::isStaffScreen(ui_.screen) || ui_.screen == ui::Screen::staff_pin)) goHome();
    // The store decides whether the roster file really changed (roster_sync.h).
    if (auto it = files.files.find(kRosterFile); !atStart && worker_ && it != files.files.end()) {
        std::vector<Participant> rows;
        for (const auto& r : config_.roster.rows) rows.push_back(r.participant);
        worker_->syncConfigRoster(std::move(rows), it->second, clock_.now());
    }
    return true;
}

std::string KioskSession::configStamp() const {
    // Every file's modification time and size: a file copied in with an older time (cp -p, rsync,
    // unzip) or removed still changes the signature.
    std::string sig;
    for (const char* name : {kKioskFile, kProgrammeFile, kExercisesFile, kRosterFile}) {
        std::error_code ec, ec2;
        const auto t = std::filesystem::last_write_time(options_.configDir / name, ec);
        const auto size = std::filesystem::file_size(options_.configDir / name, ec2);
        sig += name;
        sig += ec ? std::string("-") : std::to_string(t.time_since_epoch().count());
        sig += '/';
        sig += ec2 ? std::string("-") : std::to_string(size);
        sig += ';';
    }
    return sig;
}

bool KioskSession::pollConfig() {
    if (options_.configDir.empty() || !options_.watchConfig) return false;
    const Instant now = clock_.now();
    if (now.ms - lastConfigPoll_.ms < kConfigPollMs) return false;
    lastConfigPoll_ = now;
    const std::string stamp = configStamp();
    if (stamp == configStamp_) return false;
    Problems readProblems;
    ConfigFiles files = readConfigFolder(options_.configDir, texts_, readProblems);
    if (!readProblems.empty()) return false;  // not remembered: read again at the next poll
    configStamp_ = stamp;
    return loadConfigFrom(files, false);
}

int64_t KioskSession::msUntilConfigPoll() const {
    if (options_.configDir.empty() || !options_.watchConfig) return INT64_MAX;
    return std::max<int64_t>(0, lastConfigPoll_.ms + kConfigPollMs - clock_.now().ms);
}

void KioskSession::stopStore() {
    worker_.reset();
    ready_ = false;
}

bool KioskSession::storeBusy() const { return (worker_ && worker_->pending() > 0) || pinCheck_ || export_; }

bool KioskSession::drainStore() {
    // A PIN check or an export that finished on its own thread needs a frame to take it.
    const bool background = backgroundDone();
    if (!worker_) return background;
    auto done = worker_->takeCompletions();
    for (auto& c : done) {
        if (c.kind == StoreRequestKind::import_roster) {
            if (!c.status.ok())
                std::fprintf(stderr, "participants.csv: %s (%s)\n", texts_(storeErrorKey(c.status.kind)).c_str(),
                             c.status.detail.c_str());
            else if (c.imported)
                setRoster(std::move(c.roster));  // exactly what the store now holds as active
            continue;
        }
        if (c.kind == StoreRequestKind::set_meta) {
            // A stored shift takes effect now (and only once it is stored, like a check-in).
            if (c.status.ok() && c.path.rfind("agenda_shift/", 0) == 0) {
                if (auto s = AgendaShift::parse(c.value)) {
                    shift_ = *s;
                    shiftDate_ = *LocalDate::parse(c.path.substr(13));
                }
            } else if (!c.status.ok()) {
                storeProblem_ = texts_(storeErrorKey(c.status.kind));
                std::fprintf(stderr, "%s (%s)\n", storeProblem_.c_str(), c.status.detail.c_str());
            }
            continue;
        }
        if (c.kind == StoreRequestKind::backup || c.kind == StoreRequestKind::purge) {
            if (!c.status.ok()) {
                std::fprintf(stderr, "%s: %s (%s)\n", c.kind == StoreRequestKind::backup ? c.path.c_str() : "purge",
                             texts_(storeErrorKey(c.status.kind)).c_str(), c.status.detail.c_str());
                lastBackupDay_ = {};                                  // try again,
                backupRetryAt_ = clock_.now().plusSeconds(60 * 60);  // in an hour
            }
            continue;
        }
        if (c.kind != StoreRequestKind::append_event) continue;
        if (staffCompletion(c)) continue;
        auto it = pending_.find(c.ticket);
        if (it == pending_.end()) continue;
        const PendingWrite pw = it->second;
        pending_.erase(it);
        if (c.status.ok()) {
            storeProblem_.clear();
            ledger_.apply(c.event);
            if (ui_.feedback.kind == ui::Feedback::Kind::pending && ui_.feedback.code == pw.code) {
                ui_.feedback = {pw.onSuccess, pw.code, pw.name, pw.at, clock_.now(), {}};
            }
        } else {
            storeProblem_ = texts_(storeErrorKey(c.status.kind));
            // The journal at the venue: what failed, in SQLite's own words too.
            std::fprintf(stderr, "%s (%s)\n", storeProblem_.c_str(), c.status.detail.c_str());
            ui_.feedback = {ui::Feedback::Kind::error, pw.code, pw.name, pw.at, clock_.now(), storeProblem_};
            if (ui_.screen != ui::Screen::walkin) ui_.screen = ui::Screen::checkin;
        }
    }
    return !done.empty() || background;
}

bool KioskSession::writing(const std::string& code) const {
    for (const auto& [ticket, w] : pending_)
        if (w.code == code) return true;
    return false;
}

const Participant* KioskSession::participant(const std::string& code) const {
    const std::string norm = normaliseCode(code);
    for (const auto& p : roster_)
        if (p.code == norm) return &p;
    return nullptr;
}

ui::KioskView KioskSession::buildView() const {
    ui::KioskView v;
    v.texts = &texts_;
    v.settings = &config_.settings;
    v.programme = &config_.programme;
    v.ledger = &ledger_;
    v.now = clock_.now();
    v.local = toLocal(v.now);
    v.today = config_.programme.dayOn(v.local.date);
    v.shiftAvailable = !config_.settings.facilitatorCode.empty();
    if (v.today && shift_.active() && shiftDate_ == v.local.date) {
        // The shifted copy follows the day shown; rebuilt only when day or shift changed.
        if (shiftedToday_.date != v.today->date || shiftedFor_ != shift_.serialise()) {
            shiftedToday_ = applyShift(*v.today, shift_);
            shiftedFor_ = shift_.serialise();
        }
        v.today = &shiftedToday_;
        v.shift = shift_;
    }
    v.shownDay = v.today ? v.today : config_.programme.nearestDay(v.local.date);
    for (size_t i = 0; i < roster_.size(); ++i)
        if (!v.today || roster_[i].cohortId == v.today->cohortId) {
            v.expected.push_back(&roster_[i]);
            v.expectedSearch.push_back(&rosterSearch_[i]);
        }
    for (const auto* p : v.expected)
        if (ledger_.record(v.local.date, p->code).checkIn) ++v.checkedIn;
    v.storeProblem = storeProblem_;
    v.dimmed = ui_.screen == ui::Screen::home && sleeping_;
    v.player = player();
    v.msSinceInput = v.now.ms - lastInput_.ms;
    v.pin = pinPadView(v.now);
    v.shiftLockedSeconds = shiftLockout_.locked(v.now) ? shiftLockout_.secondsLeft(v.now) : 0;
    v.staff = staffView(v);
    return v;
}

namespace {
constexpr int64_t kDimAfterMs = 60 * 1000;   // untouched this long outside programme hours
constexpr int kAwakeMarginMinutes = 60;      // bright from an hour before the day to an hour after
}  // namespace

bool KioskSession::dimmed(Instant now) const {
    if (now.ms - lastInput_.ms < kDimAfterMs) return false;
    const LocalDateTime local = toLocal(now);
    const ProgrammeDay* day = config_.programme.dayOn(local.date);
    if (!day) return true;
    const int m = local.hour * 60 + local.minute;
    return m < day->startsAt().minutes - kAwakeMarginMinutes || m >= day->endsAt().minutes + kAwakeMarginMinutes;
}

void KioskSession::goHome() {
    if (staffUnlocked_) lockStaff();  // home is public: staff mode never outlives it
    ui_.screen = ui::Screen::home;
    ui_.mode = ui::CheckMode::check_in;
    ui_.feedback = {};
    ui_.guestName.clear();
    ui_.shiftUnlocked = false;
    ui_.codeEntry.clear();
    ui_.codeWrong = false;
    ui_.pinEntry.clear();
    ui_.pinWrong = false;
    ui_.search.clear();
    ui_.scrollVelocity = 0.0f;
    ui_.guestOrganisation.clear();
    ui_.guestField = 0;
    texts_.setLang(options_.lang.value_or(config_.settings.lang));
}

void KioskSession::submit(AttendanceEvent e, ui::Feedback::Kind onSuccess, const Participant& p) {
    const std::string name = p.displayName(config_.settings.nameDisplay);
    ui_.feedback = {ui::Feedback::Kind::pending, p.code, name, e.at, clock_.now(), {}};
    ui_.screen = ui::Screen::checkin;
    const uint64_t ticket = worker_->append(std::move(e));
    pending_[ticket] = {onSuccess, p.code, p.firstName, ui_.feedback.at};
}

void KioskSession::apply(const ui::Intent& in) {
    using K = ui::Intent::Kind;
    const Instant now = clock_.now();
    const LocalDate today = localDateOf(now);
    const AttendanceRules rules = AttendanceRules::from(config_.settings);
    auto base = [&](EventKind kind, const std::string& code) {
        AttendanceEvent e;
        e.id = newEventId();
        e.participantCode = code;
        e.kind = kind;
        e.at = now;
        e.recordedAt = now;
        e.day = today;
        e.source = EventSource::kiosk;
        e.kioskId = config_.settings.kioskId;
        return e;
    };
    switch (in.kind) {
        case K::none: return;
        case K::unlock_staff:
        case K::lock_staff:
        case K::staff_day:
        case K::staff_change:
        case K::staff_export: applyStaff(in, now); return;
        case K::go:
            if (in.screen == ui::Screen::home) {
                goHome();
            } else if (ui::isStaffScreen(in.screen) && !staffUnlocked_) {
                ui_.screen = ui::Screen::staff_pin;  // the pages behind the PIN only through it
            } else {
                ui_.scrollToTop = true;
                if (in.screen == ui::Screen::staff_pin) {
                    ui_.pinEntry.clear();
                    ui_.pinWrong = false;
                }
                ui_.screen = in.screen;
                ui_.mode = in.mode;
                ui_.feedback = {};
                if (in.screen == ui::Screen::checkin) ui_.search.clear();
                if (in.screen != ui::Screen::shift) {  // leaving the shift screen locks it again
                    ui_.shiftUnlocked = false;
                    ui_.codeEntry.clear();
                    ui_.codeWrong = false;
                }
            }
            return;
        case K::set_lang: texts_.setLang(in.lang); return;
        case K::dismiss: goHome(); return;
        case K::check_in:
        case K::check_out: {
            if (!worker_) return;
            const Participant* p = participant(in.code);
            if (!p) return;
            // A write for this person still on its way to the disk: say so, never write twice.
            if (writing(p->code)) {
                ui_.feedback = {ui::Feedback::Kind::pending, p->code, p->firstName, now, now, {}};
                ui_.screen = ui::Screen::checkin;
                return;
            }
            const DayRecord rec = ledger_.record(today, p->code);
            const std::string first = p->firstName;
            if (in.kind == K::check_in) {
                if (decideCheckIn(rec) == CheckInDecision::already_checked_in) {
                    ui_.feedback = {ui::Feedback::Kind::already_in, p->code, first, *rec.checkIn, now, {}};
                    ui_.screen = ui::Screen::checkin;
                    return;
                }
                submit(base(EventKind::check_in, p->code), ui::Feedback::Kind::checked_in, *p);
            } else {
                const CheckOutDecision d = decideCheckOut(rec);
                if (d == CheckOutDecision::not_checked_in) {
                    ui_.feedback = {ui::Feedback::Kind::not_checked_in, p->code, first, now, now, {}};
                    ui_.screen = ui::Screen::checkin;
                    return;
                }
                if (d == CheckOutDecision::already_checked_out) {
                    ui_.feedback = {ui::Feedback::Kind::already_out, p->code, first, *rec.checkOut, now, {}};
                    ui_.screen = ui::Screen::checkin;
                    return;
                }
                submit(base(EventKind::check_out, p->code), ui::Feedback::Kind::checked_out, *p);
            }
            return;
        }
        case K::register_guest: {
            if (!worker_ || ui_.feedback.kind == ui::Feedback::Kind::pending) return;
            auto trim = [](std::string s) {
                while (!s.empty() && s.back() == ' ') s.pop_back();
                return s;
            };
            const std::string name = trim(in.name);
            if (name.empty()) return;
            AttendanceEvent e = base(EventKind::guest_registration, "");
            e.guestName = name;
            e.guestOrganisation = trim(in.organisation);
            ui_.feedback = {ui::Feedback::Kind::pending, {}, name, now, now, {}};
            const uint64_t ticket = worker_->append(std::move(e));
            pending_[ticket] = {ui::Feedback::Kind::guest_registered, {}, name, now};
            return;
        }
        case K::start_exercise: {
            const Exercise* e = config_.programme.exercise(in.code);
            if (!e) return;
            running_ = std::make_unique<Running>(*e);
            running_->player.start(now);
            ui_.screen = ui::Screen::exercise;
            return;
        }
        case K::exercise: applyPlayer(in.command, now); return;
        case K::unlock_shift:
            // The facilitator code is short: wrong tries lock the keypad as for the staff PIN.
            ui_.codeEntry.clear();
            if (shiftLockout_.locked(now)) return;
            if (!config_.settings.facilitatorCode.empty() && in.code == config_.settings.facilitatorCode) {
                ui_.shiftUnlocked = true;
                ui_.codeWrong = false;
                if (shiftLockout_.failures == 0 && shiftLockout_.lockouts == 0) return;
                shiftLockout_.recordSuccess();
            } else {
                ui_.codeWrong = true;
                shiftLockout_.recordFailure(now);
            }
            if (worker_) worker_->setMeta(kShiftLockoutMeta, shiftLockout_.serialise());
            return;
        case K::set_shift: {
            if (!worker_ || !ui_.shiftUnlocked) return;
            const int minutes = std::clamp(in.minutes, -240, 240);
            // From now on; a change of an existing shift keeps its starting point.
            const TimeOfDay from = shift_.active() && shiftDate_ == today ? shift_.from : toLocal(now).timeOfDay();
            worker_->setMeta("agenda_shift/" + today.iso(), AgendaShift{from, minutes}.serialise());
            return;
        }
        case K::undo: {
            if (!worker_ || ui_.feedback.kind != ui::Feedback::Kind::checked_in) return;
            const Participant* p = participant(ui_.feedback.code);
            const DayRecord rec = ledger_.record(today, ui_.feedback.code);
            if (!p || writing(p->code) || !canUndo(rec, now, rules)) return;
            AttendanceEvent e = base(EventKind::undo, p->code);
            e.refersTo = rec.checkInEventId;
            submit(std::move(e), ui::Feedback::Kind::undone, *p);
            return;
        }
    }
}

void KioskSession::noteInput() { lastInput_ = clock_.now(); }

void KioskSession::frame() {
    drainStore();
    const Instant now = clock_.now();
    staffFrame(now);
    // A new day (the kiosk runs for weeks): retention and today's backup, on the store thread.
    if (const LocalDate today = localDateOf(now); worker_ && today != lastBackupDay_ && now >= backupRetryAt_) {
        worker_->purge(today.plusDays(-config_.settings.retentionDays));
        worker_->dailyBackup(backupDir(options_.dbPath).string(), today, config_.settings.backupKeep);
        lastBackupDay_ = today;
    }
    // Inactivity: every screen returns home; messages close by themselves.
    const auto& fb = ui_.feedback;
    const int64_t feedbackMs = (fb.kind == ui::Feedback::Kind::checked_in ? config_.settings.undoSeconds : kFeedbackSeconds) * 1000;
    if (fb.kind != ui::Feedback::Kind::none && fb.kind != ui::Feedback::Kind::pending && now.ms - fb.shownAt.ms >= feedbackMs &&
        now.ms - lastInput_.ms >= feedbackMs)
        goHome();
    // A running exercise is left alone for as long as it runs: the facilitator is in the room.
    const bool exerciseOn = ui_.screen == ui::Screen::exercise && running_ &&
                            running_->player.state() != ExercisePlayer::State::finished;
    // Staff mode has its own, longer auto-lock (staffFrame).
    const bool staffOn = staffUnlocked_ && ui::isStaffScreen(ui_.screen);
    if (ui_.screen != ui::Screen::home && fb.kind != ui::Feedback::Kind::pending && !exerciseOn && !staffOn &&
        now.ms - lastInput_.ms >= static_cast<int64_t>(config_.settings.returnHomeSeconds) * 1000)
        goHome();
    ui_.undoSecondsLeft = 0;
    if (ui_.feedback.kind == ui::Feedback::Kind::checked_in)
        ui_.undoSecondsLeft = undoSecondsLeft(ledger_.record(localDateOf(now), ui_.feedback.code), now,
                                              AttendanceRules::from(config_.settings));

    // No staff page takes typed text: characters there are a badge scan at the door. Staff mode
    // locks and the scan is read on the home screen, so nobody's check-in is lost.
    if ((ui::isStaffScreen(ui_.screen) || ui_.screen == ui::Screen::staff_pin) && !ImGui::GetIO().InputQueueCharacters.empty())
        goHome();
    readBadge(now);
    readClicker(now);
    if (running_) running_->player.tick(now);
    // Asleep until a touch has come and gone: the touch that wakes the screen activates nothing.
    if (!sleeping_ && ui_.screen == ui::Screen::home && dimmed(now)) sleeping_ = true;
    const ui::KioskView view = buildView();
    ui_.animating = false;  // a screen that moves by itself this frame sets it again
    const ui::Intent intent = ui::drawKioskUi(view, ui_);
    apply(intent);
    if (sleeping_ && (ImGui::IsMouseReleased(ImGuiMouseButton_Left) || !ImGui::GetIO().InputQueueCharacters.empty())) {
        sleeping_ = false;
        lastInput_ = now;
    }
}

void KioskSession::applyPlayer(ui::Intent::PlayerCommand c, Instant now) {
    if (!running_) return;
    ExercisePlayer& p = running_->player;
    using C = ui::Intent::PlayerCommand;
    switch (c) {
        case C::next: p.next(now); break;
        case C::previous: p.previous(now); break;
        case C::toggle_pause: p.togglePause(now); break;
        case C::plus_minute: p.addMinutes(+1, now); break;
        case C::minus_minute: p.addMinutes(-1, now); break;
        case C::end: p.end(now); break;
    }
}

void KioskSession::readClicker(Instant now) {
    // PageDown, Right or Space: next. PageUp or Left: previous. P or B: pause. + and -: a minute.
    if (ui_.screen != ui::Screen::exercise || !running_) return;
    using C = ui::Intent::PlayerCommand;
    auto pressed = [](ImGuiKey_ k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), false); };
    std::optional<C> command;
    if (pressed(ImGuiKey_PageDown) || pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_Space)) command = C::next;
    if (pressed(ImGuiKey_PageUp) || pressed(ImGuiKey_LeftArrow)) command = C::previous;
    for (ImWchar ch : ImGui::GetIO().InputQueueCharacters) {
        if (ch == 'p' || ch == 'P' || ch == 'b' || ch == 'B') command = C::toggle_pause;
        if (ch == '+' || ch == '=') command = C::plus_minute;
        if (ch == '-') command = C::minus_minute;
    }
    if (!command) return;
    noteInput();
    applyPlayer(*command, now);
}

void KioskSession::readBadge(Instant now) {
    // A scanner (or a keyboard) types the code and presses Enter, on the home and check-in screens.
    if (ui_.screen != ui::Screen::home && ui_.screen != ui::Screen::checkin) return;
    const ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters) badge_.type(c, now);
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    if (!enter) return;
    const auto code = badge_.enter(now);
    if (!code) return;
    noteInput();
    if (!participant(*code)) {
        ui_.screen = ui::Screen::checkin;
        ui_.feedback = {ui::Feedback::Kind::unknown_code, *code, {}, now, now, {}};
        return;
    }
    if (ui_.feedback.kind == ui::Feedback::Kind::pending) return;
    ui_.feedback = {};
    apply(ui_.mode == ui::CheckMode::check_out && ui_.screen == ui::Screen::checkin ? ui::Intent::checkOut(*code)
                                                                                     : ui::Intent::checkIn(*code));
}

int64_t KioskSession::msUntilNextChange() const {
    const Instant now = clock_.now();
    int64_t ms = 60000 - (now.ms % 60000);  // the clock's minute
    if (ui_.feedback.kind != ui::Feedback::Kind::none) ms = std::min<int64_t>(ms, 1000 - (now.ms % 1000));
    if (ui_.animating) ms = std::min<int64_t>(ms, 16);  // a fling in progress: about 60 frames a second
    if (ui_.screen == ui::Screen::home && !sleeping_ && now.ms - lastInput_.ms < kDimAfterMs)
        ms = std::min(ms, lastInput_.ms + kDimAfterMs - now.ms);  // the moment it may dim
    if (ui_.screen == ui::Screen::exercise && running_ && running_->player.state() == ExercisePlayer::State::running) {
        // The countdown changes every second; the controls fade once.
        const int64_t rem = running_->player.remainingMs(now);
        ms = std::min<int64_t>(ms, (rem % 1000 + 1000) % 1000 + 1);
    }
    if (ui_.screen == ui::Screen::exercise && now.ms - lastInput_.ms < 6000)
        ms = std::min<int64_t>(ms, lastInput_.ms + 6001 - now.ms);
    // Staff mode: the auto-lock countdown each second; a PIN check or an export being finished.
    if (staffUnlocked_ || ui_.screen == ui::Screen::staff_pin) ms = std::min<int64_t>(ms, 1000 - (now.ms % 1000));
    const bool staffOn = staffUnlocked_ && ui::isStaffScreen(ui_.screen);
    if (staffOn) {
        const int64_t lockAt = lastInput_.ms + static_cast<int64_t>(config_.settings.staffAutoLockSeconds) * 1000;
        ms = std::min(ms, std::max<int64_t>(0, lockAt - now.ms));
    }
    if (ui_.screen != ui::Screen::home && !staffOn && !(ui_.screen == ui::Screen::exercise && running_ &&
                                           running_->player.state() != ExercisePlayer::State::finished)) {
        const int64_t deadline = lastInput_.ms + static_cast<int64_t>(config_.settings.returnHomeSeconds) * 1000;
        ms = std::min(ms, std::max<int64_t>(0, deadline - now.ms));
    }
    return std::max<int64_t>(ms, 0);
}

}  // namespace kiosk
