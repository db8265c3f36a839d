// sync_step.h: the named steps of a push and a pull (issue 34, item 1): the points where a test
// cuts the sync, as SQLite's own crash tests stop at every I/O.
//
// CONTRACT
//   1. syncStep("name") stands right before every libpq call and every SQLite statement that a push
//      or a pull makes on its way (central/central_sync.cpp, central/central_recovery.cpp,
//      store/central_outbox.cpp). Each name is written once in the source (the same statement in
//      a loop passes its step once per row). Not steps: the ROLLBACKs of failure paths (a cut
//      there is a second fault), the answer drained after a row held for a newer version, and the
//      new epoch of a database copied back by hand (central_sync.h, rule 3: startNewEpoch), and
//      what only a box that had another kiosk id does (rule 13: the move of its acknowledged events
//      to the old id's series, the question whether an unrecorded id is the server's, the telling
//      of a former id), which the test's rounds do not make; tests/central/test_central_identity.cpp
//      covers those paths whole.
//   2. tests/central/test_central_cut_points.cpp reads the names from the source (every
//      syncStep("...") under kiosk/), records the steps a clean push and pull pass, fails when a
//      step of the source is never passed, and cuts the sync at each step passed in turn (the
//      process killed, the connection dropped, the server stopped). A step added to the code is
//      thus cut at by that test without changing it.
//   3. Unarmed, which is always outside that test, a step costs one atomic load. It is armed only
//      in-process by setSyncStepHook(); nothing in the environment or the configuration arms it.
//   4. The hook runs on the thread that syncs, before the statement; it may end the process, cut
//      the connection or stop the server, and returns.
#pragma once

#include <atomic>

namespace kiosk {

using SyncStepHook = void (*)(const char* name);

namespace sync_step_detail {
extern std::atomic<SyncStepHook> hook;
}

inline void syncStep(const char* name) {
    if (const SyncStepHook h = sync_step_detail::hook.load(std::memory_order_acquire)) h(name);
}

// nullptr disarms. For tests only (3).
void setSyncStepHook(SyncStepHook hook);

}  // namespace kiosk
