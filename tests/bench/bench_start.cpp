// bench_start: where a start of the kiosk goes, and what an idle kiosk holds in memory (issue 33).
//
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/test/tests/bench/bench_start [--runs 5] [--size 1920x1080] [--kiosk PATH]
//
// 1. Start-up by phase: the real binary with --screenshot --frames 1 (as bench/compare.sh) and
//    LEERGANG_KIOSK_TRACE_STARTUP (the phases of app/startup_trace.h, from main), median of --runs
//    after one warm-up run; "exec to main and exit" is the wall time from spawn to the process's
//    end minus what main reported.
// 2. Idle memory: the kiosk windowed at --size on its home screen, 10 s after its first frame,
//    from /proc/PID/smaps, by kind of mapping: own heap and anonymous memory (malloc, the GL
//    driver's buffers and textures among them: llvmpipe keeps textures in ordinary memory), the
//    GL driver's code and data (Mesa, LLVM), the other libraries, the binary, stacks. The font
//    atlas (built on the CPU, kept as a texture) from the trace.
// Prints tables and "bench: KEY = VALUE UNIT" lines for bench/compare.sh.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "bench_stats.h"
#include "heap_owners.h"
#include "process.h"
#include "store_test_support.h"

using namespace kiosk;
using namespace kiosk::bench;
namespace fs = std::filesystem;

namespace {

const std::string kSource = KIOSK_SOURCE_DIR;

struct Phase {
    std::string name;
    double atMs = 0;
};

// "start-up:   123.4 ms  phase" lines of stderr.
std::vector<Phase> phases(const std::string& err, std::string& atlas) {
    std::vector<Phase> out;
    std::istringstream in(err);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("start-up:", 0) != 0) continue;
        const auto msAt = line.find(" ms  ");
        if (msAt == std::string::npos) continue;
        Phase p;
        p.atMs = std::stod(line.substr(9, msAt - 9));
        p.name = line.substr(msAt + 5);
        if (p.name.rfind("fonts: atlas", 0) == 0) {
            atlas = p.name;
            continue;
        }
        out.push_back(p);
    }
    return out;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Kind {
    double rss = 0, pss = 0, anon = 0;  // KiB
};

std::string kindOf(const std::string& path, const std::string& binary) {
    if (path == "[heap]" || path.empty()) return "own heap + anonymous";
    if (path.rfind("[stack", 0) == 0) return "stacks";
    if (path.find("/dri/") != std::string::npos || path.find("libLLVM") != std::string::npos ||
        path.find("libgallium") != std::string::npos || path.find("mesa") != std::string::npos ||
        path.find("libglapi") != std::string::npos || path.find("libGLX") != std::string::npos ||
        path.find("libGL.so") != std::string::npos || path.find("libGLdispatch") != std::string::npos ||
        path.find("libdrm") != std::string::npos)
        return "GL driver (Mesa llvmpipe, LLVM): code and data";
    if (path.find(".ttf") != std::string::npos || path.find(".otf") != std::string::npos) return "font files";
    if (fs::path(path).filename() == fs::path(binary).filename()) return "the kiosk binary";
    if (path[0] == '[') return "kernel ([vdso], [vvar])";
    return "other libraries and files";
}

std::map<std::string, Kind> memoryByKind(int pid, const std::string& binary) {
    std::map<std::string, Kind> out;
    std::ifstream f("/proc/" + std::to_string(pid) + "/smaps");
    std::string line, kind;
    while (std::getline(f, line)) {
        std::istringstream ls(line);
        std::string first;
        ls >> first;
        if (first.find('-') != std::string::npos && first.back() != ':') {  // a mapping's header line
            std::string perms, offset, dev, inode, path;
            ls >> perms >> offset >> dev >> inode;
            std::getline(ls, path);
            path.erase(0, path.find_first_not_of(' '));
            kind = kindOf(path, binary);
            continue;
        }
        double kb = 0;
        ls >> kb;
        if (first == "Rss:") out[kind].rss += kb;
        else if (first == "Pss:") out[kind].pss += kb;
        else if (first == "Anonymous:") out[kind].anon += kb;
    }
    return out;
}


// A program on PATH, or "".
std::string onPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':'))
        if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return dir + "/" + name;
    return {};
}

// The pid of a process named `comm` below `ancestor` (a child, or a child's child ...), or -1.
int descendantNamed(int ancestor, const std::string& comm) {
    std::map<int, int> parentOf;
    std::vector<int> named;
    for (const auto& e : fs::directory_iterator("/proc")) {
        std::ifstream stat(e.path() / "stat");
        std::string line;
        if (!std::getline(stat, line)) continue;
        const auto open = line.find('('), close = line.rfind(')');
        if (open == std::string::npos || close == std::string::npos) continue;
        std::istringstream rest(line.substr(close + 2));
        std::string state;
        int ppid = 0;
        rest >> state >> ppid;
        const int pid = std::atoi(e.path().filename().c_str());
        parentOf[pid] = ppid;
        if (line.substr(open + 1, close - open - 1) == comm.substr(0, 15)) named.push_back(pid);  // comm: 15 bytes at most
    }
    for (const int pid : named)
        for (int up = parentOf[pid], hops = 0; up > 1 && hops < 16; up = parentOf[up], ++hops)
            if (up == ancestor) return pid;
    return -1;
}

// 3. The idle kiosk's live heap by owner (heap_owners.h), when heaptrack is installed: the kiosk
// under heaptrack, killed 10 s after its first frame so that nothing is freed.
void heapOwners(const std::string& kiosk, const std::vector<std::string>& args, const fs::path& dir) {
    const std::string heaptrack = onPath("heaptrack"), print = onPath("heaptrack_print");
    if (heaptrack.empty() || print.empty()) {
        std::printf("\nHeap by owner: n/a (heaptrack not installed; bench/bench-deps lists it)\n");
        return;
    }
    const std::string dump = (dir / "heap-ui.jsonl").string(), base = (dir / "heap").string();
    std::vector<std::string> argv = {heaptrack, "-o", base, kiosk};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.insert(argv.end(), {"--db", (dir / "heap.db").string(), "--ui-dump", dump});
    const int tracker = test::spawn(argv, {{"TZ", "Europe/Amsterdam"}});
    for (int i = 0; i < 1200 && test::readFile(dump).empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::seconds(10));
    const int pid = descendantNamed(tracker, fs::path(kiosk).filename().string());
    // Killed, so that nothing is freed. Not found (heaptrack started it some other way): heaptrack
    // is killed instead, so that the wait below ends (the kiosk then ends with the X server).
    ::kill(pid > 0 ? pid : tracker, SIGKILL);
    int status = 0;
    ::waitpid(tracker, &status, 0);
    std::string recording;
    for (const auto& e : fs::directory_iterator(dir))
        if (const std::string n = e.path().filename().string(); n == "heap.zst" || n == "heap.gz") recording = e.path().string();
    const std::string graph = (dir / "heap-graph.txt").string();
    const auto r = test::run({print, recording, "--flamegraph-cost-type", "leaked", "-F", graph});
    const auto owners = heapByOwner(graph);
    if (pid <= 0 || recording.empty() || owners.empty()) {
        std::printf("\nHeap by owner: n/a (the heaptrack recording failed: %s)\n", r.err.c_str());
        return;
    }
    double all = 0;
    for (const auto& [owner, bytes] : owners) all += bytes;
    std::printf("\nLive heap (malloc) 10 s after the first frame, by the code that allocated it (heaptrack; heap_owners.h), MiB\n\n");
    std::printf("| owner | MiB |\n| --- | ---: |\n");
    for (const auto& [owner, bytes] : owners) std::printf("| %s | %.2f |\n", owner.c_str(), bytes / 1048576.0);
    std::printf("| **all** | **%.2f** |\n", all / 1048576.0);
    std::printf("\nbench: idle.heap_ours = %.2f MiB\n", owners.count(kOwnerOurs) ? owners.at(kOwnerOurs) / 1048576.0 : 0.0);
}
}  // namespace

int main(int argc, char** argv) {
    int runs = 5;
    std::string size = "1920x1080", kiosk = KIOSK_BINARY;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--runs") runs = std::atoi(argv[i + 1]);
        if (std::string(argv[i]) == "--size") size = argv[i + 1];
        if (std::string(argv[i]) == "--kiosk") kiosk = argv[i + 1];
    }
    if (!std::getenv("DISPLAY")) {
        std::fprintf(stderr, "bench_start: no DISPLAY: run under xvfb-run\n");
        return 1;
    }
    test::TempDir dir;
    const std::string config = kSource + "/config", now = "2026-11-26T09:10";

    // 1. Start-up by phase.
    std::vector<std::string> names;
    std::map<std::string, std::vector<double>> deltas;
    std::vector<double> totals, mains;
    std::string atlas;
    for (int i = 0; i <= runs; ++i) {
        const std::string png = (dir / ("start-" + std::to_string(i) + ".png")).string();
        const auto t0 = Stopwatch::now();
        const test::RunResult r = test::run({kiosk, "--config", config, "--db", (dir / ("start-" + std::to_string(i) + ".db")).string(),
                                             "--now", now, "--size", size, "--screenshot", png, "--frames", "1"},
                                            {{"TZ", "Europe/Amsterdam"}, {"LEERGANG_KIOSK_TRACE_STARTUP", "1"}});
        const double total = ms(Stopwatch::now() - t0);
        if (r.exitCode != 0) {
            std::fprintf(stderr, "bench_start: the kiosk failed (%d): %s\n", r.exitCode, r.err.c_str());
            return 1;
        }
        const auto ps = phases(r.err, atlas);
        if (i == 0 || ps.empty()) continue;  // the warm-up fills the page cache
        // After "main", two lanes run side by side (app/run_kiosk.cpp): the session's (its lines are
        // indented, or start with "session:") and the display's (glfwInit). Each of their phases counts
        // from the end of the one before it in its own lane; the phase after both (the window) from
        // the later of the two, as it waits for both.
        double prev = 0, sessionPrev = -1, displayPrev = -1;
        for (const auto& p : ps) {
            if (std::find(names.begin(), names.end(), p.name) == names.end()) names.push_back(p.name);
            const bool session = p.name.rfind("  ", 0) == 0 || p.name.rfind("session:", 0) == 0;
            const bool display = p.name.rfind("glfwInit", 0) == 0;
            double& from = session ? sessionPrev : display ? displayPrev : prev;
            if (from < 0) from = prev;
            if (!session && !display) from = std::max({prev, sessionPrev, displayPrev});
            deltas[p.name].push_back(p.atMs - from);
            from = p.atMs;
        }
        totals.push_back(total);
        mains.push_back(total - ps.back().atMs);
    }
    std::printf("Start-up at %s (--screenshot), median of %d runs, ms per phase (from the end of the previous one; glfwInit\n"
                "and the session's phases run side by side from main, the window waits for both)\n\n",
                size.c_str(), runs);
    std::printf("| phase | ms |\n| --- | ---: |\n");
    std::printf("| exec to main, and exit after shut down | %.1f |\n", median(mains));
    for (const auto& n : names) std::printf("| %s | %.1f |\n", n.c_str(), median(deltas[n]));
    std::printf("| **whole process** | **%.1f** |\n", median(totals));
    if (!atlas.empty()) std::printf("\n%s\n", atlas.c_str());

    // 2. Idle memory.
    const std::string dump = (dir / "ui.jsonl").string();
    const int pid = test::spawn({kiosk, "--config", config, "--db", (dir / "idle.db").string(), "--now", now, "--size", size,
                                 "--ui-dump", dump},
                                {{"TZ", "Europe/Amsterdam"}});
    for (int i = 0; i < 400 && test::readFile(dump).empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::this_thread::sleep_for(std::chrono::seconds(10));
    const auto mem = memoryByKind(pid, kiosk);
    test::stop(pid);
    std::printf("\nIdle memory at %s, 10 s after the first frame, by kind of mapping (MiB)\n\n", size.c_str());
    std::printf("| kind | RSS | PSS | anonymous |\n| --- | ---: | ---: | ---: |\n");
    Kind all;
    for (const auto& [k, v] : mem) {
        std::printf("| %s | %.1f | %.1f | %.1f |\n", k.c_str(), v.rss / 1024, v.pss / 1024, v.anon / 1024);
        all.rss += v.rss;
        all.pss += v.pss;
        all.anon += v.anon;
    }
    std::printf("| **all** | **%.1f** | **%.1f** | **%.1f** |\n", all.rss / 1024, all.pss / 1024, all.anon / 1024);
    std::printf("\nbench: start.ms = %.1f ms\n", median(totals));
    std::printf("bench: idle.pss = %.1f MiB\n", all.pss / 1024);
    std::printf("bench: idle.own_heap_anon = %.1f MiB\n", all.anon / 1024);
    heapOwners(kiosk, {"--config", config, "--now", now, "--size", size}, dir.path());
    return 0;
}
