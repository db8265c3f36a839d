// crash_writer: appends check-ins as fast as it can and prints each event id on stdout only after
// its commit returned ("acknowledged"). The crash test kills it with SIGKILL at a random moment.
#include <cstdio>
#include <string>

#include "store/attendance_db.h"

using namespace kiosk;

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    AttendanceDb db;
    if (!db.open(argv[1], {0}).status.ok()) return 1;
    const std::string prefix = argv[2];
    for (long i = 0;; ++i) {
        AttendanceEvent e;
        e.id = prefix + "-" + std::to_string(i);
        e.participantCode = "ZU01";
        e.kind = EventKind::check_in;
        e.at = {1795000000000 + i};
        e.recordedAt = e.at;
        e.day = localDateOf(e.at);
        e.kioskId = "crash";
        if (!db.appendEvent(e).ok()) return 1;
        std::printf("%s\n", e.id.c_str());
        std::fflush(stdout);
    }
}
