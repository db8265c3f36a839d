// sim_week: the kiosk's seven programme days, headless, on a fast clock (issue 9).
//
//   build/test/tests/sim/sim_week
// The real session and screens (ImGui without GL, tapped through io as a finger would) run from
// 26 November 2026 to 1 April 2027, across the change to summer time on 28 March. Every day:
// a frame each minute from 07:30 to 18:00 as the idle kiosk draws, participants checking in by tap
// and by badge, a walk-in, an exercise run to its end, check-outs, and at the end of the day staff
// behind the PIN correcting one record and exporting the presence list (CSV and Excel) and the
// matrix. Reported per day: memory (RSS), open files, WAL size, events. At the end every check-in
// is compared with the database and with the exported lists. Exit 1 when a target is missed:
// memory growth from day 1 to day 7 under 1 MiB, WAL under 4 MiB, nothing lost.
#include <dirent.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "content/staff_pin.h"
#include "core/csv.h"
#include "export/attendance_export.h"
#include "store/atomic_file.h"
#include "test_support.h"
#include "ui_harness.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPin = "2580";

long residentKiB() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

int openFiles() {
    int n = 0;
    if (DIR* d = opendir("/proc/self/fd")) {
        while (readdir(d)) ++n;
        closedir(d);
    }
    return n - 3;  // ".", ".." and the directory itself
}

int64_t fileSize(const fs::path& p) {
    std::error_code ec;
    const auto n = fs::file_size(p, ec);
    return ec ? 0 : static_cast<int64_t>(n);
}

bool failed = false;
void expect(bool ok, const std::string& what) {
    if (!ok) {
        std::printf("FOUT / FAILED: %s\n", what.c_str());
        failed = true;
    }
}

}  // namespace

int main() {
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each line as it comes, also into a log
    test::AmsterdamTime tz;
    // The sample config with a staff PIN, in a folder of its own.
    test::TempDir cfgDir;
    for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"})
        fs::copy_file(fs::path(KIOSK_SOURCE_DIR) / "config" / f, cfgDir / f);
    const auto hash = hashPin(kPin);
    if (!hash || !writeFileAtomically(cfgDir / "kiosk.toml", withPinHash(*readWholeFile(cfgDir / "kiosk.toml"), *hash)).empty())
        return 1;

    test::UiHarness ui("2026-11-26T07:30", 1280, 800, cfgDir.path().string());
    const auto days = ui.session().config().programme.days;
    std::vector<std::string> codes;
    for (const auto& p : ui.session().roster()) codes.push_back(p.code);
    const fs::path db = ui.dir() / "attendance.db";

    // What the week should leave behind: (date, code) -> local check-in time.
    std::map<std::pair<std::string, std::string>, std::string> expectedIn;
    long rssDay1 = 0, rssPeak = 0;
    int64_t walPeak = 0;
    int filesDay1 = 0;
    auto goTo = [&](LocalDate d, int hour, int minute) {
        const int64_t target = fromLocal({d, hour, minute, 0}).ms;
        const int64_t now = ui.clock().now().ms;
        if (target > now) ui.clock().advanceMs(target - now);
    };
    // The idle kiosk: one frame a minute (what the frame loop does with nobody around), up to hh:mm.
    auto idleUntil = [&](LocalDate d, int hour, int minute) {
        const int64_t target = fromLocal({d, hour, minute, 0}).ms;
        while (ui.clock().now().ms + 60000 <= target) {
            ui.clock().advanceMs(60000);
            ui.frame();
        }
        goTo(d, hour, minute);
        ui.frame();
    };
    // A dimmed home screen takes the first touch to wake up (and nothing else), as on the box.
    auto wake = [&] {
        if (ui.session().buildView().dimmed) ui.tapAt(ImVec2(640, 400));
    };
    auto home = [&] {
        ui.session().apply(ui::Intent::dismiss());
        ui.frame();
    };
    std::printf("%-12s %-6s %10s %10s %8s %8s %8s\n", "dag/day", "", "RSS (KiB)", "WAL (KiB)", "files", "events", "in");
    for (size_t di = 0; di < days.size(); ++di) {
        const ProgrammeDay& day = days[di];
        goTo(day.date, 7, 30);
        ui.frame();
        idleUntil(day.date, 8, 40);
        // Arrivals from 08:40, two minutes apart; one person a day stays away, one comes late, one
        // scans a badge instead of tapping.
        int checkedIn = 0;
        std::vector<size_t> order;
        for (size_t i = 0; i < codes.size(); ++i)
            if (i != (di + 3) % codes.size()) order.push_back(i);
        order.push_back((di + 3) % codes.size());  // the late one comes last
        for (size_t i : order) {
            if (i == di % codes.size()) continue;  // absent today
            int minute = 40 + static_cast<int>(i) * 2;
            int hour = 8;
            if (i == (di + 3) % codes.size()) minute = 35 + 60;  // late: 09:35, after the others (in order)
            hour = 8 + minute / 60;
            minute %= 60;
            idleUntil(day.date, hour, minute);
            wake();
            if (i == (di + 5) % codes.size()) {
                ui.scanBadge(codes[i]);
            } else {
                ui.tap("go.checkin");
                ui.tap("tile." + codes[i]);
            }
            ui.settle();
            expect(ui.state().feedback.kind == ui::Feedback::Kind::checked_in, day.date.iso() + " " + codes[i] + " welkom");
            expectedIn[{day.date.iso(), codes[i]}] = TimeOfDay{hour * 60 + minute}.hhmm();
            ++checkedIn;
            home();
        }
        // A walk-in at 09:40.
        idleUntil(day.date, 9, 40);
        wake();
        ui.tap("go.checkin");
        ui.tap("go.walkin");
        for (char c : std::string("GAST")) ui.tap(std::string("walkin.key.") + c);
        ui.tap("walkin.submit");
        ui.settle();
        home();
        // An exercise from 11:00, run to its end with the facilitator's clicker, a step at a time.
        idleUntil(day.date, 11, 0);
        wake();
        ui.tap("go.agenda");
        ui.tap("go.exercises");
        for (const auto& t : ui::frameTargets())
            if (t.id.rfind("exercise.", 0) == 0) {
                ui.tap(t.id);
                break;
            }
        expect(ui.state().screen == ui::Screen::exercise, day.date.iso() + " exercise started");
        for (int step = 0; step < 12 && ui.session().player() &&
                           ui.session().player()->state() != ExercisePlayer::State::finished;
             ++step) {
            for (int s = 0; s < 60; ++s) {  // a minute of countdown, a frame a second
                ui.clock().advanceMs(1000);
                ui.frame();
            }
            if (ui.has("player.next")) ui.tap("player.next");
        }
        if (ui.has("player.end")) {  // "Stoppen" asks first
            ui.tap("player.end");
            ui.tap("player.stop_yes");
        }
        home();
        // Check-outs from 16:30; two people leave at 15:00.
        for (size_t i = 0; i < codes.size(); ++i) {
            if (!expectedIn.count({day.date.iso(), codes[i]})) continue;
            const bool early = i % 7 == 2;
            idleUntil(day.date, early ? 15 : 16, early ? static_cast<int>(i) : 30 + static_cast<int>(i));
            wake();
            ui.tap("go.checkout");
            ui.tap("tile." + codes[i]);
            ui.settle();
            expect(ui.state().feedback.kind == ui::Feedback::Kind::checked_out, day.date.iso() + " " + codes[i] + " tot ziens");
            home();
        }
        // Staff, 17:00: the one who stayed away had in fact been there (a forgotten check-in), and
        // the day's exports.
        idleUntil(day.date, 17, 0);
        wake();
        ui.holdAt(ImVec2(8, 8), 3250);  // the hidden way in: three seconds in the corner
        for (char c : std::string(kPin)) ui.tap(std::string("keypad.") + c);
        ui.tap("keypad.ok");
        ui.session().finishBackgroundWork();
        ui.frame();
        expect(ui.session().staffUnlocked(), day.date.iso() + " PIN");
        const std::string absent = codes[di % codes.size()];
        // The list shows what fits; staff drag it up until the name is in view.
        for (int drags = 0; drags < 12 && !ui.has("desk.correct." + absent); ++drags) ui.drag(ImVec2(400, 600), ImVec2(400, 450));
        for (int drags = 0; drags < 12 && !ui.has("desk.correct." + absent); ++drags) ui.drag(ImVec2(400, 450), ImVec2(400, 600));
        if (ui.has("desk.correct." + absent)) {
            ui.tap("desk.correct." + absent);
            expect(ui.state().screen == ui::Screen::staff_correct, day.date.iso() + " correction form");
            for (char c : std::string("VERGETEN")) ui.tap(std::string("desk.key.") + c);
            ui.tap("desk.name");
            if (ui.state().staffName.empty()) ui.tap("desk.key.M");
            ui.tap("desk.save");
            ui.settle();
            expectedIn[{day.date.iso(), absent}] = day.startsAt().hhmm();
        } else {
            expect(false, day.date.iso() + " " + absent + " in the staff list");
        }
        for (const char* id : {"save.presence.csv", "save.presence.xlsx"}) {
            ui.tap(id);
            ui.session().finishBackgroundWork();
            ui.frame();
        }
        ui.tap("desk.tab.matrix");
        ui.tap("save.matrix.xlsx");
        ui.session().finishBackgroundWork();
        ui.frame();
        ui.tap("desk.lock");
        ui.settle();
        // The evening: idle until 18:00, and a moment of real time for the store thread's idle
        // checkpoint (on the venue's box the evening is long).
        idleUntil(day.date, 18, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(1300));
        ui.frame();

        const long rss = residentKiB();
        const int64_t wal = fileSize(db.string() + "-wal");
        const int files = openFiles();
        if (di == 0) rssDay1 = rss, filesDay1 = files;
        rssPeak = std::max(rssPeak, rss);
        walPeak = std::max(walPeak, wal);
        std::printf("%-12s dag %-2d %10ld %10lld %8d %8zu %8d\n", day.date.iso().c_str(), day.number, rss,
                    static_cast<long long>(wal / 1024), files, ui.session().ledger().eventCount(), checkedIn);
        std::fflush(stdout);
    }
    const long rssEnd = residentKiB();
    const int filesEnd = openFiles();

    // Every check-in accounted for: in the database (read afresh, as an export does) ...
    AttendanceDb check;
    expect(check.openExisting(db).ok(), "database opens");
    AttendanceSummary summary;
    expect(check.summarise(days.front().date, days.back().date, summary).ok(), "database reads");
    int found = 0;
    for (const auto& [key, time] : expectedIn) {
        const DayRecord r = summary.record(*LocalDate::parse(key.first), key.second);
        const bool ok = r.checkIn && toLocal(*r.checkIn).timeOfDay().hhmm() == time;
        expect(ok, key.first + " " + key.second + " " + time + " in the database");
        found += ok;
    }
    // ... and in every day's exported presence list.
    int exported = 0;
    for (const auto& d : days) {
        const auto csv = readWholeFile(ui.dir() / "exports" / presenceFileName(d.date, ExportFormat::csv));
        expect(csv.has_value(), d.date.iso() + " presence list exported");
        if (!csv) continue;
        Problems problems;
        const auto table = parseCsv(*csv, "export.csv", ui.session().texts(), problems);
        for (const auto& rec : table.records) {
            if (rec.fields.size() < 8 || rec.fields[1].empty() || rec.line == 1) continue;
            auto it = expectedIn.find({rec.fields[0], rec.fields[1]});
            if (it != expectedIn.end() && rec.fields[7] == it->second) ++exported;
        }
        for (const char* f : {"xlsx"}) expect(fs::exists(ui.dir() / "exports" / presenceFileName(d.date, ExportFormat::xlsx)), f);
    }
    std::printf("\ncheck-ins: %zu expected, %d in the database, %d in the exported lists\n", expectedIn.size(), found, exported);
    std::printf("memory: RSS %ld KiB after day 1, %ld KiB after day 7: growth %ld KiB (target < 1024 KiB)\n", rssDay1, rssEnd,
                rssEnd - rssDay1);
    std::printf("WAL: at most %lld KiB (target < 4096 KiB); open files: %d after day 1, %d at the end\n",
                static_cast<long long>(walPeak / 1024), filesDay1, filesEnd);
    expect(found == static_cast<int>(expectedIn.size()), "every check-in in the database");
    expect(exported == static_cast<int>(expectedIn.size()), "every check-in in the exports");
    // Under ThreadSanitizer (./dev.sh test, round 4) memory says nothing about the kiosk: not judged there.
    if (!std::getenv("SIM_WEEK_NO_MEMORY_TARGET")) expect(rssEnd - rssDay1 < 1024, "memory growth under 1 MiB");
    expect(walPeak < 4 * 1024 * 1024, "WAL under 4 MiB");
    expect(filesEnd <= filesDay1, "no file handles left open");
    std::printf("%s\n", failed ? "FOUT / FAILED" : "in orde / OK");
    return failed ? 1 : 0;
}
