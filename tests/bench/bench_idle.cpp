// bench_idle: how often an idle kiosk wakes, thread by thread (issue 33), without and with a central
// server configured; and how long a check-in from the command line takes to reach its screen.
//
//   xvfb-run -a -s "-screen 0 1280x800x24" build/test/tests/bench/bench_idle [--seconds 60] [--kiosk PATH]
//
// The real binary (--kiosk: another build of it, to compare before and after) on the bundled
// sample config with its own database, on the home screen; after 10 s of settling, the voluntary
// context switches of each of its threads (/proc/PID/task/*/status: each is one time the thread
// slept and was woken) over --seconds, as wakeups per minute. "With central": a throwaway
// PostgreSQL 15 (tests/central/pg_server.h), `central-setup`, and the kiosk's [central] url set.
// Prints a table per thread and the totals, and "bench: KEY = VALUE UNIT" lines for bench/compare.sh.
#include <dirent.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>

#include "bench_stats.h"
#include "e2e_support.h"
#include "pg_server.h"

using namespace kiosk;
using namespace kiosk::bench;
namespace fs = std::filesystem;

namespace {

[[noreturn]] void die(const std::string& why) {
    std::fprintf(stderr, "bench_idle: %s\n", why.c_str());
    std::exit(1);
}

std::string readAll(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

struct ThreadCount {
    std::string name;
    long voluntary = 0, involuntary = 0;
};

// tid -> its name and context switches so far.
std::map<int, ThreadCount> threads(int pid) {
    std::map<int, ThreadCount> out;
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR* d = ::opendir(dir.c_str());
    if (!d) return out;
    while (const dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        std::ifstream f(dir + "/" + e->d_name + "/status");
        ThreadCount t;
        std::string line;
        while (std::getline(f, line)) {
            if (line.rfind("Name:", 0) == 0) t.name = line.substr(line.find_first_not_of(" \t", 5));
            if (line.rfind("voluntary_ctxt_switches:", 0) == 0) t.voluntary = std::stol(line.substr(24));
            if (line.rfind("nonvoluntary_ctxt_switches:", 0) == 0) t.involuntary = std::stol(line.substr(27));
        }
        out[std::atoi(e->d_name)] = t;
    }
    ::closedir(d);
    return out;
}

// The sample config in `dir`, with a central url and password file when `url` is set.
fs::path writeConfig(const fs::path& dir, const std::string& url, const std::string& password) {
    fs::create_directories(dir / "config");
    for (const char* f : {"programme.toml", "exercises.toml", "participants.csv"})
        fs::copy_file(test::kSource + "/config/" + f, dir / "config" / f, fs::copy_options::overwrite_existing);
    std::string toml = readAll(test::kSource + "/config/kiosk.toml");
    if (!url.empty()) {
        auto replace = [&](const std::string& from, const std::string& to) {
            const auto at = toml.find(from);
            if (at == std::string::npos) die("sample kiosk.toml lacks " + from);
            toml.replace(at, from.size(), to);
        };
        replace("id = \"entree\"", "id = \"deur\"");
        replace("url = \"\"", "url = \"" + url + "\"");
        replace("password_file = \"\"", "password_file = \"" + (dir / "pw").string() + "\"");
        std::ofstream((dir / "pw").string()) << password << "\n";
    }
    std::ofstream((dir / "config" / "kiosk.toml").string()) << toml;
    return dir / "config";
}

struct Measured {
    double perMinute = 0;  // every thread together
    double checkinMs = -1;  // command line check-in until the kiosk drew it
};

Measured measure(const std::string& kiosk, const fs::path& dir, const fs::path& config, int seconds, const char* label) {
    const fs::path db = dir / "attendance.db", dump = dir / "ui.jsonl";
    const int pid = test::spawn({kiosk, "--config", config.string(), "--db", db.string(), "--ui-dump", dump.string()},
                                {{"TZ", "Europe/Amsterdam"}});
    std::this_thread::sleep_for(std::chrono::seconds(10));  // start-up and the first sync are not idling
    const auto before = threads(pid);
    const auto t0 = Stopwatch::now();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const auto after = threads(pid);
    const double minutes = ms(Stopwatch::now() - t0) / 60000.0;
    Measured m;
    std::printf("\n%s: wakeups per minute by thread (voluntary context switches; involuntary in brackets), %d s\n", label, seconds);
    std::printf("| tid | thread | wakeups/min | (involuntary/min) |\n| ---: | --- | ---: | ---: |\n");
    for (const auto& [tid, a] : after) {
        const auto b = before.find(tid);
        const long v = a.voluntary - (b == before.end() ? 0 : b->second.voluntary);
        const long iv = a.involuntary - (b == before.end() ? 0 : b->second.involuntary);
        std::printf("| %d | %s | %.1f | (%.1f) |\n", tid, a.name.c_str(), static_cast<double>(v) / minutes,
                    static_cast<double>(iv) / minutes);
        m.perMinute += static_cast<double>(v) / minutes;
    }
    std::printf("| | all %zu threads | %.1f | |\n", after.size(), m.perMinute);
    // A check-in from the command line: the moment the process ended until the kiosk drew a frame.
    const size_t framesBefore = test::frameTimes(dump.string()).size();
    const test::RunResult r = test::run({kiosk, "checkin", "ZU01", "--config", config.string(), "--db", db.string()},
                                        {{"TZ", "Europe/Amsterdam"}, {"DISPLAY", ""}});
    const long long committed = test::monotonicMs();
    for (int i = 0; i < 200 && r.exitCode == 0 && m.checkinMs < 0; ++i) {
        const auto t = test::frameTimes(dump.string());
        for (size_t k = framesBefore; k < t.size() && m.checkinMs < 0; ++k)
            if (t[k] >= committed) m.checkinMs = static_cast<double>(t[k] - committed);
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    std::printf("command-line check-in drawn after %.0f ms%s\n", m.checkinMs, r.exitCode == 0 ? "" : " (the check-in failed)");
    test::stop(pid);
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    int seconds = 60;
    std::string kiosk = KIOSK_BINARY;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--seconds") seconds = std::atoi(argv[i + 1]);
        if (std::string(argv[i]) == "--kiosk") kiosk = argv[i + 1];
    }
    if (!std::getenv("DISPLAY")) die("no DISPLAY: run under xvfb-run");
    std::printf("kiosk: %s\n", kiosk.c_str());

    test::TempDir plain;
    const Measured alone = measure(kiosk, plain.path(), writeConfig(plain.path(), "", ""), seconds, "without central");

    test::PgServer& server = test::PgServer::get();
    if (!server.ok()) die(server.error());
    const std::string db = server.freshDatabase();
    const test::RunResult setup = test::run({kiosk, "central-setup", "--url", server.ownerUrl(db)});
    if (setup.exitCode != 0) die("central-setup: " + setup.err);
    const test::RunResult added = test::run({kiosk, "central-setup", "--url", server.ownerUrl(db), "--add-kiosk", "deur"});
    if (added.exitCode != 0) die("central-setup --add-kiosk: " + added.err);
    std::string url, password, line;
    std::istringstream in(added.out);
    while (std::getline(in, line)) {
        if (line.rfind("url = \"", 0) == 0) url = line.substr(7, line.size() - 8);
        if (!line.empty()) password = line;
    }
    test::TempDir central;
    const Measured synced = measure(kiosk, central.path(), writeConfig(central.path(), url, password), seconds, "with central");

    std::printf("\nbench: idle.wakeups_per_min = %.1f /min\n", alone.perMinute);
    std::printf("bench: idle.central.wakeups_per_min = %.1f /min\n", synced.perMinute);
    std::printf("bench: idle.checkin_drawn_ms = %.0f ms\n", alone.checkinMs);
    std::printf("bench: idle.central.checkin_drawn_ms = %.0f ms\n", synced.checkinMs);
    return 0;
}
