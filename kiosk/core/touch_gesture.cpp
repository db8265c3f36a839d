#include "touch_gesture.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kiosk {

Gesture classifyTouch(const std::vector<TouchSample>& path) {
    if (path.empty()) return Gesture::other;
    const TouchSample& first = path.front();
    const TouchSample& last = path.back();
    float stray = 0, upDown = 0;  // the farthest any sample got from the press; up or down only
    for (const TouchSample& s : path) {
        stray = std::max(stray, std::hypot(s.x - first.x, s.y - first.y));
        upDown = std::max(upDown, std::abs(s.y - first.y));
    }
    if (stray <= kTapSlopMm) return Gesture::tap;
    const float dx = last.x - first.x;
    if (last.ms - first.ms > kSwipeMaxMs || std::abs(dx) < kSwipeMinMm || upDown > 0.5f * std::abs(dx)) return Gesture::other;
    return dx > 0 ? Gesture::swipe_next : Gesture::swipe_previous;
}

bool doubleTap(const TouchSample& first, const TouchSample& second) {
    return second.ms >= first.ms && second.ms - first.ms <= kDoubleTapMs &&
           std::hypot(second.x - first.x, second.y - first.y) <= kDoubleTapNearMm;
}

std::vector<size_t> readingOrder(const std::vector<Box>& boxes) {
    std::vector<size_t> byTop(boxes.size());
    std::iota(byTop.begin(), byTop.end(), size_t{0});
    std::stable_sort(byTop.begin(), byTop.end(), [&](size_t a, size_t b) { return boxes[a].minY < boxes[b].minY; });
    std::vector<size_t> out;
    std::vector<bool> placed(boxes.size(), false);
    out.reserve(boxes.size());
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
    return out;
}

}  // namespace kiosk
