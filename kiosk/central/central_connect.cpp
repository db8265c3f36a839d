#include "central_connect.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "content/central_url.h"
#include "pg_connection.h"

namespace kiosk {

CentralConnectResult connectCentral(PgConnection& conn, const std::string& url, const std::string& passwordFile,
                                    const Texts& tx, int timeoutSeconds) {
    CentralConnectResult out;
    auto refuse = [&](std::string message) {
        out.usageError = true;
        out.message = std::move(message);
        return out;
    };
    std::string error;
    const auto target = parseCentralUrl(url, error);
    if (!target) return refuse(tx.format("problem.central.bad_url", {{"detail", error}}));
    if (target->hasPassword) return refuse(tx("problem.central.password_in_url"));
    if (target->hasService) return refuse(tx("problem.central.service_refused"));
    bool allLocal = true;
    for (const auto& e : target->endpoints) {
        if (isLocalEndpoint(e)) continue;
        allLocal = false;
        const std::string mode = effectiveSslMode(*target);
        if (mode != "verify-full" && mode != "verify-ca")
            return refuse(tx.format("problem.central.tls_required", {{"host", e.host}, {"sslmode", mode}}));
    }
    const std::string sslmode = target->sslmode.empty() && !allLocal ? "verify-full" : "";

    std::string password;
    if (!passwordFile.empty()) {
        // As libpq does for ~/.pgpass: a secret others can read is no secret.
        struct stat st {};
        if (::stat(passwordFile.c_str(), &st) == 0 && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
            char mode[8];
            std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
            return refuse(tx.format("central.password_file_permissions", {{"path", passwordFile}, {"mode", mode}}));
        }
        std::ifstream in(passwordFile, std::ios::binary);
        if (in) std::getline(in, password);
        if (!password.empty() && password.back() == '\r') password.pop_back();
        if (!in && !in.eof()) password.clear();
        if (password.empty()) return refuse(tx.format("central.password_file_unreadable", {{"path", passwordFile}}));
    }
    const std::string why = conn.connect(url, password, timeoutSeconds, sslmode);
    std::fill(password.begin(), password.end(), '\0');
    if (!why.empty()) {
        out.message = tx.format("central.unreachable", {{"detail", why}});
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace kiosk
