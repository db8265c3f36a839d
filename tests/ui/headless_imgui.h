// headless_imgui.h: a Dear ImGui context for tests, with the kiosk's fonts (Inter) rasterised into
// an atlas and no GL: what the session harness and the screens-alone tests both draw into.
#pragma once

#include <imgui.h>

#include "ui/layout.h"
#include "ui/theme.h"

namespace kiosk::test {

// Creates the context for a `width` x `height` panel of `diagonalInches` (0: the assumed 96 dpi)
// and builds the font atlas. Destroy it with ImGui::DestroyContext.
inline ImGuiContext* createHeadlessImGui(float width, float height, float diagonalInches = 0.0f) {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    ui::Theme& t = ui::theme();
    const auto pw = static_cast<int>(width), ph = static_cast<int>(height);
    ui::layout() = ui::makeLayout(width, height, 0.0f, ui::panelFor(diagonalInches, 0, 0, pw, ph, pw, ph));
    t.em = ui::layout().em;
    t.fonts = ui::loadFonts(t.em);
    t.palette = ui::Palette{};  // a test that ended in the high-contrast theme leaves no trace
    t.highContrast = false;
    ui::applyStyle(t);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    return ctx;
}

}  // namespace kiosk::test
