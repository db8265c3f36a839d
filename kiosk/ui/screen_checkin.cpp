// screen_checkin.cpp: one tap on your name. Tiles for today's cohort (first name first, sorted the
// Dutch way), names as the display policy shows them; after a tap the answer from the store:
// welcome with undo, already checked in (with the choice to check out), or an error said as such.


#include <algorithm>
#include <cmath>

#include "keyboard.h"

#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

// The name shown for v.expected[i]: namesakes told apart (core/name_labels.h); a hand-built view
// without labels shows the display policy.
std::string labelAt(const KioskView& v, size_t i) {
    if (i < v.expectedLabels.size() && v.expectedLabels[i]) return *v.expectedLabels[i];
    return v.expected[i]->displayName(v.settings->nameDisplay);
}

// Larger rosters (several cohorts, 200+ people): results on the left, drag to scroll with a fling,
// and the keyboard on the right. Matching is on any part of first name, infix or last name,
// accent-insensitive ("zoe" finds Zoë, "ij" finds Ĳsbrand).
Intent drawSearch(const KioskView& v, UiState& s, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    const bool out = s.mode == CheckMode::check_out;
    const float gap = t.Em(0.7f);
    const float split = min.x + (max.x - min.x) * 0.40f;  // the keyboard gets the room: finger-sized keys

    // The query and its matches.
    const std::string query = foldForSearch(s.search);
    const auto& people = v.expected;
    std::vector<size_t> hits;  // indices into v.expected
    hits.reserve(people.size());
    for (size_t i = 0; i < people.size(); ++i)
        if (query.empty() || matchesFolded(*v.expectedSearch[i], query)) hits.push_back(i);

    const float countH = t.fonts.small->FontSize + t.Em(0.4f);
    drawText(t.fonts.small, min, t.palette.muted,
             tx.format("checkin.matches", {{"n", std::to_string(hits.size())}, {"total", std::to_string(people.size())}}));
    const ImVec2 listMin(min.x, min.y + countH);
    const ImVec2 listSize(split - gap - min.x, max.y - listMin.y);
    const float rowH = t.Em(3.0f), rowGap = t.Em(0.4f);
    const bool newQuery = s.search != s.searchShown;  // a new query starts at the top of its results
    s.searchShown = s.search;
    const int rows = static_cast<int>(hits.size());
    const TouchList list = beginTouchList("results", listMin, listSize, rowH + rowGap, rows, s, newQuery);
    const ImVec2 base = list.base;
    for (int i = list.first; i < list.last; ++i) {
        const size_t k = hits[static_cast<size_t>(i)];
        const Participant& p = *people[k];
        ImGui::SetCursorScreenPos(ImVec2(base.x, base.y + static_cast<float>(i) * (rowH + rowGap)));
        const std::string id = "tile." + p.code;
        const bool isIn = v.ledger && v.ledger->record(v.local.date, p.code).checkIn.has_value();
        // With hundreds of names "Anna M." is not unique: the department tells them apart.
        ButtonSpec spec{id.c_str(), labelAt(v, k), ImVec2(listSize.x, rowH), ButtonStyle::secondary,
                        p.department, isIn ? Icon::check : Icon::none, t.fonts.bodyBold};
        if (touchButton(spec)) intent = out ? Intent::checkOut(p.code) : Intent::checkIn(p.code);
    }
    if (hits.empty()) drawTextWrapped(t.fonts.body, base, listSize.x, t.palette.muted, tx("checkin.no_matches"));
    if (endTouchList(list, rowH + rowGap, rows, s)) intent = {};  // a drag never taps the row under it

    // Field and keyboard.
    const ImVec2 fieldMin(split, min.y);
    const float fieldH = t.Em(3.0f) + t.fonts.small->FontSize + t.Em(0.2f);
    drawTextField("checkin.search", tx("checkin.search"), s.search, tx("checkin.search_placeholder"), fieldMin,
                  ImVec2(max.x, fieldMin.y + fieldH), true);
    KeyboardSpec kb{"search", ImVec2(split, fieldMin.y + fieldH + t.Em(0.8f)), max};
    kb.withAccents = false;  // the search ignores accents anyway
    kb.clearLabel = tx("keyboard.clear");
    kb.maxBytes = 40;
    drawKeyboard(kb, s.search);
    return intent;
}

}  // namespace

Intent drawCheckinScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    const bool out = s.mode == CheckMode::check_out;
    if (drawScreenHeader(v, tx(out ? "checkin.title_out" : "checkin.title_in"), tx("checkin.subtitle")))
        intent = Intent::go(Screen::home);

    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const ImVec2 min(origin.x + margin, origin.y + t.Em(5.0f));
    ImVec2 max(origin.x + size.x - margin, origin.y + size.y - margin);

    if (s.feedback.kind != Feedback::Kind::none) {
        const Intent fi = drawFeedback(v, s, min, max);
        return either(fi, intent);
    }

    // Bottom bar: the way in for someone who is not on the list.
    const float barH = t.Em(3.0f);
    max.y -= barH + t.Em(0.8f);
    if (!out) {
        ImGui::SetCursorScreenPos(ImVec2(max.x - t.Em(13.0f), max.y + t.Em(0.8f)));
        if (touchButton({"go.walkin", tx("checkin.not_on_list"), ImVec2(t.Em(13.0f), barH), ButtonStyle::secondary, {},
                         Icon::plus}))
            intent = Intent::go(Screen::walkin);
    }

    const std::vector<const Participant*>& people = v.expected;  // sorted by first name already
    if (people.empty()) {
        drawTextWrapped(t.fonts.title, min, max.x - min.x, t.palette.muted, tx("checkin.no_participants"));
        return intent;
    }

    // Grid: as many columns as fit a readable name, rows sized to fit the screen when possible.
    const float gap = t.Em(0.7f);
    const float availW = max.x - min.x, availH = max.y - min.y;
    const int cols = std::max(2, std::min(5, static_cast<int>((availW + gap) / (t.Em(10.5f) + gap))));
    const int fitRows = std::max(1, static_cast<int>((availH + gap) / (t.Em(3.0f) + gap)));
    if (static_cast<int>(people.size()) > cols * fitRows) {
        // More people than finger-sized tiles fit: search with the on-screen keyboard.
        const Intent si = drawSearch(v, s, min, max);
        return either(si, intent);
    }
    const int rows = (static_cast<int>(people.size()) + cols - 1) / cols;
    const float tileW = (availW - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float tileH = std::clamp((availH - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows), t.Em(3.0f), t.Em(4.5f));

    ImGui::SetCursorScreenPos(min);
    ImGui::BeginChild("tiles", ImVec2(availW, availH), false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 base = ImGui::GetCursorScreenPos();
    for (size_t i = 0; i < people.size(); ++i) {
        const Participant& p = *people[i];
        const int r = static_cast<int>(i) / cols, c = static_cast<int>(i) % cols;
        ImGui::SetCursorScreenPos(ImVec2(base.x + static_cast<float>(c) * (tileW + gap), base.y + static_cast<float>(r) * (tileH + gap)));
        const bool isIn = v.ledger && v.ledger->record(v.local.date, p.code).checkIn.has_value();
        const std::string id = "tile." + p.code;
        ButtonSpec spec{id.c_str(), labelAt(v, i), ImVec2(tileW, tileH), ButtonStyle::secondary,
                        {}, isIn ? Icon::check : Icon::none, t.fonts.title};
        spec.maxLines = 2;                    // "Maria-Louise van den H." wraps rather than shrinks,
        spec.breakLimit = p.firstName.size();  // and only after the first name
        if (touchButton(spec)) intent = out ? Intent::checkOut(p.code) : Intent::checkIn(p.code);
    }
    ImGui::SetCursorScreenPos(ImVec2(base.x, base.y + static_cast<float>(rows) * (tileH + gap)));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
    return intent;
}

}  // namespace kiosk::ui
