// screen_staff_common.cpp: what every staff page shares: the header with the pages as tabs, the
// auto-lock countdown and the lock button, and the export bar that says where a file will go.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {
// How far down the last staff header reached (window pixels from the top): one row when title,
// tabs and lock fit side by side, two on a narrow window. Every staff page draws its header first.
float gHeaderBottom = 0.0f;
}  // namespace

PageArea staffPageArea() {
    const Theme& t = theme();
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const float top = std::max(t.Em(4.7f), gHeaderBottom + t.Em(1.3f));  // under the lock's countdown
    return {ImVec2(origin.x + margin, origin.y + top), ImVec2(origin.x + size.x - margin, origin.y + size.y - margin * 0.6f)};
}

Intent drawStaffHeader(const KioskView& v, const UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const float y = origin.y + t.Em(0.9f);
    const float h = layout().target(2.6f);
    const float tabGap = t.Em(0.4f);
    float x = origin.x + margin;
    struct Tab {
        const char* id;
        const char* key;
        Screen screen;
    };
    const Tab tabs[] = {{"desk.tab.today", "staff.tab_today", Screen::staff_today},
                        {"desk.tab.matrix", "staff.tab_matrix", Screen::staff_matrix},
                        {"desk.tab.history", "staff.tab_history", Screen::staff_history},
                        {"desk.tab.health", "staff.tab_health", Screen::staff_health}};
    // One row (title, tabs, lock) when it fits; otherwise title and lock above, the tabs sharing
    // the whole width below: the lock button never lies over a tab.
    const std::string title = tx("staff.title");
    const float titleW = textSize(t.fonts.title, title).x;
    float tabsW = 0;
    for (const auto& tab : tabs) tabsW += textSize(t.fonts.bodyBold, tx(tab.key)).x + t.Em(1.6f) + tabGap;
    const std::string lock = tx("staff.lock");
    const float lw = textSize(t.fonts.bodyBold, lock).x + t.Em(3.2f);
    const float avail = size.x - 2 * margin;
    const bool oneRow = titleW + t.Em(1.2f) + tabsW + t.Em(0.8f) + lw <= avail;
    if (oneRow || titleW + t.Em(1.2f) + lw <= avail)
        drawText(t.fonts.title, ImVec2(x, y + (h - t.fonts.title->FontSize) * 0.5f), t.palette.ink, title);
    float ty = y;
    if (oneRow) {
        x += titleW + t.Em(1.2f);
    } else {
        ty = y + h + t.Em(1.3f);  // under the lock and its countdown
    }
    const float shared = (avail - tabGap * 3) / 4.0f;
    for (const auto& tab : tabs) {
        const std::string label = tx(tab.key);
        const float w = oneRow ? textSize(t.fonts.bodyBold, label).x + t.Em(1.6f) : shared;
        const bool current = s.screen == tab.screen || (tab.screen == Screen::staff_today && s.screen == Screen::staff_correct);
        ImGui::SetCursorScreenPos(ImVec2(x, ty));
        if (touchButton({tab.id, label, ImVec2(w, h), current ? ButtonStyle::primary : ButtonStyle::secondary}))
            intent = Intent::go(tab.screen);
        x += w + tabGap;
    }
    gHeaderBottom = ty + h - origin.y;
    const float lx = origin.x + size.x - margin - lw;
    ImGui::SetCursorScreenPos(ImVec2(lx, y));
    if (touchButton({"desk.lock", lock, ImVec2(lw, h), ButtonStyle::warning, {}, Icon::cross})) intent = Intent::lockStaff();
    if (v.staff) {
        // How long until it locks by itself, so nobody is surprised mid-correction.
        const std::string left = tx.format("staff.autolock", {{"n", std::to_string(v.staff->autoLockSeconds)}});
        const float w = textSize(t.fonts.small, left).x;
        drawText(t.fonts.small, ImVec2(lx + (lw - w) * 0.5f, y + h + t.Em(0.15f)), t.palette.muted, left);
    }
    return intent;
}

namespace {

// Several USB sticks in (export_target.h, rule 2): one button per stick, its name and size, the
// chosen one marked; nothing is written before staff chose.
void drawDriveChoice(const StaffView& st, UiState& s, ImVec2 min, float width) {
    const Theme& t = theme();
    const float h = t.em + t.fonts.small->FontSize + t.Em(0.35f);
    const float gap = t.Em(0.4f);
    const float each = (width - gap * static_cast<float>(st.drives.size() - 1)) / static_cast<float>(st.drives.size());
    float x = min.x;
    for (size_t i = 0; i < st.drives.size(); ++i) {
        const auto& d = st.drives[i];
        const bool on = s.exportDrive == d.folder;
        const std::string id = "save.drive." + std::to_string(i);
        ImGui::SetCursorScreenPos(ImVec2(x, min.y));
        ButtonSpec b{id.c_str(), d.label, ImVec2(each, h), on ? ButtonStyle::primary : ButtonStyle::secondary};
        b.icon = on ? Icon::check : Icon::none;
        b.floorFont = t.fonts.small;
        if (touchButton(b)) s.exportDrive = d.folder;
        x += each + gap;
    }
}

}  // namespace

Intent drawGroupButton(const KioskView& v, const std::vector<std::string>& cohorts, const std::string& current, ImVec2 at,
                       float h, float& width) {
    width = 0;
    if (cohorts.size() < 2) return {};
    const Theme& t = theme();
    auto it = std::find(cohorts.begin(), cohorts.end(), current);
    const std::string& next = it == cohorts.end() || std::next(it) == cohorts.end() ? cohorts.front() : *std::next(it);
    // The next page named when it is the day's walk-ins (StaffView::kGuestsList), else "Andere groep".
    const std::string label = (*v.texts)(next == kGuestsList ? "staff.guests_page" : "staff.next_group");
    width = textSize(t.fonts.bodyBold, (*v.texts)("staff.next_group")).x + t.Em(3.0f);  // one width: the button stays put
    ImGui::SetCursorScreenPos(at);
    if (touchButton({"desk.group.next", label, ImVec2(width, h), ButtonStyle::secondary, {}, Icon::person}))
        return Intent::staffGroup(next);
    return {};
}

namespace {

// The export bar's words and where they go (drawExportBar, exportBarHeight). Rule: beside the
// buttons, on two lines (what and where to, then the folder), when each line is whole there;
// otherwise (a narrow portrait panel, the matrix's five buttons) above the buttons, the whole width,
// the first line wrapping onto as many lines as it needs (up to three), so that "naar de exportmap
// (geen USB-stick gevonden)" is read whole at every size and never ends in "…". Where the matrix's
// five buttons are wider than the page (a 7-inch panel on its side), the certificates' two go on
// a row under the formats' three.
struct ExportBarPlan {
    float buttonsW = 0, buttonsH = 0, height = 0;
    bool twoRows = false;                // the matrix's five buttons wider than the page: the files'
                                         // formats, and the certificates under them
    float blockH = 0;                    // the buttons' rows
    bool stacked = false;                // the words above the buttons, not beside them
    ImVec2 textMin;                      // relative to the bar's top left
    float textW = 0, indent = 0;         // indent: room for the outcome's icon
    ImFont* font = nullptr;              // of the first line(s)
    std::vector<std::string> lines;      // the first line, wrapped
    std::string second;                  // the folder or path (small font)
    bool driveChoice = false;            // the sticks to choose from instead of the words
};

float exportButtonW() { return theme().Em(5.2f); }
float exportCertW() { return theme().Em(7.6f); }
float exportGap() { return theme().Em(0.5f); }

// What the bar says in the state it is in: the first line and the folder or path under it.
std::pair<std::string, std::string> exportWords(const KioskView& v, bool matrix) {
    const Texts& tx = *v.texts;
    const StaffView& st = *v.staff;
    if (st.exportBusy) return {tx("staff.exporting"), st.exportFolder};
    if (!st.exportMessage.empty()) return {st.exportMessage, st.exportPath};
    return {tx(matrix ? "staff.export_matrix" : "staff.export_presence") + " " + st.exportTarget, st.exportFolder};
}

ExportBarPlan planExportBar(const KioskView& v, bool matrix, float width) {
    const Theme& t = theme();
    const StaffView& st = *v.staff;
    ExportBarPlan p;
    p.buttonsH = layout().target(2.6f);
    p.buttonsW = 3 * exportButtonW() + 2 * exportGap() + (matrix ? 2 * (exportCertW() + exportGap()) : 0.0f);
    p.twoRows = matrix && p.buttonsW > width;
    if (p.twoRows) p.buttonsW = 3 * exportButtonW() + 2 * exportGap();
    p.blockH = p.twoRows ? 2 * p.buttonsH + exportGap() : p.buttonsH;
    p.driveChoice = !st.exportBusy && !st.drives.empty() && (st.mustChooseDrive || st.exportMessage.empty());
    const bool outcome = !st.exportBusy && !p.driveChoice && !st.exportMessage.empty();
    p.indent = outcome ? t.Em(1.2f) : 0.0f;
    const auto [first, second] = exportWords(v, matrix);
    p.second = second;
    const float besideW = width - p.buttonsW - t.Em(1.0f);
    const float smallH = t.fonts.small->FontSize * 1.1f;
    // Beside the buttons: the sticks when each keeps a finger's width, the words when both lines are
    // whole (the first in the bold or the body font; "Bezig met opslaan…" and the outcome in bold).
    ImFont* besideFont = nullptr;
    const bool boldOnly = outcome || st.exportBusy;
    for (ImFont* f : {t.fonts.bodyBold, boldOnly ? t.fonts.bodyBold : t.fonts.body})
        if (!besideFont && textSize(f, first).x <= besideW - p.indent) besideFont = f;
    const bool secondFits = textSize(t.fonts.small, second).x <= besideW - p.indent;
    const float driveEach = p.driveChoice ? (besideW / static_cast<float>(st.drives.size())) : 0.0f;
    if (!p.twoRows && (p.driveChoice ? driveEach >= t.Em(7.0f) : besideFont && secondFits)) {
        p.height = p.buttonsH;
        p.textW = besideW;
        p.font = besideFont ? besideFont : t.fonts.bodyBold;
        p.lines = {first};
        return p;
    }
    p.stacked = true;
    p.textW = width;
    p.font = outcome || st.exportBusy ? t.fonts.bodyBold : t.fonts.body;
    float textH = 0;
    if (p.driveChoice) {
        textH = t.em + t.fonts.small->FontSize + t.Em(0.35f);
    } else {
        p.lines = wrapLines(p.font, first, width - p.indent, 3);
        textH = p.font->FontSize * 1.1f * static_cast<float>(p.lines.size()) + t.Em(0.15f) + smallH;
    }
    p.height = t.Em(0.4f) + textH + t.Em(0.5f) + p.blockH;  // apart from what is above (the list's last lines)
    return p;
}

}  // namespace

float exportBarHeight(const KioskView& v, bool matrix, float width) {
    if (!v.staff) return layout().target(2.6f);
    return planExportBar(v, matrix, width).height;
}

Intent drawExportBar(const KioskView& v, UiState& s, bool matrix, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    const StaffView& st = *v.staff;
    const ExportBarPlan plan = planExportBar(v, matrix, max.x - min.x);
    const float h = plan.buttonsH;
    const float by = max.y - plan.blockH;  // the buttons' (first) row
    // CSV, Excel and PDF; on the matrix page also the certificates (PDF, one per person who met the
    // rule) and everyone's statement of participation (PDF, one per person).
    const float bw = exportButtonW(), certW = exportCertW(), gap = exportGap();
    const float x = max.x - plan.buttonsW;
    const ExportKind kind = matrix ? ExportKind::matrix : ExportKind::presence;
    const std::string ids = matrix ? "save.matrix." : "save.presence.";
    const std::string csvId = ids + "csv", xlsxId = ids + "xlsx", pdfId = ids + "pdf";
    const bool can = !st.exportBusy && !st.mustChooseDrive;
    float bx = x;
    ImGui::SetCursorScreenPos(ImVec2(bx, by));
    if (touchButton({csvId.c_str(), "CSV", ImVec2(bw, h), ButtonStyle::secondary, {}, Icon::arrow_right, nullptr, can}))
        intent = Intent::staffExport(kind, ExportFormat::csv, st.date);
    bx += bw + gap;
    ImGui::SetCursorScreenPos(ImVec2(bx, by));
    if (touchButton({xlsxId.c_str(), "Excel", ImVec2(bw, h), ButtonStyle::primary, {}, Icon::arrow_right, nullptr, can}))
        intent = Intent::staffExport(kind, ExportFormat::xlsx, st.date);
    bx += bw + gap;
    ImGui::SetCursorScreenPos(ImVec2(bx, by));
    if (touchButton({pdfId.c_str(), "PDF", ImVec2(bw, h), ButtonStyle::primary, {}, Icon::arrow_right, nullptr, can}))
        intent = Intent::staffExport(kind, ExportFormat::pdf, st.date);
    if (matrix) {
        bx = plan.twoRows ? max.x - 2 * certW - gap : bx + bw + gap;
        const float cy = max.y - h;  // the bar's bottom: under the formats when in two rows
        ImGui::SetCursorScreenPos(ImVec2(bx, cy));
        const std::string certLabel = tx("staff.export_certificates");
        if (touchButton({"save.certificates.pdf", certLabel.c_str(), ImVec2(certW, h), ButtonStyle::primary, {}, Icon::arrow_right, nullptr, can}))
            intent = Intent::staffExport(ExportKind::certificates, ExportFormat::pdf, st.date);
        bx += certW + gap;
        ImGui::SetCursorScreenPos(ImVec2(bx, cy));
        const std::string statementsLabel = tx("staff.export_statements");
        if (touchButton({"save.statements.pdf", statementsLabel.c_str(), ImVec2(certW, h), ButtonStyle::primary, {}, Icon::arrow_right, nullptr, can}))
            intent = Intent::staffExport(ExportKind::statements, ExportFormat::pdf, st.date);
    }
    // The matrix's files are of the group the page shows (issue 30).
    if (auto* e = std::get_if<intent::StaffExport>(&intent.action); e && matrix) e->cohort = st.matrix.cohortId;
    // Where it goes (before), and where it went (after): the exact path, on a line of its own.
    const ImVec2 at(min.x, plan.stacked ? max.y - plan.height + t.Em(0.4f) : by);
    if (plan.driveChoice) {
        drawDriveChoice(st, s, at, plan.textW);
        return intent;
    }
    const bool outcome = plan.indent > 0.0f;
    const Rgb c = !outcome ? (st.exportBusy ? t.palette.muted : t.palette.ink) : st.exportFailed ? t.palette.danger : t.palette.success;
    if (outcome)
        drawIcon(st.exportFailed ? Icon::warning : Icon::check, ImVec2(at.x + t.Em(0.45f), at.y + plan.font->FontSize * 0.5f), t.Em(0.9f), c);
    const float lineH = plan.font->FontSize * 1.1f;
    float y = at.y;
    for (const auto& line : plan.lines) {
        drawText(plan.font, ImVec2(at.x + plan.indent, y), c, line);
        y += lineH;
    }
    y = plan.stacked ? y + t.Em(0.15f) : at.y + t.em + t.Em(0.35f);
    drawText(t.fonts.small, ImVec2(at.x + plan.indent, y), outcome ? t.palette.ink : t.palette.muted,
             fitText(t.fonts.small, plan.second, plan.textW - plan.indent));
    return intent;
}

}  // namespace kiosk::ui
