// scan_queue.h: badge scans that arrive while a check-in is still being written.
//
// The check-in flow (core/checkin_flow.h) has one write in flight at a time: its card says
// "pending" until the store answers. A scan in that moment is not dropped: it waits here, in the
// order scanned, and the session takes the next one as soon as the flow has nothing in flight
// (KioskSession::frame, after the store's answers are in). Each waiting scan is then handled as
// if it had just been made: its own card, its own write. Nothing here knows about attendance.
#pragma once

#include <deque>
#include <optional>
#include <string>

namespace kiosk {

class ScanQueue {
public:
    void push(std::string code) { codes_.push_back(std::move(code)); }
    // The oldest waiting scan, if any.
    std::optional<std::string> take() {
        if (codes_.empty()) return std::nullopt;
        std::string c = std::move(codes_.front());
        codes_.pop_front();
        return c;
    }
    bool empty() const { return codes_.empty(); }
    size_t size() const { return codes_.size(); }

private:
    std::deque<std::string> codes_;
};

}  // namespace kiosk
