// The fsyncs of an atomic write, seen from inside (issue #21): a rename is only as good as the
// sync of the file before it and of its folder after it, and no test of content can see a
// missing fsync on a machine that keeps running. So this test binary defines fsync itself: it
// notes each call (which file, and what the target held at that moment) and passes it on.
#include <catch2/catch.hpp>

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <vector>

#include "store/atomic_file.h"
#include "store_test_support.h"

namespace {

struct SyncSeen {
    std::filesystem::path path;  // the file or folder synced
    std::string targetHeld;      // the watched target's content at that moment
};
bool g_recording = false;
std::filesystem::path g_target;
std::vector<SyncSeen> g_syncs;

}  // namespace

extern "C" int fsync(int fd) {
    using Fn = int (*)(int);
    static Fn real = reinterpret_cast<Fn>(dlsym(RTLD_NEXT, "fsync"));
    if (g_recording) {
        char buf[PATH_MAX] = {};
        const std::string link = "/proc/self/fd/" + std::to_string(fd);
        const ssize_t n = ::readlink(link.c_str(), buf, sizeof buf - 1);
        g_syncs.push_back({n > 0 ? std::filesystem::path(std::string(buf, static_cast<size_t>(n))) : std::filesystem::path{},
                           kiosk::test::readFileText(g_target)});
    }
    return real(fd);
}

TEST_CASE("an atomic write syncs the new file before the rename and the folder after it", "[store][atomic][durability]") {
    kiosk::test::TempDir dir;
    const auto target = dir / "kiosk.toml";
    REQUIRE(kiosk::writeFileAtomically(target, "oud").empty());
    g_target = target;
    g_syncs.clear();
    g_recording = true;
    const std::string err = kiosk::writeFileAtomically(target, "nieuw");
    g_recording = false;
    REQUIRE(err.empty());
    REQUIRE(kiosk::test::readFileText(target) == "nieuw");
    const auto folder = std::filesystem::canonical(dir.path());  // as /proc/self/fd names it
    bool fileBeforeRename = false, folderAfterRename = false;
    for (const auto& s : g_syncs) {
        CAPTURE(s.path.string(), s.targetHeld);
        // The temporary beside the target, synced while the target still held the old content.
        if (s.path.parent_path() == folder && s.path != folder / "kiosk.toml" && s.targetHeld == "oud") fileBeforeRename = true;
        if (s.path == folder && s.targetHeld == "nieuw") folderAfterRename = true;
    }
    CHECK(fileBeforeRename);
    CHECK(folderAfterRename);
}
