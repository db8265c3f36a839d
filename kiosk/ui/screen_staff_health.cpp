// screen_staff_health.cpp: is the kiosk well? The database and its size, free disk, the last
// backup and export, the central record (on or off, connected, waiting, every kiosk's clock), and
// any problem with the config or the store, in words staff can pass on.
#include <algorithm>
#include <cstdio>

#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

std::string bytes(int64_t n) {
    char buf[32];
    if (n < 0) return "?";
    if (n < 1024 * 1024) std::snprintf(buf, sizeof buf, "%.0f kB", static_cast<double>(n) / 1024.0);
    else if (n < 1024LL * 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / (1024.0 * 1024.0));
    else std::snprintf(buf, sizeof buf, "%.1f GB", static_cast<double>(n) / (1024.0 * 1024.0 * 1024.0));
    std::string s = buf;
    for (auto& c : s)
        if (c == '.') c = ',';  // Dutch decimal comma
    return s;
}

std::string when(const std::optional<LocalDateTime>& t, const Texts& tx) {
    if (!t) return tx("staff.health_never");
    char hm[8];
    std::snprintf(hm, sizeof hm, "%02d:%02d", t->hour, t->minute);
    return longDate(t->date, tx.lang()) + ", " + hm;
}

}  // namespace

Intent drawStaffHealthScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent = drawStaffHeader(v, s);
    if (!v.staff) return intent;
    const StaffHealth& h = v.staff->health;
    const PageArea area = staffPageArea();
    ImVec2 min = area.min;
    const ImVec2 max = area.max;
    min.y += t.Em(0.2f);
    const Palette& p = t.palette;
    const float labelW = t.Em(11.0f);
    float y = min.y;
    // One line per fact: a mark (fine / needs attention), the label, the value.
    auto line = [&](bool ok, const std::string& label, const std::string& value, const std::string& detail = {}) {
        drawIcon(ok ? Icon::check : Icon::warning, ImVec2(min.x + t.Em(0.5f), y + t.em * 0.5f), t.Em(0.9f), ok ? p.success : p.warning);
        drawText(t.fonts.bodyBold, ImVec2(min.x + t.Em(1.4f), y), p.ink, label);
        drawText(t.fonts.body, ImVec2(min.x + labelW, y), ok ? p.ink : p.warning, fitText(t.fonts.body, value, max.x - min.x - labelW));
        y += t.em + t.Em(0.25f);
        if (!detail.empty()) {
            drawText(t.fonts.small, ImVec2(min.x + labelW, y), p.muted, fitText(t.fonts.small, detail, max.x - min.x - labelW));
            y += t.fonts.small->FontSize + t.Em(0.25f);
        }
        y += t.Em(0.45f);
    };
    const bool storeOk = h.storeProblem.empty();
    line(storeOk, tx("staff.health_store"), storeOk ? tx.format("staff.health_store_ok", {{"n", std::to_string(h.eventCount)}}) : h.storeProblem,
         h.databasePath);
    if (!h.clockWarning.empty()) line(false, tx("staff.health_clock"), h.clockWarning);
    line(true, tx("staff.health_size"), bytes(h.databaseBytes) + "  (WAL " + bytes(h.walBytes) + ")");
    const bool diskOk = h.freeBytes < 0 || h.freeBytes > 200LL * 1024 * 1024;
    line(diskOk, tx("staff.health_disk"), bytes(h.freeBytes));
    // A backup is made every day the kiosk runs; older than two days means something is wrong.
    const bool backupOk = h.lastBackup && (v.local.date.daysSinceEpoch() - h.lastBackup->date.daysSinceEpoch()) <= 1;
    line(backupOk, tx("staff.health_backup"), when(h.lastBackup, tx), h.lastBackupPath);
    line(true, tx("staff.health_export"), when(h.lastExport, tx), h.lastExportPath);
    // The central record (issue 17): on or off, connected, the last sync, what waits, every kiosk.
    // A kiosk's line (last contact and clock) is long: wrapped, not cut, so that a warning is read whole.
    for (const auto& c : h.central) {
        if (y > max.y - 3 * t.em) break;
        const float valueW = max.x - min.x - labelW;
        const ImVec2 size = textSize(t.fonts.body, c.value, valueW);
        const Rgb attention = c.urgent ? p.danger : p.warning;
        drawIcon(c.ok ? Icon::check : Icon::warning, ImVec2(min.x + t.Em(0.5f), y + t.em * 0.5f), t.Em(0.9f), c.ok ? p.success : attention);
        drawText(t.fonts.bodyBold, ImVec2(min.x + t.Em(1.4f), y), c.urgent ? p.danger : p.ink, c.label);
        drawTextWrapped(t.fonts.body, ImVec2(min.x + labelW, y), valueW, c.ok ? p.ink : attention, c.value);
        y += std::max(t.em, size.y) + t.Em(0.7f);
    }
    const bool configOk = h.configProblems.empty();
    line(configOk, tx("staff.health_config"),
         configOk ? tx("staff.health_config_ok")
                  : tx.format("staff.health_config_problems", {{"n", std::to_string(h.configProblems.size())}}));
    for (const auto& problem : h.configProblems) {
        if (y > max.y - 3 * t.em) break;
        drawTextWrapped(t.fonts.small, ImVec2(min.x + labelW, y), max.x - min.x - labelW, p.warning, problem);
        y += textSize(t.fonts.small, problem, max.x - min.x - labelW).y + t.Em(0.2f);
    }
    for (const auto& problem : h.startupProblems) {
        if (y > max.y - 3 * t.em) break;
        line(false, tx("staff.health_startup"), problem);
    }
    line(true, tx("staff.health_version"), h.version);
    return intent;
}

}  // namespace kiosk::ui
