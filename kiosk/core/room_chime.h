// room_chime.h: the room's sound cue (issue 32, item 6): a short, soft chime at "bijna klaar", at
// "tijd is om" and at the end of a step, for facilitators of embodied exercises who want a sound
// instead of a look at the screen. Pure: no audio device here (session/speech.h plays it).
//
// CONTRACT
//   1. Cues: `almost` when a running step enters its last 10 % (the "bijna klaar" phase of
//      exercise_player.h), `time_up` when it reaches zero, `step_end` when the run moves to another
//      step or finishes while running (by the clicker or by auto-advance). Strokes: 1, 2 and 3.
//   2. Each cue sounds once per crossing: RoomCueWatch compares what it saw at the last frame with
//      now. A paused or stopped run gives none; minutes added in overtime and then used up give
//      "tijd is om" again (it is time up again). A step entered already past a mark (after a long
//      gap, or minutes removed) gives the latest mark only, never a burst.
//   3. A jump of several steps in one frame (auto-advance after a long gap) is one `step_end`.
//   4. The sound: a bell-like tone (a fundamental of 659 Hz, E5, with a soft octave) that fades
//      exponentially, strokes 0.6 s apart, at most a quarter of full scale, with a 5 ms attack so it
//      does not click. The room display never relies on it: every cue is also on the screen.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "exercise_player.h"

namespace kiosk {

enum class RoomCue { almost, time_up, step_end };

// 1, 2 or 3 (1).
int chimeStrokes(RoomCue cue);

class RoomCueWatch {
public:
    // What the run crossed since the last call (2, 3); nullopt when nothing. Call it every frame
    // with the run on screen; a new run (another player) starts from what it is now, silently.
    std::optional<RoomCue> observe(const ExercisePlayer& player, SteadyTime now);

private:
    const ExercisePlayer* player_ = nullptr;
    ExercisePlayer::State state_ = ExercisePlayer::State::ready;
    int step_ = -1;
    ExercisePlayer::Phase phase_ = ExercisePlayer::Phase::normal;
};

// The chime as mono 16-bit samples at `rate` Hz (4): `strokes` strokes (clamped to 1..3).
std::vector<int16_t> chimeSamples(int strokes, int rate);

}  // namespace kiosk
