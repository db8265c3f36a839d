#include "png_writer.h"

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <vector>

namespace kiosk {
namespace {

void put32(std::vector<unsigned char>& out, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<unsigned char>(v >> s));
}

void chunk(std::vector<unsigned char>& out, const char* type, const unsigned char* data, size_t n) {
    put32(out, static_cast<uint32_t>(n));
    const size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    if (n) out.insert(out.end(), data, data + n);
    const uLong crc = crc32(0L, out.data() + start, static_cast<uInt>(n + 4));
    put32(out, static_cast<uint32_t>(crc));
}

}  // namespace

std::string writePngRgb(const std::string& path, const unsigned char* rgb, int width, int height) {
    const size_t stride = static_cast<size_t>(width) * 3;
    // Each row: filter byte 1 ("Sub": each byte minus the one three to its left), then the row.
    std::vector<unsigned char> raw((stride + 1) * static_cast<size_t>(height));
    for (int y = 0; y < height; ++y) {
        const unsigned char* row = rgb + static_cast<size_t>(y) * stride;
        unsigned char* dst = raw.data() + static_cast<size_t>(y) * (stride + 1);
        dst[0] = 1;
        for (size_t i = 0; i < stride; ++i) dst[1 + i] = static_cast<unsigned char>(row[i] - (i >= 3 ? row[i - 3] : 0));
    }
    uLongf zlen = compressBound(static_cast<uLong>(raw.size()));
    std::vector<unsigned char> z(zlen);
    if (compress2(z.data(), &zlen, raw.data(), static_cast<uLong>(raw.size()), Z_BEST_SPEED) != Z_OK) return path + ": zlib";
    std::vector<unsigned char> out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<unsigned char> ihdr;
    put32(ihdr, static_cast<uint32_t>(width));
    put32(ihdr, static_cast<uint32_t>(height));
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});  // 8 bits, RGB, deflate, adaptive filtering, no interlace
    chunk(out, "IHDR", ihdr.data(), ihdr.size());
    chunk(out, "IDAT", z.data(), zlen);
    chunk(out, "IEND", nullptr, 0);
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return path + ": " + std::strerror(errno);
    const bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
    if (std::fclose(f) != 0 || !ok) return path + ": " + std::strerror(errno);
    return {};
}

}  // namespace kiosk
