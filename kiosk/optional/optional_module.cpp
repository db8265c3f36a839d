// optional_module.cpp: finding and loading a private module (optional_libraries.h, 2 and 4).
#include "optional/optional_libraries.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace kiosk::optional {

namespace {

// The directory of the running binary (/usr/bin for the package, the build folder for a build).
std::string binaryDir() {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return ".";
    std::string path(buf, static_cast<size_t>(n));
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

[[noreturn]] void fail(const char* group, const std::string& why) {
    throw OptionalLibraryMissing(std::string("onderdeel '") + group + "' van leergang-kiosk ontbreekt of past niet (" + why +
                                 "); installeer het pakket opnieuw / part '" + group +
                                 "' of leergang-kiosk is missing or does not fit; reinstall the package");
}

}  // namespace

const void* loadModuleTable(const char* group, const char* symbol, std::size_t tableSize) {
    const std::string dir = binaryDir();
    const std::string installed = dir + "/" KIOSK_MODULE_RELDIR "/" + group + ".so";
    const std::string built = dir + "/leergang-kiosk-modules/" + group + ".so";
    const std::string& path = access(installed.c_str(), F_OK) == 0 ? installed : built;
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) fail(group, dlerror());
    auto* table = reinterpret_cast<const void* (*)()>(dlsym(handle, symbol));
    if (!table) fail(group, path + ": " + symbol + " ontbreekt / is missing");
    const void* t = table();
    std::size_t size = 0;
    std::memcpy(&size, t, sizeof size);
    if (size != tableSize) fail(group, path + ": een andere versie / another version");
    return t;
}

}  // namespace kiosk::optional
