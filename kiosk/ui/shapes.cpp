// shapes.cpp: the drawn shapes of the screens (widgets.h declares them): the icons, a card, a
// progress bar. Drawn into the current window's draw list, in window pixels; no state, no input.
#include "widgets.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <imgui.h>

#include "theme.h"

namespace kiosk::ui {

void drawIcon(Icon icon, ImVec2 c, float size, Rgb colour) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = colour.abgr();
    const float r = size * 0.5f;
    const float th = std::max(2.0f, size * 0.12f);
    switch (icon) {
        case Icon::none: break;
        case Icon::check:
            dl->AddCircle(c, r, col, 32, th * 0.8f);
            dl->AddPolyline(std::array<ImVec2, 3>{ImVec2(c.x - r * 0.45f, c.y + r * 0.02f), ImVec2(c.x - r * 0.1f, c.y + r * 0.35f),
                                                  ImVec2(c.x + r * 0.5f, c.y - r * 0.35f)}.data(),
                            3, col, 0, th);
            break;
        case Icon::warning: {
            const ImVec2 a(c.x, c.y - r), b(c.x + r * 1.05f, c.y + r * 0.85f), d(c.x - r * 1.05f, c.y + r * 0.85f);
            dl->AddTriangle(a, b, d, col, th * 0.8f);
            dl->AddLine(ImVec2(c.x, c.y - r * 0.35f), ImVec2(c.x, c.y + r * 0.3f), col, th);
            dl->AddCircleFilled(ImVec2(c.x, c.y + r * 0.58f), th * 0.6f, col);
            break;
        }
        case Icon::cross:
            dl->AddCircle(c, r, col, 32, th * 0.8f);
            dl->AddLine(ImVec2(c.x - r * 0.4f, c.y - r * 0.4f), ImVec2(c.x + r * 0.4f, c.y + r * 0.4f), col, th);
            dl->AddLine(ImVec2(c.x + r * 0.4f, c.y - r * 0.4f), ImVec2(c.x - r * 0.4f, c.y + r * 0.4f), col, th);
            break;
        case Icon::arrow_right:
        case Icon::arrow_left: {
            const float s = icon == Icon::arrow_right ? 1.0f : -1.0f;
            dl->AddLine(ImVec2(c.x - s * r * 0.7f, c.y), ImVec2(c.x + s * r * 0.7f, c.y), col, th);
            dl->AddLine(ImVec2(c.x + s * r * 0.7f, c.y), ImVec2(c.x + s * r * 0.2f, c.y - r * 0.5f), col, th);
            dl->AddLine(ImVec2(c.x + s * r * 0.7f, c.y), ImVec2(c.x + s * r * 0.2f, c.y + r * 0.5f), col, th);
            break;
        }
        case Icon::back:
            dl->AddLine(ImVec2(c.x + r * 0.3f, c.y - r * 0.6f), ImVec2(c.x - r * 0.3f, c.y), col, th);
            dl->AddLine(ImVec2(c.x - r * 0.3f, c.y), ImVec2(c.x + r * 0.3f, c.y + r * 0.6f), col, th);
            break;
        case Icon::person:
            dl->AddCircleFilled(ImVec2(c.x, c.y - r * 0.4f), r * 0.38f, col);
            dl->PathArcTo(ImVec2(c.x, c.y + r * 0.75f), r * 0.75f, 3.14159f, 2 * 3.14159f, 16);
            dl->PathFillConvex(col);
            break;
        case Icon::calendar:
            dl->AddRect(ImVec2(c.x - r * 0.8f, c.y - r * 0.6f), ImVec2(c.x + r * 0.8f, c.y + r * 0.8f), col, r * 0.1f, 0, th * 0.8f);
            dl->AddLine(ImVec2(c.x - r * 0.8f, c.y - r * 0.15f), ImVec2(c.x + r * 0.8f, c.y - r * 0.15f), col, th * 0.8f);
            dl->AddLine(ImVec2(c.x - r * 0.4f, c.y - r * 0.9f), ImVec2(c.x - r * 0.4f, c.y - r * 0.45f), col, th);
            dl->AddLine(ImVec2(c.x + r * 0.4f, c.y - r * 0.9f), ImVec2(c.x + r * 0.4f, c.y - r * 0.45f), col, th);
            break;
        case Icon::clock:
            dl->AddCircle(c, r, col, 32, th * 0.8f);
            dl->AddLine(c, ImVec2(c.x, c.y - r * 0.6f), col, th);
            dl->AddLine(c, ImVec2(c.x + r * 0.45f, c.y + r * 0.1f), col, th);
            break;
        case Icon::plus:
            dl->AddLine(ImVec2(c.x - r * 0.6f, c.y), ImVec2(c.x + r * 0.6f, c.y), col, th);
            dl->AddLine(ImVec2(c.x, c.y - r * 0.6f), ImVec2(c.x, c.y + r * 0.6f), col, th);
            break;
        case Icon::minus:
            dl->AddLine(ImVec2(c.x - r * 0.6f, c.y), ImVec2(c.x + r * 0.6f, c.y), col, th);
            break;
        case Icon::pause:
            dl->AddRectFilled(ImVec2(c.x - r * 0.55f, c.y - r * 0.6f), ImVec2(c.x - r * 0.15f, c.y + r * 0.6f), col);
            dl->AddRectFilled(ImVec2(c.x + r * 0.15f, c.y - r * 0.6f), ImVec2(c.x + r * 0.55f, c.y + r * 0.6f), col);
            break;
        case Icon::undo:  // an arrow that turns back on itself
            dl->PathArcTo(ImVec2(c.x + r * 0.1f, c.y + r * 0.1f), r * 0.6f, -3.14159f * 0.95f, 3.14159f * 0.55f, 20);
            dl->PathStroke(col, 0, th);
            dl->AddTriangleFilled(ImVec2(c.x - r * 0.85f, c.y - r * 0.35f), ImVec2(c.x - r * 0.15f, c.y - r * 0.1f),
                                  ImVec2(c.x - r * 0.55f, c.y + r * 0.45f), col);
            break;
        case Icon::backspace: {  // a key pointing left, with a cross in it
            const ImVec2 pts[5] = {ImVec2(c.x - r, c.y), ImVec2(c.x - r * 0.45f, c.y - r * 0.6f), ImVec2(c.x + r, c.y - r * 0.6f),
                                   ImVec2(c.x + r, c.y + r * 0.6f), ImVec2(c.x - r * 0.45f, c.y + r * 0.6f)};
            dl->AddPolyline(pts, 5, col, ImDrawFlags_Closed, th * 0.8f);
            dl->AddLine(ImVec2(c.x - r * 0.05f, c.y - r * 0.25f), ImVec2(c.x + r * 0.5f, c.y + r * 0.25f), col, th * 0.8f);
            dl->AddLine(ImVec2(c.x + r * 0.5f, c.y - r * 0.25f), ImVec2(c.x - r * 0.05f, c.y + r * 0.25f), col, th * 0.8f);
            break;
        }
        case Icon::door:  // an open door frame with an arrow going out: checked out
            dl->AddRect(ImVec2(c.x - r * 0.8f, c.y - r * 0.9f), ImVec2(c.x + r * 0.1f, c.y + r * 0.9f), col, 0, 0, th * 0.8f);
            dl->AddLine(ImVec2(c.x - r * 0.3f, c.y), ImVec2(c.x + r * 0.9f, c.y), col, th);
            dl->AddLine(ImVec2(c.x + r * 0.9f, c.y), ImVec2(c.x + r * 0.5f, c.y - r * 0.4f), col, th);
            dl->AddLine(ImVec2(c.x + r * 0.9f, c.y), ImVec2(c.x + r * 0.5f, c.y + r * 0.4f), col, th);
            break;
        case Icon::play:
            dl->AddTriangleFilled(ImVec2(c.x - r * 0.45f, c.y - r * 0.65f), ImVec2(c.x + r * 0.65f, c.y),
                                  ImVec2(c.x - r * 0.45f, c.y + r * 0.65f), col);
            break;
    }
}

void drawCard(ImVec2 min, ImVec2 max, Rgb fill, Rgb border) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = theme().Em(0.6f);
    dl->AddRectFilled(min, max, fill.abgr(), rounding);
    dl->AddRect(min, max, border.abgr(), rounding, 0, std::max(1.0f, theme().Em(0.05f)));
}

void drawProgress(ImVec2 min, ImVec2 max, float fraction, Rgb fill, Rgb track) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = max.y - min.y;
    dl->AddRectFilled(min, max, track.abgr(), h * 0.5f);
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    if (fraction > 0.0f)
        dl->AddRectFilled(min, ImVec2(min.x + std::max(h, (max.x - min.x) * fraction), max.y), fill.abgr(), h * 0.5f);
}

}  // namespace kiosk::ui
