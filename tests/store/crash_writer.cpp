// crash_writer: appends check-ins as fast as it can and prints each event id on stdout only after
// its commit returned ("acknowledged"). The crash test kills it with SIGKILL at a random moment.
#include <cstdio>
#include <string>

#include "core/event_builder.h"
#include "store/attendance_db.h"

using namespace kiosk;

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    AttendanceDb db;
    if (!db.open(argv[1], {0}).status.ok()) return 1;
    const std::string prefix = argv[2];
    for (long i = 0;; ++i) {
        AttendanceEvent e = makeTapEvent(EventKind::check_in, "ZU01", EventStamp::kiosk({1795000000000 + i}, "crash"));
        e.id = prefix + "-" + std::to_string(i);  // the test matches these ids to what it was told
        if (!db.appendEvent(e).ok()) return 1;
        std::printf("%s\n", e.id.c_str());
        std::fflush(stdout);
    }
}
