// central_settings.h: the `[central]` table of kiosk.toml, the central attendance record (issue 17):
//   url            libpq connection string or URI; "" = off (the kiosk keeps its record locally only)
//   password_file  absolute path of a file with the password, read by the kiosk only, never shown
// Refused, each at its file:line:col: a URL libpq cannot parse (libpq's words), a password inside the
// URL, a connection to another machine without verified TLS (sslmode verify-full, the default when the
// URL names none, or verify-ca), and a password_file that is not an absolute path.
#pragma once

#include <string>
#include <toml++/toml.h>

#include "core/diagnostics.h"
#include "core/kiosk_settings.h"
#include "core/text_catalogue.h"

namespace kiosk {

void readCentralSettings(const toml::table& central, const std::string& file, const Texts& texts, Problems& problems,
                         KioskSettings& s);

}  // namespace kiosk
