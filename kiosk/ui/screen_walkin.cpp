// screen_walkin.cpp: "Ik sta niet op de lijst". A replacement colleague or a guest types a name
// (and organisation) on the on-screen keyboard; it is stored as a guest for staff to review. Where
// the name is asked, the kiosk says what it is for, who sees it and when it goes (privacy.notice,
// AVG art. 13; docs/privacy.md): under the form in landscape, between the form and the card in portrait.
#include <algorithm>
#include <cfloat>

#include "keyboard.h"
#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {

Intent drawWalkinScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    if (drawScreenHeader(v, tx("walkin.title"), tx("walkin.subtitle"))) intent = Intent::go(Screen::checkin);

    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const ImVec2 min(origin.x + margin, origin.y + t.Em(4.8f));
    const ImVec2 max(origin.x + size.x - margin, origin.y + size.y - margin * 0.6f);
    if (s.feedback.kind != Feedback::Kind::none) {
        const Intent fi = drawFeedback(v, s, min, max);
        return either(fi, intent);
    }

    // Landscape: the two fields and the button on one row. Portrait: each field over the whole
    // width, the button under them on the right (where the main button always is), the keyboard
    // across the bottom with taller keys.
    const bool portrait = layout().portrait;
    const float gap = t.Em(0.8f);
    // Portrait has the height: taller fields and keys (a standing person's finger), so that the form
    // and the keyboard fill the stand instead of leaving its middle empty.
    const float rowH = t.Em(portrait ? 4.2f : 3.2f) + t.fonts.small->FontSize + t.Em(0.2f);
    const float buttonW = t.Em(9.5f);
    const float fieldW = portrait ? max.x - min.x : (max.x - min.x - buttonW - 2 * gap) / 2.0f;
    const float buttonH = t.Em(portrait ? 4.0f : 3.2f);
    // Portrait: the form under the header where the eye starts, the keyboard across the bottom at its
    // own height, and in the room between them what happens after "Aanmelden" (a guest's question),
    // large enough to read standing.
    KeyboardSpec kb{"walkin", ImVec2(min.x, min.y), max};
    ImVec2 formAt = min;
    const std::string notice = tx.format("privacy.notice", {{"days", std::to_string(v.settings->retentionDays)}});
    const float noticeW = max.x - min.x;  // under the fields and the button: the whole width
    const float noticeH = t.fonts.small->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, noticeW, notice.c_str()).y;
    if (portrait) {
        const float formH = 2 * rowH + 2 * gap + buttonH;
        drawTextWrapped(t.fonts.small, ImVec2(min.x, min.y + formH + t.Em(0.6f)), noticeW, t.palette.muted, notice);
        kb.keyAspect = 1.4f;
        kb.min.y = max.y - std::min(max.y - (min.y + formH + noticeH + t.Em(1.6f)), (max.x - min.x) * 0.8f);
        kb.min.y = max.y - keyboardHeight(kb);
        // What happens next, in a card under the form: a title-sized line a guest reads standing.
        const float hintTop = min.y + formH + noticeH + t.Em(1.8f), hintBottom = kb.min.y - t.Em(1.5f);
        const std::string hint = tx("walkin.what_next");
        const float pad = t.Em(1.2f), textW = max.x - min.x - 2 * pad;
        const float hintH = t.fonts.title->CalcTextSizeA(t.fonts.title->FontSize, FLT_MAX, textW, hint.c_str()).y + 2 * pad;
        if (hintBottom - hintTop >= hintH) {
            drawCard(ImVec2(min.x, hintTop), ImVec2(max.x, hintTop + hintH), t.palette.surface, t.palette.line);
            drawTextWrapped(t.fonts.title, ImVec2(min.x + pad, hintTop + pad), textW, t.palette.ink, hint);
        }
    } else {
        drawTextWrapped(t.fonts.small, ImVec2(min.x, min.y + rowH + t.Em(0.4f)), noticeW, t.palette.muted, notice);
        kb.min.y = min.y + rowH + noticeH + t.Em(1.0f);
    }
    const ImVec2 orgAt = portrait ? ImVec2(min.x, formAt.y + rowH + gap) : ImVec2(min.x + fieldW + gap, min.y);
    const float buttonY = portrait ? orgAt.y + rowH + gap : min.y + rowH - buttonH;
    if (drawTextField("walkin.name", tx("walkin.name"), s.guestName, tx("walkin.name_placeholder"), formAt,
                      ImVec2(formAt.x + fieldW, formAt.y + rowH), s.guestField == 0))
        s.guestField = 0;
    if (drawTextField("walkin.organisation", tx("walkin.organisation"), s.guestOrganisation,
                      tx("walkin.organisation_placeholder"), orgAt, ImVec2(orgAt.x + fieldW, orgAt.y + rowH), s.guestField == 1))
        s.guestField = 1;
    const bool ready = s.guestName.find_first_not_of(' ') != std::string::npos;
    ImGui::SetCursorScreenPos(ImVec2(max.x - buttonW, buttonY));
    if (touchButton({"walkin.submit", tx("walkin.submit"), ImVec2(buttonW, buttonH), ButtonStyle::primary, {}, Icon::check,
                     nullptr, ready}))
        intent = Intent::registerGuest(s.guestName, s.guestOrganisation);

    kb.clearLabel = tx("keyboard.clear");
    kb.spaceLabel = tx("keyboard.space");
    drawKeyboard(kb, s.guestField == 0 ? s.guestName : s.guestOrganisation);
    return intent;
}

}  // namespace kiosk::ui
