// display_reader.cpp: the `[display]` table of kiosk.toml (see display_reader.h).
#include "display_reader.h"

#include <cmath>
#include <cstdio>

#include "toml_table_reader.h"

namespace kiosk {
namespace {

std::string mm(float v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.0f", static_cast<double>(v));
    return b;
}

// reach_band_mm = [low, high]: two numbers, 300-2000, low below high.
void readBand(TomlTableReader& r, const Texts& texts, DisplaySettings& d) {
    const toml::array* a = r.array("reach_band_mm", false);
    if (!a) return;
    const auto bad = [&] { r.error(r.where("reach_band_mm"), texts("problem.config.reach_band")); };
    if (a->size() != 2) return bad();
    const auto lo = a->get(0)->value<double>(), hi = a->get(1)->value<double>();
    if (!lo || !hi || *lo < 300.0 || *hi > 2000.0 || *lo >= *hi) return bad();
    d.reachLowMm = static_cast<float>(*lo);
    d.reachHighMm = static_cast<float>(*hi);
}

// The band against the panel: a warning when part of it is off the panel.
void checkBand(TomlTableReader& r, const Texts& texts, Problems& problems, const DisplaySettings& d) {
    const auto& where = r.where("mounting_bottom_mm");
    if (d.diagonalInches <= 0.0f) {
        problems.push_back(problemAt(r.file(), where, Severity::warning, texts("problem.config.reach_band_no_diagonal")));
        return;
    }
    const float h = portraitPanelHeightMm(d.diagonalInches);
    const float top = d.mountingBottomMm + h;
    if (d.mountingBottomMm <= d.reachLowMm && top >= d.reachHighMm) return;
    const float on = std::max(0.0f, std::min(top, d.reachHighMm) - std::max(d.mountingBottomMm, d.reachLowMm));
    std::string fix = h >= d.reachHighMm - d.reachLowMm
                          ? texts.format("problem.config.reach_band_fix", {{"from", mm(d.reachHighMm - h)}, {"to", mm(d.reachLowMm)}})
                          : texts.format("problem.config.reach_band_too_small", {{"h", mm(h)}});
    problems.push_back(problemAt(r.file(), where, Severity::warning,
                                 texts.format("problem.config.reach_band_cut", {{"low", mm(d.reachLowMm)}, {"high", mm(d.reachHighMm)},
                                                                                {"on", mm(on)}, {"bottom", mm(d.mountingBottomMm)},
                                                                                {"top", mm(top)}, {"fix", fix}})));
}

}  // namespace

float portraitPanelHeightMm(float diagonalInches) { return diagonalInches * 25.4f * 16.0f / std::hypot(16.0f, 9.0f); }

void readDisplaySettings(const toml::table& display, const std::string& file, const Texts& texts, Problems& problems,
                         DisplaySettings& d) {
    TomlTableReader r(display, file, "[display]", texts, problems);
    // 0 = ask the monitor; a panel from a 5-inch board to a 110-inch screen.
    if (auto v = r.number("diagonal_inches", false, 0.0, 110.0)) {
        if (*v > 0.0 && *v < 5.0)
            r.error(r.where("diagonal_inches"), texts.format("problem.config.out_of_range", {{"key", "diagonal_inches"}, {"min", "5"}, {"max", "110"}}));
        else d.diagonalInches = static_cast<float>(*v);
    }
    if (auto v = r.number("viewing_distance_mm", false, 200.0, 5000.0)) d.viewingDistanceMm = static_cast<float>(*v);
    if (auto v = r.number("mounting_bottom_mm", false, 0.0, 2500.0)) d.mountingBottomMm = static_cast<float>(*v);
    readBand(r, texts, d);
    r.finish();
    if (d.mountingBottomMm > 0.0f) checkBand(r, texts, problems, d);
}

}  // namespace kiosk
