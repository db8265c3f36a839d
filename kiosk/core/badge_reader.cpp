#include "badge_reader.h"

namespace kiosk {

void BadgeReader::type(uint32_t c, SteadyTime at) {
    if (!buffer_.empty() && at.ms - last_.ms > maxPauseMs_) buffer_.clear();
    last_ = at;
    if (c >= 'a' && c <= 'z') buffer_ += static_cast<char>(c - 32);
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) buffer_ += static_cast<char>(c);
    if (buffer_.size() > 64) buffer_.erase(0, buffer_.size() - 64);  // nobody's code is this long
}

std::optional<std::string> BadgeReader::enter(SteadyTime at) {
    std::string code = pending(at);
    buffer_.clear();
    if (code.empty()) return std::nullopt;
    return code;
}

std::string BadgeReader::pending(SteadyTime at) const {
    if (buffer_.empty() || at.ms - last_.ms > maxPauseMs_) return {};
    return buffer_;
}

}  // namespace kiosk
