// band_header.cpp: on a reachable stand (layout.h `band`), a participant screen other than home is
// drawn whole inside the reach band; what stands above the band is content only: the clock and
// date, the programme, today's theme and what is on now. A window of its own that takes no input.
#include "band_header.h"

#include <algorithm>

#include "layout.h"
#include "widgets.h"

namespace kiosk::ui {

bool drawnInBand(Screen s) { return layout().band && (s == Screen::checkin || s == Screen::walkin || s == Screen::agenda); }

void drawBandHeader(const KioskView& v) {
    const Layout& l = layout();
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(l.width, l.bandTop));
    ImGui::Begin("##band_header", nullptr, kFlags);
    const float margin = t.Em(1.5f), left = margin, width = l.width - 2 * margin, bottom = l.bandTop - t.Em(0.5f);
    float y = t.Em(1.0f);
    // Each line only when it fits whole above the band.
    auto line = [&](ImFont* f, Rgb colour, const std::string& text) {
        const auto lines = wrapLines(f, text, width, 2);
        const float h = f->FontSize * 1.15f * static_cast<float>(lines.size());
        if (text.empty() || y + h > bottom) return;
        for (const auto& s : lines) {
            drawText(f, ImVec2(left, y), colour, s);
            y += f->FontSize * 1.15f;
        }
        y += t.Em(0.3f);
    };
    line(t.fonts.title, t.palette.ink, v.local.timeOfDay().hhmm() + "  \xC2\xB7  " + longDate(v.local.date, tx.lang()));
    line(t.fonts.title, t.palette.ink, v.programme->title);
    if (v.today) {
        line(t.fonts.bodyBold, t.palette.primary,
             tx.format("home.day_n", {{"n", std::to_string(v.today->number)}, {"total", std::to_string(v.programme->dayCount(v.today->cohortId))}}) +
                 " \xC2\xB7 " + v.today->theme);
        if (const AgendaItem* now = nowAndNext(*v.today, v.local.timeOfDay()).now)
            line(t.fonts.body, t.palette.muted, tx("home.now") + ": " + now->start.hhmm() + "\xE2\x80\x93" + now->end.hhmm() + " " + now->title);
    }
    // The band's upper edge, a hairline: here the part a hand reaches begins.
    ImGui::GetWindowDrawList()->AddLine(ImVec2(left, l.bandTop - 1.0f), ImVec2(left + width, l.bandTop - 1.0f), t.palette.line.abgr(),
                                        std::max(1.0f, t.Em(0.05f)));
    ImGui::End();
}

}  // namespace kiosk::ui
