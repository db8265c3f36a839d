// systemd_notify.h: the few words the kiosk says to systemd (sd_notify protocol, no libsystemd):
// READY=1 once the first frame is on screen, WATCHDOG=1 from the frame loop, STOPPING=1 at the end.
// Without $NOTIFY_SOCKET (not started by systemd) every call does nothing.
#pragma once

#include <string_view>

namespace kiosk {

bool systemdNotify(std::string_view message);
// The watchdog interval systemd asked for ($WATCHDOG_USEC), in milliseconds; 0 when none.
long long systemdWatchdogMs();

}  // namespace kiosk
