// screen_out_of_order.cpp: the kiosk could not start (a config it cannot use, a database it cannot
// open or write, a full disk). Never a blank screen: it says, in Dutch and in English, that
// check-in is out of order and whom to turn to, and, small, why, for whoever comes to fix it.
#include <algorithm>
#include <initializer_list>

#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

// The largest of `fonts` in which `text` wraps within `w` on at most `maxLines` lines without
// cutting a word (a portrait stand is narrow for its height); else the smallest.
ImFont* fitting(std::initializer_list<ImFont*> fonts, const std::string& text, float w, int maxLines) {
    ImFont* last = nullptr;
    for (ImFont* f : fonts) {
        last = f;
        bool wordsFit = true;
        size_t start = 0;
        while (start <= text.size() && wordsFit) {
            const size_t end = std::min(text.find(' ', start), text.size());
            wordsFit = textSize(f, std::string_view(text).substr(start, end - start)).x <= w;
            start = end + 1;
        }
        if (wordsFit && textSize(f, text, w).y <= f->FontSize * (static_cast<float>(maxLines) + 0.5f)) return f;
    }
    return last;
}

}  // namespace

Intent drawOutOfOrderScreen(const KioskView& v, UiState&) {
    if (!v.outOfOrder) return {};
    const KioskView::OutOfOrder& o = *v.outOfOrder;
    const Theme& t = theme();
    const Palette& p = t.palette;
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float margin = t.Em(2.0f);
    const float w = size.x - 2 * margin;
    const float cx = origin.x + size.x * 0.5f;
    const float iconSize = std::min(t.Em(5.0f), size.x * 0.2f);
    // Dutch first, large; English second.
    const auto& f = t.fonts;
    // English one size below Dutch, whatever size Dutch could take.
    auto smaller = [&](ImFont* font) { return font == f.display ? f.title : font == f.title ? f.body : f.small; };
    ImFont* titleNl = fitting({f.display, f.title, f.body}, o.titleNl, w, 2);
    ImFont* bodyNl = fitting({f.title, f.body, f.small}, o.bodyNl, w, 4);
    // The message in the middle of a tall (portrait) screen, not under its top edge with half the
    // stand empty below; on a landscape screen near the top, as there is no height to spare.
    const float blockH = iconSize + t.Em(1.2f) + textSize(titleNl, o.titleNl, w).y + t.Em(0.4f) + textSize(bodyNl, o.bodyNl, w).y +
                         t.Em(1.4f) + textSize(smaller(titleNl), o.titleEn, w).y + t.Em(0.2f) + textSize(smaller(bodyNl), o.bodyEn, w).y;
    float y = origin.y + std::max(size.y * 0.08f, size.y > size.x ? (size.y - blockH) * 0.35f : 0.0f);
    drawIcon(Icon::warning, ImVec2(cx, y + iconSize * 0.5f), iconSize, p.warning);
    y += iconSize + t.Em(1.2f);
    y += drawTextCentred(titleNl, cx, y, w, p.ink, o.titleNl) + t.Em(0.4f);
    y += drawTextCentred(bodyNl, cx, y, w, p.ink, o.bodyNl) + t.Em(1.4f);
    y += drawTextCentred(smaller(titleNl), cx, y, w, p.muted, o.titleEn) + t.Em(0.2f);
    y += drawTextCentred(smaller(bodyNl), cx, y, w, p.muted, o.bodyEn) + t.Em(1.6f);
    // Why, small, for the administrator.
    const float bottom = origin.y + size.y - margin * 0.5f;
    const ImVec2 hs = textSize(t.fonts.small, o.reasonsHeading, w);
    if (!o.reasons.empty() && y + hs.y + t.Em(0.3f) + textSize(t.fonts.small, o.reasons.front(), w).y < bottom) {
        drawTextWrapped(t.fonts.small, ImVec2(origin.x + margin, y), w, p.muted, o.reasonsHeading);
        y += hs.y + t.Em(0.3f);
        for (const auto& r : o.reasons) {
            const ImVec2 rs = textSize(t.fonts.small, r, w);
            if (y + rs.y > bottom) break;
            drawTextWrapped(t.fonts.small, ImVec2(origin.x + margin, y), w, p.ink, r);
            y += rs.y + t.Em(0.2f);
        }
    }
    return {};
}

}  // namespace kiosk::ui
