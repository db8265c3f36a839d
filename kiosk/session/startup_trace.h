// startup_trace.h: with LEERGANG_KIOSK_TRACE_STARTUP set, each start-up phase prints its moment
// (milliseconds since the process started) to stderr: where the start-up time goes, on the
// venue's box as on the development machine.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace kiosk {

inline void traceStartup(const char* phase) {
    static const bool on = std::getenv("LEERGANG_KIOSK_TRACE_STARTUP") != nullptr;
    if (!on) return;
    // CPU-clock-independent: the process's start from /proc/self/stat would need parsing; the
    // monotonic clock against the moment of the first call is what the phases need.
    static timespec first = [] {
        timespec t{};
        clock_gettime(CLOCK_MONOTONIC, &t);
        return t;
    }();
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    const double ms = static_cast<double>(now.tv_sec - first.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec - first.tv_nsec) / 1e6;
    std::fprintf(stderr, "start-up: %7.1f ms  %s\n", ms, phase);
}

}  // namespace kiosk
