// The crash test: 200 cycles of starting a writer, killing it with SIGKILL at a random moment, and
// proving that every check-in it acknowledged is in the database and that integrity_check is ok.
#include <catch2/catch.hpp>

#include <poll.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "store/attendance_db.h"
#include "store_test_support.h"

using namespace kiosk;

TEST_CASE("no acknowledged check-in is lost to SIGKILL, and the file stays intact") {
    test::TempDir dir;
    const auto file = dir / "attendance.db";
    {
        AttendanceDb db;
        REQUIRE(db.open(file, {0}).status.ok());
        RosterImportResult r;
        REQUIRE(db.importRoster({test::participant("ZU01", "Anna", "Vries", "de")}, {0}, r).ok());
    }
    std::mt19937 rng(20261126);
    std::uniform_int_distribution<int> waitUs(0, 40000);
    std::set<std::string> acknowledged;
    const int cycles = 200;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        int out[2];
        REQUIRE(pipe(out) == 0);
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            close(out[1]);
            const std::string prefix = "c" + std::to_string(cycle);
            execl(CRASH_WRITER, CRASH_WRITER, file.c_str(), prefix.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        // Odd cycles kill at a random moment after the writer's first acknowledged commit (a loaded
        // machine takes longer than the whole window to start a process: killing from the spawn
        // alone then never reaches a write); even ones from the spawn (the open and the start).
        std::string text;
        char buf[4096];
        ssize_t n;
        if (cycle % 2 == 1) {
            pollfd p{out[0], POLLIN, 0};
            while (text.find('\n') == std::string::npos && poll(&p, 1, 10'000) > 0 && (n = read(out[0], buf, sizeof buf)) > 0)
                text.append(buf, static_cast<size_t>(n));
        }
        std::this_thread::sleep_for(std::chrono::microseconds(waitUs(rng)));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        // Everything the writer printed before it died was acknowledged after a commit.
        while ((n = read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
        close(out[0]);
        size_t start = 0;
        for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
            acknowledged.insert(text.substr(start, nl - start));

        AttendanceDb db;
        const auto report = db.open(file, {0});
        REQUIRE(report.status.ok());
        REQUIRE(report.quarantinedTo.empty());
        std::string check;
        REQUIRE(db.integrityCheck(check).ok());
        INFO("cycle " << cycle);
        REQUIRE(check == "ok");
        std::set<std::string> stored;
        REQUIRE(db.loadEvents([&](const AttendanceEvent& e) { stored.insert(e.id); }).ok());
        for (const auto& id : acknowledged) {
            INFO("acknowledged " << id);
            REQUIRE(stored.count(id) == 1);
        }
    }
    std::printf("crash test: %d SIGKILL cycles, %zu acknowledged check-ins, none lost, integrity ok each time\n", cycles,
                acknowledged.size());
    CHECK(acknowledged.size() > 100);  // the writer really wrote between kills
}
