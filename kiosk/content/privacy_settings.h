// privacy_settings.h: the `[privacy]` table of kiosk.toml: what the kiosk keeps about a person, and
// for how long (docs/privacy.md, the processing register, says it for every column):
//   name_display    how a name shows on the public screens (first_and_initial, first_only, full)
//   retention_days  attendance older than this is purged at start (1 to 36500)
//   keep_email      false (the default): the roster's e-mail column is read past and never stored,
//                   since nothing on the kiosk uses it. true only with
//   email_purpose   what the addresses are kept for, in words (required with keep_email = true; shown
//                   by `show`), e.g. "certificaat per e-mail na dag 7".
//   inspection_staff_names  false (the default): `privacy export` shows a correcting staff member as
//                   "medewerker" (their name is their own personal data); true: by name.
// Other roster columns than the ones roster.h names are never read, so never stored.
#pragma once

#include <string>
#include <vector>
#include <toml++/toml.h>

#include "core/diagnostics.h"
#include "core/kiosk_settings.h"
#include "core/roster.h"
#include "core/text_catalogue.h"

namespace kiosk {

void readPrivacySettings(const toml::table& privacy, const std::string& file, const Texts& texts, Problems& problems,
                         KioskSettings& s);

// The roster as the kiosk may keep it: e-mail addresses dropped unless keep_email asks for them.
void minimiseRoster(std::vector<RosterRow>& rows, const KioskSettings& s);

}  // namespace kiosk
