// central_connect.h: how the kiosk (sync) and the organiser (central-setup) open a connection to
// the central record, with the same rules check-config applies to [central] url (content/central_url.h).
//
// CONTRACT
//   1. A URL libpq cannot parse, or one holding a password, is refused before anything connects
//      (usageError). A host other than a local socket or loopback needs verified TLS: a URL that names
//      no sslmode connects to such a host with sslmode=verify-full (the kiosk's default), one that
//      names a weaker mode is refused. Local sockets and loopback keep libpq's own default.
//   2. The password comes from `passwordFile` (one line; a trailing newline is not part of it),
//      read here and handed to libpq on its own; no message ever contains it. An unreadable or
//      empty file is a usage error naming the file, never its contents. "" = no password file.
//   3. Messages are in the kiosk's language, with libpq's own reason.
//   4. What counts as local is what is written (content/central_url.h): a socket folder or a
//      literal loopback address. `service=` is refused (usageError). A password file readable or
//      writable by group or others is refused, as libpq refuses such a ~/.pgpass. The kiosk's
//      main() removes libpq's PG* environment variables before anything connects.
#pragma once

#include <string>

#include "core/text_catalogue.h"

namespace kiosk {

class PgConnection;

struct CentralConnectResult {
    bool ok = false;
    bool usageError = false;  // the URL or password file is wrong: retrying will not help
    std::string message;      // why not, one line
};

CentralConnectResult connectCentral(PgConnection& conn, const std::string& url, const std::string& passwordFile,
                                    const Texts& texts, int timeoutSeconds = 10);

}  // namespace kiosk
