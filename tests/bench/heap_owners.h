// heap_owners.h: whose is the live heap of an idle kiosk (issue 33)? The smaps figure "own heap +
// anonymous" holds every malloc of the process, the GL driver's among them: with llvmpipe that is
// most of it (LLVM's compiled shaders, the rasteriser's scene and textures). This counts each live
// allocation to the code that made it, from a heaptrack recording (Debian's heaptrack).
//
// How: the kiosk runs under `heaptrack`, idles, and is killed with SIGKILL, so nothing is freed and
// heaptrack's "leaked" is what was live at that moment. `heaptrack_print --flamegraph-cost-type
// leaked -F FILE` writes one line per call stack: "outer;...;inner BYTES". The owner of a stack is
// its innermost frame that is neither an allocator (malloc, operator new, ImGui::MemAlloc, ...)
// nor the C++ library's (std::map's node belongs to whoever fills the map):
//   - a bare address (no symbol) or an llvm::, lp_, gallivm, _mesa_, util_ ... name: the GL
//     driver, Mesa's llvmpipe and LLVM (Debian ships Mesa stripped; LLVM exports some names);
//   - X11, XCB, GLX and GLFW functions by name: the window system;
//   - any other name: the kiosk's own (its code, ImGui, SQLite, the C++ library on its behalf).
// This is an attribution by rule, good to a few hundred KiB: a stripped library of ours would count
// as the driver's, and the driver's font texture, made on our behalf, is the driver's.
#pragma once

#include <map>
#include <string>

namespace kiosk::bench {

inline constexpr const char* kOwnerOurs = "the kiosk's own (its code, ImGui, SQLite)";
inline constexpr const char* kOwnerDriver = "the GL driver (Mesa llvmpipe, LLVM; no symbols)";
inline constexpr const char* kOwnerWindow = "the window system (X11, XCB, GLX, GLFW)";

// Bytes by owner (the three names above) from a heaptrack flamegraph file; empty if unreadable.
std::map<std::string, double> heapByOwner(const std::string& flamegraphFile);

// The owner of one call stack, frames outer first (as in the file, split at ';').
std::string ownerOf(const std::string& stack);

}  // namespace kiosk::bench
