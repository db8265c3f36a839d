// audio_out.h: a mono 16-bit PCM sink on an ALSA device, for the speech output (speech.h).
//   1. Opened on first use (without waiting for a device another program holds), on the thread that plays (never on the UI thread, never at start-up);
//      a device that cannot be opened (no sound card: "cannot find card '0'") makes open() false
//      and the caller goes on silently. Nothing here can stop the kiosk.
//   2. write() blocks for about as long as the sound takes to play (ALSA's ring buffer paces it);
//      drop() throws away what is queued, so an interruption is heard within one period (~50 ms).
//   3. The device is named as ALSA names it: "default" on the kiosk, "null" in tests (accepts
//      audio and discards it), or any PCM of asound.conf.
#pragma once

#include <cstdint>
#include <string>

typedef struct _snd_pcm snd_pcm_t;

namespace kiosk {

class AudioOut {
public:
    AudioOut() = default;
    ~AudioOut();
    AudioOut(const AudioOut&) = delete;
    AudioOut& operator=(const AudioOut&) = delete;

    // Opens `device` for `rate` Hz mono; true when open. `error` says why not.
    bool open(const std::string& device, int rate, std::string& error);
    bool isOpen() const { return pcm_ != nullptr; }
    // Plays `count` samples; false when the device failed (it is closed then).
    bool write(const int16_t* samples, int count);
    // What is queued is dropped; the device stays open for the next sound.
    void drop();
    // Lets what is queued play out, or drops it as soon as `interrupted()` says so (polled every 20 ms).
    template <class F>
    void finish(F interrupted) {
        while (!interrupted() && playing()) sleepBriefly();
        if (interrupted()) drop();
    }
    uint64_t framesWritten() const { return frames_; }

private:
    bool playing();       // started if need be; false once nothing is left to play
    static void sleepBriefly();
    void close();
    snd_pcm_t* pcm_ = nullptr;
    uint64_t frames_ = 0;
};

}  // namespace kiosk
