// central_url.h: what a `[central] url` in kiosk.toml points at, read with libpq's own parser
// (PQconninfoParse), so that check-config, doctor and the systemd drop-in never disagree with the
// connection libpq will make. Both forms libpq takes: `host=db.example.nl port=5432 sslmode=...` and
// `postgresql://user@db.example.nl:5432/db?sslmode=...`, several hosts included (`host=a,b`).
//
// Contract: parseCentralUrl never connects and never resolves a name; it reports the endpoints as
// written. A host that starts with '/' (or an absent host) is a unix socket; `hostaddr` overrides
// the address libpq connects to for that host. The password, if the URL holds one, is only flagged,
// never copied out: the kiosk reads it from `password_file`, and nothing shows or logs it.
// Only what is written counts (issue 28): a host is local only as a socket folder or a literal
// loopback address (127.0.0.0/8, ::1, ::ffff:127.x.x.x), never by its name (`localhost`,
// `127.attacker.example`: names resolve to whatever DNS or /etc/hosts says); `service=` (a service
// file that could name any host) is flagged for refusal; libpq's PG* environment variables, which
// would fill in what the URL leaves out, are removed from the process at start
// (ignoreLibpqEnvironment).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct CentralEndpoint {
    std::string host;    // name or address as written ("" with socket = libpq's default socket folder)
    std::string port;    // "5432" when the URL names none
    bool socket = false; // a unix socket folder: needs no network at all
};

struct CentralTarget {
    std::vector<CentralEndpoint> endpoints;
    std::string sslmode;       // as written; "" = the kiosk's default, verify-full
    bool hasPassword = false;  // the URL itself holds a password (refused: use password_file)
    bool hasService = false;   // the URL names a service (refused: the service file decides the host)
};

// nullopt with `error` set (libpq's own words, one line) when libpq would refuse the string.
std::optional<CentralTarget> parseCentralUrl(const std::string& url, std::string& error);

// A host a connection to which never leaves this machine: a socket folder, or a literal 127.0.0.0/8
// or ::1 address (also as ::ffff:127.x.x.x). A name never is, `localhost` included.
bool isLocalEndpoint(const CentralEndpoint& e);

// Removes every PG* variable from this process's environment (libpq reads them for whatever a URL
// leaves out: PGHOST, PGSSLMODE, PGSERVICE, ...). Call at start, before any thread exists.
// `keepPasswordSources`: PGPASSWORD and PGPASSFILE stay (central-setup, run by the owner as psql is).
void ignoreLibpqEnvironment(bool keepPasswordSources);

// The sslmode the kiosk connects with: as written, or verify-full when the URL names none.
std::string effectiveSslMode(const CentralTarget& t);

}  // namespace kiosk
