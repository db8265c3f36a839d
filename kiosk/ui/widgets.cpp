#include "widgets.h"

#include "explore.h"

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>

#include <imgui_internal.h>

#include "core/utf8.h"
#include "layout.h"

namespace kiosk::ui {
namespace {

struct StyleColours {
    Rgb fill, pressed, text;
};

StyleColours coloursFor(ButtonStyle s) {
    const Palette& p = theme().palette;
    switch (s) {
        case ButtonStyle::primary: return {p.primary, p.primaryPressed, p.onPrimary};
        case ButtonStyle::success: return {p.success, p.primaryPressed, p.onPrimary};
        case ButtonStyle::warning: return {p.warning, p.primaryPressed, p.onPrimary};
        case ButtonStyle::danger: return {p.danger, p.primaryPressed, p.onPrimary};
        case ButtonStyle::quiet: return {p.background, p.secondary, p.ink};
        case ButtonStyle::secondary: break;
    }
    return {p.secondary, p.secondaryPressed, p.ink};
}

// Whether `lines` say all of `label`: the words in order, none cut to "…" (spaces between words may
// become line breaks; runs of spaces count as one).
bool wholeLabel(const std::vector<std::string>& lines, std::string_view label) {
    std::string joined, want;
    for (const auto& l : lines) joined += (joined.empty() ? "" : " ") + l;
    for (char ch : label)
        if (ch != ' ' || (!want.empty() && want.back() != ' ')) want += ch;
    while (!want.empty() && want.back() == ' ') want.pop_back();
    while (!joined.empty() && joined.back() == ' ') joined.pop_back();
    return joined == want;
}

}  // namespace

std::vector<TapTarget>& frameTargets() {
    static std::vector<TapTarget> targets;
    return targets;
}

std::vector<TextItem>& frameTexts() {
    static std::vector<TextItem> texts;
    return texts;
}

namespace {
bool gRecordTexts = false;

void recordText(ImFont* font, ImVec2 pos, std::string_view text, float wrapWidth) {
    if (!gRecordTexts || text.empty()) return;
    const ImVec2 size = textSize(font, text, wrapWidth);
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const ImGuiWindow* w = ImGui::GetCurrentWindow();
    const bool inScrollingList = (w->Flags & ImGuiWindowFlags_ChildWindow) != 0;
    const ImRect clip = w->ClipRect;
    if (inScrollingList && (max.y < clip.Min.y || pos.y > clip.Max.y)) return;  // scrolled out of view
    // A row half scrolled out of a list comes whole into view under the finger: not cut.
    const bool clipped = !inScrollingList && (pos.x < -0.5f || pos.y < -0.5f || max.x > display.x + 0.5f || max.y > display.y + 0.5f ||
                                              pos.x < clip.Min.x - 0.5f || max.x > clip.Max.x + 0.5f || pos.y < clip.Min.y - 0.5f ||
                                              max.y > clip.Max.y + 0.5f);
    const bool shortened = text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\xA6";
    frameTexts().push_back({std::string(text), pos, max, capHeightPx(font), clipped, shortened});
}
}  // namespace

void recordFrameTexts(bool on) { gRecordTexts = on; }

void beginFrameTargets() {
    frameTargets().clear();
    frameTexts().clear();
}

namespace {

// A button's colours: its style's, dimmed when disabled, faded towards the page while the controls
// fade (ImGuiStyleVar_Alpha, when nobody touches them; a touch brings them back).
StyleColours buttonColours(const ButtonSpec& spec) {
    const Theme& t = theme();
    StyleColours c = coloursFor(spec.style);
    if (!spec.enabled) c = {t.palette.secondary, t.palette.secondary, t.palette.muted};
    const auto alpha = static_cast<unsigned char>(255.0f * std::clamp(ImGui::GetStyle().Alpha, 0.0f, 1.0f));
    if (alpha == 255) return c;
    const Rgb bg = t.palette.background;
    auto mix = [&](Rgb x) {
        const float a = static_cast<float>(alpha) / 255.0f;
        return Rgb{static_cast<unsigned char>(x.r * a + bg.r * (1 - a)), static_cast<unsigned char>(x.g * a + bg.g * (1 - a)),
                   static_cast<unsigned char>(x.b * a + bg.b * (1 - a))};
    };
    return {mix(c.fill), mix(c.pressed), mix(c.text)};
}

// Where a button's words go: its padding, the icon's room, and the width left for the words.
// A centred label beside a state icon (keepIcon) stands in the middle of the tile, moved aside only
// as far as the icon's room on its left needs: the room is reserved on that side alone, so that a
// name that is wider than the middle between two icon rooms keeps its font (issue: a tile's name
// stepped down for room the icon never takes on the right). Whether the icon shows or not, the
// words stay where they are.
struct LabelRoom {
    float pad, iconSize, iconGap, textW;
    bool withIcon, besideStateIcon;
};

LabelRoom labelRoom(const ButtonSpec& spec) {
    const Theme& t = theme();
    ImFont* font = spec.font ? spec.font : t.fonts.bodyBold;
    LabelRoom r{};
    r.pad = std::min(t.Em(0.8f), spec.size.x * 0.12f);  // narrow keys keep room for their letter
    // A decorative icon goes first when room is short: the words must always be whole. A state icon
    // (keepIcon) stays, in a room of its own, and the words get smaller instead.
    const bool iconFits = spec.icon != Icon::none &&
                          textSize(font, spec.label).x + font->FontSize * 1.1f + t.Em(0.5f) <= spec.size.x - 2 * r.pad;
    r.withIcon = spec.keepIcon || iconFits || (spec.icon != Icon::none && spec.label.empty());
    r.iconSize = r.withIcon ? std::min(std::min(font->FontSize * 1.1f, t.Em(1.4f)), spec.size.y * 0.5f) : 0.0f;
    r.iconGap = r.withIcon && !spec.label.empty() ? t.Em(0.4f) : 0.0f;
    r.besideStateIcon = spec.keepIcon && !spec.leftAligned && !spec.label.empty();
    r.textW = spec.size.x - 2 * r.pad - (r.iconSize + r.iconGap);
    return r;
}

}  // namespace

bool labelFitsWhole(const ButtonSpec& spec, ImFont* font) {
    const int maxLines = std::max(1, spec.maxLines);
    const auto lines = wrapLines(font, spec.label, labelRoom(spec).textW, maxLines, spec.breakLimit);
    const float height = font->FontSize * 1.1f * static_cast<float>(lines.size()) - font->FontSize * 0.1f;
    return wholeLabel(lines, spec.label) && height <= spec.size.y + 1.0f;
}

bool touchButton(const ButtonSpec& spec) {
    const Theme& t = theme();
    ImGui::PushID(spec.id);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (!spec.enabled) ImGui::BeginDisabled();
    const bool clicked = ImGui::InvisibleButton("##b", spec.size);
    const bool held = ImGui::IsItemActive();
    if (!spec.enabled) ImGui::EndDisabled();
    ImGui::PopID();
    const ImVec2 max(pos.x + spec.size.x, pos.y + spec.size.y);

    const StyleColours c = buttonColours(spec);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = t.Em(0.45f);
    // Pressed: darker and pushed down a little, visible under a finger's edge.
    const float push = held ? t.Em(0.08f) : 0.0f;
    dl->AddRectFilled(ImVec2(pos.x, pos.y + push), ImVec2(max.x, max.y + push), (held ? c.pressed : c.fill).abgr(), rounding);
    if (spec.style == ButtonStyle::quiet || spec.style == ButtonStyle::secondary)
        dl->AddRect(ImVec2(pos.x, pos.y + push), ImVec2(max.x, max.y + push), t.palette.boundary.abgr(), rounding, 0,
                    std::max(2.0f, t.Em(0.07f)));  // the fill is near the page's colour: the outline says "control" (3:1)

    ImFont* font = spec.font ? spec.font : t.fonts.bodyBold;
    ImFont* subFont = t.fonts.small;
    const LabelRoom room = labelRoom(spec);
    const float pad = room.pad, iconSize = room.iconSize, iconGap = room.iconGap, maxTextW = room.textW;
    const bool withIcon = room.withIcon, besideStateIcon = room.besideStateIcon;
    const int maxLines = std::max(1, spec.maxLines);
    if (spec.floorFont && !labelFitsWhole(spec, font)) {  // too wide, or its lines too tall for the button
        font = spec.floorFont;  // and, when the height allows, one line more before anything is cut
    }
    const bool extraLine = font == spec.floorFont && font->FontSize * 1.1f * static_cast<float>(maxLines + 1) <= spec.size.y * 0.9f;
    const auto lines = wrapLines(font, spec.label, maxTextW, maxLines + (extraLine ? 1 : 0), spec.breakLimit);
    const float lineH = font->FontSize * 1.1f;
    float labelW = 0;
    for (const auto& l : lines) labelW = std::max(labelW, textSize(font, l).x);
    const float labelH = lineH * static_cast<float>(lines.size()) - (font->FontSize * 0.1f);
    const std::string sub = spec.sublabel.empty() ? std::string{} : fitText(subFont, spec.sublabel, maxTextW);
    // Drawn in full: every word of the label on its lines, inside the window. (The smaller second
    // line, a hint such as a department, may be shortened.)
    bool clipped = false;
    {
        clipped = !wholeLabel(lines, spec.label);
        const ImVec2 display = ImGui::GetIO().DisplaySize;
        // Past the window's top or bottom edge is cut, unless the button is in a list that scrolls
        // (a child window): a row half scrolled out comes whole into view under the finger.
        const bool inScrollingList = (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_ChildWindow) != 0;
        clipped = clipped || pos.x < -0.5f || max.x > display.x + 0.5f ||
                  (!inScrollingList && (pos.y < -0.5f || max.y > display.y + 0.5f));
    }
    const ImVec2 ss = sub.empty() ? ImVec2(0, 0) : textSize(subFont, sub);
    const float blockH = labelH + (sub.empty() ? 0.0f : ss.y + t.Em(0.1f));
    clipped = clipped || blockH > spec.size.y + 1.0f;  // the lines taller than the button
    const float blockW = iconSize + iconGap + std::max(labelW, ss.x);
    float x = spec.leftAligned ? pos.x + pad : pos.x + (spec.size.x - blockW) * 0.5f;
    const float y = pos.y + push + (spec.size.y - blockH) * 0.5f;
    if (besideStateIcon) {  // in the middle, or as near it as the icon's room on the left allows
        drawIcon(spec.icon, ImVec2(pos.x + pad + iconSize * 0.5f, pos.y + push + spec.size.y * 0.5f), iconSize, c.text);
        x = std::max(pos.x + (spec.size.x - std::max(labelW, ss.x)) * 0.5f, pos.x + pad + iconSize + iconGap);
    } else if (withIcon) {
        drawIcon(spec.icon, ImVec2(x + iconSize * 0.5f, pos.y + push + spec.size.y * 0.5f), iconSize, c.text);
        x += iconSize + iconGap;
    }
    for (size_t i = 0; i < lines.size(); ++i) {
        // Several lines are centred each; one line starts after the icon.
        const float lx = lines.size() > 1 && !spec.leftAligned ? x + (labelW - textSize(font, lines[i]).x) * 0.5f : x;
        drawText(font, ImVec2(lx, y + lineH * static_cast<float>(i)), c.text, lines[i]);
    }
    if (!sub.empty()) drawText(subFont, ImVec2(x, y + labelH + t.Em(0.1f)), c.text, sub);

    // The automation view reports the part a finger can reach: a row half scrolled out of its list
    // is reported by its visible part, a row scrolled out entirely not at all.
    std::string spoken = spec.spoken;
    if (spoken.empty()) spoken = spec.sublabel.empty() ? spec.label : spec.label + ". " + spec.sublabel;
    if (spec.enabled) {
        const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
        const ImVec2 a(std::max(pos.x, clip.Min.x), std::max(pos.y, clip.Min.y));
        const ImVec2 b(std::min(max.x, clip.Max.x), std::min(max.y, clip.Max.y));
        if (b.x - a.x >= 1.0f && b.y - a.y >= 1.0f)
            frameTargets().push_back({spec.id, spec.label, a, b, spec.size, clipped, capHeightPx(font), spoken, spec.secret, spec.readLast});
    }
    // Speech mode's focus (explore.h): a ring in the ink colour, for whoever helps beside the screen;
    // inside the button, where a list's edge cannot cut it.
    if (explore().on && explore().armed == spec.id) {
        const float w = std::max(3.0f, t.Em(0.14f));
        dl->AddRect(ImVec2(pos.x + w * 0.5f, pos.y + push + w * 0.5f), ImVec2(max.x - w * 0.5f, max.y + push - w * 0.5f),
                    t.palette.ink.abgr(), rounding, 0, w);
    }
    if (!spec.enabled || (GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled)) return false;
    if (exploreActivation(spec.id)) return true;  // a double tap elsewhere or Enter chose it
    if (!clicked) return false;
    const ImVec2 at = ImGui::GetIO().MousePos;  // where the finger lifted
    return exploreTap(spec.id, std::move(spoken), spec.secret, at.x, at.y);
}

void drawText(ImFont* font, ImVec2 pos, Rgb colour, std::string_view text) {
    recordText(font, pos, text, -1.0f);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, colour.abgr(), text.data(), text.data() + text.size());
}

void drawTextWrapped(ImFont* font, ImVec2 pos, float wrapWidth, Rgb colour, std::string_view text) {
    recordText(font, pos, text, wrapWidth);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, colour.abgr(), text.data(), text.data() + text.size(),
                                        wrapWidth);
}

ImVec2 textSize(ImFont* font, std::string_view text, float wrapWidth) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, text.data(), text.data() + text.size());
}

// fitText: the longest prefix (cut at a UTF-8 boundary) that fits with "…" after it. The width of a
// prefix never shrinks as it grows, so the cut is found by binary search; the range is first found by
// doubling the prefix from 64 bytes, so the work is O(k log k) in the k bytes that can fit, never in
// the length of the text (a 1 MB title costs what a 200-byte one does). Only the first test measures
// the whole text, once.
std::string fitText(ImFont* font, std::string_view text, float maxWidth) {
    const std::string_view ellipsis = "\xE2\x80\xA6";
    const float room = maxWidth - textSize(font, ellipsis).x;
    auto boundary = [&](size_t n) { return utf8BoundaryBefore(text, n); };
    auto fits = [&](size_t n) { return textSize(font, text.substr(0, n)).x <= room; };
    // Gallop: find a prefix length `hi` that does not fit (or the whole text), with `lo` that does.
    size_t lo = 0, hi = 64;
    while (hi < text.size() && fits(boundary(hi))) {
        lo = boundary(hi);
        hi *= 2;
    }
    if (hi >= text.size()) {
        if (textSize(font, text).x <= maxWidth) return std::string(text);
        hi = text.size();
    }
    // Invariant: prefix `lo` fits with the ellipsis, prefix `hi` does not.
    while (hi - lo > 1) {
        const size_t mid = boundary(lo + (hi - lo) / 2);
        if (mid <= lo) {  // no character boundary between lo and hi except lo itself
            const size_t next = utf8BoundaryAfter(text, lo);
            if (next >= hi || !fits(next)) break;
            lo = next;
            continue;
        }
        if (fits(mid)) lo = mid;
        else hi = mid;
    }
    std::string s(text.substr(0, lo));
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + std::string(ellipsis);
}

std::vector<std::string> wrapLines(ImFont* font, std::string_view text, float maxWidth, int maxLines,
                                   size_t breakLimit) {
    std::vector<std::string> lines;
    std::string current;
    size_t lineStart = 0;  // where `current` begins in text
    size_t i = 0;
    while (i < text.size()) {
        // The last line is the rest of the text as it stands, fitted once (the same line the merge
        // below would make): a 1 MB title is neither cut into words measured against a growing
        // line nor copied.
        if (static_cast<int>(lines.size()) >= maxLines - 1) {
            current = fitText(font, text.substr(current.empty() ? i : lineStart), maxWidth);
            break;
        }
        size_t j = text.find(' ', i);
        if (j == std::string_view::npos || j > breakLimit) j = text.size();
        const std::string word(text.substr(i, j - i));
        const std::string candidate = current.empty() ? word : current + " " + word;
        if (current.empty() || textSize(font, candidate).x <= maxWidth) {
            if (current.empty()) lineStart = i;
            current = candidate;
        } else {
            lines.push_back(current);
            current = word;
            lineStart = i;
        }
        i = j + 1;
    }
    if (!current.empty() || lines.empty()) lines.push_back(current);
    if (static_cast<int>(lines.size()) > maxLines) {
        std::string rest = lines[static_cast<size_t>(maxLines - 1)];
        for (size_t k = static_cast<size_t>(maxLines); k < lines.size(); ++k) rest += " " + lines[k];
        lines.resize(static_cast<size_t>(maxLines));
        lines.back() = rest;
    }
    for (auto& l : lines) l = fitText(font, l, maxWidth);
    return lines;
}

bool drawCell(ImFont* font, ImFont* floor, ImVec2 topLeft, float width, float height, Rgb colour, std::string_view text) {
    std::vector<std::string> lines;
    ImFont* f = font;
    bool whole = false;
    for (ImFont* candidate : {font, floor}) {
        if (!candidate) continue;
        f = candidate;
        const int fits = std::max(1, static_cast<int>(height / (candidate->FontSize * 1.05f)));
        lines = textSize(candidate, text).x <= width ? std::vector<std::string>{std::string(text)} : wrapLines(candidate, text, width, fits);
        whole = wholeLabel(lines, text);
        if (whole) break;
    }
    const float lineH = f->FontSize * 1.05f;
    float y = topLeft.y + (height - lineH * static_cast<float>(lines.size())) * 0.5f;
    for (const auto& l : lines) {
        drawText(f, ImVec2(topLeft.x, y), colour, l);
        y += lineH;
    }
    return whole;
}

float drawTextCentred(ImFont* font, float centreX, float y, float maxWidth, Rgb colour, std::string_view text) {
    const auto lines = wrapLines(font, text, maxWidth, 4);
    float h = 0;
    for (const auto& l : lines) {
        drawText(font, ImVec2(centreX - textSize(font, l).x * 0.5f, y + h), colour, l);
        h += font->FontSize * 1.15f;
    }
    return h;
}

bool touchScroll(float& velocity) {
    ImGuiIO& io = ImGui::GetIO();
    const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (hovered && ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme().Em(0.3f))) {
        ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
        if (io.DeltaTime > 0) velocity = -io.MouseDelta.y / io.DeltaTime;
        ImGui::ClearActiveID();  // the row under the finger is not pressed
    } else if (!io.MouseDown[0] && std::abs(velocity) > 20.0f) {
        ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + velocity * io.DeltaTime, 0.0f, ImGui::GetScrollMaxY()));
        velocity *= std::pow(0.05f, io.DeltaTime);  // loses 95% of its speed per second
    } else if (!io.MouseDown[0]) {
        velocity = 0.0f;
    }
    return std::abs(velocity) > 20.0f;
}

}  // namespace kiosk::ui
