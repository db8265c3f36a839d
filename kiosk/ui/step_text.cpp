#include "step_text.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/step_text_fit.h"
#include "core/utf8.h"

namespace kiosk::ui {
namespace {

float widthOf(ImFont* font, float px, std::string_view s) {
    return font->CalcTextSizeA(px, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

}  // namespace

float FittedText::lineHeight() const { return px * kStepLineHeight; }

std::vector<std::string> wrapAtSize(ImFont* font, float px, std::string_view text, float width) {
    std::vector<std::string> lines;
    std::string current;
    auto push = [&] {
        lines.push_back(current);
        current.clear();
    };
    size_t i = 0;
    while (i <= text.size()) {
        size_t j = text.find_first_of(" \n", i);
        if (j == std::string_view::npos) j = text.size();
        std::string_view word = text.substr(i, j - i);
        const std::string candidate = current.empty() ? std::string(word) : current + " " + std::string(word);
        if (widthOf(font, px, candidate) <= width) {
            current = candidate;
        } else {
            if (!current.empty()) push();
            // A word wider than the line: between letters.
            while (!word.empty() && widthOf(font, px, word) > width) {
                size_t k = utf8BoundaryAfter(word, 0), fit = k;
                while (k < word.size() && widthOf(font, px, word.substr(0, k)) <= width) {
                    fit = k;
                    k = utf8BoundaryAfter(word, k);
                }
                lines.emplace_back(word.substr(0, fit));
                word.remove_prefix(fit);
            }
            current = std::string(word);
        }
        if (j < text.size() && text[j] == '\n') push();
        i = j + 1;
    }
    if (!current.empty()) lines.push_back(current);
    return lines;
}

FittedText fitToBox(ImFont* font, std::string_view text, float width, float height, float normalPx, float floorPx,
                   float pagerHeight) {
    FittedText f;
    floorPx = std::min(floorPx, normalPx);
    // Whole pixels from the normal size down: a few wraps of a few hundred characters each.
    for (float px = std::floor(normalPx); ; px = std::max(floorPx, px - std::max(1.0f, std::floor(normalPx * 0.03f)))) {
        f.px = px;
        f.lines = wrapAtSize(font, px, text, width);
        const float need = static_cast<float>(f.lines.size()) * f.lineHeight();
        if (need <= height) {
            f.linesPerPage = std::max<int>(1, static_cast<int>(f.lines.size()));
            f.pages = 1;
            return f;
        }
        if (px <= floorPx) break;
    }
    f.linesPerPage = std::max(1, static_cast<int>((height - pagerHeight) / f.lineHeight()));
    f.pages = (static_cast<int>(f.lines.size()) + f.linesPerPage - 1) / f.linesPerPage;
    return f;
}

void drawPage(ImFont* font, const FittedText& fitted, int page, ImVec2 pos, Rgb colour) {
    page = std::clamp(page, 0, fitted.pages - 1);
    const size_t from = static_cast<size_t>(page * fitted.linesPerPage);
    const size_t to = std::min(fitted.lines.size(), from + static_cast<size_t>(fitted.linesPerPage));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = from; i < to; ++i) {
        const std::string& l = fitted.lines[i];
        dl->AddText(font, fitted.px, ImVec2(pos.x, pos.y + static_cast<float>(i - from) * fitted.lineHeight()), colour.abgr(),
                    l.data(), l.data() + l.size());
    }
}

float drawShrunkCentred(ImFont* font, std::string_view text, ImVec2 centre, float maxWidth, Rgb colour) {
    float px = font->FontSize;
    const float w = widthOf(font, px, text);
    if (w > maxWidth && w > 0) px = std::floor(px * maxWidth / w);
    const ImVec2 s = font->CalcTextSizeA(px, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    ImGui::GetWindowDrawList()->AddText(font, px, ImVec2(centre.x - s.x * 0.5f, centre.y - s.y * 0.5f), colour.abgr(), text.data(),
                                        text.data() + text.size());
    return px;
}

float capHeight(ImFont* font, float px) {
    const ImFontGlyph* g = font->FindGlyphNoFallback('H');
    if (!g || font->FontSize <= 0) return px * kCapHeightRatio;
    return (g->Y1 - g->Y0) * px / font->FontSize;
}

}  // namespace kiosk::ui
