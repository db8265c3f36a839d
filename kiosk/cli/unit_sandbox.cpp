#include "unit_sandbox.h"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <sstream>

namespace kiosk {
namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

// One IPAddressAllow/Deny word as prefixes; the named sets of systemd.resource-control(5).
std::vector<IpPrefix> prefixesOf(const std::string& word) {
    auto p = [](const char* addr, int len) { return IpPrefix{*IpAddress::parse(addr), len}; };
    if (word == "any") return {p("0.0.0.0", 0), p("::", 0)};
    if (word == "localhost") return {p("127.0.0.0", 8), p("::1", 128)};
    if (word == "link-local") return {p("169.254.0.0", 16), p("fe80::", 64)};
    if (word == "multicast") return {p("224.0.0.0", 4), p("ff00::", 8)};
    const auto slash = word.find('/');
    const auto addr = IpAddress::parse(word.substr(0, slash));
    if (!addr) return {};
    const int max = addr->family == AF_INET ? 32 : 128;
    int len = max;
    if (slash != std::string::npos) {
        try {
            len = std::stoi(word.substr(slash + 1));
        } catch (...) {
            return {};
        }
    }
    if (len < 0 || len > max) return {};  // systemd refuses such an entry too
    return {IpPrefix{*addr, len}};
}

}  // namespace

std::optional<IpAddress> IpAddress::parse(const std::string& text) {
    IpAddress a;
    if (inet_pton(AF_INET, text.c_str(), a.bytes.data()) == 1) a.family = AF_INET;
    else if (inet_pton(AF_INET6, text.c_str(), a.bytes.data()) == 1) a.family = AF_INET6;
    else return std::nullopt;
    return a;
}

std::string IpAddress::str() const {
    char buf[INET6_ADDRSTRLEN] = {};
    inet_ntop(family, bytes.data(), buf, sizeof buf);
    return buf;
}

bool IpPrefix::contains(const IpAddress& a) const {
    if (a.family != address.family) return false;
    int bits = length;
    for (size_t i = 0; bits > 0; ++i, bits -= 8) {
        const int n = bits >= 8 ? 8 : bits;
        const auto mask = static_cast<uint8_t>(0xFF << (8 - n));
        if ((a.bytes[i] & mask) != (address.bytes[i] & mask)) return false;
    }
    return true;
}

bool UnitNetworkPolicy::allowsFamily(int family) const {
    if (!familiesRestricted) return true;
    const bool listed = families.count(family == AF_INET ? "AF_INET" : "AF_INET6") > 0;
    return familiesDenyList ? !listed : listed;
}

bool UnitNetworkPolicy::allows(const IpAddress& a) const {
    if (!allowsFamily(a.family)) return false;
    for (const auto& p : allow)
        if (p.contains(a)) return true;
    for (const auto& p : deny)
        if (p.contains(a)) return false;
    return true;
}

UnitNetworkPolicy readUnitNetworkPolicy(const std::vector<std::string>& unitTexts) {
    UnitNetworkPolicy policy;
    for (const auto& text : unitTexts) {
        std::istringstream in(text);
        std::string line, section;
        while (std::getline(in, line)) {
            line = trim(line);
            if (line.empty() || line[0] == '#' || line[0] == ';') continue;
            if (line.front() == '[') {
                section = line;
                continue;
            }
            const auto eq = line.find('=');
            if (section != "[Service]" || eq == std::string::npos) continue;
            const std::string key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
            if (key == "RestrictAddressFamilies") {
                if (value.empty()) {
                    policy.familiesRestricted = policy.familiesDenyList = false;
                    policy.families.clear();
                    continue;
                }
                const bool deny = value.front() == '~';
                if (!policy.familiesRestricted || policy.familiesDenyList != deny) policy.families.clear();
                policy.familiesRestricted = true;
                policy.familiesDenyList = deny;
                for (const auto& w : words(deny ? value.substr(1) : value)) policy.families.insert(w);
            } else if (key == "IPAddressAllow" || key == "IPAddressDeny") {
                auto& list = key == "IPAddressAllow" ? policy.allow : policy.deny;
                if (value.empty()) list.clear();
                for (const auto& w : words(value))
                    for (const auto& p : prefixesOf(w)) list.push_back(p);
            }
        }
    }
    return policy;
}

std::vector<IpAddress> nameServersOf(const std::string& resolvConf) {
    std::vector<IpAddress> out;
    std::istringstream in(resolvConf);
    std::string line;
    while (std::getline(in, line)) {
        const auto w = words(line);
        if (w.size() >= 2 && w[0] == "nameserver")
            if (auto a = IpAddress::parse(w[1])) out.push_back(*a);
    }
    return out;
}

std::string centralDropIn(const std::vector<DropInTarget>& servers, const std::vector<IpAddress>& nameServers) {
    bool v4 = false, v6 = false, named = false;
    std::string hosts;
    for (const auto& s : servers) {
        hosts += (hosts.empty() ? "" : ", ") + s.host + " port " + s.port;
        named = named || !IpAddress::parse(s.host);
        for (const auto& a : s.addresses) (a.family == AF_INET ? v4 : v6) = true;
    }
    std::vector<IpAddress> resolvers = named ? nameServers : std::vector<IpAddress>{};
    for (const auto& a : resolvers) (a.family == AF_INET ? v4 : v6) = true;

    std::ostringstream out;
    out << "# /etc/systemd/system/leergang-kiosk.service.d/central.conf, written by `leergang-kiosk central-dropin`.\n"
        << "# Opens the kiosk's sandbox (the unit: RestrictAddressFamilies=AF_UNIX, IPAddressDeny=any) to the\n"
        << "# central record of [central] url and nothing else: " << hosts << ".\n"
        << "# systemd limits addresses, not ports. Write it again when the server's address changes.\n"
        << "[Service]\n";
    // Never an empty RestrictAddressFamilies=: that would lift the restriction altogether.
    if (v4 || v6)
        out << "RestrictAddressFamilies=" << (v4 ? "AF_INET" : "") << (v4 && v6 ? " " : "") << (v6 ? "AF_INET6" : "") << "\n";
    for (const auto& s : servers)
        for (const auto& a : s.addresses)
            out << "IPAddressAllow=" << a.str() << (a.family == AF_INET ? "/32" : "/128") << "\n";
    if (!resolvers.empty()) out << "# The name servers of /etc/resolv.conf, so that libpq can look the host name up.\n";
    for (const auto& a : resolvers) out << "IPAddressAllow=" << a.str() << (a.family == AF_INET ? "/32" : "/128") << "\n";
    // Network access raises systemd-analyze security from 3.1 to 3.5; these groups, which neither the
    // kiosk nor cage, Xwayland or Mesa call, bring it to 2.1. EPERM rather than a kill, should one be.
    out << "# Opening the network, closing what a kiosk never calls (systemd-analyze security stays <= 3.1).\n"
        << "SystemCallFilter=~@clock @cpu-emulation @debug @module @mount @obsolete @raw-io @reboot @swap\n"
        << "SystemCallErrorNumber=EPERM\n";
    return out.str();
}

}  // namespace kiosk
