// store_status.h: what a store request came back with. Every store call returns a StoreStatus
// (never throws): none, or the kind of failure a person or the disk caused, with SQLite's own words.
// The screens and the command line say the kind in words through the catalogue (storeErrorKey);
// the detail goes to the journal and the staff Status page.
#pragma once

#include <string>

namespace kiosk {

enum class StoreErrorKind { none, disk_full, read_only, locked, damaged, io, too_new, clock_implausible, other };

struct StoreStatus {
    StoreErrorKind kind = StoreErrorKind::none;
    std::string detail;  // SQLite's own words, for logs and staff mode
    bool ok() const { return kind == StoreErrorKind::none; }
    static StoreStatus success() { return {}; }
};

const char* storeErrorKey(StoreErrorKind k);  // catalogue key under "store_error."

}  // namespace kiosk
