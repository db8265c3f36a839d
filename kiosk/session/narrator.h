// narrator.h: what the accessible mode says, and when (issue 32). A room of the session: after each
// frame it reads the UI state and the view, and hands words to the speech output (speech.h).
//   1. Speech turned on says so, how touch works, and what the screen is; turned off says so once.
//   2. In speech mode a new screen says what it is (speech.screen.*), built from the data: the
//      programme's title, the time as people say it, how many names are on the list.
//   3. A new card (a welcome, a goodbye, an unknown badge, an error) is said in full from the card
//      itself (ui::feedbackWords) with the name made speakable and the time as people say it; the
//      pending card is not said (its answer follows within moments). A badge scan is answered this
//      way too: scanning needs no sight, its answer should not either.
//   4. "Meer tijd nodig?" is said when it appears, with the seconds left to answer.
//   5. A control touched once says what it is (ui/explore.h); a key of a secret code says "toets",
//      never its digit; a wrong code is said as such, without digits.
//   6. A touch silences what is being said before anything new is said; everything one frame asks
//      is said as one utterance, in the order above.
//   7. Home resets UiState, speech included: the next person finds the kiosk silent.
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
    void afterFrame(const ui::KioskView& v, bool pressed);
    // The accessible mode's speech switched (the home screen's control, a held finger).
    void setSpeech(bool on);
    // "Herhaal": the last utterance again.
    void repeat() { speech_.repeat(); }

private:
    std::string screenWords(const ui::KioskView& v) const;
    std::string cardWords() const;

    SessionState& s_;
    Speech& speech_;
    bool announced_ = false;         // the current screen has been said
    ui::Screen screen_ = ui::Screen::home;
    ui::Feedback::Kind cardKind_ = ui::Feedback::Kind::none;
    Instant cardShownAt_;
    bool pinWrong_ = false, codeWrong_ = false;
    bool askedMoreTime_ = false;     // "Meer tijd nodig?" is up (said once when it appears)
};

}  // namespace kiosk
