// kiosk_session_start.cpp: the kiosk's start and its config (re)loads. At start: the config
// folder, the store with the roster in sync (store/store_opening.h, the same routine as the command
// line), the rooms' stored state, retention, today's backup, then today's events into memory.
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
      watcher_(options.configDir, options.watchConfig, clock.now()) {
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
    bool rosterFailed = false;
    if (!openStoreWithRoster(*db, s_.options.dbPath, s_.config.settings.retentionDays, rosterInput(files, s_.config), now,
                             s_.texts, s_.startupProblems, rosterFailed)
             .ok())
        return;
    traceStartup("  store opened and checked, roster in sync");
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
    // Retention, then today's backup: both before the first frame, on the kiosk's own data.
    const LocalDate today = localDateOf(now);
    auto say = [&](const StoreStatus& st) {
        s_.startupProblems.push_back(s_.texts(storeErrorKey(st.kind)) + " (" + st.detail + ")");
    };
    int purged = 0;
    if (auto st = db->purge(today.plusDays(-s_.config.settings.retentionDays), purged); !st.ok()) say(st);
    traceStartup("  retention");
    const auto backup = dailyBackup(*db, backupDir(s_.options.dbPath), today, s_.config.settings.backupKeep);
    if (!backup.status.ok()) say(backup.status);
    traceStartup("  today's backup");
    lastUpkeepDay_ = today;
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

bool KioskSession::pollConfig() {
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

void KioskSession::dailyUpkeep(Instant now) {
    const LocalDate today = localDateOf(now);
    if (!s_.worker || today == lastUpkeepDay_ || now < upkeepRetryAt_) return;
    s_.worker->purge(today.plusDays(-s_.config.settings.retentionDays));
    s_.worker->dailyBackup(backupDir(s_.options.dbPath).string(), today, s_.config.settings.backupKeep);
    lastUpkeepDay_ = today;
}

}  // namespace kiosk
