// pg_server.h: a throwaway PostgreSQL 15 server for the central-record tests, from Debian's own
// binaries (/usr/lib/postgresql/15/bin), in a temporary folder, listening only on a unix socket in
// that folder (listen_addresses = '': no TCP port, never the system's own cluster).
//
// LIFE CYCLE
//   - Started on first use (PgServer::get()), once per test binary run: initdb + pg_ctl start take
//     about a second; each test case then makes its own database (freshDatabase()).
//   - PostgreSQL refuses to run as root: as root the folder is given to the `postgres` user (made by
//     the postgresql package; `nobody` when it is absent) and initdb and pg_ctl run through
//     `runuser -u USER --`. As any other user they run as that user.
//   - Authentication (pg_hba.conf): the owner role kiosk_admin by trust, every other role with its
//     SCRAM password, so that a kiosk role's password is really checked.
//   - Stopped (pg_ctl -m immediate) and the folder removed at exit, after a failed test as well
//     (a failing Catch2 assertion still ends the run normally); on SIGINT, SIGTERM, SIGABRT and
//     SIGSEGV the postmaster is sent SIGQUIT before the process dies. A run killed outright leaves a
//     folder leergang-pg-<pid>-*; the next run stops the server in it and removes it.
//   - stop() / start() take the server down and up again in the same folder (the outage tests).
#pragma once

#include <string>

namespace kiosk::test {

class PgServer {
public:
    static PgServer& get();  // started on first call; REQUIRE(get().ok()) before use

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }  // with the server log's tail
    const std::string& socketDir() const { return dir_; }

    // A new, empty database owned by kiosk_admin; its name.
    std::string freshDatabase();
    // libpq connection string for `db` as the owner role (trust: no password).
    std::string ownerUrl(const std::string& db) const;
    // ... as `role` (a kiosk role; its password goes separately).
    std::string urlAs(const std::string& db, const std::string& role) const;

    bool stop();   // pg_ctl stop -m fast; false with error() set when it failed
    bool start();  // pg_ctl start -w

    ~PgServer();

private:
    PgServer();
    bool runAsServerUser(const std::string& what, const std::string& commandLine);

    std::string dir_;
    std::string user_;   // runs as this user ("" = as ourselves)
    std::string error_;
    int databases_ = 0;
};

}  // namespace kiosk::test
