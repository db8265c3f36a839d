// speech_api.h: espeak-ng for the speech mode, through the `speech` module (optional_libraries.h).
// Include this instead of <espeak-ng/speak_lib.h>; the espeak functions below are then members of espeak().
#pragma once

#include <espeak-ng/speak_lib.h>

#include "optional/optional_libraries.h"

#define KIOSK_SPEECH_FUNCTIONS(X) \
    X(espeak_Initialize) X(espeak_SetSynthCallback) X(espeak_SetVoiceByName) X(espeak_SetParameter) X(espeak_Synth)

namespace kiosk::optional {
struct SpeechTable {
    std::size_t size;
    KIOSK_SPEECH_FUNCTIONS(KIOSK_OPTIONAL_MEMBER)
};
const SpeechTable& espeak();
}  // namespace kiosk::optional

// Returns the table as const void*: the loader calls it through `const void* (*)()` (a call through
// another function type is undefined, and UBSan's -fsanitize=function stops it).
KIOSK_OPTIONAL_EXPORT const void* leergang_kiosk_speech_table();

#ifndef KIOSK_OPTIONAL_TABLE_SOURCE
#define espeak_Initialize (::kiosk::optional::espeak().espeak_Initialize)
#define espeak_SetSynthCallback (::kiosk::optional::espeak().espeak_SetSynthCallback)
#define espeak_SetVoiceByName (::kiosk::optional::espeak().espeak_SetVoiceByName)
#define espeak_SetParameter (::kiosk::optional::espeak().espeak_SetParameter)
#define espeak_Synth (::kiosk::optional::espeak().espeak_Synth)
#endif
