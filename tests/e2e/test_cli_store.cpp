// The database as staff handle it from the command line (issue #15): restore, read-only
// commands on a read-only database (run as an unprivileged user when the tests run as root, as
// in CI), damage that only the kiosk may move, a clock that does not agree with the records.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "core/clock.h"
#include "e2e_support.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

// The kiosk binary as user `nobody` when we are root (root ignores file modes), else as ourselves.
RunResult runAsUser(const TempDir& dir, std::vector<std::string> args) {
    std::vector<std::string> argv;
    if (geteuid() == 0) argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"};
    argv.push_back(kBinary);
    argv.insert(argv.end(), args.begin(), args.end());
    for (const std::string& a : std::vector<std::string>{"--config", kSource + "/config", "--db", (dir / "attendance.db").string()}) argv.push_back(a);
    return run(argv, {{"TZ", "Europe/Amsterdam"}, {"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
}

// The files in a folder, except the -wal and -shm that SQLite makes for any reader of a WAL database
// in a writable folder (empty, and no change to the database).
std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string n = e.path().filename().string();
        if (n.size() > 4 && (n.ends_with("-wal") || n.ends_with("-shm"))) continue;
        names.insert(n);
    }
    return names;
}

// A writer that dies with its last check-in still in the -wal (a power cut): the -wal and -shm stay.
void crashAfterCheckIn(const fs::path& db, const std::string& code) {
    const pid_t pid = fork();
    if (pid == 0) {
        AttendanceDb d;
        if (!d.open(db, SystemClock{}.now()).status.ok()) _exit(2);
        AttendanceEvent e = checkIn(code, SystemClock{}.now());
        _exit(d.appendEvent(e).ok() ? 0 : 3);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
}

}  // namespace

TEST_CASE("attendance_db rule 4a: export, show, backup and doctor read a read-only database, as an unprivileged user",
          "[e2e][cli][readonly]") {
    TempDir dir, out;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01"}).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkin", "ZU02"}).exitCode == 0);
    crashAfterCheckIn(dir / "attendance.db", "ZU03");  // the newest check-in only in the -wal
    for (const auto& e : fs::directory_iterator(dir.path())) fs::permissions(e.path(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(out.path(), fs::perms::all);
    std::set<std::string> before;
    for (const auto& e : fs::directory_iterator(dir.path())) before.insert(e.path().filename().string());
    const std::string bytes = readFileText(dir / "attendance.db");

    auto r = runAsUser(dir, {"export", "--out", "-"});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    for (const char* code : {";ZU01;", ";ZU02;", ";ZU03;"}) CHECK(r.out.find(code) != std::string::npos);

    r = runAsUser(dir, {"show", "--json"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("\"code\": \"ZU01\"") != std::string::npos);

    r = runAsUser(dir, {"backup", (out / "kopie.db").string()});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(eventsIn(out / "kopie.db") == 3);

    r = runAsUser(dir, {"doctor"});
    INFO(r.out);
    CHECK(r.out.find("integriteit in orde, schema 5, 3 registraties") != std::string::npos);
    CHECK(r.out.find("FOUT     database") == std::string::npos);

    // Nothing was written, created or moved.
    std::set<std::string> after;
    for (const auto& e : fs::directory_iterator(dir.path())) after.insert(e.path().filename().string());
    CHECK(after == before);
    CHECK(readFileText(dir / "attendance.db") == bytes);
    fs::permissions(dir.path(), fs::perms::owner_all);
}

TEST_CASE("a database closed cleanly in a read-only folder is read too (no -shm can be made there)", "[e2e][cli][readonly]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01"}).exitCode == 0);  // closed cleanly: no -wal, no -shm
    REQUIRE_FALSE(fs::exists(dir / "attendance.db-wal"));
    // The unprivileged reader (nobody) stands for one the file lets read: a new database is 0640
    // less the umask since issue 31 (never readable by others), so it is opened to it here, as the
    // test above does for every file.
    fs::permissions(dir / "attendance.db", fs::perms::others_read, fs::perm_options::add);
    fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read | fs::perms::group_exec |
                                    fs::perms::others_read | fs::perms::others_exec);
    auto r = runAsUser(dir, {"export", "--out", "-"});
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(r.out.find(";ZU01;") != std::string::npos);
    r = runAsUser(dir, {"show"});
    CHECK(r.exitCode == 0);
    // A command that writes is refused as such, in words.
    r = runAsUser(dir, {"checkin", "ZU02"});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("alleen-lezen") != std::string::npos);
    fs::permissions(dir.path(), fs::perms::owner_all);
}

TEST_CASE("restore: the backup in place, the old database and its -wal moved aside whole, nothing lost", "[e2e][cli][restore]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01"}).exitCode == 0);
    REQUIRE(runKiosk(dir, {"backup", (dir / "kopie.db").string()}).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkin", "ZU02"}).exitCode == 0);
    crashAfterCheckIn(dir / "attendance.db", "ZU03");  // a -wal stays beside the database
    REQUIRE(fs::exists(dir / "attendance.db-wal"));

    auto r = runKiosk(dir, {"restore", (dir / "kopie.db").string()});
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.find("Reservekopie teruggezet") != std::string::npos);
    CHECK(r.out.find("(1 registratie)") != std::string::npos);
    CHECK(r.out.find("(3 registraties)") != std::string::npos);  // what the old one held, WAL included
    CHECK_FALSE(fs::exists(dir / "attendance.db-wal"));
    CHECK(eventsIn(dir / "attendance.db") == 1);
    // The old database is kept whole, with its -wal: all three check-ins are in it.
    fs::path aside;
    for (const auto& e : fs::directory_iterator(dir.path()))
        if (e.path().filename().string().find("before-restore") != std::string::npos && e.path().extension() != ".db-wal" &&
            e.path().string().find("-wal") == std::string::npos && e.path().string().find("-shm") == std::string::npos)
            aside = e.path();
    REQUIRE_FALSE(aside.empty());
    CHECK(fs::exists(aside.string() + "-wal"));
    CHECK(eventsIn(aside) == 3);
    // The kiosk's next command sees the restored list.
    r = runKiosk(dir, {"export", "--out", "-"});
    CHECK(r.out.find(";ZU01;") != std::string::npos);
}

TEST_CASE("restore refuses, changing nothing, while the kiosk has the database open or the backup is unusable", "[e2e][cli][restore]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01"}).exitCode == 0);
    REQUIRE(runKiosk(dir, {"backup", (dir / "kopie.db").string()}).exitCode == 0);
    REQUIRE(runKiosk(dir, {"checkin", "ZU02"}).exitCode == 0);
    const auto before = listing(dir.path());
    {
        AttendanceDb kiosk;  // the running kiosk
        REQUIRE(kiosk.open(dir / "attendance.db", SystemClock{}.now()).status.ok());
        auto r = runKiosk(dir, {"restore", (dir / "kopie.db").string()});
        CHECK(r.exitCode == 1);
        CHECK(r.err.find("stop") != std::string::npos);
        CHECK(r.err.find("Er is niets veranderd") != std::string::npos);
    }
    CHECK(eventsIn(dir / "attendance.db") == 2);
    std::ofstream(dir / "lijst.db") << "code;naam\nZU01;Anna\n";
    auto r = runKiosk(dir, {"restore", (dir / "lijst.db").string()});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("geen bruikbare reservekopie") != std::string::npos);
    r = runKiosk(dir, {"restore"});
    CHECK(r.exitCode == 2);
    CHECK(eventsIn(dir / "attendance.db") == 2);
    auto after = listing(dir.path());
    after.erase("lijst.db");
    CHECK(after == before);
}

TEST_CASE("doctor and export never move a damaged database; doctor says so", "[e2e][cli][doctor]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01"}).exitCode == 0);
    {
        std::fstream f(dir / "attendance.db", std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(4096);
        const std::string junk(4096, '\x5A');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    const auto before = listing(dir.path());
    auto r = runKiosk(dir, {"doctor"}, kSource + "/config", {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
    INFO(r.out << r.err);
    CHECK(r.exitCode == 1);
    CHECK(r.out.find("De database is beschadigd") != std::string::npos);
    runKiosk(dir, {"export", "--out", "-"});
    runKiosk(dir, {"show"});
    CHECK(listing(dir.path()) == before);  // no .damaged- file: only the kiosk (or a writing command, alone) moves it
}

TEST_CASE("a check-in stamped on a wrong clock is refused and the clock named, nothing stored", "[e2e][cli][clock]") {
    TempDir dir;
    REQUIRE(runKiosk(dir, {"checkin", "ZU01"}).exitCode == 0);
    auto r = runKiosk(dir, {"checkin", "ZU02", "--at", "2000-01-01T09:00"});
    INFO(r.err);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("klok") != std::string::npos);
    const LocalDate farAhead = localDateOf(SystemClock{}.now()).plusDays(400);
    r = runKiosk(dir, {"checkin", "ZU02", "--at", farAhead.iso() + "T09:00"});
    CHECK(r.exitCode == 4);  // refused before the store is asked: more than 5 minutes ahead of the clock
    CHECK(r.err.find("na de klok") != std::string::npos);
    CHECK(eventsIn(dir / "attendance.db") == 1);
    r = runKiosk(dir, {"doctor"}, kSource + "/config", {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
    CHECK(r.out.find("de klok klopt met de registraties") != std::string::npos);
}
