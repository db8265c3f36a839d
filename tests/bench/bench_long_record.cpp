// bench_long_record: a long record (issue 20). Start-up to the first frame and the kiosk's memory
// with 0, 100,000 and 1,000,000 events in the database, generated across 50 cohorts and three years
// through the store's own schema; the same after a day of check-ins; and the time until a staff page
// for a day a year ago shows its people. Prints a table; nothing here is a timed test.
//
//   xvfb-run -a -s "-screen 0 1280x800x24" build/test/tests/bench/bench_long_record [sizes...]
//
// Start-up and RSS are of the real binary (--ui-dump: the first frame's line), read from
// /proc/PID/status (VmRSS right after the first frame, VmHWM the peak), median of three starts after
// a first one (the first start of a day also makes the daily backup: reported on its own). The staff
// page is timed in-process (a headless session on the same database): from asking for the day until
// its list is there.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "content/staff_pin.h"
#include "bench_stats.h"
#include "process.h"
#include "store/atomic_file.h"
#include "store/attendance_db.h"
#include "ui_harness.h"

using namespace kiosk;
using namespace kiosk::bench;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kNow = "2026-11-26T09:10";  // day 1 of the sample programme
constexpr const char* kPin = "2580";
constexpr int kCohorts = 50, kPerCohort = 14, kDays = 3 * 365;

// Cohort 0 is the sample config's own (ZU01..ZU14, zutphen-2026): a staff page of an old day has
// people and times to show. The other 49 are cohorts this kiosk does not show.
std::string code(int cohort, int person) {
    if (cohort == 0) {
        char zu[8];
        std::snprintf(zu, sizeof zu, "ZU%02d", person + 1);
        return zu;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "B%02dP%02d", cohort, person);
    return buf;
}

// The sample config, with a retention that keeps three years and a staff PIN.
void writeConfig(const fs::path& dir) {
    fs::create_directories(dir);
    for (const char* f : {"programme.toml", "exercises.toml", "participants.csv"})
        fs::copy_file(fs::path(KIOSK_SOURCE_DIR) / "config" / f, dir / f, fs::copy_options::overwrite_existing);
    std::string toml = *readWholeFile(fs::path(KIOSK_SOURCE_DIR) / "config" / "kiosk.toml");
    const auto at = toml.find("retention_days = 365");
    if (at != std::string::npos) toml.replace(at, 20, "retention_days = 1200");
    writeFileAtomically(dir / "kiosk.toml", withPinHash(toml, *hashPin(kPin)));
}

// `n` events: check-in and check-out pairs of 50 cohorts' participants on days of the three years
// before today, in one transaction with one prepared statement (the schema made by the store itself).
bool generate(const fs::path& db, long n, LocalDate today) {
    {
        AttendanceDb store;
        if (!store.open(db, localTime(kNow)).status.ok()) return false;
        std::vector<Participant> people;
        for (int c = 0; c < kCohorts; ++c)
            for (int p = 0; p < kPerCohort; ++p)
                people.push_back({code(c, p), "Voornaam" + std::to_string(p), "", "Achternaam" + std::to_string(c), "Afdeling",
                                  c == 0 ? "zutphen-2026" : "bench-" + std::to_string(c), ""});
        RosterImportResult r;
        if (!store.importRoster(people, localTime(kNow), r).ok()) return false;
    }
    sqlite3* raw = nullptr;
    if (sqlite3_open(db.c_str(), &raw) != SQLITE_OK) return false;
    sqlite3_exec(raw, "PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(raw,
                       "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date, source, kiosk_id)"
                       " VALUES (?,?,?,?,?,?,'kiosk','bench')",
                       -1, &st, nullptr);
    std::mt19937_64 rng(20);
    char id[40];
    for (long i = 0; i < n; i += 2) {
        const LocalDate day = today.plusDays(-1 - static_cast<int>(rng() % kDays));
        const int c = static_cast<int>(rng() % kCohorts), p = static_cast<int>(rng() % kPerCohort);
        const Instant in = fromLocal({day, 8 + static_cast<int>(rng() % 2), static_cast<int>(rng() % 60), 0});
        for (int k = 0; k < 2 && i + k < n; ++k) {
            std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(rng()), static_cast<unsigned long long>(i + k));
            const Instant at = k == 0 ? in : Instant{in.ms + 8LL * 3600 * 1000};
            const std::string c1 = code(c, p), iso = day.iso();
            sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, c1.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 3, k == 0 ? "check_in" : "check_out", -1, SQLITE_STATIC);
            sqlite3_bind_int64(st, 4, at.ms);
            sqlite3_bind_int64(st, 5, at.ms);
            sqlite3_bind_text(st, 6, iso.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) != SQLITE_DONE) {
                std::fprintf(stderr, "insert: %s\n", sqlite3_errmsg(raw));
                return false;
            }
            sqlite3_reset(st);
        }
    }
    sqlite3_finalize(st);
    const bool ok = sqlite3_exec(raw, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(raw);
    return ok;
}

// A day of check-ins at the door: the sample cohort in and out today, through the store.
void dayOfCheckIns(const fs::path& db, LocalDate today) {
    AttendanceDb store;
    store.open(db, localTime(kNow));
    std::vector<StoredParticipant> people;
    store.participants(people);
    for (const auto& sp : people) {
        if (!sp.active) continue;
        for (int k = 0; k < 2; ++k) {
            AttendanceEvent e;
            e.id = newEventId();
            e.participantCode = sp.participant.code;
            e.kind = k == 0 ? EventKind::check_in : EventKind::check_out;
            e.at = e.recordedAt = fromLocal({today, k == 0 ? 8 : 8, k == 0 ? 50 : 59, 0});
            e.day = today;
            e.kioskId = "bench";
            store.appendEvent(e);
        }
    }
}

long statusKb(int pid, const char* field) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(std::string(field).size()));
    return -1;
}

struct Start {
    double ms = 0;
    double rssMiB = 0, peakMiB = 0;
    bool ok = false;
};

Start startOnce(const fs::path& db, const fs::path& config, const fs::path& dump) {
    fs::remove(dump);
    const auto t0 = Stopwatch::now();
    const int pid = spawn({KIOSK_BINARY, "--config", config.string(), "--db", db.string(), "--ui-dump", dump.string(), "--now", kNow});
    Start s;
    for (int i = 0; i < 60000; ++i) {
        std::error_code ec;
        if (fs::file_size(dump, ec) > 0 && !ec) {
            s.ms = ms(Stopwatch::now() - t0);
            s.rssMiB = static_cast<double>(statusKb(pid, "VmRSS:")) / 1024.0;
            s.peakMiB = static_cast<double>(statusKb(pid, "VmHWM:")) / 1024.0;
            s.ok = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    stop(pid);
    return s;
}

struct Row {
    long events = 0;
    double generateS = 0, dbMiB = 0;
    Start first, later, afterDay;
    double oldDayMs = -1;
    size_t oldDayRows = 0, heldEvents = 0;
};

Start median(const fs::path& db, const fs::path& config, const fs::path& dump) {
    std::vector<Start> runs;
    for (int i = 0; i < 3; ++i) runs.push_back(startOnce(db, config, dump));
    std::sort(runs.begin(), runs.end(), [](const Start& a, const Start& b) { return a.ms < b.ms; });
    Start m = runs[1];
    for (const auto& r : runs) m.peakMiB = std::max(m.peakMiB, r.peakMiB);
    return m;
}

// In-process: unlock staff mode, ask for the day a year ago, frames until its list is there.
void openOldDay(const fs::path& db, const fs::path& config, Row& row) {
    UiHarness ui(kNow, 1280, 800, config.string(), false, db);
    ui.holdAt(ImVec2(8, 8), 3000);  // the hidden way in: the PIN pad
    ui.session().apply(ui::Intent::unlockStaff(kPin));
    ui.session().finishBackgroundWork();
    ui.frame();
    if (!ui.session().staffUnlocked()) return;
    const auto t0 = Stopwatch::now();
    ui.session().apply(ui::Intent::staffDay(-365));
    for (int i = 0; i < 20000; ++i) {
        ui.frame();
        const ui::StaffView* v = ui.session().buildView().staff;
        if (v && v->date == localDateOf(localTime(kNow)).plusDays(-365) && !v->loading) {
            row.oldDayMs = ms(Stopwatch::now() - t0);
            row.oldDayRows = v->rows.size();
            break;
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    row.heldEvents = ui.session().ledger().eventCount();
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<long> sizes{0, 100000, 1000000};
    if (argc > 1) {
        sizes.clear();
        for (int i = 1; i < argc; ++i) sizes.push_back(std::atol(argv[i]));
    }
    AmsterdamTime tz;
    TempDir temp;
    // BENCH_KEEP=DIR keeps the databases there (to look at them afterwards).
    const fs::path dir = std::getenv("BENCH_KEEP") ? fs::path(std::getenv("BENCH_KEEP")) : temp.path();
    const fs::path config = dir / "config";
    writeConfig(config);
    const LocalDate today = localDateOf(localTime(kNow));
    std::vector<Row> rows;
    for (long n : sizes) {
        Row row;
        row.events = n;
        const fs::path db = dir / ("n" + std::to_string(n)) / "attendance.db";
        fs::remove_all(db.parent_path());
        const auto g0 = Stopwatch::now();
        if (!generate(db, n, today)) {
            std::fprintf(stderr, "could not generate %ld events\n", n);
            return 1;
        }
        row.generateS = ms(Stopwatch::now() - g0) / 1000.0;
        row.dbMiB = static_cast<double>(fs::file_size(db)) / (1024.0 * 1024.0);
        const fs::path dump = dir / "ui.jsonl";
        row.first = startOnce(db, config, dump);
        row.later = median(db, config, dump);
        dayOfCheckIns(db, today);
        row.afterDay = median(db, config, dump);
        openOldDay(db, config, row);
        std::fprintf(stderr, "%ld events done\n", n);
        rows.push_back(row);
    }
    std::printf("| events | generate s | db MiB | first start ms | start ms | RSS MiB | peak MiB | after a day: start ms | RSS MiB | peak MiB | "
                "staff page a year ago ms (rows) | events held |\n");
    std::printf("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (const auto& r : rows)
        std::printf("| %ld | %.1f | %.1f | %.0f | %.0f | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f (%zu) | %zu |\n", r.events, r.generateS,
                    r.dbMiB, r.first.ms, r.later.ms, r.later.rssMiB, r.later.peakMiB, r.afterDay.ms, r.afterDay.rssMiB,
                    r.afterDay.peakMiB, r.oldDayMs, r.oldDayRows, r.heldEvents);
    return 0;
}
