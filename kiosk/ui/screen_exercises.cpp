// screen_exercises.cpp: choose an exercise to run: today's first (in agenda order), then all.
#include <algorithm>

#include "layout.h"
#include "screens.h"
#include "widgets.h"

namespace kiosk::ui {

namespace {

std::string minutesText(const Texts& tx, const Exercise& e) {
    return tx.format("exercise.minutes", {{"n", std::to_string((e.totalSeconds() + 59) / 60)}}) + " \xC2\xB7 " +
           tx(std::string("exercise.form.") + groupFormKey(e.groupForm));
}

}  // namespace

Intent drawExercisesScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    if (drawScreenHeader(v, tx("exercises.title"), tx("exercises.subtitle"))) intent = Intent::go(Screen::agenda);

    // Today's exercises in agenda order, then the rest in file order.
    std::vector<const Exercise*> today, others;
    if (v.shownDay)
        for (const auto& item : v.shownDay->agenda)
            if (const Exercise* e = v.programme->exercise(item.exerciseId);
                e && std::find(today.begin(), today.end(), e) == today.end())
                today.push_back(e);
    for (const auto& e : v.programme->exercises)
        if (std::find(today.begin(), today.end(), &e) == today.end()) others.push_back(&e);

    const ImVec2 origin = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const float margin = t.Em(1.5f);
    ImVec2 min(origin.x + margin, origin.y + t.Em(5.0f));
    const float gap = t.Em(0.6f);
    // A run that was stopped: resume it where it stopped, first of all.
    if (v.player && v.player->state() == ExercisePlayer::State::stopped) {
        const std::string label = tx.format("exercises.resume", {{"title", v.player->exercise().title},
                                                                 {"n", std::to_string(v.player->stepIndex() + 1)}});
        ImGui::SetCursorScreenPos(min);
        if (touchButton({"exercises.resume", label, ImVec2(size.x - 2 * margin, t.Em(3.4f)), ButtonStyle::primary, {}, Icon::play,
                         nullptr, true, 2}))
            intent = Intent::player(PlayerCommand::resume);
        min.y += t.Em(3.4f) + gap;
    }
    const ImVec2 listSize(size.x - 2 * margin, origin.y + size.y - margin * 0.6f - min.y);
    // Two columns in landscape, one in portrait (titles get the whole width to wrap in).
    const int cols = layout().portrait ? 1 : 2;
    const float colW = (listSize.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float rowH = t.Em(3.2f);

    const TouchList scroller = beginTouchList("exercise-list", min, listSize, rowH + gap, 0, s);
    const ImVec2 base = scroller.base;
    float y = base.y;
    auto section = [&](const std::string& label, const std::vector<const Exercise*>& list) {
        if (list.empty()) return;
        drawText(t.fonts.small, ImVec2(base.x, y), t.palette.muted, label);
        y += t.fonts.small->FontSize + t.Em(0.3f);
        for (size_t i = 0; i < list.size(); ++i) {
            const Exercise& e = *list[i];
            const size_t col = i % static_cast<size_t>(cols);
            ImGui::SetCursorScreenPos(ImVec2(base.x + static_cast<float>(col) * (colW + gap), y));
            const std::string id = "exercise." + e.id;
            if (touchButton({id.c_str(), e.title, ImVec2(colW, rowH), ButtonStyle::secondary, minutesText(tx, e), Icon::play, nullptr,
                             true, 2}))
                intent = Intent::startExercise(e.id);
            if (col + 1 == static_cast<size_t>(cols) || i + 1 == list.size()) y += rowH + gap;
        }
        y += t.Em(0.6f);
    };
    section(v.shownDay ? tx.format("exercises.today", {{"n", std::to_string(v.shownDay->number)}}) : std::string{}, today);
    section(tx("exercises.all"), others);
    if (endTouchList(scroller, y - base.y, s)) intent = {};  // a drag chooses nothing
    return intent;
}

}  // namespace kiosk::ui
