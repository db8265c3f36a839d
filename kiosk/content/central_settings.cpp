#include "central_settings.h"

#include "central_url.h"
#include "toml_table_reader.h"

namespace kiosk {

void readCentralSettings(const toml::table& central, const std::string& file, const Texts& texts, Problems& problems,
                         KioskSettings& s) {
    TomlTableReader r(central, file, "[central]", texts, problems);
    if (auto url = r.string("url", false); url && !url->empty()) {
        std::string error;
        const auto target = parseCentralUrl(*url, error);
        bool ok = target.has_value();
        if (!target) {
            r.error(r.where("url"), texts.format("problem.central.bad_url", {{"detail", error}}));
        } else if (target->hasPassword) {
            r.error(r.where("url"), texts("problem.central.password_in_url"));
            ok = false;
        } else if (target->hasService) {
            r.error(r.where("url"), texts("problem.central.service_refused"));
            ok = false;
        } else {
            const std::string mode = effectiveSslMode(*target);
            for (const auto& e : target->endpoints) {
                if (isLocalEndpoint(e) || mode == "verify-full" || mode == "verify-ca") continue;
                r.error(r.where("url"), texts.format("problem.central.tls_required", {{"host", e.host}, {"sslmode", mode}}));
                ok = false;
                break;
            }
        }
        if (ok) s.centralUrl = *url;
    }
    if (auto v = r.string("password_file", false)) {
        if (v->empty() || v->front() == '/') s.centralPasswordFile = *v;
        else r.error(r.where("password_file"), texts.format("problem.central.relative_password_file", {{"path", *v}}));
    }
    r.finish();
}

}  // namespace kiosk
