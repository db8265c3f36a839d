// central_support.h: what the central-record tests share: the real binary, the throwaway server,
// and an attendance event written as a kiosk would push it.
#pragma once

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "central/pg_connection.h"
#include "pg_server.h"
#include "process.h"

namespace kiosk::test {

inline const std::string kBinary = KIOSK_BINARY;

// `leergang-kiosk central-setup --url URL [more...]`, in Dutch (the default).
inline RunResult centralSetup(const std::string& url, std::vector<std::string> more = {}) {
    std::vector<std::string> argv{kBinary, "central-setup", "--url", url};
    argv.insert(argv.end(), more.begin(), more.end());
    return run(argv, {{"TZ", "Europe/Amsterdam"}});
}

struct PrintedKiosk {
    std::string url, passwordFile, password;
};

// Reads back what `--add-kiosk` printed for the kiosk's kiosk.toml, and the password (the last line).
inline PrintedKiosk readPrinted(const std::string& out) {
    PrintedKiosk k;
    std::istringstream in(out);
    std::string line, last;
    auto value = [](const std::string& l) {
        const auto a = l.find('"'), b = l.rfind('"');
        return a == std::string::npos || b <= a ? std::string() : l.substr(a + 1, b - a - 1);
    };
    while (std::getline(in, line)) {
        if (line.rfind("url = ", 0) == 0) k.url = value(line);
        else if (line.rfind("password_file = ", 0) == 0) k.passwordFile = value(line);
        if (!line.empty()) last = line;
    }
    k.password = last;
    return k;
}

// An event row as a kiosk pushes it (the central schema's columns), `origin` as its origin kiosk.
inline PgResult insertEvent(PgConnection& c, const std::string& id, const std::string& origin, long long seq,
                            const std::string& code = "1001", bool onConflictNothing = false) {
    return c.exec(std::string("INSERT INTO attendance_event (id, origin_kiosk, origin_seq, participant_code, kind,"
                              " at_ms, recorded_ms, local_date, source, kiosk_id)"
                              " VALUES ($1, $2, $3, $4, 'check_in', 1795680300000, 1795680300000, '2026-11-26',"
                              " 'kiosk', $2)") +
                      (onConflictNothing ? " ON CONFLICT (id) DO NOTHING" : ""),
                  {id, origin, std::to_string(seq), code});
}

inline long long countEvents(PgConnection& owner, const std::string& where = "true") {
    PgResult r = owner.exec("SELECT count(*) FROM attendance_event WHERE " + where);
    return r.ok() ? r.integer(0, 0) : -1;
}

// A database with the schema, as the owner; `kiosks` added, their passwords in `printed`.
struct CentralDb {
    PgServer& server = PgServer::get();
    std::string db;
    PgConnection owner;

    CentralDb() {
        REQUIRE(server.ok());
        db = server.freshDatabase();
        REQUIRE(server.ok());
        REQUIRE(owner.connect(server.ownerUrl(db)).empty());
    }
    // Serving `cohorts` (the sample programme's cohort unless told otherwise).
    PrintedKiosk addKiosk(const std::string& id, const std::vector<std::string>& cohorts = {"zutphen-2026"}) {
        std::vector<std::string> args{"--add-kiosk", id};
        for (const std::string& cohort : cohorts) args.insert(args.end(), {"--cohort", cohort});
        const RunResult r = centralSetup(server.ownerUrl(db), args);
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        return readPrinted(r.out);
    }
    // A roster release of `cohort` holding `codes`, put there by the owner (as a kiosk's would be).
    void releaseAsOwner(const std::string& cohort, long long version, const std::vector<std::string>& codes) {
        REQUIRE(owner.exec("INSERT INTO roster_release (cohort, version, origin_kiosk, people)"
                           " VALUES ($1, $2, (SELECT min(id) FROM kiosk), $3)",
                           {cohort, std::to_string(version), std::to_string(codes.size())}).ok());
        for (const std::string& code : codes)
            REQUIRE(owner.exec("INSERT INTO roster_release_row (cohort, version, code, first_name, last_name)"
                               " VALUES ($1, $2, $3, 'Voornaam', 'Achternaam')",
                               {cohort, std::to_string(version), code}).ok());
    }
    // Connected as that kiosk, with the password central-setup printed.
    void connectAs(PgConnection& c, const PrintedKiosk& k) { REQUIRE(c.connect(k.url, k.password) == ""); }
};

inline const std::string kPgBin = "/usr/lib/postgresql/15/bin/";

// What the DBA does: pg_dump in the custom format, and later drop the database and pg_restore it.
inline void dump(CentralDb& c, const std::string& file) {
    const RunResult r = run({kPgBin + "pg_dump", "-Fc", "-f", file, c.server.ownerUrl(c.db)});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
}

inline void dropAndRestore(CentralDb& c, const std::string& file) {
    c.owner.close();
    PgConnection admin;
    REQUIRE(admin.connect(c.server.ownerUrl("postgres")).empty());
    REQUIRE(admin.exec("DROP DATABASE " + c.db + " WITH (FORCE)").ok());
    REQUIRE(admin.exec("CREATE DATABASE " + c.db).ok());
    const RunResult r = run({kPgBin + "pg_restore", "-d", c.server.ownerUrl(c.db), file});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    REQUIRE(c.owner.connect(c.server.ownerUrl(c.db)).empty());
}

}  // namespace kiosk::test
