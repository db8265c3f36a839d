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

namespace {

// How to reach a target from no focus (rule 2), from the order drawn (ui::placeOf): "veeg twee keer
// naar rechts", or, where fewer, swipes left ("het laatste op het scherm: veeg één keer naar links":
// a swipe left without a focus lands on the last, explore.h rule 3). `key` + ".right", ".left" or
// ".last", with {label} and {times}. Empty when it is not on the screen drawn.
std::string reachWords(const Texts& tx, const std::string& key, const std::string& id, const std::string& label) {
    const ui::Place p = ui::placeOf(id);
    if (p.index == 0) return {};
    const int left = p.count - p.index + 1;
    if (left < p.index) {
        const char* how = left == 1 ? ".last" : ".left";
        return tx.format(key + how, {{"label", label}, {"times", spokenTimes(left, tx.lang())}});
    }
    return tx.format(key + ".right", {{"label", label}, {"times", spokenTimes(p.index, tx.lang())}});
}

}  // namespace

// Where a control is and how to reach it (rule 2): "Inchecken: veeg één keer naar rechts."
std::string Narrator::findWords(const std::string& id, const std::string& label) const {
    return reachWords(s_.texts, "speech.find", id, label);
}

std::string Narrator::screenWords(const ui::KioskView& v, ui::Screen drawn) const {
    const Texts& tx = s_.texts;
    const Lang lang = tx.lang();
    using S = ui::Screen;
    switch (drawn) {
        case S::home: {  // short: said with the introduction, which is what someone waits through first
            const std::string find = findWords("go.checkin", tx("home.checkin_button"));
            return tx("speech.screen.home") + (find.empty() ? "" : " " + find);
        }
        case S::checkin: {
            const bool out = s_.ui.mode == ui::CheckMode::check_out;
            std::string w = tx.format(out ? "speech.screen.checkin_out" : "speech.screen.checkin_in", {{"n", std::to_string(v.expected.size())}});
            if (const ui::Place p = ui::placeOf("tile."); p.index > 0)
                w += " " + tx.format("speech.first_name", {{"times", spokenTimes(p.index, lang)}});
            return w;
        }
        case S::walkin: {
            std::string w = tx("speech.screen.walkin");
            if (const ui::Place p = ui::placeOf("walkin.key."); p.index > 0)
                w += " " + tx.format("speech.first_key", {{"times", spokenTimes(p.index, lang)}});
            return w;
        }
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
    std::string words = speakable(w.title + (ended ? " " : ". ") + w.line, lang);
    // A welcome or a goodbye that can be undone says how (rule 3): where the button is on this card.
    if (const std::string undo = reachWords(s_.texts, "speech.undo_hint", "feedback.undo", s_.texts("checkin.undo")); !undo.empty())
        words += " " + undo;
    return words;
}

// A tap on nothing (rule 8): the whole hint at most every kNothingHintMs, a short word between.
std::string Narrator::nothingWords(int64_t nowMs) {
    const bool whole = nothingSaidMs_ == 0 || nowMs - nothingSaidMs_ >= kNothingHintMs || nowMs < nothingSaidMs_;
    if (whole) nothingSaidMs_ = nowMs;
    return s_.texts(whole ? "speech.nothing" : "speech.nothing_short");
}

void Narrator::afterFrame(const ui::KioskView& v, ui::Screen drawn, bool pressed) {
    const ui::UiState& ui = s_.ui;
    const ui::Feedback& f = ui.feedback;
    const bool newCard = f.kind != cardKind_ || f.shownAt != cardShownAt_;
    cardKind_ = f.kind;
    cardShownAt_ = f.shownAt;
    // Said once the new screen has been drawn (its controls, their order and places, are known then).
    const bool newScreen = drawn != screen_ || screenAgainDrawn_;
    screenAgainDrawn_ = screenAgain_;  // asked by this frame's intent: said after the next frame drew it
    screenAgain_ = false;
    screen_ = drawn;
    const bool pinWrong = ui.pinWrong && !pinWrong_, codeWrong = ui.codeWrong && !codeWrong_;
    pinWrong_ = ui.pinWrong;
    const bool askedBefore = askedMoreTime_;
    askedMoreTime_ = ui.moreTimeSecondsLeft > 0;
    codeWrong_ = ui.codeWrong;
    const ui::Explore::Words focus = ui::takeExploreWords();
    if (!ui.speech) return;
    if (pressed) speech_.stop();
    const Lang lang = s_.texts.lang();
    std::string words;
    auto add = [&](const std::string& w) {
        if (w.empty()) return;
        words += (words.empty() ? "" : " ") + w;
    };
    if (!announced_) add(s_.texts("speech.on"));
    if (!announced_ || newScreen) add(screenWords(v, drawn));
    announced_ = true;
    if (newCard && f.kind != ui::Feedback::Kind::none && f.kind != ui::Feedback::Kind::pending) add(cardWords());
    if (pinWrong || codeWrong) add(s_.texts("speech.pin_wrong"));
    if (ui.moreTimeSecondsLeft > 0 && !askedBefore)
        add(s_.texts.format("speech.more_time", {{"s", std::to_string(ui.moreTimeSecondsLeft)}}));
    if (focus.nothing) add(nothingWords(v.now.ms));
    if (!focus.said.empty()) {
        if (focus.wrapped != 0) add(s_.texts(focus.wrapped > 0 ? "speech.wrap_first" : "speech.wrap_last"));
        add(focus.said.back().secret ? s_.texts("speech.key") : speakable(focus.said.back().text, lang));
    }
    if (!words.empty()) speech_.say(words, lang);
}

}  // namespace kiosk
