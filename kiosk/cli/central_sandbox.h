// central_sandbox.h: the kiosk's [central] url against the installed systemd unit, for `doctor` and
// `central-dropin`. Reads the unit and its drop-ins from the places systemd does, resolves the server's
// host names (getaddrinfo, as libpq will) and the name servers of /etc/resolv.conf.
#pragma once

#include <string>
#include <vector>

#include "cli/unit_sandbox.h"
#include "content/central_url.h"

namespace kiosk {

// The unit file then its drop-ins in name order, from /etc, /run and /lib as systemd merges them;
// empty when the package's unit is not installed (a development machine).
std::vector<std::string> installedUnitTexts();

struct ResolvedCentral {
    std::vector<DropInTarget> servers;     // the TCP endpoints, each with its addresses
    std::vector<std::string> unresolved;   // hosts getaddrinfo could not resolve
    std::vector<IpAddress> nameServers;    // needed when a server is named, not numbered
    bool socketOnly = true;                // every endpoint a unix socket: the sandbox is no obstacle
};

ResolvedCentral resolveCentral(const CentralTarget& target);

// Addresses (servers, and name servers when needed) the policy would drop, as text.
std::vector<std::string> blockedAddresses(const ResolvedCentral& c, const UnitNetworkPolicy& policy);

}  // namespace kiosk
