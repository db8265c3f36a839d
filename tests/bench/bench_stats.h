// bench_stats.h: percentiles of measured durations.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace kiosk::bench {

using Stopwatch = std::chrono::steady_clock;

inline double ms(Stopwatch::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

inline double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace kiosk::bench
