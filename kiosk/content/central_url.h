// central_url.h: what a `[central] url` in kiosk.toml points at, read with libpq's own parser
// (PQconninfoParse), so that check-config, doctor and the systemd drop-in never disagree with the
// connection libpq will make. Both forms libpq takes: `host=db.example.nl port=5432 sslmode=...` and
// `postgresql://user@db.example.nl:5432/db?sslmode=...`, several hosts included (`host=a,b`).
//
// Contract: parseCentralUrl never connects and never resolves a name; it reports the endpoints as
// written. A host that starts with '/' (or an absent host) is a unix socket; `hostaddr` overrides
// the address libpq connects to for that host. The password, if the URL holds one, is only flagged,
// never copied out: the kiosk reads it from `password_file`, and nothing shows or logs it.
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
};

// nullopt with `error` set (libpq's own words, one line) when libpq would refuse the string.
std::optional<CentralTarget> parseCentralUrl(const std::string& url, std::string& error);

// A host a connection to which never leaves this machine: a socket, localhost, 127.0.0.0/8, ::1.
bool isLocalEndpoint(const CentralEndpoint& e);

// The sslmode the kiosk connects with: as written, or verify-full when the URL names none.
std::string effectiveSslMode(const CentralTarget& t);

}  // namespace kiosk
