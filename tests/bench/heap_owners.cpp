#include "heap_owners.h"

#include <fstream>
#include <regex>
#include <vector>

namespace kiosk::bench {
namespace {

std::vector<std::string> framesOf(const std::string& stack) {
    std::vector<std::string> out;
    size_t at = 0;
    while (at < stack.size()) {
        size_t end = stack.find(';', at);
        if (end == std::string::npos) end = stack.size();
        std::string f = stack.substr(at, end - at);
        if (const auto paren = f.find(" ("); paren != std::string::npos && f.back() == ')') f.erase(paren);  // " (file.c)"
        if (!f.empty()) out.push_back(f);
        at = end + 1;
    }
    return out;
}

bool isAllocator(const std::string& f) {
    static const std::regex re(
        R"(^(operator new|malloc|calloc|realloc|posix_memalign|aligned_alloc|memalign|__libc_|__GI___libc_|__GI___strdup|__strdup|strdup|)"
        R"(std::__new_allocator|__gnu_cxx::new_allocator|std::allocator|void\* std::|ImGui::MemAlloc|sqlite3Malloc|sqlite3MemMalloc|)"
        R"(sqlite3DbMalloc|sqlite3DbRealloc|sqlite3Realloc|sqlite3_malloc|sqlite3_realloc))");
    return std::regex_search(f, re);
}

}  // namespace

// The C++ library's own frames (a map's node, a string's buffer) belong to whoever called them.
bool isLibraryTemplate(const std::string& f) {
    static const std::regex re(R"(^(std::|__gnu_cxx::|void std::|bool std::))");
    return std::regex_search(f, re);
}

std::string ownerOf(const std::string& stack) {
    const auto frames = framesOf(stack);
    if (frames.empty()) return kOwnerDriver;
    size_t i = frames.size() - 1;
    while (i > 0 && (isAllocator(frames[i]) || isLibraryTemplate(frames[i]))) --i;
    const std::string& f = frames[i];
    // Mesa and LLVM by address (stripped) or, where a symbol is exported, by name.
    static const std::regex driver(R"(^(0x[0-9a-fA-F]+$|llvm::|LLVM[A-Z]|lp_|gallivm|_mesa_|util_|st_|pipe_|draw_|u_|dri_|driswrast|_glapi))");
    static const std::regex window(R"(^(_?X[A-Za-z]|_Xim|xcb_|_xcb|glfw|_glfw|glX|__glX|__glDispatch|gl[A-Z]))");
    if (std::regex_search(f, driver)) return kOwnerDriver;
    if (std::regex_search(f, window)) return kOwnerWindow;
    return kOwnerOurs;
}

std::map<std::string, double> heapByOwner(const std::string& flamegraphFile) {
    std::map<std::string, double> out;
    std::ifstream in(flamegraphFile);
    std::string line;
    while (std::getline(in, line)) {
        const auto space = line.rfind(' ');
        if (space == std::string::npos) continue;
        const double bytes = std::strtod(line.c_str() + space + 1, nullptr);
        if (bytes <= 0) continue;
        out[ownerOf(line.substr(0, space))] += bytes;
    }
    return out;
}

}  // namespace kiosk::bench
