// screen_walkin.cpp: "Ik sta niet op de lijst". A replacement colleague or a guest types a name
// (and organisation) on the on-screen keyboard; it is stored as a guest for staff to review.
#include <algorithm>

#include "keyboard.h"
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

    // Fields and the button on one row.
    const float gap = t.Em(0.8f);
    const float rowH = t.Em(3.2f) + t.fonts.small->FontSize + t.Em(0.2f);
    const float buttonW = t.Em(9.5f);
    const float fieldW = (max.x - min.x - buttonW - 2 * gap) / 2.0f;
    if (drawTextField("walkin.name", tx("walkin.name"), s.guestName, tx("walkin.name_placeholder"), min,
                      ImVec2(min.x + fieldW, min.y + rowH), s.guestField == 0))
        s.guestField = 0;
    if (drawTextField("walkin.organisation", tx("walkin.organisation"), s.guestOrganisation,
                      tx("walkin.organisation_placeholder"), ImVec2(min.x + fieldW + gap, min.y),
                      ImVec2(min.x + 2 * fieldW + gap, min.y + rowH), s.guestField == 1))
        s.guestField = 1;
    const bool ready = s.guestName.find_first_not_of(' ') != std::string::npos;
    ImGui::SetCursorScreenPos(ImVec2(max.x - buttonW, min.y + rowH - t.Em(3.2f)));
    if (touchButton({"walkin.submit", tx("walkin.submit"), ImVec2(buttonW, t.Em(3.2f)), ButtonStyle::primary, {}, Icon::check,
                     nullptr, ready}))
        intent = Intent::registerGuest(s.guestName, s.guestOrganisation);

    KeyboardSpec kb{"walkin", ImVec2(min.x, min.y + rowH + t.Em(1.0f)), max};
    kb.clearLabel = tx("keyboard.clear");
    drawKeyboard(kb, s.guestField == 0 ? s.guestName : s.guestOrganisation);
    return intent;
}

}  // namespace kiosk::ui
