// speech.h: the kiosk's voice (issue 32): espeak-ng, offline, Dutch (`nl`) and English (`en`).
//   1. say() returns at once on the UI thread: it writes the utterance to the speech log (one JSON
//      line: text, language, start) and hands it to the speech thread, which synthesises and plays
//      it. The log is the testable interface (--speech-log), beside the audio or instead of it.
//   2. One utterance at a time: a new say() or stop() ends the one being spoken within one audio
//      period; an utterance not yet begun is replaced, never queued behind (a touch interrupts).
//   3. Nothing happens at start-up: the thread, espeak-ng and the audio device start with the first
//      utterance. A device that cannot be opened (no sound card) is said once on stderr and the kiosk
//      goes on silently, the log still complete; it is tried again at the next utterance.
//   4. The caller builds what is said from the data (core/spoken_text.h); this module says it as given.
//   5. Thread-safe: say(), stop(), repeat(), lastText(), waitIdle() and stats() may be called from any
//      thread (the UI thread, the store thread's completions, the sync thread) at the same time. m_
//      guards the log, the last utterance and the hand-over; espeak-ng, one engine per process, is
//      only ever called on a speech thread holding the engine's own mutex; the audio device belongs
//      to the speech thread alone. Each log line is written whole, in the order the calls took m_.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "session/audio_out.h"
#include "core/clock.h"
#include "core/text_catalogue.h"

namespace kiosk {

struct SpeechOptions {
    std::string logPath;              // non-empty: one JSON line per utterance (--speech-log)
    std::string device = "default";   // the ALSA PCM; "" = no audio at all (the log only)
};

class Speech {
public:
    Speech(SpeechOptions options, const Clock& clock);
    ~Speech();
    Speech(const Speech&) = delete;
    Speech& operator=(const Speech&) = delete;

    // Says `text` in `lang`, interrupting whatever is being said.
    void say(const std::string& text, Lang lang);
    // The room's chime (core/room_chime.h), `strokes` 1-3, through the same device and thread as the
    // voice: one sound at a time (2), logged as {"chime":n,"start":...}. Needs no espeak-ng.
    void chime(int strokes);
    // Silence now (a touch).
    void stop();
    // The last utterance again ("herhaal"); nothing when nothing was said yet.
    void repeat();
    std::string lastText() const;

    // For tests: waits (at most `ms`) until the thread has nothing left to say; true when idle.
    bool waitIdle(int ms);
    struct Stats {
        uint64_t spoken = 0;        // utterances synthesised to the end or interrupted
        uint64_t samples = 0;       // PCM samples espeak-ng produced
        uint64_t framesPlayed = 0;  // samples the audio device accepted
        bool audioOpen = false;
    };
    Stats stats() const;

private:
    struct Utterance {
        std::string text;
        Lang lang = Lang::nl;
        int chime = 0;  // > 0: the room's chime of that many strokes instead of words
    };
    void hand(const Utterance& u, const std::string& logLine);  // under no lock: logs, replaces, wakes
    void playChime(int strokes, uint64_t generation);
    void run();                               // the speech thread
    void speak(const Utterance& u, uint64_t generation);
    static int onSamples(short* samples, int count, void* events);

    SpeechOptions options_;
    const Clock& clock_;
    std::ofstream log_;                      // guarded by m_
    mutable std::mutex m_;
    Utterance last_;                         // guarded by m_
    std::condition_variable cv_;
    std::optional<Utterance> next_;          // guarded by m_
    bool busy_ = false, quit_ = false;       // guarded by m_
    std::atomic<uint64_t> generation_{0};    // bumped by say() and stop(): the utterance playing ends
    std::thread thread_;                     // started by the first say() (under m_)
    AudioOut audio_;                         // the speech thread's
    bool audioReported_ = false;             // "no audio device" said once
    std::atomic<uint64_t> spoken_{0}, samples_{0}, played_{0};
    std::atomic<bool> audioOpen_{false};
};

}  // namespace kiosk
