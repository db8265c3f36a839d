// commands_central.cpp: `leergang-kiosk central-dropin`, the systemd drop-in that opens the kiosk's
// sandbox to the central record of `[central] url` and nothing else (unit_sandbox.h says how and why).
// It prints; the administrator puts it in place, so that nothing the kiosk runs as can widen its own
// sandbox:
//   leergang-kiosk central-dropin | sudo tee /etc/systemd/system/leergang-kiosk.service.d/central.conf
// Exit 0: printed (or nothing to open: a unix socket); 1: a host could not be resolved; 2: no or a
// broken [central] url.
#include <cstdio>

#include "cli/central_sandbox.h"
#include "cli/command_context.h"
#include "cli/commands.h"

namespace kiosk {

int cmdCentralDropIn(const CommandLine& cl) {
    CommandContext ctx;
    if (int rc = prepareCommand(cl, ctx)) return rc;
    const Texts& tx = ctx.texts;
    const std::string& url = ctx.config.settings.centralUrl;
    if (url.empty()) {
        std::fprintf(stderr, "%s\n", tx("cli.central_off").c_str());
        return 2;
    }
    std::string error;
    const auto target = parseCentralUrl(url, error);
    if (!target) {  // check-config refused it already; kept for a URL that changes under us
        std::fprintf(stderr, "%s\n", tx.format("problem.central.bad_url", {{"detail", error}}).c_str());
        return 2;
    }
    const ResolvedCentral c = resolveCentral(*target);
    if (c.socketOnly) {
        std::fprintf(stderr, "%s\n", tx("cli.central_socket_only").c_str());
        return 0;
    }
    if (!c.unresolved.empty()) {
        for (const auto& h : c.unresolved)
            std::fprintf(stderr, "%s\n", tx.format("doctor.central_unresolved", {{"host", h}}).c_str());
        return 1;
    }
    std::fputs(centralDropIn(c.servers, c.nameServers).c_str(), stdout);
    std::fprintf(stderr, "%s\n", tx("cli.central_dropin_how").c_str());
    return 0;
}

}  // namespace kiosk
