// home_footer.cpp: the home screen's footer (see home_footer.h).
#include "home_footer.h"

#include <algorithm>

#include "widgets.h"

namespace kiosk::ui {
namespace {

constexpr float kRowEm = 3.0f, kRowGapEm = 0.6f, kGapEm = 0.8f, kLangEm = 6.6f, kMinVenueEm = 12.0f;

struct Switch {
    const char* id;
    std::string label, spoken;
    bool on;
    Icon icon;
};

std::vector<Switch> switches(const KioskView& v, const UiState& s) {
    const Texts& tx = *v.texts;
    return {{"access", tx(s.speech ? "home.speech_off" : "home.accessible"), tx(s.speech ? "speech.access_off" : "speech.access_on"),
             s.speech, Icon::person},
            {"contrast", tx(s.highContrast ? "home.contrast_off" : "home.contrast_on"), {}, s.highContrast, Icon::none},
            {"larger", tx(s.largerText ? "home.larger_off" : "home.larger_on"), {}, s.largerText, Icon::none}};
}

float switchWidth(const Switch& w) {
    const Theme& t = theme();
    return std::max(t.Em(kLangEm), textSize(t.fonts.body, w.label).x + t.Em(w.icon == Icon::none ? 1.8f : 3.2f));
}

// Widths of the switches side by side; the languages take 2 x kLangEm.
float switchesWidth(const std::vector<Switch>& sw) {
    float w = 0;
    for (const auto& s : sw) w += switchWidth(s);
    return w + theme().Em(kGapEm * 0.5f) * static_cast<float>(sw.size() - 1);
}

// One row's width: the switches, the languages and, `withVenue`, the least room for the venue.
bool oneRow(const KioskView& v, const UiState& s, float width, bool withVenue) {
    const Theme& t = theme();
    const float need = switchesWidth(switches(v, s)) + t.Em(2 * kLangEm + kGapEm * 1.5f) + (withVenue ? t.Em(kMinVenueEm) : 0.0f);
    return need <= width;
}

// A switch: its state in words (the label says what a tap does) and in fill (primary when on).
Intent drawSwitch(const Switch& w, ImVec2 at, float width, float height) {
    const Theme& t = theme();
    ImGui::SetCursorScreenPos(at);
    ButtonSpec b{w.id, w.label, ImVec2(width, height), w.on ? ButtonStyle::primary : ButtonStyle::secondary, {}, w.icon, t.fonts.body};
    b.maxLines = 2;
    b.spoken = w.spoken;
    if (!touchButton(b)) return {};
    if (w.id[0] == 'a') return Intent::speech(!w.on);
    if (w.id[0] == 'c') return Intent::contrast(!w.on);
    return Intent::largerText(!w.on);
}

Intent drawLanguages(const KioskView& v, float right, float y, float h) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const float langW = t.Em(kLangEm), gap = t.Em(kGapEm);
    Intent intent;
    ImGui::SetCursorScreenPos(ImVec2(right - 2 * langW - gap * 0.5f, y));
    if (touchButton({"lang.nl", "Nederlands", ImVec2(langW, h), tx.lang() == Lang::nl ? ButtonStyle::primary : ButtonStyle::quiet, {},
                     Icon::none, t.fonts.body}))
        intent = Intent::setLang(Lang::nl);
    ImGui::SetCursorScreenPos(ImVec2(right - langW, y));
    if (touchButton({"lang.en", "English", ImVec2(langW, h), tx.lang() == Lang::en ? ButtonStyle::primary : ButtonStyle::quiet, {},
                     Icon::none, t.fonts.body}))
        intent = Intent::setLang(Lang::en);
    return intent;
}

std::vector<std::string> privacyLines(const KioskView& v, float width) {
    return wrapLines(theme().fonts.small, v.texts->format("privacy.home", {{"days", std::to_string(v.settings->retentionDays)}}), width, 2);
}

}  // namespace

float venueHeight(const KioskView& v, float width) {
    const Theme& t = theme();
    return t.em + t.fonts.small->FontSize * static_cast<float>(privacyLines(v, width).size());
}

void drawVenue(const KioskView& v, ImVec2 at, float width, float height) {
    const Theme& t = theme();
    float y = at.y + std::max(0.0f, (height - venueHeight(v, width)) * 0.5f);
    drawText(t.fonts.body, ImVec2(at.x, y), t.palette.muted,
             fitText(t.fonts.body, v.settings->venue + (v.settings->city.empty() ? "" : " \xC2\xB7 " + v.settings->city), width));
    y += t.em;
    for (const auto& line : privacyLines(v, width)) {
        drawText(t.fonts.small, ImVec2(at.x, y), t.palette.muted, line);
        y += t.fonts.small->FontSize;
    }
}

FooterPlan planHomeFooter(const KioskView& v, const UiState& s, float width, bool withVenue) {
    const Theme& t = theme();
    FooterPlan p;
    if (withVenue && oneRow(v, s, width, true)) p.venue = true;
    else if (!oneRow(v, s, width, false)) {
        p.twoRows = true;
        p.venue = withVenue && width - t.Em(2 * kLangEm + kGapEm * 1.5f) >= t.Em(kMinVenueEm);
    }
    p.height = p.twoRows ? t.Em(2 * kRowEm + kRowGapEm) : t.Em(kRowEm);
    return p;
}

Intent drawHomeFooter(const KioskView& v, const UiState& s, float left, float right, float top, const FooterPlan& plan) {
    const Theme& t = theme();
    const float h = t.Em(kRowEm), gap = t.Em(kGapEm), width = right - left;
    const auto sw = switches(v, s);
    Intent intent;
    if (!plan.twoRows) {
        float x = left;
        for (const auto& w : sw) {
            intent = either(drawSwitch(w, ImVec2(x, top), switchWidth(w), h), intent);
            x += switchWidth(w) + gap * 0.5f;
        }
        const float langsX = right - t.Em(2 * kLangEm) - gap * 0.5f;
        if (plan.venue) drawVenue(v, ImVec2(x + gap, top), langsX - x - gap * 2, h);
        return either(drawLanguages(v, right, top, h), intent);
    }
    // Two rows: the switches share the width; the languages at the right of the second row.
    const float each = (width - gap * 0.5f * static_cast<float>(sw.size() - 1)) / static_cast<float>(sw.size());
    for (size_t i = 0; i < sw.size(); ++i)
        intent = either(drawSwitch(sw[i], ImVec2(left + (each + gap * 0.5f) * static_cast<float>(i), top), each, h), intent);
    const float y2 = top + h + t.Em(kRowGapEm);
    if (plan.venue) drawVenue(v, ImVec2(left, y2), width - t.Em(2 * kLangEm) - gap * 1.5f, h);
    return either(drawLanguages(v, right, y2, h), intent);
}

}  // namespace kiosk::ui
