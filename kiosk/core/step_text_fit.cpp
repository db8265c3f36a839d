#include "step_text_fit.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/utf8.h"

namespace kiosk {

// The exercise screen's arrangement, in em (ui/screen_exercise.cpp draws with the same numbers):
//   landscape: header band, chips, then the step text on the left and the ring on the right,
//              the next step's preview and one row of controls at the bottom;
//   portrait:  header band, chips, the ring centred, the step text at full width below it,
//              the preview and two rows of controls at the bottom.
StepTextBox stepTextBox(float width, float height, float em) {
    StepTextBox b;
    const float e = em, margin = 1.5f * e;
    b.portrait = height > width;
    const float contentTop = 6.4f * e;
    const float controlsTop = height - 0.9f * e - (b.portrait ? 6.9f * e : 3.2f * e);
    const float previewTop = controlsTop - 0.8f * e - 2.4f * e;
    if (b.portrait) {
        const float ring = std::min(width - 2 * margin, height * 0.22f);
        b.x = margin;
        b.y = contentTop + ring + 2.8f * e;
        b.width = width - 2 * margin;
    } else {
        const float ringW = std::min((width - 2 * margin) * 0.34f, controlsTop - 0.8f * e - contentTop);
        b.x = margin;
        b.y = contentTop;
        b.width = width - 2 * margin - ringW - 1.5f * e;
    }
    b.height = std::max(0.0f, previewTop - 0.6f * e - b.y);
    // The floor is taken on the short side: a portrait panel is read like a landscape one of
    // the same width, so its capitals are as big as on that landscape screen, not twice that.
    b.floorPx = stepFloorPx(std::min(width, height));
    b.normalPx = std::max(2.2f * e, b.floorPx);
    b.pagerHeight = 3.4f * e;  // a row of page buttons (3 em) and its gap
    return b;
}

namespace {

// Advance of one character in Inter Semibold, as a share of the pixel size ImGui loads it at.
float advance(unsigned char c) {
    if (c == ' ') return 0.23f;
    if (c >= 0x80) return 0.47f;  // accented letters: a typical lowercase letter
    if (std::strchr("iljtfr.,:;'!|()", c)) return 0.27f;
    if (std::strchr("mwMW", c)) return 0.72f;
    if (c >= 'A' && c <= 'Z') return 0.58f;
    if (c >= '0' && c <= '9') return 0.52f;
    return 0.47f;
}

}  // namespace

int estimateStepPages(std::string_view text, const StepTextBox& box) {
    const float px = box.floorPx;
    if (px <= 0 || box.width <= 0) return 1;
    const float lineH = px * kStepLineHeight;
    // Greedy word wrap with estimated widths.
    int lines = 0;
    float line = 0;
    size_t i = 0;
    while (i < text.size()) {
        size_t j = text.find(' ', i);
        if (j == std::string_view::npos) j = text.size();
        float w = 0;
        for (size_t k = i; k < j; ++k)
            if (!utf8IsContinuation(text[k])) w += advance(static_cast<unsigned char>(text[k])) * px;
        const float space = line > 0 ? advance(' ') * px : 0.0f;
        if (line > 0 && line + space + w > box.width) {
            ++lines;
            line = w;
        } else {
            line += space + w;
        }
        i = j + 1;
    }
    if (line > 0) ++lines;
    if (static_cast<float>(lines) * lineH <= box.height) return 1;
    const int perPage = std::max(1, static_cast<int>((box.height - box.pagerHeight) / lineH));
    return (lines + perPage - 1) / perPage;
}

}  // namespace kiosk
