#include "navigation.h"

#include <algorithm>
#include <cassert>

namespace kiosk {
namespace {

constexpr int64_t kFeedbackSeconds = 6;      // cards other than the welcome stay this long
constexpr int64_t kDimAfterMs = 60 * 1000;   // untouched this long outside programme hours
constexpr int kAwakeMarginMinutes = 60;      // bright from an hour before the day to an hour after
constexpr int64_t kControlsFadeMs = 6000;    // the exercise controls fade once, this long after a touch

}  // namespace

Navigation::Navigation(SessionState& s) : s_(s), lastInput_(s.clock.steady()) {}

void Navigation::observeCard() {
    const auto& fb = s_.ui.feedback;
    if (fb.kind == ui::Feedback::Kind::none || fb.shownAt == cardShownAt_) return;
    cardShownAt_ = fb.shownAt;
    cardSince_ = s_.clock.steady();
    undoTouchAgeMs_ = 0;
}

void Navigation::noteInput() {
    lastInput_ = s_.clock.steady();
    const int64_t age = cardAgeMs();
    if (age > 0 && age <= undoTouchAgeMs_ + static_cast<int64_t>(s_.config.settings.undoSeconds) * 1000) undoTouchAgeMs_ = age;
}

int64_t Navigation::cardAgeMs() const {
    const auto& fb = s_.ui.feedback;
    if (fb.kind == ui::Feedback::Kind::none || fb.shownAt != cardShownAt_) return 0;  // not yet observed
    return msBetween(cardSince_, s_.clock.steady());
}

int64_t Navigation::cardIdleMs() const {
    const auto& fb = s_.ui.feedback;
    if (fb.kind == ui::Feedback::Kind::none || fb.shownAt != cardShownAt_) return 0;
    return msBetween(std::max(cardSince_, lastInput_), s_.clock.steady());
}

void Navigation::home() {
    s_.ui = ui::UiState{};
    s_.texts.setLang(s_.defaultLang());
    if (roomMode()) {  // the screen in the room: its home is the room display, pinned
        s_.ui.screen = ui::Screen::room;
        s_.ui.roomPinned = true;
    }
}

void Navigation::codeAccepted() {
    ui::UiState& ui = s_.ui;
    if (ui.afterCode != ui::Screen::room) return;  // the shift screen itself
    ui.afterCode = ui::Screen::shift;
    ui.shiftUnlocked = false;  // the code opened the room display only
    ui.screen = ui::Screen::room;
    ui.roomPinned = true;
}

void Navigation::go(const ui::intent::Go& g, bool staffUnlocked) {
    ui::UiState& ui = s_.ui;
    assert(g.screen != ui::Screen::home && "home goes through KioskSession::goHome, which locks staff mode");
    if (ui::isStaffScreen(g.screen) && !staffUnlocked) {
        ui.screen = ui::Screen::staff_pin;  // the pages behind the PIN only through it
        return;
    }
    ui::Screen to = g.screen;
    // Room mode: no public check-in on show; the room display is home.
    if (roomMode() && (to == ui::Screen::checkin || to == ui::Screen::walkin)) to = ui::Screen::room;
    // The room display elsewhere: behind the facilitator code (unless it is already pinned).
    ui.afterCode = ui::Screen::shift;
    if (to == ui::Screen::room && !ui.roomPinned && !roomMode()) {
        to = ui::Screen::shift;
        ui.afterCode = ui::Screen::room;
    }
    if (to == ui::Screen::room) ui.roomPinned = true;
    ui.scrollToTop = true;
    ui.agendaOpen = -1;
    ui.confirmStop = false;
    if (to == ui::Screen::staff_pin) {
        ui.pinEntry.clear();
        ui.pinWrong = false;
    }
    ui.screen = to;
    ui.mode = g.mode;
    ui.feedback = {};
    if (to == ui::Screen::checkin) ui.search.clear();
    if (to != ui::Screen::shift || ui.afterCode == ui::Screen::room) {  // leaving the shift screen locks it again
        ui.shiftUnlocked = false;
        ui.codeEntry.clear();
        ui.codeWrong = false;
    }
}

// Awake while any group meeting that day is (nearly) in its programme hours.
bool Navigation::programmeHours(Instant at) const {
    const LocalDateTime local = toLocal(at);
    const int m = local.hour * 60 + local.minute;
    for (const ProgrammeDay* day : s_.config.programme.daysOn(local.date))
        if (m >= day->startsAt().minutes - kAwakeMarginMinutes && m < day->endsAt().minutes + kAwakeMarginMinutes) return true;
    return false;
}

bool Navigation::dimmed(Instant now) const { return msSinceInput() >= kDimAfterMs && !programmeHours(now); }

void Navigation::updateSleep(Instant now, bool touched) {
    if (!sleeping_ && s_.ui.screen == ui::Screen::home && dimmed(now)) sleeping_ = true;
    if (sleeping_ && touched) {
        sleeping_ = false;
        lastInput_ = s_.clock.steady();
    }
}

int64_t Navigation::idleLimitMs() const {
    return static_cast<int64_t>(s_.config.settings.returnHomeSeconds) * 1000 * (s_.ui.speech ? kAccessibleFactor : 1);
}

bool Navigation::mayReturnHome(const Holds& holds) const {
    const ui::Screen home = roomMode() ? ui::Screen::room : ui::Screen::home;
    return s_.ui.screen != home && s_.ui.feedback.kind != ui::Feedback::Kind::pending && !holds.exerciseRunning && !holds.staffOn &&
           !holds.roomPinned;
}

bool Navigation::homeDue(const Holds& holds) const {
    const ui::UiState& ui = s_.ui;
    const KioskSettings& settings = s_.config.settings;
    const auto& fb = ui.feedback;
    using K = ui::Feedback::Kind;
    const int64_t cardMs = (fb.kind == K::checked_in || fb.kind == K::checked_out ? settings.undoSeconds : kFeedbackSeconds) * 1000 *
                           (ui.speech ? kAccessibleFactor : 1);
    const int64_t idleMs = msSinceInput();
    if (fb.kind != K::none && fb.kind != K::pending && cardAgeMs() >= cardMs && idleMs >= cardMs) return true;
    return mayReturnHome(holds) && idleMs >= idleLimitMs() + kMoreTimeSeconds * 1000;
}

int Navigation::moreTimeSecondsLeft(const Holds& holds) const {
    const int64_t idleMs = msSinceInput(), limit = idleLimitMs();
    if (!mayReturnHome(holds) || idleMs < limit) return 0;
    const int64_t left = limit + kMoreTimeSeconds * 1000 - idleMs;
    return left > 0 ? static_cast<int>((left + 999) / 1000) : 0;
}

int64_t Navigation::msUntilNextChange(Instant now, const Holds& holds, const ExercisePlayer* player, bool staffMode) const {
    const ui::UiState& ui = s_.ui;
    const KioskSettings& settings = s_.config.settings;
    const SteadyTime steady = s_.clock.steady();
    const int64_t idleMs = msBetween(lastInput_, steady);
    int64_t ms = 60000 - (now.ms % 60000);  // the clock's minute
    if (ui.feedback.kind != ui::Feedback::Kind::none) ms = std::min<int64_t>(ms, 1000 - (now.ms % 1000));
    if (ui.animating) ms = std::min<int64_t>(ms, 16);  // a fling in progress: about 60 frames a second
    // The moment it dims, if it does then: in programme hours that frame would draw what the last
    // one drew (issue 33); the hours change on a minute, whose frame is drawn anyway.
    if (ui.screen == ui::Screen::home && !sleeping_ && idleMs < kDimAfterMs && !programmeHours(Instant{now.ms + kDimAfterMs - idleMs}))
        ms = std::min(ms, kDimAfterMs - idleMs);
    if (ui.screen == ui::Screen::exercise && player && player->state() == ExercisePlayer::State::running) {
        // The countdown changes every second; the controls fade once.
        const int64_t rem = player->remainingMs(steady);
        ms = std::min<int64_t>(ms, (rem % 1000 + 1000) % 1000 + 1);
    }
    if (ui.screen == ui::Screen::room && player && player->state() == ExercisePlayer::State::running) {
        const int64_t rem = player->remainingMs(steady);  // the room display shows the countdown too
        ms = std::min<int64_t>(ms, (rem % 1000 + 1000) % 1000 + 1);
    }
    if (ui.screen == ui::Screen::exercise && idleMs < kControlsFadeMs) ms = std::min<int64_t>(ms, kControlsFadeMs + 1 - idleMs);
    // Staff mode: the auto-lock countdown each second; a PIN check or an export being finished.
    if (staffMode || ui.screen == ui::Screen::staff_pin) ms = std::min<int64_t>(ms, 1000 - (now.ms % 1000));
    if (holds.staffOn) {
        ms = std::min(ms, std::max<int64_t>(0, static_cast<int64_t>(settings.staffAutoLockSeconds) * 1000 - idleMs));
    }
    if (ui.screen != ui::Screen::home && !holds.staffOn && !holds.exerciseRunning && !holds.roomPinned) {
        // The question's moment, then its countdown each second, then home.
        const int64_t limit = idleLimitMs();
        ms = std::min(ms, idleMs < limit ? limit - idleMs : std::max<int64_t>(0, 1000 - (idleMs - limit) % 1000));
    }
    return std::max<int64_t>(ms, 0);
}

}  // namespace kiosk
