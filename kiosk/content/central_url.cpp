#include "central_url.h"

#include <arpa/inet.h>
#include "optional/central_api.h"
#include <netinet/in.h>
#include <unistd.h>

#include <cstdlib>

#include <algorithm>
#include <map>
#include <sstream>

namespace kiosk {
namespace {

std::vector<std::string> splitCommas(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string part;
    while (std::getline(in, part, ',')) out.push_back(part);
    if (!s.empty() && s.back() == ',') out.push_back("");
    if (out.empty()) out.push_back("");
    return out;
}

}  // namespace

std::optional<CentralTarget> parseCentralUrl(const std::string& url, std::string& error) {
    char* err = nullptr;
    PQconninfoOption* options = nullptr;
    try {
        options = PQconninfoParse(url.c_str(), &err);
    } catch (const optional::OptionalLibraryMissing& e) {  // the central module (optional_libraries.h, 4)
        error = e.what();
        return std::nullopt;
    }
    if (!options) {
        error = err ? err : "out of memory";
        while (!error.empty() && (error.back() == '\n' || error.back() == ' ')) error.pop_back();
        PQfreemem(err);
        return std::nullopt;
    }
    std::map<std::string, std::string> values;
    for (const PQconninfoOption* o = options; o->keyword; ++o)
        if (o->val) values[o->keyword] = o->val;
    PQconninfoFree(options);

    CentralTarget t;
    t.sslmode = values["sslmode"];
    t.hasPassword = !values["password"].empty();
    t.hasService = !values["service"].empty();
    // libpq pairs the i-th host with the i-th hostaddr and port; one port applies to every host.
    const auto hosts = splitCommas(values["host"]);
    const auto addrs = splitCommas(values["hostaddr"]);
    const auto ports = splitCommas(values["port"]);
    const size_t n = std::max(hosts.size(), addrs.size());
    for (size_t i = 0; i < n; ++i) {
        CentralEndpoint e;
        const std::string host = i < hosts.size() ? hosts[i] : "";
        const std::string addr = i < addrs.size() ? addrs[i] : "";
        e.host = !addr.empty() ? addr : host;
        e.socket = addr.empty() && (host.empty() || host.front() == '/' || host.front() == '@');
        const std::string port = ports.size() == 1 ? ports[0] : i < ports.size() ? ports[i] : "";
        e.port = port.empty() ? "5432" : port;
        t.endpoints.push_back(e);
    }
    return t;
}

bool isLocalEndpoint(const CentralEndpoint& e) {
    if (e.socket) return true;
    in_addr v4{};
    if (inet_pton(AF_INET, e.host.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    if (inet_pton(AF_INET6, e.host.c_str(), &v6) != 1) return false;  // a name: never local
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
}

void ignoreLibpqEnvironment(bool keepPasswordSources) {
    std::vector<std::string> names;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        if (name.rfind("PG", 0) != 0) continue;
        if (keepPasswordSources && (name == "PGPASSWORD" || name == "PGPASSFILE")) continue;
        names.push_back(name);
    }
    for (const std::string& name : names) unsetenv(name.c_str());
}

std::string effectiveSslMode(const CentralTarget& t) { return t.sslmode.empty() ? "verify-full" : t.sslmode; }

}  // namespace kiosk
