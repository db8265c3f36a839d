// screen_walkin.cpp: "Ik sta niet op de lijst". A replacement colleague or a guest types a name
// (and organisation) on the on-screen keyboard; it is stored as a guest for staff to review.
#include <algorithm>

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
    // across the bottom.
    const bool portrait = layout().portrait;
    const float gap = t.Em(0.8f);
    const float rowH = t.Em(3.2f) + t.fonts.small->FontSize + t.Em(0.2f);
    const float buttonW = t.Em(9.5f);
    const float fieldW = portrait ? max.x - min.x : (max.x - min.x - buttonW - 2 * gap) / 2.0f;
    const ImVec2 orgAt = portrait ? ImVec2(min.x, min.y + rowH + gap) : ImVec2(min.x + fieldW + gap, min.y);
    const float buttonY = portrait ? orgAt.y + rowH + gap : min.y + rowH - t.Em(3.2f);
    if (drawTextField("walkin.name", tx("walkin.name"), s.guestName, tx("walkin.name_placeholder"), min,
                      ImVec2(min.x + fieldW, min.y + rowH), s.guestField == 0))
        s.guestField = 0;
    if (drawTextField("walkin.organisation", tx("walkin.organisation"), s.guestOrganisation,
                      tx("walkin.organisation_placeholder"), orgAt, ImVec2(orgAt.x + fieldW, orgAt.y + rowH), s.guestField == 1))
        s.guestField = 1;
    const bool ready = s.guestName.find_first_not_of(' ') != std::string::npos;
    ImGui::SetCursorScreenPos(ImVec2(max.x - buttonW, buttonY));
    if (touchButton({"walkin.submit", tx("walkin.submit"), ImVec2(buttonW, t.Em(3.2f)), ButtonStyle::primary, {}, Icon::check,
                     nullptr, ready}))
        intent = Intent::registerGuest(s.guestName, s.guestOrganisation);

    const float kbTop = portrait ? buttonY + t.Em(3.2f) + t.Em(1.0f) : min.y + rowH + t.Em(1.0f);
    const float kbH = portrait ? std::min(max.y - kbTop, (max.x - min.x) * 0.55f) : max.y - kbTop;
    KeyboardSpec kb{"walkin", ImVec2(min.x, max.y - kbH), max};
    kb.clearLabel = tx("keyboard.clear");
    kb.spaceLabel = tx("keyboard.space");
    drawKeyboard(kb, s.guestField == 0 ? s.guestName : s.guestOrganisation);
    return intent;
}

}  // namespace kiosk::ui
