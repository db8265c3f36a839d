// store_test_support.h: temporary folders and events for the store tests.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "core/attendance.h"
#include "core/event_builder.h"
#include "store/attendance_db.h"

namespace kiosk::test {

// A fresh folder under the system temp dir, removed (with everything in it) at scope exit.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() / ("leergang-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

inline Participant participant(const std::string& code, const std::string& first, const std::string& last,
                               const std::string& infix = "") {
    return {code, first, infix, last, "Beleid", "zutphen", ""};
}

inline AttendanceEvent checkIn(const std::string& code, Instant at, EventKind kind = EventKind::check_in) {
    return makeTapEvent(kind, code, EventStamp::kiosk(at, "test"));
}

inline Instant localTime(const char* s) { return fromLocal(*LocalDateTime::parse(s)); }

}  // namespace kiosk::test
