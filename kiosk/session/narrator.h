// narrator.h: what the accessible mode says, and when (issue 32). A room of the session: after each
// frame it reads the UI state and the view, and hands words to the speech output (speech.h).
//   1. Speech turned on says so, how to swipe and double tap, and what the screen is; turned off
//      says so once.
//   2. In speech mode a new screen says what it is (speech.screen.*) once it has been drawn, built
//      from the data and the screen's own layout: the programme's title, the time as people say it,
//      how many names are on the list, and how many swipes reach the control that matters
//      (ui::placeOf: Inchecken on the home screen, the first name on the list, the walk-in
//      keyboard's first key), counted in the order drawn: right from the start, or left from the
//      end where fewer ("het laatste op het scherm"). No place words ("linksonder"): they tell
//      someone who cannot see nothing (the second trial by ear). The list says how to jump by letter.
//   3. A new card (a welcome, a goodbye, an unknown badge, an error) is said in full from the card
//      itself (ui::feedbackWords) with the name made speakable and the time as people say it; the
//      pending card is not said (its answer follows within moments). A badge scan is answered this
//      way too: scanning needs no sight, its answer should not either. A card with "Ongedaan maken"
//      says how many swipes reach it.
//   4. "Meer tijd nodig?" is said when it appears, with the seconds left to answer.
//   5. A control touched once says what it is (ui/explore.h); a key of a secret code says "toets",
//      never its digit; a wrong code is said as such, without digits.
//   6. A touch silences what is being said before anything new is said; everything one frame asks
//      is said as one utterance, in the order above.
//   7. Home resets UiState, speech included: the next person finds the kiosk silent.
//   8. A tap on nothing (ui/explore.h rule 6) is never silent: "Hier staat niets. Veeg naar rechts
//      of links..." at most once every kNothingHintMs, "Niets." for the taps between (a whole
//      sentence at every miss would be in the way of someone feeling for the edge of a control).
//      Said once the double-tap window has passed without a second tap (explore.h rule 6).
//   9. The focus moved past the last control back to the first (or the other way) says so first.
#pragma once

#include <string>

#include "session/session_state.h"
#include "session/speech.h"
#include "ui/kiosk_view.h"

namespace kiosk {

class Narrator {
public:
    Narrator(SessionState& s, Speech& speech) : s_(s), speech_(speech) {}

    // After the frame's intent was applied; `pressed`: a finger came down this frame.
    // `drawn`: the screen the frame drew (the intent may have changed it since).
    void afterFrame(const ui::KioskView& v, ui::Screen drawn, bool pressed);
    static constexpr int64_t kNothingHintMs = 10'000;
    // The accessible mode's speech switched (the home screen's control, a held finger).
    void setSpeech(bool on);
    // The screen is said again after the next frame, as if new (the list after an undo's card).
    void sayScreenAgain() { screenAgain_ = true; }
    // "Herhaal": the last utterance again.
    void repeat() { speech_.repeat(); }

private:
    std::string screenWords(const ui::KioskView& v, ui::Screen drawn) const;
    std::string findWords(const std::string& id, const std::string& label) const;
    std::string cardWords() const;
    std::string nothingWords(int64_t nowMs);

    SessionState& s_;
    Speech& speech_;
    bool announced_ = false;         // the current screen has been said
    bool screenAgain_ = false;       // sayScreenAgain() was asked (during this frame's intent)
    bool screenAgainDrawn_ = false;  // ... and the frame after it draws the screen to be said
    ui::Screen screen_ = ui::Screen::home;
    ui::Feedback::Kind cardKind_ = ui::Feedback::Kind::none;
    Instant cardShownAt_;
    bool pinWrong_ = false, codeWrong_ = false;
    bool askedMoreTime_ = false;     // "Meer tijd nodig?" is up (said once when it appears)
    int64_t nothingSaidMs_ = 0;      // when the whole "nothing here" hint was said last (rule 8)
};

}  // namespace kiosk
