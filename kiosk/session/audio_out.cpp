#include "audio_out.h"

#include <alsa/asoundlib.h>

#include <chrono>
#include <thread>

namespace kiosk {

AudioOut::~AudioOut() { close(); }

void AudioOut::close() {
    if (!pcm_) return;
    snd_pcm_close(pcm_);
    pcm_ = nullptr;
}

bool AudioOut::open(const std::string& device, int rate, std::string& error) {
    close();
    // Opened without waiting: a device another program holds fails at once instead of blocking the
    // speech thread (and the kiosk's shutdown, which joins it); writes block as usual after that.
    int rc = snd_pcm_open(&pcm_, device.c_str(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
    if (rc < 0) {
        pcm_ = nullptr;
        error = device + ": " + snd_strerror(rc);
        return false;
    }
    rc = snd_pcm_nonblock(pcm_, 0);
    if (rc < 0) {
        error = device + ": " + snd_strerror(rc);
        close();
        return false;
    }
    // Mono, 16-bit, resampled by ALSA when the card wants another rate; 100 ms of latency.
    rc = snd_pcm_set_params(pcm_, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1, static_cast<unsigned>(rate), 1, 100000);
    if (rc < 0) {
        error = device + ": " + snd_strerror(rc);
        close();
        return false;
    }
    return true;
}

bool AudioOut::write(const int16_t* samples, int count) {
    while (pcm_ && count > 0) {
        const snd_pcm_sframes_t n = snd_pcm_writei(pcm_, samples, static_cast<snd_pcm_uframes_t>(count));
        if (n < 0) {
            if (snd_pcm_recover(pcm_, static_cast<int>(n), 1) < 0) {
                close();
                return false;
            }
            continue;
        }
        frames_ += static_cast<uint64_t>(n);
        samples += n;
        count -= static_cast<int>(n);
    }
    return pcm_ != nullptr;
}

void AudioOut::drop() {
    if (!pcm_) return;
    snd_pcm_drop(pcm_);
    snd_pcm_prepare(pcm_);
}

bool AudioOut::playing() {
    if (!pcm_) return false;
    // A sound shorter than the start threshold would wait in the buffer: start it.
    if (snd_pcm_state(pcm_) == SND_PCM_STATE_PREPARED) snd_pcm_start(pcm_);
    snd_pcm_sframes_t delay = 0;
    return snd_pcm_state(pcm_) == SND_PCM_STATE_RUNNING && snd_pcm_delay(pcm_, &delay) == 0 && delay > 0;
}

void AudioOut::sleepBriefly() { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }

}  // namespace kiosk
