#include "keyboard.h"

#include <algorithm>
#include <vector>

#include "explore.h"
#include "widgets.h"
#include "core/utf8.h"

namespace kiosk::ui {

float keyHeight(const KeyboardSpec& spec) {
    const Theme& t = theme();
    const float gap = t.Em(0.3f);
    const int rowCount = (spec.withAccents ? 4 : 3) + 1;  // + space / backspace / clear
    const float keyW = (spec.max.x - spec.min.x - gap * 9) / 10.0f;
    // Keys no taller than they are wide, plus a little (a tall portrait area does not make towers).
    return std::min((spec.max.y - spec.min.y - gap * static_cast<float>(rowCount - 1)) / static_cast<float>(rowCount),
                    std::max(keyW * spec.keyAspect, t.Em(2.4f)));
}

float keyboardHeight(const KeyboardSpec& spec) {
    const int rowCount = (spec.withAccents ? 4 : 3) + 1;
    return keyHeight(spec) * static_cast<float>(rowCount) + theme().Em(0.3f) * static_cast<float>(rowCount - 1);
}

bool drawKeyboard(const KeyboardSpec& spec, std::string& text) {
    const Theme& t = theme();
    std::vector<std::vector<std::string>> rows = {
        {"Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"},
        {"A", "S", "D", "F", "G", "H", "J", "K", "L"},
        {"Z", "X", "C", "V", "B", "N", "M"},
    };
    if (spec.withAccents) rows.push_back({"\xC3\xA9", "\xC3\xAB", "\xC3\xAF", "\xC3\xB6", "\xC3\xBC", "\xC3\xA7", "-", "'", "."});
    const float gap = t.Em(0.3f);
    const float keyW = (spec.max.x - spec.min.x - gap * 9) / 10.0f;
    const float keyH = keyHeight(spec);
    // The letter as large as the key holds (larger text makes the title font taller than a short key).
    ImFont* keyFont = t.fonts.title->FontSize <= keyH * 0.8f ? t.fonts.title : t.fonts.bodyBold;
    bool changed = false;
    float y = spec.min.y;
    // Letters appear as capitals on the keys; a name starts with a capital, then lower case.
    auto typed = [&](const std::string& key) {
        if (text.size() + key.size() > spec.maxBytes) return;
        const bool startOfWord = text.empty() || text.back() == ' ' || text.back() == '-' || text.back() == '.';
        std::string k = key;
        if (k.size() == 1 && k[0] >= 'A' && k[0] <= 'Z' && !startOfWord) k[0] = static_cast<char>(k[0] + 32);
        text += k;
        changed = true;
    };
    for (const auto& row : rows) {
        const float rowW = static_cast<float>(row.size()) * keyW + static_cast<float>(row.size() - 1) * gap;
        float x = spec.min.x + (spec.max.x - spec.min.x - rowW) * 0.5f;
        for (const auto& key : row) {
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            const std::string id = std::string(spec.id) + ".key." + key;
            if (touchButton({id.c_str(), key, ImVec2(keyW, keyH), ButtonStyle::secondary, {}, Icon::none, keyFont}))
                typed(key);
            x += keyW + gap;
        }
        y += keyH + gap;
    }
    // Bottom row: clear, space, backspace.
    const float wideW = keyW * 2.5f + gap * 1.5f;
    const float spaceW = spec.max.x - spec.min.x - 2 * wideW - 2 * gap;
    ImGui::SetCursorScreenPos(ImVec2(spec.min.x, y));
    const std::string clearId = std::string(spec.id) + ".key.clear";
    if (touchButton({clearId.c_str(), spec.clearLabel, ImVec2(wideW, keyH), ButtonStyle::secondary, {}, Icon::cross}) && !text.empty()) {
        text.clear();
        changed = true;
    }
    ImGui::SetCursorScreenPos(ImVec2(spec.min.x + wideW + gap, y));
    const std::string spaceId = std::string(spec.id) + ".key.space";
    if (touchButton({spaceId.c_str(), spec.spaceLabel, ImVec2(spaceW, keyH), ButtonStyle::secondary, {}, Icon::none, t.fonts.body}) &&
        !text.empty() && text.back() != ' ')
        typed(" ");
    ImGui::SetCursorScreenPos(ImVec2(spec.max.x - wideW, y));
    const std::string backId = std::string(spec.id) + ".key.backspace";
    if (touchButton({backId.c_str(), "", ImVec2(wideW, keyH), ButtonStyle::secondary, {}, Icon::backspace}) && !text.empty()) {
        utf8PopBack(text);
        changed = true;
    }
    return changed;
}

bool drawTextField(const char* id, const std::string& label, const std::string& text, const std::string& placeholder,
                   ImVec2 min, ImVec2 max, bool active) {
    const Theme& t = theme();
    drawText(t.fonts.small, min, t.palette.muted, label);
    const ImVec2 boxMin(min.x, min.y + t.fonts.small->FontSize + t.Em(0.2f));
    ImGui::SetCursorScreenPos(boxMin);
    ImGui::PushID(id);
    const bool tapped = exploreGate(ImGui::InvisibleButton("##field", ImVec2(max.x - boxMin.x, max.y - boxMin.y))) || exploreActivation(id);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(boxMin, max, t.palette.surface.abgr(), t.Em(0.35f));
    dl->AddRect(boxMin, max, (active ? t.palette.primary : t.palette.boundary).abgr(), t.Em(0.35f), 0,
                active ? t.Em(0.12f) : std::max(2.0f, t.Em(0.07f)));
    const float ty = boxMin.y + (max.y - boxMin.y - t.fonts.title->FontSize) * 0.5f;
    const float tx = boxMin.x + t.Em(0.6f);
    const float w = max.x - tx - t.Em(0.8f);
    if (text.empty()) {
        const float py = boxMin.y + (max.y - boxMin.y - t.fonts.body->FontSize) * 0.5f;
        drawText(t.fonts.body, ImVec2(tx, py), t.palette.muted, fitText(t.fonts.body, placeholder, w));
    } else {
        // Show the end of a long text: that is where typing happens.
        std::string shown = text;
        while (textSize(t.fonts.title, shown).x > w && !shown.empty()) {
            shown.erase(0, utf8BoundaryAfter(shown, 0));  // drop one whole UTF-8 character from the front
        }
        drawText(t.fonts.title, ImVec2(tx, ty), t.palette.ink, shown);
        if (active) {
            const float cx = tx + textSize(t.fonts.title, shown).x + t.Em(0.1f);
            dl->AddRectFilled(ImVec2(cx, ty), ImVec2(cx + t.Em(0.12f), ty + t.fonts.title->FontSize), t.palette.primary.abgr());
        }
    }
    frameTargets().push_back({id, label, boxMin, max, ImVec2(max.x - boxMin.x, max.y - boxMin.y), false});
    return tapped;
}

bool drawKeypad(std::string& entry, ImVec2 min, ImVec2 max, const std::string& okLabel, bool enabled, size_t maxDigits) {
    const Theme& t = theme();
    const float cx = (min.x + max.x) * 0.5f;
    const float gap = t.Em(0.4f);
    const float key = std::min((max.y - min.y - 3 * gap) / 4.0f, t.Em(3.4f));
    const float keyW = key * 1.4f;
    const float gridW = keyW * 3 + 2 * gap;
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "ok"};
    bool ok = false;
    for (int i = 0; i < 12; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(cx - gridW * 0.5f + static_cast<float>(i % 3) * (keyW + gap),
                                         min.y + static_cast<float>(i / 3) * (key + gap)));
        const std::string id = std::string("keypad.") + keys[i];
        const std::string k = keys[i];
        if (k == "back") {
            if (touchButton({id.c_str(), "", ImVec2(keyW, key), ButtonStyle::secondary, {}, Icon::backspace, nullptr, enabled}) &&
                !entry.empty())
                entry.pop_back();
        } else if (k == "ok") {
            ok = touchButton({id.c_str(), okLabel, ImVec2(keyW, key), ButtonStyle::primary, {}, Icon::check, t.fonts.title,
                              enabled && !entry.empty()});
        } else {
            ButtonSpec digit{id.c_str(), k, ImVec2(keyW, key), ButtonStyle::secondary, {}, Icon::none, t.fonts.title, enabled};
            digit.secret = true;  // a code's digits are never spoken (explore.h)
            if (touchButton(digit) && entry.size() < maxDigits) entry += k;
        }
    }
    return ok;
}

float drawCodeDots(size_t count, float centreX, float y) {
    const Theme& t = theme();
    const float dot = t.Em(0.45f);
    const float dotsW = static_cast<float>(std::max<size_t>(count, 1)) * dot * 3.0f;
    for (size_t i = 0; i < count; ++i)
        ImGui::GetWindowDrawList()->AddCircleFilled(
            ImVec2(centreX - dotsW * 0.5f + dot * 1.5f + static_cast<float>(i) * dot * 3.0f, y + dot), dot, t.palette.ink.abgr());
    return dot * 2.0f;
}

}  // namespace kiosk::ui
