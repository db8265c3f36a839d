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

struct FeedbackLook {
    Icon icon;
    Rgb colour;
    std::string title;
    std::string line;
};

FeedbackLook lookOf(const KioskView& v, const Feedback& f) {
    const Texts& tx = *v.texts;
    const Palette& p = theme().palette;
    const std::string time = toLocal(f.at).timeOfDay().hhmm();
    switch (f.kind) {
        case Feedback::Kind::checked_in:
            return {Icon::check, p.success, tx.format("checkin.welcome", {{"name", f.name}}),
                    tx.format("checkin.checked_in_at", {{"time", time}})};
        case Feedback::Kind::checked_out:
            return {Icon::check, p.success, tx.format("checkin.goodbye", {{"name", f.name}}),
                    tx.format("checkin.checked_out_at", {{"time", time}})};
        case Feedback::Kind::undone:
            return {Icon::back, p.primary, tx("checkin.undone_title"), tx.format("checkin.undone_line", {{"name", f.name}})};
        case Feedback::Kind::already_in:
            return {Icon::warning, p.warning, tx.format("checkin.already_in", {{"name", f.name}}),
                    tx.format("checkin.already_in_line", {{"time", time}})};
        case Feedback::Kind::not_checked_in:
            return {Icon::warning, p.warning, tx.format("checkin.not_checked_in", {{"name", f.name}}),
                    tx("checkin.not_checked_in_line")};
        case Feedback::Kind::already_out:
            return {Icon::warning, p.warning, tx.format("checkin.already_out", {{"name", f.name}}),
                    tx.format("checkin.already_out_line", {{"time", time}})};
        case Feedback::Kind::error:
            return {Icon::cross, p.danger, tx("checkin.error_title"), f.detail};
        case Feedback::Kind::pending:
            return {Icon::clock, p.primary, tx("checkin.pending"), f.name};
        case Feedback::Kind::guest_registered:
            return {Icon::check, p.success, tx.format("checkin.welcome", {{"name", f.name}}), tx("walkin.registered_line")};
        case Feedback::Kind::unknown_code:
            return {Icon::warning, p.warning, tx("checkin.unknown_code"), tx.format("checkin.unknown_code_line", {{"code", f.code}})};
        case Feedback::Kind::none: break;
    }
    return {Icon::none, p.ink, {}, {}};
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
    std::vector<const Participant*> hits;
    hits.reserve(people.size());
    for (size_t i = 0; i < people.size(); ++i)
        if (query.empty() || matchesFolded(*v.expectedSearch[i], query)) hits.push_back(people[i]);

    const float countH = t.fonts.small->FontSize + t.Em(0.4f);
    drawText(t.fonts.small, min, t.palette.muted,
             tx.format("checkin.matches", {{"n", std::to_string(hits.size())}, {"total", std::to_string(people.size())}}));
    const ImVec2 listMin(min.x, min.y + countH);
    const ImVec2 listSize(split - gap - min.x, max.y - listMin.y);
    const float rowH = t.Em(3.0f), rowGap = t.Em(0.4f);
    ImGui::SetCursorScreenPos(listMin);
    ImGui::BeginChild("results", listSize, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    if (s.search != s.searchShown) {  // a new query starts at the top of its results
        ImGui::SetScrollY(0.0f);
        s.searchShown = s.search;
        s.scrollVelocity = 0.0f;
    }
    const float scroll = ImGui::GetScrollY();
    const ImVec2 base = ImGui::GetCursorScreenPos();
    // Draw only the rows in view (a 2,000-name roster stays cheap), keep the full height for scrolling.
    const int first = std::max(0, static_cast<int>(scroll / (rowH + rowGap)) - 1);
    const int last = std::min(static_cast<int>(hits.size()), first + static_cast<int>(listSize.y / (rowH + rowGap)) + 3);
    for (int i = first; i < last; ++i) {
        const Participant& p = *hits[static_cast<size_t>(i)];
        ImGui::SetCursorScreenPos(ImVec2(base.x, base.y + static_cast<float>(i) * (rowH + rowGap)));
        const std::string id = "tile." + p.code;
        const bool isIn = v.ledger && v.ledger->record(v.local.date, p.code).checkIn.has_value();
        // With hundreds of names "Anna M." is not unique: the department tells them apart.
        ButtonSpec spec{id.c_str(), p.displayName(v.settings->nameDisplay), ImVec2(listSize.x, rowH), ButtonStyle::secondary,
                        p.department, isIn ? Icon::check : Icon::none, t.fonts.bodyBold};
        if (touchButton(spec)) intent = out ? Intent::checkOut(p.code) : Intent::checkIn(p.code);
    }
    ImGui::SetCursorScreenPos(ImVec2(base.x, base.y + static_cast<float>(hits.size()) * (rowH + rowGap)));
    ImGui::Dummy(ImVec2(1, 1));
    // Drag to scroll: the list follows the finger; a drag never becomes a tap on the row under it.
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, t.Em(0.3f))) intent = {};
    s.animating = touchScroll(s.scrollVelocity);
    if (hits.empty()) drawTextWrapped(t.fonts.body, base, listSize.x, t.palette.muted, tx("checkin.no_matches"));
    ImGui::EndChild();

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

Intent drawFeedback(const KioskView& v, const UiState& s, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    const Feedback& f = s.feedback;
    const FeedbackLook look = lookOf(v, f);
    drawCard(min, max, t.palette.surface, t.palette.line);
    // A band of the feedback colour on the left edge: colour, icon and words together.
    ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + t.Em(0.6f), max.y), look.colour.abgr(), t.Em(0.6f),
                                              ImDrawFlags_RoundCornersLeft);
    const float cx = (min.x + max.x) * 0.5f;
    const float w = max.x - min.x - t.Em(4.0f);
    float y = min.y + t.Em(1.6f);
    const float iconSize = t.Em(4.0f);
    drawIcon(look.icon, ImVec2(cx, y + iconSize * 0.5f), iconSize, look.colour);
    y += iconSize + t.Em(1.0f);
    const std::string title = fitText(t.fonts.display, look.title, w);
    ImFont* titleFont = textSize(t.fonts.display, look.title).x <= w ? t.fonts.display : t.fonts.title;
    const std::string shownTitle = fitText(titleFont, look.title, w);
    drawText(titleFont, ImVec2(cx - textSize(titleFont, shownTitle).x * 0.5f, y), t.palette.ink, shownTitle);
    y += titleFont->FontSize + t.Em(0.6f);
    drawTextCentred(t.fonts.title, cx, y, w, t.palette.muted, look.line);

    // Buttons along the bottom of the card.
    const float bh = t.Em(3.2f), bw = t.Em(11.0f), gap = t.Em(1.0f);
    const float by = max.y - bh - t.Em(1.4f);
    std::vector<ButtonSpec> buttons;
    switch (f.kind) {
        case Feedback::Kind::checked_in:
            if (s.undoSecondsLeft > 0)
                buttons.push_back({"feedback.undo", tx("checkin.undo"), ImVec2(bw, bh), ButtonStyle::secondary,
                                   tx.format("checkin.undo_seconds", {{"s", std::to_string(s.undoSecondsLeft)}}), Icon::back});
            buttons.push_back({"feedback.done", tx("checkin.done"), ImVec2(bw, bh), ButtonStyle::primary, {}, Icon::check});
            break;
        case Feedback::Kind::already_in:
            buttons.push_back({"feedback.checkout", tx("checkin.check_out_now"), ImVec2(bw, bh), ButtonStyle::secondary, {},
                               Icon::arrow_right});
            buttons.push_back({"feedback.done", tx("checkin.stay"), ImVec2(bw, bh), ButtonStyle::primary, {}, Icon::check});
            break;
        case Feedback::Kind::not_checked_in:
            buttons.push_back({"feedback.checkin", tx("checkin.check_in_now"), ImVec2(bw, bh), ButtonStyle::primary, {},
                               Icon::person});
            buttons.push_back({"feedback.done", tx("common.back"), ImVec2(bw, bh), ButtonStyle::secondary, {}, Icon::back});
            break;
        case Feedback::Kind::pending: break;
        default:
            buttons.push_back({"feedback.done", tx("checkin.done"), ImVec2(bw, bh), ButtonStyle::primary, {}, Icon::check});
            break;
    }
    float bx = cx - (static_cast<float>(buttons.size()) * bw + static_cast<float>(buttons.size() - (buttons.empty() ? 0 : 1)) * gap) * 0.5f;
    for (const auto& b : buttons) {
        ImGui::SetCursorScreenPos(ImVec2(bx, by));
        if (touchButton(b)) {
            const std::string id = b.id;
            if (id == "feedback.undo") intent = Intent::undo();
            else if (id == "feedback.checkout") intent = Intent::checkOut(f.code);
            else if (id == "feedback.checkin") intent = Intent::checkIn(f.code);
            else intent = Intent::dismiss();
        }
        bx += bw + gap;
    }
    return intent;
}

bool drawScreenHeader(const KioskView& v, const std::string& title, const std::string& subtitle) {
    const Theme& t = theme();
    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    const float y = origin.y + t.Em(0.9f);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + margin, y));
    const bool back = touchButton({"header.back", (*v.texts)("common.back"), ImVec2(t.Em(6.5f), t.Em(3.0f)),
                                   ButtonStyle::secondary, {}, Icon::back});
    const float tx = origin.x + margin + t.Em(8.0f);
    const float w = size.x - margin - tx - t.Em(5.0f);
    drawText(t.fonts.title, ImVec2(tx, y + t.Em(0.1f)), t.palette.ink, fitText(t.fonts.title, title, w));
    if (!subtitle.empty())
        drawText(t.fonts.body, ImVec2(tx, y + t.Em(0.1f) + t.fonts.title->FontSize + t.Em(0.05f)), t.palette.muted,
                 fitText(t.fonts.body, subtitle, w));
    const std::string clock = v.local.timeOfDay().hhmm();
    const ImVec2 cs = textSize(t.fonts.title, clock);
    drawText(t.fonts.title, ImVec2(origin.x + size.x - margin - cs.x, y + t.Em(0.1f)), t.palette.ink, clock);
    return back;
}

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
        ButtonSpec spec{id.c_str(), p.displayName(v.settings->nameDisplay), ImVec2(tileW, tileH), ButtonStyle::secondary,
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
