#include "store/store_status.h"

namespace kiosk {

const char* storeErrorKey(StoreErrorKind k) {
    switch (k) {
        case StoreErrorKind::none: return "store_error.none";
        case StoreErrorKind::disk_full: return "store_error.disk_full";
        case StoreErrorKind::read_only: return "store_error.read_only";
        case StoreErrorKind::locked: return "store_error.locked";
        case StoreErrorKind::damaged: return "store_error.damaged";
        case StoreErrorKind::io: return "store_error.io";
        case StoreErrorKind::too_new: return "store_error.too_new";
        case StoreErrorKind::clock_implausible: return "store_error.clock_implausible";
        case StoreErrorKind::other: return "store_error.other";
    }
    return "store_error.other";
}

}  // namespace kiosk
