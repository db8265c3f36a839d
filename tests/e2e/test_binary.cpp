// The binary as a person starts it: a screenshot without a screen, a clear word without a display.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include "app/png_writer.h"
#include "e2e_support.h"
#include "ui/screen_id.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Png {
    int w = 0, h = 0;
    std::vector<unsigned char> rgb;
};

Png load(const std::string& path) {
    Png p;
    int n = 0;
    unsigned char* data = stbi_load(path.c_str(), &p.w, &p.h, &n, 3);
    if (data) {
        p.rgb.assign(data, data + static_cast<size_t>(p.w) * static_cast<size_t>(p.h) * 3);
        stbi_image_free(data);
    }
    return p;
}

}  // namespace

TEST_CASE("--screenshot writes a 1280x800 picture of a home screen that is not blank", "[e2e]") {
    TempDir dir;
    const std::string png = (dir / "home.png").string();
    const auto r = runKiosk(dir, {"--screenshot", png, "--now", "2026-11-26T09:10"});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Png p = load(png);
    REQUIRE(p.w == 1280);
    REQUIRE(p.h == 800);
    // Not blank: many colours (anti-aliased text), lots of dark ink, the primary call to action.
    std::set<unsigned> colours;
    size_t dark = 0, primary = 0;
    for (size_t i = 0; i < p.rgb.size(); i += 3) {
        const unsigned char r8 = p.rgb[i], g = p.rgb[i + 1], b = p.rgb[i + 2];
        colours.insert(static_cast<unsigned>(r8) << 16 | static_cast<unsigned>(g) << 8 | b);
        if (r8 < 60 && g < 60 && b < 60) ++dark;
        if (r8 == 0x0E && g == 0x4D && b == 0x64) ++primary;
    }
    CHECK(colours.size() > 100);
    CHECK(dark > 5000);
    CHECK(primary > 20000);
    // The top-left pixel is the background, not black: the picture is the right way up.
    CHECK(static_cast<int>(p.rgb[0]) == 0xF6);
}

// The start-up benchmark (bench/compare.sh, bench_start) times the start to the first frame with
// --frames 1: exactly one frame is drawn then, and it is already the whole door, pixel for pixel
// what the next one shows.
TEST_CASE("the first frame of a start is the whole home screen: --frames 1 draws one frame, the same picture as two", "[e2e]") {
    TempDir dir;
    std::vector<unsigned char> pictures[2];
    for (int n = 1; n <= 2; ++n) {
        const std::string png = (dir / ("home-" + std::to_string(n) + ".png")).string();
        const std::string dump = (dir / ("home-" + std::to_string(n) + ".jsonl")).string();
        const auto r = runKiosk(dir, {"--screenshot", png, "--frames", std::to_string(n), "--ui-dump", dump, "--size", "1920x1080",
                                      "--now", "2026-11-26T09:10"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        const std::string frames = readFile(dump);
        CHECK(std::count(frames.begin(), frames.end(), '\n') == n);  // one JSON line a frame drawn
        const Png p = load(png);
        REQUIRE(p.w == 1920);
        pictures[n - 1] = p.rgb;
    }
    CHECK(pictures[0] == pictures[1]);
}

// writePng (app/png_writer.h) as --screenshot uses it: OpenGL's rows, bottom first and four bytes
// a pixel, come out as the picture top first in RGB, every byte; also one pixel, and noise whose
// compressed rows overflow the writer's 64 KiB output buffer.
TEST_CASE("writePng turns OpenGL's bottom-up RGBA rows into the picture top first, byte for byte", "[e2e][png]") {
    TempDir dir;
    for (const auto& [w, h] : {std::pair{3, 2}, std::pair{1, 1}, std::pair{30000, 3}}) {
        CAPTURE(w, h);
        std::vector<unsigned char> rgba(static_cast<size_t>(w) * h * 4), expected(static_cast<size_t>(w) * h * 3);
        uint32_t noise = 2463534242u;  // xorshift: bytes zlib cannot shrink, so the output fills its buffer
        for (int y = 0; y < h; ++y)      // y: the row in OpenGL's order, 0 the bottom
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 4; ++c) {
                    noise ^= noise << 13, noise ^= noise >> 17, noise ^= noise << 5;
                    const auto v = static_cast<unsigned char>(noise >> 24);
                    rgba[(static_cast<size_t>(y) * w + x) * 4 + c] = v;
                    if (c < 3) expected[(static_cast<size_t>(h - 1 - y) * w + x) * 3 + c] = v;
                }
        const std::string png = (dir / "p.png").string();
        REQUIRE(writePng(png, PixelRows{rgba.data(), w, h, 4, true}).empty());
        const Png p = load(png);
        CHECK(p.w == w);
        CHECK(p.h == h);
        CHECK(p.rgb == expected);
    }
    CHECK_FALSE(writePng((dir / "none.png").string(), PixelRows{}).empty());
}

TEST_CASE("--size and --screen give the other screens at 1920x1080", "[e2e]") {
    TempDir dir;
    for (const char* screen : {"checkin", "agenda"}) {
        const std::string png = (dir / (std::string(screen) + ".png")).string();
        const std::string dump = (dir / (std::string(screen) + ".jsonl")).string();
        const auto r = runKiosk(dir, {"--screenshot", png, "--ui-dump", dump, "--size", "1920x1080", "--screen", screen, "--now",
                                      "2026-11-26T11:10"});
        INFO(r.err);
        REQUIRE(r.exitCode == 0);
        const Png p = load(png);
        CHECK(p.w == 1920);
        CHECK(p.h == 1080);
        // The screen drawn is the one asked for, as the automation dump reports it (not home).
        const std::string frames = readFile(dump);
        CHECK(frames.find("\"screen\": \"" + std::string(screen) + "\"") != std::string::npos);
        CHECK(frames.find("\"screen\": \"home\"") == std::string::npos);
    }
}

TEST_CASE("without a display the kiosk says so and exits 1", "[e2e]") {
    TempDir dir;
    const auto r = runKiosk(dir, {}, kSource + "/config", {{"DISPLAY", ""}, {"WAYLAND_DISPLAY", ""}});
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("Geen beeldscherm") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a plain message, --help and --version exit 0", "[e2e]") {
    TempDir dir;
    auto r = runKiosk(dir, {"--bogus"});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("onbekende optie") != std::string::npos);
    r = runKiosk(dir, {"--screen", "kelder"});
    CHECK(r.exitCode == 2);
    r = runKiosk(dir, {"--now", "gisteren"});
    CHECK(r.exitCode == 2);
    r = run({kBinary, "--help"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("check-config") != std::string::npos);
    for (const auto& name : ui::screenNames()) {  // every name --screen accepts, on a line of its own
        CAPTURE(name);
        CHECK(r.out.find("\n                     " + name + " ") != std::string::npos);
    }
    r = run({kBinary, "--version"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("leergang-kiosk ", 0) == 0);
}

TEST_CASE("a broken config stops the kiosk with exit 2 and every problem named", "[e2e]") {
    TempDir dir;
    std::filesystem::create_directories(dir / "cfg");
    for (const char* f : {"kiosk.toml", "programme.toml", "exercises.toml", "participants.csv"})
        std::filesystem::copy_file(kSource + "/config/" + f, dir / "cfg" / f);
    std::string prog = readFile((dir / "cfg/programme.toml").string());
    prog.replace(prog.find("theme = \"Creativiteit\""), 22, "thema = \"Creativiteit\"");
    writeFile((dir / "cfg/programme.toml").string(), prog);
    const auto r = runKiosk(dir, {"--screenshot", (dir / "x.png").string()}, (dir / "cfg").string());
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("programme.toml:") != std::string::npos);
    CHECK(r.err.find("onbekende sleutel `thema`") != std::string::npos);
}

TEST_CASE("a kiosk that cannot open its database says so on screen, in Dutch and English, and exits 1", "[e2e]") {
    TempDir dir;
    std::filesystem::create_directories(dir / "attendance.db");  // a folder where the database should be
    const std::string png = (dir / "broken.png").string(), dump = (dir / "dump.jsonl").string();
    const auto r = runKiosk(dir, {"--screenshot", png, "--ui-dump", dump, "--now", "2026-11-26T09:10"});
    INFO(r.err);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("attendance.db") != std::string::npos);
    // The screen drawn is the out-of-order screen, not the home screen and not a blank window.
    const std::string frames = readFile(dump);
    CHECK(frames.find("\"screen\": \"out_of_order\"") != std::string::npos);
    CHECK(frames.find("\"screen\": \"home\"") == std::string::npos);
    const Png p = load(png);
    size_t dark = 0, warning = 0;
    for (size_t i = 0; i < p.rgb.size(); i += 3) {
        const unsigned char r8 = p.rgb[i], g = p.rgb[i + 1], b = p.rgb[i + 2];
        if (r8 < 60 && g < 60 && b < 60) ++dark;
        if (r8 > 100 && r8 > g + 30 && g > b + 30) ++warning;  // the amber warning sign
    }
    CHECK(dark > 3000);   // words on it
    CHECK(warning > 500);
}
