// png_writer.h: a screenshot as a PNG file, fast. zlib at its fastest level with the "Sub" filter:
// a flat kiosk screen compresses well that way, in a fraction of the time stb's own deflate takes
// (which was a third of the whole --screenshot run, and that run is the start-up benchmark).
#pragma once

#include <string>

namespace kiosk {

// `rgb`: height rows of width*3 bytes, top row first. Returns "" or what went wrong.
std::string writePngRgb(const std::string& path, const unsigned char* rgb, int width, int height);

}  // namespace kiosk
