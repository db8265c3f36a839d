// screen_checkin.cpp: one tap on your name. Tiles for the people of today's groups (first name
// first, sorted the Dutch way), names as the display policy shows them and namesakes told apart
// (core/name_labels.h); after a tap the answer from the store: welcome with undo, already checked
// in (with the choice to check out), or an error said as such.
// The grid (tileGrid): the column count (and gap) with the fewest names stepped down to the smaller
// font, then the largest tiles, every name whole; where no count shows every name whole, the search.


#include <algorithm>
#include <cmath>
#include <optional>

#include "core/touch_gesture.h"
#include "explore.h"
#include "keyboard.h"
#include "layout.h"

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

// Where a person stands today, shown on their tile or row: never dropped for lack of room (the
// icon's place is reserved), and checked out looks different from still in.
enum class Presence { none, in, out };

Presence presenceOf(const KioskView& v, const Participant& p) {
    if (!v.ledger) return Presence::none;
    const auto r = v.ledger->record(v.local.date, p.code);
    if (r.checkOut) return Presence::out;
    return r.checkIn ? Presence::in : Presence::none;
}

// A name as a tap target: the state icon (✓ in, a door when gone) in a room of its own, the name
// wrapping after the first name and stepping down to the body font before anything is cut.
ButtonSpec nameButton(const std::string& id, std::string label, ImVec2 size, Presence state, ImFont* font, ImFont* floor) {
    ButtonSpec spec{id.c_str(), std::move(label), size, state == Presence::out ? ButtonStyle::quiet : ButtonStyle::secondary, {},
                    state == Presence::in ? Icon::check : (state == Presence::out ? Icon::door : Icon::none), font};
    spec.keepIcon = true;
    spec.floorFont = floor;
    return spec;
}

// What speech mode says for a name (explore.h): the name and department as shown, and where the
// person stands, which the screen says with an icon.
std::string spokenName(const Texts& tx, const std::string& label, const std::string& department, Presence state) {
    const std::string who = department.empty() ? label : label + ", " + department;
    if (state == Presence::in) return tx.format("speech.name_in", {{"name", who}});
    if (state == Presence::out) return tx.format("speech.name_out", {{"name", who}});
    return who;
}

// Speech mode's jump by first letter (explore.h rule 9) over the names as listed (`order`: indices
// into v.expected, in list order): the focus moves to the name, said with its letter ("F. Fatima
// B., Uitvoering Vergunningen"). The list position it moved to, or -1 (none asked, or no name).
long jumpByLetter(const KioskView& v, const std::vector<size_t>& order) {
    const std::optional<JumpAsk> ask = takeExploreJump();
    if (!ask || order.empty()) return -1;
    const Texts& tx = *v.texts;
    std::vector<std::string> initials;
    initials.reserve(order.size());
    size_t from = std::string::npos;
    for (size_t i = 0; i < order.size(); ++i) {
        const Participant& p = *v.expected[order[i]];
        initials.push_back(filedUnder(foldForSearch(p.firstName)));
        if (explore().armed == "tile." + p.code) from = i;
    }
    std::optional<LetterJump> to;
    if (ask->letter.empty()) to = letterJump(initials, from, ask->step);
    else if (const auto i = letterFind(initials, ask->letter)) to = LetterJump{*i, 0};
    if (!to) {
        exploreFocus(explore().armed, tx.format("speech.no_letter", {{"letter", ask->letter}}), 0);
        return -1;
    }
    const size_t k = order[to->index];
    const Participant& p = *v.expected[k];
    exploreFocus("tile." + p.code, initials[to->index] + ". " + spokenName(tx, labelAt(v, k), p.department, presenceOf(v, p)),
                 to->wrapped);
    return static_cast<long>(to->index);
}

// A row of the search list: the name as a tap target, left-aligned, the department under it where
// the name leaves room (one line), else the name on up to two lines.
ButtonSpec searchRow(const KioskView& v, size_t k, const std::string& id, float width, float rowH) {
    const Theme& t = theme();
    const Participant& p = *v.expected[k];
    ButtonSpec spec = nameButton(id, labelAt(v, k), ImVec2(width, rowH), presenceOf(v, p), t.fonts.bodyBold, t.fonts.small);
    spec.leftAligned = true;
    // The department only where the name leaves room for it (one line): the name comes first;
    // not twice where a namesake's label says it already ("Anna de Vries · Griffie").
    const bool saysDepartment = !p.department.empty() && spec.label.find("\xC2\xB7 " + p.department) != std::string::npos;
    if (saysDepartment) spec.maxLines = 2;
    else if (textSize(t.fonts.bodyBold, spec.label).x + t.Em(3.2f) <= width) spec.sublabel = p.department;
    else spec.maxLines = 2;
    return spec;
}

float searchRowH() { return std::max(theme().Em(3.0f), layout().minTargetPx); }

// How wide the search list must be for every namesake's row ("Anna de Vries · Beleid Sociaal
// Domein") to keep the row font on its two lines: `width` when it does already, else the least
// width in half-em steps up to `most` that does (or `most`). Only the namesakes are measured: a
// roster of hundreds costs the frame a search for " · " in each label.
// The answer depends only on the namesakes' labels and departments, the widths and the font: it
// is kept for the next frames while those stay the same (measuring every namesake's row each
// frame cost 1.3 ms at 2,000 names with hundreds of namesakes: bench_frames, issue 33).
float namesakeListW(const KioskView& v, float width, float most) {
    const Theme& t = theme();
    static size_t memoKey = 0;
    static float memoNeed = 0.0f;
    size_t key = std::hash<float>{}(width) ^ (std::hash<float>{}(most) << 1) ^ (std::hash<float>{}(t.em) << 2) ^
                 (std::hash<float>{}(t.fonts.bodyBold ? t.fonts.bodyBold->FontSize : 0.0f) << 3) ^
                 (std::hash<float>{}(layout().minTargetPx) << 4);
    for (size_t k = 0; k < v.expected.size(); ++k) {
        const bool kept = k < v.expectedLabels.size() && v.expectedLabels[k];
        const std::string made = kept ? std::string() : labelAt(v, k);
        const std::string& label = kept ? *v.expectedLabels[k] : made;
        if (label.find(" \xC2\xB7 ") == std::string::npos) continue;
        key = key * 1099511628211ULL ^ std::hash<std::string_view>{}(label);
        key = key * 1099511628211ULL ^ std::hash<std::string_view>{}(v.expected[k]->department);
    }
    if (key == memoKey && memoKey != 0) return memoNeed;
    float need = width;
    for (size_t k = 0; k < v.expected.size(); ++k) {
        if (labelAt(v, k).find(" \xC2\xB7 ") == std::string::npos) continue;
        for (float w = need; w <= most; w += t.Em(0.5f)) {
            need = w;
            if (labelFitsWhole(searchRow(v, k, "measure", w, searchRowH()), t.fonts.bodyBold)) break;
            need = most;
        }
    }
    memoKey = key;
    memoNeed = std::min(need, std::max(width, most));
    return memoNeed;
}

// Larger rosters (several cohorts, 200+ people): results that scroll under the finger with a fling,
// and the keyboard. Landscape: results on the left, field and keyboard on the right, the keyboard
// at least wide enough for ten 9 mm keys. Portrait: field, results, keyboard stacked, the keyboard
// the full width at the bottom. Matching is on any part of first name, infix or last name,
// accent-insensitive ("zoe" finds Zoë, "ij" finds Ĳsbrand).
// `walkin`: the way in for someone not on the list goes under the results (landscape: the
// keyboard keeps the whole height of its column, its keys finger-sized on a small panel too).
Intent drawSearch(const KioskView& v, UiState& s, ImVec2 min, ImVec2 max, bool walkin) {
    const Theme& t = theme();
    const Layout& lay = layout();
    const Texts& tx = *v.texts;
    Intent intent;
    const bool out = s.mode == CheckMode::check_out;
    const float gap = t.Em(0.7f);
    const float keyGap = t.Em(0.3f);
    const float keyboardMinW = 10.0f * lay.minTargetPx * 1.15f + 9.0f * keyGap;
    const float fieldH = t.Em(3.0f) + t.fonts.small->FontSize + t.Em(0.2f);
    ImVec2 listMin, listMax, fieldMin, fieldMax, kbMin, kbMax;
    if (lay.portrait) {
        fieldMin = min;
        fieldMax = ImVec2(max.x, min.y + fieldH);
        // Half of what is left (at most half the width), or where that gives keys under the least
        // target (larger text in a reach band), up to 55 % for four rows of finger-sized keys.
        const float fingerKbH = 4.0f * lay.minTargetPx + 3.0f * keyGap;
        const float kbH = std::max(std::min((max.y - fieldMax.y) * 0.5f, (max.x - min.x) * 0.5f),
                                   std::min(fingerKbH, (max.y - fieldMax.y) * 0.55f));
        kbMin = ImVec2(min.x, max.y - kbH);
        kbMax = max;
        listMin = ImVec2(min.x, fieldMax.y + gap);
        listMax = ImVec2(max.x, kbMin.y - gap);
    } else {
        // The keyboard gets the room: finger-sized keys first, then the names. Where a namesake's
        // row needs the list wider (namesakeListW), the keyboard gives way down to keys of 9 mm.
        float kbW = std::min(max.x - min.x - t.Em(12.0f), std::max((max.x - min.x) * 0.60f, keyboardMinW));
        const float leastKbW = 10.0f * lay.minTargetPx + 9.0f * keyGap;
        const float roomForList = max.x - min.x - gap - std::min(kbW, leastKbW);
        kbW = std::min(kbW, std::max(max.x - min.x - gap - namesakeListW(v, max.x - min.x - gap - kbW, roomForList), leastKbW));
        fieldMin = ImVec2(max.x - kbW, min.y);
        fieldMax = ImVec2(max.x, min.y + fieldH);
        kbMin = ImVec2(fieldMin.x, fieldMax.y + t.Em(0.8f));
        kbMax = max;
        listMin = min;
        listMax = ImVec2(fieldMin.x - gap, max.y);
        if (walkin) {
            const float barH = std::max(t.Em(3.0f), lay.minTargetPx);
            listMax.y -= barH + gap;
            ImGui::SetCursorScreenPos(ImVec2(listMin.x, listMax.y + gap));
            ButtonSpec b{"go.walkin", tx("checkin.not_on_list"), ImVec2(listMax.x - listMin.x, barH), ButtonStyle::secondary, {}, Icon::plus};
            b.maxLines = 2;
            if (touchButton(b)) intent = Intent::go(Screen::walkin);
        }
    }

    // The query and its matches.
    const std::string query = foldForSearch(s.search);
    const auto& people = v.expected;
    std::vector<size_t> hits;  // indices into v.expected
    hits.reserve(people.size());
    for (size_t i = 0; i < people.size(); ++i)
        if (query.empty() || matchesFolded(*v.expectedSearch[i], query)) hits.push_back(i);

    const float countH = t.fonts.small->FontSize + t.Em(0.4f);
    drawText(t.fonts.small, listMin, t.palette.muted,
             tx.format("checkin.matches", {{"n", std::to_string(hits.size())}, {"total", std::to_string(people.size())}}));
    listMin.y += countH;
    const ImVec2 listSize(listMax.x - listMin.x, listMax.y - listMin.y);
    const float rowH = searchRowH(), rowGap = t.Em(0.4f);
    const bool newQuery = s.search != s.searchShown;  // a new query starts at the top of its results
    s.searchShown = s.search;
    const int rows = static_cast<int>(hits.size());
    const long jumped = jumpByLetter(v, hits);  // speech mode: the list scrolls to the name jumped to
    const TouchList list = beginTouchList("results", listMin, listSize, rowH + rowGap, rows, s, newQuery, static_cast<int>(jumped));
    const ImVec2 base = list.base;
    for (int i = list.first; i < list.last; ++i) {
        const size_t k = hits[static_cast<size_t>(i)];
        const Participant& p = *people[k];
        ImGui::SetCursorScreenPos(ImVec2(base.x, base.y + static_cast<float>(i) * (rowH + rowGap)));
        const std::string id = "tile." + p.code;
        // With hundreds of names "Anna M." is not unique: the department tells them apart.
        ButtonSpec spec = searchRow(v, k, id, listSize.x, rowH);
        spec.spoken = spokenName(tx, spec.label, p.department, presenceOf(v, p));
        if (touchButton(spec)) intent = out ? Intent::checkOut(p.code) : Intent::checkIn(p.code);
    }
    if (hits.empty()) drawTextWrapped(t.fonts.body, base, listSize.x, t.palette.muted, tx("checkin.no_matches"));
    if (endTouchList(list, rowH + rowGap, rows, s)) intent = {};  // a drag never taps the row under it

    // Field and keyboard.
    drawTextField("checkin.search", tx("checkin.search"), s.search, tx("checkin.search_placeholder"), fieldMin, fieldMax, true);
    KeyboardSpec kb{"search", kbMin, kbMax};
    kb.withAccents = false;  // the search ignores accents anyway
    kb.clearLabel = tx("keyboard.clear");
    kb.spaceLabel = tx("keyboard.space");
    kb.maxBytes = 40;
    drawKeyboard(kb, s.search);
    return intent;
}

// Where a tile's label may break: after the first name ("Maria-Louise / van den H."); a namesake's
// longer label (core/name_labels.h: "Anna de Vries · Griffie") also at its first " · ", so that the
// name stands on the first line and what tells her apart on the second.
size_t tileBreakLimit(const std::string& label, const Participant& p) {
    const size_t dot = label.find(" \xC2\xB7 ");
    return dot == std::string::npos ? p.firstName.size() : dot + 3;
}

// `id` outlives the spec (it holds its characters).
ButtonSpec tileSpec(const KioskView& v, size_t i, ImVec2 size, const std::string& id) {
    const Theme& t = theme();
    const Participant& p = *v.expected[i];
    ButtonSpec spec = nameButton(id, labelAt(v, i), size, presenceOf(v, p), t.fonts.title, t.fonts.bodyBold);
    spec.maxLines = 2;  // "Maria-Louise van den H." wraps rather than shrinks, and only where tileBreakLimit says
    spec.breakLimit = tileBreakLimit(spec.label, p);
    return spec;
}

// The grid of name tiles. Rule: of the grids whose rows fit the height (tiles at least 3 em high,
// at least 10.5 em wide, one to five columns), the one with the fewest names stepped down to the
// smaller font, then the largest tiles; a grid in which some name is not whole even in the smaller
// font does not count, and where none is left there is no grid and the screen searches. The gaps
// between tiles are 0.7 em; where those step a name down, a grid with 0.4 em gaps (still a clear
// edge under a finger) competes too. A tile's state icon takes its room on one side only
// (widgets.cpp, LabelRoom): a name is measured against the tile less that one room. So a short
// list gets a few wide, tall tiles and uses the room, a name keeps the tile font wherever some fair
// grid allows it, and no name is ever cut to "…".
struct TileGrid {
    int cols = 0, rows = 0;  // cols 0: no grid fits every name whole (search)
    float tileW = 0, tileH = 0, gap = 0;
};

// How many of the names step down to the smaller font in tiles of `size`; -1 when one is not whole
// even there.
int namesSteppedDown(const KioskView& v, ImVec2 size) {
    const Theme& t = theme();
    int down = 0;
    for (size_t i = 0; i < v.expected.size(); ++i) {
        const ButtonSpec spec = tileSpec(v, i, size, "measure");
        if (labelFitsWhole(spec, t.fonts.title)) continue;
        if (!labelFitsWhole(spec, t.fonts.bodyBold)) return -1;
        ++down;
    }
    return down;
}

TileGrid tileGrid(const KioskView& v, float availW, float availH) {
    const Theme& t = theme();
    const size_t n = v.expected.size();
    // Tiles grow with the room up to 4.5 em (portrait: 8 em), or as tall as two lines of the tile
    // font need where a name takes two (a namesake's "Anna de Vries · / Beleid Sociaal Domein").
    const float twoLines = t.fonts.title->FontSize * 2.1f + t.Em(0.6f);
    const float minH = t.Em(3.0f), maxH = std::max(layout().portrait ? t.Em(8.0f) : t.Em(4.5f), twoLines);
    const float gaps[] = {t.Em(0.7f), t.Em(0.4f)};
    auto rowsFitting = [&](float gap) { return std::max(1, static_cast<int>((availH + gap) / (minH + gap))); };
    // More people than five columns of the smallest tiles hold: the search, with nothing measured
    // (a roster of hundreds costs the frame nothing here).
    if (n > static_cast<size_t>(rowsFitting(gaps[1])) * 5) return TileGrid{};
    // Measuring every name at every count is work for a frame: the answer is kept while the list
    // and the room are the same.
    static std::string lastKey;
    static TileGrid last;
    std::string key = std::to_string(availW) + "x" + std::to_string(availH) + "@" + std::to_string(t.em);
    for (size_t i = 0; i < n; ++i) key += "\n" + labelAt(v, i);
    if (key == lastKey) return last;
    TileGrid best;
    int bestDown = -1;
    for (int cols = 1; n > 0 && cols <= 5; ++cols) {
        for (const float gap : gaps) {
            TileGrid g;
            g.cols = cols;
            g.gap = gap;
            g.rows = static_cast<int>((n + static_cast<size_t>(cols) - 1) / static_cast<size_t>(cols));
            if (g.rows > rowsFitting(gap)) continue;
            g.tileW = (availW - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
            g.tileH = std::clamp((availH - gap * static_cast<float>(g.rows - 1)) / static_cast<float>(g.rows), minH, maxH);
            if (g.tileW < t.Em(10.5f)) continue;
            const int down = namesSteppedDown(v, ImVec2(g.tileW, g.tileH));
            const bool better = down >= 0 && (bestDown < 0 || down < bestDown ||
                                              (down == bestDown && g.tileW * g.tileH > best.tileW * best.tileH));
            if (better) {
                best = g;
                bestDown = down;
            }
            if (down == 0) break;  // every name large with the wider gaps: the tight ones are not needed
        }
    }
    lastKey = std::move(key);
    last = best;
    return best;
}

}  // namespace

Intent drawCheckinScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    const bool out = s.mode == CheckMode::check_out;
    // "Tik op je naam" only while there are names to tap: not over the answer to a tap.
    const bool answering = s.feedback.kind != Feedback::Kind::none;
    const char* title = answering ? (out ? "home.checkout_button" : "home.checkin_button") : (out ? "checkin.title_out" : "checkin.title_in");
    if (drawScreenHeader(v, tx(title), answering ? std::string{} : tx("checkin.subtitle")))
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

    // Bottom bar: the way in for someone who is not on the list (landscape search: under the results).
    const float barH = t.Em(3.0f);
    const ImVec2 fullMax = max;
    max.y -= barH + t.Em(0.8f);
    const std::vector<const Participant*>& people = v.expected;  // sorted by first name already
    const TileGrid grid = tileGrid(v, max.x - min.x, max.y - min.y);
    const bool searching = !people.empty() && grid.cols == 0;  // more names than whole tiles fit: search
    if (searching && !layout().portrait) return either(drawSearch(v, s, min, fullMax, !out), intent);
    if (!out) {
        ImGui::SetCursorScreenPos(ImVec2(max.x - t.Em(13.0f), max.y + t.Em(0.8f)));
        if (touchButton({"go.walkin", tx("checkin.not_on_list"), ImVec2(t.Em(13.0f), barH), ButtonStyle::secondary, {},
                         Icon::plus}))
            intent = Intent::go(Screen::walkin);
    }

    if (people.empty()) {
        drawTextWrapped(t.fonts.title, min, max.x - min.x, t.palette.muted, tx("checkin.no_participants"));
        return intent;
    }
    if (searching) return either(drawSearch(v, s, min, max, false), intent);
    const int cols = grid.cols, rows = grid.rows;
    const float availW = max.x - min.x, availH = max.y - min.y, tileW = grid.tileW, tileH = grid.tileH, gap = grid.gap;

    ImGui::SetCursorScreenPos(min);
    // A little taller than the grid: the last row's outline, and a pressed tile pushed down, are not
    // cut off where the tiles fill the height.
    ImGui::BeginChild("tiles", ImVec2(availW, availH + t.Em(0.15f)), false, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 base = ImGui::GetCursorScreenPos();
    std::vector<size_t> listed(people.size());
    for (size_t i = 0; i < people.size(); ++i) listed[i] = i;
    jumpByLetter(v, listed);  // speech mode (explore.h rule 9): every tile is on the screen
    for (size_t i = 0; i < people.size(); ++i) {
        const Participant& p = *people[i];
        const int r = static_cast<int>(i) / cols, c = static_cast<int>(i) % cols;
        ImGui::SetCursorScreenPos(ImVec2(base.x + static_cast<float>(c) * (tileW + gap), base.y + static_cast<float>(r) * (tileH + gap)));
        const std::string id = "tile." + p.code;
        ButtonSpec spec = tileSpec(v, i, ImVec2(tileW, tileH), id);
        spec.spoken = spokenName(*v.texts, spec.label, p.department, presenceOf(v, p));
        if (touchButton(spec)) intent = out ? Intent::checkOut(p.code) : Intent::checkIn(p.code);
    }
    ImGui::SetCursorScreenPos(ImVec2(base.x, base.y + static_cast<float>(rows) * (tileH + gap)));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
    return intent;
}

}  // namespace kiosk::ui
