// drawn_colours.h: the colours a frame actually drew, read back from ImGui's draw lists after
// Render() (no GL): the solid shapes in paint order, and every glyph with the colour it was drawn in.
// colourAt() composes the solid shapes under a point as the GPU would (alpha blending over the
// palette's background, the colour the window clears each frame to: app/window_app.cpp; the root
// window draws no background of its own),
// inside each shape's clip rectangle. Anti-aliasing fringes (vertices of unequal alpha) are left
// out: they are the shape's own edge, not another colour. Textured lines are switched off while
// reading (style.AntiAliasedLinesUseTex), so that every non-glyph shape is geometry.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "ui/theme.h"

namespace kiosk::test {

class DrawnColours {
public:
    struct Glyph {
        ImVec2 centre;
        ui::Rgb colour;   // as drawn, alpha composed over what is under it
        ui::Rgb under;    // the solid colour under the glyph
        size_t order;     // paint order
        const ImDrawList* list = nullptr;  // the draw list it is in (the foreground list: drawn over everything)
    };

    // Reads the draw data of the last ImGui::Render().
    DrawnColours() {
        const ImDrawData* dd = ImGui::GetDrawData();
        const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
        size_t order = 0;
        for (int l = 0; dd && l < dd->CmdListsCount; ++l) {
            const ImDrawList* list = dd->CmdLists[l];
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                if (cmd.UserCallback) continue;
                for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                    const ImDrawVert* v[3];
                    for (int k = 0; k < 3; ++k) v[k] = &list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i) + k])];
                    Tri t{{v[0]->pos, v[1]->pos, v[2]->pos}, v[0]->col, cmd.ClipRect, order++};
                    const bool solid = std::all_of(v, v + 3, [&](const ImDrawVert* x) { return x->uv.x == white.x && x->uv.y == white.y; });
                    if (solid) {
                        if (v[1]->col == t.col && v[2]->col == t.col && (t.col >> 24) > 0) solids_.push_back(t);
                    } else {  // half a glyph's quad: its centroid is inside the glyph
                        const ImVec2 c((v[0]->pos.x + v[1]->pos.x + v[2]->pos.x) / 3, (v[0]->pos.y + v[1]->pos.y + v[2]->pos.y) / 3);
                        if (!inClip(t.clip, c)) continue;
                        const ui::Rgb under = compose(c, t.order);
                        glyphs.push_back({c, blend(under, t.col), under, t.order, list});
                    }
                }
            }
        }
    }

    // The colour at `p` after everything was drawn (or only what was drawn before `order`).
    ui::Rgb colourAt(ImVec2 p, size_t order = static_cast<size_t>(-1)) const { return compose(p, order); }

    std::vector<Glyph> glyphs;

private:
    struct Tri {
        ImVec2 p[3];
        ImU32 col;
        ImVec4 clip;
        size_t order;
    };
    static bool inClip(const ImVec4& c, ImVec2 p) { return p.x >= c.x && p.y >= c.y && p.x < c.z && p.y < c.w; }
    static bool inside(const Tri& t, ImVec2 p) {
        auto side = [&](ImVec2 a, ImVec2 b) { return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x); };
        const float d0 = side(t.p[0], t.p[1]), d1 = side(t.p[1], t.p[2]), d2 = side(t.p[2], t.p[0]);
        return (d0 >= 0 && d1 >= 0 && d2 >= 0) || (d0 <= 0 && d1 <= 0 && d2 <= 0);
    }
    static ui::Rgb blend(ui::Rgb under, ImU32 col) {
        const float a = static_cast<float>((col >> 24) & 0xFF) / 255.0f;
        auto mix = [&](unsigned char u, unsigned c) { return static_cast<unsigned char>(static_cast<float>(c) * a + static_cast<float>(u) * (1 - a) + 0.5f); };
        return {mix(under.r, col & 0xFF), mix(under.g, (col >> 8) & 0xFF), mix(under.b, (col >> 16) & 0xFF)};
    }
    ui::Rgb compose(ImVec2 p, size_t before) const {
        ui::Rgb c = ui::theme().palette.background;  // glClear's colour (app/window_app.cpp)
        for (const Tri& t : solids_) {
            if (t.order >= before) break;
            const float minX = std::min({t.p[0].x, t.p[1].x, t.p[2].x}), maxX = std::max({t.p[0].x, t.p[1].x, t.p[2].x});
            const float minY = std::min({t.p[0].y, t.p[1].y, t.p[2].y}), maxY = std::max({t.p[0].y, t.p[1].y, t.p[2].y});
            if (p.x < minX || p.x > maxX || p.y < minY || p.y > maxY || !inClip(t.clip, p) || !inside(t, p)) continue;
            c = blend(c, t.col);
        }
        return c;
    }
    std::vector<Tri> solids_;
};

}  // namespace kiosk::test
