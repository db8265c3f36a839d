// A fault at every step of a push and a pull (issue 34, item 1; store/sync_step.h): the sync is cut
// at each named step in turn, then synced again, and every kiosk and the server must end with each
// confirmed event exactly once (central_sync.h, rules 1, 3, 4 and 5).
//
// HOW
//   - The steps are read from the source: every syncStep("...") under kiosk/. A clean round of the
//     scenario below records the steps it passes; a step of the source that it never passes fails
//     the test (a step added to the code is cut at without changing this file, and a step that no
//     round reaches is named).
//   - Each round: kiosk zaal writes 2 events and syncs cleanly; kiosk deur writes 3; the server
//     loses deur's highest event and the highest of kiosk foyer's (foyer synced once at the start
//     and is never seen again: deur re-offers it, rule 5); deur's "cohorts of the last pull" meta
//     is unset (as a database last pulled before version 6: the pull writes it again). Then deur
//     syncs as the sync thread does (push, pull, a push with nothing left) with batches of 2, cut
//     at the chosen step; then the checks below; then deur syncs again cleanly and zaal pulls.
//   - The cuts: every step passed (each occurrence), with the process KILLED there (a forked child
//     that _exit()s at the step) and with the connection DROPPED there (shutdown(2) of its socket,
//     in-process: the code meets the failure and returns); and each libpq step (".pg." in its
//     name) once, at its first occurrence, with the SERVER STOPPED there (pg_ctl stop -m fast;
//     started again after). A stop costs about a second; at a SQLite step it would add nothing to
//     the dropped connection there but the restart.
//   - Right after the cut: each of deur's own events is on the server or in its outbox (rule 3:
//     a push killed anywhere loses nothing), but the ones the test took from the server.
//     After syncing again: the server holds every event written once (deur's series with deur's
//     own sequence numbers), deur and zaal hold every event once, deur's outbox is empty.
// Each cut prints one line: kind, phase, step#occurrence, what the cut left, and the outcome.
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "central/central_sync.h"
#include "central_kiosk.h"
#include "core/clock.h"
#include "store/central_outbox.h"
#include "store/sync_step.h"

namespace kiosk::test {
namespace {

enum class Cut { none, killed, dropped, stopped };
const char* cutName(Cut k) {
    return k == Cut::killed ? "killed" : k == Cut::dropped ? "dropped" : k == Cut::stopped ? "stopped" : "none";
}
constexpr int kKilledExit = 77;

// What the hook sees; one sync at a time.
struct Armed {
    bool recording = false;
    std::vector<std::pair<std::string, std::string>> trace;  // (phase, step) as passed
    std::string phase;
    std::string target;
    int occurrence = 0, seen = 0;
    Cut kind = Cut::none;
    bool fired = false;
    PgConnection* conn = nullptr;
    PgServer* server = nullptr;
} g;

void onStep(const char* name) {
    if (g.recording) g.trace.emplace_back(g.phase, name);
    if (g.kind == Cut::none || g.target != name || ++g.seen != g.occurrence) return;
    g.fired = true;
    if (g.kind == Cut::killed) _exit(kKilledExit);
    if (g.kind == Cut::dropped && g.conn && g.conn->raw()) ::shutdown(PQsocket(g.conn->raw()), SHUT_RDWR);
    if (g.kind == Cut::stopped) g.server->stop();
}

// Every step named in the source, in file order.
std::vector<std::string> sourceSteps() {
    std::vector<std::string> out;
    const std::regex call(R"re(syncStep\("([a-z_]+\.[a-z0-9_.]+)"\))re");
    std::vector<std::filesystem::path> files;
    for (const auto& f : std::filesystem::recursive_directory_iterator(kSource + "/kiosk"))
        if (f.path().extension() == ".cpp" || f.path().extension() == ".h") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        const std::string text = readFile(f.string());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it)
            out.push_back((*it)[1]);
    }
    return out;
}

// One sync of `k` as the sync thread makes it: push, pull, and a push with nothing left to send.
// "" when all three worked, else the first failure.
std::string syncAsThread(const Kiosk& k, const PrintedKiosk& login) {
    PgConnection pg;
    if (std::string why = pg.connect(login.url, login.password, 5); !why.empty()) return "connect: " + why;
    g.conn = &pg;
    CentralOutbox outbox;
    if (auto s = outbox.open(k.dir / "attendance.db"); !s.ok()) return "open: " + s.detail;
    SystemClock clock;
    std::string failed;
    g.phase = "push";
    if (const PushReport p = pushOutbox(pg, outbox, k.id, clock, 2); !p.ok) failed = "push: " + p.error;
    g.phase = "pull";
    if (failed.empty())
        if (const PullReport r = pullOtherKiosks(pg, outbox, k.id, clock.now().ms, 2); !r.ok) failed = "pull: " + r.error;
    g.phase = "push again";
    if (failed.empty())
        if (const PushReport p = pushOutbox(pg, outbox, k.id, clock, 2); !p.ok) failed = "push again: " + p.error;
    g.conn = nullptr;
    return failed;
}

std::set<std::string> idsOf(PgResult r) {
    std::set<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.insert(r.text(i, 0));
    return out;
}

std::set<std::string> sqliteIds(const Kiosk& k, const std::string& sql) {
    std::set<std::string> out;
    sqlite3* db = nullptr;
    if (sqlite3_open((k.dir / "attendance.db").c_str(), &db) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK)
            while (sqlite3_step(st) == SQLITE_ROW)
                if (const unsigned char* t = sqlite3_column_text(st, 0)) out.insert(reinterpret_cast<const char*>(t));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

void sqliteExec(const Kiosk& k, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((k.dir / "attendance.db").c_str(), &db) == SQLITE_OK);
    sqlite3_busy_timeout(db, 5000);
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    INFO(sql << ": " << sqlite3_errmsg(db));
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

constexpr const char* kOwnIds = "SELECT id FROM attendance_event WHERE id NOT IN (SELECT event_id FROM central_pulled)";

struct World {
    CentralDb c;
    PrintedKiosk pDeur = c.addKiosk("deur"), pZaal = c.addKiosk("zaal"), pFoyer = c.addKiosk("foyer");
    Kiosk deur{"deur", pDeur}, zaal{"zaal", pZaal}, foyer{"foyer", pFoyer};
    std::set<std::string> written;  // every event any kiosk confirmed
    int serial = 0;

    World() {
        // Each kiosk's database and the cohort's roster (the server takes events of people in it).
        for (const Kiosk* k : {&foyer, &deur, &zaal}) {
            REQUIRE(k->checkIn("ZU01", "2026-11-26T08:50").exitCode == 0);
            for (const std::string& id : sqliteIds(*k, "SELECT id FROM attendance_event")) written.insert(id);
        }
        write(foyer, 3);
        REQUIRE(c.owner.exec("INSERT INTO central_cutoff (cutoff) VALUES ('2026-01-01')").ok());
        for (const Kiosk* k : {&foyer, &deur, &zaal, &deur}) {
            const RunResult r = k->sync();
            INFO(k->id << ": " << r.out << r.err);
            REQUIRE(r.exitCode == 0);
        }
    }
    void write(const Kiosk& k, int n) {
        std::string sql = "BEGIN;";
        for (int i = 0; i < n; ++i) {
            const std::string id = k.id + "-" + std::to_string(++serial);
            written.insert(id);
            sql += "INSERT INTO attendance_event (id, participant_code, kind, at_ms, recorded_ms, local_date, source,"
                   " kiosk_id) VALUES ('" + id + "', 'ZU0" + std::to_string(2 + serial % 3) + "', 'check_in', " +
                   std::to_string(1795680300000LL + serial * 1000) + ", 1795680300000, '2026-11-26', 'kiosk', '" +
                   k.id + "');";
        }
        sqliteExec(k, sql + "COMMIT;");
    }
    // The server loses the highest event of deur's series and of foyer's (as a restored dump would).
    std::set<std::string> lose() {
        std::set<std::string> lost;
        for (const char* origin : {"deur", "foyer"}) {
            PgResult top = c.owner.exec("SELECT id FROM attendance_event WHERE origin_kiosk = $1 ORDER BY origin_seq DESC"
                                        " LIMIT 1", {std::string(origin)});
            REQUIRE(top.rows() == 1);
            lost.insert(top.text(0, 0));
        }
        // The owner's hand past the append-only rule (as central-setup's own migrations are), one round trip.
        const PgResult r = c.owner.exec("BEGIN; ALTER TABLE attendance_event DISABLE TRIGGER attendance_event_append_only;"
                                        " DELETE FROM attendance_event WHERE id IN ('" + *lost.begin() + "', '" +
                                        *lost.rbegin() + "');"
                                        " ALTER TABLE attendance_event ENABLE TRIGGER attendance_event_append_only; COMMIT");
        INFO(r.error());
        REQUIRE(r.ok());
        return lost;
    }
    // Everything but the cut itself; "" when every check held, else what did not.
    std::string round(Cut kind, const std::string& step, int occurrence, std::string& left) {
        write(zaal, 2);
        const bool recording = std::exchange(g.recording, false);  // only deur's sync is traced
        const std::string before = syncAsThread(zaal, pZaal);
        g.recording = recording;
        if (!before.empty()) return "zaal's sync before: " + before;
        write(deur, 3);
        const std::set<std::string> lost = lose();
        sqliteExec(deur, "DELETE FROM meta WHERE key = 'central_pulled_cohorts'");

        g = Armed{g.recording, std::move(g.trace), "", step, occurrence, 0, kind, false, nullptr, &c.server};
        std::string outcome;
        if (kind == Cut::killed) {
            const pid_t pid = fork();
            if (pid == 0) {
                syncAsThread(deur, pDeur);
                _exit(0);  // the step was not reached
            }
            int status = 0;
            waitpid(pid, &status, 0);
            g.fired = WIFEXITED(status) && WEXITSTATUS(status) == kKilledExit;
        } else {
            outcome = syncAsThread(deur, pDeur);
        }
        const bool fired = g.fired;
        g.kind = Cut::none;
        if (kind != Cut::none && !fired) return "the step was not reached";
        if (kind == Cut::stopped) {
            if (!c.server.start()) return "server start: " + c.server.error();
        }
        if (!c.owner.isOpen() || !c.owner.exec("SELECT 1").ok())
            if (std::string why = c.owner.connect(c.server.ownerUrl(c.db)); !why.empty()) return "owner: " + why;
        if (kind == Cut::none && !outcome.empty()) return "the clean sync failed: " + outcome;

        // Rule 3 at the cut: deur's own events are on the server or waiting.
        const std::set<std::string> onServer = idsOf(c.owner.exec("SELECT id FROM attendance_event"));
        const std::set<std::string> waiting =
            sqliteIds(deur, "SELECT e.id FROM central_outbox o JOIN attendance_event e ON e.seq = o.seq");
        std::string missing;
        for (const std::string& id : sqliteIds(deur, kOwnIds))
            if (!onServer.count(id) && !waiting.count(id) && !lost.count(id)) missing += " " + id;
        left = std::to_string(onServer.size()) + " on the server, " + std::to_string(waiting.size()) + " waiting" +
               (outcome.empty() ? "" : " (" + outcome.substr(0, outcome.find(':')) + " failed)");
        // Synced again even so: the next cut starts from a whole record.
        g.recording = false;
        std::string again = syncAsThread(deur, pDeur);
        if (again.empty()) again = syncAsThread(zaal, pZaal);
        g.recording = recording;
        if (!missing.empty()) return "lost at the cut (neither on the server nor waiting):" + missing;
        if (!again.empty()) return "the sync after the cut failed: " + again;
        return exactlyOnce();
    }
    std::string exactlyOnce() {
        const PgResult n = c.owner.exec("SELECT count(*), count(DISTINCT id) FROM attendance_event");
        const std::set<std::string> onServer = idsOf(c.owner.exec("SELECT id FROM attendance_event"));
        if (onServer != written || n.integer(0, 0) != static_cast<long long>(written.size()))
            return "the server holds " + n.text(0, 0) + " events, " + std::to_string(written.size()) + " were written";
        // deur's series: its own events under their own local numbers, each once.
        const std::set<std::string> series =
            idsOf(c.owner.exec("SELECT id || ':' || origin_seq FROM attendance_event WHERE origin_kiosk = 'deur'"));
        if (series != sqliteIds(deur, "SELECT id || ':' || seq FROM attendance_event WHERE id NOT IN"
                                      " (SELECT event_id FROM central_pulled)"))
            return "deur's series on the server differs from its database (id:number)";
        for (const Kiosk* k : {&deur, &zaal}) {
            if (sqliteIds(*k, "SELECT id FROM attendance_event") != written ||
                k->localEvents() != static_cast<long long>(written.size()))
                return k->id + " holds " + std::to_string(k->localEvents()) + " events, " + std::to_string(written.size()) +
                       " were written";
        }
        if (const long long w = deur.sqliteCount("SELECT count(*) FROM central_outbox"); w != 0)
            return "deur's outbox holds " + std::to_string(w) + " after syncing again";
        return {};
    }
};

}  // namespace

TEST_CASE("a push and a pull cut at every step by a kill, a dropped connection and a stopped server lose and double "
          "nothing", "[central][cutpoints]") {
    const auto started = std::chrono::steady_clock::now();
    World w;
    setSyncStepHook(onStep);
    struct Disarm {
        ~Disarm() { setSyncStepHook(nullptr); }
    } disarm;

    // The steps of the source, and the ones a clean round passes.
    const std::vector<std::string> inSource = sourceSteps();
    REQUIRE(inSource.size() >= 20);
    g.recording = true;
    std::string left;
    const std::string clean = w.round(Cut::none, "", 0, left);
    INFO(clean);
    REQUIRE(clean.empty());
    const auto trace = g.trace;
    g.recording = false;
    std::set<std::string> passed, names;
    for (const auto& [phase, step] : trace) passed.insert(step);
    for (const std::string& step : inSource) {
        INFO("syncStep(\"" << step << "\") is in the source but no clean round passes it (or it is named twice)");
        CHECK(passed.count(step) == 1);
        CHECK(names.insert(step).second);
    }
    std::printf("cut points: %zu steps in the source, %zu passed by a clean push, pull and push\n", inSource.size(),
                trace.size());

    std::vector<std::string> failures;
    int cuts = 0;
    auto cutAt = [&](Cut kind, size_t index) {
        const auto& [phase, step] = trace[index];
        int occurrence = 0;
        for (size_t i = 0; i <= index; ++i) occurrence += trace[i].second == step;
        std::string at;
        const auto t0 = std::chrono::steady_clock::now();
        const std::string outcome = w.round(kind, step, occurrence, at);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
        ++cuts;
        std::printf("%-8s %-10s %-28s #%-2d %-44s %5lld ms  %s\n", cutName(kind), phase.c_str(), step.c_str(), occurrence,
                    at.c_str(), static_cast<long long>(ms),
                    outcome.empty() ? "ok: every event once everywhere" : ("FAILED: " + outcome).c_str());
        std::fflush(stdout);
        if (!outcome.empty())
            failures.push_back(std::string(cutName(kind)) + " at " + step + "#" + std::to_string(occurrence) + ": " + outcome);
    };
    for (Cut kind : {Cut::killed, Cut::dropped})
        for (size_t i = 0; i < trace.size(); ++i) cutAt(kind, i);
    std::set<std::string> stoppedAt;
    for (size_t i = 0; i < trace.size(); ++i)
        if (trace[i].second.find(".pg.") != std::string::npos && stoppedAt.insert(trace[i].second).second)
            cutAt(Cut::stopped, i);

    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started).count();
    std::printf("%d cuts at %zu steps, %zu failed, %lld s\n", cuts, passed.size(), failures.size(),
                static_cast<long long>(seconds));
    for (const std::string& f : failures) FAIL_CHECK(f);
    CHECK(failures.empty());
}

}  // namespace kiosk::test
