#include "narrator.h"

#include "core/spoken_text.h"
#include "ui/explore.h"
#include "ui/screens.h"

namespace kiosk {

void Narrator::setSpeech(bool on) {
    if (s_.ui.speech == on) return;
    s_.ui.speech = on;
    announced_ = false;
    if (!on) speech_.say(s_.texts("speech.off"), s_.texts.lang());
}

std::string Narrator::screenWords(const ui::KioskView& v) const {
    const Texts& tx = s_.texts;
    const Lang lang = tx.lang();
    using S = ui::Screen;
    switch (s_.ui.screen) {
        case S::home:
            return tx.format("speech.screen.home", {{"programme", speakable(v.programme->title, lang)},
                                                    {"time", spokenTime(v.local.timeOfDay(), lang)}});
        case S::checkin:
            return tx.format(s_.ui.mode == ui::CheckMode::check_out ? "speech.screen.checkin_out" : "speech.screen.checkin_in",
                             {{"n", std::to_string(v.expected.size())}});
        case S::walkin: return tx("speech.screen.walkin");
        case S::agenda: return tx("speech.screen.agenda");
        case S::exercises: return tx("speech.screen.exercises");
        case S::exercise: return tx("speech.screen.exercise");
        case S::shift: return tx("speech.screen.shift");
        case S::room: return tx("speech.screen.room");
        case S::staff_pin: return tx("speech.screen.staff_pin");
        case S::out_of_order: return tx("speech.screen.out_of_order");
        case S::staff_today:
        case S::staff_correct:
        case S::staff_matrix:
        case S::staff_history:
        case S::staff_health: return tx("speech.screen.staff");
    }
    return {};
}

std::string Narrator::cardWords() const {
    const ui::Feedback& f = s_.ui.feedback;
    const Lang lang = s_.texts.lang();
    const auto w = ui::feedbackWords(s_.texts, f, spokenTime(toLocal(f.at).timeOfDay(), lang), speakable(f.name, lang),
                                     spokenCode(f.code));
    // "Welkom, Anna!" ends its own sentence; a title without a full stop gets one before the line.
    const bool ended = !w.title.empty() && (w.title.back() == '!' || w.title.back() == '?' || w.title.back() == '.');
    return speakable(w.title + (ended ? " " : ". ") + w.line, lang);
}

void Narrator::afterFrame(const ui::KioskView& v, bool pressed) {
    const ui::UiState& ui = s_.ui;
    const ui::Feedback& f = ui.feedback;
    const bool newCard = f.kind != cardKind_ || f.shownAt != cardShownAt_;
    cardKind_ = f.kind;
    cardShownAt_ = f.shownAt;
    const bool newScreen = ui.screen != screen_;
    screen_ = ui.screen;
    const bool pinWrong = ui.pinWrong && !pinWrong_, codeWrong = ui.codeWrong && !codeWrong_;
    pinWrong_ = ui.pinWrong;
    const bool askedBefore = askedMoreTime_;
    askedMoreTime_ = ui.moreTimeSecondsLeft > 0;
    codeWrong_ = ui.codeWrong;
    if (!ui.speech) return;
    if (pressed) speech_.stop();
    const Lang lang = s_.texts.lang();
    std::string words;
    auto add = [&](const std::string& w) {
        if (w.empty()) return;
        words += (words.empty() ? "" : " ") + w;
    };
    if (!announced_) add(s_.texts("speech.on"));
    if (!announced_ || newScreen) add(screenWords(v));
    announced_ = true;
    if (newCard && f.kind != ui::Feedback::Kind::none && f.kind != ui::Feedback::Kind::pending) add(cardWords());
    if (pinWrong || codeWrong) add(s_.texts("speech.pin_wrong"));
    if (ui.moreTimeSecondsLeft > 0 && !askedBefore)
        add(s_.texts.format("speech.more_time", {{"s", std::to_string(ui.moreTimeSecondsLeft)}}));
    const auto& said = ui::explore().said;
    if (!said.empty()) add(said.back().secret ? s_.texts("speech.key") : speakable(said.back().text, lang));
    if (!words.empty()) speech_.say(words, lang);
}

}  // namespace kiosk
