// navigation.h: which screen is up and when it changes without being asked.
//
// Rules, in one place:
//   - Every screen returns home after `return_home_seconds` untouched, except a running exercise
//     (the facilitator is in the room), staff mode (it has its own auto-lock, staff_desk.h), the
//     pinned room display and a card whose write is still pending. Before it does, "Meer tijd
//     nodig?" is asked for kMoreTimeSeconds (20 s); one tap anywhere keeps the screen as it is
//     (a half-typed name included) and the wait starts again (WCAG 2.2.1). In the accessible mode
//     (speech on) every wait, the cards' included, is kAccessibleFactor (3) times longer.
//   - Room mode (`[kiosk] mode = "room"`): home is the room display, pinned; the public check-in
//     (home, checkin, walk-in) is not on show. Elsewhere the room display opens behind the
//     facilitator code (the shift screen's keypad, then the room display). A card closes by itself: the welcome after the undo
//     window, any other after 6 s.
//   - Home resets every screen's state (UiState) and the language to the default.
//   - Outside programme hours (from an hour after the day ends to an hour before the next
//     begins, or a day without programme), home dims after a minute untouched; the touch that
//     wakes it activates nothing.
//   - msUntilNextChange() says when something visible changes by itself, so that the frame loop
//     can sleep until then (frame_pacer.h).
//   - Every "untouched for so long" and "up for so long" is measured on the steady clock
//     (core/clock.h): a time sync that steps the wall clock neither sends a screen home at once nor
//     keeps it up for an hour. The wall clock only says whether it is programme hours.
#pragma once

#include <cstdint>

#include "session/session_state.h"
#include "core/exercise_player.h"
#include "ui/intent.h"

namespace kiosk {

class Navigation {
public:
    explicit Navigation(SessionState& s);

    // A person touched the screen or pressed a key.
    // A touch: the inactivity clock starts again, and a touch on a card while its undo window is
    // open moves that window's start (issue 32, 3); one after it closed does not open it again.
    void noteInput();
    SteadyTime lastInput() const { return lastInput_; }
    int64_t msSinceInput() const { return msBetween(lastInput_, s_.clock.steady()); }
    // Once a frame: a card that has just appeared starts its own steady count.
    void observeCard();

    // Back home: every screen's state reset, the default language. (Staff mode is locked by the
    // session before: home is public.)
    void home();
    // Opens a screen as asked (never home: that is the session's goHome, which locks staff mode
    // first). A staff page while locked opens the PIN pad instead.
    void go(const ui::intent::Go& g, bool staffUnlocked);
    // The facilitator code was right: open what it was asked for (the room display, pinned).
    void codeAccepted();
    bool roomMode() const { return s_.config.settings.mode == KioskMode::room; }

    // Whether the home screen may dim now (see the rules above).
    bool dimmed(Instant now) const;
    bool programmeHours(Instant at) const;  // a group meets (nearly) then: the screen stays bright
    bool sleeping() const { return sleeping_; }
    // Falls asleep on the dimmed home screen; wakes on `touched` (the touch itself activates nothing).
    void updateSleep(Instant now, bool touched);

    // What keeps a screen from going home by itself this frame.
    struct Holds {
        bool exerciseRunning = false;  // an exercise on screen that has not finished
        bool staffOn = false;          // staff mode unlocked on a staff page
        bool roomPinned = false;       // the room display is on screen
    };
    // The screen should go home now (inactivity after the question, or a card that has been read).
    bool homeDue(const Holds& holds) const;
    // Seconds left to answer "Meer tijd nodig?" (0: not asked now).
    int moreTimeSecondsLeft(const Holds& holds) const;
    // How long the card has been on screen, on the steady clock (0 before the frame that first saw
    // it): the undo window counts on it (KioskSession::undoMoment).
    int64_t cardAgeMs() const;
    // How long since the last touch while the card is up (since it appeared when none).
    int64_t cardIdleMs() const;
    // The card's age at the last touch that landed while its undo window was open (0: none): the
    // undo window counts from there (issue 32, 3; KioskSession::undoRules).
    int64_t undoTouchAgeMs() const { return s_.ui.feedback.shownAt == cardShownAt_ ? undoTouchAgeMs_ : 0; }
    // Milliseconds until something visible changes without input.
    int64_t msUntilNextChange(Instant now, const Holds& holds, const ExercisePlayer* player, bool staffMode) const;

    static constexpr int64_t kMoreTimeSeconds = 20;   // the question stays this long (WCAG 2.2.1: at least 20 s)
    static constexpr int64_t kAccessibleFactor = 3;   // the accessible mode's waits, times this

private:
    // Untouched this long, the question is asked (return_home_seconds, longer in the accessible mode).
    int64_t idleLimitMs() const;
    bool mayReturnHome(const Holds& holds) const;
    SessionState& s_;
    SteadyTime lastInput_;
    Instant cardShownAt_;   // the card being counted (its shownAt, a wall time, as its identity)
    SteadyTime cardSince_;  // when it appeared, steady
    int64_t undoTouchAgeMs_ = 0;  // undoTouchAgeMs()
    bool sleeping_ = false;  // dimmed, waiting for a touch to wake
};

}  // namespace kiosk
