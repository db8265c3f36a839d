// Fuzzes the config loader: the input is split into kiosk.toml, programme.toml and exercises.toml
// (at 0x00 bytes). Whatever staff type, the loader reports problems and never crashes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/config_loader.h"
#include "test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string in(reinterpret_cast<const char*>(data), size);
    kiosk::ConfigFiles files;
    const char* names[] = {kiosk::kProgrammeFile, kiosk::kExercisesFile, kiosk::kKioskFile};
    size_t start = 0;
    for (int i = 0; i < 3; ++i) {
        const size_t end = in.find('\0', start);
        files.files[names[i]] = in.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    files.files[kiosk::kRosterFile] = "code;voornaam;achternaam;groep\nA1;Anna;Vries;c\n";
    const auto cfg = kiosk::loadConfig(files, kiosk::test::texts());
    // What loads must hold the invariants the screens rely on.
    if (cfg.ok()) {
        for (size_t i = 1; i < cfg.programme.days.size(); ++i)
            if (!(cfg.programme.days[i - 1].date < cfg.programme.days[i].date)) __builtin_trap();
        for (const auto& d : cfg.programme.days)
            for (size_t i = 0; i < d.agenda.size(); ++i) {
                if (!(d.agenda[i].start < d.agenda[i].end)) __builtin_trap();
                if (i && d.agenda[i].start < d.agenda[i - 1].end) __builtin_trap();
            }
    }
    return 0;
}
