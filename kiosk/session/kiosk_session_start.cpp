// kiosk_session_start.cpp: the kiosk's start and its config (re)loads. At start: the config
// folder, the store with the roster in sync (store/store_opening.h, the same routine as the command
// line) and its daily full check deferred, the rooms' stored state, today's events into memory;
// then the store thread, whose first requests are the check, retention and today's backup, run
// while the window opens and draws (store_worker.h, START).
#include <algorithm>
#include <cstdio>

#include "session/kiosk_session.h"
#include "content/paths.h"
#include "central/central_kiosk_role.h"
#include "session/startup_trace.h"
#include "store/backup_rotation.h"
#include "store/store_messages.h"
#include "store/store_opening.h"
#include "store/meta_keys.h"

namespace kiosk {

void SessionState::reportStoreProblem(const StoreStatus& s, const std::string& what) {
    storeProblem = texts(storeErrorKey(s.kind));
    // The journal at the venue: what failed, in SQLite's own words too.
    std::fprintf(stderr, "%s%s%s (%s)\n", what.c_str(), what.empty() ? "" : ": ", storeProblem.c_str(), s.detail.c_str());
}

KioskSession::KioskSession(const SessionOptions& options, const Clock& clock, std::function<void()> wake)
    : s_(options, clock, std::move(wake)),
      nav_(s_),
      staff_(s_, nav_),
      days_(s_),
      late_(s_),
      watcher_(options.configDir, options.watchConfig, clock.now()),
      speech_(SpeechOptions{options.speechLog, options.audioDevice}, clock),
      narrator_(s_, speech_) {
    watchConfigFolder();
    s_.texts = loadEmbeddedTexts(options.lang.value_or(Lang::nl));
    s_.ui.screen = options.startScreen;
    start();
    if (!ready_) outOfOrder();
    else {
        if (s_.ui.screen == ui::Screen::out_of_order) s_.ui.screen = ui::Screen::home;  // only a kiosk that could not start
        // Room mode starts on the room display (no public check-in on show); the room display is pinned.
        const ui::Screen at = s_.ui.screen;
        if (nav_.roomMode() && (at == ui::Screen::home || at == ui::Screen::checkin || at == ui::Screen::walkin))
            s_.ui.screen = ui::Screen::room;
        if (s_.ui.screen == ui::Screen::room) s_.ui.roomPinned = true;
    }
}

void KioskSession::outOfOrder() {
    Texts nl = s_.texts, en = s_.texts;
    nl.setLang(Lang::nl);
    en.setLang(Lang::en);
    const TextArgs venue{{"venue", s_.config.settings.venue}};
    outOfOrder_ = {nl("out_of_order.title"), nl.format("out_of_order.body", venue), en("out_of_order.title"),
                   en.format("out_of_order.body", venue), s_.texts("out_of_order.reasons"), s_.startupProblems};
    s_.ui = ui::UiState{};
    s_.ui.screen = ui::Screen::out_of_order;
}

KioskSession::~KioskSession() = default;

void KioskSession::start() {
    Problems readProblems;
    const ConfigFiles files = readConfig(s_.options.configDir, s_.texts, s_.options.lang.has_value(), readProblems);
    for (const auto& p : readProblems) s_.startupProblems.push_back(p.format());
    if (!readProblems.empty() || !applyConfig(files, true)) {
        configError_ = true;
        return;
    }
    const Instant now = s_.clock.now();
    auto db = std::make_unique<AttendanceDb>();
    bool rosterFailed = false, checkDeferred = false;
    if (!openStoreWithRoster(*db, s_.options.dbPath, s_.config.settings.retentionDays, rosterInput(files, s_.config), now,
                             s_.texts, s_.startupProblems, rosterFailed, CheckTiming::deferred, &checkDeferred)
             .ok())
        return;
    traceStartup(checkDeferred ? "  store opened (its check deferred), roster in sync" : "  store opened, roster in sync");
    s_.roster.reloadFrom(*db);
    if (ClockCheck clock; db->checkClock(now, clock).ok()) {  // the clock against the records (retention.cpp)
        s_.clockOk = clock.ok();
        s_.clockStatus = describeClock(s_.texts, clock, now, s_.config.settings.retentionDays);
        if (!s_.clockOk) s_.startupProblems.push_back(s_.clockStatus);
    }
    traceStartup("  clock against the records");
    staff_.load(*db);
    late_.load(*db);
    // A run a facilitator stopped today: offered again (the exercises' "Verder met ..." button).
    if (std::string kept; db->meta(meta_keys::kExerciseStoppedRun, kept).ok() && !kept.empty())
        if (const auto run = StoppedRun::parse(kept); run && run->date == localDateOf(now))
            if (const Exercise* e = s_.config.programme.exercise(run->exerciseId)) {
                auto r = std::make_unique<Running>(*e);
                if (r->player.restoreStopped(*run)) {
                    running_ = std::move(r);
                    stoppedRunKept_ = kept;
                }
            }
    const LocalDate today = localDateOf(now);
    auto say = [&](const StoreStatus& st) {
        s_.startupProblems.push_back(s_.texts(storeErrorKey(st.kind)) + " (" + st.detail + ")");
        // A file that fails to read for the first frame is checked before it at the next start.
        if (st.kind == StoreErrorKind::damaged || st.kind == StoreErrorKind::io) db->distrustCheck();
    };
    // The high-water mark first, then today (of the shown cohorts, through the by-day index): what
    // another writer commits in between comes again through follow(), and the ledger takes an id
    // once. Nothing else of the record is read (core/attendance.h, WHAT THE KIOSK HOLDS).
    int64_t seenUpTo = 0;
    if (auto st = db->lastSeq(seenUpTo); !st.ok()) {
        say(st);
        return;
    }
    if (auto st = days_.loadToday(*db, today); !st.ok()) {
        say(st);
        return;
    }
    traceStartup("  today into memory");
    s_.worker = std::make_unique<StoreWorker>(std::move(db), s_.wake);
    // First the check open() left, then retention and today's backup; taps queue behind them
    // (store_worker.h, START). The window opens and draws meanwhile.
    if (checkDeferred) checking_ = s_.worker->checkDeferred(today);
    dailyUpkeep(now);
    s_.worker->follow(seenUpTo);  // another kiosk, the command line, a script (store_worker.h)
    startSync();
    ready_ = true;
}

bool KioskSession::applyConfig(const ConfigFiles& files, bool atStart) {
    LoadedConfig next = loadConfig(files, s_.texts);
    s_.configProblems.clear();
    if (!next.ok()) {
        // Keep the last good config; the problems are logged (stderr: the journal at the venue)
        // and kept for staff mode.
        for (const auto& p : next.problems)
            if (p.severity == Severity::error) {
                s_.configProblems.push_back(p.format());
                if (atStart) s_.startupProblems.push_back(p.format());
                else std::fprintf(stderr, "%s\n", p.format().c_str());
            }
        return false;
    }
    // A new or removed staff PIN (say, rotated because someone left) closes an open staff session.
    const bool pinChanged = !atStart && next.settings.staffPinHash != s_.config.settings.staffPinHash;
    s_.config = std::move(next);
    s_.roster.touch();
    late_.configChanged();
    staff_.configChanged();
    if (pinChanged && (staff_.unlocked() || ui::isStaffScreen(s_.ui.screen) || s_.ui.screen == ui::Screen::staff_pin))
        goHome();
    // The store decides whether the roster file really changed (roster_sync.h).
    if (auto it = files.files.find(kRosterFile); !atStart && s_.worker && it != files.files.end()) {
        std::vector<Participant> rows;
        for (const auto& r : s_.config.roster.rows) rows.push_back(r.participant);
        s_.worker->syncConfigRoster(std::move(rows), it->second, s_.clock.now());
    }
    return true;
}

// The config folder told by inotify (issue 33): the four files, each counted once written and
// closed (never read half-written). Told once at once: an edit between the watcher's first
// signature and this watch is looked at too.
void KioskSession::watchConfigFolder() {
    const auto& dir = s_.options.configDir;
    if (!s_.options.watchConfig || dir.empty()) return;
    FileWatch files({dir / kKioskFile, dir / kProgrammeFile, dir / kExercisesFile, dir / kRosterFile}, true, true);
    if (!files.active()) return;  // polled every 2 s instead (content/config_folder.h)
    configWatch_ = std::make_unique<FileWatchThread>(std::move(files), [wake = s_.wake] {
        if (wake) wake();
    });
    watcher_.toldFromNowOn();
    watcher_.tell();
}

bool KioskSession::pollConfig() {
    if (configWatch_ && configWatch_->changed()) watcher_.tell();
    Problems readProblems;
    auto files = watcher_.poll(s_.clock.now(), s_.texts, readProblems);
    if (!readProblems.empty()) {  // read again at the next poll; shown in staff mode meanwhile
        s_.configProblems.clear();
        for (const auto& p : readProblems) s_.configProblems.push_back(p.format());
        return false;
    }
    return files && applyConfig(*files, false);
}

// With a [central] url: the sync thread (central/sync_worker.h), on its own connections. A change of
// the url (or of the programme's cohorts) while the kiosk runs takes effect at the next start.
void KioskSession::startSync() {
    const KioskSettings& k = s_.config.settings;
    if (k.centralUrl.empty()) return;
    if (!validCentralKioskId(k.kioskId)) {
        s_.startupProblems.push_back(s_.texts.format("central_setup.bad_kiosk_id", {{"id", k.kioskId}}));
        return;
    }
    SyncWorkerOptions o;
    o.url = k.centralUrl;
    o.passwordFile = k.centralPasswordFile;
    o.kioskId = k.kioskId;
    o.dbPath = s_.options.dbPath;
    for (const Cohort& c : s_.config.programme.cohorts) o.cohorts.insert(c.id);  // as `sync` picks them
    s_.sync = std::make_unique<SyncWorker>(std::move(o), s_.clock, s_.texts, s_.wake);
}

void KioskSession::stopStore() {
    s_.sync.reset();  // first: it must not outlive the window system it wakes
    s_.worker.reset();
    ready_ = false;
}

// The deferred check found the file damaged (store_worker.h, START, 2): the out-of-order screen,
// and the window closes kOutOfOrderMs later, as at a start that failed; the next start checks the
// file first and quarantines it.
void KioskSession::checked(const StoreCompletion& c) {
    checking_ = 0;
    if (c.status.ok()) return;
    s_.reportStoreProblem(c.status, s_.options.dbPath.string());
    if (c.status.kind != StoreErrorKind::damaged && c.status.kind != StoreErrorKind::io) return;  // checked next start
    s_.startupProblems.push_back(s_.options.dbPath.string() + ": " + s_.storeProblem + " (" + c.status.detail + ")");
    ready_ = false;
    outOfOrder();
    closeAt_ = s_.clock.steady().plusMs(kOutOfOrderMs);
}

int64_t KioskSession::msUntilClose() const {
    return closeAt_ ? std::max<int64_t>(0, msBetween(s_.clock.steady(), *closeAt_)) : INT64_MAX;
}

void KioskSession::dailyUpkeep(Instant now) {
    const LocalDate today = localDateOf(now);
    if (!s_.worker || today == lastUpkeepDay_ || now < upkeepRetryAt_) return;
    s_.worker->purge(today.plusDays(-s_.config.settings.retentionDays));
    s_.worker->dailyBackup(backupDir(s_.options.dbPath).string(), today, s_.config.settings.backupKeep);
    lastUpkeepDay_ = today;
}

}  // namespace kiosk
