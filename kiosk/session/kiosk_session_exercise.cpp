// kiosk_session_exercise.cpp: the running exercise's part of the session (KioskSession,
// kiosk_session.h): the facilitator's commands, the stopped run kept across a restart, and the
// room's chime at the run's marks (core/room_chime.h) when the exercise or [room] asks for it.
#include "kiosk_session.h"

#include "store/meta_keys.h"

namespace kiosk {

void KioskSession::runPlayer(ui::PlayerCommand c, SteadyTime now) {
    if (!running_) return;
    ExercisePlayer& p = running_->player;
    using C = ui::PlayerCommand;
    switch (c) {
        case C::next: p.next(now); break;
        case C::previous: p.previous(now); break;
        case C::toggle_pause: p.togglePause(now); break;
        case C::plus_minute: p.addMinutes(+1, now); break;
        case C::minus_minute: p.addMinutes(-1, now); break;
        case C::stop: p.stop(now); break;
        case C::resume:
            p.resume(now);
            s_.ui.screen = ui::Screen::exercise;  // from the chooser or the stopped card: back to the run
            break;
    }
}

void KioskSession::keepStoppedRun(Instant now) {
    std::string value;
    if (running_)
        if (const auto run = running_->player.stoppedRun(localDateOf(now))) value = run->serialise();
    if (value == stoppedRunKept_ || !s_.worker) return;
    s_.worker->setMeta(meta_keys::kExerciseStoppedRun, value);  // "" once it is resumed or replaced
    stoppedRunKept_ = value;
}

void KioskSession::tickPlayer() {
    if (!running_) return;
    running_->player.tick(s_.clock.steady());
    const bool chimeOn = running_->exercise.chime.value_or(s_.config.settings.roomChime);
    if (const auto cue = running_->cues.observe(running_->player, s_.clock.steady()); cue && chimeOn)
        speech_.chime(chimeStrokes(*cue));
}

}  // namespace kiosk
