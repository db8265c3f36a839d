// speech_table.cpp: the `speech` table (speech_api.h). Compiled twice: into the module speech.so,
// which links espeak-ng, and with KIOSK_OPTIONAL_DIRECT into kiosk_optional_direct_speech for tests.
#define KIOSK_OPTIONAL_TABLE_SOURCE
#include "speech_api.h"

KIOSK_OPTIONAL_EXPORT const void* leergang_kiosk_speech_table() {
    static const kiosk::optional::SpeechTable table{sizeof(kiosk::optional::SpeechTable),
                                                    KIOSK_SPEECH_FUNCTIONS(KIOSK_OPTIONAL_ADDRESS)};
    return &table;
}

#ifdef KIOSK_OPTIONAL_DIRECT
const kiosk::optional::SpeechTable& kiosk::optional::espeak() {
    return *static_cast<const kiosk::optional::SpeechTable*>(leergang_kiosk_speech_table());
}
#endif
