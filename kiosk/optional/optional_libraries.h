// optional_libraries.h: the system libraries only some kiosks use, loaded on first use (issue 33).
//
// Contract:
//  1. Three groups, each a table of the functions the kiosk calls: `central` (libpq: the central
//     server, and the [central] url parser), `pdf` (Cairo, Pango, fontconfig: PDF exports) and
//     `speech` (espeak-ng: the speech mode). Code on the floors includes central_api.h, pdf_api.h
//     or speech_api.h instead of the library's header and calls the functions by their own names:
//     each name is a macro for the member of its group's table, so a call site reads as before.
//  2. The kiosk binary links none of these libraries (99 shared libraries at exec became 26 + the
//     GL driver's). The first call into a group loads its private module, <libdir>/leergang-kiosk/
//     <group>.so next to the installed binary (or leergang-kiosk-modules/<group>.so next to a built
//     one), which links the library, so dpkg-shlibdeps still names it in Depends. Loaded once, with
//     RTLD_LOCAL (the library's symbols stay out of the kiosk's scope), thread-safe; never unloaded.
//     A group nobody uses costs nothing: no time at exec, no memory.
//  3. Test programs and benchmarks link the libraries and the tables directly (kiosk_optional_direct_*,
//     chosen in CMakeLists.txt by the KIOSK_OPTIONAL_MODULES property of the program being linked).
//  4. A module that is missing, or built for another table (its size differs): the call throws
//     OptionalLibraryMissing, Dutch first, naming the file and dlerror(). The first call of each group
//     catches it where errors are reported (connecting, the url parser, an export, the speech thread).
//     A package installs all three: this is a broken installation, not a mode.
#pragma once

#include <cstddef>
#include <stdexcept>

namespace kiosk::optional {

struct OptionalLibraryMissing : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Loads <group>.so and returns what its `symbol` (a function returning the table) returns, after
// checking that the table's first member, its size, is `tableSize`. Throws OptionalLibraryMissing.
const void* loadModuleTable(const char* group, const char* symbol, std::size_t tableSize);

}  // namespace kiosk::optional

#define KIOSK_OPTIONAL_MEMBER(name) decltype(&::name) name;
#define KIOSK_OPTIONAL_ADDRESS(name) &::name,
#define KIOSK_OPTIONAL_EXPORT extern "C" __attribute__((visibility("default")))
