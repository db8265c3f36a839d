#include "touch_gesture.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "utf8.h"

namespace kiosk {

Gesture classifyTouch(const std::vector<TouchSample>& path) {
    if (path.empty()) return Gesture::other;
    const TouchSample& first = path.front();
    const TouchSample& last = path.back();
    float stray = 0, upDown = 0, sideways = 0;  // the farthest any sample got from the press; up or down; sideways
    for (const TouchSample& s : path) {
        stray = std::max(stray, std::hypot(s.x - first.x, s.y - first.y));
        upDown = std::max(upDown, std::abs(s.y - first.y));
        sideways = std::max(sideways, std::abs(s.x - first.x));
    }
    if (stray <= kTapSlopMm) return Gesture::tap;
    if (last.ms - first.ms > kSwipeMaxMs) return Gesture::other;
    const float dx = last.x - first.x, dy = last.y - first.y;
    if (std::abs(dx) >= kSwipeMinMm && upDown <= 0.5f * std::abs(dx)) return dx > 0 ? Gesture::swipe_next : Gesture::swipe_previous;
    if (std::abs(dy) >= kSwipeMinMm && sideways <= 0.5f * std::abs(dy)) return dy > 0 ? Gesture::swipe_down : Gesture::swipe_up;
    return Gesture::other;
}

bool doubleTap(const TouchSample& first, const TouchSample& second, int64_t windowMs) {
    return second.ms >= first.ms && second.ms - first.ms <= windowMs &&
           std::hypot(second.x - first.x, second.y - first.y) <= kDoubleTapNearMm;
}

namespace {

// Rule 6 over the boxes whose `last` is `last`.
void readRows(const std::vector<Box>& boxes, bool last, std::vector<size_t>& out) {
    std::vector<size_t> byTop;
    for (size_t i = 0; i < boxes.size(); ++i)
        if (boxes[i].last == last) byTop.push_back(i);
    std::stable_sort(byTop.begin(), byTop.end(), [&](size_t a, size_t b) { return boxes[a].minY < boxes[b].minY; });
    std::vector<bool> placed(boxes.size(), false);
    for (size_t head : byTop) {
        if (placed[head]) continue;
        const Box& h = boxes[head];
        std::vector<size_t> row;
        for (size_t i : byTop) {
            if (placed[i]) continue;
            const float cy = (boxes[i].minY + boxes[i].maxY) * 0.5f;
            if (i == head || (cy >= h.minY && cy <= h.maxY)) row.push_back(i);
        }
        std::stable_sort(row.begin(), row.end(), [&](size_t a, size_t b) { return boxes[a].minX < boxes[b].minX; });
        for (size_t i : row) {
            placed[i] = true;
            out.push_back(i);
        }
    }
}

}  // namespace

std::vector<size_t> readingOrder(const std::vector<Box>& boxes) {
    std::vector<size_t> out;
    out.reserve(boxes.size());
    readRows(boxes, false, out);
    readRows(boxes, true, out);  // the way off the screen after its content
    return out;
}

std::string filedUnder(std::string_view folded) {
    if (folded.empty()) return {};
    const size_t n = utf8BoundaryAfter(folded, 0);
    std::string letter(folded.substr(0, n));
    if (n == 1 && letter[0] >= 'a' && letter[0] <= 'z') letter[0] = static_cast<char>(letter[0] - 'a' + 'A');
    return letter;
}

std::optional<LetterJump> letterJump(const std::vector<std::string>& initials, size_t from, int step) {
    const size_t n = initials.size();
    if (n == 0 || step == 0) return std::nullopt;
    auto groupStart = [&](size_t i) {  // the first entry of i's letter
        while (i > 0 && initials[i - 1] == initials[i]) --i;
        return i;
    };
    if (from >= n) return step > 0 ? LetterJump{0, 0} : LetterJump{groupStart(n - 1), 0};
    if (step > 0) {
        size_t i = from;
        while (i < n && initials[i] == initials[from]) ++i;
        return i < n ? LetterJump{i, 0} : LetterJump{0, 1};
    }
    const size_t start = groupStart(from);
    return start > 0 ? LetterJump{groupStart(start - 1), 0} : LetterJump{groupStart(n - 1), -1};
}

std::optional<size_t> letterFind(const std::vector<std::string>& initials, const std::string& letter) {
    for (size_t i = 0; i < initials.size(); ++i)
        if (initials[i] >= letter) return i;
    return std::nullopt;
}

}  // namespace kiosk
