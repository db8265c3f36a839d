#include "central_sandbox.h"

#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

constexpr const char* kUnit = "leergang-kiosk.service";

}  // namespace

std::vector<std::string> installedUnitTexts() {
    std::error_code ec;
    std::vector<std::string> texts;
    // The unit: the first of /etc, /run, /lib (an admin's copy in /etc replaces the package's).
    for (const char* dir : {"/etc/systemd/system", "/run/systemd/system", "/lib/systemd/system"}) {
        const fs::path unit = fs::path(dir) / kUnit;
        if (fs::exists(unit, ec)) {
            texts.push_back(readAll(unit));
            break;
        }
    }
    if (texts.empty()) return texts;
    // Drop-ins: by file name across the three folders, a name in /etc hiding the same in /run and /lib.
    std::map<std::string, fs::path> dropIns;
    for (const char* dir : {"/lib/systemd/system", "/run/systemd/system", "/etc/systemd/system"}) {
        const fs::path d = fs::path(dir) / (std::string(kUnit) + ".d");
        for (const auto& e : fs::directory_iterator(d, ec))
            if (e.path().extension() == ".conf") dropIns[e.path().filename().string()] = e.path();
    }
    for (const auto& [name, path] : dropIns) texts.push_back(readAll(path));
    return texts;
}

ResolvedCentral resolveCentral(const CentralTarget& target) {
    ResolvedCentral out;
    bool named = false;
    for (const auto& e : target.endpoints) {
        if (e.socket) continue;
        out.socketOnly = false;
        DropInTarget t{e.host, e.port, {}};
        if (auto literal = IpAddress::parse(e.host)) {
            t.addresses.push_back(*literal);
        } else {
            named = true;
            addrinfo hints{};
            hints.ai_family = AF_UNSPEC;
            hints.ai_socktype = SOCK_STREAM;
            addrinfo* res = nullptr;
            if (getaddrinfo(e.host.c_str(), e.port.c_str(), &hints, &res) == 0) {
                for (addrinfo* r = res; r; r = r->ai_next) {
                    char host[NI_MAXHOST] = {};
                    if (getnameinfo(r->ai_addr, r->ai_addrlen, host, sizeof host, nullptr, 0, NI_NUMERICHOST) != 0) continue;
                    auto a = IpAddress::parse(host);
                    const bool seen = a && std::any_of(t.addresses.begin(), t.addresses.end(), [&](const IpAddress& x) {
                                          return x.str() == a->str();
                                      });
                    if (a && !seen) t.addresses.push_back(*a);
                }
                freeaddrinfo(res);
            }
            if (t.addresses.empty()) out.unresolved.push_back(e.host);
        }
        out.servers.push_back(t);
    }
    if (named) out.nameServers = nameServersOf(readAll("/etc/resolv.conf"));
    return out;
}

std::vector<std::string> blockedAddresses(const ResolvedCentral& c, const UnitNetworkPolicy& policy) {
    std::vector<std::string> out;
    for (const auto& s : c.servers)
        for (const auto& a : s.addresses)
            if (!policy.allows(a)) out.push_back(s.host + " (" + a.str() + ")");
    bool named = false;
    for (const auto& s : c.servers) named = named || !IpAddress::parse(s.host);
    if (named)
        for (const auto& a : c.nameServers)
            if (!policy.allows(a)) out.push_back("nameserver " + a.str());
    return out;
}

}  // namespace kiosk
