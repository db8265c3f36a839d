#include "privacy_settings.h"

#include "content/toml_table_reader.h"

namespace kiosk {

void readPrivacySettings(const toml::table& t, const std::string& file, const Texts& texts, Problems& problems,
                         KioskSettings& s) {
    TomlTableReader r(t, file, "[privacy]", texts, problems);
    if (auto v = r.string("name_display", false)) {
        bool found = false;
        for (auto d : {NameDisplay::first_and_initial, NameDisplay::first_only, NameDisplay::full})
            if (*v == nameDisplayKey(d)) {
                s.nameDisplay = d;
                found = true;
            }
        if (!found)
            r.error(r.where("name_display"),
                    texts.format("problem.config.bad_choice", {{"key", "name_display"},
                                                               {"value", *v},
                                                               {"choices", "first_and_initial, first_only, full"}}));
    }
    if (auto v = r.integer("retention_days", false, 1, 36500)) s.retentionDays = static_cast<int>(*v);
    if (auto v = r.boolean("keep_email")) s.keepEmail = *v;
    if (auto v = r.string("email_purpose", false)) s.emailPurpose = *v;
    if (auto v = r.boolean("inspection_staff_names")) s.inspectionStaffNames = *v;
    if (s.keepEmail && s.emailPurpose.empty())
        r.error(r.where("keep_email"), texts("problem.config.email_without_purpose"));
    r.finish();
}

void minimiseRoster(std::vector<RosterRow>& rows, const KioskSettings& s) {
    if (s.keepEmail) return;
    for (auto& r : rows) r.participant.email.clear();
}

}  // namespace kiosk
