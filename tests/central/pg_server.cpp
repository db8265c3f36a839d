#include "pg_server.h"

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <random>

#include "central/pg_connection.h"
#include "process.h"

namespace fs = std::filesystem;

namespace kiosk::test {
namespace {

const std::string kBin = "/usr/lib/postgresql/15/bin/";
const std::string kPrefix = "leergang-pg-";

volatile sig_atomic_t gPostmaster = 0;  // for the signal handlers: the pid to send SIGQUIT

void onFatalSignal(int sig) {
    if (gPostmaster > 0) kill(static_cast<pid_t>(gPostmaster), SIGQUIT);  // immediate shutdown
    signal(sig, SIG_DFL);
    raise(sig);
}

pid_t postmasterPid(const fs::path& dataDir) {
    std::ifstream in(dataDir / "postmaster.pid");
    long pid = 0;
    in >> pid;
    return in ? static_cast<pid_t>(pid) : 0;
}

// Folders of runs that died without cleaning up (SIGKILL): stop their server, remove them.
void removeStaleFolders() {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::temp_directory_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kPrefix, 0) != 0) continue;
        const long owner = std::strtol(name.c_str() + kPrefix.size(), nullptr, 10);
        if (owner <= 0 || (kill(static_cast<pid_t>(owner), 0) == 0 || errno != ESRCH)) continue;  // still running
        if (pid_t pm = postmasterPid(entry.path() / "data"); pm > 0 && kill(pm, SIGQUIT) == 0) {
            // Gone before its folder goes: a server still shutting down would write into it.
            for (int i = 0; i < 100 && kill(pm, 0) == 0; ++i) usleep(50 * 1000);
        }
        fs::remove_all(entry.path(), ec);
    }
}

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return out + "'";
}

std::string tail(const std::string& path, size_t n = 1500) {
    const std::string s = readFile(path);
    return s.size() > n ? s.substr(s.size() - n) : s;
}

}  // namespace

PgServer& PgServer::get() {
    static PgServer server;
    return server;
}

PgServer::PgServer() {
    removeStaleFolders();
    std::random_device rd;
    dir_ = (fs::temp_directory_path() / (kPrefix + std::to_string(getpid()) + "-" + std::to_string(rd() % 1000000)))
               .string();
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
        error_ = dir_ + ": " + ec.message();
        return;
    }
    if (geteuid() == 0) {
        const passwd* pw = getpwnam("postgres");
        if (!pw) pw = getpwnam("nobody");
        if (!pw) {
            error_ = "running as root and there is no postgres or nobody user to run PostgreSQL as";
            return;
        }
        user_ = pw->pw_name;
        if (chown(dir_.c_str(), pw->pw_uid, pw->pw_gid) != 0) {
            error_ = "chown " + dir_ + " failed";
            return;
        }
    }
    fs::permissions(dir_, fs::perms::owner_all, ec);
    if (!runAsServerUser("initdb", kBin + "initdb -D " + shellQuote(dir_ + "/data") +
                                       " -U kiosk_admin -A trust -E UTF8 --locale=C.UTF-8 -N --no-instructions"))
        return;
    // The owner by trust; every other role (the kiosks) must give its password.
    const std::string hba = "local all kiosk_admin trust\nlocal all all scram-sha-256\n";
    if (!runAsServerUser("pg_hba.conf", "printf %s " + shellQuote(hba) + " > " + shellQuote(dir_ + "/data/pg_hba.conf")))
        return;
    start();
    ::signal(SIGINT, onFatalSignal);
    ::signal(SIGTERM, onFatalSignal);
    ::signal(SIGABRT, onFatalSignal);
    ::signal(SIGSEGV, onFatalSignal);
}

PgServer::~PgServer() {
    if (postmasterPid(dir_ + "/data") > 0)
        runAsServerUser("stop", kBin + "pg_ctl -D " + shellQuote(dir_ + "/data") + " -m immediate -w stop");
    gPostmaster = 0;
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

bool PgServer::runAsServerUser(const std::string& what, const std::string& commandLine) {
    std::vector<std::string> argv;
    if (!user_.empty()) argv = {"/usr/sbin/runuser", "-u", user_, "--", "/bin/sh", "-c", commandLine};
    else argv = {"/bin/sh", "-c", commandLine};
    const RunResult r = run(argv);
    if (r.exitCode == 0) return true;
    error_ = what + " failed (exit " + std::to_string(r.exitCode) + "): " + r.err + r.out + tail(dir_ + "/log");
    return false;
}

bool PgServer::start() {
    error_.clear();
    // fsync off: a test server's durability is not what is tested; it makes each commit cheap.
    const std::string options = "-k " + dir_ + " -c listen_addresses='' -c fsync=off -c full_page_writes=off";
    if (!runAsServerUser("pg_ctl start", kBin + "pg_ctl -D " + shellQuote(dir_ + "/data") + " -o " + shellQuote(options) +
                                             " -l " + shellQuote(dir_ + "/log") + " -w -t 60 start"))
        return false;
    gPostmaster = postmasterPid(dir_ + "/data");
    return true;
}

bool PgServer::stop() {
    error_.clear();
    const bool stopped = runAsServerUser("pg_ctl stop", kBin + "pg_ctl -D " + shellQuote(dir_ + "/data") + " -m fast -w stop");
    if (stopped) gPostmaster = 0;
    return stopped;
}

std::string PgServer::freshDatabase() {
    const std::string name = "t" + std::to_string(++databases_);
    PgConnection admin;
    if (std::string why = admin.connect(ownerUrl("postgres")); !why.empty()) {
        error_ = "connect: " + why;
        return name;
    }
    if (PgResult r = admin.exec("CREATE DATABASE " + name); !r.ok()) error_ = "CREATE DATABASE " + name + ": " + r.error();
    return name;
}

std::string PgServer::ownerUrl(const std::string& db) const { return urlAs(db, "kiosk_admin"); }

std::string PgServer::urlAs(const std::string& db, const std::string& role) const {
    return "host=" + dir_ + " dbname=" + db + " user=" + role;
}

}  // namespace kiosk::test
