#include "theme.h"

#include <imgui.h>

#include <cmath>
#include <filesystem>

namespace kiosk::ui {
namespace {

// Must outlive the font atlas (ImGui keeps the pointer).
const ImWchar kDutchRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 (ë é ï ö ü ç ...)
    0x0100, 0x017F,  // Latin Extended-A (Ĳ ĳ, ğ, ş, ł, ő ...)
    0x2013, 0x2014,  // en and em dash
    0x2018, 0x201E,  // typographic quotes
    0x2022, 0x2022,  // bullet
    0x2026, 0x2026,  // ellipsis
    0x20AC, 0x20AC,  // euro
    0x2190, 0x2193,  // arrows
    0x2212, 0x2212,  // minus sign
    0,
};

struct FontFiles {
    std::string regular, bold;
};

FontFiles findFontFiles() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const FontFiles candidates[] = {
        {"/usr/share/fonts/opentype/inter/Inter-Regular.otf", "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"},
        {"/usr/share/fonts/truetype/inter/Inter-Regular.ttf", "/usr/share/fonts/truetype/inter/Inter-SemiBold.ttf"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    };
    for (const auto& c : candidates)
        if (fs::exists(c.regular, ec) && fs::exists(c.bold, ec)) return c;
    return {};
}

double channel(unsigned char c) {
    const double s = c / 255.0;
    return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

double luminance(Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

ImVec4 v4(Rgb c, float a = 1.0f) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, a); }

}  // namespace

Theme& theme() {
    static Theme t;
    return t;
}

float emForHeight(float windowHeight, float scale) {
    const float base = 27.0f;  // at 800 px
    const float f = scale > 0.0f ? scale : windowHeight / 800.0f;
    return std::round(base * f);
}

Fonts loadFonts(float em, float smallPx, float displayPx) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    Fonts fonts;
    const FontFiles files = findFontFiles();
    auto add = [&](const std::string& file, float px) -> ImFont* {
        if (file.empty()) return nullptr;
        ImFontConfig cfg;
        // No horizontal oversampling: with PixelSnapH every glyph starts on a whole pixel, where
        // it adds nothing (imgui.h says so), and it would double each glyph's room in the atlas.
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        return io.Fonts->AddFontFromFileTTF(file.c_str(), px, &cfg, kDutchRanges);
    };
    fonts.body = add(files.regular, em);
    if (fonts.body) {
        fonts.sourceFile = files.regular;
        fonts.bodyBold = add(files.bold, em);
        fonts.small = add(files.regular, smallPx > 0.0f ? smallPx : std::round(em * 0.8f));
        fonts.title = add(files.bold, std::round(em * 1.6f));
        fonts.display = add(files.bold, displayPx > 0.0f ? displayPx : std::round(em * 3.2f));
        fonts.large = add(files.bold, std::round(em * 2.2f));
    }
    // Checked fallback: ImGui's built-in font (ASCII + Latin-1 only) so the kiosk still runs.
    ImFont* fallback = nullptr;
    auto orFallback = [&](ImFont*& f, float px) {
        if (f) return;
        if (!fallback) {
            ImFontConfig cfg;
            cfg.SizePixels = px;
            fallback = io.Fonts->AddFontDefault(&cfg);
        }
        f = fallback;
    };
    orFallback(fonts.body, em);
    orFallback(fonts.bodyBold, em);
    orFallback(fonts.small, em);
    orFallback(fonts.title, em);
    orFallback(fonts.display, em);
    orFallback(fonts.large, em);
    io.FontDefault = fonts.body;
    return fonts;
}

float capHeightPx(const ImFont* font) {
    if (!font) return 0.0f;
    const ImFontGlyph* h = font->FindGlyphNoFallback('H');
    return h ? h->Y1 - h->Y0 : 0.0f;
}

void measureCapRatio() {
    Theme& t = theme();
    if (t.fonts.sourceFile.empty() || !t.fonts.body || t.fonts.body->FontSize <= 0.0f) return;
    if (const float cap = capHeightPx(t.fonts.body); cap > 0.0f) t.capRatio = cap / t.fonts.body->FontSize;
}

void applyStyle(const Theme& t) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const Palette& p = t.palette;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = v4(p.ink);
    c[ImGuiCol_TextDisabled] = v4(p.muted);
    c[ImGuiCol_WindowBg] = v4(p.background);
    c[ImGuiCol_ChildBg] = v4(p.background, 0.0f);
    c[ImGuiCol_PopupBg] = v4(p.surface);
    c[ImGuiCol_Border] = v4(p.line);
    c[ImGuiCol_FrameBg] = v4(p.surface);
    c[ImGuiCol_FrameBgHovered] = v4(p.surface);
    c[ImGuiCol_FrameBgActive] = v4(p.secondary);
    // Hovered == normal: touch leaves no hover behind.
    c[ImGuiCol_Button] = v4(p.secondary);
    c[ImGuiCol_ButtonHovered] = v4(p.secondary);
    c[ImGuiCol_ButtonActive] = v4(p.secondaryPressed);
    c[ImGuiCol_Header] = v4(p.secondary);
    c[ImGuiCol_HeaderHovered] = v4(p.secondary);
    c[ImGuiCol_HeaderActive] = v4(p.secondaryPressed);
    c[ImGuiCol_ScrollbarBg] = v4(p.background);
    c[ImGuiCol_ScrollbarGrab] = v4(p.line);
    c[ImGuiCol_ScrollbarGrabHovered] = v4(p.line);
    c[ImGuiCol_ScrollbarGrabActive] = v4(p.muted);
    c[ImGuiCol_Separator] = v4(p.line);
    style.WindowPadding = ImVec2(t.Em(1.5f), t.Em(1.0f));
    style.FramePadding = ImVec2(t.Em(0.8f), t.Em(0.5f));
    style.ItemSpacing = ImVec2(t.Em(0.6f), t.Em(0.6f));
    style.ItemInnerSpacing = ImVec2(t.Em(0.4f), t.Em(0.4f));
    style.ScrollbarSize = t.Em(0.6f);
    style.FrameRounding = t.Em(0.35f);
    style.ChildRounding = t.Em(0.5f);
    style.WindowRounding = 0.0f;
    style.WindowBorderSize = 0.0f;
    style.FrameBorderSize = 0.0f;
    style.TouchExtraPadding = ImVec2(t.Em(0.1f), t.Em(0.1f));
    ImGui::GetStyle() = style;
}

Palette highContrastPalette() {
    Palette p;
    p.background = {0x00, 0x00, 0x00};
    p.surface = {0x12, 0x12, 0x12};           // cards: white on it 18.7:1
    p.ink = {0xFF, 0xFF, 0xFF};
    p.muted = {0xE0, 0xE0, 0xE0};             // 15.9:1 on background, 11.8:1 on secondary
    p.line = {0xA0, 0xA0, 0xA0};
    p.boundary = {0xFF, 0xFF, 0xFF};
    p.primary = {0xFF, 0xE1, 0x4D};           // yellow; black on it 16.1:1, as text on black the same
    p.primaryPressed = {0xC8, 0xB0, 0x3A};
    p.onPrimary = {0x00, 0x00, 0x00};
    p.secondary = {0x24, 0x24, 0x24};         // white on it 15.5:1, outlined in white
    p.secondaryPressed = {0x44, 0x44, 0x44};
    p.success = {0x7C, 0xE0, 0x8A};           // black on it 12.9:1
    p.warning = {0xFF, 0xB3, 0x47};           // black on it 11.8:1
    p.danger = {0xFF, 0x9A, 0x9A};            // black on it 10.3:1
    p.accent = {0xFF, 0xE1, 0x4D};
    return p;
}

void useHighContrast(bool on) {
    Theme& t = theme();
    if (t.highContrast == on) return;
    t.highContrast = on;
    t.palette = on ? highContrastPalette() : Palette{};
    applyStyle(t);
}

double contrastRatio(Rgb a, Rgb b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

}  // namespace kiosk::ui
