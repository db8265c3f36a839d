// unit_sandbox.h: what the kiosk's systemd sandbox lets through to the network, read from the unit
// and its drop-ins, and the drop-in that opens it to the central record and nothing else.
//
// Design. The unit (packaging/leergang-kiosk.service) cuts the kiosk off: RestrictAddressFamilies=
// AF_UNIX and IPAddressDeny=any. A kiosk with a `[central] url` over TCP needs the server's addresses
// (and, for a host name, the name servers libpq asks) and the families AF_INET/AF_INET6, no more.
// systemd filters egress by address, not by port: the address list is the limit, and the drop-in
// says so. Pure functions over text: `doctor` and `central-dropin` do the file reading and the name
// resolution; the tests feed the unit's own text.
//
// systemd's rules, as implemented here (systemd.exec(5), systemd.resource-control(5)):
//   - RestrictAddressFamilies: assignments add up; "~" makes it a deny list; an empty one resets.
//   - IPAddressAllow / IPAddressDeny: lists add up, an empty one resets; "any", "localhost",
//     "link-local", "multicast" are names for prefixes. A packet matching Allow passes; else one
//     matching Deny is dropped; else it passes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk {

struct IpAddress {
    int family = 0;                     // AF_INET or AF_INET6
    std::array<uint8_t, 16> bytes{};    // network order; 4 bytes used for AF_INET
    static std::optional<IpAddress> parse(const std::string& text);
    std::string str() const;
};

struct IpPrefix {
    IpAddress address;
    int length = 0;
    bool contains(const IpAddress& a) const;
};

struct UnitNetworkPolicy {
    bool familiesRestricted = false;      // RestrictAddressFamilies seen (and not reset)
    bool familiesDenyList = false;        // "~AF_..." form
    std::set<std::string> families;       // "AF_UNIX", "AF_INET", ...
    std::vector<IpPrefix> allow, deny;
    bool allowsFamily(int family) const;  // AF_INET / AF_INET6
    bool allows(const IpAddress& a) const;  // family and address both let through
};

// Reads the [Service] section of each text in order (the unit, then its drop-ins in name order).
UnitNetworkPolicy readUnitNetworkPolicy(const std::vector<std::string>& unitTexts);

struct DropInTarget {
    std::string host, port;              // as in [central] url
    std::vector<IpAddress> addresses;    // what the host resolved to
};

// The drop-in's text: a comment that says what and why, then [Service] with the families and one
// IPAddressAllow per address (servers first, then `nameServers` when a host is a name).
std::string centralDropIn(const std::vector<DropInTarget>& servers, const std::vector<IpAddress>& nameServers);

// The name servers of a resolv.conf text ("nameserver 192.0.2.53" lines).
std::vector<IpAddress> nameServersOf(const std::string& resolvConf);

}  // namespace kiosk
