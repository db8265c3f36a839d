// screen_room.cpp: the room display, the screen in the training room, read from 5 m on a 65-inch
// TV. Pinned: it never returns home by itself (navigation.h). It shows the day and the clock, the
// item in progress large (capitals at least 4 % of the screen, like an exercise step), the next
// items, running late, and the exercise being run on this kiosk (tap it for its controls).
// In room mode (`[kiosk] mode = "room"`) it is the kiosk's home; elsewhere the agenda opens it
// behind the facilitator code.
//
// ARRANGEMENT: landscape: header band; then "now" on the left (60 %) and the next items (or the
// running exercise) on the right; portrait: the same blocks stacked. One quiet button at the
// bottom right leaves it.
#include <algorithm>
#include <cstdlib>

#include "core/step_text_fit.h"
#include "exercise_parts.h"
#include "layout.h"
#include "screens.h"
#include "step_text.h"
#include "explore.h"
#include "widgets.h"

namespace kiosk::ui {
namespace {

bool exerciseActive(const KioskView& v) {
    return v.player && (v.player->state() == ExercisePlayer::State::running || v.player->state() == ExercisePlayer::State::paused);
}

// The items after the one in progress (or after now), at most `n`.
std::vector<const AgendaItem*> upNext(const ProgrammeDay& day, const NowNext& nn, TimeOfDay now, size_t n) {
    std::vector<const AgendaItem*> out;
    for (const auto& item : day.agenda)
        if (&item != nn.now && item.start >= now && out.size() < n) out.push_back(&item);
    return out;
}

// The item in progress: "Nu", its title at room size, then time, room and facilitator.
float drawNow(const KioskView& v, const NowNext& nn, ImVec2 min, float width, float height, float floorPx) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    float y = min.y;
    if (!nn.now) {
        const std::string words = tx(nothingOnKey(nothingOn(*v.today, v.local.timeOfDay(), nn)));
        const FittedText f = fitToBox(t.fonts.large, words, width, height, std::max(floorPx * 1.25f, t.fonts.large->FontSize), floorPx, 0);
        drawPage(t.fonts.large, f, 0, min, t.palette.ink);
        y += static_cast<float>(f.lines.size()) * f.lineHeight();
        if (nn.next) {
            const std::string at = tx("home.next") + " " + nn.next->start.hhmm() + "  " + nn.next->title;
            for (const auto& l : wrapAtSize(t.fonts.title, t.fonts.title->FontSize, at, width)) {
                drawText(t.fonts.title, ImVec2(min.x, y), t.palette.muted, l);
                y += t.fonts.title->FontSize * 1.15f;
            }
        }
        return y - min.y;
    }
    const AgendaItem& item = *nn.now;
    const std::string tag = tx("home.now");
    const ImVec2 ts = textSize(t.fonts.bodyBold, tag);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x, y), ImVec2(min.x + ts.x + t.Em(1.2f), y + ts.y + t.Em(0.4f)),
                                              t.palette.primary.abgr(), t.Em(0.3f));
    drawText(t.fonts.bodyBold, ImVec2(min.x + t.Em(0.6f), y + t.Em(0.2f)), t.palette.onPrimary, tag);
    y += ts.y + t.Em(0.8f);
    // Details under the title: time range, room, facilitator; each line whole.
    std::string details = item.start.hhmm() + "\xE2\x80\x93" + item.end.hhmm();
    if (!item.room.empty()) details += "  \xC2\xB7  " + item.room;
    if (!item.facilitator.empty()) details += "  \xC2\xB7  " + item.facilitator;
    const auto detailLines = wrapAtSize(t.fonts.title, t.fonts.title->FontSize, details, width);
    const float detailsH = static_cast<float>(detailLines.size()) * t.fonts.title->FontSize * 1.15f + t.Em(0.4f);
    const FittedText f = fitToBox(t.fonts.large, item.title, width, std::max(floorPx * 1.2f, min.y + height - y - detailsH),
                                  std::max(floorPx * 1.25f, t.fonts.large->FontSize), floorPx, 0);
    // A title longer than the room allows keeps its floor size and shows every line; nothing is cut.
    for (size_t i = 0; i < f.lines.size(); ++i)
        ImGui::GetWindowDrawList()->AddText(t.fonts.large, f.px, ImVec2(min.x, y + static_cast<float>(i) * f.lineHeight()),
                                            t.palette.ink.abgr(), f.lines[i].c_str());
    y += static_cast<float>(f.lines.size()) * f.lineHeight() + t.Em(0.4f);
    for (const auto& l : detailLines) {
        drawText(t.fonts.title, ImVec2(min.x, y), t.palette.muted, l);
        y += t.fonts.title->FontSize * 1.15f;
    }
    return y - min.y;
}

float drawUpNext(const KioskView& v, const std::vector<const AgendaItem*>& items, ImVec2 min, float width, float maxY) {
    const Theme& t = theme();
    if (items.empty()) return 0;
    float y = min.y;
    drawText(t.fonts.bodyBold, ImVec2(min.x, y), t.palette.muted, (*v.texts)("room.up_next"));
    y += t.em * 1.4f;
    ImFont* f = t.fonts.title;
    const float lh = f->FontSize * 1.12f;
    for (const AgendaItem* item : items) {
        const std::string time = item->start.hhmm();
        const float tw = textSize(f, "00:00").x + t.Em(1.0f);
        auto lines = wrapAtSize(f, f->FontSize, item->title, width - tw);
        if (y + lh * static_cast<float>(lines.size()) > maxY) break;  // only whole items
        drawText(f, ImVec2(min.x, y), t.palette.ink, time);
        for (const auto& l : lines) {
            drawText(f, ImVec2(min.x + tw, y), t.palette.ink, l);
            y += lh;
        }
        y += t.Em(0.6f);
    }
    return y - min.y;
}

// The exercise being run: title, step, ring; the whole panel opens the exercise's controls.
Intent drawExercisePanel(const KioskView& v, ImVec2 min, ImVec2 max) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    const ExercisePlayer& p = *v.player;
    drawCard(min, max, t.palette.surface, t.palette.line);
    const float pad = t.Em(0.8f), w = max.x - min.x - 2 * pad;
    float y = min.y + pad;
    const std::string head = tx("room.exercise") + " \xC2\xB7 " +
                             tx.format("exercise.step_of", {{"n", std::to_string(p.stepIndex() + 1)}, {"total", std::to_string(p.stepCount())}});
    drawText(t.fonts.bodyBold, ImVec2(min.x + pad, y), t.palette.muted, head);
    y += t.em * 1.3f;
    for (const auto& l : wrapAtSize(t.fonts.title, t.fonts.title->FontSize, p.exercise().title, w)) {
        drawText(t.fonts.title, ImVec2(min.x + pad, y), t.palette.ink, l);
        y += t.fonts.title->FontSize * 1.1f;
    }
    const float avail = max.y - pad - y - t.Em(2.4f);
    const float radius = std::max(t.Em(1.5f), std::min(w * 0.5f, avail * 0.5f) * 0.9f);
    drawCountdownRing(p, v.steady, tx, ImVec2((min.x + max.x) * 0.5f, y + t.Em(0.3f) + radius), radius);
    // The panel is the way to the exercise's controls (a tap target like any other).
    ImGui::SetCursorScreenPos(min);
    const bool tapped = exploreGate(ImGui::InvisibleButton("room.exercise", ImVec2(max.x - min.x, max.y - min.y))) ||
                        exploreActivation("room.exercise");
    frameTargets().push_back({"room.exercise", p.exercise().title, min, max});
    return tapped ? Intent::go(Screen::exercise) : Intent{};
}

}  // namespace

Intent drawRoomScreen(const KioskView& v, UiState& s) {
    const Theme& t = theme();
    const Texts& tx = *v.texts;
    Intent intent;
    const ImVec2 origin = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const bool portrait = layout().portrait;
    const float margin = t.Em(1.5f);
    const float left = origin.x + margin, right = origin.x + size.x - margin;
    const float floorPx = stepFloorPx(std::min(size.x, size.y));  // capitals 4 % of the (short side of the) screen

    // Header band: the day and its theme; the clock and the date on the right.
    const float top = origin.y + t.Em(0.9f);
    const std::string clock = v.local.timeOfDay().hhmm();
    const ImVec2 cs = textSize(t.fonts.display, clock);
    drawText(t.fonts.display, ImVec2(right - cs.x, top - t.Em(0.3f)), t.palette.ink, clock);
    std::string date = longDate(v.local.date, tx.lang());
    // Several groups (issue 30): the group this room follows, before the date.
    if (const Cohort* c = v.today && v.programme->cohorts.size() > 1 ? v.programme->cohort(v.today->cohortId) : nullptr)
        date = c->name + " \xC2\xB7 " + date;
    const float headW = right - left - cs.x - t.Em(1.5f);
    float y = top;
    std::string head = tx("agenda.title");
    if (v.today)
        head = tx.format("home.day_n", {{"n", std::to_string(v.today->number)}, {"total", std::to_string(v.programme->dayCount(v.today->cohortId))}}) +
               " \xC2\xB7 " + v.today->theme;
    for (const auto& l : wrapAtSize(t.fonts.title, t.fonts.title->FontSize, head, headW)) {
        drawText(t.fonts.title, ImVec2(left, y), t.palette.ink, l);
        y += t.fonts.title->FontSize * 1.1f;
    }
    for (const auto& l : wrapAtSize(t.fonts.body, t.fonts.body->FontSize, date, headW)) {
        drawText(t.fonts.body, ImVec2(left, y), t.palette.muted, l);
        y += t.em * 1.2f;
    }
    y = std::max(y, top + cs.y) + t.Em(0.6f);

    // Running late, where everyone looks: a band under the header.
    if (v.today && v.shift.active()) {
        const int m = v.shift.minutes;
        const std::string late = tx.format(m > 0 ? "agenda.shifted" : "agenda.ahead",
                                           {{"minutes", std::to_string(std::abs(m))}, {"from", v.shift.from.hhmm()}});
        const auto lines = wrapAtSize(t.fonts.title, t.fonts.title->FontSize, late, right - left - t.Em(3.0f));
        const float h = static_cast<float>(lines.size()) * t.fonts.title->FontSize * 1.1f + t.Em(0.8f);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(left - t.Em(0.5f), y), ImVec2(right + t.Em(0.5f), y + h), t.palette.warning.abgr(),
                                                  t.Em(0.4f));
        drawIcon(Icon::clock, ImVec2(left + t.Em(0.8f), y + h * 0.5f), t.Em(1.2f), t.palette.onPrimary);
        float ly = y + t.Em(0.4f);
        for (const auto& l : lines) {
            drawText(t.fonts.title, ImVec2(left + t.Em(2.0f), ly), t.palette.onPrimary, l);
            ly += t.fonts.title->FontSize * 1.1f;
        }
        y += h + t.Em(0.8f);
    }

    // The way out: one quiet button at the bottom right.
    const float bh = t.Em(3.0f);
    const std::string closeLabel = tx(s.roomPinned && v.settings->mode == KioskMode::room ? "agenda.title" : "room.close");
    const float bw = std::min(right - left, textSize(t.fonts.bodyBold, closeLabel).x + t.Em(3.4f));
    const float bottom = origin.y + size.y - t.Em(0.9f) - bh - t.Em(0.6f);

    if (!v.today) {
        drawPage(t.fonts.large, fitToBox(t.fonts.large, tx("home.no_programme_today"), right - left, bottom - y, t.fonts.large->FontSize,
                                         floorPx, 0),
                 0, ImVec2(left, y), t.palette.ink);
    } else {
        const ProgrammeDay& day = *v.today;
        const NowNext nn = nowAndNext(day, v.local.timeOfDay());
        const bool ex = exerciseActive(v);
        if (portrait) {
            y += drawNow(v, nn, ImVec2(left, y), right - left, (bottom - y) * 0.45f, floorPx) + t.Em(1.0f);
            if (ex) {
                const float h = std::min(bottom - y, t.Em(16.0f));
                intent = drawExercisePanel(v, ImVec2(left, y), ImVec2(right, y + h));
                y += h + t.Em(1.0f);
            }
            drawUpNext(v, upNext(day, nn, v.local.timeOfDay(), 8), ImVec2(left, y), right - left, bottom);
        } else {
            const float split = left + (right - left) * 0.6f;
            drawNow(v, nn, ImVec2(left, y), split - left - t.Em(1.5f), bottom - y, floorPx);
            if (ex) intent = drawExercisePanel(v, ImVec2(split, y), ImVec2(right, bottom));
            else drawUpNext(v, upNext(day, nn, v.local.timeOfDay(), 6), ImVec2(split, y), right - split, bottom);
        }
    }

    ImGui::SetCursorScreenPos(ImVec2(right - bw, origin.y + size.y - t.Em(0.9f) - bh));
    if (touchButton({"room.close", closeLabel, ImVec2(bw, bh), ButtonStyle::secondary, {}, Icon::calendar}))
        intent = Intent::closeRoomDisplay();
    return intent;
}

}  // namespace kiosk::ui
