#include "sync_step.h"

namespace kiosk {

namespace sync_step_detail {
std::atomic<SyncStepHook> hook{nullptr};
}

void setSyncStepHook(SyncStepHook hook) { sync_step_detail::hook.store(hook, std::memory_order_release); }

}  // namespace kiosk
