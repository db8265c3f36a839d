// png_writer.h: a screenshot as a PNG file, fast. zlib at its fastest level, run-length only, with
// the "Sub" filter: a flat kiosk screen compresses well that way, in a fraction of the time stb's
// own deflate took (which was a third of the whole --screenshot run, and that run is the start-up
// benchmark). Rows may come bottom row first and with four bytes a pixel, as glReadPixels gives
// them, so no copy is made to turn or narrow them.
#pragma once

#include <string>

namespace kiosk {

// The layout of the pixels handed to writePng: `channels` bytes a pixel (3: RGB, 4: RGBA, whose
// alpha is dropped), rows packed, `bottomUp`: the first row in memory is the picture's bottom one.
struct PixelRows {
    const unsigned char* data = nullptr;
    int width = 0, height = 0;
    int channels = 3;
    bool bottomUp = false;
};

// Writes an 8-bit RGB PNG of `pixels` to `path`. Returns "" or what went wrong ("PATH: reason").
std::string writePng(const std::string& path, const PixelRows& pixels);

}  // namespace kiosk
