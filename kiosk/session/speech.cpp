#include "speech.h"

#include "optional/speech_api.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/json.h"
#include "core/room_chime.h"

namespace kiosk {
namespace {

// espeak-ng is one engine per process: it is started once, and one thread at a time speaks with it.
std::mutex& engineMutex() {
    static std::mutex m;
    return m;
}
int engineRate = 0;             // samples per second; 0 = not started, -1 = could not start
uint64_t engineGeneration = 0;  // the utterance being synthesised (under engineMutex)
struct Speaking {
    Speech* speech = nullptr;
    const std::atomic<uint64_t>* generation = nullptr;
    AudioOut* audio = nullptr;
    std::atomic<uint64_t>* samples = nullptr;
    std::atomic<uint64_t>* played = nullptr;
} speaking;                     // what the synthesis callback feeds (under engineMutex)

std::string isoWithMs(Instant t) {
    const LocalDateTime l = toLocal(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03d", l.date.iso().c_str(), l.hour, l.minute, l.second,
                  static_cast<int>(((t.ms % 1000) + 1000) % 1000));
    return buf;
}

}  // namespace

Speech::Speech(SpeechOptions options, const Clock& clock) : options_(std::move(options)), clock_(clock) {
    if (!options_.logPath.empty()) {
        log_.open(options_.logPath, std::ios::app);
        if (!log_) std::fprintf(stderr, "speech: %s: cannot write the speech log\n", options_.logPath.c_str());
    }
}

Speech::~Speech() {
    {
        std::lock_guard lock(m_);
        quit_ = true;
        next_.reset();
    }
    ++generation_;
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Speech::say(const std::string& text, Lang lang) {
    if (text.empty()) return;
    const std::string start = isoWithMs(clock_.now());
    hand({text, lang, 0}, "{\"text\":" + jsonString(text) + ",\"lang\":\"" + std::string(langCode(lang)) + "\",\"start\":\"" + start + "\"}");
}

void Speech::chime(int strokes) {
    if (strokes <= 0) return;
    const std::string start = isoWithMs(clock_.now());
    hand({"", Lang::nl, strokes}, "{\"chime\":" + std::to_string(strokes) + ",\"start\":\"" + start + "\"}");
}

void Speech::hand(const Utterance& u, const std::string& logLine) {
    {
        std::lock_guard lock(m_);
        if (quit_) return;
        if (u.chime == 0) last_ = u;  // "herhaal" repeats words, not a chime
        if (log_) {
            log_ << logLine << "\n";
            log_.flush();
        }
        next_ = u;
        ++generation_;  // what is playing ends
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    cv_.notify_all();
}

void Speech::stop() {
    std::lock_guard lock(m_);
    next_.reset();
    ++generation_;
}

void Speech::repeat() {
    Utterance again;
    {
        std::lock_guard lock(m_);
        again = last_;
    }
    if (!again.text.empty()) say(again.text, again.lang);
}

std::string Speech::lastText() const {
    std::lock_guard lock(m_);
    return last_.text;
}

bool Speech::waitIdle(int ms) {
    std::unique_lock lock(m_);
    return cv_.wait_for(lock, std::chrono::milliseconds(ms), [&] { return !next_ && !busy_; });
}

Speech::Stats Speech::stats() const { return {spoken_, samples_, played_, audioOpen_}; }

void Speech::run() {
    std::unique_lock lock(m_);
    for (;;) {
        cv_.wait(lock, [&] { return quit_ || next_; });
        if (quit_) return;
        const Utterance u = *next_;
        next_.reset();
        busy_ = true;
        const uint64_t gen = generation_;
        lock.unlock();
        speak(u, gen);
        lock.lock();
        busy_ = false;
        cv_.notify_all();
    }
}

int Speech::onSamples(short* samples, int count, void*) {
    if (!speaking.speech) return 1;
    if (*speaking.generation != engineGeneration) return 1;  // a newer say() or a stop(): abort
    if (samples && count > 0) {
        *speaking.samples += static_cast<uint64_t>(count);
        if (speaking.audio->isOpen() && speaking.audio->write(samples, count)) *speaking.played += static_cast<uint64_t>(count);
    }
    return 0;
}

// The chime on the speech thread: at the voice's rate when the voice has started, else espeak-ng's
// usual 22,050 Hz (the device is opened at the first sound and kept).
void Speech::playChime(int strokes, uint64_t generation) {
    int rate = 22050;
    {
        std::lock_guard engine(engineMutex());
        if (engineRate > 0) rate = engineRate;
    }
    if (!options_.device.empty() && !audio_.isOpen()) {
        std::string error;
        if (!audio_.open(options_.device, rate, error) && !audioReported_) {
            std::fprintf(stderr, "speech: no audio device (%s); the chime is logged only\n", error.c_str());
            audioReported_ = true;
        }
        audioOpen_ = audio_.isOpen();
    }
    const std::vector<int16_t> pcm = chimeSamples(strokes, rate);
    samples_ += pcm.size();
    constexpr size_t kPeriod = 1024;  // written in pieces, so that a touch or a new sound ends it at once
    for (size_t at = 0; at < pcm.size() && audio_.isOpen() && generation_ == generation; at += kPeriod) {
        const int n = static_cast<int>(std::min(kPeriod, pcm.size() - at));
        if (audio_.write(pcm.data() + at, n)) played_ += static_cast<uint64_t>(n);
    }
    audio_.finish([&] { return generation_ != generation; });
    ++spoken_;
}

void Speech::speak(const Utterance& u, uint64_t generation) {
    if (u.chime > 0) return playChime(u.chime, generation);
    std::lock_guard engine(engineMutex());
    if (engineRate == 0) {
        // DONT_EXIT: espeak-ng would end the process when its data is missing.
        try {
            engineRate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 200, nullptr, espeakINITIALIZE_DONT_EXIT);
        } catch (const optional::OptionalLibraryMissing& e) {  // optional_libraries.h, 4
            std::fprintf(stderr, "speech: %s\n", e.what());
            engineRate = 0;
        }
        if (engineRate <= 0) {
            engineRate = -1;
            std::fprintf(stderr, "speech: espeak-ng could not start (espeak-ng-data missing?); the kiosk goes on without a voice\n");
        } else {
            espeak_SetSynthCallback([](short* s, int n, espeak_EVENT* e) { return Speech::onSamples(s, n, e); });
        }
    }
    if (engineRate < 0) return;
    if (!options_.device.empty() && !audio_.isOpen()) {  // tried at each utterance: a headset may be plugged in later
        std::string error;
        if (!audio_.open(options_.device, engineRate, error) && !audioReported_) {
            std::fprintf(stderr, "speech: no audio device (%s); speech is logged only\n", error.c_str());
            audioReported_ = true;
        }
        audioOpen_ = audio_.isOpen();
    }
    espeak_SetVoiceByName(u.lang == Lang::nl ? "nl" : "en");
    espeak_SetParameter(espeakRATE, 160, 0);  // a little slower than espeak-ng's 175 words a minute
    engineGeneration = generation;
    speaking = {this, &generation_, &audio_, &samples_, &played_};
    espeak_Synth(u.text.c_str(), u.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, nullptr);
    speaking = {};
    audio_.finish([&] { return generation_ != generation; });
    ++spoken_;
}

}  // namespace kiosk
